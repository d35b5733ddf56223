/**
 * Totals across a set of queues and agents (issue 13 scope 3, the big-number KPI panel),
 * computed in the stores: one pass over the matching queues per flush that changed the
 * queues store (never per render, never per clock tick), the same object while its numbers
 * do not change.
 */
import { useStore } from 'zustand';
import type { AgentState, Queue, SourceId, StateCounts } from '../domain';
import { listId, type QueueKeysFilter } from './views';
import { stores } from './wallboard';

/** Totals across queues. Figures are absent when no matching queue sends them. */
export interface QueueTotals {
  /** Number of queues counted. */
  readonly queues: number;
  /** Sum of calls waiting. */
  readonly callsWaiting?: number;
  /** Earliest `longestWaitingSince` (epoch ms): the longest wait of all is measured from it. */
  readonly longestWaitingSince?: number;
  /**
   * Service level in percent (0–100): weighted by calls offered where every counted queue
   * with a service level sends them, else the plain mean of the queues' service levels.
   */
  readonly serviceLevelPct?: number;
  /** Sum of abandoned calls. */
  readonly abandoned?: number;
}

const add = (a: number | undefined, b: number | undefined): number | undefined => (b === undefined ? a : (a ?? 0) + b);

/**
 * Totals of the queues that pass `filter` (`source`, `sources`, `ids`; empty lists: all). Pure.
 */
export function queueTotals(queues: Iterable<Queue>, filter: QueueKeysFilter = {}): QueueTotals {
  const sources = filter.sources && filter.sources.length > 0 ? new Set(filter.sources) : undefined;
  const ids = filter.ids && filter.ids.length > 0 ? new Set(filter.ids) : undefined;
  let n = 0;
  let waiting: number | undefined;
  let since: number | undefined;
  let abandoned: number | undefined;
  let slSum = 0;
  let slCount = 0;
  let weighted = 0;
  let offered = 0;
  let allOffered = true;
  for (const q of queues) {
    if (filter.source !== undefined && q.source !== filter.source) continue;
    if (sources && !sources.has(q.source)) continue;
    if (ids && !ids.has(q.id)) continue;
    n++;
    waiting = add(waiting, q.callsWaiting);
    abandoned = add(abandoned, q.callsAbandoned);
    if (q.longestWaitingSince !== undefined && (since === undefined || q.longestWaitingSince < since)) since = q.longestWaitingSince;
    if (q.serviceLevelPct !== undefined) {
      slSum += q.serviceLevelPct;
      slCount++;
      if (q.callsOffered !== undefined && q.callsOffered > 0) {
        weighted += q.serviceLevelPct * q.callsOffered;
        offered += q.callsOffered;
      } else allOffered = false;
    }
  }
  const serviceLevelPct = slCount === 0 ? undefined : allOffered && offered > 0 ? weighted / offered : slSum / slCount;
  return { queues: n, callsWaiting: waiting, longestWaitingSince: since, serviceLevelPct, abandoned };
}

function sameTotals(a: QueueTotals, b: QueueTotals): boolean {
  return (
    a.queues === b.queues &&
    a.callsWaiting === b.callsWaiting &&
    a.longestWaitingSince === b.longestWaitingSince &&
    a.serviceLevelPct === b.serviceLevelPct &&
    a.abandoned === b.abandoned
  );
}

const totalsCache = new Map<string, { byKey: unknown; totals: QueueTotals }>();

/**
 * {@link queueTotals} of the app's queues store for `filter`, recomputed only when the
 * store's queue map changed, keeping its identity while the numbers are the same.
 */
export function useQueueTotals(filter: QueueKeysFilter = {}): QueueTotals {
  const id = [filter.source ?? '*', listId(filter.sources), listId(filter.ids)].join('\u0000');
  return useStore(stores.queues, (s) => {
    const hit = totalsCache.get(id);
    if (hit && hit.byKey === s.byKey) return hit.totals;
    const next = queueTotals(s.byKey.values(), filter);
    const totals = hit && sameTotals(hit.totals, next) ? hit.totals : next;
    totalsCache.set(id, { byKey: s.byKey, totals });
    return totals;
  });
}

/** Agents by the KPI panel's groups: available (READY), on calls (RESERVED, TALKING, HOLD), not ready (NOT_READY). */
export interface AgentTotals {
  readonly available: number;
  readonly onCalls: number;
  readonly notReady: number;
}

const ON_CALLS: readonly AgentState[] = ['RESERVED', 'TALKING', 'HOLD'];

/** {@link AgentTotals} from per-state counts. Pure. */
export function agentTotals(counts: readonly StateCounts[]): AgentTotals {
  let available = 0;
  let onCalls = 0;
  let notReady = 0;
  for (const c of counts) {
    available += c.READY;
    notReady += c.NOT_READY;
    for (const s of ON_CALLS) onCalls += c[s];
  }
  return { available, onCalls, notReady };
}

/**
 * Agents by the KPI panel's groups over `sources` (absent or empty: every source), from the
 * counts the agents reducer keeps (no pass over the roster). Numbers, so a component
 * re-renders only when one changes.
 */
export function useAgentTotal(group: keyof AgentTotals, sources?: readonly SourceId[]): number {
  return useStore(stores.agents, (s) => {
    const counts = sources && sources.length > 0 ? sources.map((src) => s.counts.bySource[src]).filter((c): c is StateCounts => c !== undefined) : [s.counts.total];
    return agentTotals(counts)[group];
  });
}
