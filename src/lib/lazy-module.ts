/**
 * A module loaded on first need (a dynamic `import()`, so the bundler puts it and what only
 * it imports in a chunk of its own), readable synchronously once loaded.
 *
 * Unlike `React.lazy`, a component from an already loaded module renders at once, without
 * a Suspense round-trip: the supervisor page loads its command code before its first render
 * ({@link LazyModule.load}), the kiosk never loads it (docs/PERFORMANCE.md "Kiosk bundle
 * budget"), and a component test preloads it in `beforeAll`.
 */
import { useSyncExternalStore } from 'react';

/** A lazily loaded module of type `M`. */
export interface LazyModule<M> {
  /**
   * Starts loading (once; later calls return the same promise) and resolves with the module.
   * @throws (rejects) what the `import()` rejected with (e.g. a chunk that failed to
   *   download); the next call tries again.
   */
  load(): Promise<M>;
  /** The module when loaded, else `undefined` (never starts a load). */
  get(): M | undefined;
  /** Calls `listener` once the module has loaded; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Wraps `importer` (a `() => import('./x')` arrow) as a {@link LazyModule}. */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;
  const listeners = new Set<() => void>();
  return {
    load() {
      pending ??= importer().then(
        (m) => {
          loaded = m;
          for (const l of [...listeners]) l();
          return m;
        },
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
    get: () => loaded,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * React hook: the module of `lazy` when loaded (re-renders the component when it arrives),
 * else `undefined`. It does not start the load: call {@link LazyModule.load} where the
 * module is wanted (an effect, or before the first render).
 */
export function useLazyModule<M>(lazy: LazyModule<M>): M | undefined {
  return useSyncExternalStore(lazy.subscribe, lazy.get, lazy.get);
}
