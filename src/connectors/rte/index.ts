/**
 * The Enreach RTE backend module: the only importable file of `connectors/rte/`
 * (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). RTE is a read-only event stream
 * (rte-enreach-realtime-engine-signalr.txt): it offers no command port. The connector's
 * code and SignalR load on demand (`deferConnector`), when the source is configured.
 */
import { deferConnector } from '../transport/deferred';
import type { ConnectorModule } from '../transport/module';
import { rteConfigSchema } from './config';

export type { RteConnectorConfig } from './config';
export { DEFAULT_QUEUE_EVENTS, DEFAULT_USER_EVENTS, DEFAULT_CALL_LIST_EVENTS } from './config';

/** Enreach RTE over SignalR: users, queues (`sources.rte`). */
export const rteModule: ConnectorModule<typeof rteConfigSchema, 'rte'> = {
  source: 'rte',
  displayName: 'Enreach RTE',
  configSchema: rteConfigSchema,
  offers: [],
  create(config, context) {
    return deferConnector(context, rteModule, async () => {
      const { createRteConnector } = await import('./rte-connector');
      const connector = createRteConnector(config, context.emit, { baseUrl: context.baseUrl, scheduler: context.scheduler });
      return { start: () => connector.start(), stop: () => connector.stop(), ports: {} };
    });
  },
};
