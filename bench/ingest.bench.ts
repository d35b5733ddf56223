/**
 * Node-side ingest benchmark (`npm run bench`): the real bus, reducers and zustand vanilla
 * stores, with listeners shaped like React's (one root listener per store, one selector
 * listener per agent tile and per queue tile, and the agent-keys view on the 1 Hz clock).
 *
 * World: 2,000 agents (1,000 RTE, 1,000 GC in 10 teams), 300 queues (150 + 150).
 * Events are generated deterministically (seeded PRNG): agent state changes, repeated
 * states (no-ops), queue statistic changes, connection events (errors, subscription
 * results, a status flip that forces an urgent flush) and a few malformed ones. Every
 * event enters as in the app: through the connector edge (`guardEmit` of its source,
 * which validates it against the domain schema once) into `bus.publish`.
 *
 * Parts:
 *  1. bursts: each burst of N events arrives over 1 s of *virtual* time (fake scheduler),
 *     so the bus flushes on its cadence exactly as in the browser; every flush's duration
 *     and the total wall time are *real* (performance.now). events/s = N / real time,
 *     edge validation included.
 *  2. reference: one setState per event (what the house plan forbids), same listeners.
 *  3. sort: sorting the 2,000 agent keys (what useAgentKeys does at most once a second).
 *  4. sustained: real timers, events published every 10 ms at a fixed rate for a few
 *     seconds; event-loop utilisation is the share of time the thread was busy.
 *  5. edge: the connector edge alone (`guardEmit`: the domain schema, once per event) over
 *     the same event mix, downstream emit a no-op; µs per event.
 *
 * Exits 1 when a sanity threshold is violated (see THRESHOLDS) or the stores end up
 * inconsistent. Env: BENCH_QUICK=1 (fewer repeats, shorter sustained runs),
 * BENCH_NO_JSON=1 (do not write bench/results/ingest-<time>.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { guardEmit } from '../src/connectors/transport/edge';
import type { AgentState, DomainEvent, QueueStats, SourceId } from '../src/domain';
import { createClock } from '../src/lib/clock';
import { setLogLevel } from '../src/lib/logger';
import { createFakeScheduler, realScheduler, type Scheduler } from '../src/lib/scheduler';
import {
  createAgentKeysView,
  createIngestBus,
  createWallboardStores,
  SLICES_BY_KIND,
  sortAgentKeys,
  type FlushInfo,
  type WallboardStores,
} from '../src/stores';

const QUICK = process.env.BENCH_QUICK === '1';
const SEED = 42;
const N_AGENTS_PER_SOURCE = 1000;
const N_QUEUES_PER_SOURCE = 150;
const N_TEAMS = 10;
const EPOCH = 1_763_777_000_000;

/** Sanity thresholds: far below what this machine class does, so only a real regression fails. */
const THRESHOLDS = {
  /** Minimum events/s through bus + reducers + stores + tile listeners, bursts of ≥ 10,000 events. */
  minEventsPerSec: 50_000,
  /** Maximum p95 flush duration (ms) for 10,000-event bursts at the 250 ms desk cadence. */
  maxP95FlushMsDesk: 50,
  /** Maximum event-loop utilisation at 5,000 events/s sustained with a 250 ms cadence. */
  maxElu5k: 0.5,
  /** Maximum heap growth (MB, after GC) over all burst scenarios. */
  maxHeapGrowthMb: 64,
};

// --- helpers --------------------------------------------------------------------

v8.setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function summary(values: readonly number[]): { median: number; p95: number; max: number; mean: number } {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((x, y) => x + y, 0) / Math.max(1, s.length);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95), max: s.at(-1) ?? 0, mean };
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

// --- the world and the event generator -------------------------------------------

interface WorldAgent {
  readonly source: SourceId;
  readonly id: string;
  readonly name: string;
  state: AgentState;
}
interface WorldQueue {
  readonly source: SourceId;
  readonly id: string;
  readonly name: string;
}

const FIRST = ['Ann', 'Bob', 'Cai', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jon', 'Kim', 'Lea', 'Max', 'Nia', 'Oto', 'Pia'];
const LAST = ['Lee', 'Berg', 'Cruz', 'Dahl', 'Ek', 'Fox', 'Gray', 'Holm', 'Ito', 'Jones', 'Kaur', 'Lund'];
const STATES: readonly AgentState[] = ['READY', 'TALKING', 'TALKING', 'TALKING', 'HOLD', 'WORK', 'WORK_READY', 'NOT_READY', 'NOT_READY', 'RESERVED', 'LOGOUT'];
const STAT_KEYS: readonly (keyof QueueStats)[] = ['callsWaiting', 'agentsReady', 'agentsNotReady', 'agentsTalking', 'agentsWrapUp', 'agentsLoggedIn', 'callsConnected'];

function buildWorld(): { agents: WorldAgent[]; queues: WorldQueue[] } {
  const agents: WorldAgent[] = [];
  const queues: WorldQueue[] = [];
  for (let i = 0; i < N_AGENTS_PER_SOURCE; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
    agents.push({ source: 'rte', id: `a9e47000-0000-4000-8000-${String(i).padStart(12, '0')}`, name, state: 'READY' });
    agents.push({ source: 'gc', id: `agent${3000 + i}`, name: `${name}g`, state: 'READY' });
  }
  for (let i = 0; i < N_QUEUES_PER_SOURCE; i++) {
    queues.push({ source: 'rte', id: `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Service ${i}` });
    queues.push({ source: 'gc', id: `Skill${i}`, name: `Skill group ${i}` });
  }
  return { agents, queues };
}

function seedEvents(world: ReturnType<typeof buildWorld>): DomainEvent[] {
  const ev: DomainEvent[] = [
    { kind: 'connection.status', source: 'rte', status: 'live', at: EPOCH },
    { kind: 'connection.status', source: 'gc', status: 'live', at: EPOCH },
  ];
  for (let t = 0; t < N_TEAMS; t++) ev.push({ kind: 'team.upsert', source: 'gc', id: String(t), name: `Team ${t}`, at: EPOCH });
  world.agents.forEach((a, i) =>
    ev.push({ kind: 'agent.upsert', source: a.source, id: a.id, name: a.name, state: a.state, teamId: a.source === 'gc' ? String(i % N_TEAMS) : undefined, at: EPOCH }),
  );
  for (const q of world.queues) ev.push({ kind: 'queue.upsert', source: q.source, id: q.id, name: q.name, stats: { callsWaiting: 0, agentsReady: 5 }, at: EPOCH });
  for (const source of ['rte', 'gc'] as const) {
    ev.push({ kind: 'snapshot', entity: 'agent', source, ids: world.agents.filter((a) => a.source === source).map((a) => a.id), at: EPOCH });
    ev.push({ kind: 'snapshot', entity: 'queue', source, ids: world.queues.filter((q) => q.source === source).map((q) => q.id), at: EPOCH });
  }
  return ev;
}

/**
 * What the generator injected that the edge must have turned into `invalid-event` errors
 * (each exactly once, in the health of the connector that emitted it).
 */
interface OddTally {
  sourceless: number; // null, or an unknown source (emitted by the gc connector: wrong source)
  agentKind: number; // agent.upsert without id / with a NaN `at`
  queueKind: number; // queue.upsert with a non-numeric stat
  unknownKind: number; // an unknown kind
}

/** Every odd event the generator injected. */
function oddTotal(o: OddTally): number {
  return o.sourceless + o.agentKind + o.queueKind + o.unknownKind;
}

/**
 * The connector edge as the app wires it: one `guardEmit` per source in front of
 * `bus.publish`. A chunk is split by the source that emitted each event (events without a
 * known source are emitted by the gc connector: a wrong-source bug there).
 */
function createEdge(publish: (events: readonly DomainEvent[]) => void, now: () => number): (chunk: readonly DomainEvent[]) => void {
  const rte = guardEmit('rte', publish, now);
  const gc = guardEmit('gc', publish, now);
  return (chunk) => {
    const fromRte: DomainEvent[] = [];
    const fromGc: DomainEvent[] = [];
    for (const e of chunk) ((e as { source?: unknown } | null)?.source === 'rte' ? fromRte : fromGc).push(e);
    if (fromRte.length) rte(fromRte);
    if (fromGc.length) gc(fromGc);
  };
}

function createGenerator(world: ReturnType<typeof buildWorld>, seed: number) {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const odd: OddTally = { sourceless: 0, agentKind: 0, queueKind: 0, unknownKind: 0 };
  let statusFlip = 0;
  let lastStatusAt = Number.NEGATIVE_INFINITY;

  function oddEvent(at: number): DomainEvent {
    const r = Math.floor(rng() * 6);
    let e: unknown;
    switch (r) {
      case 0:
        e = null;
        odd.sourceless++;
        break;
      case 1:
        e = { kind: 'agent.upsert', source: 'mars', id: 'x', at };
        odd.sourceless++;
        break;
      case 2:
        e = { kind: 'agent.upsert', source: 'gc', at }; // no id
        odd.agentKind++;
        break;
      case 3:
        e = { kind: 'queue.upsert', source: 'rte', id: 'c0ffee00', at, stats: { callsWaiting: 'three' } };
        odd.queueKind++;
        break;
      case 4:
        e = { kind: 'agent.upsert', source: 'rte', id: 'a9e47000', at: Number.NaN };
        odd.agentKind++;
        break;
      default:
        e = { kind: 'queue.stats.v2', source: 'gc', at };
        odd.unknownKind++;
    }
    return e as DomainEvent;
  }

  /** One event at epoch ms `at`. */
  function next(at: number): DomainEvent {
    // A status flip (urgent flush) once per second of event time: rare, as in real life.
    if (at - lastStatusAt >= 1000) {
      lastStatusAt = at;
      statusFlip++;
      return { kind: 'connection.status', source: 'gc', status: statusFlip % 2 ? 'stale' : 'live', at, reason: statusFlip % 2 ? 'no heartbeat for 30 s' : undefined };
    }
    const r = rng();
    if (r < 0.55) {
      const a = pick(world.agents);
      let s = pick(STATES);
      if (s === a.state) s = s === 'READY' ? 'TALKING' : 'READY';
      a.state = s;
      const nr = s === 'NOT_READY';
      return {
        kind: 'agent.upsert',
        source: a.source,
        id: a.id,
        state: s,
        vendorState: s,
        reasonCodeId: nr ? String(1 + Math.floor(rng() * 6)) : undefined,
        reasonLabel: nr ? 'Break' : undefined,
        stateSince: a.source === 'gc' ? at - Math.floor(rng() * 500) : undefined,
        at,
      };
    }
    if (r < 0.65) {
      const a = pick(world.agents); // repeated state, as TeamUsersList repeats everyone every 5 s: a no-op
      return { kind: 'agent.upsert', source: a.source, id: a.id, name: a.name, state: a.state, vendorState: a.state, at };
    }
    if (r < 0.95) {
      const q = pick(world.queues);
      const stats: Record<string, number> = {};
      const n = 2 + Math.floor(rng() * 4);
      for (let i = 0; i < n; i++) stats[pick(STAT_KEYS)] = Math.floor(rng() * 20);
      if ((stats.callsWaiting ?? 0) > 0) stats.longestWaitingSince = at - Math.floor(rng() * 120_000);
      return { kind: 'queue.upsert', source: q.source, id: q.id, stats, at };
    }
    if (r < 0.97) {
      return { kind: 'ingest.error', source: pick(['rte', 'gc'] as const), error: { code: pick(['malformed-frame', 'wrong-type', 'unknown-event']), message: 'bench', at }, at };
    }
    if (r < 0.995) {
      const a = pick(world.agents.filter((x) => x.source === 'rte').slice(0, 50));
      return { kind: 'subscription.result', source: 'rte', results: [{ entityId: a.id, eventName: 'userstatus', subscribed: rng() > 0.1, message: undefined }], at };
    }
    return oddEvent(at);
  }

  return { next, odd };
}

// --- listeners shaped like React's ------------------------------------------------

interface Listeners {
  tileRenders: number;
  rootNotifications: number;
  dispose(): void;
}

function attachListeners(stores: WallboardStores, tiles: boolean): Listeners {
  const out: Listeners = { tileRenders: 0, rootNotifications: 0, dispose: () => {} };
  const unsubs: (() => void)[] = [];
  // One "root" listener per store, like a component selecting a count or the health list.
  unsubs.push(stores.agents.subscribe((s) => void ((out.rootNotifications += 1), s.counts.total.READY)));
  unsubs.push(stores.queues.subscribe((s) => void ((out.rootNotifications += 1), s.version)));
  unsubs.push(stores.connections.subscribe((s) => void ((out.rootNotifications += 1), s.bySource.gc)));
  unsubs.push(stores.teams.subscribe((s) => void ((out.rootNotifications += 1), s.version)));
  if (tiles) {
    // useAgent(key) / useQueue(key): useSyncExternalStore runs the selector on every store change.
    for (const key of stores.agents.getState().byKey.keys()) {
      let last = stores.agents.getState().byKey.get(key);
      unsubs.push(
        stores.agents.subscribe((s) => {
          const a = s.byKey.get(key);
          if (a !== last) {
            last = a;
            out.tileRenders++;
          }
        }),
      );
    }
    for (const key of stores.queues.getState().byKey.keys()) {
      let last = stores.queues.getState().byKey.get(key);
      unsubs.push(
        stores.queues.subscribe((s) => {
          const q = s.byKey.get(key);
          if (q !== last) {
            last = q;
            out.tileRenders++;
          }
        }),
      );
    }
  }
  out.dispose = () => unsubs.forEach((u) => u());
  return out;
}

// --- 1. bursts ---------------------------------------------------------------------

interface BurstResult {
  burst: number;
  cadenceMs: number;
  tiles: boolean;
  bursts: number;
  events: number;
  wallMs: number;
  eventsPerSec: number;
  flushes: number;
  urgentFlushes: number;
  eventsPerFlush: number;
  flushMs: { median: number; p95: number; max: number; mean: number };
  maxIntervalMs: number;
  tileRendersPerFlush: number;
  keysRecomputes: number;
  heapBeforeMb: number;
  heapAfterMb: number;
}

function setupWorld(tiles: boolean, scheduler: Scheduler, epochNow: () => number) {
  const world = buildWorld();
  const stores = createWallboardStores();
  const seedBus = createIngestBus({ flushIntervalMs: 250, stores, scheduler });
  createEdge((e) => seedBus.publish(e), epochNow)(seedEvents(world));
  seedBus.flushNow();
  seedBus.dispose();
  const listeners = attachListeners(stores, tiles);
  const clock = createClock({ now: epochNow, scheduler });
  const keysView = createAgentKeysView(stores, {}, { clock });
  const unKeys = keysView.subscribe(() => {});
  return { world, stores, listeners, keysView, dispose: () => (listeners.dispose(), unKeys()) };
}

function runBursts(
  burst: number,
  cadenceMs: number,
  tiles: boolean,
  repeats: number,
  slowRenderMs = 0,
): { result: BurstResult; stores: WallboardStores; odd: OddTally } {
  const sched = createFakeScheduler(EPOCH + 5_000);
  const { world, stores, listeners, keysView, dispose } = setupWorld(tiles, sched, sched.now);
  let _spins = 0;
  const unSlow = slowRenderMs > 0
    ? stores.agents.subscribe(() => {
        // A synchronous consumer that takes slowRenderMs per flush (a heavy render).
        const end = performance.now() + slowRenderMs;
        while (performance.now() < end) _spins++;
      })
    : () => {};
  const gen = createGenerator(world, SEED + burst + cadenceMs);
  const flushInfos: FlushInfo[] = [];
  let maxInterval = 0;
  const bus = createIngestBus({
    flushIntervalMs: cadenceMs,
    stores,
    scheduler: sched,
    now: () => performance.now(),
    onFlush: (i) => {
      flushInfos.push(i);
      if (i.nextIntervalMs > maxInterval) maxInterval = i.nextIntervalMs;
    },
  });
  const edge = createEdge((e) => bus.publish(e), sched.now);
  const CHUNK = 10; // events per publish (one vendor frame)
  const spanMs = 1000; // a burst arrives over one virtual second
  const step = (spanMs * CHUNK) / burst;

  const deliver = (): void => {
    for (let sent = 0; sent < burst; sent += CHUNK) {
      const at = sched.now();
      const chunk: DomainEvent[] = [];
      for (let i = 0; i < CHUNK && sent + i < burst; i++) chunk.push(gen.next(at));
      edge(chunk);
      sched.advance(step);
    }
    sched.advance(4 * cadenceMs + 2000); // let the last flush happen
  };

  deliver(); // warm-up (JIT), not measured
  flushInfos.length = 0;
  maxInterval = 0;
  const renders0 = listeners.tileRenders;
  const recomputes0 = keysView.computeCount();
  const heapBeforeMb = heapMb();
  const t0 = performance.now();
  for (let r = 0; r < repeats; r++) deliver();
  const wallMs = performance.now() - t0;
  const heapAfterMb = heapMb();
  const events = burst * repeats;
  if (bus.stats().buffered !== 0) throw new Error('bus still has buffered events after the run');
  if (bus.stats().unrouted !== 0) throw new Error(`${bus.stats().unrouted} events reached the bus that no slice takes (the edge let them through)`);
  bus.dispose();
  dispose();
  unSlow();
  return {
    stores,
    odd: gen.odd,
    result: {
      burst,
      cadenceMs,
      tiles,
      bursts: repeats,
      events,
      wallMs,
      eventsPerSec: events / (wallMs / 1000),
      flushes: flushInfos.length,
      urgentFlushes: flushInfos.filter((f) => f.urgent).length,
      eventsPerFlush: events / Math.max(1, flushInfos.length),
      flushMs: summary(flushInfos.map((f) => f.durationMs)),
      maxIntervalMs: maxInterval,
      tileRendersPerFlush: (listeners.tileRenders - renders0) / Math.max(1, flushInfos.length),
      keysRecomputes: keysView.computeCount() - recomputes0,
      heapBeforeMb,
      heapAfterMb,
    },
  };
}

// --- 2. reference: one setState per event --------------------------------------------

function runPerEventReference(n: number): { events: number; wallMs: number; eventsPerSec: number } {
  const sched = createFakeScheduler(EPOCH + 5_000);
  const { world, stores, dispose } = setupWorld(true, sched, sched.now);
  const gen = createGenerator(world, SEED + 7);
  const raw = Array.from({ length: n }, (_, i) => gen.next(EPOCH + 10_000 + i));
  // Through the edge first (not timed), so the reducers get what they would in the app.
  const events: DomainEvent[] = [];
  createEdge((evs) => void events.push(...evs), () => EPOCH)(raw);
  const t0 = performance.now();
  for (const e of events) {
    const batch = [e];
    for (const slice of SLICES_BY_KIND.get(e.kind) ?? []) {
      const store = stores[slice.name] as { getState(): unknown; setState(s: unknown, replace: true): void };
      const prev = store.getState();
      const next = slice.reduce(prev, batch);
      if (next !== prev) store.setState(next, true);
    }
  }
  const wallMs = performance.now() - t0;
  dispose();
  return { events: n, wallMs, eventsPerSec: n / (wallMs / 1000) };
}

// --- 3. sort cost -----------------------------------------------------------------------

function runSort(runs: number): { agents: number; ms: { median: number; p95: number; max: number; mean: number } } {
  const sched = createFakeScheduler(EPOCH);
  const { stores, dispose } = setupWorld(false, sched, sched.now);
  const times: number[] = [];
  const state = stores.agents.getState();
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    sortAgentKeys(state.byKey.values());
    if (i >= 5) times.push(performance.now() - t0);
  }
  dispose();
  return { agents: state.byKey.size, ms: summary(times) };
}

// --- 4. sustained, real timers ---------------------------------------------------------

interface SustainedResult {
  ratePerSec: number;
  cadenceMs: number;
  seconds: number;
  events: number;
  flushes: number;
  flushMs: { median: number; p95: number; max: number; mean: number };
  eventLoopUtilisation: number;
  maxIntervalMs: number;
}

async function runSustained(ratePerSec: number, cadenceMs: number, seconds: number): Promise<SustainedResult> {
  const { world, stores, dispose } = setupWorld(true, realScheduler, Date.now);
  const gen = createGenerator(world, SEED + ratePerSec);
  const infos: FlushInfo[] = [];
  const bus = createIngestBus({ flushIntervalMs: cadenceMs, stores, onFlush: (i) => infos.push(i) });
  const edge = createEdge((e) => bus.publish(e), Date.now);
  const tickMs = 10;
  const perTick = Math.round((ratePerSec * tickMs) / 1000);
  let events = 0;
  const elu0 = performance.eventLoopUtilization();
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      const elapsed = performance.now() - start;
      if (elapsed >= seconds * 1000) {
        resolve();
        return;
      }
      // Catch up to the target rate even when a timer fired late.
      const due = Math.floor((elapsed / 1000) * ratePerSec) - events;
      const n = Math.max(perTick, due);
      const now = Date.now();
      const chunk: DomainEvent[] = [];
      for (let i = 0; i < n; i++) chunk.push(gen.next(now));
      events += n;
      edge(chunk);
      setTimeout(pump, tickMs);
    };
    pump();
  });
  const elu = performance.eventLoopUtilization(elu0);
  bus.flushNow();
  bus.dispose();
  dispose();
  return {
    ratePerSec,
    cadenceMs,
    seconds,
    events,
    flushes: infos.length,
    flushMs: summary(infos.map((i) => i.durationMs)),
    eventLoopUtilisation: elu.utilization,
    maxIntervalMs: Math.max(...infos.map((i) => i.nextIntervalMs)),
  };
}

// --- 5. the connector edge alone ----------------------------------------------------------

function runEdge(n: number, repeats: number): { events: number; usPerEvent: { median: number; p95: number; max: number; mean: number } } {
  const gen = createGenerator(buildWorld(), SEED + 11);
  const events = Array.from({ length: n }, (_, i) => gen.next(EPOCH + i));
  const chunks: DomainEvent[][] = [];
  for (let i = 0; i < events.length; i += 10) chunks.push(events.slice(i, i + 10));
  let passed = 0;
  const edge = createEdge((evs) => void (passed += evs.length), () => EPOCH);
  const times: number[] = [];
  for (let r = 0; r < repeats + 2; r++) {
    const t0 = performance.now();
    for (const c of chunks) edge(c);
    if (r >= 2) times.push(((performance.now() - t0) * 1000) / n); // the first two warm the JIT
  }
  if (passed !== n * (repeats + 2)) throw new Error('the edge dropped or added events');
  return { events: n, usPerEvent: summary(times) };
}

// --- main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  setLogLevel('warn');
  const failures: string[] = [];
  const repeats = QUICK ? 2 : 5;
  console.info(`ingest bench: node ${process.version}, ${os.cpus().length} cpu (${os.cpus()[0]?.model ?? '?'}), quick=${QUICK}`);
  console.info(`world: ${2 * N_AGENTS_PER_SOURCE} agents, ${2 * N_QUEUES_PER_SOURCE} queues, ${N_TEAMS} teams; seed ${SEED}\n`);

  const heapStart = heapMb();
  const bursts: BurstResult[] = [];
  const configs: [number, number, boolean][] = [];
  for (const burst of [1_000, 10_000, 50_000]) for (const cadence of [100, 250, 1000]) configs.push([burst, cadence, true]);
  configs.push([10_000, 250, false]);

  console.info('1. bursts (each burst spread over 1 s of virtual time; real CPU time measured)');
  console.info('burst   cadence tiles  events/s   flushes ev/flush  flush ms med / p95 / max   max interval  tile renders/flush  re-sorts  heap MB before→after');
  for (const [burst, cadence, tiles] of configs) {
    // Small bursts get more repeats so their percentiles rest on enough flushes.
    const reps = QUICK ? repeats : Math.min(20, Math.max(repeats, Math.round(50_000 / burst)));
    const { result: r, stores, odd } = runBursts(burst, cadence, tiles, reps);
    bursts.push(r);
    console.info(
      `${String(burst).padStart(6)} ${String(cadence).padStart(6)}ms ${tiles ? 'yes' : 'no '}  ${fmtInt(r.eventsPerSec).padStart(10)} ${String(r.flushes).padStart(8)} ${fmtInt(r.eventsPerFlush).padStart(8)}  ${fmt(r.flushMs.median).padStart(7)} / ${fmt(r.flushMs.p95).padStart(6)} / ${fmt(r.flushMs.max).padStart(6)}   ${String(Math.round(r.maxIntervalMs)).padStart(8)} ms  ${fmtInt(r.tileRendersPerFlush).padStart(12)}  ${String(r.keysRecomputes).padStart(8)}   ${fmt(r.heapBeforeMb, 1)}→${fmt(r.heapAfterMb, 1)}`,
    );
    if (burst >= 10_000 && r.eventsPerSec < THRESHOLDS.minEventsPerSec) failures.push(`burst ${burst}/${cadence} ms: ${fmtInt(r.eventsPerSec)} events/s < ${THRESHOLDS.minEventsPerSec}`);
    if (burst === 10_000 && cadence === 250 && tiles && r.flushMs.p95 > THRESHOLDS.maxP95FlushMsDesk) {
      failures.push(`burst 10000/250 ms: p95 flush ${fmt(r.flushMs.p95)} ms > ${THRESHOLDS.maxP95FlushMsDesk} ms`);
    }
    // Consistency: the world is intact and every odd event was counted where it belongs.
    const a = stores.agents.getState();
    const q = stores.queues.getState();
    const c = stores.connections.getState();
    const countSum = Object.values(a.counts.total).reduce((x, y) => x + y, 0);
    const errs = (code: string): number => (c.bySource.gc?.errorCounts[code] ?? 0) + (c.bySource.rte?.errorCounts[code] ?? 0);
    const problems: string[] = [];
    if (a.byKey.size !== 2 * N_AGENTS_PER_SOURCE) problems.push(`agents ${a.byKey.size}`);
    if (q.byKey.size !== 2 * N_QUEUES_PER_SOURCE) problems.push(`queues ${q.byKey.size}`);
    if (countSum !== a.byKey.size) problems.push(`state counts sum ${countSum} != ${a.byKey.size}`);
    // Validation once: every odd event is exactly one invalid-event error, nothing else counts it.
    if (errs('invalid-event') !== oddTotal(odd)) problems.push(`invalid-event errors ${errs('invalid-event')} != ${oddTotal(odd)} injected`);
    if (Object.keys(a).sort().join() !== 'byKey,counts,sortVersion,version') problems.push(`agents state keys ${Object.keys(a).join()}`);
    if (Object.keys(q).sort().join() !== 'byKey,sortVersion,version') problems.push(`queues state keys ${Object.keys(q).join()}`);
    if ((c.bySource.gc?.recentErrors.length ?? 0) > 20) problems.push('recentErrors over 20');
    if (problems.length) failures.push(`burst ${burst}/${cadence} ms: inconsistent stores: ${problems.join('; ')}`);
  }
  const heapEnd = heapMb();
  console.info(`heap after GC: ${fmt(heapStart, 1)} MB before the burst scenarios, ${fmt(heapEnd, 1)} MB after\n`);
  if (heapEnd - heapStart > THRESHOLDS.maxHeapGrowthMb) failures.push(`heap grew ${fmt(heapEnd - heapStart, 1)} MB`);

  console.info('1b. slow consumer: an agents listener that takes 40 ms per flush, 10,000-event bursts, cadence 100 ms');
  const slow = runBursts(10_000, 100, true, QUICK ? 1 : 3, 40).result;
  console.info(
    `${slow.flushes} flushes (${fmtInt(slow.eventsPerFlush)} events each), flush ms med ${fmt(slow.flushMs.median)} / p95 ${fmt(slow.flushMs.p95)}, interval stretched up to ${Math.round(slow.maxIntervalMs)} ms (base 100 ms)\n`,
  );
  if (slow.maxIntervalMs < 4 * 40) failures.push(`slow consumer: interval not stretched (max ${Math.round(slow.maxIntervalMs)} ms)`);

  console.info('2. reference: one setState per event (forbidden by rule 1), same 2,300 tile listeners');
  const reference = runPerEventReference(QUICK ? 2_000 : 10_000);
  console.info(`${fmtInt(reference.events)} events in ${fmt(reference.wallMs, 0)} ms = ${fmtInt(reference.eventsPerSec)} events/s\n`);

  console.info('3. sorting the agent keys (useAgentKeys, at most once a second)');
  const sort = runSort(QUICK ? 20 : 100);
  console.info(`${sort.agents} agents: median ${fmt(sort.ms.median)} ms, p95 ${fmt(sort.ms.p95)} ms, max ${fmt(sort.ms.max)} ms\n`);

  console.info('4. sustained, real timers, tiles attached (event-loop utilisation = share of time busy)');
  const sustained: SustainedResult[] = [];
  const seconds = QUICK ? 1.5 : 3;
  for (const [rate, cadence] of [
    [1_000, 250],
    [5_000, 250],
    [20_000, 250],
    [5_000, 1000],
  ] as const) {
    const s = await runSustained(rate, cadence, seconds);
    sustained.push(s);
    console.info(
      `${fmtInt(rate).padStart(6)} ev/s, cadence ${String(cadence).padStart(4)} ms: ${s.flushes} flushes, flush ms med ${fmt(s.flushMs.median)} / p95 ${fmt(s.flushMs.p95)} / max ${fmt(s.flushMs.max)}, ELU ${fmt(s.eventLoopUtilisation * 100, 1)} %, max interval ${Math.round(s.maxIntervalMs)} ms`,
    );
    if (rate === 5_000 && cadence === 250 && s.eventLoopUtilisation > THRESHOLDS.maxElu5k) {
      failures.push(`sustained 5000/s: event-loop utilisation ${fmt(s.eventLoopUtilisation * 100, 1)} % > ${THRESHOLDS.maxElu5k * 100} %`);
    }
  }

  console.info('\n5. the connector edge alone (guardEmit: domain schema once per event; same event mix)');
  const edge = runEdge(QUICK ? 20_000 : 100_000, QUICK ? 3 : 7);
  console.info(`${fmtInt(edge.events)} events: median ${fmt(edge.usPerEvent.median)} µs/event, p95 ${fmt(edge.usPerEvent.p95)} µs/event\n`);

  const results = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    quick: QUICK,
    seed: SEED,
    thresholds: THRESHOLDS,
    bursts,
    slowConsumer: slow,
    reference,
    sort,
    sustained,
    edge,
    failures,
  };
  if (process.env.BENCH_NO_JSON !== '1') {
    const dir = new URL('./results/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL(`ingest-${results.at.replace(/[:.]/g, '-')}.json`, dir);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.info(`\nresults written to bench/results/${file.pathname.split('/').pop()}`);
  }
  if (failures.length) {
    console.error(`\nFAILED sanity thresholds:\n - ${failures.join('\n - ')}`);
    process.exitCode = 1;
  } else {
    console.info('\nall sanity thresholds met');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
