/**
 * The Generic Connector connector: the only public face of `connectors/gc/`
 * (ARCHITECTURE.md "Rooms"). Reads GC events from the broker over the shared STOMP session
 * and sends agent-state commands (gc-generic-connector-activemq.txt; NOTES.md §3, §6;
 * docs/CONTRACTS.md "GC wire", "GC mappings").
 */
import { ingestErrorEvent, createStatusReporter, safeEmit } from '../transport/events';
import { createLiveness } from '../transport/liveness';
import { followSessionStatus } from '../stomp/follow-session';
import type { GcDeskPort, MobileLoginRequest, PhonebookScope, ReasonCodeLabels } from '../../domain';
import { readOnlyRefusal } from '../../domain';
import type { GcConnectorConfig } from './config';
import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';
import {
  CommandError,
  type AgentCommandPort,
  type AgentStateCommand,
  type Connector,
  type Emit,
} from '../transport/types';
import type { BackoffOptions } from '../transport/backoff';
import {
  createStompSession,
  type StompSession,
  type StompSessionStatus,
  type WebSocketConstructor,
  type StompSessionOptions,
} from '../stomp/stomp-session';
import {
  buildAgentStateCommand,
  buildConferenceCall,
  buildContactsRequest,
  buildMobileAgentLogin,
  buildPhonebooksRequest,
  buildTransferCall,
  type GcCommandFrame,
} from './gc-commands';
import { createGcMapper, normalizeFinesseState, type GcMapper } from './gc-mapper';
import { parseGcEvent, type GcEvent } from './gc-wire';

/** Options of {@link createGcConnector} beyond the configuration (mostly for tests). */
export interface GcConnectorOptions {
  /**
   * The shared broker session. When given, the caller owns it: the connector registers its
   * subscription and calls `start()` (idempotent) but never `stop()`. When absent, the
   * connector makes its own session from the configuration and stops it in `stop()`.
   */
  readonly session?: StompSession;
  /** Configured reason codes (board `reasonCodes`) to label State events that carry no label. */
  readonly reasonCodes?: ReasonCodeLabels;
  /** Clock and scheduler for liveness and command timeouts (default real scheduler). */
  readonly scheduler?: Scheduler;
  /** Read-only (the kiosk): every command rejects with `read-only` before anything is published. */
  readonly readOnly?: boolean;
  /** For an own session: WebSocket implementation (default `globalThis.WebSocket`; `ws` in Node). */
  readonly WebSocket?: WebSocketConstructor;
  /** For an own session: base for relative broker URLs (default `location.href`). */
  readonly baseUrl?: string;
  /** For an own session: reconnect backoff. */
  readonly backoff?: BackoffOptions;
  /** For an own session: connect timeout per attempt (ms). */
  readonly connectTimeoutMs?: number;
  /** For an own session: other session options (tests). */
  readonly sessionOptions?: Partial<StompSessionOptions>;
  /**
   * Agent-desk mode (`/agent` with `sources.gc.agentDesk`): the connector maps only the
   * events of the login id the desk logged in with ({@link GcDeskPort.mobileLogin}); before
   * that, none (the topic is shared: other agents' events are dropped, not counted). The
   * configured `supervisorLoginId` / `agentLoginIds` are not used.
   */
  readonly desk?: boolean;
}

interface Pending {
  readonly agentId: string;
  /** True for the event that confirms the command (an `Error` event for `agentId` always rejects). */
  readonly matches: (e: GcEvent) => boolean;
  readonly resolve: () => void;
  readonly reject: (e: CommandError) => void;
  timer: CancelFn | undefined;
}

/**
 * Creates the GC connector (not started).
 *
 * Events: subscribes `eventsDestination` on the session (re-subscribed by the session on every
 * reconnect); every body goes through `parseGcEvent` → GC mapper → `emit`. Every malformed
 * frame becomes a counted `ingest.error` and never drops the messages around it.
 *
 * Status (`connection.status`, source `gc`): `connecting` while the session connects, `live`
 * once connected and subscribed, `down` with the session's reason, `stale` after
 * `staleAfterMs` without any message on the events destination (broker heart-beats do not
 * count: they prove the broker alive, not GC), `live` again on the next message, `idle` after stop.
 *
 * Commands: {@link AgentCommandPort.setAgentState} publishes `type: <VERB>#<id>` with the
 * reason code as body and resolves only when that agent's State event shows the requested
 * state (and, for NOT_READY with a reason code, that reason code), or shows it as the
 * agent's pending state (an agent on a call: Finesse applies it when the call ends). It rejects with
 * `CommandError`: `invalid` (bad id / reason), `not-connected` (session down),
 * `vendor-error` (an Error event for that login id; `vendorCode` = the GC code),
 * `timeout` (no confirmation within `commandTimeoutMs` ms).
 */
export function createGcConnector(
  config: GcConnectorConfig,
  emit: Emit,
  opts: GcConnectorOptions = {},
): Connector & AgentCommandPort & GcDeskPort {
  const scheduler = opts.scheduler ?? realScheduler;
  const ownSession = opts.session === undefined;
  const session: StompSession =
    opts.session ??
    createStompSession({
      brokerUrls: config.brokerUrls,
      login: config.login,
      passcode: config.passcode,
      vhost: config.vhost,
      heartbeatMs: config.heartbeatMs,
      scheduler,
      ...(opts.WebSocket ? { WebSocket: opts.WebSocket } : {}),
      ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
      ...(opts.connectTimeoutMs !== undefined ? { connectTimeoutMs: opts.connectTimeoutMs } : {}),
      ...opts.sessionOptions,
    });
  const desk = opts.desk === true;
  /** Desk mode: the login id the desk logged in with ('' before the first login). */
  let ownLoginId = '';
  const newMapper = (): GcMapper =>
    createGcMapper({
      supervisorLoginId: desk ? ownLoginId : config.supervisorLoginId,
      agentLoginIds: desk ? [ownLoginId] : config.agentLoginIds,
      ...(opts.reasonCodes ? { reasonCodes: opts.reasonCodes } : {}),
    });
  let mapper = newMapper();
  /** The phonebook whose contacts each login id asked for last (PhonebookContacts names none). */
  const contactsRequested = new Map<string, string>();
  const status = createStatusReporter('gc', emit, () => scheduler.wallNow());
  const pending = new Set<Pending>();
  let running = false;
  let unsubscribeStatus: (() => void) | undefined;
  let registration: { unsubscribe(): void } | undefined;

  const liveness = createLiveness({
    staleAfterMs: config.staleAfterMs,
    scheduler,
    onStale: () => status.set('stale', `no GC event for ${Math.round(config.staleAfterMs / 1000)} s`),
    onLive: () => status.set('live'),
  });

  const hasPending = (loginId: string) => {
    for (const p of pending) if (p.agentId === loginId) return true;
    return false;
  };

  const settle = (p: Pending, err?: CommandError) => {
    if (!pending.delete(p)) return;
    p.timer?.();
    if (err) p.reject(err);
    else p.resolve();
  };

  const onBody = (body: string) => {
    const at = scheduler.wallNow();
    liveness.touch();
    const result = parseGcEvent(body);
    // Desk mode: another agent's event on the shared topic is not ours to map, nor an error
    // (a frame whose login id cannot be read is nobody's: it is counted like on the board).
    const loginOf = result.ok ? result.event.loginId : result.loginId;
    if (desk && loginOf !== undefined && loginOf !== ownLoginId) return;
    // Map first: whether an Error event is counted depends on the commands still pending.
    const events = mapper.map(result, at, { commandPending: hasPending, contactsPhonebookId: (id) => contactsRequested.get(id) });
    if (result.ok) {
      const ev = result.event;
      for (const p of [...pending]) {
        if (p.agentId !== ev.loginId) continue;
        if (ev.event === 'Error')
          settle(p, new CommandError('vendor-error', ev.message.trim() ? `${ev.code}: ${ev.message}` : ev.code, ev.code));
        else if (p.matches(ev)) settle(p);
      }
    }
    safeEmit(emit, events);
  };

  const onSessionStatus = (s: StompSessionStatus) => {
    if (!running) return;
    // On connect, the session has (re)sent our SUBSCRIBE. Re-synchronise: forget what the
    // mapper remembered from before the outage; GC's next TeamUsersList and QueueList (full
    // listings, with snapshots) bring the board up to date.
    followSessionStatus(s, status, liveness, () => mapper.reset());
  };

  return {
    source: 'gc' as const,
    start() {
      if (running) return;
      running = true;
      registration = session.subscribe(config.eventsDestination, (m) => onBody(m.body));
      unsubscribeStatus = session.onStatus(onSessionStatus);
      session.start();
    },
    async stop() {
      if (!running) return;
      running = false;
      liveness.stop();
      unsubscribeStatus?.();
      unsubscribeStatus = undefined;
      registration?.unsubscribe();
      registration = undefined;
      for (const p of [...pending]) settle(p, new CommandError('not-connected', 'connector stopped'));
      if (ownSession) await session.stop();
      status.set('idle', 'stopped');
    },
    setAgentState(cmd: AgentStateCommand): Promise<void> {
      let frame: GcCommandFrame;
      try {
        frame = buildAgentStateCommand(config.commandsDestination, config.verbs, cmd.agentId, cmd.state, cmd.reasonCodeId);
      } catch (e) {
        return Promise.reject(e instanceof CommandError ? e : new CommandError('invalid', String(e)));
      }
      const wanted = cmd.state;
      const wantedReason = wanted === 'NOT_READY' && frame.body !== '' ? frame.body : undefined;
      // Confirmed when the agent is in the state (with the reason asked for), or when
      // Finesse has accepted it as the pending state of an agent on a call (State event
      // `<agent_PendingState>`): it applies when the call ends, and the tile shows it.
      return send(cmd.agentId, frame, (e) =>
        e.event === 'State' &&
        ((normalizeFinesseState(e.state) === wanted && (wantedReason === undefined || e.reasonCodeId.trim() === wantedReason)) ||
          (e.pendingState.trim() !== '' && normalizeFinesseState(e.pendingState) === wanted)),
      );
    },
    mobileLogin(req: MobileLoginRequest): Promise<void> {
      let frame: GcCommandFrame;
      try {
        frame = buildMobileAgentLogin(config.commandsDestination, req.loginId, req);
      } catch (e) {
        return Promise.reject(e instanceof CommandError ? e : new CommandError('invalid', String(e)));
      }
      if (desk && req.loginId !== ownLoginId) {
        ownLoginId = req.loginId;
        mapper = newMapper();
      }
      // GC answers with AgentInfo and State (gc doc: "Three events will be sent").
      return send(req.loginId, frame, (e) => e.event === 'State');
    },
    requestPhonebooks(scope: PhonebookScope): Promise<void> {
      const want = scope === 'team' ? 'TeamPhoneBooks' : 'Phonebooks';
      return sendFor(() => buildPhonebooksRequest(config.commandsDestination, config.verbs, ownLogin(), scope), (e) => e.event === want);
    },
    requestContacts(phonebookId: string): Promise<void> {
      return sendFor(
        () => {
          const frame = buildContactsRequest(config.commandsDestination, config.verbs, ownLogin(), phonebookId);
          contactsRequested.set(ownLoginId, phonebookId);
          return frame;
        },
        (e) => e.event === 'PhonebookContacts',
      );
    },
    transfer(targetExtension: string, dialogId: string): Promise<void> {
      return sendFor(() => buildTransferCall(config.commandsDestination, ownLogin(), targetExtension, dialogId), (e) => e.event === 'State');
    },
    conference(targetExtension: string, dialogId: string): Promise<void> {
      return sendFor(() => buildConferenceCall(config.commandsDestination, ownLogin(), targetExtension, dialogId), (e) => e.event === 'State');
    },
  };

  /** The desk's login id. @throws CommandError('invalid') before a login */
  function ownLogin(): string {
    if (ownLoginId === '') throw new CommandError('invalid', 'Log in first');
    return ownLoginId;
  }

  /** Builds (refusing bad input before anything is sent) and sends a command of the desk's own login id. */
  function sendFor(build: () => GcCommandFrame, matches: (e: GcEvent) => boolean): Promise<void> {
    let frame: GcCommandFrame;
    try {
      frame = build();
    } catch (e) {
      return Promise.reject(e instanceof CommandError ? e : new CommandError('invalid', String(e)));
    }
    return send(ownLoginId, frame, matches);
  }

  /**
   * Publishes `frame` for `agentId` and settles when an event of that login id `matches`
   * (resolve) or is an `Error` (reject `vendor-error`), or after `commandTimeoutMs` (`timeout`).
   */
  function send(agentId: string, frame: GcCommandFrame, matches: (e: GcEvent) => boolean): Promise<void> {
    if (opts.readOnly === true) return Promise.reject(readOnlyRefusal());
    if (!running || !session.connected) {
      return Promise.reject(new CommandError('not-connected', 'Not connected to the Generic Connector broker'));
    }
    return new Promise<void>((resolve, reject) => {
      const p: Pending = { agentId, matches, resolve, reject, timer: undefined };
      pending.add(p);
      p.timer = scheduler.setTimeout(() => {
        p.timer = undefined;
        settle(p, new CommandError('timeout', `No confirmation from the Generic Connector within ${Math.round(config.commandTimeoutMs / 100) / 10} s`));
      }, config.commandTimeoutMs);
      try {
        session.publish(frame);
      } catch (e) {
        settle(p, new CommandError('not-connected', e instanceof Error ? e.message : 'Not connected'));
        // The verb only: a body may carry a password.
        safeEmit(emit, [ingestErrorEvent('gc', 'command-failed', `could not send ${frame.headers.type.split('#')[0] ?? ''}`, scheduler.wallNow())]);
      }
    });
  }
}
