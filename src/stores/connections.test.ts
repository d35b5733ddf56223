import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../domain';
import { LAST_MESSAGE_RESOLUTION_MS, MAX_RECENT_ERRORS, idleHealth, initialConnectionsState, reduceConnections, type ConnectionsState } from './connections';

const T0 = 1_763_777_000_000;

function run(events: readonly unknown[], state: ConnectionsState = initialConnectionsState()): ConnectionsState {
  return reduceConnections(state, events as readonly DomainEvent[]);
}
const status = (s: string, at: number, reason?: string, source = 'rte') => ({ kind: 'connection.status', source, status: s, at, reason });

describe('reduceConnections', () => {
  it('tracks status changes, since, reason and connects', () => {
    let s = run([status('connecting', T0)]);
    expect(s.bySource.rte).toMatchObject({ status: 'connecting', since: T0, connects: 0 });
    s = run([status('live', T0 + 100)], s);
    expect(s.bySource.rte).toMatchObject({ status: 'live', since: T0 + 100, connects: 1 });
    const live = s;
    expect(run([status('live', T0 + 200)], live)).toBe(live);
    s = run([status('down', T0 + 300, 'hub closed'), status('connecting', T0 + 400), status('live', T0 + 500)], s);
    expect(s.bySource.rte).toMatchObject({ status: 'live', since: T0 + 500, connects: 2, reason: undefined });
    s = run([status('live', T0 + 600, 'resubscribed')], s);
    expect(s.bySource.rte).toMatchObject({ since: T0 + 500, reason: 'resubscribed' });
  });

  it('moves lastMessageAt with any message from that source, not with status or error events', () => {
    let s = run([status('live', T0)]);
    expect(s.bySource.rte?.lastMessageAt).toBeUndefined();
    s = run([{ kind: 'queue.upsert', source: 'rte', id: 'q', at: T0 + 10, stats: {} }, { kind: 'agent.upsert', source: 'rte', id: 'a', at: T0 + 20 }], s);
    expect(s.bySource.rte?.lastMessageAt).toBe(T0 + 20);
    const before = s;
    s = run([{ kind: 'ingest.error', source: 'rte', at: T0 + 30, error: { code: 'malformed-frame', message: 'x', at: T0 + 30 } }], s);
    expect(s.bySource.rte?.lastMessageAt).toBe(T0 + 20);
    expect(s.bySource.gc).toBeUndefined();
    expect(before.bySource.rte?.errorCounts).toEqual({});
  });

  it('republishes a source for lastMessageAt only in steps of a second (the health row is not re-rendered per message)', () => {
    let s = run([status('live', T0), { kind: 'agent.upsert', source: 'rte', id: 'a', at: T0 + 10 }]);
    const first = s.bySource.rte;
    s = run([{ kind: 'agent.upsert', source: 'rte', id: 'a', at: T0 + 500 }], s);
    expect(s.bySource.rte).toBe(first);
    s = run([{ kind: 'agent.upsert', source: 'rte', id: 'a', at: T0 + 10 + LAST_MESSAGE_RESOLUTION_MS }], s);
    expect(s.bySource.rte?.lastMessageAt).toBe(T0 + 10 + LAST_MESSAGE_RESOLUTION_MS);
    // Anything else that changes publishes the latest message time with it.
    s = run([{ kind: 'agent.upsert', source: 'rte', id: 'a', at: T0 + 1100 + LAST_MESSAGE_RESOLUTION_MS }, status('live', T0 + 1200 + LAST_MESSAGE_RESOLUTION_MS, 'resubscribed')], s);
    expect(s.bySource.rte).toMatchObject({ lastMessageAt: T0 + 1100 + LAST_MESSAGE_RESOLUTION_MS, reason: 'resubscribed' });
  });

  it('counts errors by code and keeps the 20 most recent, newest first', () => {
    const errs = Array.from({ length: 25 }, (_, i) => ({
      kind: 'ingest.error',
      source: 'gc',
      at: T0 + i,
      error: { code: i % 2 ? 'wrong-type' : 'malformed-frame', message: `e${i}`, at: T0 + i },
    }));
    let s = run(errs.slice(0, 5));
    s = run(errs.slice(5), s);
    const h = s.bySource.gc;
    expect(h?.errorCounts).toEqual({ 'malformed-frame': 13, 'wrong-type': 12 });
    expect(h?.recentErrors).toHaveLength(MAX_RECENT_ERRORS);
    expect(h?.recentErrors[0]?.message).toBe('e24');
    expect(h?.recentErrors[19]?.message).toBe('e5');
    const s2 = run([errs[0]], s);
    expect(s2.bySource.gc?.recentErrors[0]?.message).toBe('e0');
    expect(s2.bySource.gc?.recentErrors[1]?.message).toBe('e24');
    expect(s2.bySource.gc?.recentErrors).toHaveLength(20);
  });

  it('stores subscription results by eventName:entityId', () => {
    const s = run([
      {
        kind: 'subscription.result',
        source: 'rte',
        at: T0,
        results: [
          { entityId: 'u1', eventName: 'userstatus', subscribed: true },
          { entityId: 'u99', eventName: 'userstatus', subscribed: false, message: 'Unauthorized' },
        ],
      },
    ]);
    expect(s.bySource.rte?.subscriptions['userstatus:u99']).toMatchObject({ subscribed: false, message: 'Unauthorized' });
    expect(s.bySource.rte?.subscriptions['userstatus:u1']?.subscribed).toBe(true);
  });

  it('counts each ingest.error once, by code, with its reason; other sources untouched', () => {
    const s0 = run([status('live', T0)]);
    const bad = { kind: 'ingest.error', source: 'gc', at: T0 + 1, error: { code: 'invalid-event', message: 'agent.upsert: id: must be a non-empty string', at: T0 + 1 } };
    const s1 = run([bad], s0);
    expect(s1.bySource.gc?.errorCounts).toEqual({ 'invalid-event': 1 });
    expect(s1.bySource.gc?.recentErrors).toEqual([{ code: 'invalid-event', message: 'agent.upsert: id: must be a non-empty string', at: T0 + 1 }]);
    expect(s1.bySource.gc?.status).toBe('idle');
    expect(s1.bySource.gc?.lastMessageAt).toBeUndefined();
    expect(s1.bySource.rte).toBe(s0.bySource.rte);
    expect(run([bad], s1).bySource.gc?.errorCounts).toEqual({ 'invalid-event': 2 });
  });

  it('holds only per-source health and a version', () => {
    expect(Object.keys(run([status('live', T0)])).sort()).toEqual(['bySource', 'version']);
  });

  it('is safe with hostile error codes', () => {
    const s = run([{ kind: 'ingest.error', source: 'gc', at: T0, error: { code: '__proto__', message: 'x', at: T0 } }]);
    expect(Object.getPrototypeOf(s.bySource.gc?.errorCounts)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(s.bySource.gc?.errorCounts, '__proto__')).toBe(true);
  });

  it('idleHealth is a stable default', () => {
    expect(idleHealth('gc')).toBe(idleHealth('gc'));
    expect(idleHealth('gc')).toMatchObject({ source: 'gc', status: 'idle', connects: 0 });
  });
});
