/**
 * The OpenMethods UCCX backend module (Harmony's UCCX Report Server resource): the only
 * importable file of `connectors/uccx/` (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md).
 * Begins each configured supervisor's team status report on the board's shared broker
 * session, applies the report's events to the teams store, and asks call journeys by
 * request/reply (openmethods-uccx-report-server.txt; NOTES.md §5, §6). The connector's code and
 * the STOMP client load on demand (`deferConnector`), when the source is configured.
 */
import { SOURCE_LABELS } from '../../domain/source';
import { deferConnector } from '../transport/deferred';
import type { ConnectorModule } from '../transport/module';
import { uccxConfigSchema } from './config';

export type { UccxConnectorConfig } from './config';

/** OpenMethods UCCX: team status per supervisor, call journeys (`sources.uccx`). */
export const uccxModule: ConnectorModule<typeof uccxConfigSchema, 'uccx'> = {
  source: 'uccx',
  displayName: SOURCE_LABELS.uccx,
  configSchema: uccxConfigSchema,
  offers: ['callJourney'],
  create(config, context) {
    return deferConnector(context, uccxModule, async () => {
      const [{ createUccxConnector }, session] = await Promise.all([import('./uccx-connector'), context.stomp.get(config)]);
      const connector = createUccxConnector(config, context.emit, { session, scheduler: context.scheduler });
      return { start: () => connector.start(), stop: () => connector.stop(), ports: { callJourney: connector } };
    });
  },
};
