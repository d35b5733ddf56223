import type { BoardConfig } from '../config';
import type { SourceId } from '../domain';
import { createGcConnector } from '../connectors/gc/gc-connector';
import { createRteConnector } from '../connectors/rte/rte-connector';
import type { AgentCommandPort, Connector, Emit } from '../connectors/transport/types';

/** The running connectors of a board. */
export interface Wiring {
  /** Sources configured and enabled, in display order. */
  readonly sources: readonly SourceId[];
  readonly connectors: readonly Connector[];
  /** The connector that can change agent state (the Generic Connector), if configured. */
  readonly commandPort: (Connector & AgentCommandPort) | null;
  /** Stops every connector. */
  stop(): Promise<void>;
}

/** The sources a configuration enables, in display order. */
export function enabledSources(config: BoardConfig): SourceId[] {
  const out: SourceId[] = [];
  if (config.sources.rte?.enabled) out.push('rte');
  if (config.sources.gc?.enabled) out.push('gc');
  return out;
}

/**
 * Creates and starts the configured connectors, delivering into `publish` (the ingest
 * bus). The only place where connectors meet the bus.
 * @param baseUrl what relative vendor URLs resolve against: the app's own address
 *   (`appBaseHref`), so `/kiosk` resolves them as `/` does
 */
export function startConnectors(config: BoardConfig, publish: Emit, baseUrl: string): Wiring {
  const { rte, gc } = config.sources;
  const commandPort = gc?.enabled ? createGcConnector(gc, publish, { baseUrl, reasonCodes: config.reasonCodes }) : null;
  const connectors: Connector[] = [];
  if (rte?.enabled) connectors.push(createRteConnector(rte, publish, { baseUrl }));
  if (commandPort) connectors.push(commandPort);
  for (const c of connectors) c.start();
  return {
    sources: enabledSources(config),
    connectors,
    commandPort,
    stop: async () => {
      await Promise.all(connectors.map((c) => c.stop()));
    },
  };
}
