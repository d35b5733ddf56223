/**
 * Ground truth (`GET /sim/truth`, docs/CONTRACTS.md "Simulator HTTP API"): what the board must
 * show right now. Queue figures come from the same functions that build the vendor messages
 * (sim/rte-wire.ts, sim/gc-wire.ts), so they equal what the last-published message says.
 */
import type { AgentState } from '../src/domain';
import { gcQueueFigures } from './gc-wire';
import type { SimModel } from './model';
import { rteQueueFigures, waitSeconds } from './rte-wire';
import { RTE_CALL_LIST_IDS } from './rte-calllists';

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

/** One GC skill group (UCCE QueueList figures, talking = sum of the three talking counts, wrap-up = both wrap-up counts). */
export interface TruthGcQueue {
  id: string;
  name: string;
  callsWaiting: number;
  agentsReady: number;
  agentsNotReady: number;
  agentsTalking: number;
  agentsWrapUp: number;
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

/**
 * The day statistics of one RTE queue as the board must compute them (issue 7): over the
 * calls that arrived since the model started (reset), answered within `thresholdSec`, short
 * abandons within `shortAbandonSec`; `serviceLevelPct` = within ÷ (answered + abandoned −
 * short) × 100, null when that is 0 ÷ 0; `avgWaitSec` rounded, null when none answered.
 */
export interface TruthRteStats {
  id: string;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  overflowed: number;
  transferred: number;
  answeredWithinThreshold: number;
  avgWaitSec: number | null;
  serviceLevelPct: number | null;
}

/** One live RTE call (`outcome` waiting / connected) in the truth. */
export interface TruthRteCall {
  callId: string;
  queueId: string;
  outcome: 'waiting' | 'connected';
  agentId: string | null;
  arrivedAt: number;
}

/** One RTE call list's figures (the board's names). */
export interface TruthRteCallList {
  id: string;
  open: number;
  assigned: number;
  freeForAllocation: number;
  overdue: number;
  dueNextHour: number;
  expiringToday: number;
  servingAgents: number;
}

/** One alert raised (the board's alarm id: AlertId, or `queue:<QueueId>`). */
export interface TruthRteAlert {
  id: string;
  kind: 'user' | 'queue';
  userId: string;
  condition: string;
  value: string | null;
  severity: 'alarm' | 'warn';
  at: number;
}

/** The whole truth document. `at` is epoch ms. */
export interface Truth {
  at: number;
  paused: boolean;
  rte: {
    queues: TruthRteQueue[];
    users: TruthRteUser[];
    stats: TruthRteStats[];
    calls: TruthRteCall[];
    callLists: TruthRteCallList[];
    alerts: TruthRteAlert[];
  };
  gc: { queues: TruthGcQueue[]; agents: TruthGcAgent[] };
}

/** Options of {@link buildTruth}: the statistics' thresholds in seconds (defaults 20 and 5, the board's). */
export interface TruthOptions {
  readonly thresholdSec?: number;
  readonly shortAbandonSec?: number;
}

/** The RTE day statistics per queue (see {@link TruthRteStats}). */
export function rteStats(model: SimModel, opts: TruthOptions = {}): TruthRteStats[] {
  const thr = (opts.thresholdSec ?? 20) * 1000;
  const short = (opts.shortAbandonSec ?? 5) * 1000;
  const since = model.startedAt;
  const { ended, live } = model.rteCalls();
  return model.queues('rte').map((q) => {
    const s = { offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, overflowed: 0, transferred: 0, within: 0, waitMs: 0 };
    const answer = (arrivedAt: number, answeredAt: number | null) => {
      if (answeredAt === null) return;
      s.answered += 1;
      s.waitMs += answeredAt - arrivedAt;
      if (answeredAt - arrivedAt <= thr) s.within += 1;
    };
    for (const c of ended) {
      if (c.queueId !== q.id || c.arrivedAt < since) continue;
      s.offered += 1;
      answer(c.arrivedAt, c.answeredAt);
      if (c.outcome === 'abandoned') {
        s.abandoned += 1;
        if (c.endedAt - c.arrivedAt <= short) s.shortAbandoned += 1;
      } else if (c.outcome === 'overflowed') s.overflowed += 1;
      else if (c.outcome === 'transferred') s.transferred += 1;
    }
    for (const c of live) {
      if (c.queueId !== q.id || c.arrivedAt < since) continue;
      s.offered += 1;
      answer(c.arrivedAt, c.answeredAt);
    }
    const base = s.answered + s.abandoned - s.shortAbandoned;
    return {
      id: q.id,
      offered: s.offered,
      answered: s.answered,
      abandoned: s.abandoned,
      shortAbandoned: s.shortAbandoned,
      overflowed: s.overflowed,
      transferred: s.transferred,
      answeredWithinThreshold: s.within,
      avgWaitSec: s.answered > 0 ? Math.round(s.waitMs / s.answered / 1000) : null,
      serviceLevelPct: base > 0 ? Math.min(100, (s.within / base) * 100) : null,
    };
  });
}

/** Builds the truth at the model clock's now. */
export function buildTruth(model: SimModel, opts: TruthOptions = {}): Truth {
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
      stats: rteStats(model, opts),
      calls: model.rteCalls().live.map((c) => ({
        callId: c.id,
        queueId: c.queueId,
        outcome: c.answeredAt === null ? ('waiting' as const) : ('connected' as const),
        agentId: c.agentId,
        arrivedAt: c.arrivedAt,
      })),
      callLists: RTE_CALL_LIST_IDS.map((id) => ({ id, ...model.callLists.figures(id, now) })),
      alerts: model.alerts().map((a) => ({
        id: a.id,
        kind: a.kind,
        userId: a.userId,
        condition: a.kind === 'queue' ? (a.queueName ?? a.queueId ?? '') : (a.conditionName ?? ''),
        value: a.value ?? null,
        severity: a.kind === 'queue' ? ('warn' as const) : ('alarm' as const),
        at: a.at,
      })),
    },
    gc: {
      queues: model.queues('gc').map((q) => {
        const f = gcQueueFigures(model, q.id);
        return {
          id: q.id,
          name: q.name,
          callsWaiting: f.callsWaiting,
          agentsReady: f.ready,
          agentsNotReady: f.notReady,
          agentsTalking: f.talkingInbound + f.talkingOutbound + f.talkingInternal,
          agentsWrapUp: f.wrapUpReady + f.wrapUpNotReady,
        };
      }),
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
