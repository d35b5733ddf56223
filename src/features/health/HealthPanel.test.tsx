// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import '../../ui/test-support'; // English catalogues
import { HealthChips, HealthPanel } from './HealthPanel';

setupTestWallboard();
const row = (source: string) => document.querySelector<HTMLElement>(`[data-testid="connection-status"][data-source="${source}"]`)!;

describe('HealthPanel', () => {
  it('has one status element per configured source, idle before anything is heard', () => {
    render(<HealthPanel sources={['rte', 'gc']} />);
    expect(screen.getAllByTestId('connection-status').map((e) => `${e.dataset.source}:${e.dataset.status}`)).toEqual([
      'rte:idle',
      'gc:idle',
    ]);
  });

  it('says in words which source is down and why, with counted errors and refused subscriptions', () => {
    publish(
      { kind: 'connection.status', source: 'gc', at: T0, status: 'live' },
      { kind: 'connection.status', source: 'rte', at: T0, status: 'live' },
      {
        kind: 'subscription.result',
        source: 'rte',
        at: T0,
        results: [
          { entityId: 'q1', eventName: 'queuestatus', subscribed: true },
          { entityId: 'a9e47000-0000-4000-8000-000000000099', eventName: 'userstatus', subscribed: false, message: 'Unauthorized' },
        ],
      },
      { kind: 'ingest.error', source: 'rte', at: T0, error: { code: 'malformed-frame', message: '<b>bad</b> frame', at: T0 } },
      { kind: 'ingest.error', source: 'rte', at: T0, error: { code: 'malformed-frame', message: 'another', at: T0 } },
      { kind: 'connection.status', source: 'rte', at: T0 + 1000, status: 'down', reason: 'hub closed: WebSocket closed with status code 1006' },
    );
    const { container } = render(<HealthPanel sources={['rte', 'gc']} />);
    expect(row('rte').dataset.status).toBe('down');
    expect(row('gc').dataset.status).toBe('live');
    expect(row('rte').textContent).toMatch(/Enreach RTE.*Down.*hub closed: WebSocket closed with status code 1006/);
    expect(within(row('rte')).getByTestId('health-error-total').textContent).toBe('2 errors');
    expect(row('rte').textContent).toContain('1 refused');

    const details = row('rte').closest('details')!;
    expect(within(details).getByTestId('health-error-counts').textContent).toContain('malformed-frame 2');
    expect(within(details).getByText(/<b>bad<\/b> frame/)).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
    const refused = within(details).getByTestId('health-subscriptions-refused');
    expect(refused.textContent).toContain('a9e47000-0000-4000-8000-000000000099');
    expect(refused.textContent).toContain('Refused: Unauthorized');
    expect(details.textContent).toContain('Subscriptions: 1 of 2 accepted');
    expect(within(details).getByTestId('health-connects').textContent).toBe('1');
  });
});

describe('HealthChips', () => {
  it('shows each source and its status in words', () => {
    publish({ kind: 'connection.status', source: 'gc', at: T0, status: 'stale', reason: 'no message for 30 s' });
    render(<HealthChips sources={['rte', 'gc']} />);
    const chips = screen.getAllByTestId('health-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['Enreach RTE Idle', 'Generic Connector Stale']);
    expect(chips[1]!.title).toBe('no message for 30 s');
  });
});
