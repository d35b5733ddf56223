// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MetricThreshold, PanelFilters, QueueUpsertEvent } from '../../domain';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { PanelScopeContext, useThresholdRings } from '../../ui';
import { TestBoard } from '../../ui/test-support';
import { KpiPanel } from './KpiPanel';

const board = setupTestWallboard();
function queue(source: 'gc' | 'rte', id: string, stats: QueueUpsertEvent['stats']): QueueUpsertEvent {
  return { kind: 'queue.upsert', source, at: board.fake.now(), id, name: id, stats };
}
const kpi = (stat: string) => document.querySelector<HTMLElement>(`[data-testid="kpi"][data-stat="${stat}"]`)!;

function Rings() {
  return <span data-testid="rings">{useThresholdRings()}</span>;
}

function renderKpi(filters: PanelFilters = {}, thresholds: Record<string, MetricThreshold> = {}) {
  return render(
    <TestBoard>
      <PanelScopeContext.Provider value={{ panelId: 'k', panelType: 'kpi', filters, thresholds }}>
        <KpiPanel />
        <Rings />
      </PanelScopeContext.Provider>
    </TestBoard>,
  );
}

describe('KpiPanel (issue 13 scope 3)', () => {
  it('totals the filtered queues and counts distinct agents by group, each figure a kpi hook', () => {
    publish(queue('rte', 'q1', { callsWaiting: 2, longestWaitingSince: T0 - 40_000, serviceLevelPct: 90, callsOffered: 10, callsAbandoned: 1 }));
    publish(queue('rte', 'q2', { callsWaiting: 3, longestWaitingSince: T0 - 10_000, serviceLevelPct: 60, callsOffered: 30, callsAbandoned: 4 }));
    publish(queue('gc', 'g1', { callsWaiting: 50, callsAbandoned: 100 }));
    publish({ kind: 'agent.upsert', source: 'rte', id: 'a1', name: 'A', state: 'READY', at: T0 });
    publish({ kind: 'agent.upsert', source: 'rte', id: 'a2', name: 'B', state: 'TALKING', at: T0 });
    publish({ kind: 'agent.upsert', source: 'gc', id: 'a3', name: 'C', state: 'NOT_READY', at: T0 });
    renderKpi({ sources: ['rte'], queues: ['q1', 'q2'] });
    expect(screen.getAllByTestId('kpi')).toHaveLength(7);
    expect(kpi('callsWaiting').dataset.value).toBe('5');
    expect(kpi('longestWaitingSec').dataset.value).toBe('40');
    // Weighted by calls offered: (90×10 + 60×30) / 40 = 67.5 → 68.
    expect(kpi('serviceLevelPct').dataset.value).toBe('68');
    expect(kpi('abandoned').dataset.value).toBe('5');
    expect(kpi('agentsAvailable').dataset.value).toBe('1');
    expect(kpi('agentsOnCalls').dataset.value).toBe('1');
    expect(kpi('agentsNotReady').dataset.value).toBe('0');
    // Board-wide thresholds of the test configuration: 5 waiting ≥ 3 → warning; 40 s ≥ 30 → warning; 68% < 70 → critical.
    expect(kpi('callsWaiting').dataset.severity).toBe('warning');
    expect(kpi('longestWaitingSec').dataset.severity).toBe('warning');
    expect(kpi('serviceLevelPct').dataset.severity).toBe('critical');
    expect(kpi('serviceLevelPct').textContent).toContain('Alarm');
    expect(kpi('abandoned').dataset.severity).toBe('ok');
    act(() => board.fake.advance(2_000));
    expect(kpi('longestWaitingSec').dataset.value).toBe('42');
  });

  it("a panel threshold overrides the board's, reaching a level flashes in its colour and rings the sound once", () => {
    publish(queue('rte', 'q1', { callsWaiting: 1 }));
    renderKpi({}, { callsWaiting: { warning: { value: 2 }, critical: { value: 4, colour: '#ff00ff', flash: true, sound: true } } });
    expect(kpi('callsWaiting').dataset.severity).toBe('ok');
    expect(screen.getByTestId('rings').textContent).toBe('0');
    publish(queue('rte', 'q1', { callsWaiting: 2 }));
    expect(kpi('callsWaiting').dataset.severity).toBe('warning');
    expect(kpi('callsWaiting').dataset.flash).toBeUndefined();
    expect(screen.getByTestId('rings').textContent).toBe('0');
    publish(queue('rte', 'q1', { callsWaiting: 9 }));
    const f = kpi('callsWaiting');
    expect(f.dataset.severity).toBe('critical');
    expect(f.dataset.flash).toBe('true');
    expect(f.className).toContain('figure--flash');
    expect(f.style.getPropertyValue('--threshold-colour')).toBe('#ff00ff');
    expect(f.textContent).toContain('Alarm');
    expect(screen.getByTestId('rings').textContent).toBe('1');
    // Staying critical does not ring again; falling and rising again does.
    publish(queue('rte', 'q1', { callsWaiting: 10 }));
    expect(screen.getByTestId('rings').textContent).toBe('1');
    publish(queue('rte', 'q1', { callsWaiting: 0 }));
    publish(queue('rte', 'q1', { callsWaiting: 5 }));
    expect(screen.getByTestId('rings').textContent).toBe('2');
  });
});
