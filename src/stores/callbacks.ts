/**
 * Callback lists (issue 7: RTE CallbackListStatus, CallbackChanged). Figures absent in a
 * status keep their values; items are upserted by id, newest change first, bounded.
 */
import { entityKey, type CallbackList, type EntityKey, type EventOfKind } from '../domain';
import { defineSlice } from './slice';

/** How many items a list keeps. */
export const MAX_CALLBACK_ITEMS = 20;

/** State of the callback-lists store. */
export interface CallbacksState {
  readonly byKey: ReadonlyMap<EntityKey, CallbackList>;
  /** Increments when a list is added (what the sorted key list depends on). */
  readonly sortVersion: number;
  readonly version: number;
}

/** A fresh, empty callbacks state. */
export function initialCallbacksState(): CallbacksState {
  return { byKey: new Map(), sortVersion: 0, version: 0 };
}

/** Reduces callback list events. Same state object when nothing changed. */
export function reduceCallbacks(state: CallbacksState, events: readonly EventOfKind<'callbackList.status' | 'callback.changed'>[]): CallbacksState {
  let map: Map<EntityKey, CallbackList> | undefined;
  let added = false;
  for (const e of events) {
    const key = entityKey(e.source, e.id);
    const prev = (map ?? state.byKey).get(key);
    if (!prev) added = true;
    const base: CallbackList = prev ?? { key, source: e.source, id: e.id, items: [], updatedAt: e.at };
    let next: CallbackList;
    if (e.kind === 'callbackList.status') {
      const f = e.figures;
      const changed = (Object.keys(f) as (keyof typeof f)[]).some((k) => f[k] !== undefined && f[k] !== base[k]);
      if (prev && !changed) continue;
      next = { ...base, ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)), updatedAt: e.at };
    } else {
      const items = [e.item, ...base.items.filter((i) => i.id !== e.item.id)].sort((a, b) => b.modifiedAt - a.modifiedAt).slice(0, MAX_CALLBACK_ITEMS);
      next = { ...base, items, updatedAt: e.at };
    }
    (map ??= new Map(state.byKey)).set(key, next);
  }
  if (!map) return state;
  return { byKey: map, sortVersion: added ? state.sortVersion + 1 : state.sortVersion, version: state.version + 1 };
}

/** The callback-lists store. */
export const callbacksSlice = defineSlice({
  name: 'callbacks',
  kinds: ['callbackList.status', 'callback.changed'],
  initial: initialCallbacksState,
  reduce: reduceCallbacks,
  urgentKinds: [],
});
