import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pidFile = join(root, '.tmp', 'activemq.pid');

/** Starts the test ActiveMQ (infra/activemq/start.sh) and records its PID. Resolves when STOMP listens. */
export function startActiveMq(): number {
  mkdirSync(dirname(pidFile), { recursive: true });
  const out = execFileSync('bash', [join(root, 'infra/activemq/start.sh'), join(root, '.tmp/activemq')], {
    encoding: 'utf8',
  });
  const pid = Number(out.trim().split('\n').pop());
  if (!Number.isInteger(pid)) throw new Error(`activemq start.sh printed no PID: ${out}`);
  writeFileSync(pidFile, String(pid));
  return pid;
}

/** Kills the test ActiveMQ started by {@link startActiveMq}, waiting until it is gone (at most 10 s). */
export async function stopActiveMq(): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`activemq (pid ${pid}) did not exit`);
}
