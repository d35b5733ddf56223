/**
 * Routers (Business ConneCT RouterStatus; bct doc "Events: Router Status"): a pure reducer
 * over `router.upsert`. Routers are not removed (the adapter sends no removal).
 */
import { entityKey, ROUTER_COUNT_KEYS, type EntityKey, type Router, type RouterUpsertEvent } from '../domain';
import { defineSlice } from './slice';

/** State of the routers store. */
export interface RoutersState {
  readonly byKey: ReadonlyMap<EntityKey, Router>;
  /** Increments whenever `byKey` changes. */
  readonly version: number;
}

/** A fresh, empty routers state. */
export function initialRoutersState(): RoutersState {
  return { byKey: new Map(), version: 0 };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies one `router.upsert` to `prev` (or a new router): each figure present replaces the
 * stored one; `queueLength: 0` also clears `maxWaitingSince` (nothing waits); a new
 * `maxWaitingSince` within a second of the stored one keeps the stored one, so a router
 * republished with the same wait does not make its ticking time jitter.
 * @returns `prev` itself when nothing changed
 */
export function applyRouterUpsert(prev: Router | undefined, e: RouterUpsertEvent): Router {
  const key = entityKey(e.source, e.id);
  const next: Mutable<Router> = prev ? { ...prev } : { key, source: e.source, name: e.id, updatedAt: e.at };
  let changed = !prev;
  for (const k of ROUTER_COUNT_KEYS) {
    const v = e.stats[k];
    if (v !== undefined && v !== next[k]) {
      next[k] = v;
      changed = true;
    }
  }
  const since = e.stats.maxWaitingSince;
  if (e.stats.queueLength === 0 && next.maxWaitingSince !== undefined) {
    delete next.maxWaitingSince;
    changed = true;
  } else if (since !== undefined && (next.maxWaitingSince === undefined || Math.abs(since - next.maxWaitingSince) >= 1000)) {
    next.maxWaitingSince = since;
    changed = true;
  }
  if (!changed) return prev as Router;
  next.updatedAt = e.at;
  return next;
}

/**
 * Reduces one flush's batch of `router.upsert` events (validated at the connector edge).
 * @returns the same `state` object when nothing changed
 */
export function reduceRouters(state: RoutersState, events: readonly RouterUpsertEvent[]): RoutersState {
  let map: Map<EntityKey, Router> | undefined;
  for (const e of events) {
    const key = entityKey(e.source, e.id);
    const prev = (map ?? state.byKey).get(key);
    const next = applyRouterUpsert(prev, e);
    if (next !== prev) (map ??= new Map(state.byKey)).set(key, next);
  }
  if (!map) return state;
  return { byKey: map, version: state.version + 1 };
}

/** The routers store: `router.upsert` only; nothing urgent. */
export const routersSlice = defineSlice({
  name: 'routers',
  kinds: ['router.upsert'],
  initial: initialRoutersState,
  reduce: reduceRouters,
  urgentKinds: [],
});
