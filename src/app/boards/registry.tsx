import type { ReactNode } from 'react';
import { AgentGrid, LazyTeamView } from '../../features/agents';
import { AlarmsPanel } from '../../features/alarms';
import { CallbacksPanel } from '../../features/callbacks';
import { ChatWaitingCount, LazyChatPanel } from '../../features/chat';
import { HealthPanel } from '../../features/health';
import { KpiPanel } from '../../features/kpi';
import { QueuePanel } from '../../features/queues';
import { RouterPanel } from '../../features/routers';
import { LazyTrendPanel } from '../../features/trends';
import type { PanelDefinition, PanelType, SourceId } from '../../domain';

/** What every panel renderer gets: where it is shown and which sources run. */
export interface PanelRenderContext {
  /** True on the kiosk: read-only, no search, no command UI. */
  readonly kiosk: boolean;
  /** The sources that run on this page. */
  readonly sources: readonly SourceId[];
  /** Extra content inside each panel, after its title (the TV kiosk: stale badges, list pager). */
  readonly panelChrome?: (panel: PanelDefinition) => ReactNode;
}

/**
 * The app's panels by board panel type (`src/domain/board.ts` PANEL_TYPES): a designed board
 * renders each of its panels with the renderer of its type, inside the panel's scope
 * (filters, thresholds: `ui/panel-scope.tsx`). A new panel adds its type to PANEL_TYPES and
 * its renderer here; a supervisor-only or heavy panel renders a lazy chunk (the kiosk's entry
 * stays within its budget, docs/PERFORMANCE.md "Kiosk bundle budget").
 */
export const PANEL_RENDERERS: Readonly<Record<PanelType, (ctx: PanelRenderContext) => ReactNode>> = {
  queues: () => <QueuePanel />,
  agents: ({ kiosk }) => <AgentGrid searchable={!kiosk} />,
  routers: () => <RouterPanel />,
  alarms: ({ kiosk }) => <AlarmsPanel readOnly={kiosk} />,
  callbacks: () => <CallbacksPanel />,
  chats: ({ kiosk }) => (kiosk ? <ChatWaitingCount /> : <LazyChatPanel />),
  teams: () => <LazyTeamView />,
  health: ({ sources }) => <HealthPanel sources={sources} />,
  trend: () => <LazyTrendPanel />,
  kpi: () => <KpiPanel />,
};
