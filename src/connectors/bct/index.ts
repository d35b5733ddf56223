/**
 * The Business ConneCT backend module (NEC UNIVERGE UIP adapter): the only importable file of
 * `connectors/bct/` (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). Reads the adapter's
 * events from the board's shared broker session and sends its commands by request/reply
 * (bct-business-connect-adapter.txt; NOTES.md §4, §6). The connector's code and the STOMP
 * client load on demand (`deferConnector`), when the source is configured.
 */
import { CommandError, type ChatPort } from '../../domain';
import { deferConnector } from '../transport/deferred';
import type { ConnectorInstance, ConnectorModule } from '../transport/module';
import { bctConfigSchema, type BctConnectorConfig } from './config';

export type { BctConnectorConfig } from './config';

/**
 * The web chat port offered at once (from `sources.bct.webChat`), each command forwarded to
 * the real connector's port once its code is loaded (issue 11).
 */
function forwardingChatPort(wc: NonNullable<BctConnectorConfig['webChat']>, real: () => Promise<ConnectorInstance>): ChatPort {
  const port = async () => {
    const p = (await real()).ports.webChat;
    if (!p) throw new CommandError('invalid', 'Business ConneCT offers no web chat');
    return p;
  };
  return {
    source: 'bct',
    agentName: wc.agentName,
    starterName: wc.starterName,
    routerName: wc.routerName,
    respond: async (s, a) => (await port()).respond(s, a),
    sendMessage: async (s, m) => (await port()).sendMessage(s, m),
    sendChoice: async (s, o) => (await port()).sendChoice(s, o),
    requestAgent: async (s) => (await port()).requestAgent(s),
    leave: async (s) => (await port()).leave(s),
  };
}

/** Business ConneCT over the UIP relay: routers, alarms, emergency calls, agent Ready / Not Ready, RouteMessage, web chat (`sources.bct`). */
export const bctModule: ConnectorModule<typeof bctConfigSchema, 'bct'> = {
  source: 'bct',
  displayName: 'NEC Business ConneCT',
  configSchema: bctConfigSchema,
  offers: ['agentState', 'routeMessage', 'webChat'],
  create(config, context) {
    let loaded: ConnectorInstance | undefined;
    let waiting: ((i: ConnectorInstance) => void)[] = [];
    const deferred = deferConnector(context, bctModule, async () => {
      const [{ createBctConnector }, session] = await Promise.all([import('./bct-connector'), context.stomp.get(config)]);
      const connector = createBctConnector(config, context.emit, { session, scheduler: context.scheduler });
      const instance: ConnectorInstance = {
        start: () => connector.start(),
        stop: () => connector.stop(),
        ports: { agentState: connector, routeMessage: connector, ...(connector.webChat ? { webChat: connector.webChat } : {}) },
      };
      loaded = instance;
      for (const w of waiting) w(instance);
      waiting = [];
      return instance;
    });
    if (!config.webChat) return deferred;
    const real = () => (loaded ? Promise.resolve(loaded) : new Promise<ConnectorInstance>((resolve) => waiting.push(resolve)));
    return { start: () => deferred.start(), stop: () => deferred.stop(), ports: { ...deferred.ports, webChat: forwardingChatPort(config.webChat, real) } };
  },
};
