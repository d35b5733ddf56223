/**
 * The seeded, deterministic contact-centre model behind every protocol server
 * (docs/CONTRACTS.md "Seeded entities"). Two sites (sim/site.ts): the Enreach RTE site
 * (6 queues, 24 users) and the Cisco/GC site (6 skill groups, 32 agents, 2 teams).
 *
 * Time: the model advances in fixed steps of `tickMs` (250 ms) on a grid starting at the
 * clock's time at construction, so for a seed and the same clock readings the run is
 * identical however late the timer fires. `start()` drives it from a real-time timer; tests
 * inject a manual {@link Clock} and call `advance()`.
 */
import type { SettableAgentState } from '../src/domain';
import { deriveSeed, mulberry32 } from './prng';
import { gcAgents, gcQueues, rteQueues, rteUsers } from './roster';
import { SiteSim } from './site';
import { SimCallLists } from './rte-calllists';
import type { CallFate, Clock, CommandResult, ModelChange, SimAlert, SimAgent, SimCall, SimCallEvent, SimCallRecord, SimQueue, Site } from './types';

export type * from './types';

/** Options of {@link SimModel}. */
export interface ModelOptions {
  /** PRNG seed (default 42). */
  readonly seed?: number;
  /** Clock (default the system clock). */
  readonly clock?: Clock;
  /** Step length in ms (default 250). */
  readonly tickMs?: number;
  /** Longest backlog (ms) `advance()` catches up; beyond it the model skips time as if paused (default 1 h). */
  readonly maxCatchUpMs?: number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Default seed (CONTRACTS.md: "default seed 42"). */
export const DEFAULT_SEED = 42;

const SITES: readonly Site[] = ['rte', 'gc'];

/** The simulator model. See the module comment for the time model. */
export class SimModel {
  readonly tickMs: number;
  /** The seed given at construction: what {@link reset} uses when given none. */
  readonly initialSeed: number;
  private currentSeed: number;
  private startTime: number;
  private readonly clock: Clock;
  private readonly maxCatchUpMs: number;
  private sites: Record<Site, SiteSim>;
  private lists: SimCallLists;
  private readonly alertLog: SimAlert[] = [];
  private alertSeq = 0;
  private readonly siteOfQueue = new Map<string, Site>();
  private readonly siteOfAgent = new Map<string, Site>();
  private readonly listeners = new Set<(c: ModelChange) => void>();
  private readonly lastSig = new Map<string, string>();
  private lastStepAt: number;
  private pausedAt: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Builds the model and draws the initial states (agents mid-call, a few calls waiting). */
  constructor(opts: ModelOptions = {}) {
    this.initialSeed = opts.seed ?? DEFAULT_SEED;
    this.currentSeed = this.initialSeed;
    this.clock = opts.clock ?? systemClock;
    this.tickMs = opts.tickMs ?? 250;
    this.maxCatchUpMs = opts.maxCatchUpMs ?? 3_600_000;
    this.startTime = this.clock.now();
    this.lastStepAt = this.startTime;
    this.sites = buildSites(this.currentSeed, this.startTime);
    this.lists = this.buildLists();
    for (const s of SITES) {
      for (const q of this.sites[s].queues) this.siteOfQueue.set(q.id, s);
      for (const a of this.sites[s].agents) {
        this.siteOfAgent.set(a.id, s);
        this.lastSig.set(a.id, signature(a));
      }
    }
  }

  /** PRNG seed of the current run (the constructor's, or the last {@link reset}'s). */
  get seed(): number {
    return this.currentSeed;
  }

  /** Epoch ms of construction or of the last {@link reset} (start of the step grid). */
  get startedAt(): number {
    return this.startTime;
  }

  /** Current time of the injected clock (epoch ms). */
  now(): number {
    return this.clock.now();
  }

  /** True while paused (no state changes, no arrivals; commands still apply). */
  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /** Starts the real-time timer that calls {@link advance} every `tickMs`. Idempotent. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.advance(), this.tickMs);
    this.timer.unref?.();
  }

  /** Stops the real-time timer. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Runs every whole step due up to the clock's now (none while paused). Emits the changed
   * agents and a `tick` after each step.
   */
  advance(): void {
    if (this.pausedAt !== null) return;
    const now = this.clock.now();
    const backlog = now - this.lastStepAt;
    if (backlog > this.maxCatchUpMs) this.skip(backlog - this.maxCatchUpMs);
    while (this.lastStepAt + this.tickMs <= now) {
      this.lastStepAt += this.tickMs;
      for (const s of SITES) this.sites[s].step(this.lastStepAt);
      this.lists.step(this.lastStepAt);
      this.flush(this.lastStepAt);
    }
  }

  /** Freezes the model (CONTRACTS.md `POST /sim/control/pause`), after running the steps already due. */
  pause(): void {
    if (this.pausedAt !== null) return;
    this.advance();
    this.pausedAt = this.clock.now();
  }

  /** Resumes; every scheduled time moves by the paused duration, so nothing fires in a burst. */
  resume(): void {
    if (this.pausedAt === null) return;
    const delta = Math.max(0, this.clock.now() - this.pausedAt);
    this.pausedAt = null;
    this.skip(delta);
    this.flush(this.clock.now());
  }

  /**
   * Test control (`POST /sim/control/reset`): re-seeds the model and draws its initial state
   * again at the clock's now, exactly as a fresh model with that seed would, then announces
   * every agent whose published state differs (and a `tick`) so protocol servers republish.
   * Listeners stay attached.
   * @param opts.seed PRNG seed (default the constructor's seed, see {@link initialSeed})
   * @param opts.paused start paused (true) or running (default false)
   */
  /**
   * Test control (`POST /sim/control/agent-name`, issue 15 "Hostile text"): from now on agent
   * `id` (RTE user or GC agent) is called `name` on every wire — RTE `UserName`, GC State
   * full name, AgentInfo and TeamUsersList (`FirstName` = `name`, `LastName` empty) — and is
   * republished at once. Until the next {@link reset}, which restores the roster's names.
   * @returns ok, or `UNKNOWN_AGENT`
   */
  renameAgent(id: string, name: string): { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string } {
    for (const s of SITES) {
      const a = this.sites[s].agent(id);
      if (!a) continue;
      (a as { roster: SimAgent['roster'] }).roster = { ...a.roster, firstName: name, lastName: '', fullName: name };
      this.lastSig.delete(id);
      this.sites[s].markDirtyId(id);
      this.flush(this.now());
      return { ok: true };
    }
    return { ok: false, code: 'UNKNOWN_AGENT', message: `No agent ${id}` };
  }

  /**
   * Test control (`POST /sim/control/queue-name`, issue 15 "Hostile text"): from now on
   * Enreach RTE queue `id` is called `name` in its QueueStatus `QueueName` (and the call and
   * alert events that name it), republished with the next tick. Until the next {@link reset},
   * which restores the roster's names. Generic Connector queues are named by their id
   * (`queue_name:<id>`), so they cannot be renamed.
   * @returns ok, or `UNKNOWN_QUEUE`
   */
  renameQueue(id: string, name: string): { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string } {
    const q = this.sites.rte.queues.find((x) => x.id === id);
    if (!q) return { ok: false, code: 'UNKNOWN_QUEUE', message: `No RTE queue ${id}` };
    (q as { name: string }).name = name;
    this.flush(this.now());
    return { ok: true };
  }

  reset(opts: { readonly seed?: number; readonly paused?: boolean } = {}): void {
    this.currentSeed = opts.seed ?? this.initialSeed;
    this.startTime = this.clock.now();
    this.lastStepAt = this.startTime;
    this.pausedAt = opts.paused ? this.startTime : null;
    this.sites = buildSites(this.currentSeed, this.startTime);
    this.lists = this.buildLists();
    this.alertLog.length = 0;
    for (const s of SITES) for (const a of this.sites[s].agents) this.sites[s].markDirtyId(a.id);
    this.flush(this.startTime);
  }

  /**
   * Test control (`POST /sim/control/step`): advances a paused model by `seconds` of simulated
   * time, or until `events` agent state changes have happened (at most 3600 simulated s),
   * at once and deterministically: the same seed, state and step give the same changes.
   * The simulated time passes instantly: every schedule is brought nearer tick by tick
   * (250 ms each), and what happens is stamped with the clock's now (calls arrive at most one
   * tick before it). The model stays paused.
   * @returns steps run (ticks), agent state changes counted, simulated ms
   * @throws Error when the model is not paused, or when neither or both of `seconds`
   *   (0..3600) and `events` (1..1000) are given
   */
  step(opts: { readonly seconds?: number; readonly events?: number }): { steps: number; events: number; simulatedMs: number } {
    if (this.pausedAt === null) throw new Error('step needs a paused model (POST /sim/control/pause first)');
    const { seconds, events } = opts;
    if ((seconds === undefined) === (events === undefined)) throw new Error('give either seconds or events');
    if (seconds !== undefined && !(Number.isFinite(seconds) && seconds >= 0 && seconds <= 3600)) throw new Error('seconds must be 0..3600');
    if (events !== undefined && !(Number.isInteger(events) && events >= 1 && events <= 1000)) throw new Error('events must be an integer 1..1000');
    this.settlePause();
    const at = Math.max(this.clock.now(), this.lastStepAt);
    const maxSteps = seconds !== undefined ? Math.round((seconds * 1000) / this.tickMs) : Math.round(3_600_000 / this.tickMs);
    let steps = 0;
    let changes = 0;
    while (steps < maxSteps && (events === undefined || changes < events)) {
      steps += 1;
      for (const s of SITES) {
        const site = this.sites[s];
        const before = site.agents.map((a) => a.state);
        site.shift(-this.tickMs, false);
        site.step(at);
        site.agents.forEach((a, i) => {
          if (a.state !== before[i]) changes += 1;
        });
      }
      this.lists.step(at);
      this.flush(at);
    }
    for (const s of SITES) this.sites[s].markWrapUpsDirty();
    this.flush(at);
    return { steps, events: changes, simulatedMs: steps * this.tickMs };
  }

  /**
   * Subscribes to changes; returns the unsubscribe function. Listeners run synchronously
   * after each step and command; a throwing listener is logged, never breaks the model.
   */
  onChange(listener: (c: ModelChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Agents of a site, in roster order (read-only live views). */
  agents(site: Site): readonly SimAgent[] {
    return this.sites[site].agents;
  }

  /** An agent of either site by id. */
  agent(id: string): SimAgent | undefined {
    const s = this.siteOfAgent.get(id);
    return s ? this.sites[s].agent(id) : undefined;
  }

  /** Queues of a site, in roster order. */
  queues(site: Site): readonly SimQueue[] {
    return this.sites[site].queues;
  }

  /** Calls waiting in a queue (not yet allocated to an agent), longest waiting first. */
  waitingCalls(queueId: string): readonly SimCall[] {
    const s = this.siteOfQueue.get(queueId);
    return s ? this.sites[s].waiting(queueId) : [];
  }

  /** The RTE site's callback lists. */
  get callLists(): SimCallLists {
    return this.lists;
  }

  /**
   * Test control (`POST /sim/control/callback`): a new request in RTE call list `listId`
   * now. Errors: UNKNOWN_LIST.
   */
  addCallback(listId: string, opts: { contactName?: string; dueInSec?: number }): { ok: true; id: string } | { ok: false; code: string; message: string } {
    if (!this.lists.hasList(listId)) return { ok: false, code: 'UNKNOWN_LIST', message: `Unknown call list ${listId}` };
    const at = this.commandTime();
    const item = this.lists.add(listId, opts, at);
    this.flush(at);
    return { ok: true, id: item.id };
  }

  /** Alerts raised since the last reset, oldest first (the truth). */
  alerts(): readonly SimAlert[] {
    return this.alertLog;
  }

  /**
   * Test control (`POST /sim/control/rte-alert`): raises an alert for RTE user `userId` now:
   * a UserQueueAlert for `queueId` when given, else a UserAlert (condition "Queue length" on
   * the user's first queue, value = its calls waiting). Errors: USER_NOT_FOUND, UNKNOWN_QUEUE.
   */
  raiseAlert(userId: string, queueId?: string): { ok: true; alert: SimAlert } | { ok: false; code: string; message: string } {
    const user = this.sites.rte.agent(userId);
    if (!user) return { ok: false, code: 'USER_NOT_FOUND', message: `Unknown RTE user ${userId}` };
    const at = this.commandTime();
    this.alertSeq += 1;
    let alert: SimAlert;
    if (queueId !== undefined) {
      const q = this.sites.rte.queues.find((x) => x.id === queueId);
      if (!q) return { ok: false, code: 'UNKNOWN_QUEUE', message: `Unknown RTE queue ${queueId}` };
      alert = { kind: 'queue', id: `queue:${q.id}`, userId, queueId: q.id, queueName: q.name, at };
    } else {
      const q = this.sites.rte.queues.find((x) => x.id === user.roster.queueIds[0]);
      const waiting = q ? this.waitingCalls(q.id).length : 0;
      alert = {
        kind: 'user',
        id: `a1e70000-0000-4000-8000-${String(this.alertSeq).padStart(12, '0')}`,
        userId,
        conditionName: `Queue length ${q?.name ?? ''}`.trim(),
        conditionExpression: 'NbrOfQueuingRequesters >= 0',
        conditionValue: '0',
        value: String(waiting),
        at,
      };
    }
    this.alertLog.push(alert);
    this.emit({ kind: 'alert', alert });
    return { ok: true, alert };
  }

  private buildLists(): SimCallLists {
    const rte = this.sites.rte;
    return new SimCallLists(mulberry32(deriveSeed(this.currentSeed, 'rte-lists')), this.startTime, () =>
      rte.agents.filter((a) => a.state !== 'LOGOUT').map((a) => a.id),
    );
  }

  /** RTE call steps since the last call (the hub publishes them), oldest first. */
  takeCallEvents(): SimCallEvent[] {
    return this.sites.rte.takeCallEvents();
  }

  /** Ended RTE calls (oldest first) and the live ones, for the truth's statistics. */
  rteCalls(): { readonly ended: readonly SimCallRecord[]; readonly live: readonly SimCall[] } {
    return { ended: this.sites.rte.history, live: [...this.sites.rte.calls.values()] };
  }

  /**
   * Test control (`POST /sim/control/queue-call`): a call arrives in RTE queue `queueId`
   * now; with a `fate` it is never offered and leaves after `afterSec` (abandon, overflow,
   * transfer), without one it waits for a READY user (abandoning after `afterSec`).
   * Publishes at once. Errors: UNKNOWN_QUEUE.
   */
  queueCall(queueId: string, fate: CallFate | undefined, afterSec: number): { ok: true; callId: string } | { ok: false; code: string; message: string } {
    const at = this.commandTime();
    const id = this.sites.rte.scriptedCall(queueId, fate, Math.round(afterSec * 1000), at);
    if (id === undefined) return { ok: false, code: 'UNKNOWN_QUEUE', message: `Unknown RTE queue ${queueId}` };
    this.flush(at);
    return { ok: true, callId: id };
  }

  /** Calls of a queue allocated to an agent (RESERVED, TALKING, HOLD). */
  allocatedCalls(queueId: string): number {
    const s = this.siteOfQueue.get(queueId);
    return s ? this.sites[s].allocated(queueId) : 0;
  }

  /** Calls of a queue answered and connected to an agent (TALKING, HOLD). */
  connectedCalls(queueId: string): number {
    const s = this.siteOfQueue.get(queueId);
    return s ? this.sites[s].connected(queueId) : 0;
  }

  /**
   * Sets an agent's state as a supervisor command would (Finesse semantics, see
   * SiteSim.command): READY/NOT_READY/WORK agents change at once, agents on a call get a
   * pending state. Works while paused. Errors: USER_NOT_FOUND, INVALID_STATE, INVALID_REASON_CODE.
   * @param reasonCodeId NOT_READY `1`..`6`, LOGOUT `20`; empty/absent → `-1`
   */
  setAgentState(id: string, state: SettableAgentState | string, reasonCodeId?: string): CommandResult {
    return this.agentCommand(id, (site, at) => site.command(id, state, reasonCodeId, at));
  }

  /**
   * Test control (`"force": true` on `POST /sim/control/agent-state`): puts the agent into
   * `state` at once whatever it is doing (drops its call, clears a pending state, no LOGIN
   * needed). Errors: USER_NOT_FOUND, INVALID_STATE, INVALID_REASON_CODE.
   */
  forceAgentState(id: string, state: SettableAgentState | string, reasonCodeId?: string): CommandResult {
    return this.agentCommand(id, (site, at) => site.force(id, state, reasonCodeId, at));
  }

  /**
   * Test control (`POST /sim/control/agent-call`): the agent answers a new call of `queueId`
   * (default its first queue) at once and talks for `durationSec` (default 60) simulated s;
   * a command meanwhile becomes its pending state. Errors: USER_NOT_FOUND, INVALID_STATE
   * (logged out or on a call), UNKNOWN_QUEUE (a queue it does not serve).
   */
  startCall(id: string, opts: { readonly queueId?: string; readonly durationSec?: number } = {}): CommandResult {
    return this.agentCommand(id, (site, at) =>
      site.startCall(id, opts.queueId, Math.round((opts.durationSec ?? 60) * 1000), at),
    );
  }

  /** Ends the agent's answered call now (GC TransferCall): wrap-up or its pending state follows. Errors: USER_NOT_FOUND, INVALID_STATE. */
  hangUp(id: string): CommandResult {
    return this.agentCommand(id, (site, at) => site.hangUp(id, at));
  }

  /** The call the agent handles (RESERVED, TALKING, HOLD), or undefined. */
  callOf(id: string): SimCall | undefined {
    const s = this.siteOfAgent.get(id);
    const a = s ? this.sites[s].agent(id) : undefined;
    return a && a.callId !== null && s ? this.sites[s].calls.get(a.callId) : undefined;
  }

  /** Finesse LOGIN: a logged-out agent becomes NOT_READY (reason -1). */
  login(id: string): CommandResult {
    return this.agentCommand(id, (site, at) => site.login(id, at));
  }

  /**
   * Runs an agent command on the agent's site at the command's time (see commandTime) and,
   * when it succeeds, publishes the changes. Errors: USER_NOT_FOUND for an unknown agent.
   */
  private agentCommand(id: string, run: (site: SiteSim, at: number) => CommandResult): CommandResult {
    const s = this.siteOfAgent.get(id);
    if (!s) return { ok: false, code: 'USER_NOT_FOUND', message: `Unknown agent ${id}` };
    const at = this.commandTime();
    const r = run(this.sites[s], at);
    if (r.ok) this.flush(at);
    return r;
  }

  /**
   * Runs the steps already due (so no later step is stamped before the command), then
   * returns the command's time.
   */
  private commandTime(): number {
    this.advance();
    this.settlePause();
    return Math.max(this.clock.now(), this.lastStepAt);
  }

  /**
   * While paused: moves every schedule by the pause so far, as if resumed and paused again
   * now, so what a command or step schedules next is not moved by time paused before it.
   */
  private settlePause(): void {
    if (this.pausedAt === null) return;
    const now = this.clock.now();
    this.skip(now - this.pausedAt);
    this.pausedAt = now;
  }

  private skip(delta: number): void {
    if (delta <= 0) return;
    for (const s of SITES) this.sites[s].shift(delta);
    this.lastStepAt += delta;
  }

  private flush(at: number): void {
    for (const s of SITES) {
      for (const id of this.sites[s].takeDirty()) {
        const a = this.sites[s].agent(id);
        if (!a) continue;
        const sig = signature(a);
        if (this.lastSig.get(id) === sig) continue;
        this.lastSig.set(id, sig);
        this.emit({ kind: 'agent', site: s, id });
      }
    }
    this.emit({ kind: 'tick', at });
  }

  private emit(c: ModelChange): void {
    for (const l of this.listeners) {
      try {
        l(c);
      } catch (err) {
        console.error('[sim] model listener failed:', err);
      }
    }
  }
}

function buildSites(seed: number, start: number): Record<Site, SiteSim> {
  return {
    rte: new SiteSim('rte', { queues: rteQueues(), agents: rteUsers() }, mulberry32(deriveSeed(seed, 'rte')), start, mulberry32(deriveSeed(seed, 'rte-calls'))),
    gc: new SiteSim('gc', { queues: gcQueues(), agents: gcAgents() }, mulberry32(deriveSeed(seed, 'gc')), start),
  };
}

function signature(a: SimAgent): string {
  return [a.state, a.reasonCodeId, a.reasonLabel, a.stateSince, a.pendingState, a.rteAway, a.availabilitySince, a.wrapUpEnd].join('|');
}

/** A manual clock for tests: `set(ms)` / `advance(ms)`. */
export function manualClock(start = Date.UTC(2026, 10, 22, 8, 0, 0)): Clock & { set(ms: number): void; advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
