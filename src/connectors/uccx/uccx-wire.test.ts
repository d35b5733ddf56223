/**
 * The UCCX Report Server wire with the vendor document's payloads
 * (openmethods-uccx-report-server.txt; its `<placeholders>` filled with concrete values, every
 * key and nesting exactly as printed there). Issue 12, acceptance 1.
 */
import { describe, expect, it } from 'vitest';
import {
  callJourneyRequest,
  decodeUccxResponse,
  parseUccxDuration,
  parseUccxEvent,
  readCallJourney,
  teamStatusBeginRequest,
  teamStatusEndRequest,
  UccxArgumentError,
} from './uccx-wire';

/** The vendor's member object ("Report Events"), values filled in. */
const member = (memberId: string, status: string, reason = '', memberType = 'Agent', memberName = `Name ${memberId}`) => ({ memberId, memberType, memberName, status, reason });
/** The vendor's event envelope ("Report Events"). */
const event = (name: string, team: Record<string, unknown>, agentId = 'sup1') => JSON.stringify({ name, data: { agentId, team } });

describe('UCCX requests (vendor "Report Requests")', () => {
  it('report.calljourney: {"command":"report.calljourney","data":{"CallId":…}}', () => {
    const r = callJourneyRequest('16777345');
    expect(r.command).toBe('report.calljourney');
    expect(JSON.parse(r.body)).toEqual({ command: 'report.calljourney', data: { CallId: '16777345' } });
    expect(() => callJourneyRequest('  ')).toThrow(UccxArgumentError);
  });

  it('report.teamstatus.begin and .end: {"command":…,"data":{"agentId":…}}', () => {
    expect(JSON.parse(teamStatusBeginRequest('sup1').body)).toEqual({ command: 'report.teamstatus.begin', data: { agentId: 'sup1' } });
    expect(JSON.parse(teamStatusEndRequest('sup1').body)).toEqual({ command: 'report.teamstatus.end', data: { agentId: 'sup1' } });
    expect(() => teamStatusBeginRequest('')).toThrow(UccxArgumentError);
  });
});

describe('UCCX responses (vendor "Success Response" / "Failure Response")', () => {
  const journey = {
    command: 'report.calljourney',
    result: 'success',
    data: {
      CallJourney: [
        { CallId: '16777345', Device: 'CTI_Port_1001', DeviceType: 'CTI Port', Description: 'Main IVR', Duration: '00:00:42' },
        { CallId: '16777345', Device: 'CSQ_Sales', DeviceType: 'CSQ', Description: 'Queued for Sales', Duration: '00:01:05' },
        { CallId: '16777346', Device: '2001', DeviceType: 'Agent', Description: 'Answered by agent', Duration: '01:02:03.5' },
      ],
    },
  };

  it('report.calljourney success: the steps, the vendor duration parsed', () => {
    const out = decodeUccxResponse('report.calljourney', JSON.stringify(journey), readCallJourney);
    expect(out).toEqual({
      ok: true,
      value: [
        { callId: '16777345', device: 'CTI_Port_1001', deviceType: 'CTI Port', description: 'Main IVR', durationText: '00:00:42', durationMs: 42_000 },
        { callId: '16777345', device: 'CSQ_Sales', deviceType: 'CSQ', description: 'Queued for Sales', durationText: '00:01:05', durationMs: 65_000 },
        { callId: '16777346', device: '2001', deviceType: 'Agent', description: 'Answered by agent', durationText: '01:02:03.5', durationMs: 3_723_500 },
      ],
    });
  });

  it('report.teamstatus.begin / .end success: "data": {}', () => {
    for (const command of ['report.teamstatus.begin', 'report.teamstatus.end'] as const) {
      expect(decodeUccxResponse(command, JSON.stringify({ command, result: 'success', data: {} }), () => 'ok')).toEqual({ ok: true, value: 'ok' });
    }
  });

  it('confirm is an accepted request (NOTES.md §5)', () => {
    expect(decodeUccxResponse('report.teamstatus.begin', JSON.stringify({ command: 'report.teamstatus.begin', result: 'confirm', data: {} }), () => 'ok')).toEqual({ ok: true, value: 'ok' });
  });

  it('failure: failure.code, message, context and the original request', () => {
    for (const command of ['report.calljourney', 'report.teamstatus.begin', 'report.teamstatus.end'] as const) {
      const original = command === 'report.calljourney' ? { command, data: { CallId: '999' } } : { command, data: { agentId: 'sup1' } };
      const body = JSON.stringify({
        command,
        result: 'failure',
        failure: { code: 'CALL_NOT_FOUND', message: 'No call with id 999', context: 'com.openmethods.ReportException\n\tat Report.run' },
        original,
      });
      expect(decodeUccxResponse(command, body, () => 'x')).toEqual({
        ok: false,
        negative: 'CALL_NOT_FOUND: No call with id 999',
        failure: { code: 'CALL_NOT_FOUND', message: 'No call with id 999', context: 'com.openmethods.ReportException  at Report.run' },
      });
    }
  });

  it('malformed answers: not JSON, another command, unknown result, a journey that is no list', () => {
    expect(decodeUccxResponse('report.calljourney', '<html>502</html>', readCallJourney)).toMatchObject({ ok: false, malformed: expect.stringContaining('not JSON') });
    expect(decodeUccxResponse('report.calljourney', JSON.stringify({ command: 'report.teamstatus.begin', result: 'success', data: {} }), readCallJourney)).toMatchObject({ malformed: expect.stringContaining('not report.calljourney') });
    expect(decodeUccxResponse('report.calljourney', JSON.stringify({ command: 'report.calljourney', result: 'maybe' }), readCallJourney)).toMatchObject({ malformed: expect.stringContaining('unknown result') });
    expect(() => readCallJourney({ CallJourney: 'x' })).toThrow(/not an array/);
    expect(() => readCallJourney({ CallJourney: [1] })).toThrow(/not an object/);
  });

  it('parses the formatted durations the board reads (and only those)', () => {
    expect(parseUccxDuration('00:00:42')).toBe(42_000);
    expect(parseUccxDuration('1:02:03')).toBe(3_723_000);
    expect(parseUccxDuration('125:00:00')).toBe(450_000_000);
    expect(parseUccxDuration('02:05')).toBe(125_000);
    expect(parseUccxDuration('00:00:01.25')).toBe(1_250);
    expect(parseUccxDuration('65')).toBe(65_000);
    expect(parseUccxDuration('65.5')).toBe(65_500);
    for (const bad of ['', 'abc', '1:60:00', '00:61', '-5', '1h 2m']) expect(parseUccxDuration(bad), bad).toBeUndefined();
  });
});

describe('UCCX events (vendor "Report Events")', () => {
  it('teamadded with its members (type, name, status, reason)', () => {
    const r = parseUccxEvent(
      event('report.teamstatus.teamadded', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'ready'), member('a2', 'not_ready', '32', 'TeamLead'), member('s1', 'ACW', '', 'Supervisor')] }),
    );
    expect(r).toEqual({
      ok: true,
      event: {
        name: 'report.teamstatus.teamadded',
        agentId: 'sup1',
        teamId: 't1',
        teamName: 'Sales',
        memberErrors: [],
        members: [
          { memberId: 'a1', memberType: 'Agent', memberName: 'Name a1', status: 'ready' },
          { memberId: 'a2', memberType: 'TeamLead', memberName: 'Name a2', status: 'not_ready', reason: '32' },
          { memberId: 's1', memberType: 'Supervisor', memberName: 'Name s1', status: 'ACW' },
        ],
      },
    });
  });

  it('teamchanged and teamremoved: the team only', () => {
    for (const name of ['report.teamstatus.teamchanged', 'report.teamstatus.teamremoved']) {
      expect(parseUccxEvent(event(name, { teamId: 't1', teamName: 'Sales East' }))).toEqual({ ok: true, event: { name, agentId: 'sup1', teamId: 't1', teamName: 'Sales East', memberErrors: [] } });
    }
  });

  it('memberadded and memberstatuschanged carry full members; memberremoved ids only', () => {
    for (const name of ['report.teamstatus.memberadded', 'report.teamstatus.memberstatuschanged']) {
      const r = parseUccxEvent(event(name, { teamId: 't1', teamName: 'Sales', members: [member('a3', 'not_ready', '7')] }));
      expect(r).toMatchObject({ ok: true, event: { name, members: [{ memberId: 'a3', memberType: 'Agent', memberName: 'Name a3', status: 'not_ready', reason: '7' }] } });
    }
    const r = parseUccxEvent(event('report.teamstatus.memberremoved', { teamId: 't1', teamName: 'Sales', members: [{ memberId: 'a1' }, { memberId: 'a2' }] }));
    expect(r).toMatchObject({ ok: true, event: { name: 'report.teamstatus.memberremoved', members: [{ memberId: 'a1' }, { memberId: 'a2' }] } });
  });

  it('bad input: a counted reason, and one bad member does not lose the others', () => {
    expect(parseUccxEvent('not json')).toMatchObject({ ok: false, code: 'malformed-frame' });
    expect(parseUccxEvent(JSON.stringify({ name: 'report.teamstatus.teamexploded', data: {} }))).toMatchObject({ ok: false, code: 'unknown-event' });
    expect(parseUccxEvent(JSON.stringify({ name: 'report.teamstatus.teamadded', data: { agentId: 'sup1' } }))).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(parseUccxEvent(event('report.teamstatus.teamadded', { teamId: 't1', members: 'x' }))).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(parseUccxEvent(JSON.stringify({ name: 'report.teamstatus.teamchanged', data: { agentId: 'sup1', team: { teamId: 7 } } }))).toMatchObject({ ok: false, code: 'wrong-type' });
    const r = parseUccxEvent(
      event('report.teamstatus.memberstatuschanged', { teamId: 't1', members: [member('a1', 'talking'), member('a2', 'ready', '', 'Boss'), { memberName: 'x' }, member('a3', 'ACW')] }),
    );
    expect(r.ok && r.event.members).toEqual([{ memberId: 'a3', memberType: 'Agent', memberName: 'Name a3', status: 'ACW' }]);
    expect(r.ok && r.event.memberErrors).toEqual(['member a1: unknown status talking', 'member a2: unknown memberType Boss', 'a member has no memberId']);
  });

  it('a hostile __proto__ key is plain data', () => {
    const r = parseUccxEvent('{"name":"report.teamstatus.teamchanged","data":{"agentId":"sup1","team":{"teamId":"t1","teamName":"<img src=x onerror=alert(1)>","__proto__":{"polluted":true}}}}');
    expect(r).toMatchObject({ ok: true, event: { teamName: '<img src=x onerror=alert(1)>' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
