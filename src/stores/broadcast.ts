/**
 * Broadcast messages (issue 13 scope 6): the list in force as the broadcast topic last
 * delivered it, and the channel's health (link status, counted refused frames). Bounded:
 * at most {@link MAX_BROADCASTS} messages (the wire refuses more) and
 * {@link MAX_BROADCAST_ERRORS} recent errors.
 *
 * Not one of the bus's slices (`slices.ts`): broadcast messages are the wallboard's own,
 * not vendor `DomainEvent`s (which carry a vendor source), and arrive a few times an hour,
 * so the channel applies them here directly (one `set()` per delivery) through
 * {@link applyBroadcastEvents}; the reducer is pure like a slice's.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MAX_BROADCASTS, type BroadcastEvent, type BroadcastLinkStatus, type BroadcastMessage, type IngestError } from '../domain';

/** How many recent refused frames are kept (newest first). */
export const MAX_BROADCAST_ERRORS = 20;

/** State of the broadcast store. */
export interface BroadcastState {
  /** The messages of the last delivered list (expired ones are hidden by the ticker on the shared clock). */
  readonly messages: readonly BroadcastMessage[];
  /** Whether the board has a broadcast channel at all (configuration `broadcast`). */
  readonly configured: boolean;
  readonly link: BroadcastLinkStatus;
  /** Plain-text reason of the last link change (never credentials). */
  readonly reason?: string;
  /** Epoch ms of the last list delivered. */
  readonly lastMessageAt?: number;
  /** Refused frames and messages, counted by code. */
  readonly errorCounts: Readonly<Record<string, number>>;
  /** The most recent errors, newest first (at most {@link MAX_BROADCAST_ERRORS}). */
  readonly recentErrors: readonly IngestError[];
}

/** A fresh, empty state (no channel). */
export function initialBroadcastState(): BroadcastState {
  return { messages: [], configured: false, link: 'idle', errorCounts: {}, recentErrors: [] };
}

/**
 * Applies the channel's events in order: a snapshot replaces the list (at most
 * {@link MAX_BROADCASTS}); a link event sets the status (and marks the channel configured);
 * an error is counted. Pure; returns `state` itself when `events` is empty.
 */
export function reduceBroadcast(state: BroadcastState, events: readonly BroadcastEvent[]): BroadcastState {
  let s = state;
  for (const e of events) {
    switch (e.kind) {
      case 'broadcast.snapshot':
        s = { ...s, messages: e.messages.slice(0, MAX_BROADCASTS), lastMessageAt: e.at };
        break;
      case 'broadcast.link': {
        const { reason: _old, ...rest } = s;
        s = { ...rest, configured: true, link: e.status, ...(e.reason !== undefined ? { reason: e.reason } : {}) };
        break;
      }
      case 'broadcast.error':
        s = {
          ...s,
          errorCounts: { ...s.errorCounts, [e.code]: (s.errorCounts[e.code] ?? 0) + 1 },
          recentErrors: [{ code: e.code, message: e.message, at: e.at }, ...s.recentErrors].slice(0, MAX_BROADCAST_ERRORS),
        };
        break;
    }
  }
  return s;
}

/** The app's broadcast store (vanilla zustand). */
export const broadcastStore = createStore<BroadcastState>()(() => initialBroadcastState());

/** Applies the channel's events to {@link broadcastStore} (one `set()`); never throws. */
export function applyBroadcastEvents(events: readonly BroadcastEvent[]): void {
  const prev = broadcastStore.getState();
  const next = reduceBroadcast(prev, events);
  if (next !== prev) broadcastStore.setState(next, true);
}

/** Back to the initial state (tests). */
export function resetBroadcast(): void {
  broadcastStore.setState(initialBroadcastState(), true);
}

/** React hook: the last delivered list (the same array until a new list arrives). */
export function useBroadcastMessages(): readonly BroadcastMessage[] {
  return useStore(broadcastStore, (s) => s.messages);
}

/** React hook: the whole broadcast state (health view; changes only on deliveries, link changes and errors). */
export function useBroadcastState(): BroadcastState {
  return useStore(broadcastStore, (s) => s);
}
