import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deriveRteUser } from './rte-wire';
import { SimModel, manualClock } from './model';
import { RTE_FOREIGN_USER_ID, rteQueueId, rteUserId } from './roster';
import { RteHub } from './rte-hub';
import { waitFor } from './test-support';
import { createTokenService, type TokenService } from './token';

interface Received {
  subscription: { entityId: string; eventName: string };
  data: Record<string, unknown>;
}

describe('RTE hub with the real @microsoft/signalr client', () => {
  let model: SimModel;
  let tokens: TokenService;
  let hub: RteHub;
  const conns: HubConnection[] = [];

  const connect = (token: () => Promise<string>, received: Received[], reconnect = false): HubConnection => {
    const b = new HubConnectionBuilder()
      .withUrl(hub.url, { accessTokenFactory: token, transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None);
    if (reconnect) b.withAutomaticReconnect([0, 100, 200, 300, 500, 1000, 1000, 1000]);
    const c = b.build();
    c.on('MessageReceived', (m: Received) => received.push(m));
    conns.push(c);
    return c;
  };

  beforeEach(async () => {
    model = new SimModel({ seed: 42, clock: manualClock() });
    tokens = createTokenService({ ttlSec: 60 });
    hub = new RteHub({ model, tokens, port: 0 });
    await hub.start();
  });

  afterEach(async () => {
    for (const c of conns.splice(0)) await c.stop().catch(() => {});
    await hub.dispose();
  });

  it('subscribes with vendor-shaped results, pushes current values and changes', async () => {
    const received: Received[] = [];
    const c = connect(() => tokens.issue(), received);
    await c.start();
    const q1 = rteQueueId(1);
    const u1 = rteUserId(1);
    const result = await c.invoke('Subscribe', [
      { EntityId: q1, EventName: 'QueueStatus' },
      { entityId: u1, eventName: 'userStatus' },
      { EntityId: u1, EventName: 'UserAvailability' },
      { EntityId: RTE_FOREIGN_USER_ID, EventName: 'UserStatus' },
      { EntityId: q1, EventName: 'NoSuchEvent' },
    ]);
    expect(result).toEqual([
      { subscribed: true, message: null, entityId: q1, eventName: 'queuestatus' },
      { subscribed: true, message: null, entityId: u1, eventName: 'userstatus' },
      { subscribed: true, message: null, entityId: u1, eventName: 'useravailability' },
      { subscribed: false, message: 'Unauthorized', entityId: RTE_FOREIGN_USER_ID, eventName: 'userstatus' },
      { subscribed: false, message: 'Unknown event', entityId: q1, eventName: 'nosuchevent' },
    ]);
    expect(Object.keys((result as object[])[0] as object)).toEqual(['subscribed', 'message', 'entityId', 'eventName']);

    await waitFor(() => (received.length >= 3 ? true : undefined));
    const qs = received.find((m) => m.subscription.eventName === 'queuestatus');
    expect(qs?.subscription).toEqual({ entityId: q1, eventName: 'queuestatus' });
    expect(qs?.data).toMatchObject({ queueId: q1, queueName: 'Switchboard', openStatus: 5 });
    expect(typeof qs?.data['maxWaitTime']).toBe('number');
    expect(typeof qs?.data['nbrOfQueuingRequesters']).toBe('number');
    const us = received.find((m) => m.subscription.eventName === 'userstatus');
    expect(us?.data).toMatchObject({ userId: u1 });
    expect(typeof us?.data['talking']).toBe('boolean');

    // A change is pushed.
    const before = received.length;
    const target = model.agent(u1)?.state === 'LOGOUT' ? 'READY' : 'LOGOUT';
    expect(model.setAgentState(u1, target, target === 'LOGOUT' ? '20' : undefined).ok).toBe(true);
    await waitFor(() => (received.length > before ? true : undefined));
    const av = received.slice(before).find((m) => m.subscription.eventName === 'useravailability');
    if (model.agent(u1)?.state === 'LOGOUT') expect(av?.data['availability']).toBe('OffWork');

    expect(await c.invoke('AvailableSubscriptions')).toContain('QueueStatus');
    expect(await c.invoke('Unsubscribe', [{ EntityId: q1, EventName: 'QueueStatus' }])).toEqual([
      { subscribed: false, message: null, entityId: q1, eventName: 'queuestatus' },
    ]);
    expect(await c.invoke('UnsubscribeAll')).toBe(true);
    await expect(c.invoke('NoSuchMethod')).rejects.toThrow(/Method does not exist/);

    const log = hub.log().connections;
    expect(log).toHaveLength(1);
    expect(log[0]?.closedAt).toBeNull();
    expect(log[0]?.invocations.map((i) => i.target)).toEqual(['Subscribe', 'AvailableSubscriptions', 'Unsubscribe', 'UnsubscribeAll', 'NoSuchMethod']);
  });

  it('answers 401 for a bad or expired token', async () => {
    const bad = connect(async () => 'not-a-jwt', []);
    await expect(bad.start()).rejects.toThrow(/401|Unauthorized/);
    const expired = connect(() => tokens.issue(0), []);
    await expect(expired.start()).rejects.toThrow(/401|Unauthorized/);
    const other = createTokenService({ ttlSec: 60 });
    const foreign = connect(() => other.issue(), []);
    await expect(foreign.start()).rejects.toThrow(/401|Unauthorized/);
    const res = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, { method: 'POST', headers: { Origin: 'http://x.test' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://x.test');
  });

  it('negotiates per the SignalR spec and allows CORS with credentials', async () => {
    const pre = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Headers': 'authorization,x-signalr-user-agent' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const res = await fetch(`${hub.url}/negotiate?negotiateVersion=1`, { method: 'POST', headers: { Authorization: `Bearer ${await tokens.issue()}` } });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ negotiateVersion: 1, availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }] });
    expect(typeof body['connectionId']).toBe('string');
    expect(typeof body['connectionToken']).toBe('string');
  });

  it('survives a hub restart: the client reconnects as a new connection and re-subscribes', async () => {
    const received: Received[] = [];
    const c = connect(() => tokens.issue(), received, true);
    const q2 = rteQueueId(2);
    c.onreconnected(() => void c.invoke('Subscribe', [{ EntityId: q2, EventName: 'QueueStatus' }]));
    await c.start();
    await c.invoke('Subscribe', [{ EntityId: q2, EventName: 'QueueStatus' }]);
    await waitFor(() => (received.length >= 1 ? true : undefined));
    await hub.stop();
    expect(hub.running).toBe(false);
    await hub.start();
    const n = received.length;
    await waitFor(() => (c.state === HubConnectionState.Connected && received.length > n ? true : undefined), 8000);
    expect(hub.log().connections).toHaveLength(2);
    expect(hub.log().connections[0]?.closedAt).not.toBeNull();
  });

  it('freeze is a half-open hub: nothing flows either way until thaw, then everything in order', async () => {
    const received: Received[] = [];
    const c = connect(() => tokens.issue(), received);
    await c.start();
    hub.freeze();
    expect(hub.isFrozen).toBe(true);
    let answered = false;
    const subscribed = c.invoke('Subscribe', [{ EntityId: rteQueueId(3), EventName: 'QueueStatus' }]).then((r: unknown) => ((answered = true), r));
    // A new client waits too: its negotiate is not answered while frozen.
    const late = connect(() => tokens.issue(), []);
    let lateStarted = false;
    const lateStart = late.start().then(() => (lateStarted = true));
    // The invocation reached the hub's socket but is held: the log has no Subscribe.
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    expect(lateStarted).toBe(false);
    expect(hub.log().connections[0]!.invocations).toEqual([]);
    hub.thaw();
    expect(await subscribed).toEqual([{ subscribed: true, message: null, entityId: rteQueueId(3), eventName: 'queuestatus' }]);
    await waitFor(() => (received.length >= 1 ? true : undefined));
    await lateStart;
    expect(late.state).toBe(HubConnectionState.Connected);
  });

  it('orders UserAvailability/UserStatus so the derived state never flashes a third state', async () => {
    const received: Received[] = [];
    const c = connect(() => tokens.issue(), received);
    await c.start();
    const users = model.agents('rte').slice(0, 8).map((a) => a.id);
    await c.invoke('Subscribe', users.flatMap((id) => [{ EntityId: id, EventName: 'UserStatus' }, { EntityId: id, EventName: 'UserAvailability' }]));
    await waitFor(() => (received.length >= users.length * 2 ? true : undefined));
    const latest = new Map<string, Received['data']>();
    const derived = (id: string): string | undefined => deriveRteUser(latest.get(`useravailability|${id}`), latest.get(`userstatus|${id}`))?.state;
    let seen = 0;
    const consume = (): string[] => {
      const states: string[] = [];
      for (const m of received.slice(seen)) {
        latest.set(`${m.subscription.eventName}|${m.subscription.entityId}`, m.data);
        states.push(`${m.subscription.entityId}:${derived(m.subscription.entityId) ?? '?'}`);
      }
      seen = received.length;
      return states;
    };
    consume();
    for (const id of users) {
      for (const [target, reason] of [['LOGOUT', '20'], ['NOT_READY', '2'], ['LOGOUT', '20'], ['NOT_READY', undefined], ['LOGOUT', '20']] as const) {
        if (model.agent(id)?.state === 'TALKING') continue;
        const before = model.agent(id)?.state;
        const n = received.length;
        const r = model.setAgentState(id, target, reason);
        if (!r.ok || !r.changed) continue;
        await waitFor(() => (received.length > n ? true : undefined));
        await new Promise((r) => setTimeout(r, 20));
        for (const s of consume()) expect([`${id}:${before}`, `${id}:${model.agent(id)?.state}`]).toContain(s);
      }
    }
  });

  it('refuses bad upgrades and survives malformed hub messages', async () => {
    const wsUrl = hub.url.replace('http', 'ws');
    const status = (url: string): Promise<number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => resolve(-1));
      });
    expect(await status(`${wsUrl}?access_token=nope`)).toBe(401);
    expect(await status(`${wsUrl}?id=unknown&access_token=${await tokens.issue()}`)).toBe(404);

    const open = async (): Promise<{ ws: WebSocket; got: string[]; closed: Promise<void> }> => {
      const ws = new WebSocket(`${wsUrl}?access_token=${await tokens.issue()}`);
      const got: string[] = [];
      ws.on('message', (d: Buffer) => got.push(d.toString()));
      const closed = new Promise<void>((r) => ws.once('close', () => r()));
      await new Promise((r) => ws.once('open', r));
      return { ws, got, closed };
    };
    const a = await open();
    a.ws.send('{"protocol":"messagepack","version":1}\u001e');
    await a.closed;
    expect(a.got.join('')).toContain('not available');

    const b = await open();
    b.ws.send('{"protocol":"json","version":1}\u001e');
    b.ws.send('{"type":1,"invocationId":"1","target":"Subscribe","arguments":["x"]}\u001e{"type":1,"invocationId":"2","target":"AvailableSubscriptions","arguments":[]}\u001e');
    b.ws.send('this is not json\u001e');
    await b.closed;
    const recs = b.got.join('').split('\u001e').filter(Boolean).map((r) => JSON.parse(r) as Record<string, unknown>);
    expect(recs[0]).toEqual({});
    expect(recs.find((r) => r['invocationId'] === '1')?.['error']).toMatch(/expected an array/);
    expect(recs.find((r) => r['invocationId'] === '2')?.['result']).toContain('UserAvailability');
    expect(recs.at(-1)).toMatchObject({ type: 7 });

    // The hub still serves.
    const c = connect(() => tokens.issue(), []);
    await c.start();
    expect(await c.invoke('UnsubscribeAll')).toBe(true);
  });
});
