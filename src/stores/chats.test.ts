import { describe, expect, it } from 'vitest';
import type { EventOfKind } from '../domain';
import { initialChatsState, MAX_ENDED_CHATS, reduceChats, restoreChats } from './chats';

type E = EventOfKind<'chat.request' | 'chat.message' | 'chat.choiceAnswer' | 'chat.ended' | 'chat.action'>;
const base = { source: 'bct' as const, sessionId: 'c-1', instance: 'BCT2' };
const req = (at: number, sessionId = 'c-1'): E => ({ kind: 'chat.request', ...base, sessionId, at, initiator: 'Max', email: 'max@example.com', router: 'Support', language: 'en' });

describe('chats store', () => {
  it('follows a session from request to end: lines with sender, flags as notes, unread count source, instance kept', () => {
    const events: E[] = [
      req(1),
      { kind: 'chat.message', ...base, at: 2, message: 'Hello?', senderName: 'Max', isSenderAgent: false, agentRequested: false, agentJoined: false },
      { kind: 'chat.action', ...base, at: 3, action: 'accepted', senderName: 'Desk' },
      { kind: 'chat.action', ...base, at: 4, action: 'message', text: 'Hi Max', senderName: 'Desk' },
      { kind: 'chat.action', ...base, at: 5, action: 'choice', text: 'A|B', senderName: 'Desk' },
      { kind: 'chat.choiceAnswer', ...base, at: 6, choiceAnswer: 'B', senderName: 'Max' },
      { kind: 'chat.message', ...base, at: 7, message: 'ok', senderName: 'Max', isSenderAgent: false, agentRequested: true, agentJoined: true },
      { kind: 'chat.ended', ...base, at: 8 },
    ];
    const s = [...reduceChats(initialChatsState(), events).byKey.values()][0]!;
    expect(s).toMatchObject({ sessionId: 'c-1', instance: 'BCT2', initiator: 'Max', email: 'max@example.com', router: 'Support', language: 'en', state: 'ended', requestedAt: 1, endedAt: 8, agentRequested: true, agentJoined: true, customerLines: 3, restored: false });
    expect(s.lines.map((l) => [l.sender, l.type, l.text, l.note])).toEqual([
      ['customer', 'message', 'Hello?', undefined],
      ['system', 'note', 'Desk', 'accepted'],
      ['agent', 'message', 'Hi Max', undefined],
      ['agent', 'choice', 'A|B', undefined],
      ['customer', 'choiceAnswer', 'B', undefined],
      ['customer', 'message', 'ok', undefined],
      ['system', 'note', '', 'agentRequested'],
      ['system', 'note', '', 'agentJoined'],
      ['system', 'note', '', 'ended'],
    ]);
  });

  it('keeps at most MAX_ENDED_CHATS ended sessions (the most recently ended) and every open one', () => {
    const events: E[] = [];
    for (let i = 0; i < MAX_ENDED_CHATS + 5; i++) events.push(req(i, `e${i}`), { kind: 'chat.ended', ...base, sessionId: `e${i}`, at: 100 + i });
    events.push(req(1, 'open'));
    const st = reduceChats(initialChatsState(), events);
    const ids = [...st.byKey.values()].map((s) => s.sessionId);
    expect(ids).toHaveLength(MAX_ENDED_CHATS + 1);
    expect(ids).toContain('open');
    expect(ids).not.toContain('e0');
  });

  it('restored sessions are marked until an event for them arrives; a session already known is not overwritten', () => {
    const live = reduceChats(initialChatsState(), [req(1)]);
    const saved = [...live.byKey.values()][0]!;
    const restored = restoreChats(initialChatsState(), [saved]);
    expect([...restored.byKey.values()][0]!.restored).toBe(true);
    expect(restoreChats(live, [{ ...saved, initiator: 'Other' }])).toBe(live);
    const after = reduceChats(restored, [{ kind: 'chat.message', ...base, at: 9, message: 'still here', senderName: 'Max', isSenderAgent: false, agentRequested: false, agentJoined: false }]);
    expect([...after.byKey.values()][0]).toMatchObject({ restored: false, customerLines: 1 });
  });
});

describe('chat persistence (readStoredChat)', () => {
  it('rebuilds a saved session field by field, marked restored; drops garbage and ignores __proto__', async () => {
    const { readStoredChat } = await import('./chat-persist');
    const live = [...reduceChats(initialChatsState(), [req(1)]).byKey.values()][0]!;
    const back = readStoredChat(JSON.parse(JSON.stringify(live)));
    expect(back).toEqual({ ...live, restored: true });
    expect(readStoredChat({ ...live, state: 'weird' })).toBeUndefined();
    expect(readStoredChat('x')).toBeUndefined();
    const hostile = readStoredChat(JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(live).slice(1)}`));
    expect(hostile).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
