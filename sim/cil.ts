/**
 * The simulator's b+s Connects CIL side (issue 8; cil-bs-connects-integration-api.txt;
 * NOTES.md §2; docs/CONTRACTS.md "b+s Connects CIL"):
 *
 * - {@link CilModel}: one or more agents, each with a voice channel (`voice_<peripheral id>`),
 *   a CIL state and reason, work items and queues. It executes the CIL requests as b+s
 *   Connects would (setAgentState → `agentStateChange` with the request's id, setWrapupReason →
 *   `wrapupDataChanged`, directTransfer → `workitemEnd` `EndedTransferred`, …) and can answer
 *   the next request with a CIL `error` event on demand.
 * - {@link CilHost}: HTTP under `/sim/cil/`: the host page playing the ServiceNow UI Page's role
 *   (it runs the real `integrations/servicenow/cil-bridge-host.js` over a simulated
 *   `window.ConnectsIntegrationLibrary`, and embeds the wallboard's `/agent` in an iframe), the
 *   simulated library's event stream (Server-Sent Events) and request endpoint, and the test
 *   controls.
 */
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { fileURLToPath } from 'node:url';

/** A CIL state (document "agentStateChange"). */
type CilState = 'Logout' | 'Offline' | 'Ready' | 'NotReady' | 'Active' | 'Wrapup' | 'Unknown';

/** A reason code (document "getReasonCodeList"). */
export interface CilReason {
  readonly id: number;
  readonly label: string;
}

/** Reason codes the simulated b+s Connects offers (the seeded ones, docs/CONTRACTS.md). */
export const CIL_REASONS: Readonly<Record<'NotReady' | 'Logout' | 'Wrapup', readonly CilReason[]>> = {
  NotReady: [
    { id: 1, label: 'Break' },
    { id: 2, label: 'Lunch' },
    { id: 3, label: 'Meeting' },
    { id: 4, label: 'Training' },
    { id: 5, label: 'Coaching' },
    { id: 6, label: 'Admin' },
  ],
  Logout: [{ id: 20, label: 'End of shift' }],
  Wrapup: [
    { id: 101, label: 'Documentation' },
    { id: 102, label: 'Sale' },
    { id: 103, label: 'Complaint' },
  ],
};

interface WorkItem {
  id: string;
  state: string;
  direction: 'Incoming' | 'Outgoing';
  ani: string;
  classification: string;
  connectedAt: string | undefined;
  ctiData: Record<string, string>;
}

interface Agent {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly extension: string;
  readonly channelId: string;
  state: CilState;
  reasonCode: number;
  reasonLabel: string;
  stateChangeTime: string;
  workitems: Map<string, WorkItem>;
}

/** One logged request, as the simulated library received it. */
export interface CilRequestLog {
  readonly at: number;
  readonly agentId: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/** What a request answers: the value CIL's promise resolves to. */
export type CilAnswer = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly status: number; readonly error: string };

/** A pushed event. */
export type CilPush = (agentId: string, name: string, data: unknown) => void;

const DEFAULT_AGENTS = [{ id: 'agent2001', firstName: 'Ann', lastName: 'Lee', extension: '2001', peripheral: '5000' }];

/** Requests that carry a requestId, and its position in the vendor's parameter list. */
const REQUEST_ID_AT: Readonly<Record<string, number>> = {
  setAgentState: 3,
  directTransfer: 3,
  singleStepConference: 3,
  dialOrConsult: 2,
  sendDtmf: 1,
  updateWorkitemData: 3,
  setWrapupReason: 3,
};

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** The b+s Connects model for the CIL host page. */
export class CilModel {
  private agents = new Map<string, Agent>();
  private log: CilRequestLog[] = [];
  private failNext: string | undefined;
  private seq = 0;

  constructor(
    private readonly push: CilPush,
    private readonly now: () => number = Date.now,
  ) {
    this.reset();
  }

  /** Re-creates the agents (default `agent2001`, Ready, no call), clears the logs and a pending failure. */
  reset(agents: readonly { id: string; firstName?: string; lastName?: string; extension?: string; peripheral?: string }[] = DEFAULT_AGENTS): void {
    this.agents.clear();
    this.log = [];
    this.failNext = undefined;
    for (const a of agents) {
      const agent: Agent = {
        id: a.id,
        firstName: a.firstName ?? 'Agent',
        lastName: a.lastName ?? a.id,
        extension: a.extension ?? a.id.replace(/\D/g, ''),
        channelId: `voice_${a.peripheral ?? '5000'}`,
        state: 'Ready',
        reasonCode: -1,
        reasonLabel: '',
        stateChangeTime: new Date(this.now()).toISOString(),
        workitems: new Map(),
      };
      this.agents.set(a.id, agent);
      this.pushState(agent, 'Unknown', -1, '', agent.stateChangeTime, '');
    }
  }

  /** The requests received, oldest first. */
  requests(): readonly CilRequestLog[] {
    return this.log;
  }

  /** The next request that carries a requestId is answered with a CIL `error` event with `message`, not executed. */
  failNextRequest(message: string): void {
    this.failNext = message;
  }

  /** Ground truth: each agent's state and work items. */
  truth(): unknown {
    return [...this.agents.values()].map((a) => ({
      id: a.id,
      channelId: a.channelId,
      state: a.state,
      reasonCode: a.reasonCode,
      reasonLabel: a.reasonLabel,
      workitems: [...a.workitems.values()].map((w) => ({ id: w.id, state: w.state, ani: w.ani, ctiData: w.ctiData })),
    }));
  }

  /** True when the agent exists. */
  has(agentId: string): boolean {
    return this.agents.has(agentId);
  }

  private agent(id: string): Agent {
    const a = this.agents.get(id);
    if (!a) throw new Error(`unknown CIL agent ${id}`);
    return a;
  }

  private pushState(a: Agent, oldState: CilState, oldCode: number, oldLabel: string, oldTime: string, requestId: string): void {
    this.push(a.id, 'agentStateChange', {
      event: 'agentStateChange',
      version: '1.0',
      requestId,
      channelType: 'Voice',
      channelId: a.channelId,
      newState: a.state,
      newReasonCode: a.reasonCode,
      newReasonCodeLabel: a.reasonLabel,
      newStateChangeTime: a.stateChangeTime,
      oldState,
      oldReasonCode: oldCode,
      oldReasonCodeLabel: oldLabel,
      oldStateChangeTime: oldTime,
    });
  }

  private setState(a: Agent, state: CilState, code: number, label: string, requestId = ''): void {
    const old = { s: a.state, c: a.reasonCode, l: a.reasonLabel, t: a.stateChangeTime };
    a.state = state;
    a.reasonCode = code;
    a.reasonLabel = label;
    a.stateChangeTime = new Date(this.now()).toISOString();
    this.pushState(a, old.s, old.c, old.l, old.t, requestId);
    if (state === 'Logout') this.push(a.id, 'queueDataUpdate', { event: 'queueDataUpdate', version: '1.0', dataState: 'DISABLED', queueData: [] });
  }

  private record(a: Agent, w: WorkItem, event: string): Record<string, unknown> {
    return {
      event,
      version: '1.0',
      requestId: '',
      agentId: a.id,
      ani: w.ani,
      channelId: a.channelId,
      channelType: 'Voice',
      classification: w.classification,
      ...(w.connectedAt ? { connectedAt: w.connectedAt } : {}),
      ctiData: { ...w.ctiData },
      direction: w.direction,
      id: w.id,
      participants: [{ address: w.ani }, { address: a.extension }],
      state: w.state,
    };
  }

  private workitemEvent(a: Agent, w: WorkItem, event: string): void {
    this.push(a.id, event, this.record(a, w, event));
  }

  /**
   * A work item's step, as a test control (`create` → Offered, `connect` → Active (the agent
   * Active), `pause` → Paused, `resume` → Active, `wrapup` → Wrapup (the agent Wrapup),
   * `end` → Ended (the agent Ready)).
   * @throws Error on an unknown agent, work item or action
   */
  workitem(agentId: string, action: string, o: { workitemId?: string; ani?: string; direction?: string; queueName?: string; callVariables?: Record<string, string> } = {}): { id: string; state: string } {
    const a = this.agent(agentId);
    if (action === 'create') {
      this.seq += 1;
      const id = o.workitemId ?? String(16_777_300 + this.seq);
      const cti: Record<string, string> = { queueName: o.queueName ?? 'Sales', wrapUpReason: '', callType: 'ACD_IN', DNIS: '8000' };
      for (const [k, v] of Object.entries(o.callVariables ?? {})) if (k !== '__proto__') cti[k] = str(v);
      const w: WorkItem = {
        id,
        state: 'Offered',
        direction: o.direction === 'Outgoing' ? 'Outgoing' : 'Incoming',
        ani: o.ani ?? '+41445551234',
        classification: 'Customer',
        connectedAt: undefined,
        ctiData: cti,
      };
      a.workitems.set(id, w);
      this.workitemEvent(a, w, 'workitemCreate');
      return { id, state: w.state };
    }
    const id = o.workitemId ?? [...a.workitems.keys()].at(-1);
    const w = id === undefined ? undefined : a.workitems.get(id);
    if (!w) throw new Error(`agent ${agentId} has no work item ${id ?? ''}`);
    switch (action) {
      case 'connect':
        w.state = 'Active';
        w.connectedAt = new Date(this.now()).toISOString();
        this.workitemEvent(a, w, 'workitemConnect');
        this.setState(a, 'Active', -1, '');
        break;
      case 'pause':
        w.state = 'Paused';
        this.workitemEvent(a, w, 'workitemPause');
        break;
      case 'resume':
        w.state = 'Active';
        this.workitemEvent(a, w, 'workitemResume');
        break;
      case 'wrapup':
        w.state = 'Wrapup';
        this.workitemEvent(a, w, 'workitemWrapup');
        this.setState(a, 'Wrapup', -1, '');
        break;
      case 'end':
        w.state = 'Ended';
        a.workitems.delete(w.id);
        this.workitemEvent(a, w, 'workitemEnd');
        if (a.workitems.size === 0) this.setState(a, 'Ready', -1, '');
        break;
      default:
        throw new Error(`unknown work item action ${action}`);
    }
    return { id: w.id, state: w.state };
  }

  /**
   * Executes one CIL request for `agentId` (document "Requests"), logging it. Commands answer
   * nothing; questions answer `{success:true, response}` (both forms the wallboard must take).
   */
  request(agentId: string, method: string, args: readonly unknown[]): CilAnswer {
    const a = this.agents.get(agentId);
    if (!a) return { ok: false, status: 404, error: `unknown CIL agent ${agentId}` };
    this.log.push({ at: this.now(), agentId, method, args: [...args] });
    const idAt = REQUEST_ID_AT[method];
    const requestId = idAt === undefined ? '' : str(args[idAt]);
    if (idAt !== undefined && this.failNext !== undefined) {
      const message = this.failNext;
      this.failNext = undefined;
      this.push(a.id, 'error', { event: 'error', version: '1.0', requestId, message });
      return { ok: true, result: undefined };
    }
    const fail = (message: string): CilAnswer => {
      this.push(a.id, 'error', { event: 'error', version: '1.0', requestId, message });
      return { ok: true, result: undefined };
    };
    const item = (id: unknown) => (typeof id === 'string' ? a.workitems.get(id) : [...a.workitems.values()].find((w) => w.state === 'Active'));
    switch (method) {
      case 'getChannel':
        return {
          ok: true,
          result: {
            success: true,
            response: {
              activeDeviceId: `SEP00${a.extension}`,
              channel: {
                id: a.channelId,
                type: 'Voice',
                state: a.state,
                reasonCode: a.reasonCode,
                reasonCodeLabel: a.reasonLabel,
                stateChangeTime: a.stateChangeTime,
                workitems: [...a.workitems.values()].map((w) => this.record(a, w, 'getChannel')),
              },
              extension: a.extension,
              firstName: a.firstName,
              agentId: a.id,
              lastName: a.lastName,
              loginName: a.id,
              teamId: '5',
            },
          },
        };
      case 'getReasonCodeList': {
        const type = str(args[1]) as keyof typeof CIL_REASONS;
        const list = Object.prototype.hasOwnProperty.call(CIL_REASONS, type) ? CIL_REASONS[type] : [];
        return { ok: true, result: { success: true, response: list } };
      }
      case 'setAgentState': {
        const state = str(args[1]);
        if (state !== 'Ready' && state !== 'NotReady' && state !== 'Logout') return fail(`Invalid state ${state}`);
        if (state === 'Ready') {
          this.setState(a, 'Ready', -1, '', requestId);
          return { ok: true, result: undefined };
        }
        const list = CIL_REASONS[state];
        const reason = list.find((r) => String(r.id) === str(args[2]));
        if (!reason) return fail(`Reason code ${str(args[2]) || '(none)'} is not configured for ${state}`);
        this.setState(a, state, reason.id, reason.label, requestId);
        return { ok: true, result: undefined };
      }
      case 'directTransfer': {
        const w = item(args[2]);
        if (!w) return fail('No work item to transfer');
        w.state = 'EndedTransferred';
        a.workitems.delete(w.id);
        this.workitemEvent(a, w, 'workitemEnd');
        if (a.workitems.size === 0) this.setState(a, 'Ready', -1, '');
        return { ok: true, result: undefined };
      }
      case 'singleStepConference': {
        const w = item(args[2]);
        if (!w) return fail('No work item to conference');
        w.classification = 'Conference';
        this.workitemEvent(a, w, 'callVariableChanged');
        return { ok: true, result: undefined };
      }
      case 'dialOrConsult': {
        this.seq += 1;
        const id = String(16_777_300 + this.seq);
        const consult = [...a.workitems.values()].some((w) => w.state === 'Active' || w.state === 'Paused');
        const w: WorkItem = { id, state: 'Initiated', direction: 'Outgoing', ani: str(args[1]), classification: consult ? 'Consultation' : 'Customer', connectedAt: undefined, ctiData: {} };
        a.workitems.set(id, w);
        this.workitemEvent(a, w, 'workitemCreate');
        return { ok: true, result: undefined };
      }
      case 'sendDtmf':
        if (![...a.workitems.values()].some((w) => w.state === 'Active')) return fail('No active call for DTMF');
        return { ok: true, result: undefined };
      case 'isSendDtmfEnabled':
        return { ok: true, result: { success: true, response: [...a.workitems.values()].some((w) => w.state === 'Active') } };
      case 'isUpdateWorkitemDataEnabled':
        return { ok: true, result: { success: true, response: a.workitems.has(str(args[1])) } };
      case 'updateWorkitemData': {
        const w = a.workitems.get(str(args[1]));
        const data = args[2];
        if (!w || typeof data !== 'object' || data === null) return fail('No such work item');
        for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (k !== '__proto__') w.ctiData[k] = str(v);
        this.workitemEvent(a, w, 'callVariableChanged');
        if (Object.prototype.hasOwnProperty.call(data, 'wrapUpReason')) this.workitemEvent(a, w, 'wrapupDataChanged');
        return { ok: true, result: undefined };
      }
      case 'setWrapupReason': {
        const w = a.workitems.get(str(args[1]));
        if (!w) return fail('No such work item');
        w.ctiData['wrapUpReason'] = str(args[2]);
        this.workitemEvent(a, w, 'wrapupDataChanged');
        return { ok: true, result: undefined };
      }
      default:
        return { ok: false, status: 400, error: `unknown CIL request ${method.slice(0, 60)}` };
    }
  }
}

/** Escapes text for an HTML attribute or text node. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const BRIDGE_HOST_JS = fileURLToPath(new URL('../integrations/servicenow/cil-bridge-host.js', import.meta.url));

/** The simulated `window.ConnectsIntegrationLibrary` (browser code, served as `/sim/cil/fake-cil.js`). */
const FAKE_CIL_JS = String.raw`/* Simulated b+s Connects Integration Library (wallboard simulator, sim/cil.ts). */
(function () {
  'use strict';
  var script = document.currentScript;
  var agent = script && script.dataset.agent ? script.dataset.agent : 'agent2001';
  var base = script ? new URL('.', script.src).href : location.origin + '/sim/cil/';
  var handlers = {};
  var events = ['workitemCreate', 'workitemConnect', 'workitemPause', 'workitemResume', 'workitemWrapup', 'workitemEnd',
    'callVariableChanged', 'wrapupDataChanged', 'agentStateChange', 'queueDataUpdate', 'error'];
  var cil = {};
  events.forEach(function (name) {
    handlers[name] = [];
    cil['on' + name.charAt(0).toUpperCase() + name.slice(1)] = function (cb) { handlers[name].push(cb); };
  });
  var ready = false;
  var readyCallbacks = [];
  var stream = new EventSource(base + 'events?agent=' + encodeURIComponent(agent));
  stream.addEventListener('open', function () {
    if (ready) return;
    ready = true;
    readyCallbacks.splice(0).forEach(function (cb) { cb(); });
  });
  stream.addEventListener('message', function (ev) {
    var m = JSON.parse(ev.data);
    (handlers[m.name] || []).forEach(function (cb) { cb(m.data); });
  });
  cil.initIntegration = function (cb) { if (ready) cb(); else readyCallbacks.push(cb); };
  ['setAgentState', 'directTransfer', 'singleStepConference', 'dialOrConsult', 'getReasonCodeList', 'getChannel',
    'sendDtmf', 'isSendDtmfEnabled', 'updateWorkitemData', 'isUpdateWorkitemDataEnabled', 'setWrapupReason'].forEach(function (method) {
    cil[method] = function () {
      var args = Array.prototype.slice.call(arguments);
      return fetch(base + 'request', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agent: agent, method: method, args: args }) })
        .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b.error || ('HTTP ' + r.status)); return b.result; }); });
    };
  });
  window.ConnectsIntegrationLibrary = cil;
})();
`;

/** The host page (the UI Page's role) for `agent`, embedding `appUrl`. */
function hostPage(agent: string, appUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>b+s Connects bridge host (simulator) — ${esc(agent)}</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; background: #222; color: #eee; }
  header { padding: 4px 8px; font-size: 13px; display: flex; gap: 16px; }
  iframe { border: 0; width: 100%; height: calc(100vh - 28px); display: block; background: #fff; }
</style>
</head>
<body>
<header>
  <span>Simulated ServiceNow UI Page · agent <b data-testid="bridge-agent">${esc(agent)}</b></span>
  <span>Refused by the bridge host: <b data-testid="bridge-refused" data-count="0">0</b></span>
</header>
<iframe id="wallboard" data-testid="wallboard-frame" title="Wallboard agent desk" src="${esc(appUrl)}"></iframe>
<script src="/sim/cil/fake-cil.js" data-agent="${esc(agent)}"></script>
<script src="/sim/cil/bridge-host.js"></script>
<script>
  (function () {
    var frame = document.getElementById('wallboard');
    var counter = document.querySelector('[data-testid="bridge-refused"]');
    window.cilBridge = CilBridgeHost.start({
      cil: window.ConnectsIntegrationLibrary,
      frame: frame,
      wallboardOrigin: new URL(frame.src).origin,
      onRefused: function (reason, count) {
        counter.textContent = String(count);
        counter.dataset.count = String(count);
        counter.title = reason;
      }
    });
  })();
</script>
</body>
</html>`;
}

/** Options of {@link CilHost}. */
export interface CilHostOptions {
  /** The wallboard's `/agent` address the host page embeds by default. */
  readonly defaultAppUrl?: string;
  readonly now?: () => number;
}

/** Reads a JSON body (≤ 64 KB); undefined when empty. */
async function body(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 64 * 1024) throw Object.assign(new Error('Body too large'), { status: 413 });
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw Object.assign(new Error('Body is not valid JSON'), { status: 400 });
  }
}

/**
 * The HTTP side under `/sim/cil/` (docs/CONTRACTS.md "b+s Connects CIL"). Hooked into the
 * control server (`SimHttpServer`), which has set CORS headers already.
 */
export class CilHost {
  readonly model: CilModel;
  private readonly streams = new Map<string, Set<http.ServerResponse>>();
  private readonly defaultAppUrl: string;

  constructor(options: CilHostOptions = {}) {
    this.defaultAppUrl = options.defaultAppUrl ?? 'http://127.0.0.1:5173/agent?config=/config.cil.json';
    this.model = new CilModel((agent, name, data) => this.push(agent, name, data), options.now);
  }

  private push(agent: string, name: string, data: unknown): void {
    const line = `data: ${JSON.stringify({ name, data })}\n\n`;
    for (const res of this.streams.get(agent) ?? []) res.write(line);
  }

  /** Closes every event stream (server stop). */
  closeStreams(): void {
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }

  /**
   * Handles a request under `/sim/cil/`.
   * @returns false when the path is not one of ours
   */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname.replace(/\/+$/, '');
    const json = (status: number, b: unknown) => res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(b));
    try {
      const route = `${req.method ?? 'GET'} ${path}`;
      switch (route) {
        case 'GET /sim/cil/host': {
          const agent = url.searchParams.get('agent') ?? 'agent2001';
          const app = url.searchParams.get('app') ?? this.defaultAppUrl;
          let appUrl: URL;
          try {
            appUrl = new URL(app);
          } catch {
            json(400, { error: 'app must be an absolute http(s) URL of the wallboard /agent page' });
            return true;
          }
          if (appUrl.protocol !== 'http:' && appUrl.protocol !== 'https:') {
            json(400, { error: 'app must be an http(s) URL' });
            return true;
          }
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostPage(agent, appUrl.href));
          return true;
        }
        case 'GET /sim/cil/blank':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>blank</title><p>another window of the host origin</p>');
          return true;
        case 'GET /sim/cil/fake-cil.js':
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(FAKE_CIL_JS);
          return true;
        case 'GET /sim/cil/bridge-host.js':
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(BRIDGE_HOST_JS, 'utf8'));
          return true;
        case 'GET /sim/cil/events': {
          const agent = url.searchParams.get('agent') ?? '';
          if (!this.model.has(agent)) {
            json(404, { error: `unknown CIL agent ${agent}` });
            return true;
          }
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(': connected\n\n');
          let set = this.streams.get(agent);
          if (!set) this.streams.set(agent, (set = new Set()));
          set.add(res);
          req.on('close', () => set.delete(res));
          return true;
        }
        case 'POST /sim/cil/request': {
          const b = ((await body(req)) ?? {}) as Record<string, unknown>;
          if (typeof b['agent'] !== 'string' || typeof b['method'] !== 'string' || !Array.isArray(b['args'])) {
            json(400, { error: 'Body must be {"agent":"…","method":"…","args":[…]}' });
            return true;
          }
          const r = this.model.request(b['agent'], b['method'], b['args'] as unknown[]);
          if (r.ok) json(200, r.result === undefined ? {} : { result: r.result });
          else json(r.status, { error: r.error });
          return true;
        }
        case 'GET /sim/cil/requests':
          json(200, this.model.requests());
          return true;
        case 'GET /sim/cil/truth':
          json(200, this.model.truth());
          return true;
        case 'POST /sim/cil/control/reset': {
          const b = ((await body(req)) ?? {}) as Record<string, unknown>;
          const agents = Array.isArray(b['agents']) ? (b['agents'] as unknown[]).filter((a): a is string => typeof a === 'string').map((id) => ({ id })) : undefined;
          this.model.reset(agents && agents.length > 0 ? agents : undefined);
          json(200, { ok: true });
          return true;
        }
        case 'POST /sim/cil/control/fail-next-request': {
          const b = ((await body(req)) ?? {}) as Record<string, unknown>;
          const message = typeof b['message'] === 'string' && b['message'] !== '' ? b['message'] : 'Simulated CIL error';
          this.model.failNextRequest(message);
          json(200, { ok: true, message });
          return true;
        }
        case 'POST /sim/cil/control/workitem': {
          const b = ((await body(req)) ?? {}) as Record<string, unknown>;
          const agent = typeof b['agent'] === 'string' ? b['agent'] : 'agent2001';
          const action = typeof b['action'] === 'string' ? b['action'] : '';
          const cv = b['callVariables'];
          const r = this.model.workitem(agent, action, {
            ...(typeof b['workitemId'] === 'string' ? { workitemId: b['workitemId'] } : {}),
            ...(typeof b['ani'] === 'string' ? { ani: b['ani'] } : {}),
            ...(typeof b['direction'] === 'string' ? { direction: b['direction'] } : {}),
            ...(typeof b['queueName'] === 'string' ? { queueName: b['queueName'] } : {}),
            ...(typeof cv === 'object' && cv !== null ? { callVariables: cv as Record<string, string> } : {}),
          });
          json(200, { ok: true, ...r });
          return true;
        }
        case 'POST /sim/cil/control/event': {
          const b = ((await body(req)) ?? {}) as Record<string, unknown>;
          const agent = typeof b['agent'] === 'string' ? b['agent'] : 'agent2001';
          if (typeof b['name'] !== 'string') {
            json(400, { error: 'Body must be {"agent":"…","name":"<CIL event>","data":{…}}' });
            return true;
          }
          this.push(agent, b['name'], b['data']);
          json(200, { ok: true });
          return true;
        }
        default:
          return false;
      }
    } catch (err) {
      const status = (err as { status?: number }).status ?? 409;
      json(status, { error: err instanceof Error ? err.message : String(err) });
      return true;
    }
  }
}
