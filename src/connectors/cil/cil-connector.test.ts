import { describe, expect, it } from 'vitest';
import { CommandError, type DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { createCilConnector } from './cil-connector';
import type { CilTransport, CilTransportHandlers } from './cil-transport';
import type { CilMethod } from './cil-wire';
import type { CilConnectorConfig } from './config';
import {
  AGENT_STATE_CHANGE_CCX_READY,
  AGENT_STATE_CHANGE_NOT_READY,
  NOT_READY_REASONS,
  errorEvent,
  getChannelAnswer,
  queue,
  queueDataUpdate,
  workitem,
} from './cil-fixtures.test-data';

const CONFIG: CilConnectorConfig = { enabled: true, mode: 'direct', channelId: 'voice', requestTimeoutMs: 10_000 };

/** A transport double: records calls, answers them as told, delivers events. */
function fakeTransport() {
  const calls: { method: CilMethod; args: readonly unknown[] }[] = [];
  let handlers: CilTransportHandlers | undefined;
  const answers = new Map<string, (args: readonly unknown[]) => Promise<unknown>>();
  answers.set('getChannel', async () => getChannelAnswer());
  const t: CilTransport & {
    calls: typeof calls;
    answers: typeof answers;
    event(name: string, data: unknown): void;
    handlers(): CilTransportHandlers;
  } = {
    mode: 'direct',
    calls,
    answers,
    start(h) {
      handlers = h;
      h.onReady();
    },
    call(method, args) {
      calls.push({ method, args });
      const a = answers.get(method);
      return a ? a(args) : Promise.resolve(undefined);
    },
    stop() {},
    event(name, data) {
      handlers!.onEvent(name, data);
    },
    handlers: () => handlers!,
  };
  return t;
}

async function setup(config: CilConnectorConfig = CONFIG) {
  const scheduler = createFakeScheduler(1_700_000_000_000);
  const transport = fakeTransport();
  const emitted: DomainEvent[] = [];
  let n = 0;
  const connector = createCilConnector(config, (e) => emitted.push(...e), { scheduler, transport, newId: () => `req-${++n}` });
  connector.start();
  await flush();
  return { scheduler, transport, emitted, connector, desk: connector.ports.agentDesk! };
}

/** Lets resolved promises run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const kinds = (events: readonly DomainEvent[]) => events.map((e) => e.kind);
const errors = (events: readonly DomainEvent[]) => events.flatMap((e) => (e.kind === 'ingest.error' ? [e.error.code] : []));

describe('CIL connector: start and getChannel', () => {
  it('goes live once getChannel answered, seeding the channel, the agent and the work items', async () => {
    const { transport, emitted } = await setup();
    expect(transport.calls[0]).toEqual({ method: 'getChannel', args: ['voice'] });
    expect(emitted).toContainEqual(expect.objectContaining({ kind: 'desk.channel', id: 'voice_5000', state: 'Ready', channelType: 'Voice', stateSince: Date.parse('2020-07-28T09:40:00.000Z') }));
    expect(emitted.find((e) => e.kind === 'desk.channel')).not.toHaveProperty('reasonCode'); // -1: none
    expect(emitted).toContainEqual(expect.objectContaining({ kind: 'desk.sync', workItemIds: [], agent: { agentId: 'agent2001', firstName: 'Ann', lastName: 'Lee', loginName: 'alee', extension: '2001', teamId: '5' } }));
    expect(emitted.at(-1)).toMatchObject({ kind: 'connection.status', status: 'live' });
  });

  it('a getChannel answer in the {success, response} form works the same', async () => {
    const scheduler = createFakeScheduler(0);
    const transport = fakeTransport();
    transport.answers.set('getChannel', async () => ({ success: true, response: getChannelAnswer([workitem('workitemConnect', 'Active')]) }));
    const emitted: DomainEvent[] = [];
    createCilConnector(CONFIG, (e) => emitted.push(...e), { scheduler, transport }).start();
    await flush();
    expect(emitted).toContainEqual(expect.objectContaining({ kind: 'desk.workitem', id: '16777321', state: 'Active' }));
    expect(emitted).toContainEqual(expect.objectContaining({ kind: 'desk.sync', workItemIds: ['16777321'] }));
    expect(emitted.at(-1)).toMatchObject({ kind: 'connection.status', status: 'live' });
  });

  it('without the CIL global (direct mode) it is down with the reason and retries', async () => {
    const scheduler = createFakeScheduler(0);
    const transport = fakeTransport();
    let starts = 0;
    transport.start = (h) => {
      starts += 1;
      h.onDown('window.ConnectsIntegrationLibrary is not there');
    };
    const emitted: DomainEvent[] = [];
    createCilConnector(CONFIG, (e) => emitted.push(...e), { scheduler, transport, random: () => 0.5 }).start();
    expect(emitted.at(-1)).toMatchObject({ kind: 'connection.status', status: 'down', reason: 'window.ConnectsIntegrationLibrary is not there' });
    scheduler.advance(5_000);
    expect(starts).toBeGreaterThanOrEqual(2);
  });
});

describe('CIL connector: never ready', () => {
  it('a library that never calls back shows down after requestTimeoutMs, and live once it answers', async () => {
    const scheduler = createFakeScheduler(0);
    const transport = fakeTransport();
    let ready: (() => void) | undefined;
    transport.start = (h) => {
      ready = () => h.onReady();
    };
    const emitted: DomainEvent[] = [];
    createCilConnector(CONFIG, (e) => emitted.push(...e), { scheduler, transport }).start();
    expect(emitted.at(-1)).toMatchObject({ kind: 'connection.status', status: 'connecting' });
    scheduler.advance(10_000);
    expect(emitted.at(-1)).toMatchObject({ kind: 'connection.status', status: 'down', reason: 'b+s Connects did not become ready within 10 s' });
    ready!();
    await flush();
    expect(emitted.at(-1)).toMatchObject({ kind: 'connection.status', status: 'live' });
  });
});

describe('CIL events (document "Events", "Data reference")', () => {
  it.each([
    ['workitemCreate', 'Offered'],
    ['workitemConnect', 'Active'],
    ['workitemPause', 'Paused'],
    ['workitemResume', 'Active'],
    ['workitemWrapup', 'Wrapup'],
    ['workitemEnd', 'Ended'],
  ])('%s → desk.workitem with state %s and the documented fields', async (name, state) => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    transport.event(name, workitem(name, state));
    expect(emitted).toEqual([
      {
        kind: 'desk.workitem',
        source: 'cil',
        at: 1_700_000_000_000,
        id: '16777321',
        state,
        channelId: 'voice_5000',
        direction: 'Incoming',
        ani: '+41445551234',
        classification: 'Customer',
        connectedAt: Date.parse('2020-07-28T09:51:17.696Z'),
        queueName: 'Sales',
        wrapUpReason: '',
        callVariables: { callVariable1: '12345', callVariable2: '', 'user.eccVar1': '999999' },
      },
    ]);
  });

  it('workitemCreate without activity or connectedAt (document: may be undefined on create)', async () => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    const w = workitem('workitemCreate', 'Offered');
    delete w['activity'];
    delete w['connectedAt'];
    transport.event('workitemCreate', w);
    expect(emitted[0]).toMatchObject({ kind: 'desk.workitem', state: 'Offered' });
    expect(emitted[0]).not.toHaveProperty('connectedAt');
  });

  it('callVariableChanged and wrapupDataChanged carry the new values', async () => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    const cti = { ...(workitem('x', 'Active')['ctiData'] as object), callVariable1: '54321', wrapUpReason: 'Documentation' };
    transport.event('callVariableChanged', workitem('callVariableChanged', 'Active', { ctiData: cti }));
    transport.event('wrapupDataChanged', workitem('wrapupDataChanged', 'Wrapup', { ctiData: cti }));
    expect(emitted[0]).toMatchObject({ kind: 'desk.workitem', callVariables: { callVariable1: '54321' }, wrapUpReason: 'Documentation' });
    expect(emitted[1]).toMatchObject({ kind: 'desk.workitem', state: 'Wrapup', wrapUpReason: 'Documentation' });
  });

  it('agentStateChange → desk.channel with reason code and label; CCX voice_-1 with a negative code has none', async () => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    transport.event('agentStateChange', AGENT_STATE_CHANGE_NOT_READY);
    transport.event('agentStateChange', AGENT_STATE_CHANGE_CCX_READY);
    expect(emitted).toEqual([
      {
        kind: 'desk.channel',
        source: 'cil',
        at: 1_700_000_000_000,
        id: 'voice_5000',
        channelType: 'Voice',
        state: 'NotReady',
        reasonCode: '2',
        reasonLabel: 'Lunch',
        stateSince: Date.parse('2020-07-28T09:51:17.696Z'),
        requestId: 'req-1',
      },
      {
        kind: 'desk.channel',
        source: 'cil',
        at: 1_700_000_000_000,
        id: 'voice_-1',
        channelType: 'Voice',
        state: 'Ready',
        stateSince: Date.parse('2020-07-28T09:55:00.000Z'),
      },
    ]);
  });

  it.each(['ENABLED', 'ADDED', 'UPDATED'])('queueDataUpdate %s → desk.queues with escalation and summed figures', async (dataState) => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    transport.event('queueDataUpdate', queueDataUpdate(dataState, [queue('q1', 'Sales', 'Warn', 4)]));
    expect(emitted).toEqual([
      {
        kind: 'desk.queues',
        source: 'cil',
        at: 1_700_000_000_000,
        dataState,
        queues: [
          {
            id: 'q1',
            name: 'Sales',
            channel: 'Voice',
            escalation: 'Warn',
            callsInQueue: 4,
            longestCallSince: Date.parse('2020-07-28T09:50:00.000Z'),
            agentsReady: 2,
            agentsNotReady: 1,
            agentsTalking: 4,
            agentsWrapUp: 1,
          },
        ],
      },
    ]);
  });

  it('queueDataUpdate DELETED carries only the id; DISABLED an empty array', async () => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    transport.event('queueDataUpdate', queueDataUpdate('DELETED', [{ id: 'q1' }]));
    transport.event('queueDataUpdate', queueDataUpdate('DISABLED', []));
    expect(emitted).toEqual([
      { kind: 'desk.queues', source: 'cil', at: 1_700_000_000_000, dataState: 'DELETED', queues: [{ id: 'q1' }] },
      { kind: 'desk.queues', source: 'cil', at: 1_700_000_000_000, dataState: 'DISABLED', queues: [] },
    ]);
  });

  it('an error event no request claims becomes a desk.notice with the vendor message', async () => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    transport.event('error', errorEvent('', 'Phone is out of service'));
    expect(emitted).toEqual([{ kind: 'desk.notice', source: 'cil', at: 1_700_000_000_000, message: 'Phone is out of service' }]);
  });

  it('bad payloads are counted once each with their reason; the valid events around them are kept', async () => {
    const { transport, emitted } = await setup();
    emitted.length = 0;
    transport.event('workitemConnect', workitem('workitemConnect', 'Active'));
    transport.event('agentStateChange', { ...AGENT_STATE_CHANGE_NOT_READY, newState: 42 });
    transport.event('workitemPause', workitem('workitemPause', 'Paused', { ctiData: JSON.parse('{"__proto__":{"polluted":true},"callVariable1":"1"}') }));
    transport.event('somethingNew', {});
    transport.event('queueDataUpdate', queueDataUpdate('SOMETIMES', []));
    transport.event('workitemConnect', JSON.parse('{"__proto__":{"x":1},"id":"1","state":"Active"}'));
    transport.event('workitemEnd', workitem('workitemEnd', 'Ended'));
    expect(kinds(emitted)).toEqual(['desk.workitem', 'ingest.error', 'ingest.error', 'ingest.error', 'ingest.error', 'ingest.error', 'desk.workitem']);
    expect(errors(emitted)).toEqual(['wrong-type', 'hostile-key', 'unknown-event', 'wrong-type', 'hostile-key']);
    const msg = emitted[1]!.kind === 'ingest.error' ? emitted[1]!.error.message : '';
    expect(msg).toContain('agentStateChange: newState');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('CIL requests (document "Requests"): requestId, both answer forms, the error event', () => {
  it('setAgentState(channelId, state, reasonCode, requestId) is pending until agentStateChange confirms', async () => {
    const { transport, desk } = await setup();
    transport.answers.set('getReasonCodeList', async () => NOT_READY_REASONS);
    const reasons = await desk.getReasonCodes('NotReady');
    expect(reasons).toEqual([
      { id: '1', label: 'Break' },
      { id: '2', label: 'Lunch' },
      { id: '3', label: 'Meeting' },
    ]);
    expect(transport.calls.at(-1)).toEqual({ method: 'getReasonCodeList', args: ['voice', 'NotReady'] });

    let done = false;
    const p = desk.setState('NotReady', '2').then(() => (done = true));
    await flush();
    expect(transport.calls.at(-1)).toEqual({ method: 'setAgentState', args: ['voice', 'NotReady', 2, 'req-1'] });
    expect(done).toBe(false); // CIL answered (nothing), no agentStateChange yet
    transport.event('agentStateChange', { ...AGENT_STATE_CHANGE_NOT_READY, requestId: 'req-1' });
    await p;
    expect(done).toBe(true);
  });

  it('Ready sends an empty reason code', async () => {
    const { transport, desk } = await setup();
    const p = desk.setState('Ready');
    await flush();
    expect(transport.calls.at(-1)).toEqual({ method: 'setAgentState', args: ['voice', 'Ready', '', 'req-1'] });
    transport.event('agentStateChange', { ...AGENT_STATE_CHANGE_CCX_READY, channelId: 'voice_5000' }); // no requestId, the state matches
    await expect(p).resolves.toBeUndefined();
  });

  it('an error event with the request id fails that request with the vendor message', async () => {
    const { transport, desk, emitted } = await setup();
    emitted.length = 0;
    const p = desk.setState('NotReady', '3');
    await flush();
    transport.event('error', errorEvent('req-1', 'Agent state change not allowed'));
    await expect(p).rejects.toEqual(new CommandError('vendor-error', 'Agent state change not allowed'));
    expect(emitted).toEqual([]); // claimed: no notice, no ingest error
  });

  it('an error event with another id does not fail the request', async () => {
    const { transport, desk, emitted } = await setup();
    const p = desk.directTransfer('+41445550000', '16777321');
    transport.event('error', errorEvent('someone-else', 'Unrelated'));
    await expect(p).resolves.toBeUndefined();
    expect(emitted.at(-1)).toMatchObject({ kind: 'desk.notice', message: 'Unrelated', requestId: 'someone-else' });
  });

  it('answers of nothing and of {success:true, response} resolve; {success:false} fails with its message', async () => {
    const { transport, desk } = await setup();
    transport.answers.set('sendDtmf', async () => undefined);
    await expect(desk.sendDtmf('12#')).resolves.toBeUndefined();
    transport.answers.set('sendDtmf', async () => ({ success: true, response: undefined }));
    await expect(desk.sendDtmf('*9')).resolves.toBeUndefined();
    transport.answers.set('isSendDtmfEnabled', async () => ({ success: true, response: true }));
    await expect(desk.isSendDtmfEnabled()).resolves.toBe(true);
    transport.answers.set('isSendDtmfEnabled', async () => false);
    await expect(desk.isSendDtmfEnabled()).resolves.toBe(false);
    transport.answers.set('getReasonCodeList', async () => ({ success: true, response: NOT_READY_REASONS }));
    await expect(desk.getReasonCodes('Logout')).resolves.toHaveLength(3);
    transport.answers.set('setWrapupReason', async () => ({ success: false, response: { message: 'No wrap-up for this call' } }));
    await expect(desk.setWrapupReason('16777321', 'Documentation')).rejects.toEqual(new CommandError('vendor-error', 'No wrap-up for this call'));
  });

  it('every request names its parameters in the vendor order, with a requestId where the vendor has one', async () => {
    const { transport, desk } = await setup();
    transport.calls.length = 0;
    transport.answers.set('isUpdateWorkitemDataEnabled', async () => true);
    await desk.directTransfer('+41445550000', '16777321');
    await desk.singleStepConference('2002');
    await desk.dialOrConsult('+41445550001');
    await desk.sendDtmf('1');
    await desk.isSendDtmfEnabled().catch(() => undefined);
    await desk.updateWorkitemData('16777321', { callVariable1: '12345', 'user.eccVar1': '999999', wrapUpReason: 'Documentation' });
    await desk.isUpdateWorkitemDataEnabled('16777321');
    await desk.setWrapupReason('16777321', 'Documentation');
    expect(transport.calls).toEqual([
      { method: 'directTransfer', args: ['voice', '+41445550000', '16777321', 'req-1'] },
      { method: 'singleStepConference', args: ['voice', '2002', undefined, 'req-2'] },
      { method: 'dialOrConsult', args: ['voice', '+41445550001', 'req-3'] },
      { method: 'sendDtmf', args: ['1', 'req-4'] },
      { method: 'isSendDtmfEnabled', args: [] },
      { method: 'updateWorkitemData', args: ['voice', '16777321', { callVariable1: '12345', 'user.eccVar1': '999999', wrapUpReason: 'Documentation' }, 'req-5'] },
      { method: 'isUpdateWorkitemDataEnabled', args: ['voice', '16777321'] },
      { method: 'setWrapupReason', args: ['voice', '16777321', 'Documentation', 'req-6'] },
    ]);
  });

  it('a rejected call fails with its message; no answer fails after the timeout', async () => {
    const { transport, desk, scheduler } = await setup();
    transport.answers.set('dialOrConsult', async () => {
      throw new Error('Line busy');
    });
    await expect(desk.dialOrConsult('2002')).rejects.toEqual(new CommandError('vendor-error', 'Line busy'));
    const p = desk.setState('NotReady', '2'); // a change: waits for agentStateChange, which never comes
    await flush();
    scheduler.advance(10_000);
    await expect(p).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refuses bad input before sending: DTMF characters, addresses, __proto__ call variables', async () => {
    const { transport, desk } = await setup();
    transport.calls.length = 0;
    await expect(desk.sendDtmf('12x')).rejects.toMatchObject({ code: 'invalid' });
    await expect(desk.directTransfer('<script>')).rejects.toMatchObject({ code: 'invalid' });
    await expect(desk.updateWorkitemData('1', JSON.parse('{"__proto__":"x"}'))).rejects.toMatchObject({ code: 'invalid' });
    expect(transport.calls).toEqual([]);
  });
});

describe('CIL setAgentState to the state the agent is already in', () => {
  it('resolves on CIL answer alone (CIL may report no change)', async () => {
    const { transport, desk } = await setup(); // getChannel: Ready on voice_5000
    let done = false;
    const p = desk.setState('Ready').then(() => (done = true));
    await flush();
    expect(transport.calls.at(-1)?.method).toBe('setAgentState');
    await p;
    expect(done).toBe(true);
  });

  it('still waits for agentStateChange when only the reason differs', async () => {
    const { transport, desk } = await setup();
    transport.event('agentStateChange', AGENT_STATE_CHANGE_NOT_READY); // NotReady, reason 2
    let done = false;
    void desk.setState('NotReady', '3').then(() => (done = true));
    await flush();
    expect(done).toBe(false);
  });
});
