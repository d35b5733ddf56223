import type { SourceId } from './source';

/**
 * Link state of one backend, as its connector reports it (ARCHITECTURE.md "Connections"):
 * - `idle`: not configured / not started;
 * - `connecting`: first connection or a retry under way;
 * - `live`: connected and (re)subscribed; data is current;
 * - `stale`: connected but nothing heard for longer than the liveness window;
 * - `down`: disconnected; the connector retries forever with backoff.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'stale' | 'down';

/** Every {@link ConnectionStatus}, in lifecycle order. */
export const CONNECTION_STATUSES = ['idle', 'connecting', 'live', 'stale', 'down'] as const satisfies readonly ConnectionStatus[];

/** One counted input or command error, shown in the connection-health view. */
export interface IngestError {
  /**
   * Short machine code, e.g. `malformed-frame`, `unknown-event`, `wrong-type`, `unauthorized`
   * (wire parsers), or `invalid-event` (a DomainEvent that failed the domain schema at the
   * connector edge, `guardEmit`; the message names the field path).
   */
  readonly code: string;
  /** Human-readable message (plain text; may quote vendor text, never rendered as HTML). */
  readonly message: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Per-subscription result, e.g. RTE `{subscribed:false, message:"Unauthorized"}`. */
export interface SubscriptionResult {
  readonly entityId: string;
  readonly eventName: string;
  readonly subscribed: boolean;
  readonly message?: string;
}

/** Connection health of one source, as the connections store holds it. */
export interface SourceHealth {
  readonly source: SourceId;
  readonly status: ConnectionStatus;
  /** Why the status is what it is (plain text), e.g. `negotiate answered 401`. */
  readonly reason?: string;
  /** Epoch ms of the last status change. */
  readonly since: number;
  /** Epoch ms of the last valid message from this source. */
  readonly lastMessageAt?: number;
  /** Number of (re)connections that reached `live`. */
  readonly connects: number;
  /** Total counted errors, by code. */
  readonly errorCounts: Readonly<Record<string, number>>;
  /** The most recent errors, newest first (bounded, 20 at most). */
  readonly recentErrors: readonly IngestError[];
  /** Latest subscription results (RTE), keyed `"<eventName>:<entityId>"`. */
  readonly subscriptions: Readonly<Record<string, SubscriptionResult>>;
  /**
   * Valid vendor events the board does not display (`vendor.notice`), counted by the
   * vendor's event name. Absent until the first one.
   */
  readonly noticeCounts?: Readonly<Record<string, number>>;
  /**
   * The vendor adapter behind the broker (`adapter.status`, e.g. the BCT adapter's link to
   * the BCT server), shown as a second line; absent until the adapter reports.
   */
  readonly adapter?: { readonly name: string; readonly connected: boolean; readonly detail?: string; readonly since: number };
}
