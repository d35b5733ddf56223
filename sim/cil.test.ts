import { describe, expect, it } from 'vitest';
import { CilModel } from './cil';

function setup() {
  const pushed: { agent: string; name: string; data: Record<string, unknown> }[] = [];
  let t = Date.UTC(2026, 10, 22, 9, 0, 0);
  const model = new CilModel((agent, name, data) => pushed.push({ agent, name, data: data as Record<string, unknown> }), () => t);
  pushed.length = 0;
  return { model, pushed, advance: (ms: number) => (t += ms) };
}

describe('simulated b+s Connects (CIL model)', () => {
  it('setAgentState answers nothing and raises agentStateChange with the request id and the reason', () => {
    const { model, pushed } = setup();
    expect(model.request('agent2001', 'setAgentState', ['voice', 'NotReady', 2, 'r-1'])).toEqual({ ok: true, result: undefined });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ agent: 'agent2001', name: 'agentStateChange', data: { requestId: 'r-1', channelId: 'voice_5000', newState: 'NotReady', newReasonCode: 2, newReasonCodeLabel: 'Lunch', oldState: 'Ready' } });
    expect(model.requests().map((r) => r.method)).toEqual(['setAgentState']);
  });

  it('an unknown reason, and fail-next-request, answer with a CIL error event carrying the request id', () => {
    const { model, pushed } = setup();
    model.request('agent2001', 'setAgentState', ['voice', 'NotReady', 99, 'r-1']);
    expect(pushed.at(-1)).toMatchObject({ name: 'error', data: { requestId: 'r-1', message: 'Reason code 99 is not configured for NotReady' } });
    model.failNextRequest('Not now');
    model.request('agent2001', 'getReasonCodeList', ['voice', 'NotReady']); // no requestId: not failed
    model.request('agent2001', 'setAgentState', ['voice', 'Ready', '', 'r-2']);
    expect(pushed.at(-1)).toEqual({ agent: 'agent2001', name: 'error', data: { event: 'error', version: '1.0', requestId: 'r-2', message: 'Not now' } });
    model.request('agent2001', 'setAgentState', ['voice', 'Ready', '', 'r-3']);
    expect(pushed.at(-1)).toMatchObject({ name: 'agentStateChange', data: { requestId: 'r-3' } });
  });

  it('questions answer {success, response}', () => {
    const { model } = setup();
    expect(model.request('agent2001', 'getReasonCodeList', ['voice', 'Logout'])).toEqual({ ok: true, result: { success: true, response: [{ id: 20, label: 'End of shift' }] } });
    const ch = model.request('agent2001', 'getChannel', ['voice']);
    expect(ch).toMatchObject({ ok: true, result: { success: true, response: { agentId: 'agent2001', channel: { id: 'voice_5000', state: 'Ready', workitems: [] } } } });
    expect(model.request('agent2001', 'isSendDtmfEnabled', [])).toEqual({ ok: true, result: { success: true, response: false } });
  });

  it('a work item lives through the controls and the requests', () => {
    const { model, pushed, advance } = setup();
    const { id } = model.workitem('agent2001', 'create', { ani: '+41', callVariables: { callVariable1: 'x' } });
    expect(pushed.at(-1)).toMatchObject({ name: 'workitemCreate', data: { id, state: 'Offered', ani: '+41', ctiData: { callVariable1: 'x', queueName: 'Sales' } } });
    advance(1000);
    model.workitem('agent2001', 'connect', { workitemId: id });
    expect(pushed.map((p) => p.name).slice(-2)).toEqual(['workitemConnect', 'agentStateChange']);
    expect(model.request('agent2001', 'isSendDtmfEnabled', [])).toMatchObject({ result: { response: true } });
    model.workitem('agent2001', 'wrapup', { workitemId: id });
    model.request('agent2001', 'setWrapupReason', ['voice', id, 'Documentation', 'r-9']);
    expect(pushed.at(-1)).toMatchObject({ name: 'wrapupDataChanged', data: { id, ctiData: { wrapUpReason: 'Documentation' } } });
    model.workitem('agent2001', 'end', { workitemId: id });
    expect(pushed.slice(-2).map((p) => [p.name, p.data['state'] ?? p.data['newState']])).toEqual([
      ['workitemEnd', 'Ended'],
      ['agentStateChange', 'Ready'],
    ]);
  });

  it('directTransfer ends the item as EndedTransferred', () => {
    const { model, pushed } = setup();
    const { id } = model.workitem('agent2001', 'create');
    model.workitem('agent2001', 'connect', { workitemId: id });
    model.request('agent2001', 'directTransfer', ['voice', '+41 44 555 12 34', id, 'r-1']);
    expect(pushed.find((p) => p.name === 'workitemEnd')).toMatchObject({ data: { id, state: 'EndedTransferred' } });
    expect(model.requests().at(-1)?.args).toEqual(['voice', '+41 44 555 12 34', id, 'r-1']);
  });
});
