import { z } from 'zod';

/**
 * Configuration of the ExpertFlow Generic Connector backend, `sources.gc` in `config.json`
 * (gc-generic-connector-activemq.txt; NOTES.md §3, §6). Every destination and verb is
 * configuration: the vendor's published copy leaves them open. Durations: `...Ms` milliseconds.
 */
export const gcConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** STOMP-over-WebSocket broker URLs (ws/wss/http/https, may be relative), tried in turn (NOTES.md §6). */
  brokerUrls: z.array(z.string().min(1)).min(1),
  /** STOMP CONNECT login, if the broker wants one. Kept in memory only, never logged. */
  login: z.string().optional(),
  /** STOMP CONNECT passcode. Kept in memory only, never logged. */
  passcode: z.string().optional(),
  /** Virtual host for the STOMP CONNECT `host` header. */
  vhost: z.string().optional(),
  /** Where GC publishes events (NOTES.md §3, a guess). */
  eventsDestination: z.string().default('/topic/gc.events'),
  /** Where GC takes commands (NOTES.md §3, a guess). */
  commandsDestination: z.string().default('/queue/gc.requests'),
  /** Login id of the supervisor whose QueueList / TeamUsersList this board shows. */
  supervisorLoginId: z.string().min(1),
  /** Agent login ids whose State events are shown; empty = every agent on the topic. */
  agentLoginIds: z.array(z.string()).default([]),
  /** Command verbs, the JMSType prefix before `#<loginId>` (NOTES.md §3: guesses, so configurable). */
  verbs: z
    .strictObject({
      ready: z.string().default('READY'),
      notReady: z.string().default('NOT_READY'),
      logout: z.string().default('LOGOUT'),
    })
    .default({ ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT' }),
  /** A command not confirmed by the agent's State event within this time fails (ms). */
  commandTimeoutMs: z.number().int().positive().default(8_000),
  /** STOMP heart-beat, both ways (ms); 0 disables. */
  heartbeatMs: z.number().int().nonnegative().default(10_000),
  /** Nothing heard on the events destination for this long marks the source stale (ms). */
  staleAfterMs: z.number().int().positive().default(30_000),
});

/** Validated Generic Connector settings (`sources.gc`, defaults applied). */
export type GcConnectorConfig = z.output<typeof gcConfigSchema>;
