/**
 * Web chat (Business ConneCT web chat; bct-business-connect-adapter.txt "Commands: Send Web
 * Chat Response / Message / Choice, Request An Agent For Web Chat Session, Leave Web Chat
 * Session" and "Events: Web Chat Request / Message / Choice Answer / Session Ended").
 *
 * Vendor warning (same document, "Warning"): web chat must always use the same adapter
 * instance, so every session keeps the `instance` that delivered its request and every
 * command for that session names it.
 */
import type { SourceId } from './source';

/** Where a session stands: waiting for an answer, taken, or over. */
export const CHAT_SESSION_STATES = ['requested', 'active', 'ended'] as const;
/** One of {@link CHAT_SESSION_STATES}. */
export type ChatSessionState = (typeof CHAT_SESSION_STATES)[number];

/** Who wrote a chat line: an agent, the customer, or the system (session notes). */
export const CHAT_SENDERS = ['agent', 'customer', 'system'] as const;
/** One of {@link CHAT_SENDERS}. */
export type ChatSender = (typeof CHAT_SENDERS)[number];

/** Arguments of the chat port's commands (all strings are vendor text, sent as they are). */
export interface ChatSessionRef {
  readonly source: SourceId;
  /** The vendor's `sessionId`. */
  readonly sessionId: string;
  /** The adapter instance that delivered the session's request (the instance rule). */
  readonly instance: string;
  /** The vendor's `externalId` of the session, when known. */
  readonly externalId?: string;
}

/**
 * The web chat command port (BCT). Every method rejects with `CommandError` (connectors'
 * transport types): `timeout`, `vendor-error` (`isSuccess:false` or a malformed answer),
 * `not-connected`, `invalid` (bad arguments, nothing sent). Resolves when the adapter
 * answered `isSuccess:true`.
 */
export interface ChatPort {
  readonly source: SourceId;
  /** The name shown to customers (`sources.bct.webChat.agentName`). */
  readonly agentName: string;
  /** Configured starter for "request an agent" (`webChat.starterName`), may be empty. */
  readonly starterName: string;
  /** Configured router for "request an agent" (`webChat.routerName`), may be empty. */
  readonly routerName: string;
  /** SendWebChatResponse: accept (no reason) or reject with a reason. */
  respond(s: ChatSessionRef, a: { readonly accept: boolean; readonly reason?: string }): Promise<void>;
  /** SendWebChatMessage. */
  sendMessage(s: ChatSessionRef, message: string): Promise<void>;
  /** SendWebChatChoice: the options are sent pipe-separated (`|` inside an option is refused). */
  sendChoice(s: ChatSessionRef, options: readonly string[]): Promise<void>;
  /** RequestAgentForWebChatSession with the configured starter (preferred) or router. */
  requestAgent(s: ChatSessionRef): Promise<void>;
  /** LeaveWebChatSession. */
  leave(s: ChatSessionRef): Promise<void>;
}
