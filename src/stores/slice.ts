/**
 * The declaration of one store (ARCHITECTURE.md "Rooms": one slice per entity). The list
 * of slices (`slices.ts`) is the only place stores are enumerated: the bus's routing and
 * urgency, the store record, `createWallboardStores` and `resetWallboard` all come from it.
 */
import type { DomainEventKind, EventOfKind } from '../domain';

/**
 * One store: its name, the {@link DomainEventKind}s it takes, its initial state, its pure
 * reducer and the kinds that must be flushed at once.
 *
 * @typeParam S the store's state (immutable; replaced as a whole, once per flush, only
 *   when something changed)
 * @typeParam K the kinds the store takes
 * @typeParam N the store's name (the key in `WallboardStores`)
 */
export interface StoreSlice<S, K extends DomainEventKind = DomainEventKind, N extends string = string> {
  /** Key of the store in `WallboardStores`, e.g. `agents`. Unique in the slice list. */
  readonly name: N;
  /** The event kinds this store takes; the bus routes only these to {@link reduce}. */
  readonly kinds: readonly K[];
  /** A fresh initial state (a new object every call). */
  initial(): S;
  /**
   * Pure reducer over one flush's batch: receives only events of {@link kinds}, already
   * routed and validated at the connector edge (`guardEmit`), in arrival order. Must not
   * mutate `state` or the events, and must return the same `state` object when nothing
   * changed (then the bus does not `setState`). Should not throw; if it does, the bus
   * logs it and keeps the previous state for this store only.
   */
  reduce(state: S, events: readonly EventOfKind<K>[]): S;
  /**
   * Kinds that flush the bus at once instead of waiting for the cadence (ARCHITECTURE.md
   * rule 1): `connection.status` today; alarms and emergency calls later. A subset of
   * {@link kinds}.
   */
  readonly urgentKinds: readonly K[];
}

/**
 * Declares a slice, keeping its literal name and kinds in the type (so the store record
 * can be typed from the slice list). Identity at runtime.
 */
export function defineSlice<S, const K extends DomainEventKind, const N extends string>(slice: StoreSlice<S, K, N>): StoreSlice<S, K, N> {
  return slice;
}
