import { z } from 'zod';

/**
 * The board configuration (`public/config.json`, or the file named by `?config=<url>`),
 * validated at load. Every vendor destination, path and verb is configuration, never a
 * constant (shared/protocols/NOTES.md). Durations carry their unit in the name
 * (`...Ms` milliseconds, `...Sec` seconds). URLs may be relative: they resolve against
 * the page's own address, and `ws:`/`wss:` are derived from `http:`/`https:` for STOMP.
 */

const reasonCode = z.strictObject({
  /** Finesse reason code id, as sent in the NOT_READY / LOGOUT command body. */
  id: z.string().min(1).regex(/^[^,#|]+$/, 'must not contain , # or |'),
  label: z.string().min(1),
});

const rteSource = z.strictObject({
  enabled: z.boolean().default(true),
  /** EnreachAPI endpoint handing out the RTE JWT: answers `{ token, rteUrl? }` (NOTES.md §1). */
  tokenUrl: z.string().min(1),
  /** Hub URL; the token answer's `rteUrl` wins when present. */
  hubUrl: z.string().min(1),
  /** Entity ids to subscribe (RTE doc "Subscribing to events"). */
  queueIds: z.array(z.string().min(1)).default([]),
  userIds: z.array(z.string().min(1)).default([]),
  /** Events subscribed per queue id. */
  queueEvents: z.array(z.string().min(1)).default(['QueueStatus']),
  /** Events subscribed per user id. */
  userEvents: z.array(z.string().min(1)).default(['UserStatus', 'UserAvailability']),
  /** Unit of QueueStatus `MaxWaitTime` (the vendor table says only "long"; NOTES.md §1). */
  maxWaitTimeUnit: z.enum(['seconds', 'milliseconds']).default('seconds'),
  /** No message (pings included) for this long marks the source stale (ms). */
  staleAfterMs: z.number().int().positive().default(35_000),
});

const gcSource = z.strictObject({
  enabled: z.boolean().default(true),
  /** STOMP-over-WebSocket broker URLs, tried in turn (NOTES.md §6). */
  brokerUrls: z.array(z.string().min(1)).min(1),
  /** STOMP CONNECT login / passcode, if the broker wants them. Kept in memory only. */
  login: z.string().optional(),
  passcode: z.string().optional(),
  /** Virtual host for the STOMP CONNECT `host` header. */
  vhost: z.string().optional(),
  /** Where GC publishes events (NOTES.md §3, guess). */
  eventsDestination: z.string().default('/topic/gc.events'),
  /** Where GC takes commands (NOTES.md §3, guess). */
  commandsDestination: z.string().default('/queue/gc.requests'),
  /** Login id of the supervisor whose QueueList / TeamUsersList this board shows. */
  supervisorLoginId: z.string().min(1),
  /** Agent login ids to show State events for; empty = every agent on the topic. */
  agentLoginIds: z.array(z.string()).default([]),
  /** Command verbs (NOTES.md §3: guesses, so configurable). */
  verbs: z
    .strictObject({
      ready: z.string().default('READY'),
      notReady: z.string().default('NOT_READY'),
      logout: z.string().default('LOGOUT'),
    })
    .default({ ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT' }),
  /** A command not confirmed by the agent's State event within this time fails (ms). */
  commandTimeoutMs: z.number().int().positive().default(8_000),
  /** STOMP heart-beat, both ways (ms). */
  heartbeatMs: z.number().int().nonnegative().default(10_000),
  /** Nothing heard for this long marks the source stale (ms). */
  staleAfterMs: z.number().int().positive().default(30_000),
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

/** Schema of the board configuration. */
export const configSchema = z.strictObject({
  title: z.string().default('Contact centre'),
  /** Flush cadence of the ingest bus for the supervisor desk (ms). */
  flushIntervalMs: z.number().int().min(16).max(5_000).default(250),
  /** Flush cadence on the kiosk route (ms). */
  kioskFlushIntervalMs: z.number().int().min(16).max(10_000).default(1_000),
  sources: z.strictObject({
    rte: rteSource.optional(),
    gc: gcSource.optional(),
  }),
  reasonCodes: z
    .strictObject({
      notReady: z.array(reasonCode).default([]),
      logout: z.array(reasonCode).default([]),
    })
    .default({ notReady: [], logout: [] }),
  thresholds: thresholds.default({}),
  /** Optional link to the simulator's controls and ground truth (demo only). */
  simulatorUrl: z.string().optional(),
});

/** A validated board configuration. */
export type BoardConfig = z.infer<typeof configSchema>;
/** Validated RTE source settings. */
export type RteSourceConfig = z.infer<typeof rteSource>;
/** Validated Generic Connector source settings. */
export type GcSourceConfig = z.infer<typeof gcSource>;
/** One configured reason code. */
export type ReasonCode = z.infer<typeof reasonCode>;
