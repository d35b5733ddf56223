// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { PanelScopeContext } from '../../ui';
import { TestBoard } from '../../ui/test-support';
import { AgentTile, timeInStateStat } from './AgentTile';

const board = setupTestWallboard();

describe('agent time in state thresholds per state (issue 13 scope 4)', () => {
  it('names the per-state metric in Pascal case', () => {
    expect(timeInStateStat('NOT_READY')).toBe('timeInStateNotReady');
    expect(timeInStateStat('WORK_READY')).toBe('timeInStateWorkReady');
  });

  it("a panel's per-state threshold colours the time in state with a word, overriding the generic one", () => {
    publish({ kind: 'connection.status', source: 'gc', at: board.fake.now(), status: 'live' });
    publish({ kind: 'agent.upsert', source: 'gc', at: board.fake.now(), id: 'a1', name: 'Ann', state: 'NOT_READY', stateSince: T0 - 5_000 });
    const thresholds = {
      timeInState: { warning: { value: 1 } },
      timeInStateNotReady: { warning: { value: 8 }, critical: { value: 10, flash: true } },
    };
    render(
      <TestBoard>
        <PanelScopeContext.Provider value={{ panelId: 'a', panelType: 'agents', filters: {}, thresholds }}>
          <AgentTile agentKey="gc:a1" />
        </PanelScopeContext.Provider>
      </TestBoard>,
    );
    const time = () => screen.getByTestId('agent-time-in-state');
    expect(time().dataset.stat).toBe('timeInStateNotReady');
    expect(time().dataset.severity).toBe('ok');
    act(() => board.fake.advance(3_000));
    expect(time().dataset.severity).toBe('warning');
    act(() => board.fake.advance(2_000));
    expect(time().dataset.severity).toBe('critical');
    expect(time().dataset.flash).toBe('true');
    expect(time().parentElement!.textContent).toContain('Alarm');
  });
});
