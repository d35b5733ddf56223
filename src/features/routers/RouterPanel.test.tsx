// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RouterUpsertEvent } from '../../domain';
import { setLanguage } from '../../i18n';
import { publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { TEST_SETTINGS, TestBoard } from '../../ui/test-support';
import { RouterPanel } from './RouterPanel';
import { RouteMessageForm } from './RouteMessageForm';

const board = setupTestWallboard();
const live = () => publish({ kind: 'connection.status', source: 'bct', at: board.fake.now(), status: 'live' });
const router = (id: string, stats: RouterUpsertEvent['stats']): RouterUpsertEvent => ({ kind: 'router.upsert', source: 'bct', id, stats, at: board.fake.now() });
const config = { ...TEST_SETTINGS, thresholds: { ...TEST_SETTINGS.thresholds, routerQueueLengthWarn: 3, routerQueueLengthAlarm: 5, routerMaxWaitingWarnSec: 30, routerMaxWaitingAlarmSec: 60 } };
const stat = (tile: HTMLElement, name: string) => tile.querySelector<HTMLElement>(`[data-stat="${name}"]`)!;

describe('RouterPanel', () => {
  it('renders nothing while no router is known', () => {
    const { container } = render(<TestBoard><RouterPanel /></TestBoard>);
    expect(container.innerHTML).toBe('');
  });

  it('shows each router with the vendor names as data-stat, raw values, absent figures absent, and the longest wait ticking', () => {
    live();
    publish(router('Sales', { queueLength: 4, maxWaitingSince: board.fake.now() - 25_000, idleAgents: 1, loggedOnAgents: 6 }));
    publish(router('Support', { queueLength: 0 }));
    render(<TestBoard config={config}><RouterPanel /></TestBoard>);
    const tiles = screen.getAllByTestId('router-tile');
    expect(tiles.map((t) => t.dataset.router)).toEqual(['Sales', 'Support']);
    const sales = tiles[0]!;
    expect(stat(sales, 'queueLength').dataset.value).toBe('4');
    expect(stat(sales, 'maxWaitingTime').dataset.value).toBe('25');
    expect(stat(sales, 'idleAgents').dataset.value).toBe('1');
    expect(stat(sales, 'loggedOnAgents').dataset.value).toBe('6');
    expect(stat(sales, 'notReadyAgents').dataset.value).toBeUndefined();
    expect(stat(sales, 'notReadyAgents').textContent).toContain('—');
    expect(sales.className).toContain('sev-border--warn');
    expect(stat(tiles[1]!, 'maxWaitingTime').dataset.value).toBe('0');
    act(() => board.fake.advance(10_000));
    expect(stat(sales, 'maxWaitingTime').dataset.value).toBe('35');
    expect(stat(sales, 'maxWaitingTime').querySelector('[data-severity="warn"]')).not.toBeNull();
  });

  it('speaks German and marks a stale source', () => {
    publish(router('Sales', { queueLength: 6 }));
    act(() => setLanguage('de'));
    try {
      render(<TestBoard config={config}><RouterPanel /></TestBoard>);
      const tile = screen.getByTestId('router-tile');
      expect(tile.dataset.stale).toBe('true');
      expect(tile.textContent).toContain('Warteschlange');
      expect(tile.className).toContain('sev-border--alarm');
    } finally {
      act(() => setLanguage('en'));
    }
  });
});

describe('RouteMessageForm', () => {
  it('sends the message to the chosen router or starter and shows the answer', async () => {
    const sent: unknown[] = [];
    let fail = false;
    const port = {
      source: 'bct' as const,
      routerNames: ['Sales', 'Service'],
      routeMessage: (req: unknown) => {
        sent.push(req);
        return fail ? Promise.reject(new Error('RouteMessage refused: Unknown starter')) : Promise.resolve();
      },
    };
    render(<TestBoard><RouteMessageForm port={port} /></TestBoard>);
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Call back Mr Smith' } });
    fireEvent.change(screen.getByLabelText('Sender name'), { target: { value: 'Wallboard' } });
    fireEvent.submit(screen.getByTestId('route-message-form'));
    await act(async () => {});
    expect(sent).toEqual([{ message: 'Call back Mr Smith', routerName: 'Sales', senderName: 'Wallboard' }]);
    expect(screen.getByTestId('route-message-sent')).toBeTruthy();
    fail = true;
    fireEvent.click(screen.getByLabelText('Starter'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Starter' }), { target: { value: 'Hotline' } });
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'x' } });
    fireEvent.submit(screen.getByTestId('route-message-form'));
    await act(async () => {});
    expect(sent[1]).toEqual({ message: 'x', starterName: 'Hotline', senderName: 'Wallboard' });
    expect(screen.getByTestId('route-message-error').textContent).toBe('RouteMessage refused: Unknown starter');
  });
});
