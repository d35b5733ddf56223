import { memo, useLayoutEffect, useRef, useState } from 'react';
import { SOURCE_LABELS, type PanelDefinition, type SourceId } from '../domain';
import { useTranslation } from '../i18n';
import { useNow } from '../lib/clock';
import { useSourceHealth } from '../stores';
import { useFormat } from '../ui';

/**
 * What the kiosk adds to every panel of a designed board (issue 14 scopes 3 and 4): a stale
 * badge per source of the panel that is not live, and the pager of a list too long for the
 * panel. Rendered inside the panel's `<section>`, after its title.
 */
export const PanelChrome = memo(function PanelChrome({ panel, sources, pageSec }: { panel: PanelDefinition; sources: readonly SourceId[]; pageSec: number }) {
  const own = panel.filters.sources?.length ? sources.filter((s) => panel.filters.sources?.includes(s)) : sources;
  return (
    <div className="kiosk-panel-chrome">
      {own.map((s) => (
        <StaleBadge key={s} source={s} />
      ))}
      <Pager pageSec={pageSec} />
    </div>
  );
});

/**
 * `data-testid="stale-badge"` (`data-source`, `data-last-update` = epoch ms of the source's
 * last valid message, empty before the first): shown while the source is not live; the
 * panel keeps its last values under it (ARCHITECTURE.md "Connections").
 */
const StaleBadge = memo(function StaleBadge({ source }: { source: SourceId }) {
  const h = useSourceHealth(source);
  const { t } = useTranslation('kiosk');
  const format = useFormat();
  if (h.status === 'live' || h.status === 'idle') return null;
  const name = SOURCE_LABELS[source];
  return (
    <span className="kiosk-stale" data-testid="stale-badge" data-source={source} data-status={h.status} data-last-update={h.lastMessageAt ?? ''}>
      {h.lastMessageAt !== undefined ? t('staleSince', { source: name, time: format.clockTime(h.lastMessageAt) }) : t('staleNever', { source: name })}
    </span>
  );
});

/**
 * The element of a panel body that scrolls its list: the body, a virtualised list inside
 * it, or a tile grid cut at its panel (the kiosk's standard board), whichever overflows most.
 */
function scroller(body: Element): HTMLElement {
  let best = body as HTMLElement;
  for (const el of body.querySelectorAll<HTMLElement>('.virtual-scroll, .queue-grid, .agent-grid')) if (el.scrollHeight - el.clientHeight > best.scrollHeight - best.clientHeight) best = el;
  return best;
}

/** The tiles a page break must not cut through. */
const TILE_SELECTOR = '[data-testid="agent-tile"], [data-testid="queue-tile"], [data-testid="alarm"], [data-testid="router-tile"], [data-testid="callback-list"]';

/**
 * Scroll offsets (px) at which the pages of `el` start: a page ends before the first tile
 * that would not fit whole, and the next page starts at that tile's top, so every tile is
 * seen whole on some page; past the tiles in the DOM (a virtualised list) pages are one
 * screenful each.
 */
export function pageStarts(el: HTMLElement): number[] {
  const h = el.clientHeight;
  const base = el.getBoundingClientRect().top - el.scrollTop;
  const starts = [0];
  for (const tile of el.querySelectorAll(TILE_SELECTOR)) {
    const r = tile.getBoundingClientRect();
    const top = r.top - base;
    const start = starts[starts.length - 1] as number;
    if (r.bottom - base - start > h + 1 && top > start + 1) starts.push(top);
  }
  for (let last = starts[starts.length - 1] as number; last + h < el.scrollHeight - 2; last += h) starts.push(last + h);
  return starts;
}

/**
 * Pages a list too long for its panel: every `pageSec` seconds the next screenful, round
 * and round, with "page 2 of 3" (`data-testid="list-page"`, `data-page`, `data-pages`);
 * nothing when the list fits. Steps are wall-clock aligned, so a panel's page is a function
 * of time and every TV pages alike. The panel is the `<section>` around it: on a designed
 * board its body (`.board-grid__body`), on the standard board the list panel itself
 * (rendered there as its list chrome, {@link ListPager}).
 */
function Pager({ pageSec }: { pageSec: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  const step = Math.floor(useNow() / (pageSec * 1000));
  const [pos, setPos] = useState({ page: 0, pages: 1 });
  const { t } = useTranslation('kiosk');
  useLayoutEffect(() => {
    const section = ref.current?.closest('section');
    const body = section?.querySelector('.board-grid__body') ?? section;
    if (!body) return;
    const el = scroller(body);
    const h = el.clientHeight;
    if (h <= 0) return;
    const starts = pageStarts(el);
    const pages = starts.length;
    const page = step % pages;
    el.scrollTop = starts[page] as number;
    setPos((p) => (p.page === page && p.pages === pages ? p : { page, pages }));
  }, [step]);
  return (
    <span ref={ref} className="kiosk-pager" data-testid="list-page" data-page={pos.page + 1} data-pages={pos.pages} hidden={pos.pages < 2}>
      {pos.pages > 1 ? t('page', { page: pos.page + 1, pages: pos.pages }) : null}
    </span>
  );
}

/**
 * The pager of a long list on the kiosk's standard board (the queue tiles, the agent
 * grid), rendered by the list panel next to its heading (`ListChromeContext`, src/ui).
 */
export const ListPager = memo(Pager);
