/**
 * A connector whose code is loaded on demand (a dynamic `import()`): the module's
 * `index.ts` stays small (config schema, metadata), and the wire parser, mapper, transport
 * and protocol library (SignalR, STOMP) arrive in a chunk of their own when the source is
 * configured. The kiosk's eager bundle carries none of it (docs/PERFORMANCE.md "Kiosk
 * bundle budget"), and a board never downloads a backend it does not use.
 */
import {
  AGENT_DESK_METHODS,
  CommandError,
  type AgentCommandPort,
  type AgentDeskPort,
  type AgentStateCommand,
  type ChatPort,
  type RouteMessagePort,
  type RouteMessageRequest,
  type SourcePorts,
} from '../../domain';

/**
 * What the forwarding ports know before the connector's code has loaded: the ports' static
 * facts, taken from the configuration by the module (Business ConneCT: the states it can
 * set, its own reasons, its routers).
 */
export interface DeferredPortFacts {
  readonly agentState?: Pick<AgentCommandPort, 'states' | 'reasonCodes'>;
  readonly routeMessage?: Pick<RouteMessagePort, 'routerNames'>;
  /** The web chat port exists only with these (Business ConneCT `sources.bct.webChat`). */
  readonly webChat?: Pick<ChatPort, 'agentName' | 'starterName' | 'routerName'>;
}

/** The methods of a {@link ChatPort}, forwarded one by one. */
type ChatMethod = 'respond' | 'sendMessage' | 'sendChoice' | 'requestAgent' | 'leave';
import { createBackoff } from './backoff';
import { statusEvent, safeEmit } from './events';
import type { ConnectorContext, ConnectorInstance, ConnectorModule } from './module';

/**
 * Wraps a loader as a {@link ConnectorInstance}, synchronously:
 * - `start()` reports the source `connecting`, loads the connector's code (`load`), creates
 *   the real instance and starts it (from then on the real connector reports its status);
 *   when the chunk cannot be downloaded, the source shows `down` with the reason and the
 *   load is retried with backoff (500 ms doubling to 4 s, jitter), forever, until `stop()`.
 * - `stop()` stops the real instance if it exists, and any pending retry.
 * - `ports`: one forwarding port per kind in `offers`, carrying the static `facts` the module
 *   knows from its configuration (the states a backend can set, its own reasons, its routers).
 *   A command before the code is there
 *   waits for it; a command while it cannot be loaded, or after `stop()`, rejects with
 *   `CommandError('not-connected')`.
 * @param module the backend's declaration: its source and the port kinds the real instance
 *   offers (`ConnectorModule.source`, `.offers`)
 * @param load resolves with the real (not started) instance
 */
export function deferConnector(
  context: ConnectorContext,
  module: Pick<ConnectorModule, 'source' | 'offers'>,
  load: () => Promise<ConnectorInstance>,
  facts: DeferredPortFacts = {},
): ConnectorInstance {
  const { source, offers } = module;
  const backoff = createBackoff();
  let real: ConnectorInstance | undefined;
  let running = false;
  let loading: Promise<ConnectorInstance | undefined> | undefined;
  let cancelRetry: (() => void) | undefined;
  const waiters = new Set<{ resolve: (i: ConnectorInstance) => void; reject: (e: CommandError) => void }>();

  const failWaiters = (message: string) => {
    for (const w of [...waiters]) w.reject(new CommandError('not-connected', message));
    waiters.clear();
  };

  function attempt(): void {
    if (!running || real || loading) return;
    loading = load().then(
      (instance) => {
        loading = undefined;
        if (!running) return undefined;
        real = instance;
        backoff.reset();
        instance.start();
        for (const w of [...waiters]) w.resolve(instance);
        waiters.clear();
        return instance;
      },
      (e: unknown) => {
        loading = undefined;
        if (!running) return undefined;
        const reason = `could not load the connector code: ${e instanceof Error ? e.message : String(e)}`;
        safeEmit(context.emit, [statusEvent(source, 'down', context.scheduler.wallNow(), reason)]);
        failWaiters(reason);
        cancelRetry = context.scheduler.setTimeout(() => {
          cancelRetry = undefined;
          attempt();
        }, backoff.next());
        return undefined;
      },
    );
  }

  const instance = (): Promise<ConnectorInstance> =>
    !running
      ? Promise.reject(new CommandError('not-connected', 'connector not running'))
      : real
        ? Promise.resolve(real)
        : new Promise((resolve, reject) => waiters.add({ resolve, reject }));

  const ports: { -readonly [K in keyof SourcePorts]: SourcePorts[K] } = {};
  if (offers.includes('agentState')) {
    ports.agentState = {
      source,
      ...facts.agentState,
      async setAgentState(cmd: AgentStateCommand) {
        const port = (await instance()).ports.agentState;
        if (!port) throw new CommandError('invalid', `${source} offers no agent-state command`);
        return port.setAgentState(cmd);
      },
    };
  }
  if (offers.includes('webChat') && facts.webChat) {
    const forward =
      <M extends ChatMethod>(method: M) =>
      async (...args: Parameters<ChatPort[M]>): Promise<void> => {
        const port = (await instance()).ports.webChat;
        if (!port) throw new CommandError('invalid', `${source} offers no web chat`);
        return (port[method] as (...a: Parameters<ChatPort[M]>) => Promise<void>)(...args);
      };
    ports.webChat = {
      source,
      ...facts.webChat,
      respond: forward('respond'),
      sendMessage: forward('sendMessage'),
      sendChoice: forward('sendChoice'),
      requestAgent: forward('requestAgent'),
      leave: forward('leave'),
    };
  }
  if (offers.includes('routeMessage')) {
    ports.routeMessage = {
      source,
      routerNames: facts.routeMessage?.routerNames ?? [],
      async routeMessage(req: RouteMessageRequest) {
        const port = (await instance()).ports.routeMessage;
        if (!port) throw new CommandError('invalid', `${source} offers no RouteMessage command`);
        return port.routeMessage(req);
      },
    };
  }

  if (offers.includes('callJourney')) {
    ports.callJourney = {
      source,
      async callJourney(callId: string, signal?: AbortSignal) {
        const port = (await instance()).ports.callJourney;
        if (!port) throw new CommandError('invalid', `${source} offers no call journey report`);
        return port.callJourney(callId, signal);
      },
    };
  }
  if (offers.includes('agentDesk')) {
    const desk: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of AGENT_DESK_METHODS) {
      desk[method] = async (...args: unknown[]) => {
        const port = (await instance()).ports.agentDesk;
        if (!port) throw new CommandError('invalid', `${source} offers no agent desk`);
        return (port[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      };
    }
    ports.agentDesk = desk as unknown as AgentDeskPort;
  }

  return {
    start() {
      if (running) return;
      running = true;
      if (real) {
        real.start();
        return;
      }
      safeEmit(context.emit, [statusEvent(source, 'connecting', context.scheduler.wallNow())]);
      attempt();
    },
    async stop() {
      if (!running) return;
      running = false;
      cancelRetry?.();
      cancelRetry = undefined;
      failWaiters('connector stopped');
      await real?.stop();
    },
    ports,
  };
}
