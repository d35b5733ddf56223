import { createContext, useContext } from 'react';
import type { MetricThreshold, PanelFilters, PanelType } from '../domain';

/**
 * What a panel on a designed board (issue 13) is narrowed to: its id and type, its filters
 * and its thresholds per metric (by `data-stat` name). On the standard board (no `?board=`)
 * every panel gets {@link NO_PANEL_SCOPE}: no filter, the configuration's board-wide
 * thresholds only.
 */
export interface PanelScope {
  /** The panel's id on its board; undefined on the standard board. */
  readonly panelId?: string;
  readonly panelType?: PanelType;
  readonly filters: PanelFilters;
  readonly thresholds: Readonly<Record<string, MetricThreshold>>;
}

/** The scope of a panel that is not on a designed board: everything, no panel thresholds. */
export const NO_PANEL_SCOPE: PanelScope = Object.freeze({ filters: Object.freeze({}), thresholds: Object.freeze({}) });

/** Provides a panel's {@link PanelScope} to the components inside it. */
export const PanelScopeContext = createContext<PanelScope>(NO_PANEL_SCOPE);

/** The scope of the panel a component is rendered in ({@link NO_PANEL_SCOPE} outside a designed board). */
export function usePanelScope(): PanelScope {
  return useContext(PanelScopeContext);
}
