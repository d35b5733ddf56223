/**
 * The control / ground-truth / token server (docs/CONTRACTS.md "Simulator HTTP API", port 8788).
 * CORS is open (any origin, credentials). Every answer is JSON. Errors answer
 * `{"error":"…"}` with 400 (bad body), 404 (unknown agent or route), 409 (refused in the
 * current state). Test controls for deterministic e2e: `reset`, `step`, `agent-state`
 * (with `force`), `agent-call`. Extra: `GET /sim/info`, `GET /sim/stats`, `?ttlSec=` on the token.
 */
import http from 'node:http';
import { BctControlError, type BctAdapter } from './bct-adapter';
import type { CilHost } from './cil';
import { UccxControlError, type UccxAdapter } from './uccx-adapter';
import type { GcAdapter } from './gc-adapter';
import { ManagedServer } from './listener';
import type { SimModel } from './model';
import type { RteHub } from './rte-hub';
import type { StompBroker } from './stomp-broker';
import type { TokenService } from './token';
import type { CommandResult } from './types';
import { buildStats, buildTruth } from './truth';

/** What the control server drives. `broker` is null when a real broker is used. */
export interface SimControlTargets {
  readonly model: SimModel;
  readonly tokens: TokenService;
  readonly hub: RteHub;
  readonly broker: StompBroker | null;
  readonly gc: GcAdapter;
  /** The Business ConneCT relay, when simulated (its own routes: `BctAdapter.routes`). */
  readonly bct?: BctAdapter;
  /** The OpenMethods UCCX report server, when simulated (its own routes: `UccxAdapter.routes`). */
  readonly uccx?: UccxAdapter;
  /** Extra facts for `GET /sim/info`. */
  readonly info: () => Record<string, unknown>;
  /** The b+s Connects CIL host page, event stream and controls under `/sim/cil/` (optional). */
  readonly cil?: CilHost;
}

type Handler = (req: http.IncomingMessage, url: URL, body: unknown) => Promise<unknown> | unknown;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Builds the route table: `"<METHOD> <path>"` → handler returning the JSON answer. */
function routes(t: SimControlTargets): Map<string, Handler> {
  const ok = { ok: true };
  const token: Handler = async (_req, url) => {
    const ttl = url.searchParams.get('ttlSec');
    const n = ttl === null ? undefined : Number(ttl);
    if (n !== undefined && !Number.isFinite(n)) throw new HttpError(400, 'ttlSec must be a number (seconds)');
    return { token: await t.tokens.issue(n) };
  };
  const needBroker = (): StompBroker => {
    if (!t.broker) throw new HttpError(409, 'The embedded STOMP broker is not in use (--broker <url>)');
    return t.broker;
  };
  const bctRoutes: [string, Handler][] = (t.bct?.routes() ?? []).map(([k, h]) => [k, (_req, _url, body) => h(body)]);
  const uccxRoutes: [string, Handler][] = (t.uccx?.routes() ?? []).map(([k, h]) => [k, (_req, _url, body) => h(body)]);
  return new Map<string, Handler>([
    ...bctRoutes,
    ...uccxRoutes,
    ['GET /api/rte/token', token],
    ['POST /api/rte/token', token],
    ['GET /sim/truth', (_req, url) => {
      const n = (k: string): number | undefined => {
        const v = url.searchParams.get(k);
        if (v === null) return undefined;
        const x = Number(v);
        if (!Number.isFinite(x) || x < 0) throw new HttpError(400, `${k} must be a non-negative number (seconds)`);
        return x;
      };
      const thresholdSec = n('slThresholdSec');
      const shortAbandonSec = n('shortAbandonSec');
      return buildTruth(t.model, { ...(thresholdSec !== undefined ? { thresholdSec } : {}), ...(shortAbandonSec !== undefined ? { shortAbandonSec } : {}) }, t.gc.queueListFormat);
    }],
    ['GET /sim/stats', () => buildStats(t.model)],
    ['GET /sim/info', () => t.info()],
    ['GET /sim/hub/log', () => t.hub.log()],
    ['GET /sim/gc/commands', () => t.gc.commands()],
    ['POST /sim/control/pause', () => (t.model.pause(), { ok: true, paused: true })],
    ['POST /sim/control/resume', () => (t.model.resume(), { ok: true, paused: false })],
    ['POST /sim/control/drop-connections', () => {
      t.hub.dropConnections();
      t.broker?.dropConnections();
      return ok;
    }],
    ['POST /sim/control/stop/hub', async () => (await t.hub.stop(), ok)],
    ['POST /sim/control/start/hub', async () => ({ ok: true, port: await t.hub.start() })],
    ['POST /sim/control/freeze/hub', () => (t.hub.freeze(), ok)],
    ['POST /sim/control/thaw/hub', () => (t.hub.thaw(), ok)],
    ['POST /sim/control/hub/ping-interval', (_req, _url, body) => {
      const ms = ((body ?? {}) as Record<string, unknown>)['ms'];
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 100 || ms > 60_000) throw new HttpError(400, 'Body must be {"ms": 100..60000}');
      t.hub.setPingInterval(ms);
      return { ok: true, ms };
    }],
    ['POST /sim/control/stop/stomp', async () => (await needBroker().stop(), ok)],
    ['POST /sim/control/start/stomp', async () => ({ ok: true, port: await needBroker().start() })],
    ['POST /sim/control/fail-next-command', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const code = typeof b['code'] === 'string' && b['code'] !== '' ? b['code'] : 'GENERAL_ERROR';
      const message = typeof b['message'] === 'string' ? b['message'] : 'Simulated failure';
      t.gc.failNext(code, message);
      return { ok: true, code, message };
    }],
    ['POST /sim/control/gc-queue-list', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const format = b['format'] ?? 'ucce';
      const omit = b['omit'] ?? [];
      if ((format !== 'ucce' && format !== 'uccx') || !Array.isArray(omit) || !omit.every((k) => typeof k === 'string')) {
        throw new HttpError(400, 'Body must be {"format":"ucce"|"uccx","omit":["<payload key or UCCX key suffix>", …]}');
      }
      t.gc.setQueueListFormat({ format, omit: omit as string[] });
      return { ok: true, format, omit };
    }],
    ['POST /sim/control/reset-logs', () => {
      t.hub.resetLog();
      t.gc.resetLog();
      return ok;
    }],
    ['POST /sim/control/agent-state', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b['id'] !== 'string' || typeof b['state'] !== 'string') throw new HttpError(400, 'Body must be {"id":"…","state":"READY|NOT_READY|LOGOUT|LOGIN","reasonCodeId":"…","force":false}');
      const reason = typeof b['reasonCodeId'] === 'string' ? b['reasonCodeId'] : undefined;
      const r =
        b['force'] === true
          ? t.model.forceAgentState(b['id'], b['state'], reason)
          : b['state'] === 'LOGIN'
            ? t.model.login(b['id'])
            : t.model.setAgentState(b['id'], b['state'], reason);
      return commandAnswer(r);
    }],
    ['POST /sim/control/agent-name', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b['id'] !== 'string' || typeof b['name'] !== 'string' || b['name'].length > 10_000) throw new HttpError(400, 'Body must be {"id":"…","name":"…" (at most 10,000 characters)}');
      const r = t.model.renameAgent(b['id'], b['name']);
      if (!r.ok) throw new HttpError(404, `${r.code}: ${r.message}`);
      return { ok: true };
    }],
    ['POST /sim/control/queue-name', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b['id'] !== 'string' || typeof b['name'] !== 'string' || b['name'].length > 10_000) throw new HttpError(400, 'Body must be {"id":"<RTE queue id>","name":"…" (at most 10,000 characters)}');
      const r = t.model.renameQueue(b['id'], b['name']);
      if (!r.ok) throw new HttpError(404, `${r.code}: ${r.message}`);
      return { ok: true };
    }],
    ['POST /sim/control/gc/team-name', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b['id'] !== 'string' || typeof b['name'] !== 'string' || b['name'].length > 10_000) throw new HttpError(400, 'Body must be {"id":"5","name":"…" (at most 10,000 characters)}');
      let known: boolean;
      try {
        known = t.gc.renameTeam(b['id'], b['name']);
      } catch (e) {
        throw new HttpError(400, e instanceof Error ? e.message : String(e));
      }
      if (!known) throw new HttpError(404, `UNKNOWN_TEAM: No GC team ${b['id']}`);
      return { ok: true };
    }],
    ['POST /sim/control/agent-call', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const dur = b['durationSec'];
      if (typeof b['id'] !== 'string' || (b['queueId'] !== undefined && typeof b['queueId'] !== 'string') || (dur !== undefined && !(typeof dur === 'number' && dur > 0 && dur <= 3600))) {
        throw new HttpError(400, 'Body must be {"id":"…","queueId":"…" (optional),"durationSec":1..3600 (optional, default 60)}');
      }
      return commandAnswer(t.model.startCall(b['id'], {
        ...(typeof b['queueId'] === 'string' ? { queueId: b['queueId'] } : {}),
        ...(typeof dur === 'number' ? { durationSec: dur } : {}),
      }));
    }],
    ['POST /sim/control/queue-call', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const fate = b['fate'];
      const after = b['afterSec'] ?? 60;
      if (typeof b['queueId'] !== 'string' || (fate !== undefined && fate !== 'abandon' && fate !== 'overflow' && fate !== 'transfer') || !(typeof after === 'number' && after >= 0 && after <= 3600)) {
        throw new HttpError(400, 'Body must be {"queueId":"…","fate":"abandon|overflow|transfer" (optional: without, the call waits for a READY user),"afterSec":0..3600 (default 60)}');
      }
      const r = t.model.queueCall(b['queueId'], fate as 'abandon' | 'overflow' | 'transfer' | undefined, after);
      if (!r.ok) throw new HttpError(404, `${r.code}: ${r.message}`);
      return r;
    }],
    ['POST /sim/control/callback', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const due = b['dueInSec'];
      if (typeof b['listId'] !== 'string' || (b['contactName'] !== undefined && typeof b['contactName'] !== 'string') || (due !== undefined && !(typeof due === 'number' && Number.isFinite(due)))) {
        throw new HttpError(400, 'Body must be {"listId":"…","contactName":"…" (optional),"dueInSec":<seconds, may be negative> (optional)}');
      }
      const r = t.model.addCallback(b['listId'], {
        ...(typeof b['contactName'] === 'string' ? { contactName: b['contactName'] } : {}),
        ...(typeof due === 'number' ? { dueInSec: due } : {}),
      });
      if (!r.ok) throw new HttpError(404, `${r.code}: ${r.message}`);
      return r;
    }],
    ['POST /sim/control/rte-alert', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b['userId'] !== 'string' || (b['queueId'] !== undefined && typeof b['queueId'] !== 'string')) {
        throw new HttpError(400, 'Body must be {"userId":"…","queueId":"…" (optional: a UserQueueAlert; without, a UserAlert)}');
      }
      const r = t.model.raiseAlert(b['userId'], typeof b['queueId'] === 'string' ? b['queueId'] : undefined);
      if (!r.ok) throw new HttpError(404, `${r.code}: ${r.message}`);
      return r;
    }],
    ['POST /sim/control/token-ttl', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const ttl = b['ttlSec'];
      if (!(typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 1 && ttl <= 86_400)) throw new HttpError(400, 'Body must be {"ttlSec":1..86400}');
      t.tokens.ttlSec = ttl;
      return { ok: true, ttlSec: ttl };
    }],
    ['POST /sim/control/tokens/expire-next', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const count = b['count'];
      if (!(typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 1000)) throw new HttpError(400, 'Body must be {"count":0..1000}');
      t.tokens.expireNext = count;
      return { ok: true, count };
    }],
    ['POST /sim/control/gc/duplicate-swap', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const count = b['count'];
      if (!(typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 1000)) throw new HttpError(400, 'Body must be {"count":0..1000}');
      t.gc.duplicateSwapNext(count);
      return { ok: true, ...t.gc.duplicateSwap };
    }],
    ['GET /sim/gc/duplicate-swap', () => t.gc.duplicateSwap],
    ['GET /sim/tokens', () => ({ ttlSec: t.tokens.ttlSec, expireNext: t.tokens.expireNext, refused: { ...t.tokens.refused } })],
    ['POST /sim/control/reset', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const seed = b['seed'];
      if ((seed !== undefined && !(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0)) || (b['paused'] !== undefined && typeof b['paused'] !== 'boolean')) {
        throw new HttpError(400, 'Body must be {"seed":<non-negative integer> (optional),"paused":true|false (optional, default false)}');
      }
      t.model.reset({ ...(typeof seed === 'number' ? { seed } : {}), paused: b['paused'] === true });
      t.hub.thaw();
      t.tokens.expireNext = 0;
      t.hub.resetLog();
      t.gc.reset();
      t.bct?.reset();
      t.uccx?.reset();
      return { ok: true, seed: t.model.seed, paused: t.model.paused, startedAt: t.model.startedAt };
    }],
    ['POST /sim/control/step', (_req, _url, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const seconds = b['seconds'];
      const events = b['events'];
      if ((seconds !== undefined && typeof seconds !== 'number') || (events !== undefined && typeof events !== 'number')) {
        throw new HttpError(400, 'Body must be {"seconds":0..3600} or {"events":1..1000}');
      }
      if (!t.model.paused) throw new HttpError(409, 'step needs a paused model (POST /sim/control/pause or reset with "paused":true first)');
      try {
        const r = t.model.step({ ...(seconds !== undefined ? { seconds } : {}), ...(events !== undefined ? { events } : {}) });
        return { ok: true, ...r, at: t.model.now() };
      } catch (err) {
        throw new HttpError(400, err instanceof Error ? err.message : String(err));
      }
    }],
  ]);
}

/** A model command's answer: the result, or 404 (unknown agent) / 409 (refused) with `<CODE>: <message>`. */
function commandAnswer(r: CommandResult): CommandResult {
  if (!r.ok) throw new HttpError(r.code === 'USER_NOT_FOUND' ? 404 : 409, `${r.code}: ${r.message}`);
  return r;
}

function cors(req: http.IncomingMessage, res: http.ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Vary', 'Origin');
}

/**
 * Reads a request body as JSON: `undefined` when empty. Throws an error with a `status`
 * (413 over 64 KB, 400 for invalid JSON).
 */
export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new HttpError(413, 'Body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

/** The control server; `start()` resolves with the real port. */
export class SimHttpServer {
  private readonly server: ManagedServer;

  /** @param port 0 = any free port (default 8788) */
  constructor(
    private readonly targets: SimControlTargets,
    port = 8788,
    private readonly host = '127.0.0.1',
  ) {
    const table = routes(targets);
    this.server = new ManagedServer({
      port,
      host,
      create: () => http.createServer((req, res) => void this.handle(table, req, res)),
    });
  }

  /** Listening port. */
  get port(): number {
    return this.server.port;
  }

  /** Base URL, e.g. `http://127.0.0.1:8788`. */
  get url(): string {
    return `http://${this.host}:${this.server.port}`;
  }

  /** Starts listening; resolves with the port (at once when already listening). */
  start(): Promise<number> {
    return this.server.start();
  }

  /** Stops listening and closes open sockets (and the CIL event streams). */
  stop(): Promise<void> {
    this.targets.cil?.closeStreams();
    return this.server.stop();
  }

  private async handle(table: Map<string, Handler>, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, body: unknown): void => {
      if (res.headersSent) return void res.end();
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    };
    try {
      cors(req, res);
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (this.targets.cil && path.startsWith('/sim/cil/') && (await this.targets.cil.handle(req, res, url))) return;
      const handler = table.get(`${req.method ?? 'GET'} ${path}`);
      if (!handler) {
        const anyMethod = [...table.keys()].some((k) => k.endsWith(` ${path}`));
        send(anyMethod ? 405 : 404, { error: anyMethod ? `Method ${req.method ?? ''} not allowed` : `No route ${path}` });
        return;
      }
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      send(200, await handler(req, url, body));
    } catch (err) {
      if (err instanceof HttpError || err instanceof BctControlError || err instanceof UccxControlError) send(err.status, { error: err.message });
      else send(500, { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
