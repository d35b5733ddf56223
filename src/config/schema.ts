import { z } from '../domain/zod';
import { boardsSchema } from './boards';
import { KIOSK_DEFAULTS, kioskSchema } from './kiosk';
import { securitySchema } from './security';

/**
 * The board configuration (`public/config.json`, or the file named by `?config=<url>`),
 * validated at load. The base settings live here; each backend's block `sources.<source>`
 * is validated by that backend's own schema, and the app builds the whole schema from its
 * module list (`src/app/modules.ts` → {@link buildConfigSchema}). Every vendor destination,
 * path and verb is configuration, never a constant (shared/protocols/NOTES.md). Durations
 * carry their unit in the name (`...Ms` milliseconds, `...Sec` seconds). URLs may be
 * relative: they resolve against the page's own address. The schemas are `zod/mini`
 * (`src/domain/zod.ts`: functional API, zod's English messages).
 */

/** A number ≥ 0. */
const nonNegative = () => z.number().check(z.nonnegative());
/** A number in [0, 100]. */
const percent = () => z.number().check(z.gte(0), z.lte(100));
/** An integer in [min, max], `fallback` when absent. */
const intIn = (min: number, max: number, fallback: number) => z._default(z.number().check(z.int(), z.gte(min), z.lte(max)), fallback);

const reasonCode = z.strictObject({
  /** Reason code id as the vendor takes it (Finesse: sent in the NOT_READY / LOGOUT command body). */
  id: z.string().check(z.minLength(1), z.regex(/^[^,#|]+$/, 'must not contain , # or |')),
  /** Label shown in menus and on tiles. */
  label: z.string().check(z.minLength(1)),
});

const thresholds = z.strictObject({
  callsWaitingWarn: z.optional(nonNegative()),
  callsWaitingAlarm: z.optional(nonNegative()),
  longestWaitingWarnSec: z.optional(nonNegative()),
  longestWaitingAlarmSec: z.optional(nonNegative()),
  serviceLevelWarnPct: z.optional(percent()),
  serviceLevelAlarmPct: z.optional(percent()),
  /** An agent NOT_READY longer than this is highlighted (seconds). */
  notReadyWarnSec: z.optional(nonNegative()),
  /** Business ConneCT routers: tasks in the queue (warning, critical). */
  routerQueueLengthWarn: z.optional(nonNegative()),
  routerQueueLengthAlarm: z.optional(nonNegative()),
  /** Business ConneCT routers: the longest wait (seconds; warning, critical). */
  routerMaxWaitingWarnSec: z.optional(nonNegative()),
  routerMaxWaitingAlarmSec: z.optional(nonNegative()),
});

/** The settings every board has, whatever its backends (everything but `sources`). */
export const baseConfigShape = {
  title: z._default(z.string(), 'Contact centre'),
  /**
   * Shortest interval between two applications of buffered events on the supervisor desk
   * (ms). The bus applies them in animation frames: the default, 16, means every frame
   * while the main thread has headroom; it stretches by itself under load.
   */
  flushIntervalMs: intIn(16, 5_000, 16),
  /** Flush cadence on the kiosk route (ms). */
  kioskFlushIntervalMs: intIn(16, 10_000, 1_000),
  reasonCodes: z._default(
    z.strictObject({
      notReady: z._default(z.array(reasonCode), []),
      logout: z._default(z.array(reasonCode), []),
    }),
    { notReady: [], logout: [] },
  ),
  thresholds: z._default(thresholds, {}),
  /** Emergency calls (BCT EmergencyCall) on a TV: how long one shows (s), and whether the alert sound plays there. */
  emergency: z._default(
    z.strictObject({
      kioskShowSec: intIn(10, 86_400, 300),
      kioskSound: z._default(z.boolean(), false),
    }),
    { kioskShowSec: 300, kioskSound: false },
  ),
  /** Optional link to the simulator's controls and ground truth (demo only). */
  simulatorUrl: z.optional(z.string()),
  /** Language of the board's words (`en` | `de`); `?lang=` overrides it; absent: the browser's language, else English. */
  language: z.optional(z.enum(['en', 'de'])),
  /** Colour theme (`dark` | `light`); `?theme=` overrides it. */
  theme: z._default(z.enum(['dark', 'light']), 'dark'),
  /**
   * Boards designed for this floor (issue 13): `?board=<id>` opens one on the supervisor
   * page or the kiosk. Absent: the standard board (every panel).
   */
  boards: z._default(boardsSchema, []),
  /**
   * Broadcast messages (issue 13; docs/CONTRACTS.md "Broadcast messages"): the STOMP broker
   * and topic the board's supervisors post to and its screens listen on. Absent: no
   * broadcast (no ticker, no form). Login / passcode stay in memory, never logged.
   */
  broadcast: z.optional(
    z.strictObject({
      brokerUrls: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      topic: z._default(z.string().check(z.regex(/^\/topic\/[A-Za-z0-9._-]{1,200}$/, 'a /topic/<name> destination')), '/topic/wallboard.broadcast'),
      login: z.optional(z.string()),
      passcode: z.optional(z.string()),
      vhost: z.optional(z.string()),
    }),
  ),
  /**
   * Trend history (issue 13 scope 5): how often queues and routers are sampled (seconds) and
   * how long the samples are kept (minutes). Sampled only when a board has a `trend` panel.
   */
  trends: z._default(
    z.strictObject({
      samplePeriodSec: intIn(1, 600, 10),
      windowMin: intIn(1, 1_440, 60),
    }),
    { samplePeriodSec: 10, windowMin: 60 },
  ),
  /** The TV kiosk (issue 14): rotation, schedule, night, time zone, readability, hygiene (`src/config/kiosk.ts`). */
  kiosk: z._default(kioskSchema, KIOSK_DEFAULTS),
  /** Origins `?config=` may load from and send credentials to (read from the served file only; security.ts). */
  security: securitySchema,
};

/** The schema of one backend's block: its output always says whether the source is enabled. */
export type SourceSchema = z.ZodMiniType<{ readonly enabled: boolean }>;

/**
 * Builds the board configuration schema from the backends' own schemas: the base settings
 * plus `sources`, a strict object with one optional block per backend (an unknown source
 * key is refused, naming it).
 * @param sources `{ <source id>: <that backend's config schema> }`, from the module list
 */
export function buildConfigSchema<S extends Record<string, SourceSchema>>(sources: S) {
  const shape = {} as { [K in keyof S]: z.ZodMiniOptional<S[K]> };
  for (const key of Object.keys(sources) as (keyof S)[]) shape[key] = z.optional(sources[key] as S[keyof S]);
  return z.strictObject({ ...baseConfigShape, sources: z.strictObject(shape) });
}

/**
 * A validated board configuration, as code outside `app/` sees it: the base settings, and
 * each configured source's block (validated by its backend's schema; only `enabled` is
 * known here). The app's wiring hands each block to its backend.
 */
export type BoardConfig = z.output<ReturnType<typeof buildConfigSchema<Record<string, SourceSchema>>>>;

/** One configured reason code. */
export type ReasonCode = z.infer<typeof reasonCode>;
