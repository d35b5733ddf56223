// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QueueCallEvent, QueueCallStep } from '../../domain';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { TestBoard } from '../../ui/test-support';
import { AlarmsPanel } from '../alarms';
import { CallbacksPanel } from '../callbacks';
import { AgentTile } from '../agents/AgentTile';
import { QueueTile } from './QueueTile';

const board = setupTestWallboard();
const step = (callId: string, s: QueueCallStep, extra: Partial<QueueCallEvent> = {}): QueueCallEvent => ({
  kind: 'queue.call', source: 'rte', queueId: 'q1', callId, step: s, at: board.fake.now(), ...extra,
});

describe('calls in a queue, on demand', () => {
  it('lists calls with their outcome hooks only once opened; waiting time ticks', () => {
    publish({ kind: 'connection.status', source: 'rte', at: T0, status: 'live' });
    publish({ kind: 'queue.upsert', source: 'rte', at: T0, id: 'q1', name: 'Switchboard', stats: { callsWaiting: 1, openStatus: 6 } });
    publish(step('a', 'arrived', { callerNumber: '••••4567' }), step('b', 'arrived'), step('b', 'disconnected'), step('c', 'connected', { agentName: 'ann' }));
    render(<TestBoard><QueueTile queueKey="rte:q1" /></TestBoard>);
    expect(screen.getByTestId('queue-open-status').dataset.value).toBe('6');
    expect(screen.getByTestId('queue-open-status').textContent).toBe('Open (uncertain)');
    expect(screen.queryAllByTestId('queue-call')).toHaveLength(0);
    const toggle = screen.getByTestId('queue-calls-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('Calls (2)');
    fireEvent.click(toggle);
    const rows = screen.getAllByTestId('queue-call');
    expect(rows.map((r) => [r.dataset.callId, r.dataset.queueId, r.dataset.outcome])).toEqual([
      ['a', 'q1', 'waiting'],
      ['c', 'q1', 'connected'],
      ['b', 'q1', 'abandoned'],
    ]);
    expect(rows[0]!.textContent).toContain('••••4567');
    act(() => board.fake.advance(5_000));
    expect(screen.getAllByTestId('queue-call-wait')[0]!.dataset.value).toBe('5');
    // c was already in the queue when the board began listening: its wait is "at least"
    expect(screen.getAllByTestId('queue-call-wait')[1]!.textContent).toContain('≥');
  });

  it('shows the day statistics computed by the wallboard, with the spans it did not see', () => {
    publish({ kind: 'queue.upsert', source: 'rte', at: T0, id: 'q2', name: 'Helpdesk', stats: {} });
    publish({
      kind: 'queue.dayStats', source: 'rte', at: T0,
      stats: { queueId: 'q2', day: '2026-11-22', since: T0 - 3_600_000, offered: 7, answered: 5, abandoned: 1, shortAbandoned: 0, overflowed: 1, transferred: 0, answeredWithinThreshold: 4, avgWaitSec: 12, serviceLevelPct: 66.7, thresholdSec: 20, shortAbandonSec: 5, unseen: [[T0 - 3_600_000, T0 - 600_000]] },
    });
    render(<TestBoard><QueueTile queueKey="rte:q2" /></TestBoard>);
    const v = (stat: string) => document.querySelector(`[data-stat="${stat}"]`)?.getAttribute('data-value');
    expect([v('offered'), v('answered'), v('abandoned'), v('overflowed'), v('avgWaitSec')]).toEqual(['7', '5', '1', '1', '12']);
    expect(screen.getByTestId('queue-day-stats').textContent).toContain('Computed by the wallboard');
    expect(screen.getByTestId('stats-unseen').dataset).toMatchObject({ from: String(T0 - 3_600_000), to: String(T0 - 600_000) });
  });
});

describe('alarms and callback lists panels', () => {
  it('an alarm shows its hooks, words and vendor text as text', () => {
    publish({ kind: 'alarm.raise', source: 'rte', id: 'al-1', condition: '<b>Queue length</b>', value: '7', threshold: '5', severity: 'alarm', at: T0 });
    const { container } = render(<TestBoard><AlarmsPanel /></TestBoard>);
    const a = screen.getByTestId('alarm');
    expect(a.dataset).toMatchObject({ alarmId: 'al-1', source: 'rte', severity: 'alarm', state: 'active' });
    expect(a.textContent).toContain('Alarm');
    expect(screen.getByTestId('alarm-condition').textContent).toBe('<b>Queue length</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('a callback list shows every figure as data-stat / data-value, absent when not sent', () => {
    publish({ kind: 'connection.status', source: 'rte', at: T0, status: 'live' });
    publish({ kind: 'callbackList.status', source: 'rte', id: 'l1', figures: { open: 9, assigned: 2, overdue: 0 }, at: T0 });
    render(<TestBoard><CallbacksPanel /></TestBoard>);
    const tile = screen.getByTestId('callback-list');
    expect(tile.dataset.listId).toBe('l1');
    const figs = Object.fromEntries([...tile.querySelectorAll<HTMLElement>('[data-stat]')].map((e) => [e.dataset.stat, e.dataset.value]));
    expect(figs).toEqual({ open: '9', assigned: '2', freeForAllocation: undefined, overdue: '0', dueNextHour: undefined, expiringToday: undefined, servingAgents: undefined });
  });
});

describe('RTE presence on the agent tile', () => {
  it('presence, note, end, time on call and "since seen"', () => {
    publish({ kind: 'connection.status', source: 'rte', at: T0, status: 'live' });
    publish({
      kind: 'agent.upsert', source: 'rte', id: 'u1', name: 'Ann', state: 'NOT_READY', reasonLabel: 'Dentist', stateSince: T0, stateSinceSeen: true,
      presence: 'Busy', presenceNote: 'Dentist', presenceUntil: T0 + 3_600_000, at: T0,
    });
    render(<TestBoard><AgentTile agentKey="rte:u1" /></TestBoard>);
    expect(screen.getByTestId('agent-presence').dataset).toMatchObject({ presence: 'Busy', until: String(T0 + 3_600_000) });
    expect(screen.getByTestId('agent-presence').textContent).toContain('Busy');
    expect(screen.getByTestId('agent-time-in-state').dataset.sinceSeen).toBe('true');
    publish({ kind: 'agent.upsert', source: 'rte', id: 'u1', state: 'TALKING', stateSince: T0, callSince: T0, presence: 'Available', at: T0 });
    act(() => board.fake.advance(3_000));
    expect(screen.getByTestId('agent-time-on-call').dataset.value).toBe('3');
    expect(screen.getByTestId('agent-time-in-state').dataset.sinceSeen).toBeUndefined();
  });
});
