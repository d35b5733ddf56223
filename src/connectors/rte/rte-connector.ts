/**
 * The Enreach RTE connector: the only public face of `connectors/rte/` and the only module
 * that imports `@microsoft/signalr` (ARCHITECTURE.md "Rooms", "Connections").
 *
 * Implements rte-enreach-realtime-engine-signalr.txt "Client authentication" (a JWT from
 * EnreachAPI, validated only when a connection opens), "Establishing a connection"
 * (`HubConnectionBuilder().withUrl(rteUrl, {accessTokenFactory})`), "Subscribing to events"
 * (`invoke("Subscribe", [{EntityId, EventName}, …])`, `on("MessageReceived", …)`), and
 * NOTES.md §1: a fresh token on every connect, the subscriptions re-sent on every connect
 * because they live on the server connection, and retrying forever. There is ONE reconnect
 * loop, this connector's own (SignalR's `withAutomaticReconnect` is not used: its default
 * policy gives up after four tries, and two loops race each other).
 */
import {
  HttpTransportType,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IHttpConnectionOptions,
  type ILogger,
} from '@microsoft/signalr';
import { redactString } from '../../lib/logger';
import { createBackoff, type BackoffOptions } from '../transport/backoff';
import { createStatusReporter, ingestErrorEvent, quote, safeEmit } from '../transport/events';
import { createLiveness } from '../transport/liveness';
import type { RteConnectorConfig } from './config';
import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';
import type { Connector, Emit } from '../transport/types';
import type { DomainEvent } from '../../domain';
import { resolveUrl } from '../transport/url';
import { createRteMapper } from './rte-mapper';
import { createRteStats, type StatsStorage } from './rte-stats';
import { parseMessageReceived, parseSubscriptionResults } from './rte-wire';

/** A WebSocket constructor as SignalR calls it (`new (url, protocols?, options?)`; `ws` in Node). */
export type RteWebSocketConstructor = new (url: string, protocols?: string | string[], options?: unknown) => unknown;

/** Log levels the optional logger receives. */
export type RteLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Options of {@link createRteConnector} beyond the configuration (mostly for tests). */
export interface RteConnectorOptions {
  /** `fetch` used for the token endpoint (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
  /** WebSocket implementation (default: the browser's; pass `ws` in Node). */
  readonly WebSocket?: RteWebSocketConstructor;
  /** Base for relative `tokenUrl` / `hubUrl` / `rteUrl` (default `location.href`). */
  readonly baseUrl?: string;
  /** Clock and timers for liveness, token timeouts and reconnects (default the real scheduler). */
  readonly scheduler?: Scheduler;
  /** Backoff for reconnects (default 500 ms doubling to 4 s, full jitter). */
  readonly backoff?: BackoffOptions;
  /**
   * Diagnostic log sink. Default: none (nothing is logged). Messages pass through a redactor
   * that removes `access_token=…` and `Bearer …`, so the token is never logged.
   */
  readonly logger?: (level: RteLogLevel, message: string) => void;
  /** SignalR server timeout (ms): the connection drops after this long without a message. Default 30 000 (SignalR's). */
  readonly serverTimeoutMs?: number;
  /** SignalR client keep-alive interval (ms). Default 15 000 (SignalR's). */
  readonly keepAliveMs?: number;
  /** Token request timeout (ms). Default 10 000. */
  readonly tokenTimeoutMs?: number;
  /** Where the day statistics are kept (default the browser's `localStorage` when there is one; `null`: memory only). */
  readonly storage?: StatsStorage | null;
  /** `UnsubscribeAll` timeout on `stop()` (ms). Default 2 000. */
  readonly unsubscribeTimeoutMs?: number;
}

/** The entities an RTE board follows (GUIDs). */
export interface RteEntities {
  readonly queueIds: readonly string[];
  readonly userIds: readonly string[];
  readonly callListIds: readonly string[];
}

/** The RTE connector: a {@link Connector} whose followed entities can change while it runs. */
export interface RteConnector extends Connector {
  /**
   * Changes the followed entities (e.g. a board that stops showing a queue). While
   * connected: `Unsubscribe` for every item no longer needed (its queue / agent removed
   * from the board), then `Subscribe` for the new ones (rte doc "Subscribing to events",
   * "Unsubscribing"); otherwise the next connect subscribes the new set. Absent fields keep
   * their lists. Never throws; failures are counted in connection health.
   */
  setEntities(next: Partial<RteEntities>): Promise<void>;
}

/** How often the day statistics' seen span is extended and persisted (ms). */
const STATS_TICK_MS = 2_000;

function defaultStorage(): StatsStorage | null {
  try {
    return typeof globalThis.localStorage === 'object' ? globalThis.localStorage : null;
  } catch {
    return null; // storage refused (privacy mode, sandboxed frame)
  }
}

/** The token endpoint's answer (NOTES.md §1: `{ token, rteUrl? }`). */
export interface RteTokenAnswer {
  readonly token: string;
  readonly rteUrl?: string;
}

function errText(e: unknown): string {
  const s = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  return quote(redactString(s));
}

/** Thrown inside `accessTokenFactory` when the token answer names another hub URL (the connection is rebuilt). */
class HubUrlChanged extends Error {
  constructor() {
    super('token answer names another hub URL; reconnecting there');
    this.name = 'HubUrlChanged';
  }
}

/**
 * Creates the RTE connector (not started).
 *
 * - `accessTokenFactory` POSTs `tokenUrl` on EVERY call (SignalR calls it for negotiate and
 *   again for the WebSocket, on every connect and reconnect) and returns the fresh `token`;
 *   nothing is cached. A failing token request fails that attempt, which is retried.
 *   If the answer carries an `rteUrl` other than the hub URL in use, the connection is
 *   rebuilt on that URL (the answer's `rteUrl` wins over `hubUrl`).
 * - One reconnect loop: `onclose` (a failed start — negotiate 401, server down — or a closed
 *   connection) starts a new connection after a backoff delay, forever, until `stop()`.
 * - On every connect: the mapper forgets what it remembered about users (nothing from
 *   before an outage passes as fresh: the hub pushes every subscribed value again after
 *   `Subscribe`), `AvailableSubscriptions` is asked (rte doc "Available subscription
 *   events"; a configured event it does not list is reported as `event-not-offered` and not
 *   requested again), and ONE `Subscribe` invocation carries every `queueIds × queueEvents`,
 *   `userIds × userEvents` and `callListIds × callListEvents` item; its answer is emitted as
 *   `subscription.result` (refused items also as `unauthorized` / `subscription-refused`
 *   errors). A failed `Subscribe` drops the connection so that everything is re-established.
 * - `connection.status` (source `rte`): `connecting` on the first attempt, `live` after the
 *   subscription answer, `down` with the reason while reconnecting / restarting, `stale`
 *   after `staleAfterMs` without any hub message (pings included), `idle` after `stop()`.
 * - `MessageReceived` → `parseMessageReceived` → RTE mapper (a message for an item not
 *   requested or refused is counted `unsubscribed`) → day statistics (`rte-stats.ts`) and
 *   alarm hold timers → `emit`; never throws.
 * - `stop()`: `UnsubscribeAll` (bounded wait), then the connection closes.
 */
export function createRteConnector(config: RteConnectorConfig, emit: Emit, opts: RteConnectorOptions = {}): RteConnector {
  const scheduler = opts.scheduler ?? realScheduler;
  const now = () => scheduler.wallNow();
  const status = createStatusReporter('rte', emit, now);
  let entities: RteEntities = { queueIds: config.queueIds, userIds: config.userIds, callListIds: config.callListIds };
  /** Lower-cased names the hub offers (last AvailableSubscriptions), if known. */
  let offeredNow: ReadonlySet<string> | undefined;
  /** Items being unsubscribed: their late messages are dropped silently (not counted as unsubscribed). */
  const leaving = new Set<string>();
  /** `"<eventname>|<entityid>"` (lower-cased) of every item requested and not refused on this connection. */
  const subscribed = new Set<string>();
  const subKey = (eventName: string, entityId: string) => `${eventName.trim().toLowerCase()}|${entityId.trim().toLowerCase()}`;
  const mapper = createRteMapper({
    maxWaitTimeUnit: config.maxWaitTimeUnit,
    callerNumberDigits: config.callerNumberDigits,
    isSubscribed: (ev, id) => subscribed.has(`${ev}|${id}`),
  });
  const stats = createRteStats({
    thresholdSec: config.serviceLevelThresholdSec,
    shortAbandonSec: config.shortAbandonSec,
    ...(config.statsTimeZone !== undefined ? { timeZone: config.statsTimeZone } : {}),
    storage: opts.storage === undefined ? defaultStorage() : opts.storage,
  });
  let statsTimer: CancelFn | undefined;
  const statsTick = () => {
    statsTimer = scheduler.setTimeout(() => {
      safeEmit(emit, stats.tick(now()));
      statsTick();
    }, STATS_TICK_MS);
  };
  /** Alarm id → timer clearing it after `alertHoldSec` without being raised again. */
  const alarmTimers = new Map<string, CancelFn>();
  /** Post-processing of mapped events: day statistics from call steps, alarm hold timers. */
  const afterMap = (events: DomainEvent[]): DomainEvent[] => {
    const out = [...events];
    for (const e of events) {
      if (e.kind === 'queue.call') out.push(...stats.onCall(e));
      else if (e.kind === 'alarm.raise') {
        alarmTimers.get(e.id)?.();
        const id = e.id;
        alarmTimers.set(
          id,
          scheduler.setTimeout(() => {
            alarmTimers.delete(id);
            safeEmit(emit, [{ kind: 'alarm.clear', source: 'rte', at: now(), id }]);
          }, config.alertHoldSec * 1000),
        );
      }
    }
    return out;
  };
  const setSeeing = (seeing: boolean) => safeEmit(emit, stats.setSeeing(seeing, now()));
  /**
   * The page is going away (closed, reloaded, navigated): the span it saw ends now (kept for
   * the next page), and the hub is told to drop every subscription (`UnsubscribeAll`, sent
   * without waiting: a leaving page cannot wait for the answer).
   */
  const onPageHide = () => {
    setSeeing(false);
    const c = conn;
    if (c && c.state === HubConnectionState.Connected) void c.send('UnsubscribeAll').catch(() => undefined);
  };
  /** Back from the browser's page cache: the subscriptions are gone, so connect afresh. */
  const onPageShow = (e: Event) => {
    if (!running || !(e as { persisted?: boolean }).persisted) return;
    const c = conn;
    if (c) void c.stop().catch(() => undefined); // onclose restarts: new token, Subscribe again
  };
  const restartBackoff = createBackoff(opts.backoff);
  const fetchImpl = opts.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  const log = (level: RteLogLevel, message: string) => {
    if (!opts.logger) return;
    try {
      opts.logger(level, redactString(message));
    } catch {
      /* a logger's failure is its own */
    }
  };

  let running = false;
  let generation = 0;
  let conn: HubConnection | undefined;
  let restartTimer: CancelFn | undefined;
  let currentUrl: string | undefined;
  let urlChanged = false;

  const liveness = createLiveness({
    staleAfterMs: config.staleAfterMs,
    scheduler,
    onStale: () => {
      status.set('stale', `no message from the hub for ${Math.round(config.staleAfterMs / 1000)} s`);
      setSeeing(false);
    },
    onLive: () => {
      status.set('live');
      setSeeing(true);
    },
  });

  /**
   * Every configured `{EntityId, EventName}` (queues × queue events, users × user events,
   * call lists × call-list events), without the events the hub does not offer (`offered`:
   * lower-cased names from AvailableSubscriptions; undefined = not known, keep all).
   */
  const subscriptionItems = (offered?: ReadonlySet<string>) => {
    const items: Array<{ EntityId: string; EventName: string }> = [];
    const add = (ids: readonly string[], events: readonly string[]) => {
      const wanted = offered ? events.filter((ev) => offered.has(ev.trim().toLowerCase())) : events;
      for (const id of ids) for (const ev of wanted) items.push({ EntityId: id, EventName: ev });
    };
    add(entities.queueIds, config.queueEvents);
    add(entities.userIds, config.userEvents);
    add(entities.callListIds, config.callListEvents);
    return items;
  };

  /**
   * `AvailableSubscriptions` (rte doc "Available subscription events"): the lower-cased
   * event names the hub offers, and one `event-not-offered` error per configured event it
   * does not offer. A failed or malformed answer gives undefined (subscribe everything; the
   * per-item results say what the hub refused).
   */
  async function availableEvents(c: HubConnection, gen: number): Promise<ReadonlySet<string> | undefined> {
    let answer: unknown;
    try {
      answer = await c.invoke('AvailableSubscriptions');
    } catch (e) {
      if (gen === generation) safeEmit(emit, [ingestErrorEvent('rte', 'available-subscriptions-failed', `AvailableSubscriptions failed: ${errText(e)}`, now())]);
      return undefined;
    }
    if (gen !== generation) return undefined;
    if (!Array.isArray(answer) || !answer.every((x) => typeof x === 'string')) {
      safeEmit(emit, [ingestErrorEvent('rte', 'malformed-frame', `AvailableSubscriptions answer is not a list of event names: ${quote(answer)}`, now())]);
      return undefined;
    }
    const offered = new Set((answer as string[]).map((n) => n.trim().toLowerCase()));
    const configured = new Set([...config.queueEvents, ...config.userEvents, ...config.callListEvents].map((n) => n.trim()));
    const missing = [...configured].filter((n) => !offered.has(n.toLowerCase()));
    if (missing.length > 0)
      safeEmit(emit, missing.map((n) => ingestErrorEvent('rte', 'event-not-offered', `the hub does not offer the configured event ${quote(n)}`, now())));
    return offered;
  }

  async function fetchToken(): Promise<RteTokenAnswer> {
    const url = resolveUrl(config.tokenUrl, opts.baseUrl);
    const ctrl = typeof AbortController === 'function' ? new AbortController() : undefined;
    const t = ctrl ? scheduler.setTimeout(() => ctrl.abort(), opts.tokenTimeoutMs ?? 10_000) : undefined;
    try {
      let res: Response;
      try {
        res = await fetchImpl(url, {
          method: 'POST',
          headers: { accept: 'application/json' },
          cache: 'no-store',
          ...(ctrl ? { signal: ctrl.signal } : {}),
        });
      } catch (e) {
        throw new Error(`token request failed: ${errText(e)}`, { cause: e });
      }
      if (!res.ok) throw new Error(`token endpoint answered HTTP ${res.status}`);
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new Error('token endpoint answer is not JSON');
      }
      const rec = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const token = Object.hasOwn(rec, 'token') ? rec.token : undefined;
      const rteUrl = Object.hasOwn(rec, 'rteUrl') ? rec.rteUrl : undefined;
      if (typeof token !== 'string' || token === '') throw new Error('token endpoint answer has no token');
      return typeof rteUrl === 'string' && rteUrl !== '' ? { token, rteUrl } : { token };
    } finally {
      t?.();
    }
  }

  const logger: ILogger = {
    log(level, message) {
      if (!opts.logger) return;
      const l: RteLogLevel =
        level >= LogLevel.Error ? 'error' : level >= LogLevel.Warning ? 'warn' : level >= LogLevel.Information ? 'info' : 'debug';
      log(l, message);
    },
  };

  /** Wraps the WebSocket constructor so every incoming frame (pings included) counts for liveness. */
  function livenessWebSocket(): RteWebSocketConstructor | undefined {
    const Base = opts.WebSocket ?? (globalThis as { WebSocket?: RteWebSocketConstructor }).WebSocket;
    if (!Base) return undefined;
    const B: RteWebSocketConstructor = Base;
    const touch = () => liveness.touch();
    function Wrapped(url: string, protocols?: string | string[], options?: unknown): unknown {
      const ws = options === undefined ? new B(url, protocols) : new B(url, protocols, options);
      (ws as { addEventListener?: (t: string, l: () => void) => void }).addEventListener?.('message', touch);
      return ws;
    }
    Object.assign(Wrapped, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
    return Wrapped as unknown as RteWebSocketConstructor;
  }

  function build(url: string, gen: number): HubConnection {
    const httpOptions: IHttpConnectionOptions & { WebSocket?: unknown } = {
      transport: HttpTransportType.WebSockets,
      logger,
      accessTokenFactory: async () => {
        const answer = await fetchToken();
        if (answer.rteUrl !== undefined) {
          const wanted = resolveUrl(answer.rteUrl, opts.baseUrl);
          if (wanted !== currentUrl) {
            currentUrl = wanted;
            urlChanged = true;
            throw new HubUrlChanged();
          }
        }
        return answer.token;
      },
    };
    const WS = livenessWebSocket();
    if (WS) httpOptions.WebSocket = WS;
    let b = new HubConnectionBuilder().withUrl(url, httpOptions).configureLogging(logger);
    if (opts.serverTimeoutMs !== undefined) b = b.withServerTimeout(opts.serverTimeoutMs);
    if (opts.keepAliveMs !== undefined) b = b.withKeepAliveInterval(opts.keepAliveMs);
    const c = b.build();
    c.on('MessageReceived', (arg: unknown) => {
      if (gen !== generation) return;
      const at = now();
      liveness.touch();
      const parsed = parseMessageReceived(arg);
      if (parsed.ok && leaving.size > 0 && leaving.has(subKey(parsed.message.eventName, parsed.message.entityId))) return;
      safeEmit(emit, afterMap(mapper.message(parsed, at)));
    });
    c.onclose((err) => {
      if (gen !== generation || !running) return;
      liveness.stop();
      setSeeing(false);
      if (urlChanged) {
        scheduleRestart(0);
        return;
      }
      status.set('down', `connection closed: ${err ? errText(err) : 'closed'}`);
      scheduleRestart();
    });
    return c;
  }

  async function subscribeAll(c: HubConnection, gen: number): Promise<void> {
    // AvailableSubscriptions runs beside Subscribe (not before it: one round trip less before
    // the board is live again); a configured event the hub does not offer is reported when it
    // answers, and the hub refuses that item in the Subscribe answer too.
    void availableEvents(c, gen).then((offered) => {
      if (gen === generation) offeredNow = offered;
    });
    const items = subscriptionItems(offeredNow);
    subscribed.clear();
    leaving.clear();
    for (const i of items) subscribed.add(subKey(i.EventName, i.EntityId));
    if (items.length > 0) {
      let answer: unknown;
      try {
        answer = await c.invoke('Subscribe', items);
      } catch (e) {
        if (gen !== generation || !running) return;
        safeEmit(emit, [ingestErrorEvent('rte', 'subscribe-failed', `Subscribe failed: ${errText(e)}`, now())]);
        if (c.state === HubConnectionState.Connected) {
          status.set('down', `Subscribe failed: ${errText(e)}`);
          void c.stop().catch(() => undefined);
        }
        return;
      }
      if (gen !== generation || !running) return;
      const parsed = parseSubscriptionResults(answer);
      for (const r of parsed.results) if (!r.subscribed) subscribed.delete(subKey(r.eventName, r.entityId));
      safeEmit(emit, mapper.subscriptionResults(parsed, now()));
    }
    safeEmit(emit, stats.load(followedQueues(), now()));
    if (c.state !== HubConnectionState.Connected) return;
    restartBackoff.reset();
    status.set('live');
    setSeeing(true);
    liveness.stop();
    liveness.start();
  }

  function scheduleRestart(delayMs?: number) {
    if (!running) return;
    restartTimer?.();
    const d = delayMs ?? restartBackoff.next();
    restartTimer = scheduler.setTimeout(() => {
      restartTimer = undefined;
      void connect();
    }, d);
  }

  async function connect(): Promise<void> {
    if (!running) return;
    generation += 1;
    const gen = generation;
    urlChanged = false;
    let url: string;
    try {
      currentUrl ??= resolveUrl(config.hubUrl, opts.baseUrl);
      url = currentUrl;
    } catch (e) {
      status.set('down', `invalid hub URL: ${errText(e)}`);
      scheduleRestart();
      return;
    }
    const old = conn;
    if (old) void old.stop().catch(() => undefined);
    let c: HubConnection;
    try {
      c = build(url, gen);
    } catch (e) {
      status.set('down', `cannot create the hub connection: ${errText(e)}`);
      scheduleRestart();
      return;
    }
    conn = c;
    if (status.current === 'idle') status.set('connecting');
    try {
      await c.start();
    } catch (e) {
      if (gen !== generation || !running) return;
      if (urlChanged) {
        scheduleRestart(0);
        return;
      }
      status.set('down', `cannot connect: ${errText(e)}`);
      scheduleRestart();
      return;
    }
    if (gen !== generation || !running) {
      void c.stop().catch(() => undefined);
      return;
    }
    log('info', 'RTE hub connected');
    // Re-synchronise: the hub pushes every subscribed value again after Subscribe.
    mapper.reset();
    await subscribeAll(c, gen);
  }

  /**
   * Queues with at least one subscription the hub accepted: only they get day statistics
   * (a refused queue must not appear on the board through its stored figures).
   */
  function followedQueues(): string[] {
    return entities.queueIds.filter((id) => config.queueEvents.some((ev) => subscribed.has(subKey(ev, id))));
  }

  async function setEntities(next: Partial<RteEntities>): Promise<void> {
    const before = subscriptionItems(offeredNow);
    const prev = entities;
    entities = { ...entities, ...next };
    const after = subscriptionItems(offeredNow);
    const keyOf = (i: { EntityId: string; EventName: string }) => subKey(i.EventName, i.EntityId);
    const afterKeys = new Set(after.map(keyOf));
    const beforeKeys = new Set(before.map(keyOf));
    const removed = before.filter((i) => !afterKeys.has(keyOf(i)));
    const added = after.filter((i) => !beforeKeys.has(keyOf(i)));
    for (const i of removed) {
      subscribed.delete(keyOf(i));
      leaving.add(keyOf(i));
    }
    for (const i of added) subscribed.add(keyOf(i));
    // The board no longer shows what it stopped following.
    const at = now();
    const gone: DomainEvent[] = [
      ...prev.queueIds.filter((id) => !entities.queueIds.includes(id)).map((id): DomainEvent => ({ kind: 'queue.remove', source: 'rte', at, id })),
      ...prev.userIds.filter((id) => !entities.userIds.includes(id)).map((id): DomainEvent => ({ kind: 'agent.remove', source: 'rte', at, id })),
    ];
    safeEmit(emit, gone);
    const c = conn;
    if (!c || c.state !== HubConnectionState.Connected || !running) {
      leaving.clear(); // the next connection subscribes only the new set
      return;
    }
    const gen = generation;
    try {
      if (removed.length > 0) {
        await c.invoke('Unsubscribe', removed);
        for (const i of removed) leaving.delete(keyOf(i));
      }
      if (added.length > 0) {
        const answer: unknown = await c.invoke('Subscribe', added);
        if (gen !== generation) return;
        const parsed = parseSubscriptionResults(answer);
        for (const r of parsed.results) if (!r.subscribed) subscribed.delete(subKey(r.eventName, r.entityId));
        safeEmit(emit, mapper.subscriptionResults(parsed, now()));
      }
      if (gen === generation) safeEmit(emit, stats.load(followedQueues(), now()));
    } catch (e) {
      if (gen === generation) safeEmit(emit, [ingestErrorEvent('rte', 'subscribe-failed', `changing subscriptions failed: ${errText(e)}`, now())]);
    }
  }

  return {
    source: 'rte',
    setEntities,
    start() {
      if (running) return;
      running = true;
      restartBackoff.reset();
      statsTick();
      globalThis.addEventListener?.('pagehide', onPageHide);
      globalThis.addEventListener?.('pageshow', onPageShow);
      void connect();
    },
    async stop() {
      if (!running) return;
      running = false;
      generation += 1;
      restartTimer?.();
      restartTimer = undefined;
      statsTimer?.();
      statsTimer = undefined;
      globalThis.removeEventListener?.('pagehide', onPageHide);
      globalThis.removeEventListener?.('pageshow', onPageShow);
      for (const cancel of alarmTimers.values()) cancel();
      alarmTimers.clear();
      liveness.stop();
      setSeeing(false);
      const c = conn;
      conn = undefined;
      if (c) {
        // Leaving: drop every subscription on the server first (rte doc "Unsubscribing": UnsubscribeAll).
        if (c.state === HubConnectionState.Connected) {
          let cancel: CancelFn | undefined;
          await Promise.race([
            c.invoke('UnsubscribeAll').catch(() => undefined),
            new Promise<void>((resolve) => {
              cancel = scheduler.setTimeout(resolve, opts.unsubscribeTimeoutMs ?? 2_000);
            }),
          ]);
          cancel?.();
        }
        await c.stop().catch(() => undefined);
      }
      status.set('idle', 'stopped');
    },
  };
}
