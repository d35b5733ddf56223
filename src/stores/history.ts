/**
 * The trend history (issue 13 scope 5): calls waiting, longest waiting and agents by state,
 * per queue and per router, sampled on the shared clock (`lib/clock`) every `periodMs` and
 * kept for `windowMs`. Bounded: at most `ceil(windowMs / periodMs) + 1` points per entity
 * (360 + 1 with the defaults: 10 s for an hour). One `set()` per sample; the work of a sample
 * is one pass over the queues and routers (every `periodMs`, never per event).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EntityKey, Queue, Router } from '../domain';
import { subscribeClock } from '../lib/clock';
import { stores } from './wallboard';

/** One sample of one queue or router. Absent figures were not sent by the vendor. */
export interface HistoryPoint {
  /** Sample time, epoch ms. */
  readonly t: number;
  /** Calls (router: tasks) waiting. */
  readonly waiting?: number;
  /** Longest waiting, seconds. */
  readonly longestSec?: number;
  /** Agents ready (router: idle agents). */
  readonly ready?: number;
  /** Agents not ready. */
  readonly notReady?: number;
  /** Agents talking (router: active agents). */
  readonly talking?: number;
  /** Agents in wrap-up (queues only). */
  readonly wrapUp?: number;
}

/** The history of one queue or router. */
export interface HistorySeries {
  readonly key: EntityKey;
  readonly kind: 'queue' | 'router';
  readonly source: Queue['source'];
  /** The vendor id (a queue's id, a router's name). */
  readonly id: string;
  /** Display name (vendor text). */
  readonly name: string;
  /** Oldest first. */
  readonly points: readonly HistoryPoint[];
}

/** State of the history store. */
export interface HistoryState {
  readonly series: ReadonlyMap<EntityKey, HistorySeries>;
  /** Sample period, ms. */
  readonly periodMs: number;
  /** Kept window, ms. */
  readonly windowMs: number;
}

/** The app's history store. */
export const historyStore = createStore<HistoryState>()(() => ({ series: new Map(), periodMs: 10_000, windowMs: 3_600_000 }));

const sec = (since: number | undefined, t: number) => (since === undefined ? undefined : Math.max(0, Math.floor((t - since) / 1000)));

function point(t: number, f: Omit<HistoryPoint, 't'>): HistoryPoint {
  const p: Record<string, number> = { t };
  for (const [k, v] of Object.entries(f)) if (typeof v === 'number') p[k] = v;
  return p as unknown as HistoryPoint;
}

/** The sample of a queue at `t` (epoch ms). */
export function queuePoint(q: Queue, t: number): HistoryPoint {
  return point(t, {
    waiting: q.callsWaiting,
    longestSec: sec(q.longestWaitingSince, t),
    ready: q.agentsReady,
    notReady: q.agentsNotReady,
    talking: q.agentsTalking,
    wrapUp: q.agentsWrapUp,
  });
}

/** The sample of a router at `t` (epoch ms). */
export function routerPoint(r: Router, t: number): HistoryPoint {
  return point(t, { waiting: r.queueLength, longestSec: sec(r.maxWaitingSince, t), ready: r.idleAgents, notReady: r.notReadyAgents, talking: r.activeAgents });
}

/**
 * Adds one sample of every queue and router to `state` at `t`, dropping points older than
 * the window and entities no longer known. Pure.
 */
export function sampleHistory(state: HistoryState, queues: Iterable<Queue>, routers: Iterable<Router>, t: number): HistoryState {
  const max = Math.ceil(state.windowMs / state.periodMs) + 1;
  const from = t - state.windowMs;
  const next = new Map<EntityKey, HistorySeries>();
  const add = (key: EntityKey, kind: HistorySeries['kind'], source: Queue['source'], id: string, name: string, p: HistoryPoint) => {
    const prev = state.series.get(key)?.points ?? [];
    let start = Math.max(0, prev.length + 1 - max);
    while (start < prev.length && (prev[start]?.t ?? 0) < from) start++;
    next.set(key, { key, kind, source, id, name, points: [...prev.slice(start), p] });
  };
  for (const q of queues) add(q.key, 'queue', q.source, q.id, q.name, queuePoint(q, t));
  for (const r of routers) add(r.key, 'router', r.source, r.name, r.name, routerPoint(r, t));
  return { ...state, series: next };
}

/**
 * Starts sampling the queues and routers stores into {@link historyStore} on the shared
 * clock: at the first tick, then at the first tick of every new `periodMs` slot.
 * @param periodMs sample period, ms (≥ 1000: the shared clock ticks once a second)
 * @param windowMs how long points are kept, ms
 * @returns stop (idempotent)
 */
export function startHistorySampler(periodMs: number, windowMs: number): () => void {
  historyStore.setState({ series: new Map(), periodMs, windowMs }, true);
  let lastSlot = -1;
  return subscribeClock((now) => {
    const slot = Math.floor(now / periodMs);
    if (slot === lastSlot) return;
    lastSlot = slot;
    historyStore.setState(sampleHistory(historyStore.getState(), stores.queues.getState().byKey.values(), stores.routers.getState().byKey.values(), now), true);
  });
}

/** React hook: the series map (a new map once per sample). */
export function useHistorySeries(): ReadonlyMap<EntityKey, HistorySeries> {
  return useStore(historyStore, (s) => s.series);
}
