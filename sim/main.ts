/**
 * Simulator entry point (docs/CONTRACTS.md "Ports and paths"): the model, the RTE SignalR hub
 * (8790), the embedded STOMP broker (8791) or a real broker, the GC adapter, the BCT relay, the UCCX report server, and the
 * control/truth/token server (8788).
 *
 * CLI: `tsx sim/main.ts [--seed 42] [--broker embedded|ws://127.0.0.1:61614] [--http-port 8788]
 * [--hub-port 8790] [--stomp-port 8791] [--host 127.0.0.1]`; env `SIM_SEED`, `SIM_BROKER`,
 * `SIM_HTTP_PORT`, `SIM_HUB_PORT`, `SIM_STOMP_PORT`, `SIM_HOST`, `SIM_TOKEN_TTL_SEC`,
 * `SIM_BROKER_LOGIN`, `SIM_BROKER_PASSCODE`.
 */
import { pathToFileURL } from 'node:url';
import { BctAdapter } from './bct-adapter';
import { CilHost } from './cil';
import { GcAdapter } from './gc-adapter';
import { embeddedTransport, remoteTransport, type GcTransport } from './gc-transport';
import { SimHttpServer } from './http';
import { DEFAULT_SEED, SimModel } from './model';
import { RteHub } from './rte-hub';
import { StompBroker } from './stomp-broker';
import { UccxAdapter } from './uccx-adapter';
import { createTokenService } from './token';
import type { Clock } from './types';

/** Options of {@link startSimulator}. Ports: 0 = any free port. */
export interface SimulatorOptions {
  readonly seed?: number;
  /** `embedded` (default) or a STOMP-over-WebSocket broker URL (then no embedded broker starts). */
  readonly broker?: string;
  readonly httpPort?: number;
  readonly hubPort?: number;
  readonly stompPort?: number;
  /** Bind address of every server (default 127.0.0.1). */
  readonly host?: string;
  /** Clock for the model (default the system clock). */
  readonly clock?: Clock;
  /** Token lifetime, seconds (default env SIM_TOKEN_TTL_SEC or 120). */
  readonly tokenTtlSec?: number;
  /** Drive the model from a real-time 250 ms timer (default true; false for tests that call `model.advance()`). */
  readonly autoTick?: boolean;
  /** STOMP login/passcode for a real broker. */
  readonly brokerLogin?: string;
  readonly brokerPasscode?: string;
  /** GC publication periods in ms (defaults 10000 / 5000 / 5000, CONTRACTS.md "GC wire"); shorten in tests. */
  readonly gcIntervals?: { readonly agentInfoMs?: number; readonly teamUsersMs?: number; readonly queueListMs?: number };
  /** Log one line per server (default true). */
  readonly log?: boolean;
  /** The wallboard `/agent` address the CIL host page embeds by default (env `SIM_CIL_APP_URL`). */
  readonly cilAppUrl?: string;
}

/** A running simulator. */
export interface SimulatorHandle {
  readonly model: SimModel;
  readonly hub: RteHub;
  readonly broker: StompBroker | null;
  readonly gc: GcAdapter;
  /** The Business ConneCT relay (UIP's role on the broker). */
  readonly bct: BctAdapter;
  /** The OpenMethods UCCX report server (Harmony's role on the broker). */
  readonly uccx: UccxAdapter;
  /** The b+s Connects CIL host page and model (`/sim/cil/`). */
  readonly cil: CilHost;
  readonly http: SimHttpServer;
  /** Real ports (`stomp` null with a real broker). */
  readonly ports: { readonly http: number; readonly hub: number; readonly stomp: number | null };
  /** URLs: control base, hub, STOMP broker (the embedded one or the given one). */
  readonly urls: { readonly http: string; readonly hub: string; readonly stomp: string };
  /** Stops every server and timer. */
  stop(): Promise<void>;
}

/** Starts the whole simulator in-process. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const host = opts.host ?? '127.0.0.1';
  const model = new SimModel({ seed: opts.seed ?? DEFAULT_SEED, ...(opts.clock ? { clock: opts.clock } : {}) });
  const tokens = createTokenService(opts.tokenTtlSec !== undefined ? { ttlSec: opts.tokenTtlSec } : {});
  const hub = new RteHub({ model, tokens, port: opts.hubPort ?? 8790, host });
  const brokerUrl = opts.broker && opts.broker !== 'embedded' ? opts.broker : null;
  const broker = brokerUrl ? null : new StompBroker({ port: opts.stompPort ?? 8791, host });
  const creds = { ...(opts.brokerLogin !== undefined ? { login: opts.brokerLogin } : {}), ...(opts.brokerPasscode !== undefined ? { passcode: opts.brokerPasscode } : {}) };
  // One broker connection per simulated backend (the GC adapter, the BCT relay, the UCCX report server), as in production.
  const newTransport = (): GcTransport => (broker ? embeddedTransport(broker) : remoteTransport(brokerUrl ?? '', creds));
  const transport = newTransport();
  const iv = opts.gcIntervals ?? {};
  const gc = new GcAdapter({
    model,
    transport,
    ...(iv.agentInfoMs !== undefined ? { agentInfoIntervalMs: iv.agentInfoMs } : {}),
    ...(iv.teamUsersMs !== undefined ? { teamUsersIntervalMs: iv.teamUsersMs } : {}),
    ...(iv.queueListMs !== undefined ? { queueListIntervalMs: iv.queueListMs } : {}),
  });
  const bct = new BctAdapter({ model, transport: newTransport() });
  const uccx = new UccxAdapter({ model, transport: newTransport() });
  const cil = new CilHost(opts.cilAppUrl !== undefined ? { defaultAppUrl: opts.cilAppUrl } : {});
  const httpServer = new SimHttpServer(
    {
      model, tokens, hub, broker, gc, bct, uccx, cil,
      info: () => ({ seed: model.seed, startedAt: model.startedAt, paused: model.paused, hub: hub.url, hubRunning: hub.running, stomp: broker ? broker.url : brokerUrl, stompRunning: broker ? broker.running : null, tokenTtlSec: tokens.ttlSec }),
    },
    opts.httpPort ?? 8788,
    host,
  );
  const started: (() => Promise<void>)[] = [];
  try {
    await hub.start();
    started.push(() => hub.dispose());
    if (broker) {
      await broker.start();
      started.push(() => broker.stop());
    }
    gc.start();
    started.push(() => gc.stop());
    bct.start();
    started.push(() => bct.stop());
    uccx.start();
    started.push(() => uccx.stop());
    await httpServer.start();
    started.push(() => httpServer.stop());
  } catch (err) {
    for (const s of started.reverse()) await s().catch(() => {});
    throw err;
  }
  if (opts.autoTick !== false) model.start();
  const stompUrl = broker ? broker.url : (brokerUrl ?? '');
  if (opts.log !== false) {
    console.info(`[sim] seed ${model.seed}`);
    console.info(`[sim] control + truth + token  ${httpServer.url}  (/sim/truth, /api/rte/token)`);
    console.info(`[sim] RTE SignalR hub          ${hub.url}`);
    console.info(broker ? `[sim] embedded STOMP broker    ${stompUrl}` : `[sim] GC adapter on broker     ${stompUrl}`);
    console.info(`[sim] GC adapter               ${gc.description}`);
    console.info(`[sim] BCT relay                ${bct.description}`);
    console.info(`[sim] UCCX report server       ${uccx.description}`);
    console.info(`[sim] CIL bridge host page     ${httpServer.url}/sim/cil/host?agent=agent2001`);
  }
  let stopped = false;
  return {
    model, hub, broker, gc, bct, uccx, cil, http: httpServer,
    ports: { http: httpServer.port, hub: hub.port, stomp: broker ? broker.port : null },
    urls: { http: httpServer.url, hub: hub.url, stomp: stompUrl },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      model.stop();
      for (const s of [...started].reverse()) await s().catch((err: unknown) => console.error('[sim] stop failed:', err));
    },
  };
}

/** Parses CLI flags and env into {@link SimulatorOptions}. Throws on a malformed number. */
export function parseSimArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SimulatorOptions {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const num = (flag: string, envName: string): number | undefined => {
    const v = get(flag) ?? env[envName];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag}/${envName} must be a non-negative integer, got '${v}'`);
    return n;
  };
  const o: Record<string, unknown> = {
    seed: num('seed', 'SIM_SEED'),
    broker: get('broker') ?? env['SIM_BROKER'],
    httpPort: num('http-port', 'SIM_HTTP_PORT'),
    hubPort: num('hub-port', 'SIM_HUB_PORT'),
    stompPort: num('stomp-port', 'SIM_STOMP_PORT'),
    host: get('host') ?? env['SIM_HOST'],
    brokerLogin: env['SIM_BROKER_LOGIN'],
    brokerPasscode: env['SIM_BROKER_PASSCODE'],
    cilAppUrl: get('cil-app-url') ?? env['SIM_CIL_APP_URL'],
  };
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o as SimulatorOptions;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  // A test double must outlive bad input: log anything that escaped a handler and carry on.
  process.on('uncaughtException', (err) => console.error('[sim] uncaught exception:', err));
  process.on('unhandledRejection', (err) => console.error('[sim] unhandled rejection:', err));
  try {
    const sim = await startSimulator(parseSimArgs(process.argv.slice(2)));
    const shutdown = (signal: string): void => {
      console.info(`[sim] ${signal}: shutting down`);
      void sim.stop().then(() => process.exit(0));
      setTimeout(() => process.exit(1), 3000).unref();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (err) {
    console.error('[sim] failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
