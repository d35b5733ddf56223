/**
 * Ground truth (`GET /sim/truth`, docs/CONTRACTS.md "Simulator HTTP API"): what the board must
 * show right now. Queue figures come from the same functions that build the vendor messages
 * (sim/rte-wire.ts, sim/gc-wire.ts), so they equal what the last-published message says.
 */
import type { AgentState } from '../src/domain';
import { DEFAULT_QUEUE_LIST_FORMAT, gcCsqFigures, gcCsqName, gcQueueFigures, type GcQueueListFormat } from './gc-wire';
import type { SimModel } from './model';
import { rteQueueFigures, waitSeconds } from './rte-wire';

/** One RTE queue in the truth. `longestWaitingSec` in seconds, 0 when nobody waits. */
export interface TruthRteQueue {
  id: string;
  name: string;
  callsWaiting: number;
  longestWaitingSec: number;
  agentsReady: number;
  agentsTalking: number;
  agentsWrapUp: number;
  agentsNotReady: number;
  agentsLoggedIn: number;
  callsConnected: number;
}

/** One RTE user. `stateSince` epoch ms; `reasonLabel` per the connector's rules (Note, "Not serving"). */
export interface TruthRteUser {
  id: string;
  name: string;
  state: AgentState;
  reasonLabel: string | null;
  stateSince: number;
}

/**
 * One GC queue as the last QueueList says it, keyed by the board's `data-stat` names
 * (docs/CONTRACTS.md). UCCE (default): a skill group, talking = sum of the talking counts
 * sent, wrap-up = sum of the wrap-up counts sent, `longestWaitingSec` 0 when nobody waits.
 * UCCX (`POST /sim/control/gc-queue-list`): a CSQ, id `queue_<n>`, name its CSQ name.
 * A figure the payload leaves out (`omit`) is absent here too.
 */
export interface TruthGcQueue {
  id: string;
  name: string;
  callsWaiting?: number;
  longestWaitingSec?: number;
  agentsReady?: number;
  agentsNotReady?: number;
  agentsTalking?: number;
  agentsWrapUp?: number;
  talkingInbound?: number;
  talkingOutbound?: number;
  talkingInternal?: number;
  wrapUpReady?: number;
  wrapUpNotReady?: number;
  agentsLoggedIn?: number;
  agentsReserved?: number;
  handled?: number;
  abandoned?: number;
  total?: number;
  longestHandleTimeSec?: number;
  serviceLevelPct?: number;
}

/** One GC agent. `reasonCodeId` null when the State event has `-1` or empty; `stateSince` = State field 7. */
export interface TruthGcAgent {
  id: string;
  name: string;
  state: AgentState;
  reasonCodeId: string | null;
  reasonLabel: string | null;
  stateSince: number;
}

/** The whole truth document. `at` is epoch ms. */
export interface Truth {
  at: number;
  paused: boolean;
  rte: { queues: TruthRteQueue[]; users: TruthRteUser[] };
  gc: { queues: TruthGcQueue[]; agents: TruthGcAgent[] };
}

/** Drops the undefined values (so an omitted figure is absent from the JSON). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** The GC queues as the QueueList of format `fmt` carries them (see {@link TruthGcQueue}). */
export function gcTruthQueues(model: SimModel, fmt: GcQueueListFormat, now: number): TruthGcQueue[] {
  const has = (key: string) => !fmt.omit.some((k) => k.toLowerCase() === key.toLowerCase());
  const sum = (...parts: (number | undefined)[]): number | undefined =>
    parts.some((p) => p !== undefined) ? parts.reduce<number>((a, p) => a + (p ?? 0), 0) : undefined;
  return model.queues('gc').map((q, i) => {
    if (fmt.format === 'uccx') {
      const f = gcCsqFigures(model, q.id);
      const handled = has('HandledCalls') ? f.handledCalls : undefined;
      const total = has('TotalCalls') ? f.totalCalls : undefined;
      return defined<TruthGcQueue>({
        id: `queue_${i + 1}`,
        name: has('CSQName') ? gcCsqName(q.name) : `queue_${i + 1}`,
        callsWaiting: has('WaitingCalls') ? f.waitingCalls : undefined,
        agentsLoggedIn: has('AgentsLoggedIn') ? f.agentsLoggedIn : undefined,
        agentsWrapUp: has('AgentsInAfterCallWork') ? f.agentsInAfterCallWork : undefined,
        agentsTalking: has('AgentsTalking') ? f.agentsTalking : undefined,
        agentsReserved: has('AgentsReserved') ? f.agentsReserved : undefined,
        handled,
        abandoned: has('AbandonedCalls') ? f.abandonedCalls : undefined,
        total,
        longestHandleTimeSec: has('LongestHandleTime') ? f.longestHandleTime : undefined,
        serviceLevelPct: handled !== undefined && total !== undefined && total > 0 ? Math.round((handled / total) * 100) : undefined,
      });
    }
    const f = gcQueueFigures(model, q.id);
    const pick = (key: string, v: number) => (has(key) ? v : undefined);
    const tin = pick('number_of_agents_talking_inbound', f.talkingInbound);
    const tout = pick('number_of_agents_talking_outbound', f.talkingOutbound);
    const tint = pick('number_of_agents_talking_internal', f.talkingInternal);
    const wr = pick('number_of_agents_in_wrapup_ready_state', f.wrapUpReady);
    const wnr = pick('number_of_agents_in_wrapup_notready_state', f.wrapUpNotReady);
    const calls = pick('Number_of_CallsInQueue', f.callsWaiting);
    return defined<TruthGcQueue>({
      id: q.id,
      name: q.name,
      callsWaiting: calls,
      longestWaitingSec: has('StartTimeOfLongestCallInQueue') && calls !== undefined ? waitSeconds(f.oldestArrivedAt, now) : undefined,
      agentsReady: pick('Number_of_Agents_Ready', f.ready),
      agentsNotReady: pick('Number_of_Agents_NotReady', f.notReady),
      agentsTalking: sum(tin, tout, tint),
      agentsWrapUp: sum(wr, wnr),
      talkingInbound: tin,
      talkingOutbound: tout,
      talkingInternal: tint,
      wrapUpReady: wr,
      wrapUpNotReady: wnr,
    });
  });
}

/**
 * Builds the truth at the model clock's now.
 * @param gcFormat the GC QueueList format in use (default UCCE, nothing omitted)
 */
export function buildTruth(model: SimModel, gcFormat: GcQueueListFormat = DEFAULT_QUEUE_LIST_FORMAT): Truth {
  const now = model.now();
  return {
    at: now,
    paused: model.paused,
    rte: {
      queues: model.queues('rte').map((q) => {
        const f = rteQueueFigures(model, q.id);
        return {
          id: q.id,
          name: q.name,
          callsWaiting: f.callsWaiting,
          longestWaitingSec: waitSeconds(f.oldestArrivedAt, now),
          agentsReady: f.agentsReady,
          agentsTalking: f.agentsTalking,
          agentsWrapUp: f.agentsWrapUp,
          agentsNotReady: f.agentsNotReady,
          agentsLoggedIn: f.agentsLoggedIn,
          callsConnected: f.callsConnected,
        };
      }),
      users: model.agents('rte').map((a) => ({
        id: a.id,
        name: a.roster.fullName,
        state: a.state,
        reasonLabel: a.reasonLabel,
        stateSince: a.stateSince,
      })),
    },
    gc: {
      queues: gcTruthQueues(model, gcFormat, now),
      agents: model.agents('gc').map((a) => ({
        id: a.id,
        name: a.roster.fullName,
        state: a.state,
        reasonCodeId: a.reasonCodeId === null || a.reasonCodeId === '-1' || a.reasonCodeId === '' ? null : a.reasonCodeId,
        reasonLabel: a.reasonLabel === '' ? null : a.reasonLabel,
        stateSince: a.stateSince,
      })),
    },
  };
}

/** Per-queue counters since the model started (`GET /sim/stats`, not part of the contract's truth). */
export function buildStats(model: SimModel): { at: number; queues: { site: string; id: string; name: string; offered: number; answered: number; abandoned: number; answeredWithin20s: number }[] } {
  return {
    at: model.now(),
    queues: (['rte', 'gc'] as const).flatMap((site) => model.queues(site).map((q) => ({ site, id: q.id, name: q.name, ...q.counters }))),
  };
}
