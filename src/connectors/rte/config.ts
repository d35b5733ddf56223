import { z } from 'zod';

/**
 * Configuration of the Enreach RTE backend, `sources.rte` in `config.json`
 * (rte-enreach-realtime-engine-signalr.txt "Client authentication", "Establishing a
 * connection", "Subscribing to events"; NOTES.md §1). URLs may be relative to the page.
 * Durations: `...Ms` milliseconds.
 */
export const rteConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** EnreachAPI endpoint handing out the RTE JWT: `POST` answers `{ token, rteUrl? }` (NOTES.md §1). */
  tokenUrl: z.string().min(1),
  /** Hub URL (http/https); the token answer's `rteUrl` wins when present. */
  hubUrl: z.string().min(1),
  /** Queue ids (GUIDs) to subscribe (rte doc "Subscribing to events"). */
  queueIds: z.array(z.string().min(1)).default([]),
  /** User ids (GUIDs) to subscribe. */
  userIds: z.array(z.string().min(1)).default([]),
  /** Event names subscribed per queue id. */
  queueEvents: z.array(z.string().min(1)).default(['QueueStatus']),
  /** Event names subscribed per user id. */
  userEvents: z.array(z.string().min(1)).default(['UserStatus', 'UserAvailability']),
  /** Unit of QueueStatus `MaxWaitTime` (the vendor table says only "long"; NOTES.md §1). */
  maxWaitTimeUnit: z.enum(['seconds', 'milliseconds']).default('seconds'),
  /** No message (pings included) for this long marks the source stale (ms). */
  staleAfterMs: z.number().int().positive().default(35_000),
});

/** Validated RTE settings (`sources.rte`, defaults applied). */
export type RteConnectorConfig = z.output<typeof rteConfigSchema>;
