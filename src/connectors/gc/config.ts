import { z } from '../../domain/zod';

/** A string with a default. */
const text = (fallback: string) => z._default(z.string(), fallback);

/**
 * Configuration of the ExpertFlow Generic Connector backend, `sources.gc` in `config.json`
 * (gc-generic-connector-activemq.txt; NOTES.md §3, §6). Every destination and verb is
 * configuration: the vendor's published copy leaves them open. Durations: `...Ms`
 * milliseconds. A `zod/mini` schema (`src/domain/zod.ts`).
 */
export const gcConfigSchema = z.strictObject({
  enabled: z._default(z.boolean(), true),
  /** STOMP-over-WebSocket broker URLs (ws/wss/http/https, may be relative), tried in turn (NOTES.md §6). */
  brokerUrls: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** STOMP CONNECT login, if the broker wants one. Kept in memory only, never logged. */
  login: z.optional(z.string()),
  /** STOMP CONNECT passcode. Kept in memory only, never logged. */
  passcode: z.optional(z.string()),
  /** Virtual host for the STOMP CONNECT `host` header. */
  vhost: z.optional(z.string()),
  /** Where GC publishes events (NOTES.md §3, a guess). */
  eventsDestination: text('/topic/gc.events'),
  /** Where GC takes commands (NOTES.md §3, a guess). */
  commandsDestination: text('/queue/gc.requests'),
  /** Login id of the supervisor whose QueueList / TeamUsersList this board shows. */
  supervisorLoginId: z.string().check(z.minLength(1)),
  /** Agent login ids whose State events are shown; empty = every agent on the topic. */
  agentLoginIds: z._default(z.array(z.string()), []),
  /**
   * Command verbs, the JMSType prefix before `#<loginId>` (NOTES.md §3: guesses, so
   * configurable): agent state, the desk's plain login (`<password>,<extension>`), and the
   * phonebook requests (own, team, one phonebook's contacts with body `<phonebookId>`).
   */
  verbs: z._default(
    z.strictObject({
      ready: text('READY'),
      notReady: text('NOT_READY'),
      logout: text('LOGOUT'),
      login: text('LOGIN'),
      phonebooks: text('GETPHONEBOOKS'),
      teamPhonebooks: text('GETTEAMPHONEBOOKS'),
      phonebookContacts: text('GETPHONEBOOKCONTACTS'),
    }),
    {
      ready: 'READY',
      notReady: 'NOT_READY',
      logout: 'LOGOUT',
      login: 'LOGIN',
      phonebooks: 'GETPHONEBOOKS',
      teamPhonebooks: 'GETTEAMPHONEBOOKS',
      phonebookContacts: 'GETPHONEBOOKCONTACTS',
    },
  ),
  /**
   * The agent backend is GC: the `/agent` page is the GC agent desk (mobile agent login,
   * own Ready / Not Ready, phonebooks, transfer / conference). Default false.
   */
  agentDesk: z._default(z.boolean(), false),
  /** A command not confirmed by the agent's State event within this time fails (ms). */
  commandTimeoutMs: z._default(z.number().check(z.int(), z.positive()), 8_000),
  /** STOMP heart-beat, both ways (ms); 0 disables. */
  heartbeatMs: z._default(z.number().check(z.int(), z.nonnegative()), 10_000),
  /** Nothing heard on the events destination for this long marks the source stale (ms). */
  staleAfterMs: z._default(z.number().check(z.int(), z.positive()), 30_000),
});

/** Validated Generic Connector settings (`sources.gc`, defaults applied). */
export type GcConnectorConfig = z.output<typeof gcConfigSchema>;
