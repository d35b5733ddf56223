/**
 * Soak (issue 15 scope 1; `npm run bench:soak`, part of `npm run bench`; docs/PERFORMANCE.md
 * "Soak").
 *
 * A compressed long run: the simulator (sim/main.ts, every backend it serves: Enreach RTE on
 * its hub, the Generic Connector and Business ConneCT on its embedded STOMP broker) runs
 * paused and the soak steps its model by `SOAK_COMPRESSION` simulated seconds every real
 * second, so `SOAK_SIM_HOURS` hours of a contact centre pass in `SOAK_SIM_HOURS × 3600 /
 * SOAK_COMPRESSION` real seconds; every `SOAK_RECONNECT_SIM_MIN` simulated minutes every
 * hub and broker connection is dropped (`POST /sim/control/drop-connections`) and the board
 * reconnects and re-subscribes. The supervisor board (`/`) and the kiosk (`/kiosk`) of the
 * production build run side by side in headless Chromium (1920×1080), with the demo
 * configuration (`public/config.json`: RTE, GC and Business ConneCT).
 *
 * Every `SOAK_SAMPLE_SIM_MIN` simulated minutes, per page: JS heap used after a forced
 * garbage collection (CDP `HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`), DOM nodes
 * and JS event listeners (CDP `Memory.getDOMCounters`), and the WebSocket frames received
 * since the last sample (the event rate the page took).
 *
 * Targets (issue 15): heap growth ≤ 5 MB; nodes and listeners flat. Growth is the median of
 * the last third of the samples after warm-up minus the median of the first third (single
 * samples move with what is on screen: a queue with more calls lists more rows); flat means
 * a growth within 5 % or 300 nodes, and 10 % or 50 listeners, whichever is larger.
 * Writes `bench/results/soak-<time>.json` and the chart `docs/perf/soak.svg`; exits 1 when a
 * target is missed (listed).
 *
 * Env: `SOAK_SIM_HOURS` (8), `SOAK_COMPRESSION` (60: simulated seconds per real second),
 * `SOAK_RECONNECT_SIM_MIN` (15), `SOAK_SAMPLE_SIM_MIN` (30), `SOAK_WARMUP_SIM_MIN` (30),
 * `SOAK_APP_PORT` (29773), `SOAK_SIM_HTTP_PORT` (29788; the hub and the broker take 29790
 * and 29791), `CHROMIUM_PATH` (/usr/bin/chromium), `SOAK_NO_CHART=1`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, envNumber } from './env';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const num = (name: string, dflt: number): number => envNumber(name, dflt, { positive: true });
const SIM_HOURS = num('SOAK_SIM_HOURS', 8);
const COMPRESSION = num('SOAK_COMPRESSION', 60);
const RECONNECT_SIM_MIN = num('SOAK_RECONNECT_SIM_MIN', 15);
const SAMPLE_SIM_MIN = num('SOAK_SAMPLE_SIM_MIN', 30);
const WARMUP_SIM_MIN = num('SOAK_WARMUP_SIM_MIN', 30);
const APP_PORT = num('SOAK_APP_PORT', 29_773);
const HTTP_PORT = num('SOAK_SIM_HTTP_PORT', 29_788);
const HUB_PORT = HTTP_PORT + 2;
const STOMP_PORT = HTTP_PORT + 3;
const SIM = `http://127.0.0.1:${HTTP_PORT}`;
const APP = `http://127.0.0.1:${APP_PORT}`;
/** Heap growth allowed (bytes) and the growth allowance of the DOM counters. */
const HEAP_GROWTH_MAX = 5 * 1024 * 1024;
const growthAllowance = (first: number, share: number, floor: number): number => Math.max(floor, first * share);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.info(`[bench:soak] ${s}`);

/** One sample of one page. `simMin`: simulated minutes since the start; sizes in bytes. */
export interface SoakSample {
  readonly simMin: number;
  readonly realS: number;
  readonly heapUsed: number;
  readonly nodes: number;
  readonly listeners: number;
  /** WebSocket frames received per real second since the previous sample. */
  readonly framesPerSec: number;
}

async function post(p: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${SIM}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

async function startSim(): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['sim/main.ts', '--http-port', String(HTTP_PORT), '--hub-port', String(HUB_PORT), '--stomp-port', String(STOMP_PORT)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${SIM}/sim/info`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  child.kill();
  throw new Error(`simulator did not answer on ${SIM}`);
}

async function buildAndServe(outDir: string): Promise<() => Promise<void>> {
  // vite.config.ts reads these when it is loaded (by build and by preview).
  env['SIM_HTTP_URL'] = SIM;
  env['SIM_HUB_URL'] = `http://127.0.0.1:${HUB_PORT}`;
  env['SIM_STOMP_URL'] = `http://127.0.0.1:${STOMP_PORT}`;
  const { build, preview } = await import('vite');
  log('building the app…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { port: APP_PORT, strictPort: true, host: '127.0.0.1' } });
  return () => new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

interface Watched {
  readonly name: 'board' | 'kiosk';
  readonly page: Page;
  readonly cdp: CDPSession;
  frames: number;
  readonly samples: SoakSample[];
}

async function sample(w: Watched, simMin: number, realS: number, sinceS: number): Promise<SoakSample> {
  await w.cdp.send('HeapProfiler.collectGarbage');
  const heap = (await w.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await w.cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const s: SoakSample = {
    simMin,
    realS: Math.round(realS),
    heapUsed: heap.usedSize,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    framesPerSec: Math.round(w.frames / Math.max(1, sinceS)),
  };
  w.frames = 0;
  w.samples.push(s);
  return s;
}

/** Line chart of heap (MB), nodes (thousands) and listeners (hundreds) over simulated hours, one panel per page. */
export function soakSvg(pages: readonly { name: string; samples: readonly SoakSample[] }[]): string {
  const W = 640;
  const H = 220;
  const L = 48;
  const B = 28;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const panels = pages.map((p, i) => {
    const top = i * H;
    const series = [
      { label: 'JS heap after GC (MB)', color: '#1f77b4', v: (s: SoakSample) => s.heapUsed / 1048576 },
      { label: 'DOM nodes (thousands)', color: '#2ca02c', v: (s: SoakSample) => s.nodes / 1000 },
      { label: 'listeners (hundreds)', color: '#d62728', v: (s: SoakSample) => s.listeners / 100 },
    ];
    const maxT = Math.max(1, ...p.samples.map((s) => s.simMin / 60));
    const maxY = Math.max(1, ...p.samples.flatMap((s) => series.map((x) => x.v(s)))) * 1.1;
    const x = (t: number) => L + ((W - L - 8) * t) / maxT;
    const y = (v: number) => top + H - B - ((H - B - 24) * v) / maxY;
    const lines = series
      .map((x0) => `<polyline fill="none" stroke="${x0.color}" stroke-width="1.5" points="${p.samples.map((s) => `${x(s.simMin / 60).toFixed(1)},${y(x0.v(s)).toFixed(1)}`).join(' ')}"/>`)
      .join('\n  ');
    const legend = series.map((x0, j) => `<text x="${L + 8 + j * 175}" y="${top + 14}" fill="${x0.color}">${esc(x0.label)}</text>`).join('');
    const ticks = [0, maxY / 2, maxY].map((v) => `<text x="${L - 4}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text><line x1="${L}" x2="${W - 8}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`).join('');
    return `${ticks}
  <text x="${W - 8}" y="${top + H - 6}" text-anchor="end">${esc(p.name)}: simulated hours</text>
  ${legend}
  ${lines}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H * pages.length}" font-family="sans-serif" font-size="11">
  <title>Soak: heap, DOM nodes and listeners over simulated time</title>
  <rect width="100%" height="100%" fill="#fff"/>
  ${panels.join('\n  ')}
</svg>
`;
}

/** Median of `xs` (0 when empty). */
function median(xs: readonly number[]): number {
  const v = [...xs].sort((p, q) => p - q);
  if (!v.length) return 0;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** First-third and last-third medians of one counter after warm-up. */
export function soakGrowth(samples: readonly SoakSample[], pick: (s: SoakSample) => number): { from: number; to: number } {
  const third = Math.max(1, Math.floor(samples.length / 3));
  return { from: median(samples.slice(0, third).map(pick)), to: median(samples.slice(-third).map(pick)) };
}

/** The targets missed by one page's samples (after warm-up), as readable lines. */
export function soakFindings(name: string, samples: readonly SoakSample[], warmupSimMin: number): string[] {
  const after = samples.filter((s) => s.simMin >= warmupSimMin);
  if (after.length < 3) return [`${name}: fewer than three samples after warm-up`];
  const heap = soakGrowth(after, (s) => s.heapUsed);
  const nodes = soakGrowth(after, (s) => s.nodes);
  const listeners = soakGrowth(after, (s) => s.listeners);
  const out: string[] = [];
  if (heap.to - heap.from > HEAP_GROWTH_MAX) out.push(`${name}: heap grew ${((heap.to - heap.from) / 1048576).toFixed(2)} MB (≤ 5 MB)`);
  if (nodes.to - nodes.from > growthAllowance(nodes.from, 0.05, 300)) out.push(`${name}: DOM nodes grew ${nodes.from} → ${nodes.to} (not flat)`);
  if (listeners.to - listeners.from > growthAllowance(listeners.from, 0.1, 50)) out.push(`${name}: listeners grew ${listeners.from} → ${listeners.to} (not flat)`);
  return out;
}

async function main(): Promise<void> {
  const totalSimMin = SIM_HOURS * 60;
  const outDir = path.join(os.tmpdir(), `wallboard-soak-${process.pid}`);
  const simProc = await startSim();
  const closeServer = await buildAndServe(outDir);
  const browser = await chromium.launch({ executablePath: env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
  const watched: Watched[] = [];
  try {
    await post('/sim/control/reset', { paused: true });
    for (const name of ['board', 'kiosk'] as const) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const w: Watched = { name, page, cdp, frames: 0, samples: [] };
      page.on('websocket', (ws) => ws.on('framereceived', () => void (w.frames += 1)));
      await page.goto(`${APP}${name === 'kiosk' ? '/kiosk' : '/'}`);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="agent-tile"]').length > 0, null, { timeout: 30_000 });
      watched.push(w);
    }
    log(`${SIM_HOURS} simulated hours at ${COMPRESSION}× (${Math.round((totalSimMin * 60) / COMPRESSION)} s), a reconnect every ${RECONNECT_SIM_MIN} simulated minutes`);
    const started = performance.now();
    let simMin = 0;
    let nextReconnect = RECONNECT_SIM_MIN;
    let nextSample = 0;
    let lastSampleS = 0;
    let reconnects = 0;
    while (simMin <= totalSimMin) {
      if (simMin >= nextSample) {
        const realS = (performance.now() - started) / 1000;
        for (const w of watched) {
          const s = await sample(w, simMin, realS, realS - lastSampleS);
          log(`${w.name} at ${(simMin / 60).toFixed(1)} h: heap ${(s.heapUsed / 1048576).toFixed(2)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ${s.framesPerSec} frames/s`);
        }
        lastSampleS = realS;
        nextSample += SAMPLE_SIM_MIN;
      }
      if (simMin >= nextReconnect) {
        await post('/sim/control/drop-connections');
        reconnects += 1;
        nextReconnect += RECONNECT_SIM_MIN;
      }
      const tickStart = performance.now();
      await post('/sim/control/step', { seconds: COMPRESSION });
      simMin += COMPRESSION / 60;
      await sleep(Math.max(0, 1000 - (performance.now() - tickStart)));
    }
    const findings = watched.flatMap((w) => soakFindings(w.name, w.samples, WARMUP_SIM_MIN));
    const result = {
      at: new Date().toISOString(),
      simHours: SIM_HOURS,
      compression: COMPRESSION,
      reconnects,
      realSeconds: Math.round((performance.now() - started) / 1000),
      pages: watched.map((w) => ({ name: w.name, samples: w.samples })),
      findings,
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    const file = path.join(ROOT, 'bench/results', `soak-${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    if (env['SOAK_NO_CHART'] !== '1') {
      mkdirSync(path.join(ROOT, 'docs/perf'), { recursive: true });
      writeFileSync(path.join(ROOT, 'docs/perf/soak.svg'), soakSvg(result.pages));
    }
    for (const w of watched) {
      const after = w.samples.filter((s) => s.simMin >= WARMUP_SIM_MIN);
      const heap = soakGrowth(after, (s) => s.heapUsed);
      const nodes = soakGrowth(after, (s) => s.nodes);
      const listeners = soakGrowth(after, (s) => s.listeners);
      const rate = median(after.map((s) => s.framesPerSec));
      log(`${w.name} (first third → last third, medians): heap ${(heap.from / 1048576).toFixed(2)} → ${(heap.to / 1048576).toFixed(2)} MB, nodes ${nodes.from} → ${nodes.to}, listeners ${listeners.from} → ${listeners.to}; ${rate} WebSocket frames/s`);
    }
    log(`${reconnects} reconnects; results in ${path.relative(ROOT, file)}`);
    if (findings.length) {
      for (const f of findings) log(`MISSED ${f}`);
      process.exitCode = 1;
    } else log('all soak targets met');
  } finally {
    await browser.close();
    await closeServer();
    simProc.kill('SIGTERM');
    rmSync(outDir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href;
if (isMain) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
