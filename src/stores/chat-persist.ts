/**
 * Keeps the web chat sessions in the browser's `localStorage` (issue 11 "Durability"): after a
 * reload, sessions that were known come back, marked `restored` until an event for them
 * arrives (chats store). Only what the board saw is stored (vendor text and this board's own
 * successful commands); nothing pending is stored, so nothing is ever sent again. Storage that
 * is full, denied or holds garbage is treated as empty; a stored session that does not have
 * the expected shape is dropped (never trusted, e.g. `__proto__` keys are ignored because
 * sessions are rebuilt field by field).
 */
import { CHAT_SENDERS, CHAT_SESSION_STATES, SOURCE_IDS, entityKey, type SourceId } from '../domain';
import { restoreChats, type ChatLine, type ChatSession, type ChatsState } from './chats';
import { stores } from './wallboard';

/** The `localStorage` key of the saved sessions. */
export const CHAT_STORAGE_KEY = 'wallboard.chats.v1';

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readLine(v: unknown): ChatLine | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (!str(o.id) || !str(o.senderName) || !str(o.text) || !num(o.at)) return undefined;
  if (!(CHAT_SENDERS as readonly unknown[]).includes(o.sender)) return undefined;
  if (!['message', 'choice', 'choiceAnswer', 'note'].includes(o.type as string)) return undefined;
  return {
    id: o.id,
    sender: o.sender as ChatLine['sender'],
    senderName: o.senderName,
    text: o.text,
    at: o.at,
    type: o.type as ChatLine['type'],
    ...(str(o.note) ? { note: o.note } : {}),
  };
}

/** One stored session rebuilt field by field, or undefined when it has not the expected shape. */
export function readStoredChat(v: unknown): ChatSession | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (!(SOURCE_IDS as readonly unknown[]).includes(o.source) || !str(o.sessionId) || o.sessionId === '' || !str(o.instance)) return undefined;
  if (!(CHAT_SESSION_STATES as readonly unknown[]).includes(o.state) || !num(o.requestedAt) || !num(o.seq) || !num(o.customerLines)) return undefined;
  if (!Array.isArray(o.lines)) return undefined;
  const lines = o.lines.map(readLine).filter((l): l is ChatLine => l !== undefined);
  const source = o.source as SourceId;
  return {
    key: entityKey(source, o.sessionId),
    source,
    sessionId: o.sessionId,
    instance: o.instance,
    ...(str(o.externalId) ? { externalId: o.externalId } : {}),
    initiator: str(o.initiator) ? o.initiator : '',
    email: str(o.email) ? o.email : '',
    router: str(o.router) ? o.router : '',
    language: str(o.language) ? o.language : '',
    state: o.state as ChatSession['state'],
    requestedAt: o.requestedAt,
    ...(num(o.endedAt) ? { endedAt: o.endedAt } : {}),
    agentRequested: o.agentRequested === true,
    agentJoined: o.agentJoined === true,
    lines,
    customerLines: o.customerLines,
    seq: o.seq,
    restored: true,
  };
}

/**
 * Restores the saved sessions into the chats store, then saves the store on every change.
 * @returns a function that stops saving
 */
export function startChatPersistence(storage: Storage | undefined = globalThis.localStorage): () => void {
  if (!storage) return () => {};
  try {
    const raw = storage.getItem(CHAT_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    const saved = Array.isArray(parsed) ? parsed.map(readStoredChat).filter((s): s is ChatSession => s !== undefined) : [];
    if (saved.length > 0) stores.chats.setState(restoreChats(stores.chats.getState(), saved), true);
  } catch {
    /* garbage or denied storage: start empty */
  }
  const save = (byKey: ChatsState['byKey']) => {
    try {
      storage.setItem(CHAT_STORAGE_KEY, JSON.stringify([...byKey.values()]));
    } catch {
      /* storage full or denied */
    }
  };
  let last = stores.chats.getState().byKey;
  save(last);
  return stores.chats.subscribe((s) => {
    if (s.byKey === last) return;
    last = s.byKey;
    save(last);
  });
}
