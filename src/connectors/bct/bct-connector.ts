/**
 * The Business ConneCT connector: adapter events from the UIP relay on the board's shared
 * broker session, and commands through broker request/reply
 * (bct-business-connect-adapter.txt; NOTES.md §4, §6; docs/CONTRACTS.md "BCT simulator").
 */
import { realScheduler, type Scheduler } from '../../lib/scheduler';
import type { AgentStateCommand, ChatAction, ChatPort, ChatSessionRef, RouteMessageRequest } from '../../domain';
import { readOnlyRefusal } from '../../domain';
import { BrokerRequestError, createBrokerRequester, type BrokerRequester } from '../stomp/request-reply';
import { followSessionStatus } from '../stomp/follow-session';
import type { StompSession, StompSessionStatus } from '../stomp/stomp-session';
import { createStatusReporter, ingestErrorEvent, safeEmit } from '../transport/events';
import { createLiveness } from '../transport/liveness';
import { CommandError, type AgentCommandPort, type Connector, type Emit } from '../transport/types';
import {
  BctArgumentError,
  decodeBctReply,
  decodeCurrentAlarms,
  getCurrentAlarms,
  leaveWebChatSession,
  requestAgentForWebChatSession,
  routeMessage,
  sendWebChatChoice,
  sendWebChatMessage,
  sendWebChatResponse,
  setAgentNotReady,
  setAgentReady,
  type BctCommand,
} from './bct-commands';
import { mapBctMessage, mapCurrentAlarms, type BctMapperOptions } from './bct-mapper';
import { parseBctEvent } from './bct-wire';
import { bctAgentStateFacts, type BctConnectorConfig } from './config';

/** Options beyond the configuration. */
export interface BctConnectorOptions {
  /** The shared broker session (owned by the caller: started here, never stopped). */
  readonly session: StompSession;
  readonly scheduler?: Scheduler;
  /** This client's reply queue id (default a random UUID). */
  readonly clientId?: string;
  /** Read-only (the kiosk): every command rejects with `read-only` before anything is sent. */
  readonly readOnly?: boolean;
}

/** The connector with its ports. */
export interface BctConnector extends Connector, AgentCommandPort {
  /** Routes a message to a starter or router (RouteMessage). */
  routeMessage(req: RouteMessageRequest): Promise<void>;
  /** Configured router names (for the RouteMessage form). */
  readonly routerNames: readonly string[];
  /** The web chat port, when `webChat` is configured. */
  readonly webChat?: ChatPort;
}

/** A broker request failure as the panels' {@link CommandError}. */
function commandError(e: unknown): CommandError {
  if (e instanceof CommandError) return e;
  if (e instanceof BctArgumentError) return new CommandError('invalid', e.message);
  if (e instanceof BrokerRequestError) {
    switch (e.kind) {
      case 'timeout':
        return new CommandError('timeout', e.message);
      case 'negative':
      case 'malformed':
        return new CommandError('vendor-error', e.message, e.kind);
      default:
        return new CommandError('not-connected', e.message);
    }
  }
  return new CommandError('vendor-error', e instanceof Error ? e.message : String(e));
}

/**
 * Creates the connector (not started).
 *
 * Events: `eventsDestination` → `parseBctEvent` → BCT mapper → `emit`; never throws; every
 * malformed message is one counted `ingest.error`. Status (`connection.status`, source `bct`):
 * `connecting`, `live` once the session is up, `down` with the session's reason, `stale` after
 * `staleAfterMs` without a message from the relay. On every (re)connect: the configured agents
 * are (re)announced, and `GetCurrentAlarms` reconciles the alarm list (its failure is counted,
 * never retried blindly; the next reconnect asks again).
 *
 * Commands (request/reply, `requestTimeoutMs`): Ready → SetAgentReady, Not Ready → SetAgentNotReady
 * with the reason name; BCT sends no agent-state event, so a successful answer sets the tile's
 * state ("set from this board"). Logout is refused (BCT has none). Failures reject with
 * `CommandError`: `timeout` (no answer), `vendor-error` (`isSuccess:false`, or a malformed
 * answer), `not-connected`, `invalid` (bad arguments, nothing sent).
 */
export function createBctConnector(config: BctConnectorConfig, emit: Emit, opts: BctConnectorOptions): BctConnector {
  const scheduler = opts.scheduler ?? realScheduler;
  const { session } = opts;
  const mapper: BctMapperOptions = { instance: config.instance, routerNames: config.routerNames, timeZone: config.timeZone };
  const status = createStatusReporter('bct', emit, () => scheduler.wallNow());
  let requester: BrokerRequester | undefined;
  let registration: { unsubscribe(): void } | undefined;
  let offStatus: (() => void) | undefined;
  let running = false;

  const liveness = createLiveness({
    staleAfterMs: config.staleAfterMs,
    scheduler,
    onStale: () => status.set('stale', `no Business ConneCT event for ${Math.round(config.staleAfterMs / 1000)} s`),
    onLive: () => status.set('live'),
  });

  const onBody = (body: string) => {
    liveness.touch();
    safeEmit(emit, mapBctMessage(parseBctEvent(body), scheduler.wallNow(), mapper));
  };

  const ask = (cmd: BctCommand) => {
    if (opts.readOnly === true) return Promise.reject(readOnlyRefusal());
    if (!requester || !running) return Promise.reject(new CommandError('not-connected', 'Business ConneCT is not running'));
    return requester.request({ destination: config.commandsDestination, body: cmd.body, decode: decodeBctReply, label: cmd.command }).catch((e: unknown) => {
      throw commandError(e);
    });
  };

  const reconcileAlarms = () => {
    if (!requester) return;
    requester
      .request({ destination: config.commandsDestination, body: getCurrentAlarms(config.instance).body, decode: decodeCurrentAlarms, label: 'GetCurrentAlarms' })
      .then(
        (current) => safeEmit(emit, mapCurrentAlarms(current, scheduler.wallNow(), mapper)),
        (e: unknown) => safeEmit(emit, [ingestErrorEvent('bct', 'request-failed', e instanceof Error ? e.message : String(e), scheduler.wallNow())]),
      );
  };

  const announceAgents = () => {
    const at = scheduler.wallNow();
    safeEmit(emit, config.agentNames.map((name) => ({ kind: 'agent.upsert' as const, source: 'bct' as const, at, id: name, name })));
  };

  const onSessionStatus = (s: StompSessionStatus) => {
    if (!running) return;
    followSessionStatus(s, status, liveness, () => {
      announceAgents();
      reconcileAlarms();
    });
  };

  const setState = async (cmd: AgentStateCommand) => {
    if (!config.agentNames.includes(cmd.agentId)) throw new CommandError('invalid', `${cmd.agentId} is not a configured Business ConneCT agent`);
    let frame: BctCommand;
    try {
      if (cmd.state === 'READY') frame = setAgentReady(config.instance, cmd.agentId);
      else if (cmd.state === 'NOT_READY') {
        if (cmd.reasonCodeId !== undefined && !config.notReadyReasons.includes(cmd.reasonCodeId)) {
          throw new CommandError('invalid', `"${cmd.reasonCodeId}" is not a configured Business ConneCT reason`);
        }
        frame = setAgentNotReady(config.instance, cmd.agentId, cmd.reasonCodeId);
      } else throw new CommandError('invalid', 'Business ConneCT has no logout command');
    } catch (e) {
      throw commandError(e);
    }
    await ask(frame);
    const at = scheduler.wallNow();
    safeEmit(emit, [
      {
        kind: 'agent.upsert',
        source: 'bct',
        at,
        id: cmd.agentId,
        state: cmd.state,
        vendorState: frame.command,
        stateSince: at,
        ...(cmd.reasonCodeId !== undefined ? { reasonCodeId: cmd.reasonCodeId, reasonLabel: cmd.reasonCodeId } : {}),
      },
    ]);
  };

  /**
   * Sends one chat command to the session's own instance (the vendor's warning) and, once the
   * adapter answered `isSuccess:true`, emits the `chat.action` that records it.
   */
  const chat = async (s: ChatSessionRef, action: ChatAction, build: (instance: string) => BctCommand, text?: string) => {
    let frame: BctCommand;
    try {
      frame = build(s.instance);
    } catch (e) {
      throw commandError(e);
    }
    await ask(frame);
    safeEmit(emit, [
      {
        kind: 'chat.action',
        source: 'bct',
        at: scheduler.wallNow(),
        sessionId: s.sessionId,
        instance: s.instance,
        ...(s.externalId ? { externalId: s.externalId } : {}),
        action,
        ...(text !== undefined ? { text } : {}),
        senderName: config.webChat?.agentName ?? '',
      },
    ]);
  };

  const wc = config.webChat;
  const webChat: ChatPort | undefined = wc
    ? {
        source: 'bct',
        agentName: wc.agentName,
        starterName: wc.starterName,
        routerName: wc.routerName,
        respond: (s, a) =>
          chat(
            s,
            a.accept ? 'accepted' : 'rejected',
            (i) =>
              sendWebChatResponse(i, {
                sessionId: s.sessionId,
                name: wc.agentName,
                ...(a.accept ? {} : { rejected: true, ...(a.reason ? { reason: a.reason } : {}) }),
                ...(s.externalId ? { externalId: s.externalId } : {}),
              }),
            a.accept ? undefined : (a.reason ?? ''),
          ),
        sendMessage: (s, message) =>
          chat(s, 'message', (i) => sendWebChatMessage(i, { sessionId: s.sessionId, message, ...(s.externalId ? { externalId: s.externalId } : {}) }), message),
        sendChoice: (s, options) =>
          chat(
            s,
            'choice',
            (i) => sendWebChatChoice(i, { sessionId: s.sessionId, options, ...(s.externalId ? { externalId: s.externalId } : {}) }),
            options.join('|'),
          ),
        requestAgent: (s) => {
          if (!wc.starterName && !wc.routerName) return Promise.reject(new CommandError('invalid', 'no webChat.starterName or webChat.routerName is configured'));
          return chat(
            s,
            'agentRequested',
            (i) => requestAgentForWebChatSession(i, { sessionId: s.sessionId, ...(wc.starterName ? { starterName: wc.starterName } : { routerName: wc.routerName }) }),
            wc.starterName || wc.routerName,
          );
        },
        leave: (s) => chat(s, 'left', (i) => leaveWebChatSession(i, s.sessionId)),
      }
    : undefined;

  return {
    ...(webChat ? { webChat } : {}),
    source: 'bct',
    ...bctAgentStateFacts(config),
    routerNames: config.routerNames,
    start() {
      if (running) return;
      running = true;
      requester = createBrokerRequester({ session, timeoutMs: config.requestTimeoutMs, scheduler, ...(opts.clientId ? { clientId: opts.clientId } : {}) });
      registration = session.subscribe(config.eventsDestination, (m) => onBody(m.body));
      offStatus = session.onStatus(onSessionStatus);
      session.start();
    },
    async stop() {
      if (!running) return;
      running = false;
      liveness.stop();
      offStatus?.();
      offStatus = undefined;
      registration?.unsubscribe();
      registration = undefined;
      requester?.stop();
      requester = undefined;
      status.set('idle', 'stopped');
    },
    setAgentState: setState,
    async routeMessage(req) {
      let frame: BctCommand;
      try {
        frame = routeMessage(config.instance, req);
      } catch (e) {
        throw commandError(e);
      }
      await ask(frame);
    },
  };
}
