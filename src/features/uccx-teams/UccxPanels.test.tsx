// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { CommandError, createPortDirectory, type CallJourney, type CallJourneyPort, type TeamMembersEvent } from '../../domain';
import { loadNamespace, setLanguage } from '../../i18n';
import { publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { BoardContext } from '../../ui';
import { TEST_SETTINGS } from '../../ui/test-support';
import { CallJourneyPanel } from './CallJourneyPanel';
import { UccxTeamsPanel } from './UccxTeamsPanel';

const board = setupTestWallboard();
beforeAll(() => loadNamespace('uccx'));

function wrap(children: ReactNode, port?: CallJourneyPort) {
  const client = new QueryClient();
  return (
    <QueryClientProvider client={client}>
      <BoardContext.Provider value={{ config: TEST_SETTINGS, ports: createPortDirectory(port ? { uccx: { callJourney: port } } : {}) }}>{children}</BoardContext.Provider>
    </QueryClientProvider>
  );
}

const teamAdded = (id: string, name: string, members: TeamMembersEvent['members']): TeamMembersEvent => ({ kind: 'team.members', source: 'uccx', at: board.fake.now(), id, name, owner: 'sup1001', members, replace: true });

describe('UCCX team panel', () => {
  it('shows each team with members (type, status, reason label or code), counts per status, since-seen ticking; filters by team', () => {
    publish(
      teamAdded('T100', 'Sales', [
        { id: 'ag1', name: 'Alice', type: 'Agent', status: 'ready' },
        { id: 'ag2', name: 'Bob <b>x</b>', type: 'TeamLead', status: 'not_ready', reasonCode: '32', reasonLabel: 'Lunch' },
        { id: 'ag3', name: 'Carla', type: 'Supervisor', status: 'ACW' },
        { id: 'ag4', name: 'Dirk', type: 'Agent', status: 'not_ready', reasonCode: '7' },
      ]),
    );
    publish(teamAdded('T200', 'Service', [{ id: 'ag9', name: 'Erik', type: 'Agent', status: 'ready' }]));
    render(wrap(<UccxTeamsPanel />));
    const sales = document.querySelector<HTMLElement>('[data-testid="team-panel"][data-team-id="T100"]')!;
    const row = (id: string) => sales.querySelector<HTMLElement>(`[data-testid="team-member"][data-member-id="${id}"]`)!;
    expect(row('ag2').dataset).toMatchObject({ status: 'not_ready', memberType: 'TeamLead', reasonCode: '32' });
    expect(within(row('ag2')).getByTestId('team-member-reason').textContent).toBe('Lunch');
    expect(within(row('ag4')).getByTestId('team-member-reason').textContent).toBe('7');
    expect(within(row('ag2')).getByText('Bob <b>x</b>')).toBeTruthy();
    expect(within(row('ag3')).getByTestId('team-member-status').textContent).toBe('After-call work');
    const counts = [...sales.querySelectorAll<HTMLElement>('[data-testid="team-status-count"]')].map((c) => [c.dataset['status'], c.dataset['value']]);
    expect(counts).toEqual([['ready', '1'], ['not_ready', '2'], ['ACW', '1']]);
    act(() => board.fake.advance(65_000));
    expect(within(row('ag1')).getByTestId('team-member-since').dataset['value']).toBe('65');
    expect(screen.getByText(/since the wallboard saw/)).toBeTruthy();

    fireEvent.change(screen.getByTestId('uccx-team-filter'), { target: { value: 'uccx:T200' } });
    expect([...document.querySelectorAll<HTMLElement>('[data-testid="team-panel"]')].map((p) => p.dataset['teamId'])).toEqual(['T200']);
  });

  it('speaks German', () => {
    setLanguage('de');
    try {
      publish(teamAdded('T1', 'Vertrieb', [{ id: 'a', name: 'Anna', type: 'TeamLead', status: 'ACW' }]));
      render(wrap(<UccxTeamsPanel />));
      expect(screen.getByRole('heading', { name: 'UCCX-Teams' })).toBeTruthy();
      expect(screen.getByTestId('team-member-status').textContent).toBe('Nachbearbeitung');
    } finally {
      setLanguage('en');
    }
  });
});

describe('call journey', () => {
  const journey: CallJourney = {
    callId: '16777345',
    steps: [
      { callId: '16777345', device: 'CTI_Port_1001', deviceType: 'CTI Port', description: 'Main IVR', durationText: '00:00:42', durationMs: 42_000 },
      { callId: '16777345', device: 'CSQ_Sales', deviceType: 'CSQ', description: 'Queued', durationText: '00:01:05', durationMs: 65_000 },
    ],
    totalMs: 107_000,
    totalComplete: true,
  };

  it('asks for the typed call id (Enter), shows the steps and the total; a failure shows code and message', async () => {
    const asked: string[] = [];
    const port: CallJourneyPort = {
      source: 'uccx',
      callJourney: (id) => {
        asked.push(id);
        return id === '16777345' ? Promise.resolve(journey) : Promise.reject(new CommandError('vendor-error', 'No call with id 999', 'CALL_NOT_FOUND'));
      },
    };
    render(wrap(<CallJourneyPanel />, port));
    const input = screen.getByTestId('call-journey-input');
    fireEvent.change(input, { target: { value: ' 16777345 ' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getAllByTestId('call-journey-step')).toHaveLength(2));
    expect(screen.getAllByTestId('call-journey-step').map((s) => s.dataset['device'])).toEqual(['CTI_Port_1001', 'CSQ_Sales']);
    expect(screen.getByTestId('call-journey-total').dataset['value']).toBe('107000');
    expect(screen.getByTestId('call-journey-total').textContent).toContain('1:47');
    expect(new URL(location.href).searchParams.get('callJourney')).toBe('16777345');

    fireEvent.change(input, { target: { value: '999' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('call-journey-error').dataset['code']).toBe('CALL_NOT_FOUND'));
    expect(screen.getByTestId('call-journey-error-message').textContent).toBe('No call with id 999');
    expect(asked).toEqual(['16777345', '999']); // a vendor refusal is not retried
  });

  it('opens from ?callJourney= and cancels: the signal aborts', async () => {
    history.replaceState(null, '', '/?callJourney=42');
    let signal: AbortSignal | undefined;
    const port: CallJourneyPort = {
      source: 'uccx',
      callJourney: (_id, s) => {
        signal = s;
        return new Promise((_r, reject) => s?.addEventListener('abort', () => reject(new CommandError('not-connected', 'cancelled', 'cancelled'))));
      },
    };
    render(wrap(<CallJourneyPanel />, port));
    await waitFor(() => expect(screen.getByTestId('call-journey-loading')).toBeTruthy());
    fireEvent.click(screen.getByTestId('call-journey-cancel'));
    await waitFor(() => expect(signal?.aborted).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('call-journey-loading')).toBeNull());
    history.replaceState(null, '', '/');
  });
});
