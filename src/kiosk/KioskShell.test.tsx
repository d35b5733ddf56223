// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildConfigSchema, parseConfig } from '../config';
import { publishNow, setupTestWallboard, T0 } from '../stores/test-support';
import '../ui/test-support'; // English catalogues
import { createKioskClock } from './kiosk-clock';
import { KioskShell, type KioskBoard } from './KioskShell';

setupTestWallboard();

const board = (id: string, title: string) => ({ id, title, columns: 12, rows: 12, panels: [] });
const config = parseConfig(
  {
    title: 'Wall',
    boards: [board('a', 'Board A'), board('b', 'Board B'), board('c', 'Board C')],
    kiosk: {
      timeZone: 'UTC',
      rotation: [
        { board: 'a', durationSec: 30 },
        { board: 'b', durationSec: 10 },
        { board: 'c', durationSec: 20 },
      ],
      configPollSec: 3600,
    },
    sources: {},
  },
  'config.json',
  buildConfigSchema({}),
);
const MIDNIGHT = Date.parse('2026-12-01T00:00:00Z');

function renderShell() {
  const clock = createKioskClock(MIDNIGHT);
  const rendered: string[] = [];
  const renderBoard = (b: KioskBoard) => {
    const id = b && !('missing' in b) ? b.id : 'none';
    rendered.push(id);
    return <div data-testid="board-under-test">{id}</div>;
  };
  render(
    <KioskShell config={config} settings={config.kiosk} clock={clock} sources={[]} fallback={undefined} renderBoard={renderBoard} reloadConfig={() => new Promise(() => undefined)} />,
  );
  return { clock, rendered, kiosk: () => screen.getByTestId('kiosk') };
}

describe('KioskShell', () => {
  it('shows the rotation on its clock, renders a board once per change, and says which board is next', () => {
    const { clock, rendered, kiosk } = renderShell();
    expect(kiosk().dataset).toMatchObject({ boardId: 'a', page: '1', pages: '3', night: '', held: '' });
    expect(kiosk().hasAttribute('inert')).toBe(true);
    act(() => clock.set(MIDNIGHT + 30_000));
    expect(kiosk().dataset.boardId).toBe('b');
    act(() => clock.advance(10_000));
    expect(kiosk().dataset).toMatchObject({ boardId: 'c', page: '3' });
    // Each board rendered once per switch (StrictMode off here): a, b, c.
    expect([...new Set(rendered)]).toEqual(['a', 'b', 'c']);
  });

  it('a raised critical alarm holds the board and shows the alarm; cleared, the rotation goes on', () => {
    const { clock, kiosk } = renderShell();
    act(() => publishNow({ kind: 'alarm.raise', source: 'rte', at: T0, id: 'x', condition: 'Queue length', value: '9', entityName: 'Sales', severity: 'alarm' }));
    expect(kiosk().dataset.held).toBe('alarm');
    expect(screen.getByTestId('kiosk-alarm').textContent).toBe('Sales: Queue length (9)');
    act(() => clock.set(MIDNIGHT + 35_000));
    expect(kiosk().dataset.boardId).toBe('a');
    // A warning does not hold anything.
    act(() => publishNow({ kind: 'alarm.clear', source: 'rte', at: T0 + 1, id: 'x' }));
    act(() => publishNow({ kind: 'alarm.raise', source: 'rte', at: T0 + 2, id: 'y', condition: 'Switchboard', severity: 'warn' }));
    act(() => clock.advance(1_000));
    expect(kiosk().dataset).toMatchObject({ held: '', boardId: 'b' });
    expect(screen.queryByTestId('kiosk-alarm-hold')).toBeNull();
  });
});
