import { describe, expect, it } from 'vitest';
import { pageStarts } from './PanelChrome';

/** A scrolling panel body of height `h` showing tiles at [top, bottom) offsets (px, within the list). */
function body(h: number, tiles: [number, number][], scrollHeight: number, scrollTop = 0): HTMLElement {
  const rect = (top: number, bottom: number) => ({ top, bottom }) as DOMRect;
  return {
    clientHeight: h,
    scrollHeight,
    scrollTop,
    getBoundingClientRect: () => rect(100, 100 + h),
    querySelectorAll: () => tiles.map(([t, b]) => ({ getBoundingClientRect: () => rect(100 - scrollTop + t, 100 - scrollTop + b) })),
  } as unknown as HTMLElement;
}

describe('list pages', () => {
  it('a page ends before the first tile that does not fit whole; the next starts at its top', () => {
    // Rows of tiles 90 px high every 100 px, a body 250 px high: rows 0–1 on page 1, 2–3 on page 2, 4 on page 3.
    const rows: [number, number][] = [0, 100, 200, 300, 400].map((t) => [t, t + 90]);
    expect(pageStarts(body(250, rows, 490))).toEqual([0, 200, 400]);
    // The same whatever the current scroll position.
    expect(pageStarts(body(250, rows, 490, 200))).toEqual([0, 200, 400]);
  });

  it('one page when everything fits; screenfuls beyond the tiles in the DOM (virtualised lists)', () => {
    expect(pageStarts(body(500, [[0, 90]], 500))).toEqual([0]);
    expect(pageStarts(body(250, [[0, 90], [100, 190]], 1000))).toEqual([0, 250, 500, 750]);
  });
});
