import { describe, expect, it } from 'vitest';
import { fakeStompSession } from '../stomp/fake-session.test-support';
import type { DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { CommandError } from '../transport/types';
import { bctConfigSchema } from './config';
import { createBctConnector } from './bct-connector';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');


const event = (event: string, properties: unknown, instance = 'BCT1') =>
  JSON.stringify({ adapter: 'BusinessConnect', instance, event, timestamp: '2026-12-01T09:00:00.000Z', properties });

function setup(over: Record<string, unknown> = {}) {
  const scheduler = createFakeScheduler(T0);
  const s = fakeStompSession({ state: 'idle', connects: 0 });
  const events: DomainEvent[] = [];
  const config = bctConfigSchema.parse({
    brokerUrls: ['/stomp'],
    instance: 'BCT1',
    agentNames: ['anna.berg'],
    notReadyReasons: ['Lunch'],
    timeZone: 'Europe/Berlin',
    requestTimeoutMs: 2_000,
    ...over,
  });
  const c = createBctConnector(config, (es) => events.push(...es), { session: s.session, scheduler, clientId: 'board' });
  c.start();
  const reply = (i: number, body: unknown) => s.deliver('/queue/wallboard.replies.board', JSON.stringify(body), { 'correlation-id': s.sent[i]!.headers!['correlation-id']! });
  const kinds = () => events.map((e) => e.kind);
  return { scheduler, s, c, events, reply, kinds };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('BCT connector', () => {
  it('goes live on connect, announces the configured agents and reconciles alarms with GetCurrentAlarms', async () => {
    const { s, events, reply } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    expect(events.filter((e) => e.kind === 'connection.status').map((e) => (e as { status: string }).status)).toEqual(['connecting', 'live']);
    expect(events.find((e) => e.kind === 'agent.upsert')).toMatchObject({ id: 'anna.berg', name: 'anna.berg', source: 'bct' });
    expect(JSON.parse(s.sent[0]!.body)).toEqual({ command: 'GetCurrentAlarms', instance: 'BCT1', properties: {} });
    expect(s.sent[0]!.destination).toBe('/queue/uip.bct.commands');
    reply(0, { command: 'GetCurrentAlarms', isSuccess: true, activeAlarms: '1', alarms: [{ dateTime: '8/5/2018 3:37:13 PM', source: '[Monitoring Service]', id: '2101', message: 'Connection failed to PBX: Headq1 - 10.128.122.67' }] });
    await flush();
    const raise = events.find((e) => e.kind === 'alarm.raise');
    expect(raise).toMatchObject({ id: '2101|[Monitoring Service]', vendorId: '2101', condition: 'Connection failed to PBX: Headq1 - 10.128.122.67', entityName: '[Monitoring Service]', vendorTime: Date.parse('2018-08-05T13:37:13Z') });
    expect(events.at(-1)).toMatchObject({ kind: 'alarm.reconcile', activeIds: ['2101|[Monitoring Service]'] });
  });

  it('maps the relay events; another instance is a counted notice; web chat is a chat event; garbage is a counted error', () => {
    const { s, events } = setup({ routerNames: ['Sales'] });
    s.setStatus({ state: 'connected', connects: 1 });
    events.length = 0;
    const d = (b: string) => s.deliver('/topic/uip.bct.events', b);
    d(event('RouterStatus', { routerName: 'Sales', queueLength: '2', maxWaitingTime: '30', idleAgents: '1' }));
    d(event('RouterStatus', { routerName: 'Other', queueLength: '2' }));
    d(event('ConnectionStatus', { status: false, bctServerAddress: '10.128.122.67', bctServerPort: '32011' }));
    d(event('AlarmNotification', { id: '2101', source: '[Monitoring Service]', message: 'x', dateTime: '8/5/2018 3:37:13 PM', resolved: true, activeAlarms: '0' }));
    d(event('EmergencyCall', { calledEmergencyNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', callerLocation: '' }));
    d(event('WebChatRequest', { sessionId: 's1', initiator: 'Max', email: 'm@example.com', router: 'Chat', language: 'de' }));
    d(event('RouterStatus', { routerName: 'Sales' }, 'BCT2'));
    d('{"event":');
    expect(events).toEqual([
      { kind: 'router.upsert', source: 'bct', at: T0, id: 'Sales', stats: { queueLength: 2, idleAgents: 1, maxWaitingSince: T0 - 30_000 } },
      { kind: 'vendor.notice', source: 'bct', at: T0, eventName: 'RouterStatus (router not configured)', entityId: 'Other' },
      { kind: 'adapter.status', source: 'bct', at: T0, adapter: 'Business ConneCT adapter BCT1', connected: false, detail: '10.128.122.67:32011' },
      { kind: 'alarm.clear', source: 'bct', at: T0, id: '2101|[Monitoring Service]' },
      { kind: 'emergency.call', source: 'bct', at: T0, id: `BCT1|${T0}|2001|112`, calledNumber: '112', callingNumber: '2001', callerName: 'Ann Lee' },
      { kind: 'chat.request', source: 'bct', at: T0, sessionId: 's1', instance: 'BCT1', initiator: 'Max', email: 'm@example.com', router: 'Chat', language: 'de' },
      { kind: 'vendor.notice', source: 'bct', at: T0, eventName: 'RouterStatus (instance BCT2)', entityId: 'BCT2' },
      { kind: 'ingest.error', source: 'bct', at: T0, error: { code: 'malformed-frame', message: expect.stringContaining('not JSON'), at: T0 } },
    ]);
  });

  it('Ready / Not Ready: resolves on isSuccess and sets the tile; a negative answer, silence and a malformed answer fail distinctly', async () => {
    const { s, c, events, reply, scheduler } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    const nr = c.setAgentState({ agentId: 'anna.berg', state: 'NOT_READY', reasonCodeId: 'Lunch' });
    expect(JSON.parse(s.sent[1]!.body)).toEqual({ command: 'SetAgentNotReady', instance: 'BCT1', properties: { agentName: 'anna.berg', reason: 'Lunch' } });
    reply(1, { command: 'SetAgentNotReady', isSuccess: true });
    await nr;
    expect(events.at(-1)).toMatchObject({ kind: 'agent.upsert', id: 'anna.berg', state: 'NOT_READY', reasonLabel: 'Lunch', vendorState: 'SetAgentNotReady' });

    const neg = c.setAgentState({ agentId: 'anna.berg', state: 'READY' });
    reply(2, { command: 'SetAgentReady', isSuccess: false, message: 'Agent is not logged on' });
    await expect(neg).rejects.toMatchObject({ code: 'vendor-error', message: 'SetAgentReady refused: Agent is not logged on' });
    const bad = c.setAgentState({ agentId: 'anna.berg', state: 'READY' });
    reply(3, 'garbage');
    await expect(bad).rejects.toMatchObject({ code: 'vendor-error', vendorCode: 'malformed' });
    const silent = c.setAgentState({ agentId: 'anna.berg', state: 'READY' });
    scheduler.advance(2_000);
    await expect(silent).rejects.toMatchObject({ code: 'timeout' });
    expect(events.filter((e) => e.kind === 'agent.upsert' && e.state === 'READY')).toHaveLength(0);
  });

  it('refuses before sending: Logout, an unknown agent, an unconfigured reason, a RouteMessage without target; offers its own reasons', async () => {
    const { s, c } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    const before = s.sent.length;
    await expect(c.setAgentState({ agentId: 'anna.berg', state: 'LOGOUT' })).rejects.toBeInstanceOf(CommandError);
    await expect(c.setAgentState({ agentId: 'nobody', state: 'READY' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(c.setAgentState({ agentId: 'anna.berg', state: 'NOT_READY', reasonCodeId: 'Coffee' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(c.routeMessage({ message: 'hi' })).rejects.toMatchObject({ code: 'invalid', message: 'a starter or a router is required' });
    expect(s.sent.length).toBe(before);
    expect(c.states).toEqual(['READY', 'NOT_READY']);
    expect(c.reasonCodes).toEqual({ notReady: [{ id: 'Lunch', label: 'Lunch' }], logout: [] });
  });

  it('read-only (the kiosk): agent state, RouteMessage and web chat commands reject with read-only; only reads reach the broker', async () => {
    const scheduler = createFakeScheduler(T0);
    const s = fakeStompSession({ state: 'idle', connects: 0 });
    const config = bctConfigSchema.parse({ brokerUrls: ['/stomp'], instance: 'BCT1', agentNames: ['anna.berg'], notReadyReasons: ['Lunch'], routerNames: ['R1'], webChat: { agentName: 'Desk', routerName: 'R1' } });
    const c = createBctConnector(config, () => undefined, { session: s.session, scheduler, clientId: 'board', readOnly: true });
    c.start();
    s.setStatus({ state: 'connected', connects: 1 });
    await flush();
    const reads = s.sent.map((m) => JSON.parse(m.body ?? '{}').command as string);
    const chat = { source: 'bct' as const, sessionId: 'c-1', instance: 'BCT1' };
    await expect(c.setAgentState({ agentId: 'anna.berg', state: 'READY' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(c.setAgentState({ agentId: 'anna.berg', state: 'NOT_READY', reasonCodeId: 'Lunch' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(c.routeMessage({ message: 'hi', routerName: 'R1' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(c.webChat!.respond(chat, { accept: true })).rejects.toMatchObject({ code: 'read-only' });
    await expect(c.webChat!.sendMessage(chat, 'x')).rejects.toMatchObject({ code: 'read-only' });
    expect(s.sent.map((m) => JSON.parse(m.body ?? '{}').command as string)).toEqual(reads);
    expect(reads.every((r) => r === 'GetCurrentAlarms')).toBe(true);
  });

  it('a dropped session fails pending commands at once and reports down; RouteMessage goes through request/reply', async () => {
    const { s, c, events, reply } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    const routed = c.routeMessage({ message: 'Call back Mr Smith', routerName: 'Sales', senderName: 'Wallboard' });
    reply(1, { command: 'RouteMessage', isSuccess: true });
    await expect(routed).resolves.toBeUndefined();
    const pending = c.setAgentState({ agentId: 'anna.berg', state: 'READY' });
    s.setStatus({ state: 'down', connects: 1, reason: 'socket closed' });
    await expect(pending).rejects.toMatchObject({ code: 'not-connected' });
    expect(events.filter((e) => e.kind === 'connection.status').at(-1)).toMatchObject({ status: 'down', reason: 'socket closed' });
    // The GetCurrentAlarms asked on connect and never answered is a counted failure, not re-sent.
    await flush();
    expect(events.find((e) => e.kind === 'ingest.error')).toMatchObject({ error: { code: 'request-failed', message: expect.stringContaining('GetCurrentAlarms') } });
  });

  describe('web chat (bct doc "Web Chat ..." events and commands)', () => {
    const webChat = { agentName: 'Service Desk', starterName: '', routerName: 'ChatRouter' };

    it('maps the four web chat events with the vendor fields and the delivering instance', () => {
      const { s, events } = setup({ instance: '', webChat });
      s.setStatus({ state: 'connected', connects: 1 });
      events.length = 0;
      const d = (b: string) => s.deliver('/topic/uip.bct.events', b);
      d(event('WebChatRequest', { sessionId: 'c-1', initiator: 'Max Muster', email: 'max@example.com', router: 'Support', language: 'en' }, 'BCT2'));
      d(event('WebChatMessage', { sessionId: 'c-1', message: 'Hello?', senderName: 'Max Muster', isSenderAgent: false, agentRequested: true, agentJoined: false, externalId: 'x-9' }, 'BCT2'));
      d(event('WebChatChoiceAnswer', { sessionId: 'c-1', choiceAnswer: 'Invoice', senderName: 'Max Muster', externalId: 'x-9' }, 'BCT2'));
      d(event('WebChatSessionEnded', { sessionId: 'c-1', externalId: 'x-9' }, 'BCT2'));
      expect(events).toEqual([
        { kind: 'chat.request', source: 'bct', at: T0, sessionId: 'c-1', instance: 'BCT2', initiator: 'Max Muster', email: 'max@example.com', router: 'Support', language: 'en' },
        { kind: 'chat.message', source: 'bct', at: T0, sessionId: 'c-1', instance: 'BCT2', externalId: 'x-9', message: 'Hello?', senderName: 'Max Muster', isSenderAgent: false, agentRequested: true, agentJoined: false },
        { kind: 'chat.choiceAnswer', source: 'bct', at: T0, sessionId: 'c-1', instance: 'BCT2', externalId: 'x-9', choiceAnswer: 'Invoice', senderName: 'Max Muster' },
        { kind: 'chat.ended', source: 'bct', at: T0, sessionId: 'c-1', instance: 'BCT2', externalId: 'x-9' },
      ]);
    });

    it('sends every command with the vendor fields to the instance that delivered the session (instance rule), and records it once answered', async () => {
      const { s, c, events, reply } = setup({ instance: '', webChat });
      s.setStatus({ state: 'connected', connects: 1 });
      const port = c.webChat!;
      expect(port).toMatchObject({ agentName: 'Service Desk', routerName: 'ChatRouter', starterName: '' });
      const a = { source: 'bct' as const, sessionId: 'c-1', instance: 'BCT2', externalId: 'x-9' };
      const b = { source: 'bct' as const, sessionId: 'c-2', instance: 'BCT3' };
      const steps: [() => Promise<void>, unknown][] = [
        [() => port.respond(a, { accept: true }), { command: 'SendWebChatResponse', instance: 'BCT2', properties: { sessionId: 'c-1', name: 'Service Desk', externalId: 'x-9' } }],
        [() => port.respond(b, { accept: false, reason: 'Closed today' }), { command: 'SendWebChatResponse', instance: 'BCT3', properties: { sessionId: 'c-2', name: 'Service Desk', rejected: true, reason: 'Closed today' } }],
        [() => port.sendMessage(a, 'How can I help?'), { command: 'SendWebChatMessage', instance: 'BCT2', properties: { message: 'How can I help?', sessionId: 'c-1', externalId: 'x-9' } }],
        [() => port.sendChoice(a, ['Invoice', 'Delivery']), { command: 'SendWebChatChoice', instance: 'BCT2', properties: { sessionId: 'c-1', choiceOptions: 'Invoice|Delivery', externalId: 'x-9' } }],
        [() => port.requestAgent(a), { command: 'RequestAgentForWebChatSession', instance: 'BCT2', properties: { sessionId: 'c-1', routerName: 'ChatRouter' } }],
        [() => port.leave(a), { command: 'LeaveWebChatSession', instance: 'BCT2', properties: { sessionId: 'c-1' } }],
      ];
      for (const [run, expected] of steps) {
        const p = run();
        const i = s.sent.length - 1;
        expect(JSON.parse(s.sent[i]!.body)).toEqual(expected);
        reply(i, { command: (expected as { command: string }).command, isSuccess: true });
        await p;
      }
      expect(events.filter((e) => e.kind === 'chat.action').map((e) => [e.sessionId, e.instance, e.action, e.text])).toEqual([
        ['c-1', 'BCT2', 'accepted', undefined],
        ['c-2', 'BCT3', 'rejected', 'Closed today'],
        ['c-1', 'BCT2', 'message', 'How can I help?'],
        ['c-1', 'BCT2', 'choice', 'Invoice|Delivery'],
        ['c-1', 'BCT2', 'agentRequested', 'ChatRouter'],
        ['c-1', 'BCT2', 'left', undefined],
      ]);
    });

    it('a refused or unanswered chat command records nothing; a "|" in a choice is refused before sending; no webChat config = no port', async () => {
      const { s, c, events, reply, scheduler } = setup({ instance: '', webChat: { agentName: 'Desk', starterName: 'Starter1', routerName: 'R' } });
      s.setStatus({ state: 'connected', connects: 1 });
      const a = { source: 'bct' as const, sessionId: 'c-1', instance: 'BCT1' };
      const neg = c.webChat!.sendMessage(a, 'hi');
      reply(s.sent.length - 1, { command: 'SendWebChatMessage', isSuccess: false });
      await expect(neg).rejects.toMatchObject({ code: 'vendor-error' });
      const silent = c.webChat!.sendMessage(a, 'hi');
      scheduler.advance(2_000);
      await expect(silent).rejects.toMatchObject({ code: 'timeout' });
      const before = s.sent.length;
      await expect(c.webChat!.sendChoice(a, ['a|b'])).rejects.toMatchObject({ code: 'invalid' });
      expect(s.sent.length).toBe(before);
      const req = c.webChat!.requestAgent(a);
      expect(JSON.parse(s.sent.at(-1)!.body).properties).toEqual({ sessionId: 'c-1', starterName: 'Starter1' });
      reply(s.sent.length - 1, { isSuccess: true });
      await req;
      expect(events.filter((e) => e.kind === 'chat.action').map((e) => e.action)).toEqual(['agentRequested']);
      expect(setup().c.webChat).toBeUndefined();
    });
  });
});
