import { describe, expect, it } from 'vitest';
import { CommandError } from '../transport/types';
import {
  buildAgentStateCommand,
  buildCancelScheduledCallback,
  buildCloseOutboundPreview,
  buildConferenceCall,
  buildContactsRequest,
  buildGcCommand,
  buildGetSkillGroups,
  buildGetSupervisor,
  buildLogin,
  buildMobileAgentLogin,
  buildPhonebooksRequest,
  buildReclassifyCall,
  buildRejectOutboundPreview,
  buildScheduleCallback,
  buildTransferCall,
  buildUpdateCallback,
} from './gc-commands';

const VERBS = { ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT' };
const DEST = '/queue/gc.requests';

describe('GC command builder (gc doc: JMS-Type <VERB>#<agent_login_Id>, comma-separated body)', () => {
  it('READY: empty body (a reason code is ignored)', () => {
    expect(buildAgentStateCommand(DEST, VERBS, 'agent2001', 'READY')).toEqual({ destination: DEST, headers: { type: 'READY#agent2001' }, body: '' });
    expect(buildAgentStateCommand(DEST, VERBS, 'agent2001', 'READY', '2').body).toBe('');
  });

  it('NOT_READY: body is the reason code id; none = empty body', () => {
    expect(buildAgentStateCommand(DEST, VERBS, 'agent2001', 'NOT_READY', '2')).toEqual({ destination: DEST, headers: { type: 'NOT_READY#agent2001' }, body: '2' });
    expect(buildAgentStateCommand(DEST, VERBS, 'agent2001', 'NOT_READY').body).toBe('');
  });

  it('LOGOUT: body is the reason code id', () => {
    expect(buildAgentStateCommand(DEST, VERBS, 'agent2001', 'LOGOUT', '20')).toEqual({ destination: DEST, headers: { type: 'LOGOUT#agent2001' }, body: '20' });
  });

  it('uses the configured verbs verbatim', () => {
    const v = { ready: 'AGENTREADY', notReady: 'AGENTNOTREADY', logout: 'AGENTLOGOUT' };
    expect(buildAgentStateCommand('/queue/x', v, 'a1', 'NOT_READY', '4').headers.type).toBe('AGENTNOTREADY#a1');
  });

  it('rejects ids, reasons and verbs with , # | or empty, as CommandError invalid', () => {
    const bad: Array<() => unknown> = [
      () => buildAgentStateCommand(DEST, VERBS, '', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, '  ', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, 'a,b', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, 'a#b', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, 'a|b', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, 'agent\n2001', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, 'agent2001', 'NOT_READY', ''),
      () => buildAgentStateCommand(DEST, VERBS, 'agent2001', 'NOT_READY', '2,3'),
      () => buildAgentStateCommand(DEST, VERBS, 'agent2001', 'LOGOUT', '20#x'),
      () => buildAgentStateCommand(DEST, VERBS, 'agent2001', 'NOT_READY', '1|2'),
      () => buildAgentStateCommand(DEST, { ...VERBS, ready: 'RE#ADY' }, 'agent2001', 'READY'),
      () => buildAgentStateCommand('', VERBS, 'agent2001', 'READY'),
      () => buildAgentStateCommand(DEST, VERBS, 'agent2001', 'TALKING' as never),
    ];
    for (const f of bad) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CommandError);
      expect((err as CommandError).code).toBe('invalid');
    }
  });
});

const DESK_VERBS = { login: 'LOGIN', phonebooks: 'GETPHONEBOOKS', teamPhonebooks: 'GETTEAMPHONEBOOKS', phonebookContacts: 'GETPHONEBOOKCONTACTS' };
const frame = (type: string, body: string) => ({ destination: DEST, headers: { type }, body });

describe('every documented GC command: type header and body (gc doc, vendor spellings kept)', () => {
  it('MOBILEAGENTLOGIN: <agent_password>,<agent_extension>,<dialNumber>,<connection_mode>', () => {
    expect(buildMobileAgentLogin(DEST, 'agent2005', { password: 's3cret', extension: '2005', dialNumber: '+15551234', callByCall: true })).toEqual(
      frame('MOBILEAGENTLOGIN#agent2005', 's3cret,2005,+15551234,true'),
    );
    expect(buildMobileAgentLogin(DEST, 'agent2005', { password: 'p', extension: '2005', dialNumber: '5551234', callByCall: false }).body).toBe('p,2005,5551234,false');
  });

  it('TransferCall and Conferencecall: <Agent_Extension>,<Dialog_ID>', () => {
    expect(buildTransferCall(DEST, 'agent2005', '2017', '40001')).toEqual(frame('TransferCall#agent2005', '2017,40001'));
    expect(buildConferenceCall(DEST, 'agent2005', '2017', '40001')).toEqual(frame('Conferencecall#agent2005', '2017,40001'));
  });

  it('RejectOutboundPreview / CloseOutboundPreview: <dialog_id>,REJECT / CLOSE', () => {
    expect(buildRejectOutboundPreview(DEST, 'agent2005', '40001')).toEqual(frame('RejectOutboundPreview#agent2005', '40001,REJECT'));
    expect(buildCloseOutboundPreview(DEST, 'agent2005', '40001')).toEqual(frame('CloseOutboundPreview#agent2005', '40001,CLOSE'));
  });

  it('GETSKILLGROPU and GETSUPERVISOR: empty bodies, vendor spelling', () => {
    expect(buildGetSkillGroups(DEST, 'agent2005')).toEqual(frame('GETSKILLGROPU#agent2005', ''));
    expect(buildGetSupervisor(DEST, 'agent2005')).toEqual(frame('GETSUPERVISOR#agent2005', ''));
  });

  it('SHCEDULECALLBACK / UPDATECALLBACK: <targetMediaAddress>,<dialog_id>,<callbackTime>,<callbackNumber>', () => {
    const a = { targetMediaAddress: '2005', dialogId: '40001', callbackTime: '2026-12-01T10:30:00Z', callbackNumber: '5551234' };
    expect(buildScheduleCallback(DEST, 'agent2005', a)).toEqual(frame('SHCEDULECALLBACK#agent2005', '2005,40001,2026-12-01T10:30:00Z,5551234'));
    expect(buildUpdateCallback(DEST, 'agent2005', a)).toEqual(frame('UPDATECALLBACK#agent2005', '2005,40001,2026-12-01T10:30:00Z,5551234'));
  });

  it('CANCELSHCEDULECALLBACK: <targetMediaAddress>,<dialog_id>; RECLASSIFYCALL: …,<Value>', () => {
    expect(buildCancelScheduledCallback(DEST, 'agent2005', '2005', '40001')).toEqual(frame('CANCELSHCEDULECALLBACK#agent2005', '2005,40001'));
    expect(buildReclassifyCall(DEST, 'agent2005', '2005', '40001', 'FAX')).toEqual(frame('RECLASSIFYCALL#agent2005', '2005,40001,FAX'));
  });

  it('configurable verbs: LOGIN <password>,<extension>; phonebook requests', () => {
    expect(buildLogin(DEST, 'LOGIN', 'agent2005', 'pw', '2005')).toEqual(frame('LOGIN#agent2005', 'pw,2005'));
    expect(buildPhonebooksRequest(DEST, DESK_VERBS, 'agent2005', 'agent')).toEqual(frame('GETPHONEBOOKS#agent2005', ''));
    expect(buildPhonebooksRequest(DEST, DESK_VERBS, 'agent2005', 'team')).toEqual(frame('GETTEAMPHONEBOOKS#agent2005', ''));
    expect(buildContactsRequest(DEST, DESK_VERBS, 'agent2005', '1')).toEqual(frame('GETPHONEBOOKCONTACTS#agent2005', '1'));
  });

  it('delimiter injection (, # |) in any argument is refused with a clear error naming the argument, never its value', () => {
    const attempts: Array<[() => unknown, string]> = [
      [() => buildMobileAgentLogin(DEST, 'agent2005', { password: 'pa,ss', extension: '2005', dialNumber: '1', callByCall: true }), 'password'],
      [() => buildMobileAgentLogin(DEST, 'agent2005', { password: 'p', extension: '2005#x', dialNumber: '1', callByCall: true }), 'extension'],
      [() => buildMobileAgentLogin(DEST, 'agent2005', { password: 'p', extension: '2005', dialNumber: '1|2', callByCall: true }), 'dial number'],
      [() => buildTransferCall(DEST, 'agent2005', '2017', '4,0001'), 'dialog id'],
      [() => buildConferenceCall(DEST, 'agent#2005', '2017', '1'), 'agent login id'],
      [() => buildScheduleCallback(DEST, 'a', { targetMediaAddress: '1', dialogId: '2', callbackTime: 'x|y', callbackNumber: '3' }), 'callback time'],
      [() => buildReclassifyCall(DEST, 'a', '1', '2', 'A,B'), 'reclassify value'],
      [() => buildContactsRequest(DEST, DESK_VERBS, 'a', '1#2'), 'phonebook id'],
      [() => buildGcCommand(DEST, 'VE,RB', 'a'), 'command verb'],
      [() => buildTransferCall(DEST, 'agent2005', '', '1'), 'target extension'],
    ];
    for (const [attempt, what] of attempts) {
      let err: unknown;
      try {
        attempt();
      } catch (e) {
        err = e;
      }
      expect(err, what).toBeInstanceOf(CommandError);
      expect((err as CommandError).code).toBe('invalid');
      expect((err as CommandError).message).toContain(what);
      expect((err as CommandError).message).not.toMatch(/pa,ss|2005#x|1\|2/);
    }
  });
});
