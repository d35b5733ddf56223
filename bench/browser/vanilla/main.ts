/**
 * The vanilla reference page of the browser benchmark (issue 6 scope 3; docs/PERFORMANCE.md
 * "Browser benchmark"): no framework. It consumes the same RTE stream as the board (the load
 * simulator's hub through `@microsoft/signalr`, the same token endpoint, the same board
 * configuration at `/sim/load/config.json`), renders every agent and queue tile (no
 * virtualisation) with the board's test hooks (`data-testid="agent-tile"` + `data-agent-id`
 * + `data-state`; `data-testid="queue-tile"` + `data-queue-id`; figures with `data-testid` and
 * `data-value`), and applies the buffered events once per animation frame. The probe
 * (src/lib/perf-probe.ts) is installed first, exactly as `?probe=1` does on the board.
 */
import { installPerfProbe } from '../../../src/lib/perf-probe';
import { deriveRteUser } from '../../../sim/rte-wire';

installPerfProbe();

interface RteConfig {
  tokenUrl: string;
  hubUrl: string;
  userIds: string[];
  queueIds: string[];
}

type Data = Record<string, unknown>;
interface Msg {
  subscription: { entityId: string; eventName: string };
  data: Data;
}

interface AgentView {
  el: HTMLElement;
  state: HTMLElement;
  time: HTMLElement;
  av?: Data;
  st?: Data;
  derived: string;
  since: number;
}

interface QueueView {
  el: HTMLElement;
  figs: Record<string, HTMLElement>;
}

const QUEUE_FIGS: [string, string][] = [
  ['queue-calls-waiting', 'nbrOfQueuingRequesters'],
  ['queue-agents-ready', 'nbrOfAgentsImmediatelyFree'],
  ['queue-agents-not-ready', 'nbrOfAgentsLongTermAway'],
  ['queue-agents-talking', 'nbrOfAgentsShortTermAway'],
  ['queue-agents-wrapup', 'nbrOfAgentsOnWrapUp'],
];

const agents = new Map<string, AgentView>();
const queues = new Map<string, QueueView>();
let buffer: Msg[] = [];

function el(tag: string, attrs: Record<string, string>, text = ''): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.textContent = text;
  return e;
}

/** Where the tiles go (bench/browser/vanilla/index.html). */
const qRoot = document.getElementById('queues')!;
const aRoot = document.getElementById('agents')!;

function build(cfg: RteConfig): void {
  for (const id of cfg.queueIds) {
    const tile = el('section', { class: 'tile', 'data-testid': 'queue-tile', 'data-queue-id': id, 'data-source': 'rte' });
    const name = el('b', {});
    tile.append(name);
    const figs: Record<string, HTMLElement> = { name };
    for (const [testId] of QUEUE_FIGS) {
      const f = el('span', { class: 'fig', 'data-testid': testId, 'data-value': '' }, '–');
      figs[testId] = f;
      tile.append(f);
    }
    queues.set(id, { el: tile, figs });
  }
  for (const id of cfg.userIds) {
    const tile = el('div', { class: 'tile', 'data-testid': 'agent-tile', 'data-agent-id': id, 'data-source': 'rte', 'data-state': 'UNKNOWN' });
    const name = el('b', {}, id);
    const state = el('span', { class: 'fig', 'data-testid': 'agent-state-label' });
    const time = el('span', { class: 'fig', 'data-testid': 'agent-time-in-state', 'data-value': '' });
    tile.append(name, state, time);
    agents.set(id, { el: tile, state, time, derived: 'UNKNOWN', since: Date.now() });
  }
  // Tiles enter the DOM once their first data arrives (as on the board); see apply().
}

function apply(batch: Msg[]): void {
  for (const m of batch) {
    const id = m.subscription.entityId;
    const ev = m.subscription.eventName.toLowerCase();
    if (ev === 'queuestatus') {
      const q = queues.get(id);
      if (!q) continue;
      const name = String(m.data['queueName'] ?? '');
      if (q.figs['name']!.textContent !== name) q.figs['name']!.textContent = name;
      for (const [testId, prop] of QUEUE_FIGS) {
        const v = String(m.data[prop] ?? '');
        const f = q.figs[testId]!;
        if (f.getAttribute('data-value') !== v) {
          f.setAttribute('data-value', v);
          f.textContent = v;
        }
      }
      if (!q.el.isConnected) qRoot.append(q.el);
      continue;
    }
    const a = agents.get(id);
    if (!a) continue;
    if (ev === 'useravailability') {
      a.av = m.data;
      const name = String(m.data['userName'] ?? id);
      if (a.el.firstChild!.textContent !== name) a.el.firstChild!.textContent = name;
    } else a.st = m.data;
    // The connector's derivation (docs/CONTRACTS.md "RTE mappings"), as the simulator mirrors it.
    const s = deriveRteUser(a.av, a.st)?.state ?? 'UNKNOWN';
    if (s !== a.derived) {
      a.derived = s;
      a.since = Date.now();
      a.el.setAttribute('data-state', s);
      a.state.textContent = s;
    }
    if (!a.el.isConnected) aRoot.append(a.el);
  }
}

let lastTick = 0;
function frame(): void {
  if (buffer.length) {
    const batch = buffer;
    buffer = [];
    apply(batch);
  }
  const now = Date.now();
  if (now - lastTick >= 1000) {
    lastTick = now - (now % 1000);
    for (const a of agents.values()) {
      if (!a.el.isConnected) continue;
      const s = String(Math.floor((now - a.since) / 1000));
      a.time.setAttribute('data-value', s);
      a.time.textContent = `${s} s`;
    }
  }
  requestAnimationFrame(frame);
}

async function main(): Promise<void> {
  const cfgUrl = new URLSearchParams(location.search).get('config') ?? '/sim/load/config.json';
  const cfg = ((await (await fetch(cfgUrl)).json()) as { sources: { rte: RteConfig } }).sources.rte;
  build(cfg);
  requestAnimationFrame(frame);
  // Loaded after the probe wrapped WebSocket (signalr reads the global when it connects).
  const signalR = await import('@microsoft/signalr');
  const conn = new signalR.HubConnectionBuilder()
    .withUrl(cfg.hubUrl, {
      transport: signalR.HttpTransportType.WebSockets,
      accessTokenFactory: async () => ((await (await fetch(cfg.tokenUrl, { method: 'POST' })).json()) as { token: string }).token,
    })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  conn.on('MessageReceived', (m: Msg) => void buffer.push(m));
  const subscribe = async (): Promise<void> => {
    const items = [
      ...cfg.queueIds.map((id) => ({ EntityId: id, EventName: 'QueueStatus' })),
      ...cfg.userIds.flatMap((id) => [{ EntityId: id, EventName: 'UserStatus' }, { EntityId: id, EventName: 'UserAvailability' }]),
    ];
    for (let i = 0; i < items.length; i += 1000) await conn.invoke('Subscribe', items.slice(i, i + 1000));
  };
  conn.onreconnected(() => void subscribe());
  await conn.start();
  await subscribe();
  document.documentElement.dataset.live = 'true';
}

void main();
