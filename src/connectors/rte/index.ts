/**
 * The Enreach RTE backend module: the only importable file of `connectors/rte/`
 * (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). RTE is a read-only event stream
 * (rte-enreach-realtime-engine-signalr.txt): it offers no command port.
 */
import type { ConnectorModule } from '../transport/module';
import { rteConfigSchema } from './config';
import { createRteConnector } from './rte-connector';

export type { RteConnectorConfig } from './config';

/** Enreach RTE over SignalR: users, queues (`sources.rte`). */
export const rteModule: ConnectorModule<typeof rteConfigSchema, 'rte'> = {
  source: 'rte',
  displayName: 'Enreach RTE',
  configSchema: rteConfigSchema,
  offers: [],
  create(config, context) {
    const connector = createRteConnector(config, context.emit, { baseUrl: context.baseUrl, scheduler: context.scheduler });
    return { start: () => connector.start(), stop: () => connector.stop(), ports: {} };
  },
};
