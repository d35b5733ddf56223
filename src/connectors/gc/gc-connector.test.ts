import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../domain';
import type { StompInbound, StompOutbound, StompSession, StompSessionStatus } from '../stomp/stomp-session';
import { StompNotConnectedError } from '../stomp/stomp-session';
import { createFakeScheduler } from '../../lib/scheduler';
import type { GcConnectorConfig } from './config';
import { CommandError } from '../transport/types';
import { ERROR_EVENT, QUEUELIST_UCCE, TEAMUSERSLIST, agentInfoAgentBody, stateBody } from './gc-fixtures.test-data';
import { createGcConnector } from './gc-connector';

const CONFIG: GcConnectorConfig = {
  enabled: true,
  brokerUrls: ['ws://broker.invalid:61614'],
  eventsDestination: '/topic/gc.events',
  commandsDestination: '/queue/gc.requests',
  supervisorLoginId: 'sup9001',
  agentLoginIds: [],
  verbs: { ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT', login: 'LOGIN', phonebooks: 'GETPHONEBOOKS', teamPhonebooks: 'GETTEAMPHONEBOOKS', phonebookContacts: 'GETPHONEBOOKCONTACTS' },
  agentDesk: false,
  commandTimeoutMs: 8_000,
  heartbeatMs: 10_000,
  staleAfterMs: 30_000,
};

/** A fake shared session: records SENDs, delivers bodies to subscribers, status on demand. */
function fakeSession() {
  const subs = new Map<string, Set<(m: StompInbound) => void>>();
  const listeners = new Set<(s: StompSessionStatus) => void>();
  const sent: StompOutbound[] = [];
  let status: StompSessionStatus = { state: 'idle', connects: 0 };
  let started = 0;
  const session: StompSession & {
    deliver(dest: string, body: string): void;
    setStatus(s: StompSessionStatus): void;
    sent: StompOutbound[];
    readonly started: number;
  } = {
    start() {
      started += 1;
    },
    async stop() {
      /* owned by the test */
    },
    get connected() {
      return status.state === 'connected';
    },
    get status() {
      return status;
    },
    subscribe(destination, handler) {
      const set = subs.get(destination) ?? new Set();
      set.add(handler);
      subs.set(destination, set);
      return { unsubscribe: () => set.delete(handler) };
    },
    publish(m) {
      if (status.state !== 'connected') throw new StompNotConnectedError();
      sent.push(m);
    },
    onStatus(l) {
      listeners.add(l);
      l(status);
      return () => listeners.delete(l);
    },
    deliver(dest, body) {
      for (const h of subs.get(dest) ?? []) h({ destination: dest, body, headers: {} });
    },
    setStatus(s) {
      status = s;
      for (const l of listeners) l(s);
    },
    sent,
    get started() {
      return started;
    },
  };
  return session;
}

function setup(config: Partial<GcConnectorConfig> = {}) {
  const scheduler = createFakeScheduler(1_000_000);
  const session = fakeSession();
  const events: DomainEvent[] = [];
  const c = createGcConnector({ ...CONFIG, ...config }, (es) => events.push(...es), { session, scheduler });
  c.start();
  session.setStatus({ state: 'connected', connects: 1, url: 'ws://broker.invalid:61614/' });
  return { scheduler, session, events, c };
}
const statuses = (es: DomainEvent[]) => es.flatMap((e) => (e.kind === 'connection.status' ? [e.status] : []));

describe('GC connector: events', () => {
  it('subscribes the events destination and maps a burst with malformed frames in between', () => {
    const { session, events } = setup();
    expect(session.started).toBe(1);
    const burst = [
      stateBody(),
      'garbage',
      stateBody({ agent_login_Id: 'agent2002', agent_current_state: 'READY', resonCodeId: '' }).replace(/#[^#]*$/, ''),
      'agent2003#Dialog#x#y',
      'sup9001#QueueList#queue_name:Sales,__proto__:1,Number_of_CallsInQueue:2',
      QUEUELIST_UCCE,
      TEAMUSERSLIST,
      stateBody({ agent_login_Id: 'agent2003', agent_current_state: 'TALKING', resonCodeId: '', agent_full_name: '<img src=x onerror=alert(1)>' }),
    ];
    for (const b of burst) session.deliver('/topic/gc.events', b);
    const summary = events.filter((e) => e.kind !== 'connection.status').map((e) => (e.kind === 'ingest.error' ? `error:${e.error.code}` : e.kind === 'agent.upsert' || e.kind === 'queue.upsert' ? `${e.kind}:${e.id}` : e.kind));
    expect(summary).toEqual([
      'agent.upsert:agent2001',
      'error:malformed-frame',
      'error:wrong-field-count',
      'error:unknown-event',
      'error:hostile-key',
      'queue.upsert:Sales',
      'snapshot',
      'queue.upsert:Sales',
      'queue.upsert:Support',
      'snapshot',
      'agent.upsert:agent2001',
      'agent.upsert:agent2002',
      'snapshot',
      'agent.upsert:agent2003',
    ]);
    const last = events.at(-1);
    expect(last).toMatchObject({ kind: 'agent.upsert', name: '<img src=x onerror=alert(1)>' });
  });

  it('forgets what the mapper remembered when the session reconnects (nothing from before an outage passes as fresh)', () => {
    const lastUpsert = (events: DomainEvent[]) => events.filter((e) => e.kind === 'agent.upsert' && e.id === 'agent2001').at(-1);
    // Without an outage, a TeamUsersList entry in the same state keeps the State event's reason code.
    const a = setup();
    a.session.deliver('/topic/gc.events', stateBody());
    a.session.deliver('/topic/gc.events', TEAMUSERSLIST);
    expect(lastUpsert(a.events)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2' });
    // After a reconnect the remembered reason code is gone: only what GC sends now counts.
    const b = setup();
    b.session.deliver('/topic/gc.events', stateBody());
    b.session.setStatus({ state: 'down', connects: 1, reason: 'socket closed' });
    b.session.setStatus({ state: 'connected', connects: 2, url: 'ws://broker.invalid:61614/' });
    b.session.deliver('/topic/gc.events', TEAMUSERSLIST);
    const after = lastUpsert(b.events);
    expect(after).toMatchObject({ state: 'NOT_READY', reasonLabel: 'Lunch' });
    expect(after && 'reasonCodeId' in after ? after.reasonCodeId : undefined).toBeUndefined();
  });

  it('reports connecting, live, down with the reason, stale after the window and live again', () => {
    const { session, events, scheduler } = setup();
    expect(statuses(events)).toEqual(['connecting', 'live']);
    scheduler.advance(30_000);
    expect(statuses(events)).toEqual(['connecting', 'live', 'stale']);
    session.deliver('/topic/gc.events', stateBody());
    expect(statuses(events)).toEqual(['connecting', 'live', 'stale', 'live']);
    session.setStatus({ state: 'down', connects: 1, reason: 'WebSocket closed (1006)' });
    expect(events.filter((e) => e.kind === 'connection.status').at(-1)).toMatchObject({ status: 'down', reason: 'WebSocket closed (1006)' });
    session.setStatus({ state: 'connecting', connects: 1 });
    scheduler.advance(60_000);
    expect(statuses(events)).toEqual(['connecting', 'live', 'stale', 'live', 'down']);
    session.setStatus({ state: 'connected', connects: 2 });
    expect(statuses(events)).toEqual(['connecting', 'live', 'stale', 'live', 'down', 'live']);
  });

  it('stop emits idle and leaves an injected session running', async () => {
    const { c, events } = setup();
    await c.stop();
    expect(statuses(events).at(-1)).toBe('idle');
  });
});

describe('GC connector: setAgentState', () => {
  it('publishes NOT_READY#<id> with the reason code and resolves on the matching State event only', async () => {
    const { session, c } = setup();
    let done = false;
    const p = c.setAgentState({ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '3' }).then(() => {
      done = true;
    });
    expect(session.sent).toEqual([{ destination: '/queue/gc.requests', headers: { type: 'NOT_READY#agent2001' }, body: '3' }]);
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2002', resonCodeId: '3' }));
    session.deliver('/topic/gc.events', stateBody({ resonCodeId: '2' }));
    session.deliver('/topic/gc.events', stateBody({ agent_current_state: 'READY', resonCodeId: '' }));
    await Promise.resolve();
    expect(done).toBe(false);
    session.deliver('/topic/gc.events', stateBody({ resonCodeId: '3' }));
    await p;
    expect(done).toBe(true);
  });

  it('resolves when Finesse accepts the state as pending for an agent on a call', async () => {
    const { session, c } = setup();
    let done = false;
    const p = c.setAgentState({ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '2' }).then(() => {
      done = true;
    });
    session.deliver('/topic/gc.events', stateBody({ agent_current_state: 'TALKING', resonCodeId: '', agent_PendingState: 'READY' }));
    await Promise.resolve();
    expect(done).toBe(false);
    session.deliver('/topic/gc.events', stateBody({ agent_current_state: 'TALKING', resonCodeId: '', agent_PendingState: 'NOT_READY' }));
    await p;
    expect(done).toBe(true);
  });

  it('READY resolves on a READY State event', async () => {
    const { session, c } = setup();
    const p = c.setAgentState({ agentId: 'agent2001', state: 'READY' });
    expect(session.sent[0]).toEqual({ destination: '/queue/gc.requests', headers: { type: 'READY#agent2001' }, body: '' });
    session.deliver('/topic/gc.events', stateBody({ agent_current_state: 'READY', resonCodeId: '' }));
    await expect(p).resolves.toBeUndefined();
  });

  it('rejects with vendor-error on an Error event for that login id (and counts it)', async () => {
    const { session, c, events } = setup();
    const p = c.setAgentState({ agentId: 'agent2001', state: 'LOGOUT', reasonCodeId: '20' });
    session.deliver('/topic/gc.events', 'agent2002#Error#GENERAL_ERROR#not yours');
    session.deliver('/topic/gc.events', ERROR_EVENT);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toMatchObject({ code: 'vendor-error', vendorCode: 'USER_NOT_FOUND' });
    expect((err as Error).message).toContain('Agent agent2001 is not logged in');
    expect(events.filter((e) => e.kind === 'ingest.error').map((e) => (e.kind === 'ingest.error' ? e.error.code : ''))).toEqual(['vendor-error']);
  });

  it('rejects with timeout after commandTimeoutMs', async () => {
    const { c, scheduler } = setup({ commandTimeoutMs: 5_000 });
    const p = c.setAgentState({ agentId: 'agent2001', state: 'READY' });
    let settled = false;
    p.catch(() => undefined).finally(() => (settled = true));
    scheduler.advance(4_999);
    await Promise.resolve();
    expect(settled).toBe(false);
    scheduler.advance(1);
    await expect(p).rejects.toMatchObject({ code: 'timeout' });
  });

  it('rejects with not-connected when the session is down', async () => {
    const { session, c } = setup();
    session.setStatus({ state: 'down', connects: 1, reason: 'gone' });
    await expect(c.setAgentState({ agentId: 'agent2001', state: 'READY' })).rejects.toMatchObject({ code: 'not-connected' });
    expect(session.sent).toEqual([]);
  });

  it('read-only (the kiosk): every command rejects with read-only and nothing is published', async () => {
    const scheduler = createFakeScheduler(1_000_000);
    const session = fakeSession();
    const c = createGcConnector(CONFIG, () => undefined, { session, scheduler, readOnly: true });
    c.start();
    session.setStatus({ state: 'connected', connects: 1, url: 'ws://broker.invalid:61614/' });
    for (const state of ['READY', 'NOT_READY', 'LOGOUT'] as const) {
      await expect(c.setAgentState({ agentId: 'agent2001', state, reasonCodeId: state === 'READY' ? undefined : '3' })).rejects.toMatchObject({ code: 'read-only' });
    }
    expect(session.sent).toEqual([]);
  });

  it('rejects invalid input without sending', async () => {
    const { session, c } = setup();
    await expect(c.setAgentState({ agentId: 'agent#2001', state: 'READY' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(c.setAgentState({ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '1,2' })).rejects.toMatchObject({ code: 'invalid' });
    expect(session.sent).toEqual([]);
  });

  it('confirms commands for agents outside agentLoginIds too (the filter is for display only)', async () => {
    const { session, c, events } = setup({ agentLoginIds: ['agent2002'] });
    const p = c.setAgentState({ agentId: 'agent2001', state: 'READY' });
    session.deliver('/topic/gc.events', stateBody({ agent_current_state: 'READY', resonCodeId: '' }));
    await expect(p).resolves.toBeUndefined();
    expect(events.some((e) => e.kind === 'agent.upsert')).toBe(false);
  });
});

describe('GC connector: agent desk mode (issue 9, /agent)', () => {
  function deskSetup() {
    const scheduler = createFakeScheduler(1_000_000);
    const session = fakeSession();
    const events: DomainEvent[] = [];
    const c = createGcConnector(CONFIG, (es) => events.push(...es), { session, scheduler, desk: true });
    c.start();
    session.setStatus({ state: 'connected', connects: 1, url: 'ws://broker.invalid:61614/' });
    const mapped = () => events.filter((e) => e.kind !== 'connection.status');
    return { scheduler, session, events, c, mapped };
  }
  const LOGIN = { loginId: 'agent2005', password: 'pw', extension: '2005', dialNumber: '5551234', callByCall: true };

  it('maps nothing before the login; after it only its own login id (others on the shared topic are dropped, not counted)', async () => {
    const { session, c, mapped } = deskSetup();
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2001' }));
    session.deliver('/topic/gc.events', QUEUELIST_UCCE);
    expect(mapped()).toEqual([]);
    // A frame nobody can be named for is still counted.
    session.deliver('/topic/gc.events', 'garbage');
    expect(mapped().map((e) => (e.kind === 'ingest.error' ? e.error.code : e.kind))).toEqual(['malformed-frame']);
    const done = c.mobileLogin(LOGIN);
    expect(session.sent).toEqual([{ destination: '/queue/gc.requests', headers: { type: 'MOBILEAGENTLOGIN#agent2005' }, body: 'pw,2005,5551234,true' }]);
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2001', agent_current_state: 'READY', resonCodeId: '' }));
    session.deliver('/topic/gc.events', agentInfoAgentBody({ agent_login_Id: 'agent2005', agent_full_name: 'Eva Novak' }));
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2005', agent_current_state: 'NOT_READY', resonCodeId: '-1', agent_full_name: 'Eva Novak' }));
    await expect(done).resolves.toBeUndefined();
    expect(mapped().map((e) => (e.kind === 'agent.upsert' ? `${e.id}:${e.state}:${e.teamId}` : e.kind === 'ingest.error' ? e.error.code : e.kind))).toEqual([
      'malformed-frame',
      'agent2005:NOT_READY:5',
    ]);
  });

  it('a WRONG_EXTENSION Error event rejects the login with the vendor code', async () => {
    const { session, c } = deskSetup();
    const done = c.mobileLogin({ ...LOGIN, extension: '9999' });
    session.deliver('/topic/gc.events', 'agent2005#Error#WRONG_EXTENSION#Extension 9999 is not the extension of agent2005');
    await expect(done).rejects.toMatchObject({ code: 'vendor-error', vendorCode: 'WRONG_EXTENSION' });
  });

  it('a password or extension with , # | is refused before anything is sent; the message never carries the password', async () => {
    const { session, c } = deskSetup();
    await expect(c.mobileLogin({ ...LOGIN, password: 'se,cret' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(c.mobileLogin({ ...LOGIN, extension: '20#05' })).rejects.toMatchObject({ code: 'invalid' });
    const err = await c.mobileLogin({ ...LOGIN, password: 'se|cret' }).catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain('se|cret');
    expect(session.sent).toEqual([]);
  });

  it('phonebooks, team phonebooks and contacts: requested with the configured verbs, resolved by their events, mapped to phonebook events', async () => {
    const { session, c, mapped } = deskSetup();
    await expect(c.requestPhonebooks('agent')).rejects.toMatchObject({ code: 'invalid' }); // not logged in
    const login = c.mobileLogin(LOGIN);
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2005' }));
    await login;
    const books = c.requestPhonebooks('agent');
    const team = c.requestPhonebooks('team');
    session.deliver('/topic/gc.events', 'agent2005#Phonebooks#name:Company directory,type:GLOBAL,id:1');
    session.deliver('/topic/gc.events', 'agent2005#TeamPhoneBooks#NoTeamPhoneBookFound');
    await Promise.all([books, team]);
    const contacts = c.requestContacts('1');
    session.deliver('/topic/gc.events', 'agent2005#PhonebookContacts#description:Lead,firstName:Nina,lastName:Berg,phoneNumber:2017,id:101');
    await contacts;
    expect(session.sent.map((m) => `${m.headers?.type}|${m.body}`)).toEqual([
      'MOBILEAGENTLOGIN#agent2005|pw,2005,5551234,true',
      'GETPHONEBOOKS#agent2005|',
      'GETTEAMPHONEBOOKS#agent2005|',
      'GETPHONEBOOKCONTACTS#agent2005|1',
    ]);
    expect(mapped().filter((e) => e.kind.startsWith('phonebook'))).toEqual([
      expect.objectContaining({ kind: 'phonebook.list', owner: 'agent2005', scope: 'agent', phonebooks: [{ id: '1', name: 'Company directory', type: 'GLOBAL' }] }),
      expect.objectContaining({ kind: 'phonebook.list', owner: 'agent2005', scope: 'team', phonebooks: [] }),
      expect.objectContaining({ kind: 'phonebook.contacts', phonebookId: '1', contacts: [expect.objectContaining({ id: '101', phoneNumber: '2017' })] }),
    ]);
  });

  it('transfer and conference: vendor verbs and bodies, settled by the next State or Error', async () => {
    const { session, c } = deskSetup();
    const login = c.mobileLogin(LOGIN);
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2005' }));
    await login;
    const t = c.transfer('2017', 'gc-call-7');
    session.deliver('/topic/gc.events', stateBody({ agent_login_Id: 'agent2005', agent_current_state: 'WORK', resonCodeId: '' }));
    await t;
    const k = c.conference('2017', 'gc-call-8');
    session.deliver('/topic/gc.events', 'agent2005#Error#DIALOG_NOT_FOUND#No dialog gc-call-8');
    await expect(k).rejects.toMatchObject({ vendorCode: 'DIALOG_NOT_FOUND' });
    expect(session.sent.slice(1).map((m) => `${m.headers?.type}|${m.body}`)).toEqual(['TransferCall#agent2005|2017,gc-call-7', 'Conferencecall#agent2005|2017,gc-call-8']);
    await expect(c.transfer('20,17', 'x')).rejects.toMatchObject({ code: 'invalid' });
  });
});
