// @vitest-environment jsdom
import type * as Sonner from 'sonner';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentUpsertEvent } from '../../domain';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import type { AgentStatePort, AgentStateRequest } from '../../ui';
import { TestBoard } from '../../ui/test-support';
import { AgentTile, loadAgentCommands } from './AgentTile';

const toastError = vi.hoisted(() => vi.fn());
vi.mock('sonner', async (importOriginal) => ({ ...(await importOriginal<typeof Sonner>()), toast: { error: toastError } }));

const board = setupTestWallboard();
// The command menu is a lazy chunk (never on the kiosk); the supervisor page loads it before rendering.
beforeAll(() => loadAgentCommands());
beforeEach(() => {
  toastError.mockReset();
});

function live(source: 'gc' | 'rte') {
  publish({ kind: 'connection.status', source, at: board.fake.now(), status: 'live' });
}
function agent(patch: Partial<AgentUpsertEvent> = {}): AgentUpsertEvent {
  return {
    kind: 'agent.upsert',
    source: 'gc',
    at: board.fake.now(),
    id: 'agent2001',
    name: 'Ann Lee',
    state: 'NOT_READY',
    reasonCodeId: '2',
    reasonLabel: 'Lunch',
    stateSince: T0 - 65_000,
    extension: '2001',
    teamId: '5',
    ...patch,
  };
}
/** Lets a settled promise reach React: react-query notifies observers on zero-delay timers. */
async function settle() {
  for (let i = 0; i < 3; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}
function tick(ms: number) {
  act(() => board.fake.advance(ms));
}
const tile = () => screen.getByTestId('agent-tile');

describe('AgentTile', () => {
  it('shows the state label, the reason and the time in state ticking on the shared clock', () => {
    live('gc');
    publish(agent());
    render(<TestBoard><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    expect(tile().dataset).toMatchObject({ agentId: 'agent2001', source: 'gc', state: 'NOT_READY', stale: 'false' });
    expect(screen.getByTestId('agent-state-label').textContent).toBe('Not Ready');
    expect(screen.getByTestId('agent-reason').textContent).toBe('Lunch');
    const time = screen.getByTestId('agent-time-in-state');
    expect(time.textContent).toBe('1:05');
    expect(time.dataset.value).toBe('65');
    expect(tile().textContent).toContain('Ext 2001');

    tick(3_000);
    expect(screen.getByTestId('agent-time-in-state').textContent).toBe('1:08');
    expect(screen.getByTestId('agent-time-in-state').dataset.value).toBe('68');

    publish(agent({ state: 'READY', reasonCodeId: undefined, reasonLabel: undefined, stateSince: board.fake.now() }));
    expect(tile().dataset.state).toBe('READY');
    expect(screen.getByTestId('agent-state-label').textContent).toBe('Ready');
    expect(screen.getByTestId('agent-reason').textContent).toBe('');
    expect(screen.getByTestId('agent-time-in-state').dataset.value).toBe('0');
  });

  it('says "Long" once Not Ready passes the configured threshold', () => {
    live('gc');
    publish(agent({ stateSince: T0 - 299_000 }));
    render(<TestBoard><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    expect(within(tile()).queryByText('Long')).toBeNull();
    tick(1_000);
    expect(within(tile()).getByText('Long')).toBeTruthy();
  });

  it('is marked stale, keeping its values, while its source is not live', () => {
    live('gc');
    publish(agent());
    render(<TestBoard><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    publish({ kind: 'connection.status', source: 'gc', at: board.fake.now(), status: 'down', reason: 'broker closed' });
    expect(tile().dataset.stale).toBe('true');
    expect(within(tile()).getByText('stale')).toBeTruthy();
    expect(screen.getByTestId('agent-state-label').textContent).toBe('Not Ready');
    expect(screen.getByTestId('agent-reason').textContent).toBe('Lunch');
  });

  it('renders hostile vendor text as text, never as HTML', () => {
    live('gc');
    const hostile = '<img src=x onerror=alert(1)>';
    publish(agent({ name: hostile, reasonLabel: '<b>bold</b>', extension: '<script>x</script>' }));
    const { container } = render(<TestBoard><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByTestId('agent-reason').textContent).toBe('<b>bold</b>');
  });

  it('has no command menu without a command port, or for a source the port cannot command', () => {
    live('gc');
    live('rte');
    publish(agent(), agent({ source: 'rte', id: 'a9e47000-0000-4000-8000-000000000001' }));
    const port: AgentStatePort = { source: 'gc', setAgentState: vi.fn(async () => {}) };
    const { rerender } = render(
      <TestBoard>
        <AgentTile agentKey="gc:agent2001" />
        <AgentTile agentKey="rte:a9e47000-0000-4000-8000-000000000001" />
      </TestBoard>,
    );
    expect(screen.queryAllByTestId('agent-actions')).toHaveLength(0);
    rerender(
      <TestBoard commandPort={port}>
        <AgentTile agentKey="gc:agent2001" />
        <AgentTile agentKey="rte:a9e47000-0000-4000-8000-000000000001" />
      </TestBoard>,
    );
    const buttons = screen.getAllByTestId('agent-actions');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.closest('[data-testid="agent-tile"]')!.getAttribute('data-source')).toBe('gc');
  });
});

describe('AgentTile without a port', () => {
  it("says on hover why an agent's source has no command, and shows nothing of the kind on a read-only screen", () => {
    live('gc');
    live('rte');
    publish(agent(), agent({ source: 'rte', id: 'a9e47000-0000-4000-8000-000000000001' }));
    const port: AgentStatePort = { source: 'gc', setAgentState: vi.fn(async () => {}) };
    const tiles = (
      <>
        <AgentTile agentKey="gc:agent2001" />
        <AgentTile agentKey="rte:a9e47000-0000-4000-8000-000000000001" />
      </>
    );
    const { rerender } = render(
      <TestBoard commandPort={port} portless={['rte']}>
        {tiles}
      </TestBoard>,
    );
    const why = screen.getByTestId('agent-actions-unavailable');
    expect(why.dataset.why).toBe('unsupported');
    expect(why.getAttribute('title')).toBe('Changing agent state is not available for Enreach RTE: it offers no agent-state command.');
    expect(why.closest('[data-testid="agent-tile"]')!.getAttribute('data-source')).toBe('rte');
    expect(screen.getAllByTestId('agent-actions')).toHaveLength(1);

    rerender(
      <TestBoard commandPort={port}>
        {tiles}
      </TestBoard>,
    );
    expect(screen.getByTestId('agent-actions-unavailable').dataset.why).toBe('not-configured');

    rerender(
      <TestBoard commandPort={port} portless={['rte']} readOnly>
        {tiles}
      </TestBoard>,
    );
    expect(screen.queryAllByTestId('agent-actions-unavailable')).toHaveLength(0);
    expect(screen.queryAllByTestId('agent-actions')).toHaveLength(0);
  });
});

describe('AgentTile commands', () => {
  function deferredPort() {
    const calls: { cmd: AgentStateRequest; resolve: () => void; reject: (e: Error) => void }[] = [];
    const port: AgentStatePort = {
      source: 'gc',
      setAgentState: (cmd) =>
        new Promise<void>((resolve, reject) => {
          calls.push({ cmd, resolve, reject });
        }),
    };
    return { port, calls };
  }

  const calls = (d: ReturnType<typeof deferredPort>) => d.calls.map((c) => c.cmd);

  function setup() {
    live('gc');
    publish(agent({ state: 'READY', reasonCodeId: undefined, reasonLabel: undefined, stateSince: T0 - 10_000 }));
    const d = deferredPort();
    render(<TestBoard commandPort={d.port}><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    return d;
  }

  it("offers only the states a backend can set, with the backend's own reasons (Business ConneCT)", () => {
    live('gc');
    publish(agent({ state: 'READY', reasonCodeId: undefined, reasonLabel: undefined }));
    const d = deferredPort();
    const port: AgentStatePort = { ...d.port, states: ['READY', 'NOT_READY'], reasonCodes: { notReady: [{ id: 'Lunch', label: 'Lunch' }], logout: [] } };
    render(<TestBoard commandPort={port}><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    fireEvent.click(screen.getByTestId('agent-actions'));
    expect(screen.queryByTestId('action-logout')).toBeNull();
    fireEvent.click(screen.getByTestId('action-not-ready'));
    expect(screen.getAllByTestId('reason-option').map((o) => o.dataset.reasonId)).toEqual(['Lunch']);
  });

  it('sends Not Ready with the chosen reason, shows it pending, and shows the new state when the vendor confirms', async () => {
    const { calls } = setup();
    fireEvent.click(screen.getByTestId('agent-actions'));
    fireEvent.click(screen.getByTestId('action-not-ready'));
    const options = screen.getAllByTestId('reason-option');
    expect(options.map((o) => `${o.dataset.reasonId}:${o.textContent}`)).toEqual(['1:Break', '2:Lunch', '3:Meeting']);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Lunch' }));
    await settle();

    expect(calls.map((c) => c.cmd)).toEqual([{ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '2' }]);
    expect(screen.getByTestId('agent-pending').textContent).toBe('Pending: Not Ready (Lunch)…');
    expect((screen.getByTestId('agent-actions') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(tile().dataset.state).toBe('READY');

    // The vendor confirms (the connector resolves) before the confirming event was flushed: still pending.
    calls[0]!.resolve();
    await settle();
    expect(screen.getByTestId('agent-pending')).toBeTruthy();
    publish(agent({ state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', stateSince: board.fake.now() }));
    expect(screen.queryByTestId('agent-pending')).toBeNull();
    expect(tile().dataset.state).toBe('NOT_READY');
    expect(screen.getByTestId('agent-reason').textContent).toBe('Lunch');
    expect(screen.getByTestId('agent-time-in-state').dataset.value).toBe('0');
    expect((screen.getByTestId('agent-actions') as HTMLButtonElement).disabled).toBe(false);
  });

  it('in a slot that shows another agent after a re-sort, a command in flight and an open menu stay with their agent', async () => {
    live('gc');
    publish(agent({ state: 'READY', reasonCodeId: undefined, reasonLabel: undefined, stateSince: T0 - 10_000 }));
    publish(agent({ id: 'agent2002', name: 'Bo Chan', state: 'READY', reasonCodeId: undefined, reasonLabel: undefined, extension: '2002' }));
    const d = deferredPort();
    // The virtualised grid keys its tiles by slot: the same element gets another agentKey.
    const { rerender } = render(<TestBoard commandPort={d.port}><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    fireEvent.click(screen.getByTestId('agent-actions'));
    fireEvent.click(screen.getByTestId('action-not-ready'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Lunch' }));
    await settle();
    expect(screen.getByTestId('agent-pending')).toBeTruthy();
    rerender(<TestBoard commandPort={d.port}><AgentTile agentKey="gc:agent2002" /></TestBoard>);
    expect(tile().dataset.agentId).toBe('agent2002');
    expect(screen.queryByTestId('agent-pending')).toBeNull();
    expect((screen.getByTestId('agent-actions') as HTMLButtonElement).disabled).toBe(false);
    // An open menu does not carry over either.
    fireEvent.click(screen.getByTestId('agent-actions'));
    expect(screen.getByRole('menu')).toBeTruthy();
    rerender(<TestBoard commandPort={d.port}><AgentTile agentKey="gc:agent2001" /></TestBoard>);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(calls(d)).toEqual([{ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '2' }]);
  });

  it('on a failed command shows a toast and an inline, dismissable error; the tile keeps its state', async () => {
    const { calls } = setup();
    fireEvent.click(screen.getByTestId('agent-actions'));
    fireEvent.click(screen.getByTestId('action-ready'));
    await settle();
    expect(calls[0]!.cmd).toEqual({ agentId: 'agent2001', state: 'READY' });
    expect(screen.getByTestId('agent-pending').textContent).toBe('Pending: Ready…');

    calls[0]!.reject(new Error('Finesse refused the state change'));
    await settle();
    const error = screen.getByTestId('agent-command-error');
    expect(error.textContent).toContain('Finesse refused the state change');
    expect(toastError).toHaveBeenCalledTimes(1);
    expect(toastError.mock.calls[0]![0]).toBe('Ann Lee: Ready failed');
    expect(tile().dataset.state).toBe('READY');
    expect(screen.queryByTestId('agent-pending')).toBeNull();

    fireEvent.click(within(error).getByRole('button', { name: 'Dismiss error' }));
    await settle();
    expect(screen.queryByTestId('agent-command-error')).toBeNull();
  });

  it('offers Log out with its reason codes', async () => {
    const { calls } = setup();
    fireEvent.click(screen.getByTestId('agent-actions'));
    fireEvent.click(screen.getByTestId('action-logout'));
    const options = screen.getAllByTestId('reason-option');
    expect(options.map((o) => o.dataset.reasonId)).toEqual(['20']);
    fireEvent.click(options[0]!);
    await settle();
    expect(calls[0]!.cmd).toEqual({ agentId: 'agent2001', state: 'LOGOUT', reasonCodeId: '20' });
    expect(screen.getByTestId('agent-pending').textContent).toBe('Pending: Log out (End of shift)…');
  });

  it('is keyboard accessible: labelled button, Escape steps back then closes and returns focus', () => {
    setup();
    const trigger = screen.getByRole('button', { name: 'Change state of Ann Lee' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu');
    expect(document.activeElement).toBe(screen.getByTestId('action-ready'));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('action-not-ready'));
    fireEvent.click(screen.getByTestId('action-not-ready'));
    expect(screen.getAllByTestId('reason-option')).toHaveLength(3);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryAllByTestId('reason-option')).toHaveLength(0);
    expect(screen.getByTestId('action-ready')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('closes the menu on a click outside', () => {
    setup();
    fireEvent.click(screen.getByTestId('agent-actions'));
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
