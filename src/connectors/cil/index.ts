/**
 * The b+s Connects CIL backend module: the only importable file of `connectors/cil/`
 * (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md). The agent's own desk from the
 * Integration API (cil-bs-connects-integration-api.txt; NOTES.md §2), directly
 * (`window.ConnectsIntegrationLibrary`) or through the ServiceNow bridge page
 * (`integrations/servicenow/`). Scope `desk`: it runs on `/agent` only, never on the kiosk.
 * The connector's code loads on demand (`deferConnector`).
 */
import { deferConnector } from '../transport/deferred';
import type { ConnectorModule } from '../transport/module';
import { cilConfigSchema } from './config';

export type { CilConnectorConfig } from './config';

/** b+s Connects CIL: the agent's own state, work items, call control and queues (`sources.cil`). */
export const cilModule: ConnectorModule<typeof cilConfigSchema, 'cil'> = {
  source: 'cil',
  displayName: 'b+s Connects CIL',
  configSchema: cilConfigSchema,
  offers: ['agentDesk'],
  scope: 'desk',
  create(config, context) {
    return deferConnector(context, cilModule, async () => {
      const { createCilConnector } = await import('./cil-connector');
      return createCilConnector(config, context.emit, { scheduler: context.scheduler });
    });
  },
};
