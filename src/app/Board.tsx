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
import { BroadcastTicker, LazyBroadcastForm } from '../features/broadcast';
import type { BoardDefinition, PanelDefinition, SourceId } from '../domain';
import { useTranslation } from '../i18n';
import { ListChromeContext, useBoard } from '../ui';
import { Clock } from './Clock';
import { BoardGrid } from './boards/BoardGrid';
import { ThresholdSound, ThresholdSoundControls } from './boards/ThresholdSound';
import type { PanelRenderContext } from './boards/registry';
import { useMemo, type ReactNode } from 'react';
import './app.css';

/**
 * The board: header (title, clock, a health chip per source; on the supervisor board also
 * the configured simulator link), the queue tiles, the agent grid and the connection-health
 * panel. `kiosk` is the read-only TV form: larger type, no search, no pointer, no links;
 * command UI is absent because the app provides no command port there.
 */
export function Board({
  title,
  sources,
  kiosk,
  board,
  headerClock,
  panelChrome,
  listChrome,
}: {
  title: string;
  sources: readonly SourceId[];
  kiosk: boolean;
  /**
   * A designed board to show instead of the standard one (`?board=<id>`, issue 13): its
   * definition, or `{ missing: id }` when the id is not configured. Absent: the standard board.
   */
  board?: BoardDefinition | { readonly missing: string; readonly available: readonly string[]; readonly problems?: readonly string[] };
  /** Replaces the header's clock (the TV kiosk: its own clock, the board's name, the next board's countdown). */
  headerClock?: ReactNode;
  /** Extra content inside each panel of a designed board (the TV kiosk: stale badges, list pager). */
  panelChrome?: (panel: PanelDefinition) => ReactNode;
  /** Next to the heading of a long list on the standard board (the TV kiosk: its pager). */
  listChrome?: () => ReactNode;
}) {
  const { simulatorUrl } = useBoard().config;
  const ctx = useMemo<PanelRenderContext>(() => ({ kiosk, sources, panelChrome }), [kiosk, sources, panelChrome]);
  return (
    <div className={`board${kiosk ? ' board--kiosk' : ''}${board ? ' board--designed' : ''}`} data-testid={kiosk ? 'kiosk-board' : 'supervisor-board'}>
      <header className="board__header">
        <h1 className="board__title">{title}</h1>
        <HealthChips sources={sources} />
        {!kiosk && <ThresholdSoundControls />}
        {!kiosk && simulatorUrl && <SimulatorLink url={simulatorUrl} />}
        {!kiosk && <LazyBroadcastForm />}
        {headerClock ?? <Clock />}
      </header>
      <EmergencyBanner kiosk={kiosk} />
      {(!board || 'missing' in board || board.ticker !== false) && <BroadcastTicker />}
      <ThresholdSound kiosk={kiosk} kioskSound={board !== undefined && !('missing' in board) && board.kioskSound === true} />
      {board ? (
        <main className="board__main board__main--designed">
          {'missing' in board ? <BoardMissing id={board.missing} available={board.available} problems={board.problems} /> : <BoardGrid board={board} ctx={ctx} />}
        </main>
      ) : (
        <ListChromeContext.Provider value={listChrome}>
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
        </ListChromeContext.Provider>
      )}
    </div>
  );
}

/** Said when `?board=<id>` names no configured board. */
function BoardMissing({ id, available, problems }: { id: string; available: readonly string[]; problems?: readonly string[] }) {
  const { t } = useTranslation('board');
  return (
    <div className="board-grid__missing" role="alert" data-testid="board-missing">
      <p>{t('boardNotFound', { id })}</p>
      <p>{t('boardNotFoundHint', { ids: available.length ? available.join(', ') : t('noBoards') })}</p>
      {problems && problems.length > 0 && (
        <ul data-testid="board-problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
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
