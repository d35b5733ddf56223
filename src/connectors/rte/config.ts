import { z } from '../../domain/zod';

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
  /** Event names subscribed per queue id. */
  queueEvents: z._default(z.array(nonEmpty()), ['QueueStatus']),
  /** Event names subscribed per user id. */
  userEvents: z._default(z.array(nonEmpty()), ['UserStatus', 'UserAvailability']),
  /** Unit of QueueStatus `MaxWaitTime` (the vendor table says only "long"; NOTES.md §1). */
  maxWaitTimeUnit: z._default(z.enum(['seconds', 'milliseconds']), 'seconds'),
  /** No message (pings included) for this long marks the source stale (ms). */
  staleAfterMs: z._default(z.number().check(z.int(), z.positive()), 35_000),
});

/** Validated RTE settings (`sources.rte`, defaults applied). */
export type RteConnectorConfig = z.output<typeof rteConfigSchema>;
