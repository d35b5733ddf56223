/**
 * The ingest bus (ARCHITECTURE.md rules 1 and 6): connectors `publish` DomainEvents; the
 * bus buffers them and flushes the whole buffer through the pure reducers on a cadence,
 * with one `setState` per store per flush (none for a store whose reducer returned the
 * same state). A `connection.status` event (`isUrgent`) flushes at once. When flushes run
 * long, or the flush timer fires late because the main thread was busy (rendering the last
 * flush), the next interval is stretched instead of queueing more work.
 *
 * Timing (throttle with a leading edge): a flush happens no sooner than `intervalMs` after
 * the end of the previous one. An event arriving after a quiet spell is flushed on the
 * next timer turn (delay 0); events arriving within the interval wait for its end.
 */
import { isUrgent, type DomainEvent } from '../../domain';
import { createLogger, type Logger } from '../../lib/logger';
import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';
import { reduceAgents } from '../agents';
import { reduceConnections } from '../connections';
import type { WallboardStores } from '../create';
import { reduceQueues } from '../queues';
import { reduceTeams } from '../teams';

/** What one flush did, passed to {@link IngestBusOptions.onFlush}. */
export interface FlushInfo {
  /** Events in the batch. */
  readonly events: number;
  /** Time spent in reducers, `setState` and the stores' synchronous listeners (ms). */
  readonly durationMs: number;
  /** How late the flush timer fired past its due time (ms; 0 for urgent and manual flushes). */
  readonly lateMs: number;
  /** Stores that changed and were set, e.g. `['connections', 'agents']`. */
  readonly storesSet: readonly (keyof WallboardStores)[];
  /** The interval (ms) until the next flush may run, after stretching. */
  readonly nextIntervalMs: number;
  /** True when an urgent event triggered this flush. */
  readonly urgent: boolean;
}

/** Options of {@link createIngestBus}. */
export interface IngestBusOptions {
  /** Base flush cadence in milliseconds (config `flushIntervalMs`, e.g. 250; kiosk 1000). Finite, ≥ 1. */
  flushIntervalMs: number;
  /** The stores to write. */
  stores: WallboardStores;
  /** Timer source (default: real timers). Tests pass `createFakeScheduler()`. */
  scheduler?: Scheduler;
  /**
   * Monotonic clock (ms) used to *measure* flush durations; default `scheduler.now`.
   * The benchmark passes `performance.now` with a fake scheduler to measure real work
   * while driving the cadence in virtual time.
   */
  now?: () => number;
  /** Next interval ≥ `stretchFactor` × (last flush duration + lateness). Default 4 (≤ 25 % busy). */
  stretchFactor?: number;
  /** Upper bound of a stretched interval (ms). Default max(8 × base, 2000). */
  maxIntervalMs?: number;
  /**
   * Run the flush in the animation frame after the timer fires, so store updates land
   * just before a paint. A frame that does not come within 100 ms (hidden tab) is not
   * waited for. Default false.
   */
  frameAligned?: boolean;
  /** Called after every flush (perf probe, benchmark). Exceptions are logged and swallowed. */
  onFlush?: (info: FlushInfo) => void;
  /** Logger for swallowed errors; default `createLogger('bus')`. */
  logger?: Logger;
}

/** Counters of a bus since it was created. */
export interface IngestBusStats {
  /** Events published (accepted into the buffer). */
  readonly events: number;
  /** Flushes that processed at least one event. */
  readonly flushes: number;
  /** Duration of the last flush (ms). */
  readonly lastFlushMs: number;
  /** Longest flush so far (ms). */
  readonly maxFlushMs: number;
  /** Current effective interval (ms): the base, or more while stretched. */
  readonly intervalMs: number;
  /** The configured base interval (ms). */
  readonly baseIntervalMs: number;
  /** Events waiting for the next flush. */
  readonly buffered: number;
}

/** The ingest bus. */
export interface IngestBus {
  /**
   * Buffers `events` (any number, in order). Flushes synchronously before returning when
   * one of them is urgent (`connection.status`); otherwise arms the flush timer. Ignored
   * after {@link dispose}. Never throws on odd events (the reducers count them).
   */
  publish(events: readonly DomainEvent[]): void;
  /** Flushes the buffer now (no-op when empty or disposed). Re-entrant calls are deferred. */
  flushNow(): void;
  /**
   * Changes the base cadence (e.g. switching to the kiosk route). Resets any stretching.
   * @throws RangeError if `ms` is not a finite number ≥ 1
   */
  setFlushInterval(ms: number): void;
  /** Counters; see {@link IngestBusStats}. */
  stats(): IngestBusStats;
  /** Cancels timers and drops the buffer; later publishes are ignored. Idempotent. */
  dispose(): void;
}

function checkInterval(ms: number): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 1) {
    throw new RangeError(`flush interval must be a finite number of milliseconds >= 1, got ${String(ms)}`);
  }
  return ms;
}

/** How long a frame-aligned flush waits for an animation frame before flushing anyway (ms). */
const FRAME_WAIT_MS = 100;

/**
 * Creates an ingest bus writing to `options.stores`.
 * @throws RangeError if `flushIntervalMs` is not a finite number ≥ 1, or `stretchFactor` < 1
 */
export function createIngestBus(options: IngestBusOptions): IngestBus {
  const { stores } = options;
  const scheduler = options.scheduler ?? realScheduler;
  const measure = options.now ?? (() => scheduler.now());
  const log = options.logger ?? createLogger('bus');
  const stretchFactor = options.stretchFactor ?? 4;
  if (!Number.isFinite(stretchFactor) || stretchFactor < 1) throw new RangeError(`stretchFactor must be >= 1, got ${stretchFactor}`);
  let base = checkInterval(options.flushIntervalMs);
  const maxFor = (b: number): number => (options.maxIntervalMs !== undefined ? Math.max(b, options.maxIntervalMs) : Math.max(8 * b, 2000));
  let maxInterval = maxFor(base);
  let interval = base;

  let buffer: DomainEvent[] = [];
  let disposed = false;
  let flushing = false;
  let urgentPending = false;
  let lastFlushEnd = Number.NEGATIVE_INFINITY;
  let timerCancel: CancelFn | undefined;
  let timerDue = 0;
  let frameCancels: CancelFn[] = [];

  let eventsTotal = 0;
  let flushes = 0;
  let lastFlushMs = 0;
  let maxFlushMs = 0;

  function cancelTimers(): void {
    timerCancel?.();
    timerCancel = undefined;
    for (const c of frameCancels) c();
    frameCancels = [];
  }

  function arm(): void {
    if (disposed || flushing || buffer.length === 0 || frameCancels.length > 0) return;
    const t = scheduler.now();
    const due = Math.max(t, lastFlushEnd + interval);
    if (timerCancel) {
      if (timerDue <= due) return;
      timerCancel();
    }
    timerDue = due;
    timerCancel = scheduler.setTimeout(onTimer, due - t);
  }

  function onTimer(): void {
    timerCancel = undefined;
    const lateMs = Math.max(0, scheduler.now() - timerDue);
    if (!options.frameAligned) {
      flush(lateMs, false);
      return;
    }
    let done = false;
    const run = (): void => {
      if (done) return;
      done = true;
      for (const c of frameCancels) c();
      frameCancels = [];
      flush(lateMs, false);
    };
    frameCancels = [scheduler.requestFrame(run), scheduler.setTimeout(run, FRAME_WAIT_MS)];
  }

  function setIfChanged<S>(name: keyof WallboardStores, store: { setState(s: S, replace: true): void }, prev: S, next: S, set: (keyof WallboardStores)[]): void {
    if (next === prev) return;
    set.push(name);
    try {
      store.setState(next, true);
    } catch (err) {
      log.error(`a listener of the ${name} store threw`, err);
    }
  }

  function reduceSafely<S>(name: string, reducer: (s: S, ev: readonly DomainEvent[]) => S, prev: S, batch: readonly DomainEvent[]): S {
    try {
      return reducer(prev, batch);
    } catch (err) {
      log.error(`the ${name} reducer threw; batch dropped for that store`, err);
      return prev;
    }
  }

  function runBatch(batch: readonly DomainEvent[], lateMs: number, urgent: boolean): void {
    const t0 = measure();
    const c0 = stores.connections.getState();
    const t1 = stores.teams.getState();
    const q0 = stores.queues.getState();
    const a0 = stores.agents.getState();
    const c1 = reduceSafely('connections', reduceConnections, c0, batch);
    const tm1 = reduceSafely('teams', reduceTeams, t1, batch);
    const q1 = reduceSafely('queues', reduceQueues, q0, batch);
    const a1 = reduceSafely('agents', reduceAgents, a0, batch);
    const set: (keyof WallboardStores)[] = [];
    setIfChanged('connections', stores.connections, c0, c1, set);
    setIfChanged('teams', stores.teams, t1, tm1, set);
    setIfChanged('queues', stores.queues, q0, q1, set);
    setIfChanged('agents', stores.agents, a0, a1, set);
    const durationMs = Math.max(0, measure() - t0);

    flushes++;
    lastFlushMs = durationMs;
    if (durationMs > maxFlushMs) maxFlushMs = durationMs;
    interval = Math.min(maxInterval, Math.max(base, stretchFactor * (durationMs + lateMs)));
    lastFlushEnd = scheduler.now();
    if (options.onFlush) {
      try {
        options.onFlush({ events: batch.length, durationMs, lateMs, storesSet: set, nextIntervalMs: interval, urgent });
      } catch (err) {
        log.error('onFlush threw', err);
      }
    }
  }

  function flush(lateMs: number, urgent: boolean): void {
    if (disposed) return;
    if (flushing) {
      // Called from a store listener: run again right after the current flush.
      urgentPending = true;
      return;
    }
    cancelTimers();
    flushing = true;
    try {
      let late = lateMs;
      let isUrgentRun = urgent;
      while (buffer.length > 0 && !disposed) {
        urgentPending = false;
        const batch = buffer;
        buffer = [];
        runBatch(batch, late, isUrgentRun);
        late = 0;
        if (!urgentPending) break;
        isUrgentRun = true;
      }
    } finally {
      flushing = false;
      urgentPending = false;
    }
    arm();
  }

  return {
    publish(events) {
      if (disposed) return;
      if (!events || typeof events.length !== 'number') {
        log.warn('publish() called without an array of events; ignored');
        return;
      }
      let urgent = false;
      for (let i = 0; i < events.length; i++) {
        const e = events[i] as DomainEvent;
        buffer.push(e);
        if (!urgent && typeof e === 'object' && e !== null && isUrgent(e)) urgent = true;
      }
      eventsTotal += events.length;
      if (urgent) {
        if (flushing) urgentPending = true;
        else flush(0, true);
      } else {
        arm();
      }
    },
    flushNow() {
      flush(0, false);
    },
    setFlushInterval(ms) {
      base = checkInterval(ms);
      maxInterval = maxFor(base);
      interval = base;
      if (timerCancel) {
        timerCancel();
        timerCancel = undefined;
      }
      arm();
    },
    stats() {
      return { events: eventsTotal, flushes, lastFlushMs, maxFlushMs, intervalMs: interval, baseIntervalMs: base, buffered: buffer.length };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      cancelTimers();
      buffer = [];
    },
  };
}
