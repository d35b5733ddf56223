/**
 * Browser benchmark (issue 6; `npm run bench:browser`; docs/PERFORMANCE.md "Browser benchmark").
 *
 * Builds the app (`vite build`) and the vanilla reference page into a temporary folder,
 * serves both with `vite preview` (proxies `/sim`, `/api`, `/rte` pointed at the load
 * simulator), starts the load simulator (sim/load-main.ts: 2,000 users, 300 queues), and
 * with Playwright in headless Chromium (1920×1080) runs the supervisor board
 * (`/?probe=1&config=/sim/load/config.json`), the kiosk (`/kiosk?probe=1&config=…`) and the
 * vanilla page in alternation, `BENCH_RUNS` times each: warm-up, `BENCH_RATE` events/s for
 * `BENCH_SECONDS`, a `BENCH_BURST`-event burst, heap after GC, DOM counters; then, per run,
 * the board with 10,000 agents (scroll, filter, search). Prints a table of medians with the
 * ratio to the vanilla page, writes `bench/results/browser-<time>.json`, writes the latency
 * charts `docs/perf/latency-<page>.svg` (full runs, or `BENCH_CHARTS=1`), and exits 1 when a
 * target is missed (listed).
 *
 * Env: `BENCH_RUNS` (3), `BENCH_SECONDS` (30), `BENCH_WARMUP_SECONDS` (5), `BENCH_RATE` (1000),
 * `BENCH_BURST` (10000), `BENCH_SCALE_USERS` (10000; 0 skips the scale check), `BENCH_QUICK=1`
 * (1 run, 5 s, 2 s warm-up, 2,000-event burst), `BENCH_APP_PORT` (19773), `LOAD_SIM_PORT`
 * (19790), `CHROMIUM_PATH` (/usr/bin/chromium), `BENCH_NO_JSON=1`; investigation: `BENCH_PAGES`,
 * `BENCH_PROFILE=<page>` (CPU profile), `BENCH_TRACE=<page>` (self time per trace event), `BENCH_LOAF=1` (where long frames' time went),
 * `BENCH_SHOT=<folder>` (a screenshot of each page at the end of its sustained phase).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, envNumber } from '../env';
import { median, type PerfProbe, type ProbeSnapshot } from '../../src/lib/perf-probe';
import { loadUserId, loadUserName } from '../../sim/load';
import {
  burstMs,
  evaluateTargets,
  latencySvg,
  pageMedians,
  summariseSustained,
  type PageMedians,
  type PageName,
  type PageRun,
  type ScaleRun,
} from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const QUICK = env['BENCH_QUICK'] === '1';
const num = (name: string, dflt: number): number => envNumber(name, dflt);
const RUNS = num('BENCH_RUNS', QUICK ? 1 : 3);
const SECONDS = num('BENCH_SECONDS', QUICK ? 5 : 30);
const WARMUP = num('BENCH_WARMUP_SECONDS', QUICK ? 2 : 5);
const RATE = num('BENCH_RATE', 1000);
const BURST = num('BENCH_BURST', QUICK ? 2000 : 10_000);
const SCALE_USERS = num('BENCH_SCALE_USERS', 10_000);
const APP_PORT = num('BENCH_APP_PORT', 19_773);
const SIM_PORT = num('LOAD_SIM_PORT', 19_790);
const USERS = 2000;
const QUEUES = 300;
const SIM = `http://127.0.0.1:${SIM_PORT}`;
const APP = `http://127.0.0.1:${APP_PORT}`;
const CONFIG = '/sim/load/config.json';
/** Pages to run, in this order (`BENCH_PAGES=board,vanilla` to run fewer while investigating). */
const PAGES: readonly PageName[] = (env['BENCH_PAGES'] ?? 'board,kiosk,vanilla').split(',').filter((p): p is PageName => p === 'board' || p === 'kiosk' || p === 'vanilla');
const URLS: Record<PageName, string> = {
  board: `${APP}/?probe=1&config=${encodeURIComponent(CONFIG)}`,
  kiosk: `${APP}/kiosk?probe=1&config=${encodeURIComponent(CONFIG)}`,
  vanilla: `${APP}/vanilla/index.html?config=${encodeURIComponent(CONFIG)}`,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.info(`[bench:browser] ${s}`);

async function sim<T = Record<string, unknown>>(p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${SIM}${p}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function startLoadSim(): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['sim/load-main.ts', '--port', String(SIM_PORT), '--users', String(USERS), '--queues', String(QUEUES)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      await sim('/sim/load/status');
      return child;
    } catch {
      await sleep(200);
    }
  }
  child.kill();
  throw new Error(`load simulator did not answer on ${SIM}`);
}

/** Builds the app and the vanilla page into `outDir` and serves them; returns the closer. */
async function buildAndServe(outDir: string): Promise<() => Promise<void>> {
  // vite.config.ts reads these when it is loaded (by build and by preview).
  env['SIM_HTTP_URL'] = SIM;
  env['SIM_HUB_URL'] = SIM;
  // The vanilla reference page has an inline <style>: serve without the deployment's CSP (vite.config.ts).
  env['WALLBOARD_PREVIEW_CSP'] = 'off';
  const { build, preview } = await import('vite');
  log('building the app and the vanilla page…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: path.join(ROOT, 'bench/browser/vanilla'),
    base: '/vanilla/',
    logLevel: 'warn',
    build: { outDir: path.join(outDir, 'vanilla'), emptyOutDir: true, target: 'es2022' },
  });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { port: APP_PORT, strictPort: true, host: '127.0.0.1' } });
  return () => new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

const take = (page: Page): Promise<ProbeSnapshot> => page.evaluate(() => (window as unknown as { __probe: PerfProbe }).__probe.take());

async function until(page: Page, fn: () => boolean, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(fn, null, { timeout: timeoutMs, polling: 100 });
    return true;
  } catch {
    return false;
  }
}

/** Waits until the hub holds every subscription of one page (users × 2 + queues). */
async function waitSubscribed(users: number): Promise<void> {
  let last = { subscriptions: 0, connections: 0 };
  for (let i = 0; i < 600; i++) {
    last = await sim<{ subscriptions: number; connections: number }>('/sim/load/status');
    if (last.subscriptions >= users * 2 + QUEUES) return;
    await sleep(100);
  }
  throw new Error(`the page did not subscribe to everything within 60 s (${last.connections} connection(s), ${last.subscriptions} of ${users * 2 + QUEUES} subscriptions)`);
}

async function metrics(cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>): Promise<Record<string, number>> {
  const r = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
}

async function runPage(browser: Browser, name: PageName, run: number, charts: Map<PageName, [number, number][]>): Promise<PageRun> {
  await sim('/sim/load/stop');
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(URLS[name]);
    const tilesUp = await until(page, () => document.querySelectorAll('[data-testid="agent-tile"]').length > 0 && document.querySelectorAll('[data-testid="queue-tile"]').length > 0, 30_000);
    if (!tilesUp) throw new Error(`${name}: no tiles within 30 s`);
    await waitSubscribed(USERS);
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const first = await take(page);
    const firstDataMs = await page.evaluate((t) => (t === null ? null : t - performance.timeOrigin), first.firstTileAt);

    await sim('/sim/load/start', { rate: RATE });
    await sleep(WARMUP * 1000);
    await take(page);
    const before = await metrics(cdp);
    const profiling = env['BENCH_PROFILE'] === name;
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const tracing = env['BENCH_TRACE'] === name;
    if (tracing) {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8'] });
      await sleep(Math.min(5, SECONDS) * 1000);
      reportTrace(name, run, await browser.stopTracing());
      await sleep(Math.max(0, SECONDS - 5) * 1000);
    } else {
      await sleep(SECONDS * 1000);
    }
    if (profiling) await reportProfile(name, run, (await cdp.send('Profiler.stop')) as { profile: CpuProfile });
    if (env['BENCH_SHOT']) await page.screenshot({ path: path.join(env['BENCH_SHOT'], `${name}-${run}.png`) });
    await sim('/sim/load/stop');
    const after = await metrics(cdp);
    await until(page, () => (window as unknown as { __probe: PerfProbe }).__probe.pending() === 0, 3000);
    const snap = await take(page);
    const sustained = summariseSustained(snap);
    if (env['BENCH_LOAF'] === '1' && snap.longFrameDetail.length) {
      const d = snap.longFrameDetail;
      const sum = (i: 1 | 2 | 3) => d.reduce((a, r) => a + r[i], 0);
      log(`${name} run ${run}: ${d.length} long frames, ${sum(1).toFixed(0)} ms script, ${sum(2).toFixed(0)} ms style and layout, ${sum(3).toFixed(0)} ms rendering; longest scripts:`);
      const tops = new Map<string, number>();
      for (const r of d) {
        const k = r[4].replace(/ \d+$/, '');
        tops.set(k, (tops.get(k) ?? 0) + 1);
      }
      for (const [k, n] of [...tops].sort((a, b) => b[1] - a[1]).slice(0, 8)) log(`  ${String(n).padStart(4)} × ${k}`);
    }
    charts.set(name, snap.events.map((e) => [e[1] - snap.from, e[4] - e[1]]));
    const cdpDelta: Record<string, number> = {};
    for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount']) cdpDelta[k] = (after[k] ?? 0) - (before[k] ?? 0);
    const wallS = (after['Timestamp'] ?? 0) - (before['Timestamp'] ?? 0);

    const b = await sim<{ from: number; to: number; sentAt: number }>('/sim/load/burst', { events: BURST });
    await page.waitForFunction((to) => {
      const p = (window as unknown as { __probe: PerfProbe }).__probe;
      return p.lastSeq() >= to && p.pending() === 0;
    }, b.to, { timeout: 30_000, polling: 50 }).catch(() => log(`${name}: burst not drained within 30 s`));
    const bsnap = await take(page);
    const shownBurst = bsnap.events.filter((e) => e[0] >= b.from && e[0] <= b.to).length;

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    let domNodes: number | null = null;
    let listeners: number | null = null;
    try {
      const c = (await cdp.send('Memory.getDOMCounters' as never)) as { nodes: number; jsEventListeners: number };
      domNodes = c.nodes;
      listeners = c.jsEventListeners;
    } catch {
      domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    }
    const r: PageRun = {
      page: name, run, sustained,
      busy: wallS > 0 ? cdpDelta['TaskDuration']! / wallS : Number.NaN,
      cdp: cdpDelta,
      burstMs: burstMs(bsnap, b.from, b.to, b.sentAt),
      burstShown: shownBurst,
      heapAfterGcMB: heap.usedSize / 1024 / 1024,
      domNodes, listeners, fcpMs, firstDataMs,
    };
    log(`${name} run ${run}: p95 ${sustained.p95.toFixed(1)} ms, ${sustained.fpsMedian} fps, busy ${(r.busy * 100).toFixed(1)} %, burst ${r.burstMs.toFixed(0)} ms, ${sustained.shown} shown / ${sustained.notVisible} not visible / ${sustained.unresolved} unresolved`);
    return r;
  } finally {
    await context.close();
  }
}

/**
 * Time (ms) from `action` (run in the page) until `done` holds, checked every frame; -1 after
 * 5 s. Passed as a string: tsx's helpers (`__name`) do not exist in the page.
 */
const timeInPage = (page: Page, action: string, done: string): Promise<number> =>
  page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    { ${action} }
    const check = () => ((${done}) ? resolve(performance.now() - t0) : performance.now() - t0 > 5000 ? resolve(-1) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`) as Promise<number>;

/** One Chromium trace event (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; [k: string]: unknown };
}

/**
 * `BENCH_TRACE=<page>`: traces 5 s of the sustained phase and prints, for the renderer's
 * main thread, the trace events with the most self time (ms): where the time that the CPU
 * profile calls "(program)" goes (style, layout, pre-paint, paint, commit, …).
 */
function reportTrace(name: PageName, run: number, buf: Buffer): void {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return log(`${name} run ${run}: no renderer main thread in the trace`);
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of own) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, `bench/results/trace-${name}-${run}.json`), buf);
  const layouts = own.filter((e) => e.name === 'Layout');
  const dirty = layouts.map((e) => Number((e.args?.['beginData'] as { dirtyObjects?: number } | undefined)?.dirtyObjects ?? 0));
  const durs = layouts.map((e) => e.dur! / 1000);
  log(`${name} run ${run}: ${layouts.length} layouts, ${durs.reduce((a, b) => a + b, 0).toFixed(0)} ms; dirty objects median ${median(dirty)}, max ${Math.max(0, ...dirty)}; duration median ${median(durs).toFixed(1)} ms, max ${Math.max(0, ...durs).toFixed(1)} ms`);
  log(`${name} run ${run}: trace of 5 s, renderer main thread, most self time:`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

/** A V8 CPU profile as CDP's `Profiler.stop` returns it. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * `BENCH_PROFILE=<page>`: writes the sustained phase's CPU profile to
 * `bench/results/profile-<page>-<run>.cpuprofile` (open it in Chromium's DevTools) and
 * prints the 25 functions with the most self time.
 */
async function reportProfile(name: PageName, run: number, r: { profile: CpuProfile }): Promise<void> {
  const { profile } = r;
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const file = path.join(ROOT, `bench/results/profile-${name}-${run}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    total += ms;
    const f = n.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/assets\//, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
  }
  log(`${name} run ${run}: CPU profile ${path.relative(ROOT, file)} (${total.toFixed(0)} ms sampled); most self time:`);
  for (const [k, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${ms.toFixed(0).padStart(6)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${k}`);
}

async function runScale(browser: Browser, run: number): Promise<ScaleRun> {
  await sim('/sim/load/reset', { users: SCALE_USERS });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  try {
    await page.goto(URLS.board);
    await until(page, () => document.querySelectorAll('[data-testid="agent-tile"]').length > 0, 30_000);
    await waitSubscribed(SCALE_USERS);
    await sim('/sim/load/start', { rate: RATE });
    await sleep(2000);
    const grid = page.getByTestId('agent-virtual');
    const box = await grid.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    await take(page);
    const end = Date.now() + Math.max(3, Math.min(SECONDS, 10)) * 1000;
    for (let dy = 400; Date.now() < end; ) {
      await page.mouse.wheel(0, dy);
      await sleep(30);
      if ((await grid.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2 || el.scrollTop <= 0))) dy = -dy;
    }
    const s = await take(page);
    const scrollFps = summariseSustained(s).fpsMedian;
    await sim('/sim/load/stop');
    const filterMs = await timeInPage(
      page,
      `document.querySelector('[data-testid="state-filter"][data-state="READY"]').click()`,
      `(() => { const t = [...document.querySelectorAll('[data-testid="agent-tile"]')]; return t.length > 0 && t.every((e) => e.getAttribute('data-state') === 'READY'); })()`,
    );
    await page.locator('[data-testid="state-filter"][data-state=""]').click();
    const target = 4241 % SCALE_USERS;
    const searchMs = await timeInPage(
      page,
      `const i = document.querySelector('[data-testid="agent-search"]'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(i, ${JSON.stringify(loadUserName(target))}); i.dispatchEvent(new Event('input', { bubbles: true }));`,
      `(() => { const t = document.querySelectorAll('[data-testid="agent-tile"]'); return t.length === 1 && t[0].getAttribute('data-agent-id') === ${JSON.stringify(loadUserId(target))}; })()`,
    );
    log(`board, ${SCALE_USERS} agents, run ${run}: scroll ${scrollFps} fps, filter ${filterMs.toFixed(0)} ms, search ${searchMs.toFixed(0)} ms`);
    return { run, scrollFps, filterMs: filterMs < 0 ? Number.NaN : filterMs, searchMs: searchMs < 0 ? Number.NaN : searchMs };
  } finally {
    await context.close();
    await sim('/sim/load/reset', { users: USERS });
  }
}

const fmt = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));

function table(med: Record<PageName, PageMedians>): string {
  const rows: [string, keyof PageMedians, number][] = [
    ['event-to-paint p50 (ms)', 'p50', 1], ['event-to-paint p95 (ms)', 'p95', 1], ['event-to-paint p99 (ms)', 'p99', 1],
    ['send → DOM p95 (ms)', 'domP95', 1], ['events shown', 'shown', 0], ['events not visible', 'notVisible', 0], ['unresolved', 'unresolved', 0],
    ['frames/s (median)', 'fpsMedian', 0], ['long frames', 'longFrames', 0], ['longest frame (ms)', 'longestFrameMs', 0], ['blocking (ms)', 'blockingMs', 0],
    ['backlog ratio', 'backlogRatio', 2], ['main thread busy (%)', 'busy', 1], ['burst to consistent (ms)', 'burstMs', 0],
    ['heap after GC (MB)', 'heapAfterGcMB', 1], ['DOM nodes', 'domNodes', 0], ['JS listeners', 'listeners', 0], ['FCP (ms)', 'fcpMs', 0], ['first data (ms)', 'firstDataMs', 0],
  ];
  const lines = [`| figure (median of runs) | board | kiosk | vanilla | board ÷ vanilla | kiosk ÷ vanilla |`, `|---|---:|---:|---:|---:|---:|`];
  for (const [label, k, d] of rows) {
    const scale = k === 'busy' ? 100 : 1;
    const v = (p: PageName) => med[p][k] * scale;
    lines.push(`| ${label} | ${fmt(v('board'), d)} | ${fmt(v('kiosk'), d)} | ${fmt(v('vanilla'), d)} | ${fmt(v('board') / v('vanilla'), 2)} | ${fmt(v('kiosk') / v('vanilla'), 2)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const outDir = path.join(os.tmpdir(), `wallboard-bench-${process.pid}`);
  const simProc = await startLoadSim();
  let close: (() => Promise<void>) | null = null;
  let browser: Browser | null = null;
  try {
    close = await buildAndServe(outDir);
    const cfg = await sim<{ kioskFlushIntervalMs?: number }>(CONFIG);
    const kioskCadence = cfg.kioskFlushIntervalMs ?? 1000;
    browser = await chromium.launch({ executablePath: env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS] });
    log(`${RUNS} run(s) × ${PAGES.join(', ')}; ${RATE} events/s for ${SECONDS} s after ${WARMUP} s warm-up; burst ${BURST}; ${USERS} agents, ${QUEUES} queues`);
    const runs: PageRun[] = [];
    const scale: ScaleRun[] = [];
    const charts = new Map<PageName, [number, number][]>();
    for (let r = 1; r <= RUNS; r++) {
      for (const p of PAGES) runs.push(await runPage(browser, p, r, charts));
      if (SCALE_USERS > 0) {
        try {
          scale.push(await runScale(browser, r));
        } catch (err) {
          log(`scale check run ${r} failed: ${err instanceof Error ? err.message : String(err)}`);
          scale.push({ run: r, scrollFps: Number.NaN, filterMs: Number.NaN, searchMs: Number.NaN });
        }
      }
    }
    if (PAGES.length < 3) {
      log(`BENCH_PAGES=${PAGES.join(',')}: an investigation run; no table, no targets (they need every page)`);
      return 0;
    }
    const med = Object.fromEntries(PAGES.map((p) => [p, pageMedians(runs.filter((r) => r.page === p))])) as Record<PageName, PageMedians>;
    const scaleMed = scale.length
      ? { scrollFps: median(scale.map((s) => s.scrollFps)), filterMs: median(scale.map((s) => s.filterMs)), searchMs: median(scale.map((s) => s.searchMs)) }
      : null;
    const targets = evaluateTargets(med, scaleMed, kioskCadence);
    console.info(`\n${table(med)}\n`);
    if (scaleMed) console.info(`10,000 agents (board): scroll ${fmt(scaleMed.scrollFps, 0)} fps, filter ${fmt(scaleMed.filterMs, 0)} ms, search ${fmt(scaleMed.searchMs, 0)} ms\n`);
    for (const t of targets) console.info(`${t.ok ? 'ok  ' : 'MISS'} ${t.target}: ${fmt(t.value, 2)} ${t.unit} (${t.op} ${t.limit})`);
    const missed = targets.filter((t) => !t.ok);
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, chromium: browser.version() },
      settings: { runs: RUNS, seconds: SECONDS, warmupSeconds: WARMUP, rate: RATE, burst: BURST, users: USERS, queues: QUEUES, scaleUsers: SCALE_USERS, quick: QUICK, kioskCadenceMs: kioskCadence },
      medians: med, scale: scaleMed, targets, missed: missed.map((t) => t.target), runs, scaleRuns: scale,
    };
    if (env['BENCH_NO_JSON'] !== '1') {
      mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
      const file = path.join(ROOT, `bench/results/browser-${result.at.replace(/[:.]/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(result, null, 1));
      log(`wrote ${path.relative(ROOT, file)}`);
    }
    if (!QUICK || env['BENCH_CHARTS'] === '1') {
      mkdirSync(path.join(ROOT, 'docs/perf'), { recursive: true });
      const colors: Record<PageName, string> = { board: '#1565c0', kiosk: '#6a1b9a', vanilla: '#2e7d32' };
      for (const p of PAGES) {
        const series = [{ name: p, color: colors[p], rows: charts.get(p) ?? [] }];
        if (p !== 'vanilla') series.push({ name: 'vanilla', color: colors.vanilla, rows: charts.get('vanilla') ?? [] });
        writeFileSync(path.join(ROOT, `docs/perf/latency-${p}.svg`), latencySvg(`${p}: event-to-paint p95, ${RATE} events/s, last run`, series));
      }
      log('wrote docs/perf/latency-{board,kiosk,vanilla}.svg');
    }
    if (missed.length) {
      console.error(`\n${missed.length} target(s) missed:\n${missed.map((t) => `  - ${t.target}`).join('\n')}`);
      return 1;
    }
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await close?.().catch(() => {});
    simProc.kill('SIGTERM');
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[bench:browser] failed:', err);
    process.exit(2);
  },
);
