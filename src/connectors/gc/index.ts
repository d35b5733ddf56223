/**
 * The ExpertFlow Generic Connector backend module: the only importable file of
 * `connectors/gc/` (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). It reads GC events
 * from the board's shared broker session and offers the agent-state port
 * (gc-generic-connector-activemq.txt; NOTES.md §3, §6). The connector's code and the STOMP
 * client load on demand (`deferConnector`), when the source is configured.
 */
import { deferConnector } from '../transport/deferred';
import type { ConnectorContext, ConnectorInstance, ConnectorModule } from '../transport/module';
import { gcConfigSchema, type GcConnectorConfig } from './config';

export type { GcConnectorConfig } from './config';

/** Generic Connector over STOMP: agents, states, queues, teams, Ready / Not Ready / Logout (`sources.gc`). */
export const gcModule: ConnectorModule<typeof gcConfigSchema, 'gc'> = {
  source: 'gc',
  displayName: 'Generic Connector',
  configSchema: gcConfigSchema,
  offers: ['agentState'],
  create(config, context) {
    return deferConnector(context, gcModule, async () => {
      const [{ createGcConnector }, session] = await Promise.all([import('./gc-connector'), context.stomp.get(config)]);
      const connector = createGcConnector(config, context.emit, {
        session,
        scheduler: context.scheduler,
        reasonCodes: context.reasonCodes,
        readOnly: context.readOnly === true,
      });
      return { start: () => connector.start(), stop: () => connector.stop(), ports: { agentState: connector } };
    });
  },
};

/**
 * The Generic Connector agent desk (`/agent` when `sources.gc.agentDesk` is true): the
 * connector in desk mode, mapping only the events of the login id the agent logs in with,
 * offering the agent-state port (own Ready / Not Ready / Log out) and the desk port
 * (`gcDesk`: mobile login, phonebooks, transfer, conference). Loads the connector's code on
 * demand; resolves with the instance, not started.
 * @throws (rejects) when the connector's chunk cannot be downloaded
 */
export async function loadGcAgentDesk(config: GcConnectorConfig, context: ConnectorContext): Promise<ConnectorInstance> {
  const [{ createGcConnector }, session] = await Promise.all([import('./gc-connector'), context.stomp.get(config)]);
  const connector = createGcConnector(config, context.emit, {
    session,
    scheduler: context.scheduler,
    reasonCodes: context.reasonCodes,
    desk: true,
  });
  return { start: () => connector.start(), stop: () => connector.stop(), ports: { agentState: connector, gcDesk: connector } };
}
