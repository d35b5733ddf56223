import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Search } from 'lucide-react';
import { AGENT_STATES, type AgentState, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { useAgentKeys, useStateCounts } from '../../stores';
import { useFormat } from '../../ui';
import { AgentTile } from './AgentTile';
import { stateLabel } from './labels';
import { StateIcon } from './StateIcon';
import { isOpenFilter, type AgentFilter } from './match';
import './agents.css';

/**
 * Above this many tiles the grid renders only the rows in view (2,000 agents stay smooth);
 * at or below it every tile is in the DOM.
 */
export const VIRTUALISE_ABOVE = 300;
/** Smallest tile width, in rem (the grid fits as many columns as this allows). */
const TILE_MIN_REM = 14;
const GAP_REM = 0.5;

/**
 * Every agent of every source, in the stores' order (state group, then name; re-sorted at
 * most once a second): filter chips with the count per state, a search box, and the tiles.
 * More than {@link VIRTUALISE_ABOVE} tiles are virtualised by rows. `searchable={false}`
 * (kiosk) leaves out the search box.
 */
export function AgentGrid({ searchable = true }: { searchable?: boolean }) {
  const keys = useAgentKeys();
  const counts = useStateCounts();
  const [state, setState] = useState<AgentState | null>(null);
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim().toLowerCase());
  const filter = useMemo<AgentFilter>(() => ({ state, query }), [state, query]);
  const { t } = useTranslation('agents');
  const format = useFormat();

  return (
    <section className="panel agent-panel" aria-labelledby="agents-title">
      <div className="agent-panel__bar">
        <h2 id="agents-title" className="panel__title">
          {t('title')} <span className="panel__count">{format.number(keys.length)}</span>
        </h2>
        <div className="chips" role="group" aria-label={t('filterGroup')}>
          <button
            type="button"
            className="chip"
            aria-pressed={state === null}
            data-testid="state-filter"
            data-state=""
            onClick={() => setState(null)}
          >
            {t('all')} <span className="chip__count">{format.number(keys.length)}</span>
          </button>
          {AGENT_STATES.filter((s) => s !== 'UNKNOWN' || counts.UNKNOWN > 0).map((s) => (
            <button
              key={s}
              type="button"
              className={`chip state--${s}`}
              aria-pressed={state === s}
              data-testid="state-filter"
              data-state={s}
              onClick={() => setState(state === s ? null : s)}
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
      ) : isOpenFilter(filter) ? (
        <AgentTiles keys={keys} />
      ) : (
        <FilteredAgentTiles filter={filter} />
      )}
    </section>
  );
}

/**
 * The tiles of the agents passing `filter`: the filtered, sorted list comes from the
 * stores (`useAgentKeys` with `state`/`query`), re-sorted at most once a second there, so
 * a state change moves an agent in or out within a second and nothing re-filters here.
 */
function FilteredAgentTiles({ filter }: { filter: AgentFilter }) {
  const visible = useAgentKeys({ state: filter.state ?? undefined, query: filter.query });
  const { t } = useTranslation('agents');
  if (visible.length === 0) return <p className="panel__empty">{t('noMatch')}</p>;
  return <AgentTiles keys={visible} />;
}

/** The tiles for `keys`: all in the DOM up to {@link VIRTUALISE_ABOVE}, else virtualised rows. */
function AgentTiles({ keys }: { keys: readonly EntityKey[] }) {
  if (keys.length > VIRTUALISE_ABOVE) return <VirtualAgentRows keys={keys} />;
  return (
    <div className="agent-grid">
      {keys.map((k) => (
        <AgentTile key={k} agentKey={k} />
      ))}
    </div>
  );
}

/** The agent tiles in rows, rendering only the rows in (and near) view. */
function VirtualAgentRows({ keys }: { keys: readonly EntityKey[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width, remPx } = useBoxWidth(scrollRef);
  const cols = Math.max(1, Math.floor((width + GAP_REM * remPx) / ((TILE_MIN_REM + GAP_REM) * remPx)));
  const rows = Math.ceil(keys.length / cols);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 7.5 * remPx,
    overscan: 3,
  });
  return (
    <div className="agent-scroll" ref={scrollRef} data-testid="agent-virtual">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="agent-row"
            style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
          >
            {keys.slice(row.index * cols, (row.index + 1) * cols).map((k) => (
              <AgentTile key={k} agentKey={k} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Content width of an element (px), kept current by a ResizeObserver, and the root font size. */
function useBoxWidth(ref: RefObject<HTMLElement | null>): { width: number; remPx: number } {
  const [box, setBox] = useState({ width: 1200, remPx: 16 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const width = el.clientWidth;
      setBox((b) => (b.width === width && b.remPx === remPx ? b : { width, remPx }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return box;
}
