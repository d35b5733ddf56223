/**
 * Pure parts of the browser benchmark (bench/browser/run.ts): per-phase summaries from the
 * probe's snapshots (src/lib/perf-probe.ts), medians over runs, the issue 6 targets, and the
 * latency chart (plain SVG). Times in ms unless named `…S` (seconds).
 */
import { median, percentile, type ProbeSnapshot } from '../../src/lib/perf-probe';

/** The pages measured. `board` = supervisor `/`, `kiosk` = `/kiosk`, `vanilla` = the reference page. */
export type PageName = 'board' | 'kiosk' | 'vanilla';

/** Summary of the sustained phase (1,000 events/s for `BENCH_SECONDS`). */
export interface SustainedSummary {
  /** Event-to-paint latency (paint − send), ms, over the events shown. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Send → in the DOM (before the frame), p95 ms. */
  readonly domP95: number;
  readonly shown: number;
  readonly notVisible: number;
  readonly unresolved: number;
  /** Median of the per-second frame counts. */
  readonly fpsMedian: number;
  /** Long animation frames (or long tasks): count, longest ms, total blocking ms. */
  readonly longFrames: number;
  readonly longestFrameMs: number;
  readonly blockingMs: number;
  /** Median latency of the last third ÷ of the first third (a backlog grows when this climbs). */
  readonly backlogRatio: number;
  /** Largest buffer depth seen at a flush (app only, when it exposes its bus), else null. */
  readonly maxBuffered: number | null;
}

/** Summarises the sustained-phase snapshot. */
export function summariseSustained(s: ProbeSnapshot): SustainedSummary {
  const lat = s.events.map((e) => e[4] - e[1]);
  const dom = s.events.map((e) => e[3] - e[1]);
  const perSecond = new Map<number, number>();
  for (const [at] of s.frames) {
    const k = Math.floor((at - s.from) / 1000);
    perSecond.set(k, (perSecond.get(k) ?? 0) + 1);
  }
  // Whole seconds only (the first and last partial seconds are left out).
  const lastFull = Math.floor((s.to - s.from) / 1000) - 1;
  const counts = [...perSecond.entries()].filter(([k]) => k >= 0 && k <= lastFull).map(([, n]) => n);
  const bySent = [...s.events].sort((a, b) => a[1] - b[1]);
  const third = Math.floor(bySent.length / 3);
  const first = bySent.slice(0, third).map((e) => e[4] - e[1]);
  const last = bySent.slice(bySent.length - third).map((e) => e[4] - e[1]);
  return {
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    p99: percentile(lat, 99),
    max: lat.length ? Math.max(...lat) : Number.NaN,
    domP95: percentile(dom, 95),
    shown: lat.length,
    notVisible: s.notVisible,
    unresolved: s.unresolved,
    fpsMedian: median(counts),
    longFrames: s.longFrames.length,
    longestFrameMs: s.longFrames.reduce((m, f) => Math.max(m, f[1]), 0),
    blockingMs: s.longFrames.reduce((m, f) => m + f[2], 0),
    backlogRatio: third > 0 ? median(last) / median(first) : Number.NaN,
    maxBuffered: s.bus.length ? Math.max(...s.bus.map((b) => b[1])) : null,
  };
}

/**
 * Time until the DOM is consistent with a burst (ms): the last paint of the burst's shown
 * events (`seq` in `[from, to]`) minus the burst's send start; NaN when none was shown.
 */
export function burstMs(s: ProbeSnapshot, from: number, to: number, sentAt: number): number {
  let last = Number.NaN;
  for (const e of s.events) if (e[0] >= from && e[0] <= to && !(e[4] <= last)) last = e[4];
  return last - sentAt;
}

/** One page run (every figure the runner records). */
export interface PageRun {
  readonly page: PageName;
  readonly run: number;
  readonly sustained: SustainedSummary;
  /** Main-thread busy share during the sustained phase (CDP TaskDuration Δ ÷ wall time), 0..1. */
  readonly busy: number;
  /** CDP `Performance.getMetrics` deltas over the sustained phase, seconds. */
  readonly cdp: Readonly<Record<string, number>>;
  readonly burstMs: number;
  readonly burstShown: number;
  readonly heapAfterGcMB: number;
  readonly domNodes: number | null;
  readonly listeners: number | null;
  /** First contentful paint and first tile with data, ms after navigation start. */
  readonly fcpMs: number | null;
  readonly firstDataMs: number | null;
}

/** The 10,000-agent check of the board. */
export interface ScaleRun {
  readonly run: number;
  readonly scrollFps: number;
  readonly filterMs: number;
  readonly searchMs: number;
}

/** One issue 6 target and how the median run did. */
export interface TargetResult {
  readonly target: string;
  readonly value: number | null;
  readonly limit: number;
  /** `≤` or `≥`. */
  readonly op: '≤' | '≥';
  readonly ok: boolean;
  readonly unit: string;
}

/** Medians per page over the runs (each figure's median separately). */
export type PageMedians = Record<keyof Omit<SustainedSummary, 'maxBuffered'> | 'busy' | 'burstMs' | 'heapAfterGcMB' | 'domNodes' | 'listeners' | 'fcpMs' | 'firstDataMs', number>;

/** Median of every figure of the runs of one page. */
export function pageMedians(runs: readonly PageRun[]): PageMedians {
  const m = (f: (r: PageRun) => number | null): number => median(runs.map(f).filter((v): v is number => v !== null && Number.isFinite(v)));
  const s = (k: keyof SustainedSummary) => m((r) => r.sustained[k]);
  return {
    p50: s('p50'), p95: s('p95'), p99: s('p99'), max: s('max'), domP95: s('domP95'), shown: s('shown'), notVisible: s('notVisible'),
    unresolved: s('unresolved'), fpsMedian: s('fpsMedian'), longFrames: s('longFrames'), longestFrameMs: s('longestFrameMs'),
    blockingMs: s('blockingMs'), backlogRatio: s('backlogRatio'),
    busy: m((r) => r.busy), burstMs: m((r) => r.burstMs), heapAfterGcMB: m((r) => r.heapAfterGcMB), domNodes: m((r) => r.domNodes),
    listeners: m((r) => r.listeners), fcpMs: m((r) => r.fcpMs), firstDataMs: m((r) => r.firstDataMs),
  };
}

const check = (target: string, value: number | null, op: '≤' | '≥', limit: number, unit: string): TargetResult => ({
  target,
  value: value !== null && Number.isFinite(value) ? value : null,
  limit,
  op,
  unit,
  ok: value !== null && Number.isFinite(value) && (op === '≤' ? value <= limit : value >= limit),
});

/**
 * The issue 6 targets against the medians (docs/PERFORMANCE.md "Browser benchmark"). A
 * figure that could not be measured (NaN) misses its target. Alarms and emergency calls are
 * not part of the RTE load stream and are not checked here.
 */
export function evaluateTargets(
  med: Readonly<Record<PageName, PageMedians>>,
  scale: { scrollFps: number; filterMs: number; searchMs: number } | null,
  kioskCadenceMs: number,
): TargetResult[] {
  const { board, kiosk, vanilla } = med;
  const out: TargetResult[] = [
    check('board event-to-paint p95 ≤ 50 ms', board.p95, '≤', 50, 'ms'),
    check('board event-to-paint p95 ≤ 2 × vanilla', board.p95 / vanilla.p95, '≤', 2, '×'),
    check(`kiosk event-to-paint p95 ≤ cadence ${kioskCadenceMs} + 100 ms`, kiosk.p95, '≤', kioskCadenceMs + 100, 'ms'),
  ];
  for (const [name, p] of [['board', board], ['kiosk', kiosk]] as const) {
    out.push(
      check(`${name} main-thread busy ≤ 1.5 × vanilla`, p.busy / vanilla.busy, '≤', 1.5, '×'),
      check(`${name} median frames/s ≥ 55`, p.fpsMedian, '≥', 55, 'fps'),
      check(`${name} long animation frames after warm-up (none over 50 ms)`, p.longFrames, '≤', 0, ''),
      check(`${name} no growing backlog (latency last ÷ first third)`, p.backlogRatio, '≤', 1.5, '×'),
      check(`${name} 10,000-event burst ≤ 1.2 × vanilla`, p.burstMs / vanilla.burstMs, '≤', 1.2, '×'),
    );
  }
  if (scale) {
    out.push(
      check('10,000 agents: frames/s while scrolling ≥ 50', scale.scrollFps, '≥', 50, 'fps'),
      check('10,000 agents: state filter answers ≤ 100 ms', scale.filterMs, '≤', 100, 'ms'),
      check('10,000 agents: search answers ≤ 100 ms', scale.searchMs, '≤', 100, 'ms'),
    );
  }
  out.push(
    check('kiosk first contentful paint ≤ 1 s', kiosk.fcpMs, '≤', 1000, 'ms'),
    check('kiosk live data ≤ 2 s', kiosk.firstDataMs, '≤', 2000, 'ms'),
  );
  return out;
}

/**
 * A small SVG chart of event-to-paint latency over time: one line per page, the p95 of each
 * `bucketMs` window of send time (ms since the phase start), on a shared y axis.
 */
export function latencySvg(title: string, series: readonly { name: string; color: string; rows: readonly [number, number][] }[], bucketMs = 500): string {
  const W = 640;
  const H = 240;
  const L = 48;
  const B = 28;
  const buckets = series.map((s) => {
    const by = new Map<number, number[]>();
    for (const [t, lat] of s.rows) {
      const k = Math.floor(t / bucketMs);
      let a = by.get(k);
      if (!a) by.set(k, (a = []));
      a.push(lat);
    }
    return { ...s, points: [...by.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [(k * bucketMs) / 1000, percentile(v, 95)] as [number, number]) };
  });
  const maxT = Math.max(1, ...buckets.flatMap((b) => b.points.map((p) => p[0])));
  const maxY = Math.max(20, ...buckets.flatMap((b) => b.points.map((p) => p[1])));
  const x = (t: number) => L + ((W - L - 8) * t) / maxT;
  const y = (v: number) => H - B - ((H - B - 20) * v) / maxY;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const lines = buckets
    .map((b) => `<polyline fill="none" stroke="${b.color}" stroke-width="1.5" points="${b.points.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ')}"/>`)
    .join('\n  ');
  const legend = buckets.map((b, i) => `<text x="${L + 8 + i * 110}" y="14" fill="${b.color}">${esc(b.name)}</text>`).join('');
  const yTicks = [0, maxY / 2, maxY].map((v) => `<text x="${L - 4}" y="${y(v) + 4}" text-anchor="end">${Math.round(v)}</text><line x1="${L}" x2="${W - 8}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">
  <title>${esc(title)}</title>
  <rect width="100%" height="100%" fill="#fff"/>
  ${yTicks}
  <text x="${W / 2}" y="${H - 6}" text-anchor="middle">send time (s) — p95 event-to-paint (ms) per ${bucketMs} ms</text>
  <text x="${W - 8}" y="14" text-anchor="end">${esc(title)}</text>
  ${legend}
  ${lines}
</svg>
`;
}
