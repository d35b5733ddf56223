import { describe, expect, it } from 'vitest';
import { soakFindings, soakGrowth, soakSvg, type SoakSample } from './soak';

const MB = 1024 * 1024;
const run = (heapMb: (i: number) => number, nodes: (i: number) => number, listeners: (i: number) => number): SoakSample[] =>
  Array.from({ length: 12 }, (_, i) => ({ simMin: i * 30, realS: i * 30, heapUsed: heapMb(i) * MB, nodes: nodes(i), listeners: listeners(i), framesPerSec: 200 }));

describe('soak targets', () => {
  it('a flat run meets them, whatever single samples do', () => {
    const flat = run((i) => 10 + (i % 2), (i) => 4000 + (i % 3) * 150, (i) => 240 + (i % 2) * 60);
    expect(soakFindings('board', flat, 30)).toEqual([]);
  });

  it('a leak of heap, nodes or listeners is named', () => {
    const leaking = run((i) => 10 + i, (i) => 4000 + i * 200, (i) => 240 + i * 20);
    expect(soakFindings('board', leaking, 30)).toEqual([
      'board: heap grew 8.00 MB (≤ 5 MB)',
      'board: DOM nodes grew 4400 → 6000 (not flat)',
      'board: listeners grew 280 → 440 (not flat)',
    ]);
  });

  it('compares the first third with the last third after warm-up (medians)', () => {
    expect(soakGrowth(run((i) => i, () => 0, () => 0).slice(1), (s) => s.heapUsed / MB)).toEqual({ from: 2, to: 10 });
    expect(soakFindings('kiosk', run(() => 1, () => 1, () => 1).slice(0, 3), 30)).toEqual(['kiosk: fewer than three samples after warm-up']);
  });

  it('draws one panel per page with escaped names', () => {
    const svg = soakSvg([{ name: 'board <1>', samples: run(() => 10, () => 4000, () => 240) }]);
    expect(svg).toContain('board &lt;1&gt;: simulated hours');
    expect(svg.match(/<polyline/g)).toHaveLength(3);
  });
});
