import { describe, expect, it } from 'vitest';
import { CommandError } from '../transport/types';
import { buildAgentStateCommand } from './gc-commands';

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
