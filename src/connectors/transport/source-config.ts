/**
 * The configuration the connectors take. These are structural mirrors of
 * `RteSourceConfig` and `GcSourceConfig` in `src/config/schema.ts`: the lint boundaries
 * do not let connectors import `src/config`, so the connectors declare the fields they
 * read, and a validated `config.sources.rte` / `config.sources.gc` is assignable to them
 * as it is (checked by `tests/integration/config-compat.test.ts`).
 * Durations: `...Ms` milliseconds.
 */

/** Settings of the RTE connector (`RteSourceConfig`; rte doc "Establishing a connection", "Subscribing to events"; NOTES.md §1). */
export interface RteConnectorConfig {
  /** EnreachAPI endpoint handing out the RTE JWT: `POST` answers `{ token, rteUrl? }`. May be relative to the page. */
  readonly tokenUrl: string;
  /** Hub URL (http/https, may be relative); the token answer's `rteUrl` wins when present. */
  readonly hubUrl: string;
  /** Queue ids (GUIDs) to subscribe. */
  readonly queueIds: readonly string[];
  /** User ids (GUIDs) to subscribe. */
  readonly userIds: readonly string[];
  /** Event names subscribed per queue id (default `QueueStatus`). */
  readonly queueEvents: readonly string[];
  /** Event names subscribed per user id (default `UserStatus`, `UserAvailability`). */
  readonly userEvents: readonly string[];
  /** Unit of QueueStatus `MaxWaitTime`. */
  readonly maxWaitTimeUnit: 'seconds' | 'milliseconds';
  /** No message (pings included) for this long marks the source stale (ms). */
  readonly staleAfterMs: number;
}

/** Settings of the Generic Connector connector (`GcSourceConfig`; gc doc; NOTES.md §3, §6). */
export interface GcConnectorConfig {
  /** STOMP-over-WebSocket broker URLs, tried in turn (ws/wss/http/https, may be relative). */
  readonly brokerUrls: readonly string[];
  /** STOMP CONNECT login (kept in memory only, never logged). */
  readonly login?: string | undefined;
  /** STOMP CONNECT passcode (kept in memory only, never logged). */
  readonly passcode?: string | undefined;
  /** STOMP CONNECT `host` header. */
  readonly vhost?: string | undefined;
  /** Destination GC publishes events on, e.g. `/topic/gc.events`. */
  readonly eventsDestination: string;
  /** Destination GC takes commands on, e.g. `/queue/gc.requests`. */
  readonly commandsDestination: string;
  /** Login id of the supervisor whose QueueList / TeamUsersList the board shows. */
  readonly supervisorLoginId: string;
  /** Agent login ids whose State events are shown; empty = all. */
  readonly agentLoginIds: readonly string[];
  /** Command verbs (JMSType prefix before `#<loginId>`). */
  readonly verbs: { readonly ready: string; readonly notReady: string; readonly logout: string };
  /** A command not confirmed by the agent's State event within this time fails (ms). */
  readonly commandTimeoutMs: number;
  /** STOMP heart-beat both ways (ms); 0 disables. */
  readonly heartbeatMs: number;
  /** Nothing heard on the events destination for this long marks the source stale (ms). */
  readonly staleAfterMs: number;
}

/** One configured reason code (config `reasonCodes.notReady[]` / `.logout[]`). */
export interface ReasonCodeLabel {
  readonly id: string;
  readonly label: string;
}

/** Configured reason codes (config `reasonCodes`), used to label State events that carry no label. */
export interface ReasonCodeLabels {
  readonly notReady?: readonly ReasonCodeLabel[];
  readonly logout?: readonly ReasonCodeLabel[];
}
