/**
 * Ground truth (`GET /sim/truth`, docs/CONTRACTS.md "Simulator HTTP API"): what the board must
 * show right now. Queue figures come from the same functions that build the vendor messages
 * (sim/rte-wire.ts, sim/gc-wire.ts), so they equal what the last-published message says.
 */
import type { AgentState } from '../src/domain';
import { gcQueueFigures } from './gc-wire';
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

/** The whole truth document. `at` is epoch ms. */
export interface Truth {
  at: number;
  paused: boolean;
  rte: { queues: TruthRteQueue[]; users: TruthRteUser[] };
  gc: { queues: TruthGcQueue[]; agents: TruthGcAgent[] };
}

/** Builds the truth at the model clock's now. */
export function buildTruth(model: SimModel): Truth {
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
