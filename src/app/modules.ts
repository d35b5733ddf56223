/**
 * The one list of backend modules (ARCHITECTURE.md "Rooms"; docs/ADDING-A-BACKEND.md):
 * adding a backend is one folder under `src/connectors/` plus one line here. The board's
 * configuration schema (`sources.<source>` per module) and the wiring are built from it.
 */
import { buildConfigSchema } from '../config';
import { bctModule } from '../connectors/bct';
import { cilModule } from '../connectors/cil';
import { gcModule } from '../connectors/gc';
import { rteModule } from '../connectors/rte';
import { uccxModule } from '../connectors/uccx';
import type { ConnectorModule } from '../connectors/transport/module';

/** Every backend the wallboard can read from, in display order. */
export const CONNECTOR_MODULES = [rteModule, gcModule, bctModule, cilModule, uccxModule] as const satisfies readonly ConnectorModule[];

type Modules = typeof CONNECTOR_MODULES;
type SourceSchemas = { [M in Modules[number] as M['source']]: M['configSchema'] };

function sourceSchemas(modules: Modules): SourceSchemas {
  const out: Record<string, ConnectorModule['configSchema']> = {};
  for (const m of modules) out[m.source] = m.configSchema;
  return out as SourceSchemas;
}

/**
 * The board configuration schema: the base settings plus one optional `sources.<source>`
 * block per module, validated by that module's own schema; an unknown source key is refused.
 */
export const boardConfigSchema = buildConfigSchema(sourceSchemas(CONNECTOR_MODULES));
