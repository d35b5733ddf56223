// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListChromeContext, useListChrome } from './list-chrome';
import { PanelScopeContext } from './panel-scope';

function List() {
  return <div data-testid="list">{useListChrome()}</div>;
}
const pager = () => <span data-testid="pager" />;

describe('list chrome', () => {
  it("renders the kiosk's list chrome on the standard board, nothing on the supervisor board or inside a designed board's panel", () => {
    render(
      <>
        <ListChromeContext.Provider value={pager}>
          <List />
          <PanelScopeContext.Provider value={{ panelId: 'p', panelType: 'agents', filters: {}, thresholds: {} }}>
            <List />
          </PanelScopeContext.Provider>
        </ListChromeContext.Provider>
        <List />
      </>,
    );
    const lists = screen.getAllByTestId('list');
    expect(lists.map((l) => l.querySelector('[data-testid="pager"]') !== null)).toEqual([true, false, false]);
  });
});
