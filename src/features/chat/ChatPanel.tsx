/**
 * The web chat panel (issue 11; Business ConneCT web chat, bct-business-connect-adapter.txt
 * "Web Chat ..."): the sessions with unread badges and time waiting, the conversation, and the
 * commands the `webChat` port offers (accept, reject with a reason, send, choice list, request
 * an agent, leave). Everything vendor-sent is rendered as React text (never HTML, links not
 * made clickable) with `dir="auto"` so right-to-left text displays correctly.
 *
 * Test hooks (docs/CONTRACTS.md): `chat-session` (`data-session-id`, `data-state`,
 * `data-unread`, `data-restored`), `chat-message` (`data-sender`, `data-status` for this
 * board's pending / failed sends), `chat-input`; buttons named Accept, Reject, Send, Leave.
 */
import { memo, useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChatPort, ChatSessionRef, EntityKey } from '../../domain';
import { elapsedSeconds } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { startChatPersistence, useChatKeys, useChatSession, type ChatLine, type ChatSession } from '../../stores';
import { useFormat, usePort } from '../../ui';
import { createScreenMemory } from '../../ui/screen-memory';
import './chat.css';

/** Customer lines seen per session key (for unread badges), remembered across reloads. */
const seen = createScreenMemory<Readonly<Record<string, number>>>(
  'wallboard.chats.seen.v1',
  (v) => {
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    if (typeof v === 'object' && v !== null) for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out[k] = n;
    return out;
  },
  (v) => v,
);

/** Drafts per session key: survive switching sessions (not reloads: nothing half-typed is stored). */
const drafts = new Map<string, string>();

/** One message this board is sending: shown pending until the adapter answered, kept with a Retry on failure. */
interface Outgoing {
  readonly id: number;
  readonly text: string;
  readonly status: 'pending' | 'failed';
  readonly error?: string;
}
let nextOutgoing = 1;

let persistenceStarted = false;

function refOf(s: ChatSession): ChatSessionRef {
  return { source: s.source, sessionId: s.sessionId, instance: s.instance, ...(s.externalId ? { externalId: s.externalId } : {}) };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));


/** The chat panel; renders nothing when the board has no `webChat` port (not configured, or kiosk). */
export function ChatPanel() {
  const { port } = usePort('bct', 'webChat');
  useEffect(() => {
    if (!port || persistenceStarted) return;
    persistenceStarted = true;
    const stop = startChatPersistence();
    return () => {
      stop();
      persistenceStarted = false;
    };
  }, [port]);
  if (!port) return null;
  return <ChatPanelBody port={port} />;
}

function ChatPanelBody({ port }: { port: ChatPort }) {
  const keys = useChatKeys();
  const { t } = useTranslation('chat');
  const [selected, setSelected] = useState<EntityKey | undefined>(undefined);
  const current = selected && keys.includes(selected) ? selected : keys[0];
  // Keep the shown session when the list re-sorts (e.g. an accepted request moves down).
  useEffect(() => {
    if (current !== selected && current !== undefined) setSelected(current);
  }, [current, selected]);
  return (
    <section className="panel chat-panel" aria-labelledby="chat-title" data-testid="chat-panel">
      <h2 id="chat-title" className="panel__title">
        {t('title')}
      </h2>
      {keys.length === 0 ? (
        <p className="chat-panel__empty">{t('none')}</p>
      ) : (
        <div className="chat-panel__body">
          <ul className="chat-list" aria-label={t('sessions')}>
            {keys.map((k) => (
              <ChatSessionItem key={k} sessionKey={k} selected={k === current} onSelect={setSelected} />
            ))}
          </ul>
          {current && <Conversation key={current} sessionKey={current} port={port} />}
        </div>
      )}
    </section>
  );
}

const ChatSessionItem = memo(function ChatSessionItem({ sessionKey, selected, onSelect }: { sessionKey: EntityKey; selected: boolean; onSelect: (k: EntityKey) => void }) {
  const s = useChatSession(sessionKey);
  const seenMap = seen.use();
  const { t } = useTranslation('chat');
  if (!s) return null;
  const unread = selected ? 0 : Math.max(0, s.customerLines - (seenMap[sessionKey] ?? 0));
  return (
    <li>
      <button
        type="button"
        className={`chat-item chat-item--${s.state}${selected ? ' is-selected' : ''}`}
        data-testid="chat-session"
        data-session-id={s.sessionId}
        data-state={s.state}
        data-unread={unread}
        data-restored={s.restored ? 'true' : 'false'}
        aria-pressed={selected}
        onClick={() => onSelect(sessionKey)}
      >
        <span className="chat-item__name" dir="auto">
          {s.initiator || s.sessionId}
        </span>
        <span className="chat-item__state">{t(`state.${s.state}`)}</span>
        {s.state !== 'ended' && <Waiting since={s.requestedAt} />}
        {unread > 0 && (
          <span className="chat-item__unread" aria-label={t('unread', { count: unread })}>
            {unread}
          </span>
        )}
        {s.restored && <span className="chat-item__restored">{t('restored')}</span>}
      </button>
    </li>
  );
});

/** Time since the request, ticking on the shared clock (its own leaf). */
function Waiting({ since }: { since: number }) {
  const now = useNow();
  const format = useFormat();
  return <span className="chat-item__waiting">{format.duration(elapsedSeconds(since, now))}</span>;
}

function Conversation({ sessionKey, port }: { sessionKey: EntityKey; port: ChatPort }) {
  const s = useChatSession(sessionKey);
  const { t } = useTranslation('chat');
  const [outgoing, setOutgoing] = useState<readonly Outgoing[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const customerLines = s?.customerLines ?? 0;
  useEffect(() => {
    if ((seen.get()[sessionKey] ?? 0) !== customerLines) seen.set({ ...seen.get(), [sessionKey]: customerLines });
  }, [sessionKey, customerLines]);
  if (!s) return null;
  const ref = refOf(s);
  const run = (p: Promise<void>) => {
    setError(undefined);
    p.catch((e: unknown) => setError(errorText(e)));
  };
  const send = (text: string, id = nextOutgoing++) => {
    setOutgoing((o) => [...o.filter((x) => x.id !== id), { id, text, status: 'pending' }]);
    port.sendMessage(ref, text).then(
      () => setOutgoing((o) => o.filter((x) => x.id !== id)),
      (e: unknown) => setOutgoing((o) => o.map((x) => (x.id === id ? { ...x, status: 'failed', error: errorText(e) } : x))),
    );
  };
  return (
    <div className="chat-conv" aria-label={t('conversationWith', { name: s.initiator || s.sessionId })}>
      <header className="chat-conv__head">
        <h3 className="chat-conv__name" dir="auto">
          {s.initiator || s.sessionId}
        </h3>
        <dl className="chat-conv__facts">
          <dt>{t('email')}</dt>
          <dd dir="auto">{s.email}</dd>
          <dt>{t('router')}</dt>
          <dd dir="auto">{s.router}</dd>
          <dt>{t('language')}</dt>
          <dd dir="auto">{s.language}</dd>
        </dl>
      </header>
      <ol className="chat-lines" aria-live="polite">
        {s.lines.map((l) => (
          <Line key={l.id} line={l} />
        ))}
        {outgoing.map((o) => (
          <li key={`o${o.id}`} className={`chat-line chat-line--agent chat-line--${o.status}`} data-testid="chat-message" data-sender="agent" data-status={o.status}>
            <span className="chat-line__text" dir="auto">
              {o.text}
            </span>
            <span className="chat-line__meta">{o.status === 'pending' ? t('pending') : t('failed', { error: o.error ?? '' })}</span>
            {o.status === 'failed' && (
              <button type="button" onClick={() => send(o.text, o.id)}>
                {t('retry')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="chat-conv__error" data-testid="chat-error">
          {error}
        </p>
      )}
      {s.state === 'requested' && <RequestActions onAccept={() => run(port.respond(ref, { accept: true }))} onReject={(reason) => run(port.respond(ref, { accept: false, reason }))} />}
      {s.state === 'active' && (
        <>
          <Composer sessionKey={sessionKey} onSend={(text) => send(text)} />
          <ChoiceEditor onSend={(options) => run(port.sendChoice(ref, options))} />
          <div className="chat-conv__actions">
            {(port.starterName || port.routerName) && (
              <button type="button" onClick={() => run(port.requestAgent(ref))}>
                {t('requestAgent', { name: port.starterName || port.routerName })}
              </button>
            )}
            <button type="button" onClick={() => run(port.leave(ref))}>
              {t('leave')}
            </button>
          </div>
        </>
      )}
      {s.state === 'ended' && <p className="chat-conv__ended">{t('ended')}</p>}
    </div>
  );
}

const Line = memo(function Line({ line }: { line: ChatLine }) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const text =
    line.type === 'note'
      ? t(`note.${line.note ?? 'ended'}`, { detail: line.text })
      : line.type === 'choice'
        ? t('choiceSent', { options: line.text.split('|').join(' · ') })
        : line.type === 'choiceAnswer'
          ? t('choiceAnswer', { answer: line.text })
          : line.text;
  return (
    <li className={`chat-line chat-line--${line.sender}`} data-testid="chat-message" data-sender={line.sender} data-type={line.type}>
      {line.sender !== 'system' && (
        <span className="chat-line__sender" dir="auto">
          {line.senderName}
        </span>
      )}
      <span className="chat-line__text" dir="auto">
        {text}
      </span>
      <span className="chat-line__meta">{format.clockTime(line.at)}</span>
    </li>
  );
});

function RequestActions({ onAccept, onReject }: { onAccept: () => void; onReject: (reason: string) => void }) {
  const { t } = useTranslation('chat');
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <div className="chat-conv__actions">
      <button type="button" onClick={onAccept}>
        {t('accept')}
      </button>
      <label htmlFor={`${id}-reason`}>{t('reason')}</label>
      <input id={`${id}-reason`} data-testid="chat-reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="button" onClick={() => onReject(reason.trim())}>
        {t('reject')}
      </button>
    </div>
  );
}

function Composer({ sessionKey, onSend }: { sessionKey: EntityKey; onSend: (text: string) => void }) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState(() => drafts.get(sessionKey) ?? '');
  const update = (v: string) => {
    setText(v);
    if (v) drafts.set(sessionKey, v);
    else drafts.delete(sessionKey);
  };
  const submit = () => {
    if (text.trim() === '') return;
    onSend(text);
    update('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form
      className="chat-composer"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea data-testid="chat-input" aria-label={t('message')} dir="auto" rows={2} value={text} onChange={(e) => update(e.target.value)} onKeyDown={onKey} />
      <button type="submit">{t('send')}</button>
    </form>
  );
}

function ChoiceEditor({ onSend }: { onSend: (options: readonly string[]) => void }) {
  const { t } = useTranslation('chat');
  const [options, setOptions] = useState<readonly string[]>(['', '']);
  const set = (i: number, v: string) => setOptions((o) => o.map((x, j) => (j === i ? v : x)));
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const bad = filled.some((o) => o.includes('|'));
  return (
    <details className="chat-choice">
      <summary>{t('choice')}</summary>
      <ol>
        {options.map((o, i) => (
          <li key={i}>
            <input aria-label={t('option', { n: i + 1 })} data-testid="chat-choice-option" dir="auto" value={o} onChange={(e) => set(i, e.target.value)} />
            <button type="button" aria-label={t('removeOption', { n: i + 1 })} onClick={() => setOptions((x) => x.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setOptions((o) => [...o, ''])}>
        {t('addOption')}
      </button>
      {bad && <p role="alert">{t('noPipe')}</p>}
      <button
        type="button"
        disabled={filled.length === 0 || bad}
        onClick={() => {
          onSend(filled);
          setOptions(['', '']);
        }}
      >
        {t('sendChoice')}
      </button>
    </details>
  );
}
