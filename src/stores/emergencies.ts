/**
 * Emergency calls (Business ConneCT EmergencyCall; bct doc "Events: Emergency Call Event"):
 * every call to a monitored emergency number, newest first, at most
 * {@link MAX_EMERGENCY_CALLS}. `emergency.call` flushes the bus at once (ARCHITECTURE.md
 * rule 1). Which calls a screen still shows (acknowledged on a desk, timed out on a TV) is
 * the screen's own state (features/emergency), not this store's.
 */
import type { EmergencyCall, EmergencyCallEvent } from '../domain';
import { defineSlice } from './slice';

/** How many emergency calls the store keeps (the newest). */
export const MAX_EMERGENCY_CALLS = 50;

/** State of the emergencies store. */
export interface EmergenciesState {
  /** Newest first. */
  readonly calls: readonly EmergencyCall[];
  readonly version: number;
}

/** A fresh, empty state. */
export function initialEmergenciesState(): EmergenciesState {
  return { calls: [], version: 0 };
}

/**
 * Adds each call (a call id seen before is ignored: a redelivered event raises no second
 * alarm), newest first, keeping {@link MAX_EMERGENCY_CALLS}.
 * @returns the same `state` object when nothing changed
 */
export function reduceEmergencies(state: EmergenciesState, events: readonly EmergencyCallEvent[]): EmergenciesState {
  let calls: EmergencyCall[] | undefined;
  for (const e of events) {
    const list = calls ?? state.calls;
    if (list.some((c) => c.id === e.id)) continue;
    const call: EmergencyCall = {
      id: e.id,
      source: e.source,
      calledNumber: e.calledNumber,
      callingNumber: e.callingNumber,
      ...(e.callerName ? { callerName: e.callerName } : {}),
      ...(e.callerLocation ? { callerLocation: e.callerLocation } : {}),
      at: e.at,
    };
    calls = [call, ...list].slice(0, MAX_EMERGENCY_CALLS);
  }
  if (!calls) return state;
  return { calls, version: state.version + 1 };
}

/** The emergencies store: `emergency.call`, flushed at once. */
export const emergenciesSlice = defineSlice({
  name: 'emergencies',
  kinds: ['emergency.call'],
  initial: initialEmergenciesState,
  reduce: reduceEmergencies,
  urgentKinds: ['emergency.call'],
});
