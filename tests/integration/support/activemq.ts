/**
 * Starts and kills a throw-away ActiveMQ (Debian package) for the integration tests via
 * `infra/activemq/start.sh` (STOMP on 127.0.0.1:61613; NOTES.md §6). Each start gets its own
 * work directory; the PID printed by the script is the only process this helper ever kills.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** True when Debian's ActiveMQ and java are installed. */
export const activeMqInstalled = existsSync('/usr/share/activemq/bin/activemq.jar');

/** STOMP TCP port of infra/activemq/activemq.xml. */
export const STOMP_PORT = 61613;

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs start.sh; resolves with the broker PID once STOMP listens. Rejects if 61613 is already taken. */
export async function startActiveMq(): Promise<number> {
  if (await portOpen(STOMP_PORT)) throw new Error(`127.0.0.1:${STOMP_PORT} is already in use; stop that broker first`);
  const work = mkdtempSync(join(tmpdir(), 'wallboard-amq-it-'));
  const out = await new Promise<string>((resolve, reject) => {
    execFile('bash', [join(root, 'infra/activemq/start.sh'), work], { encoding: 'utf8', timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`infra/activemq/start.sh failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
  const pid = Number(out.trim().split('\n').pop());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`start.sh printed no PID: ${out}`);
  return pid;
}

/** SIGKILLs `pid` (a broker this helper started) and waits until it is gone and 61613 is closed. */
export async function killActiveMq(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  for (let i = 0; i < 150; i++) {
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive && !(await portOpen(STOMP_PORT))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`activemq (pid ${pid}) did not exit`);
}

/** Resolves when `pred()` is true, polling every 50 ms; rejects after `timeoutMs`. */
export async function until(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
