import { createScreenIdSet, createScreenMemory } from '../../ui/screen-memory';

/**
 * What one screen remembers about emergency calls (issue 10 scope 6): which calls were
 * acknowledged here, and whether the alert sound is muted here; kept across reloads of this
 * screen, never shared with other screens.
 */
const acknowledged = createScreenIdSet('wallboard.emergency.acknowledged.v1');
const muted = createScreenMemory<boolean>('wallboard.emergency.muted.v1', (v) => v === true, (v) => v);

/** Marks emergency calls as acknowledged on this screen. */
export function acknowledgeEmergencies(ids: readonly string[]): void {
  acknowledged.add(ids);
}

/** Mutes or unmutes the emergency alert sound on this screen. */
export function setEmergencyMuted(value: boolean): void {
  muted.set(value);
}

/** Forgets this screen's acknowledgements and mute (tests). */
export function resetEmergencyScreenState(): void {
  acknowledged.reset();
  muted.reset();
}

/** This screen's acknowledgements and mute, as React state. */
export function useEmergencyScreenState(): { readonly acknowledged: ReadonlySet<string>; readonly muted: boolean } {
  return { acknowledged: acknowledged.use(), muted: muted.use() };
}
