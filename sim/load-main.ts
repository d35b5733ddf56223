/**
 * Entry point of the load simulator (sim/load.ts; docs/PERFORMANCE.md "Browser benchmark").
 *
 * CLI: `tsx sim/load-main.ts [--port 19790] [--host 127.0.0.1] [--users 2000] [--queues 300]
 * [--seed 6] [--rate 1000] [--start]`; env `LOAD_SIM_PORT`, `LOAD_SIM_HOST`, `LOAD_USERS`,
 * `LOAD_QUEUES`, `LOAD_SEED`, `LOAD_RATE` (events/s). `--start` starts the stream at once;
 * otherwise `POST /sim/load/start` does.
 */
import { LOAD_DEFAULTS, LoadSim } from './load';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function num(name: string, envName: string, dflt: number): number {
  const v = arg(name) ?? process.env[envName];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}/${envName} must be a non-negative number, got '${v}'`);
  return n;
}

const sim = new LoadSim({
  port: num('port', 'LOAD_SIM_PORT', LOAD_DEFAULTS.port),
  host: arg('host') ?? process.env['LOAD_SIM_HOST'] ?? '127.0.0.1',
  users: num('users', 'LOAD_USERS', LOAD_DEFAULTS.users),
  queues: num('queues', 'LOAD_QUEUES', LOAD_DEFAULTS.queues),
  seed: num('seed', 'LOAD_SEED', LOAD_DEFAULTS.seed),
  rate: num('rate', 'LOAD_RATE', LOAD_DEFAULTS.rate),
});
await sim.start();
console.info(`[load-sim] ${sim.generator.users} users, ${sim.generator.queues} queues, seed ${sim.generator.seed} on ${sim.url}`);
console.info(`[load-sim] hub ${sim.url}/rte, token ${sim.url}/api/rte/token, config ${sim.url}/sim/load/config.json, controls ${sim.url}/sim/load/{start,stop,rate,burst,reset,status}`);
if (process.argv.includes('--start')) sim.startStream();
const shutdown = (): void => void sim.stop().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
