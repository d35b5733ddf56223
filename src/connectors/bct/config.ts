import { z } from '../../domain/zod';

/** A string with a default. */
const text = (fallback: string) => z._default(z.string(), fallback);

/** True when `tz` is an IANA time zone name this browser knows (e.g. `Europe/Berlin`). */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Configuration of the Business ConneCT backend, `sources.bct` in `config.json`
 * (bct-business-connect-adapter.txt; NOTES.md §4 for the broker contract, §6 for the broker).
 * Durations: `...Ms` milliseconds. A `zod/mini` schema (`src/domain/zod.ts`).
 */
export const bctConfigSchema = z.strictObject({
  enabled: z._default(z.boolean(), true),
  /** STOMP-over-WebSocket broker URLs (ws/wss/http/https, may be relative), tried in turn (NOTES.md §6). */
  brokerUrls: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** STOMP CONNECT login, if the broker wants one. Kept in memory only, never logged. */
  login: z.optional(z.string()),
  /** STOMP CONNECT passcode. Kept in memory only, never logged. */
  passcode: z.optional(z.string()),
  /** Virtual host for the STOMP CONNECT `host` header. */
  vhost: z.optional(z.string()),
  /** Where the UIP relay publishes adapter events (NOTES.md §4). */
  eventsDestination: text('/topic/uip.bct.events'),
  /** Where the UIP relay takes commands (NOTES.md §4). */
  commandsDestination: text('/queue/uip.bct.commands'),
  /** The adapter instance this board follows (web chat must always use the same instance); empty = any. */
  instance: text(''),
  /** BCT login names of the agents shown and commanded (agent tiles, Ready / Not Ready). */
  agentNames: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Not Ready reasons as the BCT system knows them (names, sent as they are). */
  notReadyReasons: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** IANA time zone of the BCT server, for the vendor's dates (`8/5/2018 3:37:13 PM`). */
  timeZone: z._default(z.string().check(z.refine(isTimeZone, 'must be an IANA time zone name, e.g. Europe/Berlin')), 'UTC'),
  /** Routers shown; empty = every router the adapter reports. */
  routerNames: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** A command with no reply within this time fails (ms). */
  requestTimeoutMs: z._default(z.number().check(z.int(), z.positive()), 8_000),
  /** STOMP heart-beat, both ways (ms); 0 disables. */
  heartbeatMs: z._default(z.number().check(z.int(), z.nonnegative()), 10_000),
  /** Nothing heard from the relay for this long marks the source stale (ms; RouterStatus comes at least every few seconds). */
  staleAfterMs: z._default(z.number().check(z.int(), z.positive()), 30_000),
  /**
   * Web chat (issue 11; bct doc "Web Chat ..."): `agentName` is the name shown to customers
   * (SendWebChatResponse `name`); `starterName` / `routerName` are used by "request an agent"
   * (RequestAgentForWebChatSession; a starter takes precedence). Absent = no chat panel.
   */
  webChat: z.optional(
    z.strictObject({
      agentName: z.string().check(z.minLength(1)),
      starterName: text(''),
      routerName: text(''),
    }),
  ),
});

/** Validated Business ConneCT settings (`sources.bct`, defaults applied). */
export type BctConnectorConfig = z.output<typeof bctConfigSchema>;

/**
 * What the agent-state port of Business ConneCT can do, from the configuration: Ready and Not
 * Ready (BCT has no logout command), with the configured BCT reason names as reasons.
 */
export function bctAgentStateFacts(config: Pick<BctConnectorConfig, 'notReadyReasons'>): {
  readonly states: readonly ('READY' | 'NOT_READY')[];
  readonly reasonCodes: { readonly notReady: readonly { id: string; label: string }[]; readonly logout: readonly { id: string; label: string }[] };
} {
  return { states: ['READY', 'NOT_READY'], reasonCodes: { notReady: config.notReadyReasons.map((r) => ({ id: r, label: r })), logout: [] } };
}
