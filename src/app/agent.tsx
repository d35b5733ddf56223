import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { BoardConfig } from '../config';
import type { SourceId, SourcePorts } from '../domain';
import { AgentDesk } from '../features/desk';
import { HealthPanel } from '../features/health';
import { useTranslation } from '../i18n';
import { Clock } from './Clock';
import { PageMessage } from './ConfigErrorView';

/**
 * The agent's page (`/agent`, issue 8): the desk of b+s Connects CIL (`sources.cil`, the
 * module of scope `desk`) with its connection health, inside react-query. A chunk of its own,
 * loaded by boot on `/agent` only: neither the supervisor board nor the kiosk carry it.
 * Without a CIL source it says so (no stub desk).
 */
export function AgentPage(props: {
  config: BoardConfig;
  /** The desk sources running on this page (`cil`, when configured and enabled). */
  sources: readonly SourceId[];
  ports: Readonly<Partial<Record<SourceId, SourcePorts>>>;
}) {
  const { config, sources, ports } = props;
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const { t } = useTranslation('desk');
  const port = ports.cil?.agentDesk;
  if (!port) {
    return (
      <PageMessage title={t('notConfiguredTitle')}>
        <p data-testid="agent-desk-not-configured">{t('notConfigured')}</p>
      </PageMessage>
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <header className="agent-page__header">
        <h1>
          {config.title} · {t('title')}
        </h1>
        <Clock />
      </header>
      <main>
        <AgentDesk port={port} />
        <div className="agent-page__health">
          <HealthPanel sources={sources} />
        </div>
      </main>
    </QueryClientProvider>
  );
}
