// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QueueUpsertEvent } from '../../domain';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { missingKeyCount, setLanguage } from '../../i18n';
import { PanelScopeContext } from '../../ui';
import { TestBoard } from '../../ui/test-support';
import { QueuePanel, QUEUES_VIRTUALISE_ABOVE, loadVirtualQueueRows } from './QueuePanel';
import { QueueTile } from './QueueTile';

// The virtualised rows are a lazy chunk (the supervisor page preloads it, as here).
beforeAll(() => loadVirtualQueueRows());

const board = setupTestWallboard();
function status(source: 'gc' | 'rte', s: 'live' | 'down') {
  publish({ kind: 'connection.status', source, at: board.fake.now(), status: s });
}
function queue(source: 'gc' | 'rte', id: string, name: string, stats: QueueUpsertEvent['stats']): QueueUpsertEvent {
  return { kind: 'queue.upsert', source, at: board.fake.now(), id, name, stats };
}
const fig = (id: string) => screen.getByTestId(id);

describe('QueueTile', () => {
  it('writes raw numbers to data-value and shows an em dash with an explanation for absent figures', () => {
    status('gc', 'live');
    publish(queue('gc', 'Sales', 'Sales', { callsWaiting: 1, agentsReady: 2, agentsNotReady: 0, agentsTalking: 3 }));
    render(<TestBoard><QueueTile queueKey="gc:Sales" /></TestBoard>);
    const tile = screen.getByTestId('queue-tile');
    expect(tile.dataset).toMatchObject({ queueId: 'Sales', source: 'gc', stale: 'false' });
    expect(fig('queue-calls-waiting').dataset.value).toBe('1');
    expect(fig('queue-agents-ready').dataset.value).toBe('2');
    expect(fig('queue-agents-not-ready').dataset.value).toBe('0');
    expect(fig('queue-agents-not-ready').textContent).toContain('0');
    expect(fig('queue-agents-talking').dataset.value).toBe('3');
    // Each figure names itself in data-stat (docs/CONTRACTS.md "Board test hooks").
    const stats = [...tile.querySelectorAll<HTMLElement>('[data-stat]')].map((e) => e.dataset.stat);
    expect(stats).toEqual(['callsWaiting', 'longestWaitingSec', 'serviceLevelPct', 'agentsReady', 'agentsNotReady', 'agentsTalking', 'agentsWrapUp']);
    expect(tile.querySelector('[data-stat="callsWaiting"]')!.getAttribute('data-value')).toBe('1');
    // Absent: never zero.
    for (const id of ['queue-agents-wrapup', 'queue-longest-waiting', 'queue-service-level']) {
      expect(fig(id).dataset.value, id).toBeUndefined();
      expect(fig(id).textContent, id).toContain('—');
    }
    expect(fig('queue-service-level').title).toMatch(/sends no service-level data/);
    expect(screen.queryByTestId('queue-calls-handled')).toBeNull();
    expect(screen.queryByTestId('queue-calls-abandoned')).toBeNull();
  });

  it('ticks the longest wait from longestWaitingSince and colours by thresholds with words', () => {
    status('rte', 'live');
    publish(
      queue('rte', 'q1', 'Switchboard', {
        callsWaiting: 7,
        longestWaitingSince: T0 - 28_000,
        serviceLevelPct: 75.4,
        callsHandled: 40,
        callsAbandoned: 3,
      }),
    );
    render(<TestBoard><QueueTile queueKey="rte:q1" /></TestBoard>);
    const lw = fig('queue-longest-waiting');
    expect(lw.dataset.value).toBe('28');
    expect(lw.textContent).toContain('0:28');
    expect(lw.className).toContain('sev--ok');
    act(() => board.fake.advance(3_000));
    expect(fig('queue-longest-waiting').dataset.value).toBe('31');
    expect(fig('queue-longest-waiting').textContent).toContain('0:31');
    expect(fig('queue-longest-waiting').textContent).toContain('High');
    expect(fig('queue-calls-waiting').textContent).toContain('Alarm');
    expect(fig('queue-service-level').dataset.value).toBe('75');
    expect(fig('queue-service-level').textContent).toContain('75%');
    expect(fig('queue-service-level').textContent).toContain('High');
    expect(fig('queue-calls-handled').dataset.value).toBe('40');
    expect(fig('queue-calls-abandoned').dataset.value).toBe('3');
  });

  it('is marked stale, keeping its last values, while its source is not live', () => {
    status('rte', 'live');
    publish(queue('rte', 'q1', 'Switchboard', { callsWaiting: 2, agentsReady: 4 }));
    render(<TestBoard><QueueTile queueKey="rte:q1" /></TestBoard>);
    status('rte', 'down');
    const tile = screen.getByTestId('queue-tile');
    expect(tile.dataset.stale).toBe('true');
    expect(within(tile).getByText('stale')).toBeTruthy();
    expect(fig('queue-calls-waiting').dataset.value).toBe('2');
    expect(fig('queue-agents-ready').dataset.value).toBe('4');
    status('rte', 'live');
    expect(screen.getByTestId('queue-tile').dataset.stale).toBe('false');
  });

  it('renders a hostile queue name as text', () => {
    status('gc', 'live');
    const hostile = '<img src=x onerror=alert(1)>';
    publish(queue('gc', 'x', hostile, { callsWaiting: 0 }));
    const { container } = render(<TestBoard><QueuePanel /></TestBoard>);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
  });
});

describe('QueuePanel', () => {
  it('shows one tile per queue, in the stores order', () => {
    status('gc', 'live');
    status('rte', 'live');
    publish(queue('gc', 'Sales', 'Sales', { callsWaiting: 1 }), queue('rte', 'q2', 'Helpdesk', {}), queue('rte', 'q1', 'Switchboard', {}));
    render(<TestBoard><QueuePanel /></TestBoard>);
    expect(screen.getAllByTestId('queue-tile').map((t) => `${t.dataset.source}:${t.dataset.queueId}`)).toEqual([
      'rte:q2',
      'rte:q1',
      'gc:Sales',
    ]);
    expect(screen.queryByTestId('queue-virtual')).toBeNull();
  });

  it(`virtualises rows above ${QUEUES_VIRTUALISE_ABOVE} queues: only the rows in view are in the DOM, and a queue's change reaches its tile`, () => {
    // jsdom lays nothing out: give the scroller a size so that the virtualiser renders rows.
    const size = (px: number) =>
      function (this: HTMLElement) {
        return this.dataset['testid'] === 'queue-virtual' ? px : 0;
      };
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(size(400));
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(size(1000));
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('queue-row') ? 130 : 0;
    });
    status('rte', 'live');
    const n = 300;
    const id = (i: number) => `q${String(i).padStart(3, '0')}`;
    publish(...Array.from({ length: n }, (_, i) => queue('rte', id(i), `Queue ${i}`, { callsWaiting: i % 7 })));
    render(<TestBoard><QueuePanel /></TestBoard>);
    expect(screen.getByTestId('queue-virtual')).toBeTruthy();
    const tiles = () => screen.getAllByTestId('queue-tile');
    // 1000 px at 16 rem + 0.5 rem gap: 3 columns; 400 px of 130 px rows plus 3 rows overscan.
    expect(tiles().length).toBeGreaterThan(0);
    expect(tiles().length).toBeLessThanOrEqual(3 * 8);
    expect(tiles().slice(0, 4).map((t) => t.dataset.queueId)).toEqual([id(0), id(1), id(2), id(3)]);
    expect(screen.getByText(String(n))).toBeTruthy();
    publish(queue('rte', id(1), 'Queue 1', { callsWaiting: 42 }));
    const tile = tiles().find((t) => t.dataset.queueId === id(1))!;
    expect(within(tile).getByTestId('queue-calls-waiting').dataset.value).toBe('42');
    vi.restoreAllMocks();
  });
});

describe('QueuePanel heading', () => {
  it('is labelled by a heading whose id is unique per panel on a designed board (the same type twice)', () => {
    publish(queue('gc', 'Sales', 'Sales', { callsWaiting: 1 }));
    const scoped = (panelId: string) => (
      <PanelScopeContext.Provider value={{ panelId, panelType: 'queues', filters: {}, thresholds: {} }}>
        <QueuePanel />
      </PanelScopeContext.Provider>
    );
    render(<TestBoard><QueuePanel />{scoped('a')}{scoped('b')}</TestBoard>);
    const sections = [...document.querySelectorAll('section.queue-panel')];
    const ids = sections.map((s) => s.getAttribute('aria-labelledby'));
    expect(ids).toEqual(['queues-title', 'panel-a-queues-title', 'panel-b-queues-title']);
    for (const [i, s] of sections.entries()) expect(document.getElementById(ids[i]!)!.closest('section')).toBe(s);
  });
});

describe('QueueTile in German', () => {
  afterEach(() => setLanguage('en'));

  it('takes every word from the de catalogue and formats numbers in the de locale', () => {
    setLanguage('de');
    status('rte', 'live');
    publish(queue('rte', 'q1', 'Switchboard', { callsWaiting: 7, longestWaitingSince: T0 - 31_000, serviceLevelPct: 75.4, callsAbandoned: 1200 }));
    const before = missingKeyCount();
    render(<TestBoard><QueuePanel /></TestBoard>);
    expect(document.querySelector('#queues-title')!.textContent).toContain('Warteschlangen');
    expect(fig('queue-calls-waiting').textContent).toContain('Wartende Anrufe');
    expect(fig('queue-calls-waiting').textContent).toContain('Alarm');
    expect(fig('queue-longest-waiting').textContent).toContain('Längste Wartezeit');
    expect(fig('queue-longest-waiting').textContent).toContain('Hoch');
    expect(fig('queue-service-level').textContent).toMatch(/75\s%/);
    expect(fig('queue-calls-abandoned').textContent).toContain('1.200');
    expect(fig('queue-calls-abandoned').dataset.value).toBe('1200');
    expect(screen.getByTestId('queue-tile').getAttribute('aria-label')).toBe('Warteschlange Switchboard');
    expect(missingKeyCount()).toBe(before);
  });
});

describe('QueueTile: Generic Connector UCCE and UCCX figures (issue 9)', () => {
  const statsOf = (tile: HTMLElement) =>
    Object.fromEntries([...tile.querySelectorAll<HTMLElement>('[data-stat]')].map((e) => [e.dataset.stat, e.dataset.value ?? null]));

  it('UCCE: the talking and wrap-up breakdown by the issue\'s data-stat names; a count the payload lacks is absent, not zero', () => {
    status('gc', 'live');
    publish(
      queue('gc', 'Sales', 'Sales', {
        callsWaiting: 2,
        longestWaitingSince: T0 - 12_000,
        agentsReady: 1,
        agentsNotReady: 0,
        agentsTalkingInbound: 3,
        agentsTalkingOutbound: 0,
        agentsWrapUpNotReady: 1,
        agentsTalking: 3,
        agentsWrapUp: 1,
      }),
    );
    render(<TestBoard><QueueTile queueKey="gc:Sales" /></TestBoard>);
    const s = statsOf(screen.getByTestId('queue-tile'));
    expect(s).toMatchObject({
      callsWaiting: '2',
      longestWaitingSec: '12',
      agentsReady: '1',
      agentsNotReady: '0',
      talkingInbound: '3',
      talkingOutbound: '0',
      talkingInternal: null,
      wrapUpReady: null,
      wrapUpNotReady: '1',
    });
    expect(fig('queue-talking-internal').textContent).toContain('—');
    // No UCCX row on a UCCE queue.
    expect(screen.queryByTestId('queue-agents-logged-in')).toBeNull();
  });

  it('UCCX: CSQ figures with the issue\'s names, service level labelled handled ÷ presented; absent ones absent', () => {
    status('gc', 'live');
    publish(
      queue('gc', 'queue_1', 'Sales CSQ', {
        callsWaiting: 0,
        agentsLoggedIn: 9,
        agentsWrapUp: 1,
        agentsTalking: 4,
        callsHandled: 120,
        callsOffered: 126,
        serviceLevelPct: (120 / 126) * 100,
        longestHandleTimeSec: 845,
      }),
    );
    render(<TestBoard><QueueTile queueKey="gc:queue_1" /></TestBoard>);
    const tile = screen.getByTestId('queue-tile');
    expect(within(tile).getByRole('heading').textContent).toBe('Sales CSQ');
    expect(statsOf(tile)).toMatchObject({
      callsWaiting: '0',
      agentsLoggedIn: '9',
      agentsWrapUp: '1',
      agentsTalking: '4',
      agentsReserved: null,
      handled: '120',
      total: '126',
      longestHandleTimeSec: '845',
      serviceLevelPct: '95',
    });
    expect(tile.querySelector('[data-stat="abandoned"]')).toBeNull();
    expect(fig('queue-longest-handle-time').textContent).toContain('14:05');
    expect(fig('queue-service-level').textContent).toContain('Handled %');
    expect(fig('queue-service-level').title).toMatch(/handled ÷ calls presented/);
    // No UCCE breakdown on a UCCX queue.
    expect(screen.queryByTestId('queue-talking-inbound')).toBeNull();
  });
});
