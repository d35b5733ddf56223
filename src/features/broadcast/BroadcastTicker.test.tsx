// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, setClock } from '../../lib/clock';
import { createFakeScheduler } from '../../lib/scheduler';
import { applyBroadcastEvents, resetBroadcast } from '../../stores';
import { setupTestWallboard } from '../../stores/test-support';
import { TestBoard } from '../../ui/test-support';
import { BroadcastTicker } from './BroadcastTicker';

setupTestWallboard();
afterEach(() => resetBroadcast());

describe('BroadcastTicker', () => {
  it('shows the messages in force as text, most severe first, and none once they expired', () => {
    const now = 1_764_568_800_000;
    const scheduler = createFakeScheduler(now);
    const previous = setClock(createClock({ now: () => scheduler.now(), scheduler }));
    try {
      const { container } = render(
        <TestBoard>
          <BroadcastTicker />
        </TestBoard>,
      );
      expect(screen.queryAllByTestId('broadcast')).toHaveLength(0);
      act(() =>
        applyBroadcastEvents([
          {
            kind: 'broadcast.snapshot',
            at: now,
            messages: [
              { id: 'a', text: '<img src=x onerror=alert(1)>', severity: 'info', postedAt: now, expiresAt: now + 60_000 },
              { id: 'b', text: 'Queue overflow', severity: 'critical', postedAt: now - 1000, expiresAt: now + 5_000 },
              { id: 'c', text: 'old', severity: 'warning', postedAt: now - 9000, expiresAt: now - 1 },
            ],
          },
        ]),
      );
      const items = screen.getAllByTestId('broadcast');
      expect(items.map((i) => [i.getAttribute('data-broadcast-id'), i.getAttribute('data-severity')])).toEqual([
        ['b', 'critical'],
        ['a', 'info'],
      ]);
      expect(items[1]?.textContent).toContain('<img src=x onerror=alert(1)>');
      expect(container.querySelector('img')).toBeNull();
      expect(items[0]?.textContent).toContain('Critical');
      // The shared clock passes the critical one's expiry, then the other's.
      act(() => scheduler.advance(5_000));
      expect(screen.getAllByTestId('broadcast').map((i) => i.getAttribute('data-broadcast-id'))).toEqual(['a']);
      act(() => scheduler.advance(55_000));
      expect(screen.queryAllByTestId('broadcast')).toHaveLength(0);
    } finally {
      setClock(previous);
    }
  });
});
