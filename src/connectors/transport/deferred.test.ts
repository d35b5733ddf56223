import { describe, expect, it, vi } from 'vitest';
import { CommandError, type DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import type { StompSessions } from '../stomp/shared';
import { deferConnector } from './deferred';
import type { ConnectorContext, ConnectorInstance } from './module';

function context() {
  const scheduler = createFakeScheduler(1_000_000);
  const events: DomainEvent[] = [];
  const ctx: ConnectorContext = {
    emit: (es) => events.push(...es),
    baseUrl: 'http://h/',
    scheduler,
    reasonCodes: { notReady: [], logout: [] },
    stomp: {} as StompSessions,
  };
  const statuses = () => events.flatMap((e) => (e.kind === 'connection.status' ? [`${e.status}${e.reason ? `: ${e.reason}` : ''}`] : []));
  return { ctx, scheduler, statuses };
}

function realInstance() {
  const setAgentState = vi.fn(async () => undefined);
  const inst: ConnectorInstance & { started: number; stopped: number } = {
    started: 0,
    stopped: 0,
    start() {
      inst.started++;
    },
    async stop() {
      inst.stopped++;
    },
    ports: { agentState: { source: 'gc', setAgentState } },
  };
  return { inst, setAgentState };
}

const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('deferConnector: a connector whose code loads on demand', () => {
  it('reports connecting, loads, starts the real connector, and forwards commands sent before it was there', async () => {
    const { ctx, statuses } = context();
    const { inst, setAgentState } = realInstance();
    let resolve!: (i: ConnectorInstance) => void;
    const c = deferConnector(ctx, { source: 'gc', offers: ['agentState'] }, () => new Promise((r) => (resolve = r)));
    c.start();
    expect(statuses()).toEqual(['connecting']);
    const sent = c.ports.agentState!.setAgentState({ agentId: 'agent2001', state: 'READY' });
    resolve(inst);
    await sent;
    expect(inst.started).toBe(1);
    expect(setAgentState).toHaveBeenCalledWith({ agentId: 'agent2001', state: 'READY' });
    await c.stop();
    expect(inst.stopped).toBe(1);
    await expect(c.ports.agentState!.setAgentState({ agentId: 'a', state: 'READY' })).rejects.toBeInstanceOf(CommandError);
  });

  it('shows down with the reason when the chunk cannot be downloaded, fails waiting commands, and retries with backoff', async () => {
    const { ctx, scheduler, statuses } = context();
    const { inst } = realInstance();
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new Error('Failed to fetch dynamically imported module');
      return inst;
    });
    const c = deferConnector(ctx, { source: 'gc', offers: ['agentState'] }, load);
    c.start();
    const sent = c.ports.agentState!.setAgentState({ agentId: 'agent2001', state: 'READY' });
    await expect(sent).rejects.toMatchObject({ code: 'not-connected' });
    expect(statuses().at(-1)).toMatch(/^down: could not load the connector code: Failed to fetch/);
    expect(inst.started).toBe(0);
    fail = false;
    scheduler.advance(4_000);
    await flushPromises();
    expect(load).toHaveBeenCalledTimes(2);
    expect(inst.started).toBe(1);
    await c.stop();
  });

  it("forwarding ports carry the module's static facts before the code is there, and forward RouteMessage", async () => {
    const { ctx } = context();
    const routeMessage = vi.fn(async () => undefined);
    const d = deferConnector(
      ctx,
      { source: 'bct', offers: ['agentState', 'routeMessage'] },
      async () => ({ start() {}, async stop() {}, ports: { routeMessage: { source: 'bct', routerNames: ['Sales'], routeMessage } } }),
      { agentState: { states: ['READY', 'NOT_READY'], reasonCodes: { notReady: [{ id: 'Lunch', label: 'Lunch' }], logout: [] } }, routeMessage: { routerNames: ['Sales'] } },
    );
    expect(d.ports.agentState).toMatchObject({ source: 'bct', states: ['READY', 'NOT_READY'], reasonCodes: { notReady: [{ id: 'Lunch', label: 'Lunch' }] } });
    expect(d.ports.routeMessage?.routerNames).toEqual(['Sales']);
    d.start();
    await d.ports.routeMessage?.routeMessage({ message: 'hi', routerName: 'Sales' });
    expect(routeMessage).toHaveBeenCalledWith({ message: 'hi', routerName: 'Sales' });
  });

  it('offers only the ports it was told the real connector offers', () => {
    const { ctx } = context();
    expect(Object.keys(deferConnector(ctx, { source: 'rte', offers: [] }, async () => realInstance().inst).ports)).toEqual([]);
  });
});

describe('deferConnector: the call journey port (UCCX)', () => {
  it('forwards callJourney with its AbortSignal once the code is there; rejects after stop', async () => {
    const { ctx } = context();
    const journey = { callId: '1', steps: [], totalMs: 0, totalComplete: true };
    const callJourney = vi.fn(async () => journey);
    const inst: ConnectorInstance = { start() {}, async stop() {}, ports: { callJourney: { source: 'uccx', callJourney } } };
    const c = deferConnector(ctx, { source: 'uccx', offers: ['callJourney'] }, async () => inst);
    expect(c.ports.callJourney?.source).toBe('uccx');
    c.start();
    const signal = new AbortController().signal;
    await expect(c.ports.callJourney!.callJourney('1', signal)).resolves.toBe(journey);
    expect(callJourney).toHaveBeenCalledWith('1', signal);
    await c.stop();
    await expect(c.ports.callJourney!.callJourney('1')).rejects.toBeInstanceOf(CommandError);
  });
});
