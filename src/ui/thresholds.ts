import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { MetricThreshold, Severity, ThresholdLevel } from '../domain';
import { usePanelScope } from './panel-scope';
import { createScreenMemory } from './screen-memory';

/**
 * Thresholds everywhere a figure is shown (issue 13 scope 4). A figure that has a threshold
 * carries `data-severity` = `ok` | `warning` | `critical` on the figure element itself
 * (docs/CONTRACTS.md "Board test hooks"); the inner word-and-icon mark keeps its own
 * `data-severity` = `warn` | `alarm`.
 */
export type ThresholdSeverity = 'ok' | 'warning' | 'critical';

/** Figures where a LOWER value is worse (a level is reached by falling below it). By `data-stat` name. */
export const LOWER_IS_WORSE: ReadonlySet<string> = new Set(['serviceLevelPct', 'agentsAvailable']);

/** The public hook value of an internal {@link Severity} (`warn` → `warning`, `alarm` → `critical`). */
export function thresholdSeverity(s: Severity): ThresholdSeverity {
  return s === 'alarm' ? 'critical' : s === 'warn' ? 'warning' : 'ok';
}

/** The internal {@link Severity} of a {@link ThresholdSeverity}. */
export function internalSeverity(s: ThresholdSeverity): Severity {
  return s === 'critical' ? 'alarm' : s === 'warning' ? 'warn' : 'ok';
}

/** A figure's level against a panel threshold: its severity and the level reached (none when `ok`). */
export interface ThresholdResult {
  readonly severity: ThresholdSeverity;
  readonly level?: ThresholdLevel;
}

const OK: ThresholdResult = Object.freeze({ severity: 'ok' });

/**
 * The level `value` reaches against `t`: critical before warning; a level is reached at
 * `value >= level.value`, or for a {@link LOWER_IS_WORSE} stat at `value < level.value`
 * (meeting a service level exactly is not a breach). Unknown value: `ok`. Pure.
 * @param stat the figure's `data-stat` name
 * @param value the figure's raw value (units as its `data-value`: seconds, percent, a count)
 */
export function levelOf(stat: string, value: number | undefined, t: MetricThreshold | undefined): ThresholdResult {
  if (value === undefined || !t) return OK;
  const lower = LOWER_IS_WORSE.has(stat);
  const reached = (l: ThresholdLevel | undefined) => l !== undefined && (lower ? value < l.value : value >= l.value);
  if (reached(t.critical)) return { severity: 'critical', level: t.critical };
  if (reached(t.warning)) return { severity: 'warning', level: t.warning };
  return OK;
}

const RANK: Readonly<Record<ThresholdSeverity, number>> = { ok: 0, warning: 1, critical: 2 };

/** What a figure shows for its threshold: see {@link useThreshold}. */
export interface FigureThreshold {
  /** True when the figure has a threshold (panel or board-wide): it then carries `data-severity`. */
  readonly has: boolean;
  readonly severity: ThresholdSeverity;
  /** The panel level reached, if any (its colour, flash, sound). */
  readonly level?: ThresholdLevel;
}

/**
 * A figure's threshold state: the current panel's threshold for `stat` (a designed board's
 * `thresholds`, by `data-stat` name) overrides `fallback`, the severity the figure computes
 * from the configuration's board-wide `thresholds` (undefined: the figure has none). When the
 * figure newly reaches a level (its severity rises) whose `sound` is set, it asks the
 * screen's threshold sound to ring ({@link ringThresholdSound}); whether it plays is the
 * screen's choice (muted, snoozed, a kiosk without sound).
 */
export function useThreshold(stat: string | undefined, value: number | undefined, fallback?: Severity): FigureThreshold {
  const { thresholds } = usePanelScope();
  const own = stat !== undefined && Object.hasOwn(thresholds, stat) ? thresholds[stat] : undefined;
  const result: FigureThreshold = own
    ? { has: true, ...levelOf(stat ?? '', value, own) }
    : { has: fallback !== undefined, severity: thresholdSeverity(fallback ?? 'ok') };
  const rank = RANK[result.severity];
  const sound = result.level?.sound === true;
  const previous = useRef(0);
  useEffect(() => {
    if (rank > previous.current && sound) ringThresholdSound();
    previous.current = rank;
  }, [rank, sound]);
  return result;
}

// ---- The screen's threshold sound: requests, mute and snooze ------------------------------

let rings = 0;
const ringListeners = new Set<() => void>();

/** Asks the screen's threshold sound (`ThresholdSound`) to play once. */
export function ringThresholdSound(): void {
  rings += 1;
  for (const l of [...ringListeners]) l();
}

/** Number of ring requests so far on this page, as React state (the sound element plays on each rise). */
export function useThresholdRings(): number {
  return useSyncExternalStore(
    (l) => {
      ringListeners.add(l);
      return () => ringListeners.delete(l);
    },
    () => rings,
    () => rings,
  );
}

/** This desk's threshold sound settings: muted, or snoozed until an epoch time (ms). */
export interface ThresholdSoundSettings {
  readonly muted: boolean;
  /** Epoch ms until which the sound is snoozed (0: not snoozed). */
  readonly snoozedUntil: number;
}

const soundMemory = createScreenMemory<ThresholdSoundSettings>(
  'wallboard.thresholdSound.v1',
  (v) => {
    const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    return { muted: o.muted === true, snoozedUntil: typeof o.snoozedUntil === 'number' && Number.isFinite(o.snoozedUntil) ? o.snoozedUntil : 0 };
  },
  (v) => v,
);

/** How long a snooze lasts: 15 minutes (in ms). */
export const SNOOZE_MS = 15 * 60 * 1000;

/** Mutes or unmutes threshold sounds on this desk (kept across reloads, this screen only). */
export function setThresholdSoundMuted(muted: boolean): void {
  soundMemory.set({ ...soundMemory.get(), muted });
}

/**
 * Snoozes threshold sounds on this desk for {@link SNOOZE_MS} from `nowMs`, or ends a
 * snooze (`on` false).
 * @param nowMs the current time, epoch ms (the shared clock's `now()`)
 */
export function snoozeThresholdSound(on: boolean, nowMs: number): void {
  soundMemory.set({ ...soundMemory.get(), snoozedUntil: on ? nowMs + SNOOZE_MS : 0 });
}

/** This desk's threshold sound settings, as React state. */
export function useThresholdSoundSettings(): ThresholdSoundSettings {
  return soundMemory.use();
}

/** Forgets this desk's mute and snooze (tests). */
export function resetThresholdSoundSettings(): void {
  soundMemory.reset();
}
