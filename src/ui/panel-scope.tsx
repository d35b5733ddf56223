import { createContext, useContext, useMemo } from 'react';
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

/**
 * `keys` narrowed to the current panel's `sources` filter and, when `ids` is given and not
 * empty, to the entities whose vendor id (the part after `source:`) is listed. For the small
 * lists (routers, alarms, callback lists: tens of entries) whose key arrays keep their
 * identity while unchanged; the result keeps its identity while `keys` and the filter do.
 * Big lists (agents, queues) are filtered in the stores' views instead.
 * @param keys entity keys (`source:id`)
 * @param ids an id allow-list from the panel's filters (e.g. `filters.routers`)
 */
export function usePanelKeys<K extends string>(keys: readonly K[], ids?: readonly string[]): readonly K[] {
  const { filters } = usePanelScope();
  const sources = filters.sources;
  return useMemo(() => {
    const bySource = sources !== undefined && sources.length > 0 ? new Set<string>(sources) : undefined;
    const byId = ids !== undefined && ids.length > 0 ? new Set(ids) : undefined;
    if (!bySource && !byId) return keys;
    return keys.filter((k) => {
      const i = k.indexOf(':');
      return (!bySource || bySource.has(k.slice(0, i))) && (!byId || byId.has(k.slice(i + 1)));
    });
  }, [keys, sources, ids]);
}

/**
 * The id of a panel's own heading (its `aria-labelledby`): `base` (e.g. `queues-title`) on
 * the standard board, where each panel is once; `panel-<panelId>-<base>` on a designed
 * board, which may show a panel type more than once, so that no two headings share an id.
 */
export function usePanelHeadingId(base: string): string {
  const { panelId } = usePanelScope();
  return panelId === undefined ? base : `panel-${panelId}-${base}`;
}
