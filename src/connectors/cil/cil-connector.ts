/**
 * The b+s Connects CIL connector (cil-bs-connects-integration-api.txt; NOTES.md §2): the
 * agent's own desk. Events become `desk.*` DomainEvents; the {@link AgentDeskPort} sends the
 * CIL requests. Runs on `/agent` only (module scope `desk`): never on the kiosk.
 */
import {
  CommandError,
  type AgentDeskPort,
  type DeskReasonCode,
  type DeskReasonType,
  type DeskSettableState,
  type DomainEvent,
  type SourcePorts,
} from '../../domain';
import type { Scheduler, CancelFn } from '../../lib/scheduler';
import { createBackoff } from '../transport/backoff';
import { createStatusReporter, ingestErrorEvent, safeEmit } from '../transport/events';
import type { Emit } from '../transport/types';
import { createCilClient } from './cil-client';
import { mapAgentStateChange, mapGetChannel, mapQueueDataUpdate, mapWorkitem } from './cil-mapper';
import { bridgeTransport, directTransport, type CilTransport, type CilWindow } from './cil-transport';
import { getChannelSchema, parseWith, reasonCodeListSchema, type CilEvent } from './cil-wire';
import type { CilConnectorConfig } from './config';

const SOURCE = 'cil' as const;

/** A window with no CIL global and no parent (Node). */
const NO_WINDOW: CilWindow = { parent: undefined, addEventListener: () => undefined, removeEventListener: () => undefined };

/** Options of {@link createCilConnector} beyond the configuration. */
export interface CilConnectorOptions {
  readonly scheduler: Scheduler;
  /** The window the transports use (default `globalThis.window`). */
  readonly window?: CilWindow;
  /** A transport instead of the one `config.mode` names (tests). */
  readonly transport?: CilTransport;
  /** New request / bridge ids (default `crypto.randomUUID`). */
  readonly newId?: () => string;
  /** Jitter source of the reconnect backoff (tests). */
  readonly random?: () => number;
}

/** A running CIL connector. */
export interface CilConnector {
  start(): void;
  stop(): Promise<void>;
  readonly ports: SourcePorts;
}

let counter = 0;
function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  counter += 1;
  return `cil-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/** DTMF characters CIL accepts (document "sendDtmf": CCE 0-9, *, #, A-D; CCX without A-D). */
const DTMF = /^[0-9*#A-D]+$/;

/** Characters of a dialable address (digits, `+`, `*`, `#`, spaces, `-`, `(`, `)`; SIP-ish `@` `.` and letters too). */
const ADDRESS = /^[0-9A-Za-z+*#@._\-() ]{1,64}$/;

/**
 * Creates the CIL connector (not started).
 *
 * Status (`connection.status`, source `cil`): `connecting` at start; `live` once CIL is
 * ready and `getChannel(channelId)` answered (its channel state and work items seed the
 * desk; work items it does not list are removed); `down` with the reason when the global /
 * the bridge host is missing or `getChannel` fails, retried with backoff (500 ms doubling to
 * 4 s, jitter), forever, until `stop()`.
 *
 * Errors: a payload that fails validation, an unknown event, and every message the bridge
 * refuses (foreign origin, another window, malformed envelope) become ONE counted
 * `ingest.error` each (codes `wrong-type`, `unknown-event`, `hostile-key`,
 * `bridge-foreign-origin`, `bridge-foreign-window`, `bridge-malformed`, …); the events
 * around them are kept. A CIL `error` event that no pending request claims becomes a
 * `desk.notice` (shown to the agent).
 */
export function createCilConnector(config: CilConnectorConfig, emit: Emit, options: CilConnectorOptions): CilConnector {
  const { scheduler } = options;
  const newId = options.newId ?? defaultId;
  // Outside a browser (Node) there is no window: the transports then report the source down.
  const win = options.window ?? (globalThis as unknown as { window?: CilWindow }).window ?? NO_WINDOW;
  const transport =
    options.transport ??
    (config.mode === 'bridge'
      ? bridgeTransport(win, { allowedOrigin: config.allowedOrigin ?? '', newId })
      : directTransport(win));
  const status = createStatusReporter(SOURCE, emit, () => scheduler.wallNow());
  const backoff = createBackoff({ random: options.random });
  const channelId = config.channelId;
  let running = false;
  let retry: CancelFn | undefined;
  let readyCheck: CancelFn | undefined;
  /** Reason codes as CIL sent their ids (number or string), by their string form. */
  const rawReasonIds = new Map<string, string | number>();
  /** The last state and reason code CIL reported per channel id (to know when a request changes nothing). */
  const known = new Map<string, { state: string; reasonCode: string | undefined }>();
  const remember = (events: readonly DomainEvent[]) => {
    for (const e of events) if (e.kind === 'desk.channel') known.set(e.id, { state: e.state, reasonCode: e.reasonCode });
  };

  const out = (events: DomainEvent[]) => safeEmit(emit, events);
  const reject = (code: string, message: string) => out([ingestErrorEvent(SOURCE, code, message, scheduler.wallNow())]);

  const client = createCilClient({
    transport,
    scheduler,
    timeoutMs: config.requestTimeoutMs,
    newId,
    onRejected: (e) => reject(e.code, e.message),
    onUnclaimedError: (message, requestId) =>
      out([{ kind: 'desk.notice', source: SOURCE, at: scheduler.wallNow(), message, ...(requestId !== undefined ? { requestId } : {}) }]),
    onEvent: (event) => {
      const events = toDomain(event, scheduler.wallNow());
      remember(events);
      out(events);
    },
    onReady: () => void sync(),
    onDown: (reason) => {
      status.set('down', reason);
      scheduleRetry(() => client.start());
    },
  });

  function scheduleRetry(again: () => void): void {
    if (!running || retry) return;
    retry = scheduler.setTimeout(() => {
      retry = undefined;
      if (running) again();
    }, backoff.next());
  }

  /** Seeds the desk from `getChannel`; live on success, down and retried on failure. */
  async function sync(): Promise<void> {
    if (!running) return;
    try {
      const answer = await client.call('getChannel', [channelId]);
      if (!running) return;
      const r = parseWith(getChannelSchema, answer, 'getChannel');
      if (!r.ok) throw new CommandError('vendor-error', `getChannel answer refused: ${r.error.message}`);
      const { events, errors } = mapGetChannel(r.value, scheduler.wallNow());
      for (const e of errors) reject(e.code, e.message);
      remember(events);
      out(events);
      backoff.reset();
      status.set('live');
    } catch (e) {
      if (!running) return;
      status.set('down', `getChannel failed: ${e instanceof Error ? e.message : String(e)}`);
      scheduleRetry(() => void sync());
    }
  }

  const withRequest = (method: Parameters<typeof client.call>[0], build: (requestId: string) => unknown[], confirmedBy?: (e: CilEvent) => boolean) => {
    const requestId = client.newRequestId();
    return client.call(method, build(requestId), { requestId, ...(confirmedBy ? { confirmedBy } : {}) }).then(() => undefined);
  };

  const checkAddress = (address: string): string => {
    const a = address.trim();
    if (!ADDRESS.test(a)) throw new CommandError('invalid', 'Enter a number to call (digits, +, *, #).');
    return a;
  };

  const asBoolean = (v: unknown, method: string): boolean => {
    if (typeof v === 'boolean') return v;
    throw new CommandError('vendor-error', `${method} answered ${typeof v}, not true or false`);
  };

  const desk: AgentDeskPort = {
    async setState(state: DeskSettableState, reasonCode?: string) {
      const raw = reasonCode === undefined || reasonCode === '' ? '' : (rawReasonIds.get(reasonCode) ?? reasonCode);
      const requestId = client.newRequestId();
      const sameChannel = (id: string) => (channelId === 'voice' ? id.startsWith('voice') : id === channelId);
      // Already in that state (and reason) on every matching channel: CIL may report no change, so its answer is enough.
      const channels = [...known].filter(([id]) => sameChannel(id));
      const wanted = state === 'Ready' ? undefined : reasonCode;
      const unchanged = channels.length > 0 && channels.every(([, k]) => k.state === state && k.reasonCode === wanted);
      await client.call('setAgentState', [channelId, state, raw, requestId], {
        requestId,
        ...(unchanged
          ? {}
          : {
              confirmedBy: (e: CilEvent) =>
                e.name === 'agentStateChange' && (e.data.requestId === requestId || (sameChannel(e.data.channelId) && e.data.newState === state)),
            }),
      });
    },
    async getReasonCodes(type: DeskReasonType): Promise<readonly DeskReasonCode[]> {
      const answer = await client.call('getReasonCodeList', [channelId, type]);
      const r = parseWith(reasonCodeListSchema, answer ?? [], 'getReasonCodeList');
      if (!r.ok) {
        reject(r.error.code, r.error.message);
        throw new CommandError('vendor-error', `The reason codes could not be read (${r.error.message}).`);
      }
      return r.value.map((c) => {
        const id = String(c.id);
        rawReasonIds.set(id, c.id);
        return { id, label: c.label };
      });
    },
    async directTransfer(address: string, workitemId?: string) {
      const a = checkAddress(address);
      await withRequest('directTransfer', (id) => [channelId, a, workitemId, id]);
    },
    async singleStepConference(address: string, workitemId?: string) {
      const a = checkAddress(address);
      await withRequest('singleStepConference', (id) => [channelId, a, workitemId, id]);
    },
    async dialOrConsult(address: string) {
      const a = checkAddress(address);
      await withRequest('dialOrConsult', (id) => [channelId, a, id]);
    },
    async sendDtmf(dtmf: string) {
      if (!DTMF.test(dtmf)) throw new CommandError('invalid', 'DTMF digits are 0-9, *, # and A-D.');
      await withRequest('sendDtmf', (id) => [dtmf, id]);
    },
    async isSendDtmfEnabled() {
      return asBoolean(await client.call('isSendDtmfEnabled', []), 'isSendDtmfEnabled');
    },
    async isUpdateWorkitemDataEnabled(workitemId: string) {
      return asBoolean(await client.call('isUpdateWorkitemDataEnabled', [channelId, workitemId]), 'isUpdateWorkitemDataEnabled');
    },
    async updateWorkitemData(workitemId: string, data: Readonly<Record<string, string>>) {
      const updated: Record<string, string> = {};
      for (const k of Object.keys(data)) {
        if (k === '__proto__') throw new CommandError('invalid', 'A call variable may not be named "__proto__".');
        const v = data[k];
        if (typeof v !== 'string') throw new CommandError('invalid', `Call variable ${k} must be text.`);
        updated[k] = v;
      }
      await withRequest('updateWorkitemData', (id) => [channelId, workitemId, updated, id]);
    },
    async setWrapupReason(workitemId: string, reason: string) {
      await withRequest('setWrapupReason', (id) => [channelId, workitemId, reason, id]);
    },
  };

  return {
    start() {
      if (running) return;
      running = true;
      status.set('connecting');
      client.start();
      // CIL has no heartbeat: a library that never calls back (initIntegration) or a bridge host
      // that never answers would leave "connecting" forever. Say so; a late answer still goes live.
      readyCheck = scheduler.setTimeout(() => {
        readyCheck = undefined;
        if (running && status.current === 'connecting') {
          status.set('down', `b+s Connects did not become ready within ${Math.round(config.requestTimeoutMs / 1000)} s`);
        }
      }, config.requestTimeoutMs);
    },
    async stop() {
      if (!running) return;
      running = false;
      retry?.();
      retry = undefined;
      readyCheck?.();
      readyCheck = undefined;
      client.stop();
      status.set('idle');
    },
    ports: { agentDesk: desk },
  };
}

/** One valid CIL event as desk DomainEvents (the `error` event is the client's). */
export function toDomain(event: CilEvent, at: number): DomainEvent[] {
  switch (event.name) {
    case 'agentStateChange':
      return [mapAgentStateChange(event.data, at)];
    case 'queueDataUpdate':
      return [mapQueueDataUpdate(event.data, at)];
    case 'error':
      return [];
    default:
      return [mapWorkitem(event.data, at)];
  }
}
