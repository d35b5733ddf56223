/**
 * The simulated hub's call life and callback lists (issue 7 §9): every event it builds
 * passes the wallboard's own wire parser without an issue (vendor tables, camelCase), each
 * call's steps come in a plausible order, and the wallboard's statistics computed from the
 * events equal the truth's.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../src/domain';
import { createRteMapper } from '../src/connectors/rte/rte-mapper';
import { createRteStats } from '../src/connectors/rte/rte-stats';
import { parseMessageReceived } from '../src/connectors/rte/rte-wire';
import { manualClock, SimModel } from './model';
import { RTE_CALL_LIST_IDS } from './rte-calllists';
import { rteCallbackChanged, rteCallbackListStatus, rteCallEventData, rteQueueAttachedUsers } from './rte-wire';
import { rteStats } from './truth';

function parse(eventName: string, entityId: string, data: Record<string, unknown>) {
  const r = parseMessageReceived({ subscription: { entityId, eventName: eventName.toLowerCase() }, data });
  expect(r.ok && r.issues, `${eventName} ${JSON.stringify(data)}`).toEqual([]);
  return r;
}

describe('simulated RTE call life', () => {
  it('events follow the vendor tables and a plausible order; statistics from them equal the truth', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    const mapper = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const stats = createRteStats({ thresholdSec: 20, shortAbandonSec: 5, storage: null });
    const queues = m.queues('rte');
    stats.load(queues.map((q) => q.id), clock.now());
    const steps = new Map<string, string[]>();
    const last = new Map<string, DomainEvent>();
    for (let i = 0; i < 4 * 60 * 15; i++) {
      clock.advance(250);
      m.advance();
      for (const ev of m.takeCallEvents()) {
        const q = queues.find((x) => x.id === ev.queueId)!;
        const out = rteCallEventData(ev, q, ev.agentId ? m.agent(ev.agentId) : undefined);
        for (const e of out.user) parse(e.eventName, ev.agentId!, e.data);
        for (const e of out.queue) {
          const mapped = mapper.message(parse(e.eventName, q.id, e.data), ev.at);
          for (const d of mapped) {
            if (d.kind !== 'queue.call') continue;
            steps.set(d.callId, [...(steps.get(d.callId) ?? []), d.step]);
            for (const s of stats.onCall(d)) if (s.kind === 'queue.dayStats') last.set(s.stats.queueId, s);
          }
        }
      }
    }
    const lives = [...steps.values()];
    expect(lives.length).toBeGreaterThan(50);
    const seen = new Set(lives.map((l) => l.join(',')));
    // answered, abandoned, overflowed and transferred lives all occur, in order
    expect(seen).toContain('coming,arrived,allocated,connected,disconnected');
    expect(seen).toContain('coming,arrived,disconnected');
    expect(seen).toContain('coming,arrived,overflow');
    expect(seen).toContain('coming,arrived,transferStarted,transferConnected');
    for (const l of lives) {
      const full = l[0] === 'coming';
      if (full) expect(l[1]).toBe('arrived');
      expect(l.filter((s) => s === 'connected').length).toBeLessThanOrEqual(1);
    }
    for (const t of rteStats(m)) {
      const s = last.get(t.id);
      const got = s?.kind === 'queue.dayStats' ? s.stats : undefined;
      expect(got, t.id).toBeDefined();
      expect({ ...got!, serviceLevelPct: got!.serviceLevelPct ?? null, avgWaitSec: got!.avgWaitSec ?? null }).toMatchObject(t.offered === 0 ? {} : {
        offered: t.offered, answered: t.answered, abandoned: t.abandoned, shortAbandoned: t.shortAbandoned,
        overflowed: t.overflowed, transferred: t.transferred, answeredWithinThreshold: t.answeredWithinThreshold,
        avgWaitSec: t.avgWaitSec, serviceLevelPct: t.serviceLevelPct,
      });
    }
  });

  it('QueueAttachedUsers, CallbackListStatus and CallbackChanged follow the vendor tables', () => {
    const clock = manualClock();
    const m = new SimModel({ seed: 42, clock });
    for (const q of m.queues('rte')) parse('QueueAttachedUsers', q.id, rteQueueAttachedUsers(m, q));
    for (const id of RTE_CALL_LIST_IDS) {
      parse('CallbackListStatus', id, rteCallbackListStatus(m.callLists, id, clock.now()));
      for (const item of m.callLists.list(id)) parse('CallbackChanged', id, rteCallbackChanged(item));
    }
    const added = m.addCallback(RTE_CALL_LIST_IDS[0]!, { contactName: 'Eve', dueInSec: -60 });
    expect(added.ok).toBe(true);
    expect(m.callLists.figures(RTE_CALL_LIST_IDS[0]!, clock.now()).overdue).toBeGreaterThanOrEqual(1);
  });
});
