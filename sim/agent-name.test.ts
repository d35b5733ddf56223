/**
 * `POST /sim/control/agent-name` (issue 15 "Hostile text"): an agent's name on every wire
 * until the next reset, announced at once; 400 / 404 for a bad body / unknown agent.
 */
import { describe, expect, it } from 'vitest';
import { SimModel, manualClock } from './model';
import { buildTruth } from './truth';
import type { ModelChange } from './types';

describe('SimModel.renameAgent', () => {
  it('renames an RTE user and a GC agent in the truth, announces them, and reset restores the roster names', () => {
    const m = new SimModel({ seed: 42, clock: manualClock() });
    const changes: ModelChange[] = [];
    m.onChange((c) => void changes.push(c));
    const rteId = 'a9e47000-0000-4000-8000-000000000001';
    const before = buildTruth(m);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    expect(m.renameAgent(rteId, hostile)).toEqual({ ok: true });
    expect(m.renameAgent('agent2001', `${hostile} gc`)).toEqual({ ok: true });
    expect(m.renameAgent('agent9999', 'x')).toMatchObject({ ok: false, code: 'UNKNOWN_AGENT' });
    const t = buildTruth(m);
    expect(t.rte.users.find((u) => u.id === rteId)?.name).toBe(hostile);
    expect(t.gc.agents.find((a) => a.id === 'agent2001')?.name).toBe(`${hostile} gc`);
    expect(changes.filter((c) => c.kind === 'agent').map((c) => (c as { id: string }).id)).toEqual([rteId, 'agent2001']);
    m.reset();
    expect(buildTruth(m).rte.users.find((u) => u.id === rteId)?.name).toBe(before.rte.users.find((u) => u.id === rteId)?.name);
  });
});
