import { afterEach, describe, expect, it } from 'vitest';
import { BCT_COMMANDS_DESTINATION, BCT_EVENTS_DESTINATION, BctAdapter } from './bct-adapter';
import { embeddedTransport } from './gc-transport';
import { SimModel, manualClock } from './model';
import { StompBroker } from './stomp-broker';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const clock = manualClock();
  const model = new SimModel({ seed: 42, clock });
  const broker = new StompBroker({ port: 0 });
  const bct = new BctAdapter({ model, transport: embeddedTransport(broker), republishMs: 60_000 });
  const client = broker.connectLocal();
  const events: { event: string; instance: string; properties: Record<string, unknown> }[] = [];
  const replies: { headers: Readonly<Record<string, string>>; body: string }[] = [];
  client.subscribe(BCT_EVENTS_DESTINATION, (_h, body) => events.push(JSON.parse(body)));
  client.subscribe('/queue/test.replies', (headers, body) => replies.push({ headers, body }));
  bct.start();
  let n = 0;
  const send = (command: string, properties: Record<string, unknown> = {}, instance = 'BCT1') =>
    client.send(BCT_COMMANDS_DESTINATION, JSON.stringify({ command, instance, properties }), { 'reply-to': '/queue/test.replies', 'correlation-id': `c${++n}` });
  return { clock, model, bct, events, replies, send, stop: () => bct.stop() };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('BCT relay simulator', () => {
  it('on connect: ConnectionStatus and every router, numbers as strings, in the relay envelope', async () => {
    const s = setup();
    stop = s.stop;
    await flush();
    expect(s.events[0]).toMatchObject({ event: 'ConnectionStatus', instance: 'BCT1', properties: { status: true } });
    const routers = s.events.filter((e) => e.event === 'RouterStatus');
    expect(routers.map((e) => e.properties['routerName'])).toEqual(['Sales', 'Service', 'Billing']);
    for (const r of routers) for (const k of ['queueLength', 'maxWaitingTime', 'idleAgents', 'loggedOnAgents']) expect(typeof r.properties[k]).toBe('string');
    const truth = s.bct.truth().routers;
    expect(routers.map((e) => Number(e.properties['queueLength']))).toEqual(truth.map((r) => r.queueLength));
  });

  it('answers commands on reply-to with the correlation id, and changes agent state', async () => {
    const s = setup();
    stop = s.stop;
    s.send('SetAgentNotReady', { agentName: 'anna.berg', reason: 'Lunch' });
    s.send('SetAgentReady', { agentName: 'nobody' });
    await flush();
    await flush();
    expect(s.replies.map((r) => [r.headers['correlation-id'], JSON.parse(r.body)])).toEqual([
      ['c1', { command: 'SetAgentNotReady', isSuccess: true }],
      ['c2', { command: 'SetAgentReady', isSuccess: false, message: 'Unknown agent nobody' }],
    ]);
    expect(s.bct.truth().agents[0]).toEqual({ name: 'anna.berg', state: 'NOT_READY', reason: 'Lunch' });
  });

  it('raises and resolves alarms (vendor date format) and lists the active ones in GetCurrentAlarms', async () => {
    const s = setup();
    stop = s.stop;
    s.bct.raiseAlarm({ id: '2101', message: 'Connection failed to PBX: Headq1 - 10.128.122.67' });
    s.bct.raiseAlarm({ id: '3001' });
    expect(s.bct.resolveAlarm({ id: '3001' })).toBe(true);
    s.send('GetCurrentAlarms');
    await flush();
    await flush();
    const notes = s.events.filter((e) => e.event === 'AlarmNotification');
    expect(notes.map((e) => [e.properties['id'], e.properties['resolved'], e.properties['activeAlarms']])).toEqual([['2101', false, '1'], ['3001', false, '2'], ['3001', true, '1']]);
    expect(String(notes[0]?.properties['dateTime'])).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
    const reply = JSON.parse(s.replies[0]!.body);
    expect(reply).toMatchObject({ command: 'GetCurrentAlarms', isSuccess: true, activeAlarms: '1', alarms: [{ id: '2101', source: '[Monitoring Service]' }] });
  });

  it('withholds, refuses or garbles the next replies on request, and then executes nothing', async () => {
    const s = setup();
    stop = s.stop;
    for (const mode of ['none', 'negative', 'garbage'] as const) {
      s.bct.setReplyMode(mode, 1);
      s.send('SetAgentNotReady', { agentName: 'ben.kurz' });
      await flush();
    }
    s.send('SetAgentReady', { agentName: 'ben.kurz' });
    await flush();
    expect(s.replies.map((r) => r.headers['correlation-id'])).toEqual(['c2', 'c3', 'c4']);
    expect(JSON.parse(s.replies[0]!.body)).toMatchObject({ isSuccess: false, message: 'Simulated failure' });
    expect(s.replies[1]!.body).toContain('502');
    expect(s.bct.commands().map((c) => c.answered)).toEqual(['none', 'negative', 'garbage', 'success']);
    expect(s.bct.truth().agents.find((a) => a.name === 'ben.kurz')?.state).toBe('READY');
  });

  it('publishes emergency calls; routers follow the model ticks and stop while it is paused', async () => {
    const s = setup();
    stop = s.stop;
    await flush();
    s.bct.emergency({ callingNumber: '2001', callerName: 'Ann Lee', callerLocation: 'A 1.12' });
    await flush();
    expect(s.events.at(-1)).toMatchObject({ event: 'EmergencyCall', properties: { calledEmergencyNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', callerLocation: 'A 1.12' } });
    const before = JSON.stringify(s.bct.truth().routers.map((r) => [r.queueLength, r.activeAgents, r.notReadyAgents]));
    s.clock.advance(120_000);
    s.model.advance();
    expect(JSON.stringify(s.bct.truth().routers.map((r) => [r.queueLength, r.activeAgents, r.notReadyAgents]))).not.toBe(before);
    s.model.pause();
    const frozen = JSON.stringify(s.bct.truth().routers.map((r) => [r.queueLength, r.activeAgents]));
    s.clock.advance(120_000);
    s.model.advance();
    expect(JSON.stringify(s.bct.truth().routers.map((r) => [r.queueLength, r.activeAgents]))).toBe(frozen);
  });

  it('web chat customers: request, message, choice answer, end as vendor events; commands recorded in the transcript; another instance refused', async () => {
    const s = setup();
    stop = s.stop;
    await flush();
    s.events.length = 0;
    const chat = s.bct.openChat({ initiator: 'Max', email: 'max@example.com', router: 'Support', language: 'en' });
    expect(chat.sessionId).toBe('chat-1');
    s.send('SendWebChatResponse', { sessionId: 'chat-1', name: 'Desk' });
    s.send('SendWebChatMessage', { sessionId: 'chat-1', message: 'Hi' }, 'BCT2');
    await flush();
    await flush();
    s.bct.customerMessage('chat-1', 'Hello');
    s.bct.choiceAnswer('chat-1', 'B');
    s.bct.endChat('chat-1');
    await flush();
    expect(s.events.map((e) => [e.event, e.properties])).toEqual([
      ['WebChatRequest', { sessionId: 'chat-1', initiator: 'Max', email: 'max@example.com', router: 'Support', language: 'en' }],
      ['WebChatMessage', { sessionId: 'chat-1', message: 'Hello', senderName: 'Max', isSenderAgent: false, agentRequested: false, agentJoined: false }],
      ['WebChatChoiceAnswer', { sessionId: 'chat-1', choiceAnswer: 'B', senderName: 'Max' }],
      ['WebChatSessionEnded', { sessionId: 'chat-1' }],
    ]);
    expect(JSON.parse(s.replies[1]!.body)).toMatchObject({ isSuccess: false, message: expect.stringContaining('instance BCT1') });
    expect(chat.transcript.map((e) => [e.by, e.what])).toEqual([
      ['customer', 'WebChatRequest'],
      ['agent', 'SendWebChatResponse'],
      ['customer', 'WebChatMessage'],
      ['customer', 'WebChatChoiceAnswer'],
      ['customer', 'WebChatSessionEnded'],
    ]);
    expect(chat.state).toBe('ended');
  });
});
