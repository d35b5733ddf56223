/**
 * The wallboard's vanilla zustand stores (`zustand/vanilla`, so they also run in Node for
 * the benchmark), one per slice of `slices.ts`. Only the ingest bus writes to them, once
 * per store per flush.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { SLICES, type SliceName, type SliceState } from './slices';

/** One store per slice, keyed by slice name (`agents`, `queues`, `teams`, `connections`, ...). */
export type WallboardStores = { readonly [N in SliceName]: StoreApi<SliceState<N>> };

/** Creates a fresh set of stores, each in its slice's initial state (the app uses the singleton `stores`; tests and the bench make their own). */
export function createWallboardStores(): WallboardStores {
  const out: Partial<Record<SliceName, StoreApi<unknown>>> = {};
  for (const slice of SLICES) out[slice.name] = createStore<unknown>()(() => slice.initial());
  // Every slice name was filled just above, each with its own slice's state type.
  return out as WallboardStores;
}
