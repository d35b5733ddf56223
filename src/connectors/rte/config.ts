import { z } from '../../domain/zod';

/** Queue events subscribed by default: status, who serves, and every step of a call's life. */
export const DEFAULT_QUEUE_EVENTS = [
  'QueueStatus',
  'QueueAttachedUsers',
  'QueueCallInComing',
  'QueueCallInArrived',
  'QueueCallInUserAllocated',
  'QueueCallInUserCancelled',
  'QueueCallInUserConnected',
  'QueueCallInTransferStarted',
  'QueueCallInTransferCancelled',
  'QueueCallInTransferConnected',
  'QueueCallInOverflow',
  'QueueCallInDisconnected',
] as const;

/** User events subscribed by default: state, presence, the user's own calls (time on call) and alerts. */
export const DEFAULT_USER_EVENTS = [
  'UserStatus',
  'UserAvailability',
  'UserCallInUserConnected',
  'UserCallInDisconnected',
  'UserCallOutConnected',
  'UserCallOutDisconnected',
  'UserAlert',
  'UserQueueAlert',
] as const;

/** Call list events subscribed by default. */
export const DEFAULT_CALL_LIST_EVENTS = ['CallbackListStatus', 'CallbackChanged'] as const;

/** A non-empty string. */
const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * Configuration of the Enreach RTE backend, `sources.rte` in `config.json`
 * (rte-enreach-realtime-engine-signalr.txt "Client authentication", "Establishing a
 * connection", "Subscribing to events"; NOTES.md §1). URLs may be relative to the page.
 * Durations: `...Ms` milliseconds. A `zod/mini` schema (`src/domain/zod.ts`).
 */
export const rteConfigSchema = z.strictObject({
  enabled: z._default(z.boolean(), true),
  /** EnreachAPI endpoint handing out the RTE JWT: `POST` answers `{ token, rteUrl? }` (NOTES.md §1). */
  tokenUrl: nonEmpty(),
  /** Hub URL (http/https); the token answer's `rteUrl` wins when present. */
  hubUrl: nonEmpty(),
  /** Queue ids (GUIDs) to subscribe (rte doc "Subscribing to events"). */
  queueIds: z._default(z.array(nonEmpty()), []),
  /** User ids (GUIDs) to subscribe. */
  userIds: z._default(z.array(nonEmpty()), []),
  /** Call list ids (GUIDs) to subscribe (rte doc "CallList" events; issue 7 test hook). */
  callListIds: z._default(z.array(nonEmpty()), []),
  /** Event names subscribed per queue id (rte doc "Queue" section). */
  queueEvents: z._default(z.array(nonEmpty()), [...DEFAULT_QUEUE_EVENTS]),
  /** Event names subscribed per user id (rte doc "User" section). */
  userEvents: z._default(z.array(nonEmpty()), [...DEFAULT_USER_EVENTS]),
  /** Event names subscribed per call list id (rte doc "CallList" section). */
  callListEvents: z._default(z.array(nonEmpty()), [...DEFAULT_CALL_LIST_EVENTS]),
  /**
   * Trailing digits of caller and contact numbers shown on the board; the others are
   * masked `•` before they reach the stores. -1 shows whole numbers, 0 none.
   */
  callerNumberDigits: z._default(z.number().check(z.int(), z.gte(-1), z.lte(30)), 4),
  /** Service level: answered within this many seconds counts as within the level. */
  serviceLevelThresholdSec: z._default(z.number().check(z.positive(), z.lte(3600)), 20),
  /** Calls abandoned within this many seconds do not count against the service level. */
  shortAbandonSec: z._default(z.number().check(z.nonnegative(), z.lte(3600)), 5),
  /**
   * IANA time zone whose midnight resets the day statistics (e.g. `Europe/Berlin`);
   * default the browser's own.
   */
  statsTimeZone: z.optional(nonEmpty()),
  /** An alert (UserAlert, UserQueueAlert) not raised again for this long is cleared (seconds). */
  alertHoldSec: z._default(z.number().check(z.positive(), z.lte(86_400)), 300),
  /** Unit of QueueStatus `MaxWaitTime` (the vendor table says only "long"; NOTES.md §1). */
  maxWaitTimeUnit: z._default(z.enum(['seconds', 'milliseconds']), 'seconds'),
  /** No message (pings included) for this long marks the source stale (ms). */
  staleAfterMs: z._default(z.number().check(z.int(), z.positive()), 35_000),
});

/** Validated RTE settings (`sources.rte`, defaults applied). */
export type RteConnectorConfig = z.output<typeof rteConfigSchema>;
