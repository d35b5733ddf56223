import { useLayoutEffect, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { TickingContext } from './clock';
import { useOnScreen } from './on-screen';
import './virtual-rows.css';

/** Gap between tiles and rows, rem: the CSS `--gap` the rows use (src/app/app.css). */
const GAP_REM = 0.5;

/** Layout of {@link VirtualTileRows}: tile and row sizes in rem, the scroller's hooks. */
export interface VirtualTileLayout {
  /** Smallest tile width, rem: the rows hold as many columns as fit. */
  readonly tileMinRem: number;
  /** First guess of a row's height, rem (each rendered row is then measured). */
  readonly rowEstimateRem: number;
  /**
   * Class names of the scroller; it always has `virtual-scroll` as well (the kiosk pager
   * pages the scroller of a panel by that class).
   */
  readonly scrollClass: string;
  /** Class name of a row (it always has `virtual-row` as well). */
  readonly rowClass: string;
  /** `data-testid` of the scroller. */
  readonly testId: string;
}

/**
 * Tiles in rows inside their own scroller, rendering only the rows in (and near) view, for
 * lists of hundreds or thousands of tiles (the agent grid above 300 agents, the queue
 * tiles above 60 queues). Loaded only in lazy chunks (with the virtualiser library), so
 * the kiosk's eager bundle does not carry it.
 *
 * While the browser skips the scroller (its CSS has `content-visibility: auto` and it is
 * far off screen) its tiles do not tick ({@link TickingContext}) and it keeps showing the
 * `keys` it had: a new order is applied when it comes back near the screen. A tile's own
 * data still reaches it at once (the tiles subscribe to the stores themselves).
 *
 * @param keys the tiles' keys in display order
 * @param tile renders the tile of `key` at position `slot` of its row (0-based); the
 *   element it returns must carry its own React `key`
 */
export function VirtualTileRows<K>({ keys: current, layout, tile }: { keys: readonly K[]; layout: VirtualTileLayout; tile: (key: K, slot: number) => ReactNode }) {
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const onScreen = useOnScreen(scrollEl);
  const [held, setHeld] = useState(current);
  if (onScreen && held !== current) setHeld(current);
  const keys = onScreen ? current : held;
  const { width, remPx } = useBoxWidth(scrollEl);
  const cols = Math.max(1, Math.floor((width + GAP_REM * remPx) / ((layout.tileMinRem + GAP_REM) * remPx)));
  const rows = Math.ceil(keys.length / cols);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollEl,
    estimateSize: () => layout.rowEstimateRem * remPx,
    overscan: 3,
  });
  return (
    <TickingContext.Provider value={onScreen}>
      <div className={`virtual-scroll ${layout.scrollClass}`} ref={setScrollEl} data-testid={layout.testId}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={`virtual-row ${layout.rowClass}`}
              style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
            >
              {keys.slice(row.index * cols, (row.index + 1) * cols).map((k, slot) => tile(k, slot))}
            </div>
          ))}
        </div>
      </div>
    </TickingContext.Provider>
  );
}

/** Content width of an element (px), kept current by a ResizeObserver, and the root font size (px). */
function useBoxWidth(el: HTMLElement | null): { width: number; remPx: number } {
  const [box, setBox] = useState({ width: 1200, remPx: 16 });
  useLayoutEffect(() => {
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
  }, [el]);
  return box;
}
