/**
 * Unit tests of the simulator's test controls (docs/CONTRACTS.md "Simulator HTTP API"):
 * reset, step, agent-state with `force`, agent-call — on the model and over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from './main';
import { SimModel, manualClock } from './model';
import { buildTruth, type Truth } from './truth';
import type { ModelChange } from './types';

/** Truth without the timestamps, which depend on when a control ran. */
function states(t: Truth): string[] {
  return [
    ...t.rte.users.map((u) => `${u.id}:${u.state}:${u.reasonLabel ?? ''}`),
    ...t.gc.agents.map((a) => `${a.id}:${a.state}:${a.reasonCodeId ?? ''}`),
    ...t.rte.queues.map((q) => `${q.id}:${q.callsWaiting}:${q.agentsReady}:${q.agentsTalking}:${q.agentsWrapUp}:${q.agentsNotReady}`),
    ...t.gc.queues.map((q) => `${q.id}:${q.callsWaiting}:${q.agentsReady}:${q.agentsTalking}:${q.agentsWrapUp}:${q.agentsNotReady}`),
  ];
}

describe('SimModel.reset', () => {
  it('re-draws exactly the initial state of a fresh model with the same seed, at the clock now', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    const fresh0 = buildTruth(m);
    for (let i = 0; i < 600; i++) {
      clock.advance(250);
      m.advance();
    }
    expect(buildTruth(m)).not.toEqual(fresh0);
    m.reset();
    const fresh = new SimModel({ seed: 42, clock });
    expect(buildTruth(m)).toEqual(buildTruth(fresh));
    expect(m.startedAt).toBe(clock.now());
    expect(m.seed).toBe(42);
  });

  it('takes another seed and a paused start, and announces the changed agents', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    const changes: ModelChange[] = [];
    m.onChange((c) => changes.push(c));
    m.reset({ seed: 7, paused: true });
    expect(m.seed).toBe(7);
    expect(m.initialSeed).toBe(42);
    expect(m.paused).toBe(true);
    expect(buildTruth(m)).toEqual({ ...buildTruth(new SimModel({ seed: 7, clock })), paused: true });
    expect(changes.filter((c) => c.kind === 'agent').length).toBeGreaterThan(40);
    expect(changes.at(-1)).toEqual({ kind: 'tick', at: clock.now() });
    // Paused: time passes, nothing moves.
    const before = buildTruth(m);
    clock.advance(120_000);
    m.advance();
    expect(states(buildTruth(m))).toEqual(states(before));
  });
});

describe('SimModel.step', () => {
  it('refuses a running model and a malformed request', () => {
    const m = new SimModel({ seed: 42, clock: manualClock() });
    expect(() => m.step({ seconds: 1 })).toThrow(/paused/);
    m.pause();
    expect(() => m.step({})).toThrow(/either/);
    expect(() => m.step({ seconds: 1, events: 1 })).toThrow(/either/);
    expect(() => m.step({ seconds: -1 })).toThrow(/seconds/);
    expect(() => m.step({ events: 0 })).toThrow(/events/);
  });

  it('advances N simulated seconds at once, the same way however long the pause lasted', () => {
    const c1 = manualClock();
    const m1 = new SimModel({ seed: 42, clock: c1 });
    m1.reset({ paused: true });
    const c2 = manualClock();
    const m2 = new SimModel({ seed: 42, clock: c2 });
    m2.reset({ paused: true });
    c2.advance(37_123);
    const before = states(buildTruth(m1));
    const r1 = m1.step({ seconds: 30 });
    const r2 = m2.step({ seconds: 30 });
    expect(r1).toEqual(r2);
    expect(r1.steps).toBe(120);
    expect(r1.simulatedMs).toBe(30_000);
    expect(r1.events).toBeGreaterThan(0);
    expect(states(buildTruth(m1))).toEqual(states(buildTruth(m2)));
    expect(states(buildTruth(m1))).not.toEqual(before);
    expect(m1.paused).toBe(true);
    // Nothing is stamped in the future.
    for (const a of buildTruth(m1).gc.agents) expect(a.stateSince).toBeLessThanOrEqual(c1.now());
    // A step of 30 s equals three steps of 10 s.
    const c3 = manualClock();
    const m3 = new SimModel({ seed: 42, clock: c3 });
    m3.reset({ paused: true });
    for (let i = 0; i < 3; i++) m3.step({ seconds: 10 });
    expect(states(buildTruth(m3))).toEqual(states(buildTruth(m1)));
  });

  it('advances until N agent state changes have happened', () => {
    const m = new SimModel({ seed: 42, clock: manualClock() });
    m.reset({ paused: true });
    const changes: ModelChange[] = [];
    m.onChange((c) => changes.push(c));
    const r = m.step({ events: 3 });
    expect(r.events).toBeGreaterThanOrEqual(3);
    expect(r.steps).toBeGreaterThan(0);
    expect(changes.filter((c) => c.kind === 'agent').length).toBeGreaterThanOrEqual(3);
    // The last tick is the one that reached the count.
    const again = new SimModel({ seed: 42, clock: manualClock() });
    again.reset({ paused: true });
    expect(again.step({ seconds: ((r.steps - 1) * 250) / 1000 }).events).toBeLessThan(3);
  });
});

describe('forceAgentState and startCall', () => {
  it('forces any agent into a state (drops its call, no LOGIN needed) and validates the reason', () => {
    const m = new SimModel({ seed: 42, clock: manualClock() });
    m.pause();
    const onCall = m.agents('gc').find((a) => a.callId !== null)!;
    expect(m.forceAgentState(onCall.id, 'READY')).toEqual({ ok: true, changed: true });
    expect(m.agent(onCall.id)).toMatchObject({ state: 'READY', callId: null, pendingState: null });
    const out = m.agents('gc')[3]!;
    m.forceAgentState(out.id, 'LOGOUT', '20');
    expect(m.setAgentState(out.id, 'READY')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(m.forceAgentState(out.id, 'NOT_READY', '2')).toEqual({ ok: true, changed: true });
    expect(m.agent(out.id)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch' });
    expect(m.forceAgentState(out.id, 'NOT_READY', '2')).toEqual({ ok: true, changed: false });
    expect(m.forceAgentState(out.id, 'NOT_READY', '20')).toMatchObject({ ok: false, code: 'INVALID_REASON_CODE' });
    expect(m.forceAgentState(out.id, 'TALKING')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(m.forceAgentState('nobody', 'READY')).toMatchObject({ ok: false, code: 'USER_NOT_FOUND' });
  });

  it('puts an agent on a call; a command becomes pending and applies when the call ends', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    m.reset({ paused: true });
    const id = 'agent2005';
    // Time paused before a control does not lengthen what the control schedules.
    clock.advance(45_000);
    m.forceAgentState(id, 'READY');
    expect(m.startCall(id, { queueId: 'Nope' })).toMatchObject({ ok: false, code: 'UNKNOWN_QUEUE' });
    expect(m.startCall(id, { durationSec: 20 })).toEqual({ ok: true, changed: true });
    expect(m.agent(id)).toMatchObject({ state: 'TALKING' });
    expect(m.startCall(id)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(m.setAgentState(id, 'NOT_READY', '2')).toEqual({ ok: true, changed: true });
    expect(m.agent(id)).toMatchObject({ state: 'TALKING', pendingState: 'NOT_READY' });
    clock.advance(12_000);
    m.step({ seconds: 19.75 });
    expect(m.agent(id)).toMatchObject({ state: 'TALKING' });
    m.step({ seconds: 0.25 });
    expect(m.agent(id)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', pendingState: null, callId: null });
  });
});

describe('control endpoints over HTTP', () => {
  let sim: SimulatorHandle;
  const post = async (path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${sim.urls.http}${path}`, {
      method: 'POST',
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const truth = async (): Promise<Truth> => (await (await fetch(`${sim.urls.http}/sim/truth`)).json()) as Truth;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, httpPort: 0, hubPort: 0, stompPort: 0, clock: manualClock(), autoTick: false, log: false });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('reset re-seeds, pauses as asked, clears the command log and a pending failure', async () => {
    sim.gc.failNext('X', 'y');
    expect(await post('/sim/control/reset', { seed: 9, paused: true })).toMatchObject({ status: 200, json: { ok: true, seed: 9, paused: true } });
    expect((await truth()).paused).toBe(true);
    expect(sim.gc.commands()).toEqual([]);
    expect(await post('/sim/control/reset', { seed: 'x' })).toMatchObject({ status: 400 });
    expect(await post('/sim/control/reset')).toMatchObject({ status: 200, json: { seed: 42, paused: false } });
  });

  it('step answers 409 while running and advances a paused model', async () => {
    await post('/sim/control/reset');
    expect((await post('/sim/control/step', { seconds: 5 })).status).toBe(409);
    await post('/sim/control/pause');
    expect(await post('/sim/control/step', { seconds: 'x' })).toMatchObject({ status: 400 });
    expect(await post('/sim/control/step', {})).toMatchObject({ status: 400 });
    const r = await post('/sim/control/step', { seconds: 60 });
    expect(r).toMatchObject({ status: 200, json: { ok: true, steps: 240, simulatedMs: 60_000 } });
    expect(r.json['events']).toBeGreaterThan(0);
  });

  it('agent-state with force and agent-call', async () => {
    await post('/sim/control/reset', { paused: true });
    expect(await post('/sim/control/agent-state', { id: 'agent2003', state: 'LOGOUT', reasonCodeId: '20', force: true })).toMatchObject({ status: 200 });
    expect(await post('/sim/control/agent-state', { id: 'agent2003', state: 'READY' })).toMatchObject({ status: 409 });
    expect(await post('/sim/control/agent-state', { id: 'agent2003', state: 'READY', force: true })).toMatchObject({ status: 200, json: { ok: true } });
    expect(await post('/sim/control/agent-call', { id: 'agent2003', durationSec: 0 })).toMatchObject({ status: 400 });
    expect(await post('/sim/control/agent-call', { id: 'agent2003', durationSec: 30 })).toMatchObject({ status: 200 });
    expect((await truth()).gc.agents.find((a) => a.id === 'agent2003')?.state).toBe('TALKING');
    expect(await post('/sim/control/agent-call', { id: 'agent2003' })).toMatchObject({ status: 409 });
    expect(await post('/sim/control/agent-call', { id: 'nobody' })).toMatchObject({ status: 404 });
  });
});
