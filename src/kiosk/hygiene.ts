import type { CancelFn, Scheduler } from '../lib/scheduler';

/**
 * TV hygiene for a kiosk that runs for months (issue 14 scope 4): the watchdog, the
 * configuration poll, the burn-in shift and the screen wake lock. Timers come from the one
 * scheduler (`lib/scheduler`); everything is injectable for the unit tests.
 */

/** Why the kiosk reloaded itself (kept in `sessionStorage` across the reload, shown as `data-last-reload`). */
export type ReloadReason = 'stall' | 'heap' | 'config';

/** The `sessionStorage` key the last self-reload is kept under (`{"reason":…,"at":<epoch ms>}`). */
export const RELOAD_NOTE_KEY = 'wallboard.kiosk.lastReload';

/** Options of {@link startWatchdog}. */
export interface WatchdogOptions {
  readonly scheduler: Scheduler;
  /** A heartbeat later than this (ms) means the main thread was blocked: reload. */
  readonly stallMs: number;
  /** Reload when the JS heap in use passes this many MiB (where `readHeapBytes` tells it). */
  readonly heapMb: number;
  /** Bytes of JS heap in use (Chromium's `performance.memory.usedJSHeapSize`), undefined where unknown. */
  readonly readHeapBytes: () => number | undefined;
  /** True while the page is visible: a hidden tab's timers are throttled, not stalled. */
  readonly isVisible: () => boolean;
  readonly reload: (reason: ReloadReason) => void;
  /** Heartbeat period (ms, default 1000). */
  readonly beatMs?: number;
}

/**
 * Starts the watchdog: a heartbeat on the scheduler every `beatMs`. The heartbeat cannot
 * run while the main thread is blocked, so a stall is seen when it resumes: a beat later
 * than `stallMs` after the previous one (both while visible) reloads the page, since a
 * thread that stalled that long once (a runaway loop, memory pressure) will again. Each
 * beat also reads the heap and reloads past `heapMb`. Reloads at most once.
 * @returns stops the watchdog
 */
export function startWatchdog(o: WatchdogOptions): CancelFn {
  const beatMs = o.beatMs ?? 1_000;
  let last = o.scheduler.now();
  let lastVisible = o.isVisible();
  let cancel: CancelFn | undefined;
  let done = false;
  const fire = (reason: ReloadReason) => {
    if (done) return;
    done = true;
    o.reload(reason);
  };
  const beat = () => {
    const t = o.scheduler.now();
    const visible = o.isVisible();
    if (visible && lastVisible && t - last > o.stallMs) return fire('stall');
    const heap = o.readHeapBytes();
    if (heap !== undefined && heap > o.heapMb * 1024 * 1024) return fire('heap');
    last = t;
    lastVisible = visible;
    cancel = o.scheduler.setTimeout(beat, beatMs);
  };
  cancel = o.scheduler.setTimeout(beat, beatMs);
  return () => {
    done = true;
    cancel?.();
  };
}

/** Options of {@link startConfigPoll}. */
export interface ConfigPollOptions {
  readonly scheduler: Scheduler;
  readonly intervalMs: number;
  /** The configuration as loaded now, serialised (the validated object, so whitespace does not count). */
  readonly current: string;
  /** Loads and validates the configuration again, serialised the same way; rejects when unreachable or invalid. */
  readonly load: () => Promise<string>;
  readonly reload: (reason: ReloadReason) => void;
}

/**
 * Polls the configuration every `intervalMs` and reloads the page once it changed. A
 * failed load (server down, file invalid while being edited) keeps the running board and
 * tries again at the next interval.
 * @returns stops the poll
 */
export function startConfigPoll(o: ConfigPollOptions): CancelFn {
  let cancel: CancelFn | undefined;
  let stopped = false;
  const poll = () => {
    o.load().then(
      (next) => {
        if (stopped) return;
        if (next !== o.current) {
          stopped = true;
          o.reload('config');
          return;
        }
        cancel = o.scheduler.setTimeout(poll, o.intervalMs);
      },
      () => {
        if (!stopped) cancel = o.scheduler.setTimeout(poll, o.intervalMs);
      },
    );
  };
  cancel = o.scheduler.setTimeout(poll, o.intervalMs);
  return () => {
    stopped = true;
    cancel?.();
  };
}

/** The orbit the board moves along against burn-in, in units of `maxShiftPx`. */
const ORBIT: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

/**
 * The burn-in shift at `atMs` (px): the whole board steps along a small orbit, one step
 * every `periodSec`, at most `maxShiftPx` from its place, so no pixel shows the same edge
 * for months. A function of time, so every TV shifts alike and a test can predict it.
 */
export function burnInShift(atMs: number, periodSec: number, maxShiftPx: number): { x: number; y: number } {
  const step = Math.floor(atMs / (periodSec * 1000));
  const [x, y] = ORBIT[((step % ORBIT.length) + ORBIT.length) % ORBIT.length] as readonly [number, number];
  return { x: x * maxShiftPx, y: y * maxShiftPx };
}

/** What the wake lock is doing (`data-wake-lock` on the kiosk). */
export type WakeLockState = 'held' | 'released' | 'unsupported' | 'refused';

/** The parts of the Screen Wake Lock API the kiosk uses. */
interface WakeLockLike {
  request(type: 'screen'): Promise<{ addEventListener(type: 'release', listener: () => void): void; release(): Promise<void> }>;
}

/**
 * Holds the screen wake lock (Screen Wake Lock API) and takes it again whenever the page
 * becomes visible (the browser releases it when the tab is hidden). Where the API is
 * missing (older TV browsers) it reports `unsupported`: the fallback is the display's own
 * power settings (README: set the TV never to sleep).
 * @returns stops holding it
 */
export function holdWakeLock(nav: { readonly wakeLock?: WakeLockLike }, doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>, report: (s: WakeLockState) => void): () => void {
  const api = nav.wakeLock;
  if (!api) {
    report('unsupported');
    return () => undefined;
  }
  let sentinel: { release(): Promise<void> } | undefined;
  let stopped = false;
  const acquire = () => {
    if (stopped || doc.visibilityState !== 'visible') return;
    api.request('screen').then(
      (s) => {
        if (stopped) return void s.release().catch(() => undefined);
        sentinel = s;
        report('held');
        s.addEventListener('release', () => {
          sentinel = undefined;
          if (!stopped) report('released');
        });
      },
      () => report('refused'),
    );
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'visible' && !sentinel) acquire();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  acquire();
  return () => {
    stopped = true;
    doc.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release().catch(() => undefined);
  };
}
