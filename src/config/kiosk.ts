import { z } from '../domain/zod';

/**
 * The TV kiosk's settings (issue 14), the served configuration's `kiosk` block; URL
 * parameters of `/kiosk` override them (`src/kiosk/settings.ts`). Durations carry their
 * unit in the name (`...Sec` seconds, `...Ms` milliseconds); times of day are `HH:mm`
 * (24-hour) in `timeZone`.
 */

/** True when `name` is a time zone this browser knows (IANA name such as `Europe/Berlin`, or `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `HH:mm`, 00:00–23:59 (24:00 allowed as the end of a day). */
const timeOfDay = () => z.string().check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day HH:mm (00:00 to 24:00)'));
/** An integer in [min, max]. */
const intIn = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const boardId = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'a board id'));

/** The days a schedule entry applies to: ISO-style three-letter English names. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One board of a rotation and how long it stays (seconds, 5 s to 24 h). */
export const rotationEntrySchema = z.strictObject({
  board: boardId(),
  durationSec: intIn(5, 86_400),
});

/** Which boards rotate when: days of week and a time-of-day window [from, to) in the kiosk's time zone (wrapping midnight when `to` ≤ `from`). */
const scheduleEntrySchema = z.strictObject({
  days: z._default(z.array(z.enum(WEEKDAYS)).check(z.minLength(1)), [...WEEKDAYS]),
  from: timeOfDay(),
  to: timeOfDay(),
  rotation: z.array(rotationEntrySchema).check(z.minLength(1), z.maxLength(48)),
});

/** A night period: the screen goes blank (black but for a small clock) or dims. */
const nightSchema = z.strictObject({
  days: z._default(z.array(z.enum(WEEKDAYS)).check(z.minLength(1)), [...WEEKDAYS]),
  from: timeOfDay(),
  to: timeOfDay(),
  mode: z._default(z.enum(['blank', 'dim']), 'blank'),
});

/** The `kiosk` block. */
export const kioskSchema = z.strictObject({
  /** Boards in turn when no schedule entry applies (empty: `?board=` or the standard board, no rotation). */
  rotation: z._default(z.array(rotationEntrySchema).check(z.maxLength(48)), []),
  /** Time-of-day / day-of-week rotations; the first entry that applies wins. */
  schedule: z._default(z.array(scheduleEntrySchema).check(z.maxLength(48)), []),
  /** Optional night blank or dim period. */
  night: z.optional(nightSchema),
  /** IANA time zone of the schedule, the night period and the clock (absent: the browser's). */
  timeZone: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'))),
  /** Smallest text on the TV, as a share of the screen height (percent; the same physical size at every resolution). */
  minTextVh: z._default(z.number().check(z.gte(0.5), z.lte(10)), 1.6),
  /** Smallest text in CSS pixels, whatever the screen (the larger of the two minimums applies). */
  minTextPx: z._default(intIn(8, 200), 12),
  /** A list longer than its panel shows the next page after this many seconds. */
  pageSec: z._default(intIn(2, 600), 10),
  /** How often the configuration is fetched again; the page reloads when it changed (seconds). */
  configPollSec: z._default(intIn(2, 86_400), 60),
  /** Watchdog: the page reloads when the main thread was blocked longer than `stallMs` or the JS heap passes `heapMb` (where the browser tells it). */
  watchdog: z._default(
    z.strictObject({
      stallMs: z._default(intIn(1_000, 600_000), 15_000),
      heapMb: z._default(intIn(32, 16_384), 1_024),
    }),
    { stallMs: 15_000, heapMb: 1_024 },
  ),
  /** Burn-in protection: the whole board moves by up to `maxShiftPx` every `periodSec`. */
  burnIn: z._default(
    z.strictObject({
      periodSec: z._default(intIn(10, 86_400), 120),
      maxShiftPx: z._default(intIn(0, 32), 4),
    }),
    { periodSec: 120, maxShiftPx: 4 },
  ),
});

/** The validated `kiosk` block. */
export type KioskConfig = z.output<typeof kioskSchema>;
/** One entry of a rotation. */
export type RotationEntry = z.output<typeof rotationEntrySchema>;
/** A weekday name of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** The block's defaults (an absent `kiosk`). */
export const KIOSK_DEFAULTS: KioskConfig = kioskSchema.parse({});
