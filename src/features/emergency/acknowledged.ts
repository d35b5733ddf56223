import { useSyncExternalStore } from 'react';

/**
 * What one screen remembers about emergency calls (issue 10 scope 6): which calls were
 * acknowledged here, and whether the alert sound is muted here. Kept in the browser's
 * storage, so it survives a reload of this screen and is never shared with other screens.
 */
interface ScreenState {
  readonly acknowledged: ReadonlySet<string>;
  readonly muted: boolean;
}

const KEY = 'wallboard.emergency.v1';
/** Acknowledged call ids kept (the newest). */
const MAX_ACKNOWLEDGED = 200;

function read(): ScreenState {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return { acknowledged: new Set(), muted: false };
    const v = JSON.parse(raw) as { acknowledged?: unknown; muted?: unknown };
    const ids = Array.isArray(v.acknowledged) ? v.acknowledged.filter((x): x is string => typeof x === 'string') : [];
    return { acknowledged: new Set(ids.slice(-MAX_ACKNOWLEDGED)), muted: v.muted === true };
  } catch {
    return { acknowledged: new Set(), muted: false };
  }
}

let state: ScreenState = read();
const listeners = new Set<() => void>();

function write(next: ScreenState): void {
  state = next;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ acknowledged: [...next.acknowledged].slice(-MAX_ACKNOWLEDGED), muted: next.muted }));
  } catch {
    /* storage full or denied: this screen forgets on reload */
  }
  for (const l of listeners) l();
}

/** Marks emergency calls as acknowledged on this screen. */
export function acknowledgeEmergencies(ids: readonly string[]): void {
  const acknowledged = new Set(state.acknowledged);
  for (const id of ids) acknowledged.add(id);
  write({ ...state, acknowledged });
}

/** Mutes or unmutes the emergency alert sound on this screen. */
export function setEmergencyMuted(muted: boolean): void {
  write({ ...state, muted });
}

/** Forgets this screen's acknowledgements and mute (tests). */
export function resetEmergencyScreenState(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    /* ignore */
  }
  state = { acknowledged: new Set(), muted: false };
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** This screen's acknowledgements and mute, as React state. */
export function useEmergencyScreenState(): ScreenState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}
