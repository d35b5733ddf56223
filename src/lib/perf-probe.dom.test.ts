// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TileIndex, entityKey } from './perf-probe';

describe('TileIndex', () => {
  it('follows an element that shows another agent after a re-sort (a grid keyed by slot)', () => {
    const index = new TileIndex();
    const slot = document.createElement('article');
    document.body.append(slot);
    const a = entityKey('a', 'agent-a');
    const b = entityKey('a', 'agent-b');
    index.set(a, slot);
    expect(index.visible(a)).toBe(true);
    // The same element now shows agent b: a is no longer on screen.
    index.set(b, slot);
    expect(index.visible(b)).toBe(true);
    expect(index.visible(a)).toBe(false);
    // a shows up again in another element.
    const other = document.createElement('article');
    document.body.append(other);
    index.set(a, other);
    expect(index.visible(a)).toBe(true);
    other.remove();
    expect(index.visible(a)).toBe(false);
    expect(index.visible(b)).toBe(true);
  });
});
