import { TZDate } from '@date-fns/tz';
import { WEEKDAYS, type KioskConfig, type RotationEntry, type Weekday } from '../config';

/**
 * The kiosk's rotation and schedule (issue 14 scope 2), pure: which boards rotate at a
 * given instant, which one shows and for how long still, and whether it is night. All
 * instants are epoch milliseconds; times of day are `HH:mm` in the configured IANA time
 * zone (date-fns `@date-fns/tz`), the browser's own when none is configured.
 */

/** What the kiosk shows at an instant. */
export interface KioskMoment {
  /** The rotation that applies (empty: no rotation, the page's `?board=` or the standard board). */
  readonly rotation: readonly RotationEntry[];
  /** Index into `rotation` of the board showing (0 when the rotation is empty). */
  readonly index: number;
  /** The board showing, or undefined without a rotation. */
  readonly boardId: string | undefined;
  /** The board after it (the same one for a rotation of one). */
  readonly nextBoardId: string | undefined;
  /** Epoch ms when the next board shows (undefined without a rotation or with one board). */
  readonly nextAt: number | undefined;
  /** Night period mode now, or undefined outside the night period. */
  readonly night: 'blank' | 'dim' | undefined;
}

/** Day of week and minutes since midnight of `atMs` in `timeZone` (undefined: the browser's zone). */
export function zonedParts(atMs: number, timeZone: string | undefined): { weekday: Weekday; minutes: number; y: number; m: number; d: number } {
  const date = timeZone ? new TZDate(atMs, timeZone) : new Date(atMs);
  // getDay(): 0 = Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(date.getDay() + 6) % 7] as Weekday;
  return { weekday, minutes: date.getHours() * 60 + date.getMinutes(), y: date.getFullYear(), m: date.getMonth(), d: date.getDate() };
}

/** Minutes since midnight of an `HH:mm` string (`24:00` → 1440). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function previousDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] as Weekday;
}

/**
 * Whether a day/time window applies at `atMs`, and since when (epoch ms of its start).
 * The window is [from, to) on each of `days`; when `to` ≤ `from` it wraps past midnight
 * into the next day (a window starting on Friday 22:00 runs into Saturday 06:00).
 */
export function windowStart(
  window: { readonly days: readonly Weekday[]; readonly from: string; readonly to: string },
  atMs: number,
  timeZone: string | undefined,
): number | undefined {
  const p = zonedParts(atMs, timeZone);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  const startOn = (dayOffset: number) => {
    const h = Math.floor(from / 60);
    const min = from % 60;
    return timeZone ? new TZDate(p.y, p.m, p.d + dayOffset, h, min, 0, 0, timeZone).getTime() : new Date(p.y, p.m, p.d + dayOffset, h, min).getTime();
  };
  if (to > from) return window.days.includes(p.weekday) && p.minutes >= from && p.minutes < to ? startOn(0) : undefined;
  // Wrapping past midnight (or a whole day when from = to).
  if (window.days.includes(p.weekday) && p.minutes >= from) return startOn(0);
  if (window.days.includes(previousDay(p.weekday)) && p.minutes < to) return startOn(-1);
  return undefined;
}

/** Epoch ms of local midnight of `atMs`'s day in `timeZone`. */
function midnight(atMs: number, timeZone: string | undefined): number {
  const p = zonedParts(atMs, timeZone);
  return timeZone ? new TZDate(p.y, p.m, p.d, 0, 0, 0, 0, timeZone).getTime() : new Date(p.y, p.m, p.d).getTime();
}

/**
 * The rotation that applies at `atMs` and its anchor (the instant its first board first
 * showed): the first schedule entry whose window applies, anchored at the window's start;
 * else the configured `rotation`, anchored at local midnight. Anchoring at wall-clock
 * instants keeps every TV on a floor in step and makes the board shown a function of time.
 */
export function activeRotation(
  config: Pick<KioskConfig, 'rotation' | 'schedule' | 'timeZone'>,
  atMs: number,
): { rotation: readonly RotationEntry[]; anchorMs: number } {
  for (const entry of config.schedule) {
    const start = windowStart(entry, atMs, config.timeZone);
    if (start !== undefined) return { rotation: entry.rotation, anchorMs: start };
  }
  return { rotation: config.rotation, anchorMs: midnight(atMs, config.timeZone) };
}

/**
 * Position in a rotation: the boards follow each other for their `durationSec` from
 * `anchorMs`, round and round.
 * @returns index of the board showing and epoch ms when it ends; index 0 and undefined
 *   for an empty rotation
 */
export function rotationPosition(rotation: readonly RotationEntry[], anchorMs: number, atMs: number): { index: number; endsAt: number | undefined } {
  const cycleMs = rotation.reduce((sum, e) => sum + e.durationSec * 1000, 0);
  if (cycleMs === 0) return { index: 0, endsAt: undefined };
  const elapsed = (((atMs - anchorMs) % cycleMs) + cycleMs) % cycleMs;
  let acc = 0;
  for (let i = 0; i < rotation.length; i++) {
    acc += (rotation[i] as RotationEntry).durationSec * 1000;
    if (elapsed < acc) return { index: i, endsAt: atMs - elapsed + acc };
  }
  return { index: 0, endsAt: atMs - elapsed + cycleMs };
}

/** The night mode at `atMs` (`blank` or `dim`), or undefined outside the configured night. */
export function nightAt(config: Pick<KioskConfig, 'night' | 'timeZone'>, atMs: number): 'blank' | 'dim' | undefined {
  const night = config.night;
  if (!night) return undefined;
  return windowStart(night, atMs, config.timeZone) !== undefined ? night.mode : undefined;
}

/** Everything the kiosk shows at `atMs` ({@link KioskMoment}). */
export function kioskMoment(config: Pick<KioskConfig, 'rotation' | 'schedule' | 'timeZone' | 'night'>, atMs: number): KioskMoment {
  const { rotation, anchorMs } = activeRotation(config, atMs);
  const { index, endsAt } = rotationPosition(rotation, anchorMs, atMs);
  const current = rotation[index];
  const next = rotation.length > 0 ? rotation[(index + 1) % rotation.length] : undefined;
  return {
    rotation,
    index,
    boardId: current?.board,
    nextBoardId: next?.board,
    nextAt: rotation.length > 1 ? endsAt : undefined,
    night: nightAt(config, atMs),
  };
}
