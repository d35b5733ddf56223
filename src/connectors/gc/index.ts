/**
 * The ExpertFlow Generic Connector backend module: the only importable file of
 * `connectors/gc/` (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). It reads GC events
 * from the board's shared broker session and offers the agent-state port
 * (gc-generic-connector-activemq.txt; NOTES.md §3, §6). The connector's code and the STOMP
 * client load on demand (`deferConnector`), when the source is configured.
 */
import { deferConnector } from '../transport/deferred';
import type { ConnectorModule } from '../transport/module';
import { gcConfigSchema } from './config';

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
      });
      return { start: () => connector.start(), stop: () => connector.stop(), ports: { agentState: connector } };
    });
  },
};
