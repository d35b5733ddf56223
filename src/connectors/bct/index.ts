/**
 * The Business ConneCT backend module (NEC UNIVERGE UIP adapter): the only importable file of
 * `connectors/bct/` (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). Reads the adapter's
 * events from the board's shared broker session and sends its commands by request/reply
 * (bct-business-connect-adapter.txt; NOTES.md §4, §6). The connector's code and the STOMP
 * client load on demand (`deferConnector`), when the source is configured.
 */
import { deferConnector } from '../transport/deferred';
import type { ConnectorModule } from '../transport/module';
import { bctAgentStateFacts, bctConfigSchema } from './config';

export type { BctConnectorConfig } from './config';

/** Business ConneCT over the UIP relay: routers, alarms, emergency calls, agent Ready / Not Ready, RouteMessage, web chat (`sources.bct`). */
export const bctModule: ConnectorModule<typeof bctConfigSchema, 'bct'> = {
  source: 'bct',
  displayName: 'NEC Business ConneCT',
  configSchema: bctConfigSchema,
  offers: ['agentState', 'routeMessage', 'webChat'],
  create(config, context) {
    return deferConnector(
      context,
      bctModule,
      async () => {
        const [{ createBctConnector }, session] = await Promise.all([import('./bct-connector'), context.stomp.get(config)]);
        const connector = createBctConnector(config, context.emit, { session, scheduler: context.scheduler, readOnly: context.readOnly === true });
        return {
          start: () => connector.start(),
          stop: () => connector.stop(),
          ports: { agentState: connector, routeMessage: connector, ...(connector.webChat ? { webChat: connector.webChat } : {}) },
        };
      },
      {
        // Known from the configuration before the connector's code has loaded.
        agentState: bctAgentStateFacts(config),
        routeMessage: { routerNames: config.routerNames },
        ...(config.webChat
          ? { webChat: { agentName: config.webChat.agentName, starterName: config.webChat.starterName, routerName: config.webChat.routerName } }
          : {}),
      },
    );
  },
};
