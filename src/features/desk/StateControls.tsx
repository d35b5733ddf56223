import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Check, Coffee, LogOut, X } from 'lucide-react';
import { elapsedSeconds, type AgentDeskPort, type DeskAgentState, type DeskReasonCode, type DeskSettableState } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useDeskChannel, useDeskChannelIds } from '../../stores/desk-hooks';
import { useFormat } from '../../ui';
import { messageOf } from './messages';

/** A state request as the desk sends it. */
interface StateRequest {
  readonly state: DeskSettableState;
  readonly reason?: DeskReasonCode;
}

type Picker = 'NotReady' | 'Logout' | null;

/**
 * The agent's own state, per channel, and the large Ready / Not Ready / Log out buttons
 * (cil-bs-connects-integration-api.txt "setAgentState", "getReasonCodeList",
 * "agentStateChange"). A request stays "pending" until b+s Connects confirms it with
 * `agentStateChange` and the desk shows it; a failure shows the vendor's message. Keyboard:
 * Alt+R Ready, Alt+N Not Ready, Alt+L Log out (reason lists: arrows / Tab, Esc closes).
 * The new state is announced to screen readers (a polite live region).
 */
export function StateControls({ port }: { port: AgentDeskPort }) {
  const { t } = useTranslation('desk');
  const ids = useDeskChannelIds();
  const [picker, setPicker] = useState<Picker>(null);
  const mutation = useMutation<void, Error, StateRequest>({
    mutationFn: (r) => port.setState(r.state, r.reason?.id),
  });
  const firstId = ids[0];
  const first = useDeskChannel(firstId ?? '');
  const sent = mutation.variables;
  // Confirmed by the vendor, but the confirming event may not have reached the store yet.
  const waitingForStore = mutation.isSuccess && sent !== undefined && first !== undefined && first.state !== sent.state;
  const pending = mutation.isPending || waitingForStore;

  const send = useCallback(
    (r: StateRequest) => {
      setPicker(null);
      mutation.mutate(r);
    },
    [mutation],
  );

  // Keyboard shortcuts, for the whole page (no timers: a key listener).
  const busy = useRef(pending);
  busy.current = pending;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || busy.current) return;
      const k = e.key.toLowerCase();
      const code = e.code;
      if (k === 'r' || code === 'KeyR') {
        e.preventDefault();
        send({ state: 'Ready' });
      } else if (k === 'n' || code === 'KeyN') {
        e.preventDefault();
        setPicker('NotReady');
      } else if (k === 'l' || code === 'KeyL') {
        e.preventDefault();
        setPicker('Logout');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [send]);

  const describe = (r: StateRequest) =>
    r.state === 'Ready'
      ? t('command.ready')
      : r.state === 'NotReady'
        ? r.reason
          ? t('command.notReady', { reason: r.reason.label })
          : t('command.notReadyNoReason')
        : r.reason
          ? t('command.logout', { reason: r.reason.label })
          : t('command.logoutNoReason');

  return (
    <section className="desk-panel desk-state" aria-labelledby="desk-state-title">
      <h2 id="desk-state-title" className="desk-panel__title">
        {t('myState')}
      </h2>
      {ids.length === 0 ? (
        <p className="muted">{t('noChannel')}</p>
      ) : (
        <div className="desk-state__channels">
          {ids.map((id) => (
            <ChannelState key={id} id={id} />
          ))}
        </div>
      )}
      <StateAnnouncer id={firstId} />
      <div className="desk-state__buttons" role="group" aria-label={t('myState')}>
        <button
          type="button"
          className="desk-big-button desk-big-button--ready"
          disabled={pending}
          aria-keyshortcuts="Alt+R"
          data-testid="desk-ready"
          onClick={() => send({ state: 'Ready' })}
        >
          <Check aria-hidden="true" size={28} />
          {t('ready')}
        </button>
        <button
          type="button"
          className="desk-big-button desk-big-button--not-ready"
          disabled={pending}
          aria-keyshortcuts="Alt+N"
          aria-expanded={picker === 'NotReady'}
          data-testid="desk-not-ready"
          onClick={() => setPicker(picker === 'NotReady' ? null : 'NotReady')}
        >
          <Coffee aria-hidden="true" size={28} />
          {t('notReady')}
        </button>
        <button
          type="button"
          className="desk-big-button desk-big-button--logout"
          disabled={pending}
          aria-keyshortcuts="Alt+L"
          aria-expanded={picker === 'Logout'}
          data-testid="desk-logout"
          onClick={() => setPicker(picker === 'Logout' ? null : 'Logout')}
        >
          <LogOut aria-hidden="true" size={28} />
          {t('logout')}
        </button>
      </div>
      <p className="desk-hint muted">{t('shortcutsHint')}</p>
      {picker && !pending && <ReasonPicker port={port} type={picker} onPick={(reason) => send({ state: picker, ...(reason ? { reason } : {}) })} onClose={() => setPicker(null)} />}
      {pending && sent && (
        <p className="desk-pending" data-testid="desk-pending" role="status">
          {t('pending', { command: describe(sent) })}
        </p>
      )}
      {mutation.isError && sent && (
        <div className="desk-error" data-testid="desk-error" role="alert">
          <span>{t('commandFailed', { command: describe(sent), message: messageOf(mutation.error) })}</span>
          <button type="button" className="icon-button icon-button--small" aria-label={t('dismiss')} onClick={() => mutation.reset()}>
            <X aria-hidden="true" size={14} />
          </button>
        </div>
      )}
    </section>
  );
}

/** CSS modifier of a CIL state. */
function stateClass(state: DeskAgentState): string {
  switch (state) {
    case 'Ready':
      return 'ready';
    case 'NotReady':
      return 'not-ready';
    case 'Active':
      return 'talking';
    case 'Wrapup':
      return 'work';
    case 'Logout':
    case 'Offline':
      return 'logout';
    default:
      return 'unknown';
  }
}

/** One channel's state: the state word, the vendor's reason label, time in state (ticking). */
const ChannelState = memo(function ChannelState({ id }: { id: string }) {
  const channel = useDeskChannel(id);
  const { t } = useTranslation('desk');
  if (!channel) return null;
  return (
    <div
      className={`desk-my-state state--${stateClass(channel.state)}`}
      data-testid="my-state"
      data-channel-id={channel.id}
      data-state={channel.state}
      data-reason-code={channel.reasonCode ?? ''}
    >
      <span className="desk-my-state__word" data-testid="my-state-label">
        {t(`state.${channel.state}`)}
      </span>
      {channel.reasonLabel && (
        <span className="desk-my-state__reason" data-testid="my-state-reason">
          {channel.reasonLabel}
        </span>
      )}
      <TimeInState since={channel.stateSince} />
      <span className="desk-my-state__channel muted">{t('channel', { id: channel.id })}</span>
    </div>
  );
});

/** "for 3:04", ticking on the shared clock; `data-value` in seconds. */
function TimeInState({ since }: { since: number }) {
  const now = useNow();
  const format = useFormat();
  const { t } = useTranslation('desk');
  const secs = elapsedSeconds(since, now);
  return (
    <span className="desk-my-state__time" data-testid="my-state-time" data-value={secs}>
      {t('timeInState', { duration: format.duration(secs) })}
    </span>
  );
}

/** A visually hidden polite live region saying the new state (and reason) when it changes. */
const StateAnnouncer = memo(function StateAnnouncer({ id }: { id: string | undefined }) {
  const channel = useDeskChannel(id ?? '');
  const { t } = useTranslation('desk');
  const text = !channel
    ? ''
    : channel.reasonLabel
      ? t('stateAnnouncementReason', { state: t(`state.${channel.state}`), reason: channel.reasonLabel })
      : t('stateAnnouncement', { state: t(`state.${channel.state}`) });
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="my-state-announcement">
      {text}
    </p>
  );
});

/** The reason list of `getReasonCodeList(channel, type)`: one button per reason, focus on the first. */
function ReasonPicker(props: { port: AgentDeskPort; type: 'NotReady' | 'Logout'; onPick: (r: DeskReasonCode | undefined) => void; onClose: () => void }) {
  const { port, type, onPick, onClose } = props;
  const { t } = useTranslation('desk');
  const query = useQuery({ queryKey: ['cil', 'reasons', type], queryFn: () => port.getReasonCodes(type), staleTime: 60_000, retry: false });
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [query.data]);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
    e.preventDefault();
  };
  const title = type === 'NotReady' ? t('pickNotReady') : t('pickLogout');
  return (
    <div className="desk-reasons" role="group" aria-label={title} data-testid="reason-picker" data-reason-type={type} ref={listRef} onKeyDown={onKeyDown}>
      <h3 className="desk-reasons__title">{title}</h3>
      {query.isPending && <p className="muted">{t('loadingReasons')}</p>}
      {query.isError && (
        <p className="desk-error" role="alert">
          {t('reasonsFailed', { message: messageOf(query.error) })}
        </p>
      )}
      {query.data && query.data.length === 0 && <p className="muted">{t('noReasons')}</p>}
      <div className="desk-reasons__list">
        {query.data?.map((r) => (
          <button key={r.id} type="button" className="desk-reason" data-testid="reason-option" data-reason-code={r.id} onClick={() => onPick(r)}>
            {r.label}
          </button>
        ))}
        {query.data && query.data.length === 0 && (
          <button type="button" className="desk-reason" data-testid="reason-none" onClick={() => onPick(undefined)}>
            {t('setWithoutReason')}
          </button>
        )}
        <button type="button" className="desk-reason desk-reason--cancel" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
