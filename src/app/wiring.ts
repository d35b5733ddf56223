import type { BoardConfig } from '../config';
import type { BroadcastChannel } from '../connectors/broadcast';
import { createStompSessions } from '../connectors/stomp/shared';
import { guardEmit } from '../connectors/transport/edge';
import type { ConnectorInstance, ModuleScope } from '../connectors/transport/module';
import type { Emit } from '../connectors/transport/types';
import type { BroadcastPort, SourceId, SourcePorts } from '../domain';
import { applyBroadcastEvents } from '../stores';
import { realScheduler, type Scheduler } from '../lib/scheduler';
import { CONNECTOR_MODULES } from './modules';

/** The running connectors of a board. */
export interface Wiring {
  /** Sources configured and enabled, in display order. */
  readonly sources: readonly SourceId[];
  /** The command ports each running source offers (read by the panels through the board context). */
  readonly ports: Readonly<Partial<Record<SourceId, SourcePorts>>>;
  /**
   * The broadcast commands (configuration `broadcast`, board scope only); the app hands it
   * to the supervisor board, never to the kiosk.
   */
  readonly broadcast?: BroadcastPort;
  /** Stops every connector, then the shared broker sessions. */
  stop(): Promise<void>;
}

/** The scope of a module (`board` unless it says otherwise). */
function scopeOf(m: { readonly scope?: ModuleScope }): ModuleScope {
  return m.scope ?? 'board';
}

/**
 * The sources a configuration enables, in module-list order.
 * @param scope only the modules of this scope (`board`: supervisor and kiosk; `desk`: `/agent`)
 */
export function enabledSources(config: BoardConfig, scope: ModuleScope = 'board'): SourceId[] {
  return CONNECTOR_MODULES.filter((m) => scopeOf(m) === scope && config.sources[m.source]?.enabled === true).map((m) => m.source);
}

/** Options of {@link startConnectors} (tests). */
export interface WiringOptions {
  /** The one scheduler (default the real one). */
  readonly scheduler?: Scheduler;
  /** Which modules run: `board` (default; supervisor and kiosk) or `desk` (`/agent`). */
  readonly scope?: ModuleScope;
  /**
   * A screen that may send no command (the kiosk, issue 14): every connector is started
   * read-only (`ConnectorContext.readOnly`), so its command paths refuse before the wire.
   */
  readonly readOnly?: boolean;
}

/**
 * Creates and starts a connector for every enabled source of `config`, from the module
 * list, delivering into `publish` (the ingest bus) through the edge guard: each event is
 * checked once against the domain schema, a bad one becomes one counted `ingest.error`.
 * The only place where connectors meet the bus.
 * @param baseUrl what relative vendor URLs resolve against: the app's own address
 *   (`appBaseHref`), so `/kiosk` resolves them as `/` does
 */
export function startConnectors(config: BoardConfig, publish: Emit, baseUrl: string, options: WiringOptions = {}): Wiring {
  const scheduler = options.scheduler ?? realScheduler;
  const scope = options.scope ?? 'board';
  const stomp = createStompSessions({ scheduler, baseUrl });
  const running: ConnectorInstance[] = [];
  const ports: Partial<Record<SourceId, SourcePorts>> = {};
  for (const module of CONNECTOR_MODULES) {
    const settings = config.sources[module.source];
    if (settings?.enabled !== true || scopeOf(module) !== scope) continue;
    const context = {
      emit: guardEmit(module.source, publish, () => scheduler.wallNow()),
      baseUrl,
      scheduler,
      reasonCodes: config.reasonCodes,
      stomp,
      readOnly: options.readOnly === true,
    };
    // `settings` was validated by this module's own schema (the board schema is built from it).
    const instance = module.create(settings as never, context);
    running.push(instance);
    ports[module.source] = instance.ports;
  }
  const broadcast = config.broadcast && scope === 'board' ? startBroadcast(config.broadcast, stomp, scheduler) : undefined;
  for (const c of running) c.start();
  return {
    sources: enabledSources(config, scope),
    ports,
    ...(broadcast ? { broadcast: broadcast.port } : {}),
    stop: async () => {
      await broadcast?.stop();
      await Promise.all(running.map((c) => c.stop()));
      await stomp.stopAll();
    },
  };
}

/**
 * Broadcast messages (issue 13): the board's own channel on the shared broker sessions. Its
 * code (wire schema, channel) is a chunk of its own, loaded here, so the kiosk entry stays
 * within its budget (docs/PERFORMANCE.md "Kiosk bundle budget"); until it is there the port
 * throws as when the broker is not connected.
 */
function startBroadcast(
  settings: NonNullable<BoardConfig['broadcast']>,
  stomp: ReturnType<typeof createStompSessions>,
  scheduler: Scheduler,
): { readonly port: BroadcastPort; stop(): Promise<void> } {
  let channel: BroadcastChannel | undefined;
  let stopped = false;
  const now = () => scheduler.wallNow();
  import('../connectors/broadcast')
    .then(({ createBroadcastChannel }) => {
      if (stopped) return;
      channel = createBroadcastChannel(settings, { stomp, emit: applyBroadcastEvents, now });
      channel.start();
    })
    .catch((e: unknown) => applyBroadcastEvents([{ kind: 'broadcast.link', status: 'down', reason: `broadcast code not loaded: ${String(e)}`, at: now() }]));
  const ready = (): BroadcastChannel => {
    if (channel) return channel;
    const err = new Error('No broker connection');
    err.name = 'StompNotConnectedError';
    throw err;
  };
  return {
    port: { post: (draft) => ready().port.post(draft), withdraw: (id) => ready().port.withdraw(id) },
    async stop() {
      stopped = true;
      await channel?.stop();
    },
  };
}
