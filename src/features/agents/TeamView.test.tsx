// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgentState, AgentUpsertEvent } from '../../domain';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import type { AgentStatePort } from '../../ui';
import { TestBoard } from '../../ui/test-support';
import { loadAgentCommands } from './AgentTile';
import { TeamView } from './TeamView';

const board = setupTestWallboard();
beforeAll(() => loadAgentCommands());

function agent(id: string, name: string, state: AgentState, sinceAgoSec: number, teamId: string): AgentUpsertEvent {
  return { kind: 'agent.upsert', source: 'gc', at: board.fake.now(), id, name, state, stateSince: T0 - sinceAgoSec * 1000, teamId };
}
function seed() {
  publish({ kind: 'connection.status', source: 'gc', at: board.fake.now(), status: 'live' });
  publish(
    { kind: 'team.upsert', source: 'gc', id: '5', name: 'Customer Care', at: board.fake.now() },
    { kind: 'team.upsert', source: 'gc', id: '7', name: 'Billing Desk', at: board.fake.now() },
    agent('agent2001', 'Ann Lee', 'READY', 10, '5'),
    agent('agent2002', 'Bob Martin', 'NOT_READY', 300, '5'),
    agent('agent2003', 'Carla Diaz', 'TALKING', 60, '5'),
    agent('agent2017', 'Quinn Harris', 'READY', 500, '7'),
  );
}
const ids = () => screen.getAllByTestId('agent-tile').map((t) => t.dataset.agentId);

describe('TeamView (supervisor team view)', () => {
  it('lists the supervisor\'s teams in the team picker; shows only the picked team, sorted by state or by time in state, filtered by state', () => {
    seed();
    render(<TestBoard><TeamView initialTeamId="" /></TestBoard>);
    const picker = screen.getByTestId('team-picker') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Choose a team…', 'Billing Desk', 'Customer Care']);
    expect(screen.queryAllByTestId('agent-tile')).toHaveLength(0);

    fireEvent.change(picker, { target: { value: '5' } });
    expect(ids()).toEqual(['agent2001', 'agent2003', 'agent2002']);
    expect(screen.getByTestId('team-count').dataset.value).toBe('3');

    fireEvent.change(screen.getByTestId('team-sort'), { target: { value: 'timeInState' } });
    expect(ids()).toEqual(['agent2002', 'agent2003', 'agent2001']);

    fireEvent.change(screen.getByTestId('team-state-filter'), { target: { value: 'READY' } });
    expect(ids()).toEqual(['agent2001']);
    fireEvent.change(screen.getByTestId('team-state-filter'), { target: { value: '' } });

    // At least 1 minute in state: Ann (10 s) is out; at 50 s later she is in, within a tick.
    fireEvent.change(screen.getByTestId('team-min-time'), { target: { value: '60' } });
    expect(ids()).toEqual(['agent2002', 'agent2003']);
    act(() => board.fake.advance(50_000));
    expect(ids()).toEqual(['agent2002', 'agent2003', 'agent2001']);
    fireEvent.change(screen.getByTestId('team-min-time'), { target: { value: '' } });

    fireEvent.change(picker, { target: { value: '7' } });
    expect(ids()).toEqual(['agent2017']);
  });

  it('re-ranks a state change at most once a second (on the shared clock), not at once', () => {
    seed();
    render(<TestBoard><TeamView initialTeamId="5" /></TestBoard>);
    expect(ids()).toEqual(['agent2001', 'agent2003', 'agent2002']);
    publish(agent('agent2002', 'Bob Martin', 'READY', 0, '5'));
    // The tile shows the new state at once; its place changes on the next tick.
    expect(screen.getAllByTestId('agent-tile')[2]?.dataset.state).toBe('READY');
    act(() => board.fake.advance(1_000));
    expect(ids()).toEqual(['agent2001', 'agent2002', 'agent2003']);
  });

  it('Not Ready and Log out are sent without a reason code (a supervisor may not give one)', async () => {
    seed();
    const setAgentState = vi.fn(async () => {});
    const port: AgentStatePort = { source: 'gc', setAgentState };
    render(<TestBoard commandPort={port}><TeamView initialTeamId="5" /></TestBoard>);
    const tile = screen.getAllByTestId('agent-tile').find((t) => t.dataset.agentId === 'agent2003')!;
    fireEvent.click(within(tile).getByTestId('agent-actions'));
    fireEvent.click(screen.getByTestId('action-not-ready'));
    expect(screen.queryByTestId('reason-option')).toBeNull();
    await act(async () => {});
    expect(setAgentState).toHaveBeenCalledWith({ agentId: 'agent2003', state: 'NOT_READY' });
  });

  it('renders nothing without teams (RTE-only boards)', () => {
    const { container } = render(<TestBoard><TeamView initialTeamId="" /></TestBoard>);
    expect(container.innerHTML).toBe('');
  });
});
