import { describe, expect, it } from 'vitest';
import { messagesInForce, type BroadcastMessage } from '../domain';
import { initialBroadcastState, MAX_BROADCAST_ERRORS, reduceBroadcast } from './broadcast';

const T0 = 1_764_568_800_000;
const msg = (id: string, severity: BroadcastMessage['severity'], postedAt: number, expiresAt: number): BroadcastMessage => ({ id, text: id, severity, postedAt, expiresAt });

describe('broadcast store', () => {
  it('replaces the list on a snapshot, tracks the link and counts errors (bounded)', () => {
    let s = initialBroadcastState();
    expect(reduceBroadcast(s, [])).toBe(s);
    s = reduceBroadcast(s, [{ kind: 'broadcast.link', status: 'down', reason: 'closed', at: T0 }]);
    expect(s).toMatchObject({ configured: true, link: 'down', reason: 'closed' });
    s = reduceBroadcast(s, [{ kind: 'broadcast.link', status: 'live', at: T0 }, { kind: 'broadcast.snapshot', messages: [msg('a', 'info', T0, T0 + 1)], at: T0 + 5 }]);
    expect(s.reason).toBeUndefined();
    expect(s.messages.map((m) => m.id)).toEqual(['a']);
    expect(s.lastMessageAt).toBe(T0 + 5);
    for (let i = 0; i < 30; i++) s = reduceBroadcast(s, [{ kind: 'broadcast.error', code: 'malformed-frame', message: `bad ${i}`, at: T0 + i }]);
    expect(s.errorCounts).toEqual({ 'malformed-frame': 30 });
    expect(s.recentErrors).toHaveLength(MAX_BROADCAST_ERRORS);
    expect(s.recentErrors[0]?.message).toBe('bad 29');
    expect(s.messages.map((m) => m.id)).toEqual(['a']);
  });

  it('shows the messages in force, most severe then newest first; an expired one is gone at its expiry', () => {
    const list = [msg('old-info', 'info', T0, T0 + 10_000), msg('crit', 'critical', T0, T0 + 5_000), msg('new-info', 'info', T0 + 1, T0 + 20_000)];
    expect(messagesInForce(list, T0 + 4_999).map((m) => m.id)).toEqual(['crit', 'new-info', 'old-info']);
    expect(messagesInForce(list, T0 + 5_000).map((m) => m.id)).toEqual(['new-info', 'old-info']);
    expect(messagesInForce(list, T0 + 20_000)).toEqual([]);
  });
});
