/**
 * The `/agent` page when the agent backend is the Generic Connector (`sources.gc.agentDesk`,
 * issue 9): the GC connector in desk mode on its own (no other backend, no board), wired to
 * the ingest bus through the edge guard, and the desk panel (`features/gc-agent`). A chunk of
 * its own, loaded only on `/agent` (never on the kiosk, never on the supervisor board).
 */
import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { BoardConfig } from '../config';
import { loadGcAgentDesk, type GcConnectorConfig } from '../connectors/gc';
import { createStompSessions } from '../connectors/stomp/shared';
import { guardEmit } from '../connectors/transport/edge';
import { GcAgentDesk } from '../features/gc-agent';
import { realScheduler } from '../lib/scheduler';
import { initIngest } from '../stores';

/** The GC block of a configuration when it makes `/agent` the GC desk, else undefined. */
export function gcDeskConfig(config: BoardConfig): GcConnectorConfig | undefined {
  const gc = config.sources['gc'] as GcConnectorConfig | undefined;
  return gc?.enabled === true && gc.agentDesk === true ? gc : undefined;
}

/**
 * Starts the GC desk connector and renders the desk.
 * @param baseUrl what relative broker URLs resolve against (the app's own address)
 * @throws (rejects) when the connector's chunk cannot be downloaded
 */
export async function startGcAgentDesk(config: BoardConfig, gc: GcConnectorConfig, baseUrl: string, render: (node: ReactNode) => void): Promise<void> {
  const scheduler = realScheduler;
  const bus = initIngest(config.flushIntervalMs);
  const stomp = createStompSessions({ scheduler, baseUrl });
  const instance = await loadGcAgentDesk(gc, {
    emit: guardEmit('gc', (events) => bus.publish(events), () => scheduler.wallNow()),
    baseUrl,
    scheduler,
    reasonCodes: config.reasonCodes,
    stomp,
  });
  instance.start();
  window.addEventListener(
    'pagehide',
    () => {
      void instance.stop().then(() => stomp.stopAll());
    },
    { once: true },
  );
  const { gcDesk, agentState } = instance.ports;
  if (!gcDesk || !agentState) throw new Error('the Generic Connector desk offers no desk port');
  render(
    <DeskProviders>
      <GcAgentDesk desk={gcDesk} statePort={agentState} reasonCodes={config.reasonCodes} />
    </DeskProviders>,
  );
}

function DeskProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
