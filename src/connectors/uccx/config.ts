import { z } from '../../domain/zod';

/** A string with a default. */
const text = (fallback: string) => z._default(z.string(), fallback);

/** True when `v` has an own `__proto__` key (a hostile configuration key). */
function hasOwnProtoKey(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__proto__');
}

/**
 * Configuration of the OpenMethods UCCX backend, `sources.uccx` in `config.json`
 * (openmethods-uccx-report-server.txt, UCCX Report Server resource; NOTES.md §5 for the
 * broker contract, §6 for the broker). Durations: `...Ms` milliseconds. A `zod/mini`
 * schema (`src/domain/zod.ts`).
 */
export const uccxConfigSchema = z.strictObject({
  enabled: z._default(z.boolean(), true),
  /** STOMP-over-WebSocket broker URLs (ws/wss/http/https, may be relative), tried in turn (NOTES.md §6). */
  brokerUrls: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** STOMP CONNECT login, if the broker wants one. Kept in memory only, never logged. */
  login: z.optional(z.string()),
  /** STOMP CONNECT passcode. Kept in memory only, never logged. */
  passcode: z.optional(z.string()),
  /** Virtual host for the STOMP CONNECT `host` header. */
  vhost: z.optional(z.string()),
  /** Where report requests go, with `reply-to` and `correlation-id` (NOTES.md §5). */
  requestsDestination: text('/queue/openmethods.requests'),
  /** Where Harmony publishes report events (NOTES.md §5). */
  eventsDestination: text('/topic/openmethods.events'),
  /** UCCX agent ids of the supervisors whose team status report this board begins (`report.teamstatus.begin` `agentId`). */
  supervisorAgentIds: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Labels of UCCX reason codes (`"32": "Lunch"`); a code with no label is shown as the code. */
  reasonLabels: z._default(
    z.pipe(z.unknown().check(z.refine((v) => !hasOwnProtoKey(v), 'has a "__proto__" key')), z.record(z.string(), z.string())),
    {},
  ),
  /** A report request with no reply within this time fails (ms). */
  requestTimeoutMs: z._default(z.number().check(z.int(), z.positive()), 8_000),
  /** STOMP heart-beat, both ways (ms); 0 disables. */
  heartbeatMs: z._default(z.number().check(z.int(), z.nonnegative()), 10_000),
});

/** Validated UCCX settings (`sources.uccx`, defaults applied). */
export type UccxConnectorConfig = z.output<typeof uccxConfigSchema>;
