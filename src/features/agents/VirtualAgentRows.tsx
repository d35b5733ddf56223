import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EntityKey } from '../../domain';
import { TickingContext } from '../../lib/clock';
import { useOnScreen } from '../../lib/on-screen';
import { AgentTile } from './AgentTile';

/** Smallest tile width, in rem (the grid fits as many columns as this allows). */
const TILE_MIN_REM = 14;
const GAP_REM = 0.5;

/**
 * The agent tiles in rows, rendering only the rows in (and near) view (`data-testid="agent-virtual"`).
 * Loaded lazily by the agent grid (its own chunk, with the virtualiser).
 *
 * While the browser skips the scroller (`content-visibility: auto`, far off screen, e.g.
 * below 300 queue tiles) its tiles do not tick and it keeps showing the order it had: the
 * once-a-second re-sort is applied when it comes back near the screen. Agents' own changes
 * (state, reason) still reach their tiles at once.
 */
export function VirtualAgentRows({ keys: current }: { keys: readonly EntityKey[] }) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const setScroll = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    setScrollEl(el);
  }, []);
  const onScreen = useOnScreen(scrollEl);
  const [held, setHeld] = useState(current);
  if (onScreen && held !== current) setHeld(current);
  const keys = onScreen ? current : held;
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
    <TickingContext.Provider value={onScreen}>
      <div className="agent-scroll" ref={setScroll} data-testid="agent-virtual">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="agent-row"
              style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
            >
              {/* Keyed by slot, not by agent: the once-a-second re-sort moves agents between
                  slots and rows, and a slot then shows its new agent in place instead of
                  unmounting one tile and mounting another (docs/PERFORMANCE.md "Browser
                  benchmark"). State that belongs to one agent (a command in flight, an open
                  menu) is keyed by the agent inside AgentTile, so it never passes to another
                  agent; like an agent moving to another row, it does not follow the agent to
                  its new slot. */}
              {keys.slice(row.index * cols, (row.index + 1) * cols).map((k, slot) => (
                <AgentTile key={slot} agentKey={k} />
              ))}
            </div>
          ))}
        </div>
      </div>
    </TickingContext.Provider>
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
