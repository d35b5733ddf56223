/**
 * Broadcast messages over the broker (issue 13 scope 6; docs/CONTRACTS.md "Broadcast
 * messages"). Not a vendor backend, so not in the connector module list: the app's wiring
 * starts one channel when the configuration has a `broadcast` block, on the board's shared
 * broker sessions (`connectors/stomp/shared.ts`).
 *
 * Design ("a new screen joining sees the messages still in force"): every post or
 * withdrawal publishes the FULL list of messages in force as one message with the header
 * `ActiveMQ.Retain: true`, and every screen subscribes with `activemq.retroactive: true`, so
 * the broker hands a new subscriber the last retained list at once (ActiveMQ Classic's
 * retained-message recovery; the simulator's own broker does the same, `sim/stomp-broker.ts`).
 * No screen has to answer newcomers, and a kiosk publishes nothing: the port exists only
 * where the app hands it out (the supervisor board).
 */
import {
  MAX_BROADCAST_TEXT,
  MAX_BROADCAST_TTL_SEC,
  MAX_BROADCASTS,
  messagesInForce,
  type BroadcastDraft,
  type BroadcastEvent,
  type BroadcastLinkStatus,
  type BroadcastMessage,
  type BroadcastPort,
} from '../../domain';
import type { StompSessions } from '../stomp/shared';
import type { StompRegistration, StompSession, StompSessionState } from '../stomp/stomp-session';
import { parseBroadcastFrame, serializeBroadcast } from './wire';

export { parseBroadcastFrame, serializeBroadcast, BROADCAST_TYPE, BROADCAST_VERSION } from './wire';
export type { ParsedBroadcast, BroadcastWireError } from './wire';

/** The validated `broadcast` block of the configuration. */
export interface BroadcastSettings {
  readonly brokerUrls: readonly string[];
  /** A `/topic/...` destination (default `/topic/wallboard.broadcast`). */
  readonly topic: string;
  /** Memory only, never logged. */
  readonly login?: string | undefined;
  /** Memory only, never logged. */
  readonly passcode?: string | undefined;
  readonly vhost?: string | undefined;
}

/** What the channel needs from the app. */
export interface BroadcastContext {
  /** The board's shared broker sessions. */
  readonly stomp: StompSessions;
  /** Where the channel reports (the broadcast store). Never throws. */
  readonly emit: (events: readonly BroadcastEvent[]) => void;
  /** Epoch ms (the scheduler's wall clock). */
  readonly now: () => number;
  /** A fresh message id (default: time and 48 random bits, base 36). */
  readonly newId?: () => string;
}

/** A running broadcast channel. */
export interface BroadcastChannel {
  /** Subscribes (retroactively) and starts the shared session. Idempotent. */
  start(): void;
  /** Unsubscribes; the app stops the shared sessions. */
  stop(): Promise<void>;
  /** The supervisor's commands; hand it only to pages that may send (never the kiosk). */
  readonly port: BroadcastPort;
}

function defaultId(now: number): string {
  const r = new Uint32Array(2);
  globalThis.crypto.getRandomValues(r);
  return `b-${now.toString(36)}-${(r[0] ?? 0).toString(36)}${((r[1] ?? 0) & 0xffff).toString(36)}`;
}

const LINK: Record<StompSessionState, BroadcastLinkStatus> = { idle: 'idle', connecting: 'connecting', connected: 'live', down: 'down' };

/** Thrown by the port when the broker session is not there yet. */
class BroadcastNotConnectedError extends Error {
  constructor() {
    super('No broker connection');
    this.name = 'StompNotConnectedError';
  }
}

/**
 * Creates the board's broadcast channel (not started).
 * @param settings the configuration's `broadcast` block
 */
export function createBroadcastChannel(settings: BroadcastSettings, ctx: BroadcastContext): BroadcastChannel {
  let session: StompSession | undefined;
  let registration: StompRegistration | undefined;
  let offStatus: (() => void) | undefined;
  let started = false;
  let stopped = false;
  /** The last list received from the topic: what a post or a withdrawal starts from. */
  let last: readonly BroadcastMessage[] = [];

  const emit = (events: readonly BroadcastEvent[]) => {
    try {
      ctx.emit(events);
    } catch {
      /* the store never throws; a listener that does must not break the channel */
    }
  };

  function onBody(body: string): void {
    const at = ctx.now();
    const parsed = parseBroadcastFrame(body);
    const events: BroadcastEvent[] = parsed.errors.map((e) => ({ kind: 'broadcast.error', code: e.code, message: e.message, at }));
    if (parsed.messages) {
      last = parsed.messages;
      events.push({ kind: 'broadcast.snapshot', messages: parsed.messages, at });
    }
    emit(events);
  }

  function publish(messages: readonly BroadcastMessage[]): void {
    if (!session) throw new BroadcastNotConnectedError();
    session.publish({
      destination: settings.topic,
      headers: { 'ActiveMQ.Retain': 'true', 'content-type': 'application/json' },
      body: serializeBroadcast(messages, ctx.now()),
    });
  }

  return {
    start() {
      if (started) return;
      started = true;
      emit([{ kind: 'broadcast.link', status: 'connecting', at: ctx.now() }]);
      ctx.stomp
        .get({ brokerUrls: settings.brokerUrls, login: settings.login, passcode: settings.passcode, vhost: settings.vhost })
        .then((s) => {
          if (stopped) return;
          session = s;
          registration = s.subscribe(settings.topic, (m) => onBody(m.body), { 'activemq.retroactive': 'true' });
          offStatus = s.onStatus((st) =>
            emit([{ kind: 'broadcast.link', status: LINK[st.state], ...(st.reason ? { reason: st.reason } : {}), at: ctx.now() }]),
          );
          s.start();
        })
        .catch((e: unknown) => emit([{ kind: 'broadcast.link', status: 'down', reason: `broker code not loaded: ${String(e)}`, at: ctx.now() }]));
    },
    async stop() {
      stopped = true;
      registration?.unsubscribe();
      offStatus?.();
      registration = undefined;
      offStatus = undefined;
    },
    port: {
      post(draft: BroadcastDraft): BroadcastMessage {
        const text = draft.text.trim();
        if (text.length === 0 || text.length > MAX_BROADCAST_TEXT) throw new RangeError(`text must be 1 to ${MAX_BROADCAST_TEXT} characters`);
        if (!Number.isFinite(draft.ttlSec) || draft.ttlSec < 1 || draft.ttlSec > MAX_BROADCAST_TTL_SEC)
          throw new RangeError(`ttlSec must be 1 to ${MAX_BROADCAST_TTL_SEC}`);
        const now = ctx.now();
        const message: BroadcastMessage = {
          id: ctx.newId ? ctx.newId() : defaultId(now),
          text,
          severity: draft.severity,
          postedAt: now,
          expiresAt: now + Math.round(draft.ttlSec * 1000),
        };
        // Bounded: beyond MAX_BROADCASTS the messages that expire first make room.
        const inForce = messagesInForce(last, now).filter((m) => m.id !== message.id);
        const kept = inForce.sort((a, b) => b.expiresAt - a.expiresAt).slice(0, MAX_BROADCASTS - 1);
        publish([...kept, message]);
        return message;
      },
      withdraw(id: string): void {
        const now = ctx.now();
        publish(messagesInForce(last, now).filter((m) => m.id !== id));
      },
    },
  };
}
