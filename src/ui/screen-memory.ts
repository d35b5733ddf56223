import { useSyncExternalStore } from 'react';

/**
 * What one screen remembers across reloads and never shares with other screens (alarms and
 * emergency calls acknowledged here, the alert sound muted here): a small value kept in the
 * browser's `localStorage` under `key`, as React state. Storage that is full, denied or
 * holds garbage is treated as empty; the screen then forgets on reload.
 */
export interface ScreenMemory<T> {
  /** The current value. */
  get(): T;
  /** Replaces the value (stored at once) and re-renders its readers. */
  set(next: T): void;
  /** The value as React state. */
  use(): T;
  /** Forgets the stored value (tests). */
  reset(): void;
}

/**
 * Creates a {@link ScreenMemory}.
 * @param key the `localStorage` key
 * @param read turns the stored JSON (already parsed; `undefined` when absent) into a value; must not throw
 * @param write turns a value into what is stored (JSON-serialisable)
 */
export function createScreenMemory<T>(key: string, read: (stored: unknown) => T, write: (value: T) => unknown): ScreenMemory<T> {
  const load = (): T => {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      return read(raw ? (JSON.parse(raw) as unknown) : undefined);
    } catch {
      return read(undefined);
    }
  };
  let value = load();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const get = () => value;
  return {
    get,
    set(next) {
      value = next;
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(write(next)));
      } catch {
        /* storage full or denied */
      }
      notify();
    },
    use: () => useSyncExternalStore(subscribe, get, get),
    reset() {
      try {
        globalThis.localStorage?.removeItem(key);
      } catch {
        /* ignore */
      }
      value = read(undefined);
      notify();
    },
  };
}

/**
 * A remembered set of ids (at most `max`, the most recently added kept).
 * @param key the `localStorage` key
 */
export function createScreenIdSet(key: string, max = 200): ScreenMemory<ReadonlySet<string>> & { add(ids: readonly string[]): void } {
  const memory = createScreenMemory<ReadonlySet<string>>(
    key,
    (v) => new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-max) : []),
    (set) => [...set].slice(-max),
  );
  return {
    ...memory,
    add(ids) {
      const next = new Set(memory.get());
      for (const id of ids) {
        next.delete(id);
        next.add(id);
      }
      memory.set(next);
    },
  };
}
