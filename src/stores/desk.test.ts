import { describe, expect, it } from 'vitest';
import type { DeskQueue, DomainEvent } from '../domain';
import { initialDeskState, reduceDesk, type DeskEvent, type DeskState } from './desk';

const at = 1_000;
const q = (id: string, extra: Partial<DeskQueue> = {}): DeskQueue => ({ id, name: id.toUpperCase(), escalation: 'Normal', callsInQueue: 1, ...extra });
const queues = (dataState: 'ENABLED' | 'ADDED' | 'UPDATED' | 'DELETED' | 'DISABLED', list: DeskQueue[]): DeskEvent => ({ kind: 'desk.queues', source: 'cil', at, dataState, queues: list });
const ids = (s: DeskState) => [...s.queues.keys()];

function run(events: DeskEvent[], state = initialDeskState()): DeskState {
  return reduceDesk(state, events);
}

describe('desk reducer: queueDataUpdate dataState rules (NOTES.md §2)', () => {
  it('ENABLED replaces the whole set', () => {
    const s = run([queues('ENABLED', [q('a'), q('b')]), queues('ENABLED', [q('c')])]);
    expect(ids(s)).toEqual(['c']);
  });

  it('ADDED and UPDATED upsert, keeping figures the update does not carry', () => {
    const s = run([
      queues('ENABLED', [q('a', { callsInQueue: 3, longestCallSince: 500 })]),
      queues('ADDED', [q('b')]),
      queues('UPDATED', [{ id: 'a', escalation: 'Critical', callsInQueue: 5 }]),
    ]);
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.queues.get('a')).toEqual({ id: 'a', name: 'A', escalation: 'Critical', callsInQueue: 5, longestCallSince: 500 });
  });

  it('an update to zero calls clears the longest call', () => {
    const s = run([queues('ENABLED', [q('a', { callsInQueue: 3, longestCallSince: 500 })]), queues('UPDATED', [{ id: 'a', callsInQueue: 0 }])]);
    expect(s.queues.get('a')).not.toHaveProperty('longestCallSince');
  });

  it('DELETED removes by id; DISABLED clears', () => {
    const s1 = run([queues('ENABLED', [q('a'), q('b'), q('c')]), queues('DELETED', [{ id: 'b' }])]);
    expect(ids(s1)).toEqual(['a', 'c']);
    const s2 = run([queues('DISABLED', [])], s1);
    expect(ids(s2)).toEqual([]);
  });

  it('returns the same state when nothing changed', () => {
    const s = initialDeskState();
    expect(run([queues('DELETED', [{ id: 'x' }]), queues('DISABLED', [])], s)).toBe(s);
  });
});

describe('desk reducer: channels and work items', () => {
  it('channel state replaces reason as a group; time in state from the vendor, else receipt on change', () => {
    let s = run([{ kind: 'desk.channel', source: 'cil', at: 100, id: 'voice_5000', state: 'NotReady', reasonCode: '2', reasonLabel: 'Lunch', stateSince: 90 }]);
    expect(s.channels.get('voice_5000')).toEqual({ id: 'voice_5000', state: 'NotReady', reasonCode: '2', reasonLabel: 'Lunch', stateSince: 90 });
    s = run([{ kind: 'desk.channel', source: 'cil', at: 200, id: 'voice_5000', state: 'Ready' }], s);
    expect(s.channels.get('voice_5000')).toEqual({ id: 'voice_5000', state: 'Ready', stateSince: 200 });
    const same = run([{ kind: 'desk.channel', source: 'cil', at: 300, id: 'voice_5000', state: 'Ready' }], s);
    expect(same).toBe(s);
  });

  it('a work item lives from create to end: patches merge, call variables merge, Ended removes', () => {
    const w = (e: Partial<Extract<DomainEvent, { kind: 'desk.workitem' }>>, t = at): DeskEvent => ({ kind: 'desk.workitem', source: 'cil', at: t, id: '1', ...e });
    let s = run([w({ state: 'Offered', ani: '+41', direction: 'Incoming', callVariables: { callVariable1: 'a' } })]);
    s = run([w({ state: 'Active', connectedAt: 1_500 }, 1_500)], s);
    s = run([w({ callVariables: { callVariable2: 'b' } }, 1_600)], s);
    expect(s.workItems.get('1')).toEqual({
      id: '1',
      state: 'Active',
      ani: '+41',
      direction: 'Incoming',
      connectedAt: 1_500,
      callVariables: { callVariable1: 'a', callVariable2: 'b' },
      stateSince: 1_500,
    });
    s = run([w({ state: 'Wrapup', wrapUpReason: 'Documentation' }, 2_000)], s);
    expect(s.workItems.get('1')).toMatchObject({ state: 'Wrapup', wrapUpReason: 'Documentation', stateSince: 2_000 });
    s = run([w({ state: 'EndedTransferred' }, 3_000)], s);
    expect(s.workItems.size).toBe(0);
  });

  it('desk.sync removes work items it does not list (no ghost call after a resync)', () => {
    let s = run([
      { kind: 'desk.workitem', source: 'cil', at, id: '1', state: 'Active' },
      { kind: 'desk.workitem', source: 'cil', at, id: '2', state: 'Active' },
    ]);
    s = run([{ kind: 'desk.sync', source: 'cil', at, workItemIds: ['2'], agent: { firstName: 'Ann' } }], s);
    expect([...s.workItems.keys()]).toEqual(['2']);
    expect(s.agent).toEqual({ firstName: 'Ann' });
  });

  it('a call variable named __proto__ is stored as data, not as the prototype', () => {
    const vars = JSON.parse('{"__proto__":"x","callVariable1":"1"}') as Record<string, string>;
    const s = run([{ kind: 'desk.workitem', source: 'cil', at, id: '1', state: 'Active', callVariables: vars }]);
    const cv = s.workItems.get('1')!.callVariables;
    expect(Object.getPrototypeOf(cv)).toBe(Object.prototype);
    expect(Object.keys(cv)).toContain('callVariable1');
  });

  it('keeps the latest unclaimed vendor error', () => {
    const s = run([{ kind: 'desk.notice', source: 'cil', at: 5, message: 'Phone is out of service' }]);
    expect(s.notice).toEqual({ message: 'Phone is out of service', at: 5 });
  });
});
