import type { AgentState } from './agent';
import type { SourceId } from './source';

/**
 * Boards a supervisor designs (issue 13): a board is a grid of panels, each with a type,
 * a place on the grid, filters and thresholds. These are the shapes the app and the panels
 * share; `src/config/boards.ts` validates them (the served configuration's `boards`, board
 * files next to `config.json`, boards kept in the browser, share links).
 */

/**
 * Every panel type a board can hold, one per panel of the app. A later panel adds its type
 * here and its component to the app's panel registry (`src/app/boards/registry.tsx`).
 * - `queues`: queue tiles (RTE, GC, CIL, BCT queues)
 * - `agents`: the agent grid (state filter chips, search on a desk)
 * - `routers`: Business ConneCT routers
 * - `alarms`: active, acknowledged and resolved alarms
 * - `callbacks`: RTE callback lists
 * - `chats`: Business ConneCT web chats (a desk: the chat panel; a kiosk: the waiting count)
 * - `teams`: teams and their members
 * - `health`: connection health per source
 * - `trend`: trend charts (calls waiting, longest waiting, agents by state) of the filtered
 *   queues and routers over the configured window (`trends` in the configuration)
 * - `kpi`: big-number totals across the filtered queues and agents
 */
export const PANEL_TYPES = ['queues', 'agents', 'routers', 'alarms', 'callbacks', 'chats', 'teams', 'health', 'trend', 'kpi'] as const;

/** One of {@link PANEL_TYPES}. */
export type PanelType = (typeof PANEL_TYPES)[number];

/**
 * What a panel shows, narrowed by the supervisor. Every list is an allow-list: absent or
 * empty means "all". Ids are the vendors' own ids (a queue's id, a router's name, a team's
 * id), matched within the listed sources.
 */
export interface PanelFilters {
  readonly sources?: readonly SourceId[];
  readonly queues?: readonly string[];
  readonly teams?: readonly string[];
  readonly routers?: readonly string[];
  readonly agentStates?: readonly AgentState[];
}

/** How a threshold level shows itself. */
export interface ThresholdLevel {
  /** The level: reached at `value` (for service level, where lower is worse: fallen below it). */
  readonly value: number;
  /** A CSS colour for the figure at this level; absent: the theme's warning / critical colour. */
  readonly colour?: string;
  /** Flash the figure (at most three times a second; off under reduced motion unless the board says so). */
  readonly flash?: boolean;
  /** Play the board's alert sound when the figure reaches this level. */
  readonly sound?: boolean;
}

/** A metric's two levels; either may be absent. */
export interface MetricThreshold {
  readonly warning?: ThresholdLevel;
  readonly critical?: ThresholdLevel;
}

/** A panel's place on the board's grid (columns and rows, from 0). */
export interface PanelLayout {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One panel of a board. */
export interface PanelDefinition {
  /** Unique within its board; the panel's `data-panel-id`. */
  readonly id: string;
  readonly type: PanelType;
  /** Heading shown above the panel; absent: the panel type's own name. */
  readonly title?: string;
  readonly layout: PanelLayout;
  readonly filters: PanelFilters;
  /**
   * Levels per metric, by the metric's `data-stat` name (`callsWaiting`, `longestWaitingSec`,
   * `serviceLevelPct`, ...): they override the configuration's board-wide `thresholds`.
   */
  readonly thresholds: Readonly<Record<string, MetricThreshold>>;
}

/** One board: a named grid of panels. */
export interface BoardDefinition {
  /** Unique within the configuration; `?board=<id>` opens it. Letters, digits, `-` and `_`. */
  readonly id: string;
  readonly title: string;
  /** Grid columns (the panels' `x` and `w` count in them). */
  readonly columns: number;
  /** Grid rows the board is divided into (the panels' `y` and `h` count in them). */
  readonly rows: number;
  readonly panels: readonly PanelDefinition[];
  /** Show the broadcast ticker (issue 13 scope 6); absent: shown. */
  readonly ticker?: boolean;
  /**
   * Flash threshold levels that ask for it even when the screen prefers reduced motion
   * (default false: no flashing under `prefers-reduced-motion: reduce`).
   */
  readonly flashWithReducedMotion?: boolean;
  /** Play threshold sounds on a kiosk showing this board (default false: a TV is silent). */
  readonly kioskSound?: boolean;
}

/**
 * True when `value` passes the allow-list `list` (absent or empty: everything passes).
 * @param list a filter's ids
 * @param value the entity's id
 */
export function passesFilter<T>(list: readonly T[] | undefined, value: T): boolean {
  return list === undefined || list.length === 0 || list.includes(value);
}
