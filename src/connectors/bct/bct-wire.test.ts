import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeBctReply,
  decodeCurrentAlarms,
  getCurrentAlarms,
  leaveWebChatSession,
  requestAgentForWebChatSession,
  routeMessage,
  sendWebChatChoice,
  sendWebChatMessage,
  sendWebChatResponse,
  setAgentNotReady,
  setAgentReady,
  BctArgumentError,
} from './bct-commands';
import { BCT_EVENT_NAMES, parseBctDate, parseBctEvent } from './bct-wire';

/** The vendor document (bct-business-connect-adapter.txt), to check names against it. */
const DOC = readFileSync(new URL('../../../../shared/protocols/bct-business-connect-adapter.txt', import.meta.url), 'utf8');

const envelope = (event: string, properties: unknown) =>
  JSON.stringify({ adapter: 'BusinessConnect', instance: 'BCT1', event, timestamp: '2026-12-01T09:00:00.000Z', properties });

describe('BCT events (bct doc "Events", envelope NOTES §4)', () => {
  it('every event name is the vendor document\'s', () => {
    for (const n of BCT_EVENT_NAMES) expect(DOC, n).toContain(`(${n})`);
  });

  it('RouterStatus: numbers sent as strings are parsed; maxWaitingTime in seconds', () => {
    const r = parseBctEvent(
      envelope('RouterStatus', {
        routerName: 'Sales',
        maxWaitingTime: '42',
        queueLength: '3',
        idleAgents: '1',
        loggedOnAgents: '7',
        notReadyAgents: '2',
        workingAgents: '4',
        activeAgents: '3',
        inactiveAgents: '0',
      }),
    );
    expect(r).toEqual({
      ok: true,
      envelope: { adapter: 'BusinessConnect', instance: 'BCT1', event: 'RouterStatus', timestamp: Date.parse('2026-12-01T09:00:00.000Z') },
      event: { event: 'RouterStatus', routerName: 'Sales', maxWaitingTime: 42, queueLength: 3, idleAgents: 1, loggedOnAgents: 7, notReadyAgents: 2, workingAgents: 4, activeAgents: 3, inactiveAgents: 0 },
      issues: [],
    });
  });

  it('a figure that is not a whole number is an issue and left out; the others stand', () => {
    const r = parseBctEvent(envelope('routerstatus', { routerName: 'Sales', queueLength: 'three', idleAgents: '-1', loggedOnAgents: '7', activeAgents: '' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toEqual({ event: 'RouterStatus', routerName: 'Sales', loggedOnAgents: 7 });
    expect(r.issues.map((i) => i.code)).toEqual(['wrong-type', 'wrong-type']);
    expect(r.issues[0]?.message).toBe('RouterStatus.queueLength: expected a whole number, got "three"');
  });

  it('ConnectionStatus, AlarmNotification and EmergencyCall with the vendor\'s fields', () => {
    expect(parseBctEvent(envelope('ConnectionStatus', { status: false, bctServerAddress: '10.128.122.67', bctServerPort: '32011' }))).toMatchObject({
      ok: true,
      event: { event: 'ConnectionStatus', status: false, bctServerAddress: '10.128.122.67', bctServerPort: '32011' },
    });
    expect(parseBctEvent(envelope('ConnectionStatus', { status: 'true' }))).toMatchObject({ ok: true, event: { status: true } });
    expect(
      parseBctEvent(
        envelope('AlarmNotification', {
          activeAlarms: '1',
          dateTime: '8/5/2018 3:37:13 PM',
          source: '[Monitoring Service]',
          id: '2101',
          message: 'Connection failed to PBX: Headq1 - 10.128.122.67',
          resolved: false,
        }),
      ),
    ).toMatchObject({
      ok: true,
      event: { event: 'AlarmNotification', id: '2101', source: '[Monitoring Service]', message: 'Connection failed to PBX: Headq1 - 10.128.122.67', dateTime: '8/5/2018 3:37:13 PM', resolved: false, activeAlarms: 1 },
    });
    expect(parseBctEvent(envelope('EmergencyCall', { calledEmergencyNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', callerLocation: 'Building A, room 1.12' }))).toMatchObject({
      ok: true,
      event: { event: 'EmergencyCall', calledEmergencyNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', callerLocation: 'Building A, room 1.12' },
    });
  });

  it('the web chat events are validated', () => {
    expect(parseBctEvent(envelope('WebChatRequest', { sessionId: 's1', initiator: 'Max', email: 'max@example.com', router: 'Chat', language: 'de' }))).toMatchObject({ ok: true, event: { sessionId: 's1', initiator: 'Max' } });
    expect(
      parseBctEvent(envelope('WebChatMessage', { sessionId: 's1', message: '<img src=x onerror=alert(1)>', senderName: 'Max', isSenderAgent: false, agentRequested: 'true', agentJoined: false, externalId: 'x1' })),
    ).toMatchObject({ ok: true, event: { message: '<img src=x onerror=alert(1)>', agentRequested: true, externalId: 'x1' } });
    expect(parseBctEvent(envelope('WebChatChoiceAnswer', { sessionId: 's1', choiceAnswer: 'Yes', senderName: 'Max' }))).toMatchObject({ ok: true, event: { choiceAnswer: 'Yes' } });
    expect(parseBctEvent(envelope('WebChatSessionEnded', { sessionId: 's1' }))).toMatchObject({ ok: true, event: { event: 'WebChatSessionEnded' } });
    expect(parseBctEvent(envelope('WebChatMessage', { message: 'hi' }))).toMatchObject({ ok: false, issue: { code: 'missing-field', message: 'WebChatMessage: no sessionId' } });
  });

  it('refuses what is not an event: not JSON, no name, unknown names, __proto__ keys, no router name, an alarm without id', () => {
    const code = (body: string) => {
      const r = parseBctEvent(body);
      return r.ok ? 'ok' : r.issue.code;
    };
    expect(code('{"event":"RouterStatus"')).toBe('malformed-frame');
    expect(code('[]')).toBe('malformed-frame');
    expect(code('{"properties":{}}')).toBe('malformed-frame');
    expect(code(envelope('CallQueued', {}))).toBe('unknown-event');
    expect(code('{"event":"RouterStatus","properties":{"__proto__":{"x":1},"routerName":"a"}}')).toBe('hostile-key');
    expect(code(envelope('RouterStatus', { queueLength: '1' }))).toBe('missing-field');
    expect(code(envelope('AlarmNotification', { message: 'x' }))).toBe('missing-field');
    expect(code(envelope('RouterStatus', 'x'))).toBe('malformed-frame');
  });

  it('parses the vendor date format in the configured time zone', () => {
    expect(parseBctDate('8/5/2018 3:37:13 PM', 'UTC')).toBe(Date.parse('2018-08-05T15:37:13Z'));
    expect(parseBctDate('8/5/2018 3:37:13 PM', 'Europe/Berlin')).toBe(Date.parse('2018-08-05T13:37:13Z'));
    expect(parseBctDate('12/24/2026 11:05:00 AM', 'America/New_York')).toBe(Date.parse('2026-12-24T16:05:00Z'));
    expect(parseBctDate('13/5/2018 3:37:13 PM', 'UTC')).toBeUndefined();
    expect(parseBctDate('', 'UTC')).toBeUndefined();
    expect(parseBctDate('8/5/2018 3:37:13 PM', 'Not/AZone')).toBeUndefined();
  });
});

describe('BCT commands (bct doc "Commands", envelope NOTES §4)', () => {
  const body = (c: { body: string }) => JSON.parse(c.body) as unknown;

  it('build the documented request properties', () => {
    for (const c of ['GetCurrentAlarms', 'SetAgentReady', 'SetAgentNotReady', 'RouteMessage', 'SendWebChatResponse', 'SendWebChatMessage', 'SendWebChatChoice', 'RequestAgentForWebChatSession', 'LeaveWebChatSession']) {
      expect(DOC, c).toContain(`(${c})`);
    }
    expect(body(getCurrentAlarms('BCT1'))).toEqual({ command: 'GetCurrentAlarms', instance: 'BCT1', properties: {} });
    expect(body(setAgentReady('BCT1', 'ann.lee'))).toEqual({ command: 'SetAgentReady', instance: 'BCT1', properties: { agentName: 'ann.lee' } });
    expect(body(setAgentNotReady('BCT1', 'ann.lee', 'Lunch'))).toEqual({ command: 'SetAgentNotReady', instance: 'BCT1', properties: { agentName: 'ann.lee', reason: 'Lunch' } });
    expect(body(setAgentNotReady('BCT1', 'ann.lee'))).toEqual({ command: 'SetAgentNotReady', instance: 'BCT1', properties: { agentName: 'ann.lee' } });
    expect(body(routeMessage('BCT1', { message: 'Call back Mr Smith', starterName: 'Support', routerName: '', senderName: 'Wallboard' }))).toEqual({
      command: 'RouteMessage',
      instance: 'BCT1',
      properties: { message: 'Call back Mr Smith', starterName: 'Support', senderName: 'Wallboard' },
    });
    expect(body(sendWebChatResponse('BCT1', { sessionId: 's1', name: 'Ann', rejected: true, reason: 'Busy' }))).toEqual({
      command: 'SendWebChatResponse',
      instance: 'BCT1',
      properties: { sessionId: 's1', name: 'Ann', rejected: true, reason: 'Busy' },
    });
    expect(body(sendWebChatMessage('BCT1', { sessionId: 's1', message: 'Hello' }))).toMatchObject({ properties: { message: 'Hello', sessionId: 's1' } });
    expect(body(sendWebChatChoice('BCT1', { sessionId: 's1', options: ['Yes', 'No'] }))).toMatchObject({ properties: { choiceOptions: 'Yes|No' } });
    expect(body(requestAgentForWebChatSession('BCT1', { sessionId: 's1', routerName: 'Chat' }))).toMatchObject({ properties: { sessionId: 's1', routerName: 'Chat' } });
    expect(body(leaveWebChatSession('BCT1', 's1'))).toEqual({ command: 'LeaveWebChatSession', instance: 'BCT1', properties: { sessionId: 's1' } });
  });

  it('refuse what the adapter would refuse, before anything is sent', () => {
    expect(() => setAgentReady('BCT1', ' ')).toThrow(BctArgumentError);
    expect(() => routeMessage('BCT1', { message: 'x' })).toThrow('a starter or a router is required');
    expect(() => routeMessage('BCT1', { message: '', routerName: 'r' })).toThrow('message is required');
    expect(() => sendWebChatChoice('BCT1', { sessionId: 's1', options: ['a|b'] })).toThrow('may not contain "|"');
    expect(() => sendWebChatChoice('BCT1', { sessionId: 's1', options: [] })).toThrow(BctArgumentError);
  });

  it('read replies: success, a negative answer with the relay\'s words, malformed', () => {
    const r = (body: string) => decodeBctReply({ destination: '/queue/r', body, headers: {} });
    expect(r('{"command":"SetAgentReady","isSuccess":true}')).toEqual({ ok: true, value: { command: 'SetAgentReady', isSuccess: true } });
    expect(r('{"command":"SetAgentReady","isSuccess":"false","message":"Unknown agent"}')).toEqual({ ok: false, negative: 'Unknown agent' });
    expect(r('{"command":"SetAgentReady","isSuccess":false}')).toEqual({ ok: false, negative: 'isSuccess: false' });
    expect(r('{"command":"SetAgentReady"}')).toEqual({ ok: false, malformed: 'no isSuccess true or false' });
    expect(r('garbage')).toEqual({ ok: false, malformed: 'not JSON' });
  });

  it('read the GetCurrentAlarms answer with the vendor\'s fields; an alarm without id is reported, the others kept', () => {
    const out = decodeCurrentAlarms({
      destination: '/queue/r',
      headers: {},
      body: JSON.stringify({
        command: 'GetCurrentAlarms',
        isSuccess: true,
        activeAlarms: '2',
        alarms: [
          { dateTime: '8/5/2018 3:37:13 PM', source: '[Monitoring Service]', id: '2101', message: 'Connection failed to PBX: Headq1 - 10.128.122.67' },
          { dateTime: '8/5/2018 3:40:00 PM', source: '[Monitoring Service]', message: 'no id' },
          'x',
        ],
      }),
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.activeAlarms).toBe(2);
    expect(out.value.alarms).toEqual([{ id: '2101', source: '[Monitoring Service]', message: 'Connection failed to PBX: Headq1 - 10.128.122.67', dateTime: '8/5/2018 3:37:13 PM' }]);
    expect(out.value.issues.map((i) => i.code)).toEqual(['missing-field', 'wrong-type']);
    expect(decodeCurrentAlarms({ destination: '/queue/r', headers: {}, body: '{"isSuccess":true}' })).toEqual({ ok: true, value: { alarms: [], issues: [] } });
  });
});
