import { memo, useDeferredValue, useEffect, useState } from 'react';
import { Search } from 'lucide-react';
import { AGENT_STATES, type AgentState, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { useAgentKeys, useStateCounts, useStateCountsOf } from '../../stores';
import { useFormat, usePanelScope, usePanelHeadingId, useListChrome } from '../../ui';
import { AgentTile } from './AgentTile';
import { stateLabel } from './labels';
import { StateIcon } from './StateIcon';
import './agents.css';

/**
 * Above this many tiles the grid renders only the rows in view (2,000 agents stay smooth);
 * at or below it every tile is in the DOM.
 */
export const VIRTUALISE_ABOVE = 300;

/**
 * Every agent of every source, in the stores' order (state group, then name; re-sorted at
 * most once a second): filter chips with the count per state, a search box, and the tiles.
 * More than {@link VIRTUALISE_ABOVE} tiles are virtualised by rows. `searchable={false}`
 * (kiosk) leaves out the search box.
 */
export function AgentGrid({ searchable = true }: { searchable?: boolean }) {
  const headingId = usePanelHeadingId('agents-title');
  const { filters } = usePanelScope();
  const keys = useAgentKeys({ sources: filters.sources, teams: filters.teams, states: filters.agentStates });
  // A panel narrowed by its filters (a designed board) counts its own agents per state.
  const narrowed = Boolean(filters.sources?.length || filters.teams?.length || filters.agentStates?.length);
  const [state, setState] = useState<AgentState | null>(null);
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim().toLowerCase());

  const { t } = useTranslation('agents');
  const format = useFormat();
  const listChrome = useListChrome();

  return (
    <section className="panel agent-panel" aria-labelledby={headingId}>
      <div className="agent-panel__bar">
        <h2 id={headingId} className="panel__title">
          {t('title')} <span className="panel__count">{format.number(keys.length)}</span>
        </h2>
        <StateChips total={keys.length} scopeKeys={narrowed ? keys : undefined} state={state} onState={setState} />
        {listChrome}
        {searchable && (
          <label className="search">
            <Search aria-hidden="true" size={16} />
            <input
              type="search"
              placeholder={t('searchPlaceholder')}
              aria-label={t('searchLabel')}
              data-testid="agent-search"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
        )}
      </div>
      {keys.length === 0 ? (
        <p className="panel__empty">{t('empty')}</p>
      ) : state === null && query === '' ? (
        <AgentTiles keys={keys} />
      ) : (
        <FilteredAgentTiles state={state ?? undefined} query={query} />
      )}
    </section>
  );
}

/**
 * The filter chips with the count per state: their own component, so that the counts,
 * which change with nearly every flush, re-render only the chips and not the grid. The
 * counts are the whole board's, or, with `scopeKeys` (a filtered panel), those agents'.
 */
const StateChips = memo(function StateChips(props: {
  total: number;
  scopeKeys: readonly EntityKey[] | undefined;
  state: AgentState | null;
  onState: (s: AgentState | null) => void;
}) {
  const { total, scopeKeys, state, onState } = props;
  const all = useStateCounts();
  const counts = useStateCountsOf(scopeKeys) ?? all;
  const { t } = useTranslation('agents');
  const format = useFormat();
  return (
    <div className="chips" role="group" aria-label={t('filterGroup')}>
      <button
        type="button"
        className="chip"
        aria-pressed={state === null}
        data-testid="state-filter"
        data-state=""
        onClick={() => onState(null)}
      >
        {t('all')} <span className="chip__count">{format.number(total)}</span>
      </button>
      {AGENT_STATES.filter((s) => s !== 'UNKNOWN' || counts.UNKNOWN > 0).map((s) => (
        <button
          key={s}
          type="button"
          className={`chip state--${s}`}
          aria-pressed={state === s}
          data-testid="state-filter"
          data-state={s}
          onClick={() => onState(state === s ? null : s)}
        >
          <span className="chip__swatch" aria-hidden="true" />
          <StateIcon state={s} />
          {stateLabel(s, t)}{' '}
          <span className="chip__count" data-testid="state-count" data-value={String(counts[s])}>
            {format.number(counts[s])}
          </span>
        </button>
      ))}
    </div>
  );
});

/**
 * The tiles of the agents in `state` and matching `query` (trimmed, lower-cased): the filtered, sorted list comes from the
 * stores (`useAgentKeys` with `state`/`query`), re-sorted at most once a second there, so
 * a state change moves an agent in or out within a second and nothing re-filters here.
 */
function FilteredAgentTiles({ state, query }: { state: AgentState | undefined; query: string }) {
  const { filters } = usePanelScope();
  const visible = useAgentKeys({ state, query, sources: filters.sources, teams: filters.teams, states: filters.agentStates });
  const { t } = useTranslation('agents');
  if (visible.length === 0) return <p className="panel__empty">{t('noMatch')}</p>;
  return <AgentTiles keys={visible} />;
}

/** The tiles for `keys`: all in the DOM up to {@link VIRTUALISE_ABOVE}, else virtualised rows. */
function AgentTiles({ keys }: { keys: readonly EntityKey[] }) {
  if (keys.length > VIRTUALISE_ABOVE) return <LazyVirtualRows keys={keys} />;
  return <PlainAgentTiles keys={keys} />;
}

function PlainAgentTiles({ keys }: { keys: readonly EntityKey[] }) {
  return (
    <div className="agent-grid">
      {/* Keyed by agent: a re-sort moves a tile with its command state (a command in flight,
          its error). The virtualised rows key by slot instead (VirtualAgentRows). */}
      {keys.map((k) => (
        <AgentTile key={k} agentKey={k} />
      ))}
    </div>
  );
}

/**
 * The virtualiser and its rows: a chunk of its own, loaded only when a board has more
 * than {@link VIRTUALISE_ABOVE} agents to show (the kiosk's eager bundle stays small;
 * docs/PERFORMANCE.md "Kiosk bundle budget"). The supervisor page preloads it.
 */
const virtualRows = lazyModule(() => import('./VirtualAgentRows'));

/** Starts loading the virtualised rows (idempotent); resolves when they can render. */
export function loadVirtualAgentRows(): Promise<unknown> {
  return virtualRows.load();
}

/** Virtualised rows once their chunk is there; until then (a few ms) the first rows, unvirtualised. */
function LazyVirtualRows({ keys }: { keys: readonly EntityKey[] }) {
  const mod = useLazyModule(virtualRows);
  useEffect(() => {
    virtualRows.load().catch(() => undefined);
  }, []);
  if (mod) return <mod.VirtualAgentRows keys={keys} />;
  return <PlainAgentTiles keys={keys.slice(0, FIRST_ROWS_TILES)} />;
}

/** Tiles shown while the virtualiser's chunk loads. */
const FIRST_ROWS_TILES = 60;

