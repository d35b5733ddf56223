/**
 * What each screen costs the broker and the hub (issue 15 scope 5; `npm run bench:fanout`,
 * NOT part of `npm test` nor of `npm run bench`; docs/DEPLOYMENT.md "What each screen costs
 * the broker and the hub").
 *
 * Starts the test stack the e2e uses, on its own: a real ActiveMQ Classic
 * (`infra/activemq/start.sh`, STOMP on 127.0.0.1:61613, so run it under
 * `flock /tmp/e2e.lock`), the WebSocket→TCP relay the board reaches it through
 * (`sim/broker-relay.ts`, ActiveMQ's Debian build has no WebSocket transport) and the
 * simulator (`sim/main.ts --broker ws://relay`, running live at its own rate: it publishes the
 * Generic Connector and Business ConneCT events to ActiveMQ and serves the RTE hub). Then it
 * opens N board-like connections, each what one board opens:
 *
 * - STOMP 1.2 over WebSocket through the relay (`@stomp/stompjs` + `ws`, heart-beats 10 s
 *   both ways as the connectors' default), subscribed to `/topic/gc.events`,
 *   `/topic/uip.bct.events` and `/topic/openmethods.events` (the default destinations of
 *   `src/connectors/{gc,bct,uccx}/config.ts`). One STOMP connection per screen: the board
 *   shares one session between its STOMP sources on the same broker URL.
 * - one SignalR connection to the simulator's RTE hub (`@microsoft/signalr`, token from
 *   `POST /api/rte/token` via `accessTokenFactory`), subscribed as `public/config.json`'s RTE
 *   source is: every queue × QueueStatus, every user × UserStatus + UserAvailability
 *   (rte doc "Subscribing to events").
 *
 * Measures, from `/proc/<pid>/status` (VmRSS) and `/proc/<pid>/stat` (utime + stime):
 * resident memory (MB) and CPU (% of one core, over a `FANOUT_WINDOW_S` window) of ActiveMQ's
 * JVM, the relay and the simulator (the hub lives in it), idle → with the simulator running
 * and no screen → with N screens; per-connection memory = (RSS with N − RSS without) / N;
 * connection setup time (ms, p50/p95/max: WebSocket open to the subscription in place /
 * negotiate to the `Subscribe` answer); throughput (messages delivered per second, all
 * connections) and fan-out latency (ms): for STOMP, probe messages the bench publishes on
 * `/topic/gc.events` every 100 ms with a `bench-sent` header (publish → delivery on every
 * subscriber); for the hub, which takes no injected message, the spread of one message's
 * arrival across the N connections (first → each arrival, identical payloads matched).
 *
 * Env: `FANOUT_N` (200), `FANOUT_WINDOW_S` (15), `FANOUT_SIM_HTTP_PORT` (29_888; hub and
 * embedded STOMP take +2 and +3), `FANOUT_RELAY_PORT` (29_814). Writes
 * `bench/results/fanout-<time>.json` and prints a Markdown table.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubConnectionBuilder, HttpTransportType, LogLevel, type HubConnection } from '@microsoft/signalr';
import { Client, type IStompSocket } from '@stomp/stompjs';
import WebSocket from 'ws';
import { envNumber } from './env';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const num = (name: string, dflt: number): number => envNumber(name, dflt, { positive: true, integer: true });
const N = num('FANOUT_N', 200);
const WINDOW_S = num('FANOUT_WINDOW_S', 15);
const HTTP_PORT = num('FANOUT_SIM_HTTP_PORT', 29_888);
const HUB_PORT = HTTP_PORT + 2;
const STOMP_PORT = HTTP_PORT + 3;
const RELAY_PORT = num('FANOUT_RELAY_PORT', 29_814);
const AMQ_PORT = 61_613;
const SIM = `http://127.0.0.1:${HTTP_PORT}`;
const TOPICS = ['/topic/gc.events', '/topic/uip.bct.events', '/topic/openmethods.events'];
const PROBE_TOPIC = '/topic/gc.events';
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.info(`[bench:fanout] ${s}`);

/** Resident set (bytes) and CPU time used so far (seconds) of a process, from /proc. */
function procUsage(pid: number): { rss: number; cpuSec: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the `(comm)`: state is field 3, utime 14, stime 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return { rss: rssKb * 1024, cpuSec: ticks / CLK_TCK };
}

/** One measured process over one window: RSS at the end (MB), CPU % of one core over the window. */
interface ProcFigure {
  readonly rssMb: number;
  readonly cpuPct: number;
}

async function measure(pids: Record<string, number>, seconds: number): Promise<Record<string, ProcFigure>> {
  const t0 = performance.now();
  const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, procUsage(p)]));
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  return Object.fromEntries(
    Object.entries(pids).map(([k, p]) => {
      const u = procUsage(p);
      return [k, { rssMb: round(u.rss / 2 ** 20), cpuPct: round(((u.cpuSec - before[k]!.cpuSec) / wall) * 100) }];
    }),
  );
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);
}
const stats = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: xs.length ? round(Math.max(...xs)) : NaN });

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** Spawns a TypeScript entry point with `node --import tsx` so that the PID is the process itself. */
function tsNode(file: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitFor(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} did not come up in ${ms} ms`);
}

async function post(p: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${SIM}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** A board-like STOMP connection: its setup time (ms) and what it received. */
interface StompScreen {
  readonly client: Client;
  setupMs: number;
  messages: number;
  readonly probeLatencies: number[];
}

function openStomp(): Promise<StompScreen> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const screen: StompScreen = { client: undefined as unknown as Client, setupMs: 0, messages: 0, probeLatencies: [] };
    const client = new Client({
      webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${RELAY_PORT}`, ['v12.stomp', 'v11.stomp', 'v10.stomp']) as unknown as IStompSocket,
      reconnectDelay: 0,
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      debug: () => {},
      onConnect: () => {
        for (const t of TOPICS) {
          client.subscribe(t, (m) => {
            const sent = m.headers['bench-sent'];
            if (sent !== undefined) screen.probeLatencies.push(Date.now() - Number(sent));
            else screen.messages++;
          });
        }
        screen.setupMs = performance.now() - t0;
        resolve(screen);
      },
      onStompError: (f) => reject(new Error(`STOMP ERROR ${f.headers['message'] ?? ''}`)),
      onWebSocketError: () => reject(new Error('STOMP WebSocket error')),
    });
    (screen as { client: Client }).client = client;
    client.activate();
  });
}

/** A board-like RTE hub connection: its setup time (ms) and arrival times per payload hash. */
interface HubScreen {
  readonly connection: HubConnection;
  readonly setupMs: number;
  messages: number;
}

async function openHub(subscriptions: readonly { EntityId: string; EventName: string }[], arrivals: Map<string, number[]>): Promise<HubScreen> {
  const t0 = performance.now();
  const connection = new HubConnectionBuilder()
    .withUrl(`http://127.0.0.1:${HUB_PORT}/rte`, {
      transport: HttpTransportType.WebSockets,
      accessTokenFactory: async () => {
        const r = await fetch(`${SIM}/api/rte/token`, { method: 'POST' });
        return ((await r.json()) as { token: string }).token;
      },
    })
    .configureLogging(LogLevel.None)
    .build();
  const screen = { connection, setupMs: 0, messages: 0 };
  connection.on('MessageReceived', (msg: unknown) => {
    screen.messages++;
    const now = performance.now();
    const key = createHash('sha1').update(JSON.stringify(msg)).digest('base64');
    const list = arrivals.get(key);
    if (list) list.push(now);
    else arrivals.set(key, [now]);
  });
  await connection.start();
  await connection.invoke('Subscribe', subscriptions);
  screen.setupMs = performance.now() - t0;
  return screen;
}

async function main(): Promise<void> {
  if (await portOpen(AMQ_PORT)) throw new Error(`something already listens on ${AMQ_PORT}: stop it (or wait for the e2e run; use flock /tmp/e2e.lock)`);
  const children: ChildProcess[] = [];
  let amqPid = 0;
  const cleanup = () => {
    for (const c of children) c.kill('SIGKILL');
    if (amqPid) {
      try {
        process.kill(amqPid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  process.on('exit', cleanup);
  try {
    log('starting ActiveMQ…');
    const t0 = performance.now();
    const out = execFileSync('bash', [path.join(ROOT, 'infra/activemq/start.sh'), path.join(ROOT, '.tmp/fanout-activemq')], { encoding: 'utf8' });
    amqPid = Number(out.trim().split('\n').pop());
    log(`ActiveMQ pid ${amqPid} up in ${Math.round(performance.now() - t0)} ms`);
    const relay = tsNode('sim/broker-relay.ts', ['--listen', String(RELAY_PORT), '--target', `127.0.0.1:${AMQ_PORT}`]);
    children.push(relay);
    await waitFor('relay', () => portOpen(RELAY_PORT));
    const sim = tsNode('sim/main.ts', ['--broker', `ws://127.0.0.1:${RELAY_PORT}`, '--http-port', String(HTTP_PORT), '--hub-port', String(HUB_PORT), '--stomp-port', String(STOMP_PORT)]);
    children.push(sim);
    await waitFor('simulator', async () => (await fetch(`${SIM}/sim/truth`)).ok);
    const pids = { activemq: amqPid, relay: relay.pid!, hub: sim.pid! };

    // Idle: the simulator paused (it keeps its broker and hub connections).
    await post('/sim/control/pause');
    await sleep(3_000);
    log('measuring: idle (simulator paused, no screen)…');
    const idle = await measure(pids, WINDOW_S);
    await post('/sim/control/resume');
    await sleep(2_000);
    log('measuring: simulator running, no screen…');
    const running = await measure(pids, WINDOW_S);

    const truth = (await (await fetch(`${SIM}/sim/truth`)).json()) as { rte: { users: { id: string }[]; queues: { id: string }[] } };
    const subscriptions = [
      ...truth.rte.queues.map((q) => ({ EntityId: q.id, EventName: 'QueueStatus' })),
      ...truth.rte.users.flatMap((u) => [
        { EntityId: u.id, EventName: 'UserStatus' },
        { EntityId: u.id, EventName: 'UserAvailability' },
      ]),
    ];

    log(`opening ${N} STOMP screens…`);
    const stomp: StompScreen[] = [];
    const tStomp = performance.now();
    for (let i = 0; i < N; i += 20) stomp.push(...(await Promise.all(Array.from({ length: Math.min(20, N - i) }, () => openStomp()))));
    const stompAllMs = performance.now() - tStomp;
    log(`opening ${N} hub screens…`);
    const arrivals = new Map<string, number[]>();
    const hub: HubScreen[] = [];
    const tHub = performance.now();
    for (let i = 0; i < N; i += 20) hub.push(...(await Promise.all(Array.from({ length: Math.min(20, N - i) }, () => openHub(subscriptions, arrivals)))));
    const hubAllMs = performance.now() - tHub;
    await sleep(3_000);

    // With N screens: probes on the GC topic every 100 ms, from a connection of its own.
    const prober = new Client({
      webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${RELAY_PORT}`, ['v12.stomp']) as unknown as IStompSocket,
      reconnectDelay: 0,
      debug: () => {},
    });
    await new Promise<void>((resolve) => {
      prober.onConnect = () => resolve();
      prober.activate();
    });
    for (const s of stomp) {
      s.messages = 0;
      s.probeLatencies.length = 0;
    }
    for (const h of hub) h.messages = 0;
    arrivals.clear();
    let probes = 0;
    const probeTimer = setInterval(() => {
      probes++;
      prober.publish({ destination: PROBE_TOPIC, body: 'bench-probe', headers: { 'bench-sent': String(Date.now()) } });
    }, 100);
    log(`measuring: ${N} STOMP + ${N} hub screens…`);
    const tWin = performance.now();
    const loaded = await measure(pids, WINDOW_S);
    clearInterval(probeTimer);
    const winS = (performance.now() - tWin) / 1000;
    await sleep(500);

    const probeLat = stomp.flatMap((s) => s.probeLatencies);
    const stompMsgs = stomp.reduce((a, s) => a + s.messages, 0);
    const hubMsgs = hub.reduce((a, h) => a + h.messages, 0);
    const spreads: number[] = [];
    let hubDistinct = 0;
    for (const times of arrivals.values()) {
      hubDistinct++;
      const first = Math.min(...times);
      for (const t of times) spreads.push(t - first);
    }
    const perConn = (k: string) => round(((loaded[k]!.rssMb - running[k]!.rssMb) * 1024) / N, 0);
    const result = {
      when: new Date().toISOString(),
      n: N,
      windowS: WINDOW_S,
      cpuCores: (await import('node:os')).cpus().length,
      idle,
      running,
      loaded,
      perConnectionKb: { activemq: perConn('activemq'), relay: perConn('relay'), hub: perConn('hub') },
      setupMs: {
        stomp: { ...stats(stomp.map((s) => s.setupMs)), allMs: Math.round(stompAllMs) },
        hub: { ...stats(hub.map((h) => h.setupMs)), allMs: Math.round(hubAllMs) },
      },
      throughput: {
        /** Simulator traffic only (GC, BCT and UCCX events), probes not counted. */
        stompDeliveriesPerSec: round(stompMsgs / winS),
        stompPerScreenPerSec: round(stompMsgs / winS / N),
        probesPublished: probes,
        probeDeliveriesPerSec: round(probeLat.length / winS),
        hubDeliveriesPerSec: round(hubMsgs / winS),
        hubPerScreenPerSec: round(hubMsgs / winS / N),
        hubDistinctMessages: hubDistinct,
      },
      latencyMs: { stompProbe: stats(probeLat), hubSpread: stats(spreads) },
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    const file = path.join(ROOT, `bench/results/fanout-${result.when.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.info(JSON.stringify(result, null, 2));
    log(`wrote ${path.relative(ROOT, file)}`);

    await Promise.all([...stomp.map((s) => s.client.deactivate()), ...hub.map((h) => h.connection.stop()), prober.deactivate()]);
  } finally {
    cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
