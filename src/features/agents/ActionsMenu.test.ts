import { describe, expect, it } from 'vitest';
import { menuPosition } from './ActionsMenu';

const menu = { width: 200, height: 150 };
const viewport = { width: 1600, height: 1000 };

describe('menuPosition (the agent actions menu, fixed in the viewport)', () => {
  it('opens under its button, right-aligned with it', () => {
    expect(menuPosition(menu, { top: 100, bottom: 130, right: 900 }, viewport)).toEqual({ top: 134, left: 700 });
  });

  it('opens above its button when it does not fit below', () => {
    expect(menuPosition(menu, { top: 900, bottom: 930, right: 900 }, viewport)).toEqual({ top: 746, left: 700 });
  });

  it('stays inside the viewport when its button is below it or above it (a tile moved while the menu was open)', () => {
    expect(menuPosition(menu, { top: 1400, bottom: 1430, right: 900 }, viewport)).toEqual({ top: 846, left: 700 });
    expect(menuPosition(menu, { top: -300, bottom: -270, right: 900 }, viewport)).toEqual({ top: 4, left: 700 });
    expect(menuPosition(menu, { top: 100, bottom: 130, right: 100 }, viewport)).toEqual({ top: 134, left: 4 });
    expect(menuPosition(menu, { top: 100, bottom: 130, right: 5000 }, viewport)).toEqual({ top: 134, left: 1396 });
  });
});
