// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgentState, AgentUpsertEvent, DomainEvent } from '../../domain';
import { T0, publishNow, setupTestWallboard } from '../../stores/test-support';
import { PanelScopeContext } from '../../ui';
import { TestBoard } from '../../ui/test-support';
import { AgentGrid, loadVirtualAgentRows, VIRTUALISE_ABOVE } from './AgentGrid';

// The virtualised rows are a lazy chunk (the supervisor page preloads it, as here).
beforeAll(() => loadVirtualAgentRows());

const board = setupTestWallboard();
const publish = (events: DomainEvent[]) => publishNow(...events);
const STATES: AgentState[] = ['READY', 'TALKING', 'NOT_READY', 'WORK'];
function agents(n: number): AgentUpsertEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'agent.upsert' as const,
    source: 'gc' as const,
    at: T0,
    id: `agent${2001 + i}`,
    name: `Agent ${String(i).padStart(4, '0')}`,
    state: STATES[i % STATES.length]!,
    stateSince: T0 - 1000,
    extension: String(2001 + i),
  }));
}
const tiles = () => screen.queryAllByTestId('agent-tile');
const chip = (state: string) => document.querySelector<HTMLButtonElement>(`[data-testid="state-filter"][data-state="${state}"]`)!;

describe('AgentGrid', () => {
  it('puts every tile in the DOM for a demo-sized list, with counts per state', () => {
    publish([{ kind: 'connection.status', source: 'gc', at: T0, status: 'live' }, ...agents(56)]);
    render(<TestBoard><AgentGrid /></TestBoard>);
    expect(tiles()).toHaveLength(56);
    expect(chip('READY').querySelector('[data-testid="state-count"]')!.getAttribute('data-value')).toBe('14');
    expect(chip('LOGOUT').querySelector('[data-testid="state-count"]')!.getAttribute('data-value')).toBe('0');
    // UNKNOWN is offered only when someone is in it.
    expect(chip('UNKNOWN')).toBeNull();
  });

  it('filters by state chip and by search text', () => {
    publish(agents(20));
    render(<TestBoard><AgentGrid /></TestBoard>);
    fireEvent.click(chip('TALKING'));
    expect(chip('TALKING').getAttribute('aria-pressed')).toBe('true');
    expect(tiles().map((t) => t.dataset.state)).toEqual(Array(5).fill('TALKING'));
    fireEvent.click(chip('TALKING'));
    expect(tiles()).toHaveLength(20);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search agents' }), { target: { value: 'agent 0007' } });
    expect(tiles().map((t) => t.dataset.agentId)).toEqual(['agent2008']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search agents' }), { target: { value: '2019' } });
    expect(tiles().map((t) => t.dataset.agentId)).toEqual(['agent2019']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search agents' }), { target: { value: 'nobody' } });
    expect(tiles()).toHaveLength(0);
    expect(screen.getByText('No agent matches.')).toBeTruthy();
  });

  it('re-filters within a second when an agent changes state', () => {
    publish(agents(8));
    render(<TestBoard><AgentGrid /></TestBoard>);
    fireEvent.click(chip('READY'));
    expect(tiles()).toHaveLength(2);
    publish([{ ...agents(1)[0]!, state: 'HOLD', at: T0 + 10 }]);
    act(() => board.fake.advance(1_000));
    expect(tiles()).toHaveLength(1);
  });

  it(`virtualises rows above ${VIRTUALISE_ABOVE} tiles`, () => {
    publish(agents(2_000));
    render(<TestBoard><AgentGrid /></TestBoard>);
    expect(screen.getByTestId('agent-virtual')).toBeTruthy();
    expect(tiles().length).toBeLessThan(200);
    // Counts in the locale's number format (English by default in tests).
    expect(document.querySelector('.panel__count')!.textContent).toBe('2,000');
  });

  it('while the browser skips the virtualised grid (far off screen), keeps its order and stops its tiles ticking', () => {
    // jsdom lays nothing out: give the scroller a size so that the virtualiser renders rows.
    const size = (px: number) =>
      function (this: HTMLElement) {
        return this.dataset['testid'] === 'agent-virtual' ? px : 0;
      };
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(size(800));
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(size(1200));
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('agent-row') ? 120 : 0;
    });
    publish(agents(2_000));
    render(<TestBoard><AgentGrid /></TestBoard>);
    const scroller = screen.getByTestId('agent-virtual');
    const skipped = (value: boolean) =>
      act(() => {
        scroller.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: value }));
      });
    const first = () => tiles()[0]!;
    const time = () => first().querySelector('[data-testid="agent-time-in-state"]')!.getAttribute('data-value');
    expect(tiles().length).toBeGreaterThan(0);
    const id = first().dataset.agentId!;
    const t0 = time();
    skipped(true);
    // The first agent logs out: the re-sort would move it to the end of the list.
    publish([{ ...agents(2_000).find((a) => a.id === id)!, state: 'LOGOUT', at: T0 + 10 }]);
    act(() => board.fake.advance(3_000));
    expect(first().dataset.agentId).toBe(id);
    expect(first().dataset.state).toBe('LOGOUT'); // its own change still shows at once
    expect(time()).toBe(t0);
    // Back near the screen: the current order and time at once.
    skipped(false);
    expect(first().dataset.agentId).not.toBe(id);
    expect(Number(time())).toBeGreaterThanOrEqual(3);
    vi.restoreAllMocks();
  });

  it("a panel filtered to a team counts that team's agents per state, not the whole board's", () => {
    // 20 agents; agent2001..2008 are in team t1 (READY, TALKING, NOT_READY, WORK twice each).
    publish(agents(20).map((a, i) => (i < 8 ? { ...a, teamId: 't1' } : { ...a, teamId: 't2' })));
    render(
      <TestBoard>
        <PanelScopeContext.Provider value={{ panelId: 'p', panelType: 'agents', filters: { teams: ['t1'] }, thresholds: {} }}>
          <AgentGrid />
        </PanelScopeContext.Provider>
      </TestBoard>,
    );
    const count = (s: string) => chip(s).querySelector('[data-testid="state-count"]')!.getAttribute('data-value');
    expect(tiles()).toHaveLength(8);
    expect(chip('').textContent).toContain('8');
    expect(['READY', 'TALKING', 'NOT_READY', 'WORK', 'LOGOUT'].map(count)).toEqual(['2', '2', '2', '2', '0']);
    // A team member's state change is counted at the next flush; another team's is not.
    act(() => publish([{ ...agents(1)[0]!, teamId: 't1', state: 'TALKING' }, { ...agents(20)[9]!, teamId: 't2', state: 'LOGOUT' }]));
    expect(['READY', 'TALKING', 'LOGOUT'].map(count)).toEqual(['1', '3', '0']);
  });

  it('leaves out the search box when not searchable (kiosk)', () => {
    publish(agents(3));
    render(<TestBoard><AgentGrid searchable={false} /></TestBoard>);
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(tiles()).toHaveLength(3);
  });
});
