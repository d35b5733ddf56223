/**
 * Web chat sessions (issue 11; Business ConneCT web chat events and this board's successful
 * chat commands, bct-business-connect-adapter.txt "Web Chat ..."). Sessions are keyed by
 * source and the vendor's `sessionId`; each keeps the adapter `instance` that delivered it
 * (the vendor's instance rule). Ended sessions are kept, at most {@link MAX_ENDED_CHATS}
 * (the most recently ended); each session keeps at most {@link MAX_CHAT_LINES} lines.
 * `chat.request` flushes at once (a waiting customer is urgent).
 */
import { entityKey, type ChatSender, type ChatSessionState, type EntityKey, type EventOfKind, type SourceId } from '../domain';
import { defineSlice } from './slice';

/** How many ended sessions are kept. */
export const MAX_ENDED_CHATS = 20;
/** How many lines one session keeps (the newest). */
export const MAX_CHAT_LINES = 500;

/** One line of a conversation. `at`: epoch ms. */
export interface ChatLine {
  /** Unique within the session (sequence number as a string). */
  readonly id: string;
  readonly sender: ChatSender;
  readonly senderName: string;
  /** Plain text as the vendor sent it (never HTML). */
  readonly text: string;
  readonly at: number;
  /** What kind of line: a message, a choice list sent, a choice answer, or a session note. */
  readonly type: 'message' | 'choice' | 'choiceAnswer' | 'note';
  /** For `note`: which note (accepted, rejected, agentRequested, agentJoined, left, ended). */
  readonly note?: string;
}

/** One web chat session. Times: epoch ms. */
export interface ChatSession {
  readonly key: EntityKey;
  readonly source: SourceId;
  readonly sessionId: string;
  /** The adapter instance every command for this session goes to. */
  readonly instance: string;
  readonly externalId?: string;
  readonly initiator: string;
  readonly email: string;
  readonly router: string;
  readonly language: string;
  readonly state: ChatSessionState;
  readonly requestedAt: number;
  readonly endedAt?: number;
  readonly agentRequested: boolean;
  readonly agentJoined: boolean;
  /** Lines, oldest first. */
  readonly lines: readonly ChatLine[];
  /** How many customer lines arrived in total (for unread counts). */
  readonly customerLines: number;
  /** Sequence for line ids. */
  readonly seq: number;
  /** True when restored from browser storage and no event for it arrived since. */
  readonly restored: boolean;
}

/** State of the chats store. */
export interface ChatsState {
  readonly byKey: ReadonlyMap<EntityKey, ChatSession>;
  readonly version: number;
}

/** A fresh, empty state. */
export function initialChatsState(): ChatsState {
  return { byKey: new Map(), version: 0 };
}

type ChatKind = 'chat.request' | 'chat.message' | 'chat.choiceAnswer' | 'chat.ended' | 'chat.action';

function blank(e: EventOfKind<ChatKind>): ChatSession {
  return {
    key: entityKey(e.source, e.sessionId),
    source: e.source,
    sessionId: e.sessionId,
    instance: e.instance,
    ...(e.externalId ? { externalId: e.externalId } : {}),
    initiator: '',
    email: '',
    router: '',
    language: '',
    state: 'requested',
    requestedAt: e.at,
    agentRequested: false,
    agentJoined: false,
    lines: [],
    customerLines: 0,
    seq: 0,
    restored: false,
  };
}

function addLine(s: ChatSession, line: Omit<ChatLine, 'id'>): ChatSession {
  const seq = s.seq + 1;
  const lines = [...s.lines, { id: String(seq), ...line }];
  return {
    ...s,
    seq,
    lines: lines.length > MAX_CHAT_LINES ? lines.slice(lines.length - MAX_CHAT_LINES) : lines,
    customerLines: s.customerLines + (line.sender === 'customer' ? 1 : 0),
  };
}

function note(s: ChatSession, at: number, name: string, text = ''): ChatSession {
  return addLine(s, { sender: 'system', senderName: '', text, at, type: 'note', note: name });
}

/** Applies one event to a session (undefined = none yet). */
export function applyChatEvent(prev: ChatSession | undefined, e: EventOfKind<ChatKind>): ChatSession {
  let s: ChatSession = prev ? { ...prev, restored: false, instance: e.instance || prev.instance } : blank(e);
  if (e.externalId && !s.externalId) s = { ...s, externalId: e.externalId };
  switch (e.kind) {
    case 'chat.request':
      return { ...s, initiator: e.initiator, email: e.email, router: e.router, language: e.language, ...(prev ? {} : { requestedAt: e.at }) };
    case 'chat.message': {
      const sender: ChatSender = e.isSenderAgent ? 'agent' : 'customer';
      let n = addLine(s, { sender, senderName: e.senderName, text: e.message, at: e.at, type: 'message' });
      if (e.agentRequested && !s.agentRequested) n = note({ ...n, agentRequested: true }, e.at, 'agentRequested');
      if (e.agentJoined && !s.agentJoined) n = note({ ...n, agentJoined: true, state: n.state === 'requested' ? 'active' : n.state }, e.at, 'agentJoined');
      return n;
    }
    case 'chat.choiceAnswer':
      return addLine(s, { sender: 'customer', senderName: e.senderName, text: e.choiceAnswer, at: e.at, type: 'choiceAnswer' });
    case 'chat.ended':
      // Once per session (a redelivered event adds nothing), also after this board left or rejected.
      if (s.lines.some((l) => l.note === 'ended')) return s;
      return note({ ...s, state: 'ended', endedAt: s.endedAt ?? e.at }, e.at, 'ended');
    case 'chat.action':
      switch (e.action) {
        case 'accepted':
          return note({ ...s, state: s.state === 'ended' ? 'ended' : 'active' }, e.at, 'accepted', e.senderName);
        case 'rejected':
          return note({ ...s, state: 'ended', endedAt: s.endedAt ?? e.at }, e.at, 'rejected', e.text ?? '');
        case 'message':
          return addLine(s, { sender: 'agent', senderName: e.senderName, text: e.text ?? '', at: e.at, type: 'message' });
        case 'choice':
          return addLine(s, { sender: 'agent', senderName: e.senderName, text: e.text ?? '', at: e.at, type: 'choice' });
        case 'agentRequested':
          return note({ ...s, agentRequested: true }, e.at, 'agentRequested', e.text ?? '');
        case 'left':
          return note({ ...s, state: 'ended', endedAt: s.endedAt ?? e.at }, e.at, 'left');
      }
  }
  return s;
}

function trimEnded(map: Map<EntityKey, ChatSession>): void {
  const ended = [...map.values()].filter((s) => s.state === 'ended');
  if (ended.length <= MAX_ENDED_CHATS) return;
  ended.sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  for (const s of ended.slice(MAX_ENDED_CHATS)) map.delete(s.key);
}

/**
 * Applies chat events in order. Events for a session the board has not seen create it (a
 * message can arrive before the board saw the request, e.g. after a reload).
 * @returns the same `state` object when `events` is empty
 */
export function reduceChats(state: ChatsState, events: readonly EventOfKind<ChatKind>[]): ChatsState {
  if (events.length === 0) return state;
  const map = new Map(state.byKey);
  for (const e of events) {
    const key = entityKey(e.source, e.sessionId);
    map.set(key, applyChatEvent(map.get(key), e));
  }
  trimEnded(map);
  return { byKey: map, version: state.version + 1 };
}

/**
 * Puts sessions saved in browser storage back (after a reload), marked `restored` until an
 * event for them arrives; a session the store already has is kept as it is.
 */
export function restoreChats(state: ChatsState, saved: readonly ChatSession[]): ChatsState {
  const map = new Map(state.byKey);
  let changed = false;
  for (const s of saved) {
    if (map.has(s.key)) continue;
    map.set(s.key, { ...s, restored: true });
    changed = true;
  }
  if (!changed) return state;
  trimEnded(map);
  return { byKey: map, version: state.version + 1 };
}

/** The chats store: the web chat events and this board's successful chat commands. */
export const chatsSlice = defineSlice({
  name: 'chats',
  kinds: ['chat.request', 'chat.message', 'chat.choiceAnswer', 'chat.ended', 'chat.action'],
  initial: initialChatsState,
  reduce: reduceChats,
  urgentKinds: ['chat.request', 'chat.message', 'chat.choiceAnswer', 'chat.ended', 'chat.action'],
});
