import { z } from 'zod';
import { securitySchema } from './security';

/**
 * The board configuration (`public/config.json`, or the file named by `?config=<url>`),
 * validated at load. The base settings live here; each backend's block `sources.<source>`
 * is validated by that backend's own schema, and the app builds the whole schema from its
 * module list (`src/app/modules.ts` → {@link buildConfigSchema}). Every vendor destination,
 * path and verb is configuration, never a constant (shared/protocols/NOTES.md). Durations
 * carry their unit in the name (`...Ms` milliseconds, `...Sec` seconds). URLs may be
 * relative: they resolve against the page's own address.
 */

const reasonCode = z.strictObject({
  /** Reason code id as the vendor takes it (Finesse: sent in the NOT_READY / LOGOUT command body). */
  id: z.string().min(1).regex(/^[^,#|]+$/, 'must not contain , # or |'),
  /** Label shown in menus and on tiles. */
  label: z.string().min(1),
});

const thresholds = z.strictObject({
  callsWaitingWarn: z.number().nonnegative().optional(),
  callsWaitingAlarm: z.number().nonnegative().optional(),
  longestWaitingWarnSec: z.number().nonnegative().optional(),
  longestWaitingAlarmSec: z.number().nonnegative().optional(),
  serviceLevelWarnPct: z.number().min(0).max(100).optional(),
  serviceLevelAlarmPct: z.number().min(0).max(100).optional(),
  /** An agent NOT_READY longer than this is highlighted (seconds). */
  notReadyWarnSec: z.number().nonnegative().optional(),
});

/** The settings every board has, whatever its backends (everything but `sources`). */
export const baseConfigShape = {
  title: z.string().default('Contact centre'),
  /**
   * Shortest interval between two applications of buffered events on the supervisor desk
   * (ms). The bus applies them in animation frames: the default, 16, means every frame
   * while the main thread has headroom; it stretches by itself under load.
   */
  flushIntervalMs: z.number().int().min(16).max(5_000).default(16),
  /** Flush cadence on the kiosk route (ms). */
  kioskFlushIntervalMs: z.number().int().min(16).max(10_000).default(1_000),
  reasonCodes: z
    .strictObject({
      notReady: z.array(reasonCode).default([]),
      logout: z.array(reasonCode).default([]),
    })
    .default({ notReady: [], logout: [] }),
  thresholds: thresholds.default({}),
  /** Optional link to the simulator's controls and ground truth (demo only). */
  simulatorUrl: z.string().optional(),
  /** Language of the board's words (`en` | `de`); `?lang=` overrides it; absent: the browser's language, else English. */
  language: z.enum(['en', 'de']).optional(),
  /** Colour theme (`dark` | `light`); `?theme=` overrides it. */
  theme: z.enum(['dark', 'light']).default('dark'),
  /** Origins `?config=` may load from and send credentials to (read from the served file only; security.ts). */
  security: securitySchema,
};

/** The schema of one backend's block: its output always says whether the source is enabled. */
export type SourceSchema = z.ZodType<{ readonly enabled: boolean }>;

/**
 * Builds the board configuration schema from the backends' own schemas: the base settings
 * plus `sources`, a strict object with one optional block per backend (an unknown source
 * key is refused, naming it).
 * @param sources `{ <source id>: <that backend's config schema> }`, from the module list
 */
export function buildConfigSchema<S extends Record<string, SourceSchema>>(sources: S) {
  const shape = {} as { [K in keyof S]: z.ZodOptional<S[K]> };
  for (const key of Object.keys(sources) as (keyof S)[]) shape[key] = (sources[key] as S[keyof S]).optional() as z.ZodOptional<S[keyof S]>;
  return z.strictObject({ ...baseConfigShape, sources: z.strictObject(shape) });
}

/** A schema built by {@link buildConfigSchema} (what `parseConfig` and `loadBoardConfig` take). */
export type BoardConfigSchema = z.ZodType<BoardConfig>;

/**
 * A validated board configuration, as code outside `app/` sees it: the base settings, and
 * each configured source's block (validated by its backend's schema; only `enabled` is
 * known here). The app's wiring hands each block to its backend.
 */
export type BoardConfig = z.output<ReturnType<typeof buildConfigSchema<Record<string, SourceSchema>>>>;

/** One configured reason code. */
export type ReasonCode = z.infer<typeof reasonCode>;
