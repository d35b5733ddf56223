/**
 * The ingest bus (ARCHITECTURE.md rules 1 and 6): connectors `publish` DomainEvents; the
 * bus buffers them and flushes the whole buffer on a cadence. A flush routes each event
 * once to the slices that take its kind (`slices.ts`), runs one reducer per slice (only
 * slices that received events), and calls one `setState` per changed store (none for a
 * store whose reducer returned the same state). An event of a slice's `urgentKinds`
 * (`connection.status` today) flushes at once. When flushes run
 * long, or the flush timer fires late because the main thread was busy (rendering the last
 * flush), the next interval is stretched instead of queueing more work.
 *
 * Timing (throttle with a leading edge): a flush happens no sooner than `intervalMs` after
 * the end of the previous one. An event arriving after a quiet spell is flushed on the
 * next timer turn (delay 0); events arriving within the interval wait for its end.
 */
import type { DomainEvent, DomainEventKind } from '../../domain';
import { createLogger, type Logger } from '../../lib/logger';
import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';
import type { WallboardStores } from '../create';
import { SLICES, SLICES_BY_KIND, URGENT_KINDS, type ErasedSlice, type SliceName } from '../slices';

const SLICE_LIST: readonly ErasedSlice[] = SLICES;
/** kind → indexes into SLICE_LIST of the slices that take it. */
const TARGETS: ReadonlyMap<DomainEventKind, readonly number[]> = new Map(
  [...SLICES_BY_KIND].map(([kind, slices]) => [kind, slices.map((s) => SLICE_LIST.indexOf(s))]),
);

function kindOf(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { kind?: unknown }).kind : undefined;
}

/** What one flush did, passed to {@link IngestBusOptions.onFlush}. */
export interface FlushInfo {
  /** Events in the batch. */
  readonly events: number;
  /** Time spent in reducers, `setState` and the stores' synchronous listeners (ms). */
  readonly durationMs: number;
  /** How late the flush timer fired past its due time (ms; 0 for urgent and manual flushes). */
  readonly lateMs: number;
  /** Stores that changed and were set, in slice-list order, e.g. `['connections', 'agents']`. */
  readonly storesSet: readonly SliceName[];
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
   * Apply events in an animation frame, so store updates land just before a paint
   * (ARCHITECTURE.md rule 1): when the bus is idle and the interval since the last flush
   * has passed, an event is applied in the very next frame (no timer turn first); under
   * load (a flush that takes more than its share, or a busy main thread delaying frames)
   * the interval stretches and the flush runs in the first frame after it. A frame that
   * does not come within 100 ms (hidden tab) is not waited for. Default false; the app
   * turns it on (`initIngest`).
   */
  frameAligned?: boolean;
  /**
   * Frame-aligned only: a flush's frame is measured up to the next animation frame (the
   * reducers, React's render, style, layout and paint of that frame), and when it overran
   * by more than a frame the next interval is also ≥ `renderStretchFactor` × the overrun
   * (ms beyond one frame). A screen that paints slowly then gets fewer, larger flushes and
   * keeps its frames for scrolling and the clock, instead of every frame running late (on a
   * machine that paints fast nothing overruns and nothing changes). Default 2 (a flush's
   * frames take at most about half of the time). ≥ 1. A frame that does not come within
   * 1 s (hidden tab) measures nothing, and events meanwhile wait for it at most that long.
   * Stretched this way an interval stays ≤ 1 s (the kiosk's cadence) or the base.
   */
  renderStretchFactor?: number;
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
  /**
   * Frame-aligned only: how far the last measured flush frame ran past one frame (ms, 0
   * when it did not), see {@link IngestBusOptions.renderStretchFactor}.
   */
  readonly lastFrameOverrunMs: number;
  /** The configured base interval (ms). */
  readonly baseIntervalMs: number;
  /** Events waiting for the next flush. */
  readonly buffered: number;
  /**
   * Events no slice takes (not an object, or an unknown `kind`), dropped at flush. Always 0
   * behind the connector edge (`guardEmit` turns such input into `ingest.error` events).
   */
  readonly unrouted: number;
}

/** The ingest bus. */
export interface IngestBus {
  /**
   * Buffers `events` (any number, in order). Flushes synchronously before returning when
   * one of them is of an urgent kind (`connection.status`); otherwise arms the flush timer.
   * Ignored after {@link dispose}. Events are expected to be valid (checked at the connector
   * edge); an event no slice takes is dropped and counted in `stats().unrouted`, never thrown on.
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
 * How long the frame after a flush is waited for to measure it (ms): a slow frame's paint
 * may well exceed {@link FRAME_WAIT_MS}, and a timer due meanwhile runs before that frame;
 * beyond this the frame is taken for absent (hidden tab) and nothing is measured.
 */
const PROBE_WAIT_MS = 1000;
/** Upper bound of an interval stretched for a slow frame (ms; or the base when longer): the kiosk's cadence. */
const RENDER_STRETCH_MAX_MS = 1000;
/** One display frame at 60 Hz (ms): a frame-aligned flush asks for its frame this long before it is due. */
const FRAME_MS = 16;

/**
 * Creates an ingest bus writing to `options.stores`.
 * @throws RangeError if `flushIntervalMs` is not a finite number ≥ 1, or `stretchFactor` or
 *   `renderStretchFactor` < 1
 */
export function createIngestBus(options: IngestBusOptions): IngestBus {
  const { stores } = options;
  const scheduler = options.scheduler ?? realScheduler;
  const measure = options.now ?? (() => scheduler.now());
  const log = options.logger ?? createLogger('bus');
  const stretchFactor = options.stretchFactor ?? 4;
  if (!Number.isFinite(stretchFactor) || stretchFactor < 1) throw new RangeError(`stretchFactor must be >= 1, got ${stretchFactor}`);
  const renderStretchFactor = options.renderStretchFactor ?? 2;
  if (!Number.isFinite(renderStretchFactor) || renderStretchFactor < 1) throw new RangeError(`renderStretchFactor must be >= 1, got ${renderStretchFactor}`);
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
  /** The frame after a frame-aligned flush, awaited to measure that flush's frame. */
  let probeCancels: CancelFn[] = [];
  let lastFrameOverrunMs = 0;

  let eventsTotal = 0;
  let flushes = 0;
  let lastFlushMs = 0;
  let maxFlushMs = 0;
  let unrouted = 0;

  function cancelTimers(): void {
    timerCancel?.();
    timerCancel = undefined;
    for (const c of frameCancels) c();
    frameCancels = [];
  }

  function arm(): void {
    if (disposed || flushing || buffer.length === 0 || frameCancels.length > 0 || probeCancels.length > 0) return;
    const t = scheduler.now();
    // Frame-aligned: aim at the first animation frame at or after `lastFlushEnd + interval`:
    // ask for a frame once the due time is less than a frame away (a frame never comes
    // sooner than one frame later), so a base of one frame (16 ms) means "every frame".
    const due = Math.max(t, lastFlushEnd + interval - (options.frameAligned ? FRAME_MS : 0));
    if (options.frameAligned && due <= t && !timerCancel) {
      timerDue = t;
      awaitFrame(0);
      return;
    }
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
    awaitFrame(lateMs);
  }

  /**
   * Calls `then(true)` in the next animation frame, or `then(false)` after `waitMs` when no
   * frame comes first (hidden tab), once; returns the two cancels.
   */
  function frameOrTimeout(waitMs: number, then: (inFrame: boolean) => void): CancelFn[] {
    let done = false;
    const end = (inFrame: boolean): void => {
      if (done) return;
      done = true;
      then(inFrame);
    };
    return [scheduler.requestFrame(() => end(true)), scheduler.setTimeout(() => end(false), waitMs)];
  }

  /** Flushes in the next animation frame, or after {@link FRAME_WAIT_MS} when no frame comes (hidden tab). */
  function awaitFrame(lateMs: number): void {
    frameCancels = frameOrTimeout(FRAME_WAIT_MS, () => {
      for (const c of frameCancels) c();
      frameCancels = [];
      flush(lateMs, false, scheduler.now());
    });
  }

  /**
   * Awaits the animation frame after a flush that ran at `frameAt` (a frame's start): the
   * time between is that flush's frame. An overrun of more than a frame stretches the next
   * interval ({@link IngestBusOptions.renderStretchFactor}). Being in a frame then, a flush
   * already due runs at once. A frame that does not come (hidden tab) measures nothing.
   */
  function probeFrame(frameAt: number): void {
    probeCancels = frameOrTimeout(PROBE_WAIT_MS, (inFrame) => {
      for (const c of probeCancels) c();
      probeCancels = [];
      if (disposed) return;
      const t = scheduler.now();
      if (inFrame) {
        lastFrameOverrunMs = Math.max(0, t - frameAt - FRAME_MS);
        const cap = Math.min(maxInterval, Math.max(base, RENDER_STRETCH_MAX_MS));
        if (lastFrameOverrunMs > FRAME_MS) interval = Math.max(interval, Math.min(cap, renderStretchFactor * lastFrameOverrunMs));
      }
      // No timer can be armed while probing (arm() waits for the probe).
      if (inFrame && buffer.length > 0 && lastFlushEnd + interval - FRAME_MS <= t) flush(0, false, t);
      else arm();
    });
  }

  function reduceSafely(slice: ErasedSlice, prev: unknown, events: readonly DomainEvent[]): unknown {
    try {
      return slice.reduce(prev, events);
    } catch (err) {
      log.error(`the ${slice.name} reducer threw; batch dropped for that store`, err);
      return prev;
    }
  }

  function runBatch(batch: readonly DomainEvent[], lateMs: number, urgent: boolean): void {
    const t0 = measure();
    // Route each event once to the slices that take its kind.
    const routed: DomainEvent[][] = SLICE_LIST.map(() => []);
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i] as DomainEvent;
      const targets = TARGETS.get(kindOf(e) as DomainEventKind);
      if (targets === undefined) {
        unrouted++;
        continue;
      }
      for (let t = 0; t < targets.length; t++) (routed[targets[t] as number] as DomainEvent[]).push(e);
    }
    // One reducer per slice that received events, then one setState per changed store.
    const next: unknown[] = [];
    const prev: unknown[] = [];
    for (let i = 0; i < SLICE_LIST.length; i++) {
      const slice = SLICE_LIST[i] as ErasedSlice;
      const events = routed[i] as DomainEvent[];
      const p = stores[slice.name].getState();
      prev.push(p);
      next.push(events.length === 0 ? p : reduceSafely(slice, p, events));
    }
    const set: SliceName[] = [];
    for (let i = 0; i < SLICE_LIST.length; i++) {
      if (next[i] === prev[i]) continue;
      const name = (SLICE_LIST[i] as ErasedSlice).name;
      set.push(name);
      try {
        (stores[name] as { setState(s: unknown, replace: true): void }).setState(next[i], true);
      } catch (err) {
        log.error(`a listener of the ${name} store threw`, err);
      }
    }
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

  /** @param frameAt when run in an animation frame (frame-aligned): that frame's start (scheduler ms). */
  function flush(lateMs: number, urgent: boolean, frameAt?: number): void {
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
    // A frame-aligned flush is only ever started with no probe pending (arm() waits for it).
    if (frameAt !== undefined && !disposed) probeFrame(frameAt);
    else arm();
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
        if (!urgent && URGENT_KINDS.has(kindOf(e) as DomainEventKind)) urgent = true;
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
      return { events: eventsTotal, flushes, lastFlushMs, maxFlushMs, intervalMs: interval, lastFrameOverrunMs, baseIntervalMs: base, buffered: buffer.length, unrouted };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      cancelTimers();
      for (const c of probeCancels) c();
      probeCancels = [];
      buffer = [];
    },
  };
}
