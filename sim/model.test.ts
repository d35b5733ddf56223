import { describe, expect, it } from 'vitest';
import { SimModel, manualClock } from './model';
import { deriveRteUser, rteUserAvailability, rteUserStatus } from './rte-wire';
import { gcAgents, gcQueues, rteQueues, rteUsers } from './roster';
import { buildTruth } from './truth';
import type { ModelChange } from './types';

function run(seed: number, minutes: number): SimModel {
  const clock = manualClock();
  const m = new SimModel({ seed, clock });
  for (let i = 0; i < minutes * 240; i++) {
    clock.advance(250);
    m.advance();
  }
  return m;
}

describe('SimModel', () => {
  it('has the seeded organisation of CONTRACTS.md', () => {
    expect(rteQueues().map((q) => q.name)).toEqual(['Switchboard', 'Helpdesk', 'Orders', 'Returns', 'Priority', 'Callbacks']);
    expect(rteQueues()[0]?.id).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(rteUsers()).toHaveLength(24);
    expect(rteUsers()[23]?.id).toBe('a9e47000-0000-4000-8000-000000000024');
    expect(gcQueues().map((q) => q.id)).toEqual(['Sales', 'Support', 'Billing', 'Technical', 'Retention', 'VIP']);
    const agents = gcAgents();
    expect(agents.map((a) => a.id)).toEqual(Array.from({ length: 32 }, (_, i) => `agent${2001 + i}`));
    expect(agents.filter((a) => a.teamId === '5').map((a) => a.id)).toEqual(Array.from({ length: 16 }, (_, i) => `agent${2001 + i}`));
    expect(agents[0]).toMatchObject({ firstName: 'Ann', lastName: 'Lee', extension: '2001' });
  });

  it('is deterministic for a seed and the same clock', () => {
    const a = buildTruth(run(42, 20));
    const b = buildTruth(run(42, 20));
    expect(a).toEqual(b);
    const c = buildTruth(run(43, 20));
    expect(c).not.toEqual(a);
  });

  it('does not depend on how late the timer fires (steps on a fixed grid)', () => {
    const clock1 = manualClock();
    const m1 = new SimModel({ seed: 7, clock: clock1 });
    const clock2 = manualClock();
    const m2 = new SimModel({ seed: 7, clock: clock2 });
    for (let i = 0; i < 2400; i++) {
      clock1.advance(250);
      m1.advance();
    }
    for (let i = 0; i < 600; i++) {
      clock2.advance(1000 + (i % 2 === 0 ? 137 : -137));
      m2.advance();
    }
    expect(buildTruth(m2)).toEqual(buildTruth(m1));
  });

  it('is lively: calls wait at times, most agents logged in, counters add up', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    let samples = 0;
    const waitingSeen = new Map<string, number>();
    let loggedIn = 0;
    let total = 0;
    for (let i = 0; i < 30 * 240; i++) {
      clock.advance(250);
      m.advance();
      if (i % 40 !== 0) continue;
      samples += 1;
      for (const site of ['rte', 'gc'] as const) {
        for (const q of m.queues(site)) if (m.waitingCalls(q.id).length > 0) waitingSeen.set(q.id, (waitingSeen.get(q.id) ?? 0) + 1);
        for (const a of m.agents(site)) {
          total += 1;
          if (a.state !== 'LOGOUT') loggedIn += 1;
        }
      }
    }
    expect(samples).toBeGreaterThan(100);
    expect(waitingSeen.size).toBeGreaterThanOrEqual(10);
    expect(loggedIn / total).toBeGreaterThan(0.85);
    for (const site of ['rte', 'gc'] as const) {
      for (const q of m.queues(site)) {
        const c = q.counters;
        expect(c.offered).toBeGreaterThan(20);
        expect(c.answered + c.abandoned).toBeLessThanOrEqual(c.offered);
        expect(c.answeredWithin20s).toBeLessThanOrEqual(c.answered);
      }
    }
    const states = new Set(m.agents('gc').map((a) => a.state));
    expect(states.size).toBeGreaterThanOrEqual(4);
  });

  it('RTE wire events derive (by the connector rules) to the truth state and label', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 3, clock });
    for (let i = 0; i < 20 * 240; i++) {
      clock.advance(250);
      m.advance();
      for (const a of m.agents('rte')) {
        const d = deriveRteUser(rteUserAvailability(a), rteUserStatus(a));
        expect(d, a.id).toEqual({ state: a.state, reasonLabel: a.reasonLabel });
        const av = rteUserAvailability(a);
        if (a.state === 'LOGOUT' || av['availability'] === 'DoNotDisturb' || av['availability'] === 'Busy') {
          expect(Date.parse(String(av['startTime']))).toBe(a.stateSince);
        }
      }
    }
  }, 30_000); // simulates hours of model time: seconds on a loaded 2-core machine

  it('applies commands with Finesse semantics', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    const changes: ModelChange[] = [];
    m.onChange((c) => changes.push(c));
    m.pause();
    const ready = m.agents('gc').find((a) => a.state === 'READY');
    expect(ready).toBeDefined();
    const id = ready?.id ?? '';
    clock.advance(1000);
    expect(m.setAgentState(id, 'NOT_READY', '2')).toEqual({ ok: true, changed: true });
    expect(m.agent(id)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', stateSince: clock.now() });
    expect(changes).toContainEqual({ kind: 'agent', site: 'gc', id });
    expect(m.setAgentState(id, 'NOT_READY', '2')).toEqual({ ok: true, changed: false });
    expect(m.setAgentState(id, 'READY')).toEqual({ ok: true, changed: true });
    expect(m.agent(id)).toMatchObject({ state: 'READY', reasonCodeId: null, reasonLabel: null });
    expect(m.setAgentState(id, 'NOT_READY', '99')).toMatchObject({ ok: false, code: 'INVALID_REASON_CODE' });
    expect(m.setAgentState(id, 'NOT_READY')).toEqual({ ok: true, changed: true });
    expect(m.agent(id)?.reasonCodeId).toBe('-1');
    expect(m.setAgentState('agent9999', 'READY')).toMatchObject({ ok: false, code: 'USER_NOT_FOUND' });
    expect(m.setAgentState(id, 'LOGOUT', '20')).toEqual({ ok: true, changed: true });
    expect(m.agent(id)).toMatchObject({ state: 'LOGOUT', reasonCodeId: '20', reasonLabel: 'End of shift' });
    expect(m.setAgentState(id, 'READY')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(m.login(id)).toEqual({ ok: true, changed: true });
    expect(m.agent(id)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '-1' });

    const talking = m.agents('gc').find((a) => a.state === 'TALKING');
    expect(talking).toBeDefined();
    const tid = talking?.id ?? '';
    expect(m.setAgentState(tid, 'NOT_READY', '1')).toEqual({ ok: true, changed: true });
    expect(m.agent(tid)).toMatchObject({ state: 'TALKING', pendingState: 'NOT_READY' });
    m.resume();
    for (let i = 0; i < 400 && m.agent(tid)?.callId !== null; i++) {
      clock.advance(250);
      m.advance();
    }
    expect(m.agent(tid)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '1', pendingState: null });
  });

  it('freezes while paused and does not burst on resume', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    clock.advance(5000);
    m.advance();
    m.pause();
    const frozen = JSON.stringify(buildTruth(m).gc.agents);
    clock.advance(10 * 60_000);
    m.advance();
    expect(JSON.stringify(buildTruth(m).gc.agents)).toBe(frozen);
    expect(buildTruth(m).paused).toBe(true);
    m.resume();
    clock.advance(250);
    m.advance();
    const changed = buildTruth(m).gc.agents.filter((a, i) => JSON.stringify(a) !== JSON.stringify(JSON.parse(frozen)[i])).length;
    expect(changed).toBeLessThan(5);
  });
});
