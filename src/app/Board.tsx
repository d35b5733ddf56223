import { ExternalLink } from 'lucide-react';
import { AgentGrid, LazyTeamView } from '../features/agents';
import { EmergencyBanner } from '../features/emergency';
import { RouterPanel } from '../features/routers';
import { HealthChips, HealthPanel } from '../features/health';
import { QueuePanel } from '../features/queues';
import { AlarmsPanel } from '../features/alarms';
import { CallbacksPanel } from '../features/callbacks';
import { ChatWaitingCount, LazyChatPanel } from '../features/chat';
import { LazyUccxPanels } from '../features/uccx-teams';
import type { SourceId } from '../domain';
import { useTranslation } from '../i18n';
import { useBoard } from '../ui';
import { Clock } from './Clock';
import './app.css';

/**
 * The board: header (title, clock, a health chip per source; on the supervisor board also
 * the configured simulator link), the queue tiles, the agent grid and the connection-health
 * panel. `kiosk` is the read-only TV form: larger type, no search, no pointer, no links;
 * command UI is absent because the app provides no command port there.
 */
export function Board({ title, sources, kiosk }: { title: string; sources: readonly SourceId[]; kiosk: boolean }) {
  const { simulatorUrl } = useBoard().config;
  return (
    <div className={`board${kiosk ? ' board--kiosk' : ''}`} data-testid={kiosk ? 'kiosk-board' : 'supervisor-board'}>
      <header className="board__header">
        <h1 className="board__title">{title}</h1>
        <HealthChips sources={sources} />
        {!kiosk && simulatorUrl && <SimulatorLink url={simulatorUrl} />}
        <Clock />
      </header>
      <EmergencyBanner kiosk={kiosk} />
      <main className="board__main">
        <AlarmsPanel readOnly={kiosk} />
        <QueuePanel />
        <RouterPanel />
        <CallbacksPanel />
        {kiosk ? sources.includes('bct') && <ChatWaitingCount /> : <LazyChatPanel />}
        {!kiosk && <LazyTeamView />}
        {!kiosk && sources.includes('uccx') && <LazyUccxPanels />}
        <AgentGrid searchable={!kiosk} />
        <HealthPanel sources={sources} />
      </main>
    </div>
  );
}

/**
 * `url` resolved against the page when it is an http(s) address (relative paths included),
 * else undefined: a configured `javascript:` or `data:` link is never rendered.
 */
export function safeLinkHref(url: string, base: string = location.href): string | undefined {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** The small "Simulator controls" link (demo only; configured `simulatorUrl`), opened in a new tab. */
function SimulatorLink({ url }: { url: string }) {
  const { t } = useTranslation('board');
  const href = safeLinkHref(url);
  if (!href) return null;
  return (
    <a
      className="board__sim-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={t('simulatorLinkTitle')}
      data-testid="simulator-link"
    >
      {t('simulatorLink')}
      <ExternalLink aria-hidden="true" size={14} />
    </a>
  );
}
