/**
 * In-page performance probe of the browser benchmark (issue 6; docs/PERFORMANCE.md "Browser
 * benchmark"). Present only with the URL parameter `?probe=1`: `src/main.tsx` loads it by a
 * dynamic `import()` before the app starts, so the normal bundle does not contain it. The
 * vanilla reference page (`bench/browser/vanilla/`) installs the same module.
 *
 * What it records (times are epoch ms, `performance.timeOrigin + performance.now()`, so
 * they compare with the load simulator's send stamps on the same machine):
 * - **event-to-paint** per stamped event: it wraps `WebSocket` so that it sees every frame
 *   before the app does, reads the `bench` stamp of each `MessageReceived`
 *   (sim/load.ts `LoadStamp`: seq, send time, and what the DOM shows once applied), and a
 *   `MutationObserver` on the document notes when the DOM shows it, through the stable test
 *   hooks (`data-testid="agent-tile"` + `data-agent-id` + `data-state`; `data-testid="queue-tile"`
 *   + `data-queue-id` and its `queue-calls-waiting` figure's `data-value`); the paint time is
 *   the next `requestAnimationFrame` after that mutation. An event for an entity not in the
 *   DOM when it arrives (a virtualised row) counts as "not visible" and is left out; a later
 *   event for the same entity shown first resolves the earlier ones at the same time (the DOM
 *   is consistent with them).
 * - **frame intervals** (a `requestAnimationFrame` loop), **long animation frames**
 *   (`PerformanceObserver` `long-animation-frame`, else `longtask`), and the ingest bus's
 *   buffer depth at each flush when the app exposes `window.__wallboardBus.stats()`.
 *
 * Results: `window.__probe` ({@link PerfProbe}); the runner (`bench/browser/run.ts`) calls
 * `take()` per phase.
 */

/** The stamp the load simulator puts on each event (sim/load.ts `LoadStamp`). */
export interface ProbeStamp {
  readonly seq: number;
  /** Send time, epoch ms. */
  readonly t: number;
  /** `a` agent (value = `data-state`), `q` queue (value = calls waiting `data-value`). */
  readonly e: 'a' | 'q';
  readonly id: string;
  readonly v: string;
}

/** One event waiting to be seen in the DOM. */
export interface PendingEvent {
  readonly seq: number;
  readonly sentAt: number;
  readonly arrivedAt: number;
  readonly value: string;
  domAt?: number;
}

/**
 * One resolved event: `[seq, sentAt, arrivedAt, domAt, paintAt]`, epoch ms.
 * Event-to-paint latency = `paintAt − sentAt`.
 */
export type ProbeEventRow = [number, number, number, number, number];

/** What {@link PerfProbe.take} returns: everything recorded since the previous take. */
export interface ProbeSnapshot {
  /** Window of this snapshot, epoch ms. */
  readonly from: number;
  readonly to: number;
  readonly events: ProbeEventRow[];
  /** Stamped events whose entity was not in the DOM on arrival (virtualised), or left it before being shown. */
  readonly notVisible: number;
  /** Events still not shown 10 s after arrival while their tile stayed in the DOM. */
  readonly unresolved: number;
  /** Events waiting now. */
  readonly pending: number;
  /** `[at, interval ms]` per animation frame. */
  readonly frames: [number, number][];
  /** `[start, duration ms, blocking ms]` per long animation frame (or long task: blocking = duration − 50). */
  readonly longFrames: [number, number, number][];
  /**
   * Where each long animation frame's time went (`long-animation-frame` only):
   * `[duration, script ms, style and layout ms, render ms (from renderStart to the end), the
   * longest script as "invoker (function) ms"]`.
   */
  readonly longFrameDetail: [number, number, number, number, string][];
  /** `long-animation-frame`, `longtask`, or `none` (not supported). */
  readonly longFrameType: string;
  /** `[at, buffered events, flushes so far]` at each flush seen (only when the app exposes its bus). */
  readonly bus: [number, number, number][];
  /** When the first tile entered the DOM (epoch ms), or null. */
  readonly firstTileAt: number | null;
}

/** The probe's page API (`window.__probe`). */
export interface PerfProbe {
  /** Returns and clears what was recorded since the last call. */
  take(): ProbeSnapshot;
  /** Events waiting to be seen in the DOM now. */
  pending(): number;
  /** Highest stamp sequence number seen so far (0 before any). */
  lastSeq(): number;
}

const RS = '\u001e';
const AGENT_SEL = '[data-testid="agent-tile"]';
const QUEUE_SEL = '[data-testid="queue-tile"]';
const TILE_SEL = `${AGENT_SEL},${QUEUE_SEL}`;
const EXPIRE_MS = 10_000;

/** Epoch ms with sub-ms precision. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * The stamps in one WebSocket text frame of the SignalR JSON protocol (records ending with
 * 0x1E; `{"type":1,"target":"MessageReceived","arguments":[{…,"bench":{…}}]}`). Records
 * without a stamp, and malformed ones, are skipped. Never throws.
 */
export function extractStamps(frame: string): ProbeStamp[] {
  if (frame.indexOf('"bench"') < 0) return [];
  const out: ProbeStamp[] = [];
  for (const record of frame.split(RS)) {
    if (record.indexOf('"bench"') < 0) continue;
    try {
      const m = JSON.parse(record) as { arguments?: unknown[] };
      const b = (m.arguments?.[0] as { bench?: unknown } | undefined)?.bench as Partial<ProbeStamp> | undefined;
      if (b && typeof b.seq === 'number' && typeof b.t === 'number' && (b.e === 'a' || b.e === 'q') && typeof b.id === 'string' && typeof b.v === 'string') {
        out.push({ seq: b.seq, t: b.t, e: b.e, id: b.id, v: b.v });
      }
    } catch {
      /* not JSON: not ours */
    }
  }
  return out;
}

/** Key of an entity in the matcher: `a|<agent id>` or `q|<queue id>`. */
export function entityKey(e: 'a' | 'q', id: string): string {
  return `${e}|${id}`;
}

/**
 * Pure bookkeeping of stamped events against what the DOM shows (no DOM access here).
 * Per entity, events wait in arrival order; when the DOM shows a value, the newest waiting
 * event with that value and every older one for that entity are resolved.
 */
export class StampMatcher {
  private readonly waiting = new Map<string, PendingEvent[]>();
  private count = 0;
  notVisible = 0;
  unresolved = 0;

  /** Records an arriving event; `visible` false counts it as not visible and forgets it. */
  arrive(stamp: ProbeStamp, arrivedAt: number, visible: boolean): void {
    if (!visible) {
      this.notVisible++;
      return;
    }
    const key = entityKey(stamp.e, stamp.id);
    let list = this.waiting.get(key);
    if (!list) this.waiting.set(key, (list = []));
    list.push({ seq: stamp.seq, sentAt: stamp.t, arrivedAt, value: stamp.v });
    this.count++;
  }

  /** True when events wait for `key`. */
  has(key: string): boolean {
    return this.waiting.has(key);
  }

  /**
   * The DOM shows `value` for `key` at `at`: resolves (returns, with `domAt` set) the newest
   * waiting event with that value and the older ones; nothing when no waiting event has it.
   */
  observe(key: string, value: string | null, at: number): PendingEvent[] {
    const list = this.waiting.get(key);
    if (!list || value === null) return [];
    let j = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.value === value) {
        j = i;
        break;
      }
    }
    if (j < 0) return [];
    const done = list.splice(0, j + 1);
    if (list.length === 0) this.waiting.delete(key);
    this.count -= done.length;
    for (const d of done) d.domAt = at;
    return done;
  }

  /**
   * Gives up on events waiting longer than `maxAgeMs` at `now`: counted as not visible when
   * `stillVisible(key)` is false (the tile left the DOM), else as unresolved.
   */
  expire(now: number, maxAgeMs: number, stillVisible: (key: string) => boolean): void {
    for (const [key, list] of this.waiting) {
      let n = 0;
      while (n < list.length && now - list[n]!.arrivedAt > maxAgeMs) n++;
      if (n === 0) continue;
      list.splice(0, n);
      this.count -= n;
      if (stillVisible(key)) this.unresolved += n;
      else this.notVisible += n;
      if (list.length === 0) this.waiting.delete(key);
    }
  }

  /** Events waiting now. */
  get pending(): number {
    return this.count;
  }
}

/**
 * Which element shows which entity's tile. An element can change whose tile it is (a grid
 * keyed by slot shows another agent in the same element after a re-sort): an entity counts
 * as visible only while its element is in the document and still carries its id.
 */
export class TileIndex {
  private readonly byKey = new Map<string, Element>();
  private readonly keyOf = new WeakMap<Element, string>();

  /** `el` now shows the tile of `key` (an {@link entityKey}); a key it showed before is dropped. */
  set(key: string, el: Element): void {
    const previous = this.keyOf.get(el);
    if (previous !== undefined && previous !== key && this.byKey.get(previous) === el) this.byKey.delete(previous);
    this.keyOf.set(el, key);
    this.byKey.set(key, el);
  }

  /** True while the tile of `key` is in the document. */
  visible(key: string): boolean {
    const el = this.byKey.get(key);
    return el !== undefined && el.isConnected && this.keyOf.get(el) === key;
  }
}

/**
 * The `p`-th percentile (0..100, nearest rank) of `values`; NaN for an empty list.
 * Does not modify `values`.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

/** Median (mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface BusLike {
  stats(): { buffered?: number; flushes?: number };
}

/**
 * Installs the probe in `win` (once; later calls return the same probe) and publishes it as
 * `window.__probe`. Must run before the page opens its WebSockets.
 */
export function installPerfProbe(win: Window & typeof globalThis = window): PerfProbe {
  const w = win as unknown as { __probe?: PerfProbe; __wallboardBus?: BusLike };
  if (w.__probe) return w.__probe;
  const matcher = new StampMatcher();
  const index = new TileIndex();
  let events: ProbeEventRow[] = [];
  let frames: [number, number][] = [];
  let longFrames: [number, number, number][] = [];
  let longFrameDetail: [number, number, number, number, string][] = [];
  let bus: [number, number, number][] = [];
  let awaitingPaint: PendingEvent[] = [];
  let paintRequested = false;
  let firstTileAt: number | null = null;
  let from = epochNow();
  let maxSeq = 0;

  const visible = (key: string): boolean => index.visible(key);
  const valueOf = (key: string, el: Element): string | null =>
    key.charCodeAt(0) === 97 /* a */ ? el.getAttribute('data-state') : (el.querySelector('[data-testid="queue-calls-waiting"]')?.getAttribute('data-value') ?? null);

  const onPaint = (): void => {
    paintRequested = false;
    const at = epochNow();
    for (const e of awaitingPaint) events.push([e.seq, e.sentAt, e.arrivedAt, e.domAt ?? at, at]);
    awaitingPaint = [];
  };

  const check = (key: string, el: Element, at: number): void => {
    if (!matcher.has(key)) return;
    const done = matcher.observe(key, valueOf(key, el), at);
    if (done.length === 0) return;
    for (const d of done) awaitingPaint.push(d);
    if (!paintRequested) {
      paintRequested = true;
      win.requestAnimationFrame(onPaint);
    }
  };

  const register = (el: Element, touched: Map<string, Element>): void => {
    const isAgent = el.getAttribute('data-testid') === 'agent-tile';
    const id = el.getAttribute(isAgent ? 'data-agent-id' : 'data-queue-id');
    if (!id) return;
    const key = entityKey(isAgent ? 'a' : 'q', id);
    index.set(key, el);
    touched.set(key, el);
    firstTileAt ??= epochNow();
  };

  const tileOf = (node: Node | null): Element | null => {
    const el = node instanceof Element ? node : (node?.parentElement ?? null);
    return el?.closest(TILE_SEL) ?? null;
  };

  const observer = new MutationObserver((records) => {
    const at = epochNow();
    const touched = new Map<string, Element>();
    for (const r of records) {
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => {
          if (!(n instanceof Element)) return;
          if (n.matches(TILE_SEL)) register(n, touched);
          n.querySelectorAll(TILE_SEL).forEach((t) => register(t, touched));
        });
      }
      const tile = tileOf(r.target);
      if (tile) register(tile, touched);
    }
    for (const [key, el] of touched) check(key, el, at);
  });
  observer.observe(win.document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-value', 'data-agent-id', 'data-queue-id'] });

  // Every WebSocket the page opens: our listener is added before the page's own handlers.
  const Native = win.WebSocket;
  const onMessage = (ev: MessageEvent): void => {
    if (typeof ev.data !== 'string') return;
    const stamps = extractStamps(ev.data);
    if (stamps.length === 0) return;
    const at = epochNow();
    for (const s of stamps) {
      if (s.seq > maxSeq) maxSeq = s.seq;
      matcher.arrive(s, at, visible(entityKey(s.e, s.id)));
    }
  };
  class ProbedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', onMessage);
    }
  }
  win.WebSocket = ProbedWebSocket;

  // Frames, bus flushes, and expiry of events never shown.
  let last = 0;
  let lastFlushes = -1;
  let lastExpire = 0;
  const loop = (): void => {
    const at = epochNow();
    if (last) frames.push([at, at - last]);
    last = at;
    const stats = w.__wallboardBus?.stats?.();
    if (stats && typeof stats.flushes === 'number' && stats.flushes !== lastFlushes) {
      if (lastFlushes >= 0) bus.push([at, stats.buffered ?? 0, stats.flushes]);
      lastFlushes = stats.flushes;
    }
    if (at - lastExpire > 1000) {
      lastExpire = at;
      matcher.expire(at, EXPIRE_MS, visible);
    }
    win.requestAnimationFrame(loop);
  };
  win.requestAnimationFrame(loop);

  let longFrameType = 'none';
  const types = (win.PerformanceObserver?.supportedEntryTypes ?? []) as readonly string[];
  const lf = types.includes('long-animation-frame') ? 'long-animation-frame' : types.includes('longtask') ? 'longtask' : null;
  if (lf) {
    longFrameType = lf;
    new win.PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const blocking = (e as PerformanceEntry & { blockingDuration?: number }).blockingDuration ?? Math.max(0, e.duration - 50);
        longFrames.push([performance.timeOrigin + e.startTime, e.duration, blocking]);
        const loaf = e as PerformanceEntry & {
          renderStart?: number;
          styleAndLayoutStart?: number;
          scripts?: readonly { duration: number; invoker?: string; sourceFunctionName?: string; sourceURL?: string; sourceCharPosition?: number }[];
        };
        if (loaf.scripts) {
          const end = e.startTime + e.duration;
          let script = 0;
          let top: { duration: number; invoker?: string; sourceFunctionName?: string; sourceURL?: string; sourceCharPosition?: number } | undefined;
          for (const sc of loaf.scripts) {
            script += sc.duration;
            if (!top || sc.duration > top.duration) top = sc;
          }
          const layout = loaf.styleAndLayoutStart ? end - loaf.styleAndLayoutStart : 0;
          const render = loaf.renderStart ? end - loaf.renderStart : 0;
          longFrameDetail.push([e.duration, script, layout, render, top ? `${top.invoker ?? '?'} (${top.sourceFunctionName || '-'} ${(top.sourceURL ?? '').split('/').pop()}:${top.sourceCharPosition ?? '?'}) ${Math.round(top.duration)}` : '']);
        }
      }
    }).observe({ type: lf, buffered: true });
  }

  const probe: PerfProbe = {
    take() {
      const to = epochNow();
      const snap: ProbeSnapshot = {
        from, to, events, frames, longFrames, longFrameDetail, longFrameType, bus, firstTileAt,
        notVisible: matcher.notVisible,
        unresolved: matcher.unresolved,
        pending: matcher.pending,
      };
      from = to;
      events = [];
      frames = [];
      longFrames = [];
      longFrameDetail = [];
      bus = [];
      matcher.notVisible = 0;
      matcher.unresolved = 0;
      return snap;
    },
    pending: () => matcher.pending + awaitingPaint.length,
    lastSeq: () => maxSeq,
  };
  w.__probe = probe;
  return probe;
}
