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

describe('SimModel.renameQueue', () => {
  it('renames an RTE queue in the truth and its QueueStatus signature, announces a tick, and reset restores it', async () => {
    const { rteQueueSignature } = await import('./rte-wire');
    const m = new SimModel({ seed: 42, clock: manualClock() });
    const changes: ModelChange[] = [];
    m.onChange((c) => void changes.push(c));
    const qId = m.queues('rte')[0]!.id;
    const before = m.queues('rte')[0]!.name;
    const sig = rteQueueSignature(m, m.queues('rte')[0]!);
    const hostile = '"><svg onload="window.__pwned=1">';
    expect(m.renameQueue(qId, hostile)).toEqual({ ok: true });
    expect(buildTruth(m).rte.queues.find((q) => q.id === qId)?.name).toBe(hostile);
    expect(rteQueueSignature(m, m.queues('rte')[0]!)).not.toBe(sig);
    expect(changes.some((c) => c.kind === 'tick')).toBe(true);
    expect(m.renameQueue('Sales', 'x')).toMatchObject({ ok: false, code: 'UNKNOWN_QUEUE' });
    m.reset();
    expect(m.queues('rte')[0]!.name).toBe(before);
  });
});

describe('GC team names (gc/team-name)', () => {
  it('the supervisor AgentInfo lists the renamed team until the names are reset', async () => {
    const { gcSupervisorInfo } = await import('./gc-wire');
    const { renameGcTeam, resetGcTeamNames } = await import('./roster');
    expect(gcSupervisorInfo()).toContain('5Customer Care');
    expect(renameGcTeam('5', '<img src=x onerror=1> team')).toBe(true);
    expect(renameGcTeam('99', 'x')).toBe(false);
    expect(gcSupervisorInfo()).toContain('5<img src=x onerror=1> team');
    resetGcTeamNames();
    expect(gcSupervisorInfo()).toContain('5Customer Care');
  });
});
