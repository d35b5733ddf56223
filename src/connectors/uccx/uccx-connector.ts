/**
 * The OpenMethods UCCX connector: the team status report of each configured supervisor and
 * call journeys, on the board's shared broker session by request/reply
 * (openmethods-uccx-report-server.txt "UCCX Report Server Resource"; NOTES.md §5, §6;
 * docs/CONTRACTS.md "UCCX").
 */
import { realScheduler, type Scheduler } from '../../lib/scheduler';
import { CommandError, type CallJourney, type CallJourneyPort } from '../../domain';
import { BrokerRequestError, createBrokerRequester, type BrokerRequester } from '../stomp/request-reply';
import { followSessionStatus } from '../stomp/follow-session';
import type { StompSession, StompSessionStatus } from '../stomp/stomp-session';
import { createStatusReporter, ingestErrorEvent, safeEmit } from '../transport/events';
import type { Liveness } from '../transport/liveness';
import type { Connector, Emit } from '../transport/types';
import type { UccxConnectorConfig } from './config';
import { mapUccxMessage, type UccxMapperOptions } from './uccx-mapper';
import {
  callJourneyRequest,
  decodeUccxResponse,
  parseUccxEvent,
  readCallJourney,
  teamStatusBeginRequest,
  teamStatusEndRequest,
  UccxArgumentError,
  type UccxRequest,
} from './uccx-wire';

/** Options beyond the configuration. */
export interface UccxConnectorOptions {
  /** The shared broker session (owned by the caller: started here, never stopped). */
  readonly session: StompSession;
  readonly scheduler?: Scheduler;
  /** This client's reply queue id (default a random UUID). */
  readonly clientId?: string;
}

/** The connector with its call journey port. */
export interface UccxConnector extends Connector, CallJourneyPort {}

/**
 * UCCX sends events only when something changes: silence is no sign of trouble, so the
 * source is never marked stale for it (only the broker session's own state counts).
 */
const NO_LIVENESS: Liveness = { start() {}, touch() {}, stop() {}, stale: false, lastMessageAt: undefined };

/** A broker request failure as the panels' {@link CommandError} (vendor code in `vendorCode`). */
function commandError(e: unknown): CommandError {
  if (e instanceof CommandError) return e;
  if (e instanceof UccxArgumentError) return new CommandError('invalid', e.message);
  if (e instanceof BrokerRequestError) {
    switch (e.kind) {
      case 'timeout':
        return new CommandError('timeout', e.message);
      case 'negative':
        return new CommandError('vendor-error', e.failure?.message || e.message, e.failure?.code);
      case 'malformed':
        return new CommandError('vendor-error', e.message, 'malformed');
      case 'cancelled':
        return new CommandError('not-connected', e.message, 'cancelled');
      default:
        return new CommandError('not-connected', e.message);
    }
  }
  return new CommandError('vendor-error', e instanceof Error ? e.message : String(e));
}

/**
 * Creates the connector (not started).
 *
 * Team status (vendor "report.teamstatus.begin" … "Report Events"): on every (re)connect of
 * the broker session, for each `supervisorAgentIds` entry, a `team.forget` of that
 * supervisor's teams (the report is begun afresh and its teamadded events rebuild them, so no
 * ghost survives an outage) and `report.teamstatus.begin`; a failure or confirm-less refusal is
 * one counted `ingest.error` (`report-failed`, with the vendor's code and message) in connection
 * health, asked again on the next reconnect. `stop()` sends `report.teamstatus.end` per
 * supervisor (without waiting for the answer) before leaving the session. Events:
 * `eventsDestination` → `parseUccxEvent` → mapper → `emit`; never throws; a malformed message is
 * one counted `ingest.error`.
 *
 * Status (`connection.status`, source `uccx`) follows the shared session
 * (`followSessionStatus`): `connecting`, `live`, `down` with the reason.
 *
 * Call journey: `report.calljourney` by request/reply (`requestTimeoutMs`); see {@link CallJourneyPort}.
 */
export function createUccxConnector(config: UccxConnectorConfig, emit: Emit, opts: UccxConnectorOptions): UccxConnector {
  const scheduler = opts.scheduler ?? realScheduler;
  const { session } = opts;
  const mapper: UccxMapperOptions = { supervisorAgentIds: config.supervisorAgentIds, reasonLabels: config.reasonLabels };
  const status = createStatusReporter('uccx', emit, () => scheduler.wallNow());
  let requester: BrokerRequester | undefined;
  let registration: { unsubscribe(): void } | undefined;
  let offStatus: (() => void) | undefined;
  let running = false;

  const ask = <T>(req: UccxRequest, readData: (data: unknown) => T, signal?: AbortSignal): Promise<T> => {
    if (!requester || !running) return Promise.reject(new CommandError('not-connected', 'OpenMethods UCCX is not running'));
    return requester.request({
      destination: config.requestsDestination,
      body: req.body,
      decode: (r) => decodeUccxResponse(req.command, r.body, readData),
      label: req.command,
      ...(signal ? { signal } : {}),
    });
  };

  const beginReports = () => {
    const at = scheduler.wallNow();
    safeEmit(emit, config.supervisorAgentIds.map((owner) => ({ kind: 'team.forget' as const, source: 'uccx' as const, at, owner })));
    for (const agentId of config.supervisorAgentIds) {
      ask(teamStatusBeginRequest(agentId), () => undefined).catch((e: unknown) => {
        if (!running) return;
        const vendor = e instanceof BrokerRequestError && e.failure ? ` (${e.failure.code})` : '';
        const why = e instanceof Error ? e.message : String(e);
        safeEmit(emit, [ingestErrorEvent('uccx', 'report-failed', `team status report of ${agentId}${vendor}: ${why}`, scheduler.wallNow())]);
      });
    }
  };

  const onSessionStatus = (s: StompSessionStatus) => {
    if (!running) return;
    followSessionStatus(s, status, NO_LIVENESS, beginReports);
  };

  return {
    source: 'uccx',
    start() {
      if (running) return;
      running = true;
      requester = createBrokerRequester({ session, timeoutMs: config.requestTimeoutMs, scheduler, ...(opts.clientId ? { clientId: opts.clientId } : {}) });
      registration = session.subscribe(config.eventsDestination, (m) => safeEmit(emit, mapUccxMessage(parseUccxEvent(m.body), scheduler.wallNow(), mapper)));
      offStatus = session.onStatus(onSessionStatus);
      session.start();
    },
    async stop() {
      if (!running) return;
      // End the reports while the session is still ours (the answers are not awaited).
      if (session.connected) for (const agentId of config.supervisorAgentIds) ask(teamStatusEndRequest(agentId), () => undefined).catch(() => {});
      running = false;
      offStatus?.();
      offStatus = undefined;
      registration?.unsubscribe();
      registration = undefined;
      requester?.stop();
      requester = undefined;
      status.set('idle', 'stopped');
    },
    async callJourney(callId: string, signal?: AbortSignal): Promise<CallJourney> {
      try {
        const req = callJourneyRequest(callId);
        const steps = await ask(req, readCallJourney, signal);
        let totalMs = 0;
        let totalComplete = true;
        for (const s of steps) {
          if (s.durationMs === undefined) totalComplete = false;
          else totalMs += s.durationMs;
        }
        return { callId: callId.trim(), steps, totalMs, totalComplete };
      } catch (e) {
        throw commandError(e);
      }
    },
  };
}
