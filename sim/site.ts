/**
 * One simulated contact-centre site (the Enreach RTE site or the Cisco/GC site): queues with
 * Poisson call arrivals, agents moving through Finesse-like states, calls offered longest
 * waiting first to the longest-idle READY agent, abandons after a random patience.
 * Driven step by step by {@link SimModel} (sim/model.ts); all times are epoch ms.
 */
import type { SettableAgentState } from '../src/domain';
import type { Rng } from './prng';
import { REASON_CODES, reasonCode, type RosterAgent, type RosterQueue } from './roster';
import type { CallFate, CommandResult, QueueCounters, RteAway, SimAgent, SimCall, SimCallEvent, SimCallRecord, SimQueue, SimState, Site } from './types';

const SEC = 1000;
/** Answered within this many ms counts for the service level (20 s). */
const SL_THRESHOLD_MS = 20 * SEC;
const NOT_READY_REASONS = REASON_CODES.filter((r) => r.category === 'NOT_READY');

interface AgentRec extends SimAgent {
  state: SimState;
  /** Reason code id of the current state, both sites: `''` none, `-1` none given, else the code. */
  reasonKey: string;
  reasonCodeId: string | null;
  reasonLabel: string | null;
  stateSince: number;
  pendingState: SettableAgentState | null;
  pendingReasonCodeId: string | null;
  callId: string | null;
  rteAway: RteAway | null;
  availabilitySince: number;
  wrapUpEnd: number | null;
  /** When the model moves this agent next (epoch ms), or null. */
  until: number | null;
  holdDone: boolean;
  /** State planned after wrap-up. */
  after: { state: 'READY' | 'NOT_READY'; reasonCodeId: string } | null;
}

interface QueueRec extends SimQueue {
  counters: QueueCounters;
  nextArrivalAt: number;
}

interface CallRec extends SimCall {
  abandonAt: number;
  answeredAt: number | null;
  agentId: string | null;
  fate: CallFate;
  /** A scripted call (test control) that is never offered to an agent. */
  noOffer: boolean;
}

/** Share of unanswered RTE calls that overflow / are transferred instead of being abandoned. */
const OVERFLOW_SHARE = 0.2;
const TRANSFER_SHARE = 0.1;

/** Per-site simulation state and rules. Not used directly by protocol servers: see SimModel. */
export class SiteSim {
  readonly agents: AgentRec[];
  readonly queues: QueueRec[];
  readonly calls = new Map<string, CallRec>();
  /** Ids of agents changed since the last {@link takeDirty}. */
  private readonly dirty = new Set<string>();
  private readonly agentById = new Map<string, AgentRec>();
  private callSeq = 0;
  private wave = 1;
  private waveUntil: number;
  /** RTE call steps not yet published (drained by the hub). */
  private readonly callEvents: SimCallEvent[] = [];
  /** Ended calls (RTE), oldest first, for the truth's statistics. */
  readonly history: SimCallRecord[] = [];
  private recording = false;

  /**
   * @param site which site (`rte` users skip RESERVED/HOLD/WORK_READY)
   * @param rng this site's random stream
   * @param start epoch ms of the model start; initial states are drawn around it
   */
  constructor(
    readonly site: Site,
    roster: { queues: RosterQueue[]; agents: RosterAgent[] },
    private readonly rng: Rng,
    start: number,
    /** A separate stream for call fates and numbers, so the agents' draws stay as they were. */
    private readonly callRng: Rng = rng,
  ) {
    this.waveUntil = start + rng.uniform(60, 180) * SEC;
    this.queues = roster.queues.map((q) => ({
      ...q,
      site,
      counters: { offered: 0, answered: 0, abandoned: 0, answeredWithin20s: 0 },
      nextArrivalAt: start + rng.exp(60 * SEC / q.ratePerMin),
    }));
    this.agents = roster.agents.map((r) => this.initialAgent(r, start));
    for (const a of this.agents) this.agentById.set(a.id, a);
    for (const q of this.queues) {
      const n = rng.int(0, 2);
      for (let i = 0; i < n; i++) this.newCall(q, start - Math.round(rng.uniform(0, 25) * SEC));
    }
    // From here on (after the initial draw) RTE call steps are published and recorded.
    this.recording = site === 'rte';
  }

  /** Returns and clears the RTE call steps since the last call. */
  takeCallEvents(): SimCallEvent[] {
    return this.callEvents.splice(0);
  }

  private callEvent(c: CallRec, step: SimCallEvent['step'], at: number, extra: { agentId?: string; detail?: string } = {}): void {
    if (!this.recording) return;
    this.callEvents.push({ step, callId: c.id, queueId: c.queueId, callerNumber: c.callerNumber, at, ...extra });
    if (this.callEvents.length > 10_000) this.callEvents.splice(0, 1_000); // nobody drains (no hub): keep it bounded
  }

  private ended(c: CallRec, at: number, outcome: SimCallRecord['outcome']): void {
    if (!this.recording) return;
    this.history.push({ callId: c.id, queueId: c.queueId, arrivedAt: c.arrivedAt, answeredAt: c.answeredAt, endedAt: at, outcome });
    if (this.history.length > 20_000) this.history.splice(0, 5_000);
  }

  /**
   * Test control (`POST /sim/control/queue-call`): a call arrives in `queueId` now. With a
   * `fate` it is never offered to an agent and leaves after `afterMs` (abandon, overflow,
   * transfer); without one it waits for a READY user as usual (patience `afterMs`, then abandons).
   * @returns the call id, or undefined for an unknown queue
   */
  scriptedCall(queueId: string, fate: CallFate | undefined, afterMs: number, t: number): string | undefined {
    const q = this.queues.find((x) => x.id === queueId);
    if (!q) return undefined;
    const c = this.newCall(q, t);
    c.abandonAt = t + afterMs;
    c.fate = fate ?? 'abandon';
    c.noOffer = fate !== undefined;
    return c.id;
  }

  /** Agent by id, or undefined. */
  agent(id: string): SimAgent | undefined {
    return this.agentById.get(id);
  }

  /** Returns and clears the ids of agents whose state changed. */
  takeDirty(): string[] {
    const ids = [...this.dirty];
    this.dirty.clear();
    return ids;
  }

  /**
   * Shifts every scheduled time by `deltaMs` (pause/resume: nothing happens while paused;
   * a negative delta brings every schedule nearer, as `SimModel.step` does).
   * @param markDirty mark WORK agents changed (their wire `wrapUpEnd` moved); default true
   */
  shift(deltaMs: number, markDirty = true): void {
    this.waveUntil += deltaMs;
    for (const q of this.queues) q.nextArrivalAt += deltaMs;
    for (const c of this.calls.values()) c.abandonAt += deltaMs;
    for (const a of this.agents) {
      if (a.until !== null) a.until += deltaMs;
      if (a.wrapUpEnd !== null && a.state === 'WORK') {
        a.wrapUpEnd += deltaMs;
        if (markDirty) this.dirty.add(a.id);
      }
    }
  }

  /** Marks an agent changed, so the model compares and republishes it (after a reset). */
  markDirtyId(id: string): void {
    this.dirty.add(id);
  }

  /** Marks every agent in wrap-up changed (after shifts done with `markDirty` false). */
  markWrapUpsDirty(): void {
    for (const a of this.agents) if (a.wrapUpEnd !== null && a.state === 'WORK') this.dirty.add(a.id);
  }

  /** Advances the site to time `t` (one model tick): arrivals, abandons, timers, offering. */
  step(t: number): void {
    if (t >= this.waveUntil) {
      this.wave = this.rng.uniform(0.65, 1.45);
      this.waveUntil = t + this.rng.uniform(90, 240) * SEC;
    }
    for (const q of this.queues) {
      while (q.nextArrivalAt <= t) {
        this.newCall(q, Math.round(q.nextArrivalAt));
        q.nextArrivalAt += this.rng.exp((60 * SEC) / (q.ratePerMin * this.wave));
      }
    }
    for (const c of [...this.calls.values()]) {
      if (c.agentId === null && c.abandonAt <= t) {
        this.calls.delete(c.id);
        this.queueById(c.queueId).counters.abandoned += 1;
        if (c.fate === 'overflow') {
          this.callEvent(c, 'overflow', t, { detail: 'Overflow' });
          this.ended(c, t, 'overflowed');
        } else if (c.fate === 'transfer') {
          this.callEvent(c, 'transferStarted', t, { detail: '+358 9 555 0100' });
          this.callEvent(c, 'transferConnected', t, { detail: '+358 9 555 0100' });
          this.ended(c, t, 'transferred');
        } else {
          this.callEvent(c, 'disconnected', t, { detail: 'remote' });
          this.ended(c, t, 'abandoned');
        }
      }
    }
    for (const a of this.agents) if (a.until !== null && a.until <= t) this.onTimer(a, t);
    this.offer(t);
  }

  /** Calls waiting in a queue (not yet allocated), longest waiting first. */
  waiting(queueId: string): SimCall[] {
    return this.waitingCalls().filter((c) => c.queueId === queueId);
  }

  /** Number of calls of a queue allocated to an agent (RESERVED, TALKING or HOLD). */
  allocated(queueId: string): number {
    let n = 0;
    for (const c of this.calls.values()) if (c.queueId === queueId && c.agentId !== null) n += 1;
    return n;
  }

  /** Number of calls of a queue answered and still connected to an agent. */
  connected(queueId: string): number {
    let n = 0;
    for (const c of this.calls.values()) if (c.queueId === queueId && c.answeredAt !== null) n += 1;
    return n;
  }

  /**
   * Applies a supervisor/agent command (READY, NOT_READY, LOGOUT), Finesse semantics:
   * READY/NOT_READY/WORK agents change at once; RESERVED/TALKING/HOLD agents get a pending
   * state applied when the call ends; a logged-out GC agent must LOGIN first.
   * @param reasonCodeId `''`/undefined → `-1` for NOT_READY and LOGOUT
   */
  command(id: string, target: string, reasonCodeId: string | undefined, t: number): CommandResult {
    const a = this.agentById.get(id);
    if (!a) return { ok: false, code: 'USER_NOT_FOUND', message: `Unknown agent ${id}` };
    if (target !== 'READY' && target !== 'NOT_READY' && target !== 'LOGOUT') {
      return { ok: false, code: 'INVALID_STATE', message: `Cannot set state ${target}` };
    }
    let reason = '';
    if (target !== 'READY') {
      reason = reasonCodeId === undefined || reasonCodeId === '' ? '-1' : reasonCodeId;
      if (reason !== '-1' && !reasonCode(reason, target)) {
        return { ok: false, code: 'INVALID_REASON_CODE', message: `Reason code ${reason} is not a ${target} reason` };
      }
    }
    if (a.state === 'LOGOUT' && target !== 'LOGOUT' && this.site === 'gc') {
      return { ok: false, code: 'INVALID_STATE', message: `Agent ${id} is logged out` };
    }
    if (a.callId !== null) {
      const changed = a.pendingState !== target || a.pendingReasonCodeId !== reason;
      a.pendingState = target;
      a.pendingReasonCodeId = reason;
      if (changed) this.dirty.add(a.id);
      return { ok: true, changed };
    }
    if (a.state === target && (a.reasonKey === reason || (this.site === 'rte' && this.sameOnRteWire(a, reason)))) {
      return { ok: true, changed: false };
    }
    this.enter(a, target, t, reason, { commanded: true });
    return { ok: true, changed: true };
  }

  /** LOGIN (Finesse): a logged-out agent becomes NOT_READY with reason -1. */
  login(id: string, t: number): CommandResult {
    const a = this.agentById.get(id);
    if (!a) return { ok: false, code: 'USER_NOT_FOUND', message: `Unknown agent ${id}` };
    if (a.state !== 'LOGOUT') return { ok: true, changed: false };
    this.enter(a, 'NOT_READY', t, '-1', { commanded: true });
    return { ok: true, changed: true };
  }

  /**
   * Test control (`"force": true` of `POST /sim/control/agent-state`): puts the agent into
   * `target` at once whatever it does now. A call it handles is dropped (it leaves the queue
   * unanswered), a pending state is cleared, a logged-out GC agent needs no LOGIN. The agent
   * then stays as long as a commanded state does (paused model: until resumed or stepped).
   * Errors: USER_NOT_FOUND, INVALID_STATE (not READY/NOT_READY/LOGOUT), INVALID_REASON_CODE.
   * @param reasonCodeId NOT_READY `1`..`6`, LOGOUT `20`; `''`/undefined → `-1`
   */
  force(id: string, target: string, reasonCodeId: string | undefined, t: number): CommandResult {
    const a = this.agentById.get(id);
    if (!a) return { ok: false, code: 'USER_NOT_FOUND', message: `Unknown agent ${id}` };
    if (target !== 'READY' && target !== 'NOT_READY' && target !== 'LOGOUT') {
      return { ok: false, code: 'INVALID_STATE', message: `Cannot set state ${target}` };
    }
    const reason = target === 'READY' ? '' : reasonCodeId === undefined || reasonCodeId === '' ? '-1' : reasonCodeId;
    if (target !== 'READY' && reason !== '-1' && !reasonCode(reason, target)) {
      return { ok: false, code: 'INVALID_REASON_CODE', message: `Reason code ${reason} is not a ${target} reason` };
    }
    if (a.callId !== null) this.dropCall(a.callId, t);
    a.callId = null;
    a.after = null;
    const changed = a.state !== target || a.reasonKey !== reason || a.pendingState !== null;
    if (changed) this.enter(a, target, t, reason, { commanded: true });
    return { ok: true, changed };
  }

  /**
   * Test control (`POST /sim/control/agent-call`): a new call arrives in `queueId` (default the
   * agent's first queue) and the agent answers it at once: TALKING (no RESERVED, no HOLD) until
   * `t + durationMs`, then wrap-up as usual, or the pending state a command set meanwhile.
   * Errors: USER_NOT_FOUND; INVALID_STATE when the agent is logged out or already on a call;
   * UNKNOWN_QUEUE when the queue is not one the agent serves.
   */
  startCall(id: string, queueId: string | undefined, durationMs: number, t: number): CommandResult {
    const a = this.agentById.get(id);
    if (!a) return { ok: false, code: 'USER_NOT_FOUND', message: `Unknown agent ${id}` };
    if (a.state === 'LOGOUT' || a.callId !== null) {
      return { ok: false, code: 'INVALID_STATE', message: `Agent ${id} is ${a.callId !== null ? 'on a call' : 'logged out'}` };
    }
    const qid = queueId ?? a.roster.queueIds[0];
    const q = this.queues.find((x) => x.id === qid);
    if (!q || !a.roster.queueIds.includes(q.id)) return { ok: false, code: 'UNKNOWN_QUEUE', message: `Agent ${id} does not serve queue ${qid ?? ''}` };
    a.after = null;
    const c = this.newCall(q, t);
    this.answer(a, c, t);
    a.holdDone = true;
    a.until = t + durationMs;
    return { ok: true, changed: true };
  }

  // ---- internals ------------------------------------------------------------------------

  /** RTE has no reason codes: LOGOUT is LOGOUT, NOT_READY differs only by its label (Note). */
  private sameOnRteWire(a: AgentRec, reason: string): boolean {
    if (a.state === 'LOGOUT') return true;
    const label = reason === '-1' ? 'Not serving' : reasonCode(reason, 'NOT_READY')?.label;
    return a.state === 'NOT_READY' && a.reasonLabel === label;
  }

  private queueById(id: string): QueueRec {
    const q = this.queues.find((x) => x.id === id);
    if (!q) throw new Error(`no queue ${id}`);
    return q;
  }

  private waitingCalls(): CallRec[] {
    return [...this.calls.values()]
      .filter((c) => c.agentId === null)
      .sort((x, y) => x.arrivedAt - y.arrivedAt || (x.id < y.id ? -1 : 1));
  }

  private newCall(q: QueueRec, arrivedAt: number): CallRec {
    this.callSeq += 1;
    const abandonAt = arrivedAt + Math.round(this.rng.uniform(30, 150) * SEC);
    const r = this.site === 'rte' ? this.callRng.next() : 1;
    const c: CallRec = {
      // RTE CallIds are GUIDs (rte doc "CallId Guid").
      id: this.site === 'rte' ? `ca110000-0000-4000-8000-${String(this.callSeq).padStart(12, '0')}` : `${this.site}-call-${this.callSeq}`,
      queueId: q.id,
      arrivedAt,
      abandonAt,
      answeredAt: null,
      agentId: null,
      callerNumber: this.site === 'rte' ? `+358 40 ${String(1_000_000 + Math.floor(this.callRng.next() * 8_999_999)).slice(0, 7)}` : '',
      fate: r < OVERFLOW_SHARE ? 'overflow' : r < OVERFLOW_SHARE + TRANSFER_SHARE ? 'transfer' : 'abandon',
      noOffer: false,
    };
    this.calls.set(c.id, c);
    q.counters.offered += 1;
    this.callEvent(c, 'coming', arrivedAt);
    this.callEvent(c, 'arrived', arrivedAt);
    return c;
  }

  /** A call dropped because its agent was forced out of it: it ends as answered. */
  private dropCall(callId: string, t: number): void {
    const c = this.calls.get(callId);
    this.calls.delete(callId);
    if (!c) return;
    this.callEvent(c, 'disconnected', t, { detail: 'local', ...(c.agentId ? { agentId: c.agentId } : {}) });
    this.ended(c, t, c.answeredAt !== null ? 'answered' : 'abandoned');
  }

  private initialAgent(r: RosterAgent, t: number): AgentRec {
    const a: AgentRec = {
      site: this.site, id: r.id, roster: r, state: 'LOGOUT', reasonKey: '-1', reasonCodeId: null, reasonLabel: null,
      stateSince: t, pendingState: null, pendingReasonCodeId: null, callId: null, rteAway: null,
      availabilitySince: t, wrapUpEnd: null, until: null, holdDone: false, after: null,
    };
    const rng = this.rng;
    const p = rng.next();
    const ago = (maxSec: number): number => t - Math.round(rng.uniform(0, maxSec) * SEC);
    if (p < 0.08) {
      this.enter(a, 'LOGOUT', ago(900), '-1', { until: t + Math.round(rng.uniform(20, 240) * SEC) });
    } else if (p < 0.24) {
      const until = t + Math.round(rng.uniform(5, 90) * SEC);
      this.enter(a, 'NOT_READY', ago(300), rng.pick(NOT_READY_REASONS).id, { until });
    } else if (p < 0.5) {
      this.enter(a, 'READY', ago(40), '');
    } else if (p < 0.62) {
      a.after = { state: 'READY', reasonCodeId: '' };
      const wrap = this.site === 'gc' && rng.chance(0.5) ? 'WORK_READY' : 'WORK';
      this.enter(a, wrap, ago(5), '', { until: t + Math.round(rng.uniform(1, 8) * SEC) });
    } else {
      const q = this.queueById(rng.pick(r.queueIds));
      const since = ago(40);
      const c = this.newCall(q, since - Math.round(rng.uniform(0, 25) * SEC));
      this.answer(a, c, since);
      a.until = t + Math.round(rng.uniform(3, 40) * SEC);
    }
    a.availabilitySince = Math.min(a.availabilitySince, a.stateSince);
    this.dirty.delete(a.id);
    return a;
  }

  /**
   * Puts an agent into a state at time `t` and schedules its next move.
   * @param reason reason code id for NOT_READY/LOGOUT (`-1` = none), `''` otherwise
   * @param opts `commanded`: a command put it there (longer stays); `until`: next move (epoch ms);
   *   `keepPending`: keep the pending state (the call goes on)
   */
  private enter(
    a: AgentRec,
    state: SimState,
    t: number,
    reason: string,
    opts: { commanded?: boolean; until?: number; keepPending?: boolean } = {},
  ): void {
    const rng = this.rng;
    const { commanded = false, until } = opts;
    const prevAvail = this.availabilityKey(a);
    a.state = state;
    a.stateSince = t;
    if (!opts.keepPending) {
      a.pendingState = null;
      a.pendingReasonCodeId = null;
    }
    a.wrapUpEnd = null;
    a.rteAway = null;
    const usesReason = state === 'NOT_READY' || state === 'LOGOUT';
    a.reasonKey = usesReason ? reason || '-1' : '';
    a.reasonCodeId = usesReason ? a.reasonKey : null;
    const rc = usesReason ? reasonCode(a.reasonKey, state) : undefined;
    a.reasonLabel = rc ? rc.label : null;
    if (this.site === 'rte') {
      a.reasonCodeId = null;
      if (state === 'NOT_READY') {
        a.rteAway = rc === undefined ? 'notServing' : rc.id === '3' ? 'busy' : 'dnd';
        if (a.rteAway === 'notServing') a.reasonLabel = 'Not serving';
      } else {
        a.reasonLabel = null;
      }
    }
    const secs = (lo: number, hi: number): number => t + Math.round(rng.uniform(lo, hi) * SEC);
    switch (state) {
      case 'READY':
        a.until = until ?? t + Math.round(rng.exp(360) * SEC);
        break;
      case 'NOT_READY':
        a.until = until ?? (reason === '-1' && !commanded ? secs(2, 6) : commanded ? secs(60, 180) : secs(20, 120));
        break;
      case 'LOGOUT':
        a.until = until ?? (commanded ? secs(120, 300) : secs(60, 240));
        break;
      case 'WORK':
      case 'WORK_READY':
        a.until = until ?? secs(3, 10);
        if (this.site === 'rte') a.wrapUpEnd = a.until;
        break;
      default:
        a.until = until ?? null;
    }
    if (this.availabilityKey(a) !== prevAvail) a.availabilitySince = t;
    this.dirty.add(a.id);
  }

  /** RTE UserAvailability identity (availability + note): its StartTime moves when this changes. */
  private availabilityKey(a: AgentRec): string {
    if (a.state === 'LOGOUT') return 'OffWork';
    if (a.state === 'NOT_READY' && a.rteAway !== 'notServing') return `${a.rteAway}:${a.reasonLabel ?? ''}`;
    return 'Available';
  }

  private answer(a: AgentRec, c: CallRec, t: number): void {
    if (c.agentId !== a.id) this.callEvent(c, 'allocated', t, { agentId: a.id });
    c.agentId = a.id;
    c.answeredAt = t;
    this.callEvent(c, 'connected', t, { agentId: a.id });
    const q = this.queueById(c.queueId);
    q.counters.answered += 1;
    if (t - c.arrivedAt <= SL_THRESHOLD_MS) q.counters.answeredWithin20s += 1;
    a.callId = c.id;
    a.holdDone = false;
    const until = t + Math.round(this.rng.uniform(10, 60) * SEC);
    this.enter(a, 'TALKING', t, '', { until, keepPending: true });
  }

  private offer(t: number): void {
    for (const c of this.waitingCalls()) {
      if (c.noOffer) continue;
      let best: AgentRec | undefined;
      for (const a of this.agents) {
        if (a.state !== 'READY' || !a.roster.queueIds.includes(c.queueId)) continue;
        if (!best || a.stateSince < best.stateSince) best = a;
      }
      if (!best) continue;
      if (this.site === 'rte') {
        this.answer(best, c, t);
      } else {
        c.agentId = best.id;
        best.callId = c.id;
        this.enter(best, 'RESERVED', t, '', { until: t + Math.round(this.rng.uniform(1, 2) * SEC) });
      }
    }
  }

  private onTimer(a: AgentRec, t: number): void {
    const rng = this.rng;
    const call = a.callId === null ? undefined : this.calls.get(a.callId);
    switch (a.state) {
      case 'READY':
        this.enter(a, 'NOT_READY', t, rng.pick(NOT_READY_REASONS).id);
        return;
      case 'RESERVED':
        if (call) {
          this.answer(a, call, t);
        } else {
          a.callId = null;
          this.enter(a, 'READY', t, '');
        }
        return;
      case 'TALKING':
        if (this.site === 'gc' && !a.holdDone && rng.chance(0.2)) {
          a.holdDone = true;
          this.enter(a, 'HOLD', t, '', { until: t + Math.round(rng.uniform(5, 15) * SEC), keepPending: true });
          return;
        }
        this.endCall(a, t);
        return;
      case 'HOLD':
        this.enter(a, 'TALKING', t, '', { until: t + Math.round(rng.uniform(5, 20) * SEC), keepPending: true });
        return;
      case 'WORK':
      case 'WORK_READY': {
        const next = a.after ?? { state: 'READY' as const, reasonCodeId: '' };
        a.after = null;
        this.enter(a, next.state, t, next.reasonCodeId);
        return;
      }
      case 'NOT_READY':
        if (a.reasonKey !== '-1' && rng.chance(0.08)) this.enter(a, 'LOGOUT', t, '20');
        else this.enter(a, 'READY', t, '');
        return;
      case 'LOGOUT':
        if (this.site === 'gc') this.enter(a, 'NOT_READY', t, '-1');
        else this.enter(a, 'READY', t, '');
        return;
    }
  }

  private endCall(a: AgentRec, t: number): void {
    if (a.callId !== null) {
      const c = this.calls.get(a.callId);
      this.calls.delete(a.callId);
      if (c) {
        this.callEvent(c, 'disconnected', t, { agentId: a.id, detail: 'remote' });
        this.ended(c, t, 'answered');
      }
    }
    a.callId = null;
    const pending = a.pendingState;
    if (pending !== null) {
      this.enter(a, pending, t, a.pendingReasonCodeId ?? '', { commanded: true });
      return;
    }
    const toReady = this.rng.chance(0.85);
    a.after = toReady
      ? { state: 'READY', reasonCodeId: '' }
      : { state: 'NOT_READY', reasonCodeId: this.rng.pick(NOT_READY_REASONS).id };
    const wrap = this.site === 'gc' && toReady && this.rng.chance(0.5) ? 'WORK_READY' : 'WORK';
    this.enter(a, wrap, t, '');
  }
}
