/**
 * Broadcast messages (issue 13 scope 6): a supervisor posts a short text with a severity and
 * an expiry; every board and kiosk that shows the ticker shows it until it expires or is
 * withdrawn. Not a vendor backend: the wallboard's own messages, carried over the STOMP
 * broker on a configured topic (docs/CONTRACTS.md "Broadcast messages").
 */

/** How a message reads on the ticker. */
export const BROADCAST_SEVERITIES = ['info', 'warning', 'critical'] as const;

/** One of {@link BROADCAST_SEVERITIES}. */
export type BroadcastSeverity = (typeof BROADCAST_SEVERITIES)[number];

/** Longest message text, in characters (UTF-16 code units, as the form's `maxLength` counts). */
export const MAX_BROADCAST_TEXT = 280;

/** Most messages in force at once; a post beyond it drops the one that expires first. */
export const MAX_BROADCASTS = 20;

/** Longest expiry a supervisor can set, in seconds (24 h). */
export const MAX_BROADCAST_TTL_SEC = 86_400;

/** One broadcast message. */
export interface BroadcastMessage {
  /** Unique id (letters, digits, `-`, `_`; 1–64), the ticker item's `data-broadcast-id`. */
  readonly id: string;
  /** Plain text, 1 to {@link MAX_BROADCAST_TEXT} characters; shown as text, never HTML. */
  readonly text: string;
  readonly severity: BroadcastSeverity;
  /** When it was posted, epoch ms. */
  readonly postedAt: number;
  /** When it stops showing, epoch ms (after `postedAt`). */
  readonly expiresAt: number;
}

/** Link state of the broadcast channel (the broker session it rides on). */
export type BroadcastLinkStatus = 'idle' | 'connecting' | 'live' | 'down';

/** What the broadcast channel reports to the broadcast store. */
export type BroadcastEvent =
  /** The full list of messages in force, as the last post or withdrawal published it. */
  | { readonly kind: 'broadcast.snapshot'; readonly messages: readonly BroadcastMessage[]; readonly at: number }
  /** The channel's link changed. `reason`: plain text, never credentials. */
  | { readonly kind: 'broadcast.link'; readonly status: BroadcastLinkStatus; readonly reason?: string; readonly at: number }
  /** A frame that was refused (malformed JSON, wrong shape), counted by `code`. */
  | { readonly kind: 'broadcast.error'; readonly code: string; readonly message: string; readonly at: number };

/**
 * The messages of `messages` still in force at `nowMs` (expiresAt > nowMs), the most severe
 * first, then the newest first. Pure; returns a new array.
 * @param nowMs epoch ms
 */
export function messagesInForce(messages: readonly BroadcastMessage[], nowMs: number): BroadcastMessage[] {
  const rank: Record<BroadcastSeverity, number> = { critical: 0, warning: 1, info: 2 };
  return messages
    .filter((m) => m.expiresAt > nowMs)
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.postedAt - a.postedAt || (a.id < b.id ? -1 : 1));
}

/** What a supervisor fills in to post a message. */
export interface BroadcastDraft {
  /** 1 to {@link MAX_BROADCAST_TEXT} characters after trimming. */
  readonly text: string;
  readonly severity: BroadcastSeverity;
  /** How long it stays in force, seconds (1 to {@link MAX_BROADCAST_TTL_SEC}). */
  readonly ttlSec: number;
}

/**
 * The supervisor's broadcast commands (never offered on a kiosk). Each publishes the FULL
 * list of messages in force (docs/CONTRACTS.md "Broadcast messages").
 */
export interface BroadcastPort {
  /**
   * Posts a message; resolves with it once handed to the broker (screens show it when the
   * broker delivers the new list, the posting screen included).
   * @throws RangeError when the draft breaks its limits (text length, ttlSec)
   * @throws Error (`StompNotConnectedError`) when the broker is not connected
   */
  post(draft: BroadcastDraft): BroadcastMessage;
  /**
   * Withdraws a message in force (unknown or expired id: publishes the list unchanged).
   * @throws Error (`StompNotConnectedError`) when the broker is not connected
   */
  withdraw(id: string): void;
}
