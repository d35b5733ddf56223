import { memo, useMemo } from 'react';
import type { BoardDefinition, PanelDefinition } from '../../domain';
import { useTranslation } from '../../i18n';
import { PanelScopeContext, type PanelScope } from '../../ui';
import { PANEL_RENDERERS, type PanelRenderContext } from './registry';
import './boards.css';

/**
 * A designed board (issue 13): its panels on a CSS grid of `board.columns` × `board.rows`,
 * each at its configured place, titled, inside its scope (filters, thresholds). Hooks:
 * `data-testid="board-grid"` with `data-board-id`; per panel `data-testid="panel"` with
 * `data-panel-type` and `data-panel-id` (docs/CONTRACTS.md).
 */
export const BoardGrid = memo(function BoardGrid({ board, ctx }: { board: BoardDefinition; ctx: PanelRenderContext }) {
  return (
    <div
      className={`board-grid${board.flashWithReducedMotion ? ' board-grid--flash-always' : ''}`}
      data-testid="board-grid"
      data-board-id={board.id}
      style={{ gridTemplateColumns: `repeat(${board.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${board.rows}, minmax(0, 1fr))` }}
    >
      {board.panels.map((p) => (
        <BoardPanel key={p.id} panel={p} ctx={ctx} />
      ))}
    </div>
  );
});

const BoardPanel = memo(function BoardPanel({ panel, ctx }: { panel: PanelDefinition; ctx: PanelRenderContext }) {
  const { t } = useTranslation('board');
  const scope = useMemo<PanelScope>(
    () => ({ panelId: panel.id, panelType: panel.type, filters: panel.filters, thresholds: panel.thresholds }),
    [panel],
  );
  const { x, y, w, h } = panel.layout;
  const headingId = `panel-${panel.id}-title`;
  return (
    <section
      className="board-grid__panel"
      data-testid="panel"
      data-panel-type={panel.type}
      data-panel-id={panel.id}
      aria-labelledby={headingId}
      style={{ gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` }}
    >
      <h2 className="board-grid__title" id={headingId}>
        {panel.title ?? t(`panelType.${panel.type}`)}
      </h2>
      {ctx.panelChrome?.(panel)}
      <div className="board-grid__body">
        <PanelScopeContext.Provider value={scope}>{PANEL_RENDERERS[panel.type](ctx)}</PanelScopeContext.Provider>
      </div>
    </section>
  );
});
