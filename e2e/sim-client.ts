import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './ports';

/** Ground truth as `GET /sim/truth` answers it (docs/CONTRACTS.md). */
export interface Truth {
  at: number;
  paused: boolean;
  rte: { queues: TruthQueue[]; users: TruthAgent[] };
  gc: { queues: TruthQueue[]; agents: TruthAgent[] };
}
/** A queue in the ground truth; absent figures are not sent by that vendor. */
export interface TruthQueue {
  id: string;
  name: string;
  callsWaiting?: number;
  longestWaitingSec?: number;
  agentsReady?: number;
  agentsNotReady?: number;
  agentsTalking?: number;
  agentsWrapUp?: number;
}
/** An agent in the ground truth. */
export interface TruthAgent {
  id: string;
  name: string;
  state: string;
  reasonCodeId?: string | null;
  reasonLabel?: string | null;
  stateSince: number;
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(`${E2E.simHttpUrl}${path}`, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** Answer of `POST /sim/control/step`: ticks run, agent state changes, simulated ms. */
export interface StepResult {
  steps: number;
  events: number;
  simulatedMs: number;
  at: number;
}

async function post<T>(what: string, body?: unknown): Promise<T> {
  const res = await call(`/sim/control/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/**
 * Test controls of the simulator (docs/CONTRACTS.md "Simulator HTTP API"). Every call throws
 * on a non-2xx answer, with the simulator's error text.
 */
export const sim = {
  truth: async (): Promise<Truth> => (await call('/sim/truth')).json() as Promise<Truth>,
  control: async (what: string, body?: unknown): Promise<void> => {
    await post(what, body);
  },
  /** Re-seeds the model to its initial state (default seed: the simulator's), clears logs; paused unless `paused: false`. */
  reset: async (opts: { seed?: number; paused?: boolean } = {}): Promise<void> => {
    await post('reset', { paused: true, ...opts });
  },
  /** Advances the paused model by simulated seconds or agent state changes, at once. */
  step: (by: { seconds: number } | { events: number }): Promise<StepResult> => post<StepResult>('step', by),
  /**
   * Puts an agent into a state at once, whatever it does (`force`: drops its call, no LOGIN
   * needed); `reasonCodeId` NOT_READY 1..6, LOGOUT 20.
   */
  forceAgentState: async (id: string, state: 'READY' | 'NOT_READY' | 'LOGOUT', reasonCodeId?: string): Promise<void> => {
    await post('agent-state', { id, state, force: true, ...(reasonCodeId !== undefined ? { reasonCodeId } : {}) });
  },
  /** The agent answers a new call at once and talks for `durationSec` simulated seconds. */
  startCall: async (id: string, durationSec: number): Promise<void> => {
    await post('agent-call', { id, durationSec });
  },
  hubLog: async (): Promise<{
    connections: { id: string; openedAt: number; closedAt?: number; invocations: { at: number; target: string; arguments: unknown[] }[] }[];
  }> => (await call('/sim/hub/log')).json(),
  gcCommands: async (): Promise<{ at: number; headers: Record<string, string>; body: string }[]> =>
    (await call('/sim/gc/commands')).json(),
};

/**
 * Registers the usual pair of hooks of a spec that drives the model itself: before each test
 * the simulator is reset to its seeded initial state, paused (the model moves only by `step`
 * and the controls); after all tests it is reset running, as a run starts it, for specs that
 * do not reset it. Call it at the top of the file or of a `test.describe`, before any other
 * `beforeEach`, so the reset runs first.
 */
export function resetPausedForEachTest(): void {
  test.beforeEach(async () => {
    await sim.reset({ paused: true });
  });
  test.afterAll(async () => {
    await sim.reset({ paused: false });
  });
}

/** The tile of Generic Connector agent `id` (e.g. `agent2005`). */
export function gcTile(page: Page, id: string): Locator {
  return page.locator(`[data-testid="agent-tile"][data-source="gc"][data-agent-id="${id}"]`);
}

/** Business ConneCT simulator (docs/CONTRACTS.md "BCT simulator"): truth and command log. */
export const bctSim = {
  truth: async (): Promise<{
    routers: Record<string, number | string>[];
    alarms: { id: string; source: string; message: string; dateTime: string }[];
    agents: { name: string; state: string; reason?: string }[];
  }> => (await call('/sim/bct/truth')).json(),
  commands: async (): Promise<{ at: number; headers: Record<string, string>; body: string; answered: string }[]> => (await call('/sim/bct/commands')).json(),
};

/** A UCCX team as `GET /sim/uccx/truth` lists it (docs/CONTRACTS.md "UCCX simulator"). */
export interface UccxTeamTruth {
  teamId: string;
  teamName: string;
  supervisors: string[];
  members: { memberId: string; memberType: string; memberName: string; status: string; reason: string }[];
}

/** OpenMethods UCCX simulator (docs/CONTRACTS.md "UCCX simulator"): truth and request log. */
export const uccxSim = {
  truth: async (): Promise<{ teams: UccxTeamTruth[]; reports: Record<string, number>; begins: Record<string, number>; journeys: string[] }> =>
    (await call('/sim/uccx/truth')).json(),
  requests: async (): Promise<{ at: number; headers: Record<string, string>; body: string; answered: string }[]> => (await call('/sim/uccx/requests')).json(),
};

/** A queue tile's figures as the board shows them (`data-value` of each figure). */
export interface BoardQueue extends Omit<TruthQueue, 'name'> {
  source: string;
}

/** Reads every queue tile's figures from the page. */
export async function readBoardQueues(page: Page): Promise<BoardQueue[]> {
  return page.$$eval('[data-testid="queue-tile"]', (tiles) =>
    tiles.map((t) => {
      const num = (id: string) => {
        const v = t.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');
        return v === null || v === undefined || v === '' ? undefined : Number(v);
      };
      return {
        id: t.getAttribute('data-queue-id') ?? '',
        source: t.getAttribute('data-source') ?? '',
        callsWaiting: num('queue-calls-waiting'),
        longestWaitingSec: num('queue-longest-waiting'),
        agentsReady: num('queue-agents-ready'),
        agentsNotReady: num('queue-agents-not-ready'),
        agentsTalking: num('queue-agents-talking'),
        agentsWrapUp: num('queue-agents-wrapup'),
      };
    }),
  );
}

/** Reads the agent tiles' id, source and state from the page (default: the sources the simulator's `/sim/truth` covers). */
export async function readBoardAgents(page: Page, sources: readonly string[] = ['rte', 'gc']): Promise<{ id: string; source: string; state: string }[]> {
  const all = await page.$$eval('[data-testid="agent-tile"]', (tiles) =>
    tiles.map((t) => ({
      id: t.getAttribute('data-agent-id') ?? '',
      source: t.getAttribute('data-source') ?? '',
      state: t.getAttribute('data-state') ?? '',
    })),
  );
  return all.filter((a) => sources.includes(a.source));
}

const FIGURES = ['callsWaiting', 'agentsReady', 'agentsNotReady', 'agentsTalking', 'agentsWrapUp'] as const;

/**
 * Differences between the board's queues and the truth's, as readable lines (empty when
 * equal). Counts must match exactly; longest waiting within `toleranceSec` (the board
 * ticks from a stored timestamp once a second). `rteLagSec` (default 0) lets an RTE queue's
 * longest wait read up to that many seconds SHORT, never long: RTE QueueStatus carries no
 * timestamp (rte doc "Event: QueueStatus"), so a page that processed it late dates
 * MaxWaitTime late until the queue's next QueueStatus, and the hub sends none while only the
 * wait grows.
 */
export function diffQueues(board: BoardQueue[], truth: Truth, toleranceSec = 2, rteLagSec = 0): string[] {
  const out: string[] = [];
  const expected = [
    ...truth.rte.queues.map((q) => ({ ...q, source: 'rte' })),
    ...truth.gc.queues.map((q) => ({ ...q, source: 'gc' })),
  ];
  for (const q of expected) {
    const b = board.find((x) => x.id === q.id && x.source === q.source);
    if (!b) {
      out.push(`${q.source}:${q.id} missing on the board`);
      continue;
    }
    for (const f of FIGURES) {
      if (q[f] !== undefined && b[f] !== q[f]) out.push(`${q.source}:${q.name} ${f}: board ${b[f]} truth ${q[f]}`);
    }
    const tw = q.longestWaitingSec ?? 0;
    const bw = b.longestWaitingSec ?? 0;
    const short = q.source === 'rte' ? rteLagSec : 0;
    if (bw - tw > toleranceSec || tw - bw > toleranceSec + short) out.push(`${q.source}:${q.name} longestWaitingSec: board ${bw} truth ${tw}`);
  }
  return out;
}

/** Waits until every configured source reports `live`. */
export async function expectAllLive(page: Page, timeout = 10_000): Promise<void> {
  for (const source of ['rte', 'gc']) {
    await expect(page.locator(`[data-testid="connection-status"][data-source="${source}"]`).first()).toHaveAttribute(
      'data-status',
      'live',
      { timeout },
    );
  }
}

/**
 * Waits until every queue and agent of the simulator is on the board. The Generic
 * Connector sends no snapshot on subscribe: its roster comes with the next QueueList /
 * TeamUsersList (every 5 s at most), so a board that just connected may lack it briefly.
 */
export async function waitForRoster(page: Page, timeout = 8_000): Promise<void> {
  const truth = await sim.truth();
  const queues = truth.rte.queues.length + truth.gc.queues.length;
  const agents = truth.rte.users.length + truth.gc.agents.length;
  await expect.poll(async () => (await readBoardQueues(page)).length, { timeout }).toBe(queues);
  await expect.poll(async () => (await readBoardAgents(page)).length, { timeout }).toBe(agents);
}

/** One request the simulated CIL library received (`GET /sim/cil/requests`). */
export interface CilRequest {
  at: number;
  agentId: string;
  method: string;
  args: unknown[];
}

async function cilPost<T>(path: string, body?: unknown): Promise<T> {
  const res = await call(`/sim/cil/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** The simulator's b+s Connects CIL controls (docs/CONTRACTS.md "b+s Connects CIL"). */
export const cilSim = {
  /** The host page (the ServiceNow UI Page's role) for `agent`, embedding the wallboard at `appPath` (relative to the app). */
  hostUrl(agent: string, appPath: string): string {
    return `${E2E.simHttpUrl}/sim/cil/host?agent=${encodeURIComponent(agent)}&app=${encodeURIComponent(`${E2E.appUrl}${appPath}`)}`;
  },
  reset: (agents?: string[]) => cilPost<{ ok: true }>('control/reset', agents ? { agents } : {}),
  failNextRequest: (message: string) => cilPost<{ ok: true }>('control/fail-next-request', { message }),
  workitem: (body: { agent?: string; action: string; workitemId?: string; ani?: string; queueName?: string; callVariables?: Record<string, string> }) =>
    cilPost<{ ok: true; id: string; state: string }>('control/workitem', body),
  event: (name: string, data: unknown, agent = 'agent2001') => cilPost<{ ok: true }>('control/event', { agent, name, data }),
  requests: async (): Promise<CilRequest[]> => (await call('/sim/cil/requests')).json() as Promise<CilRequest[]>,
};
