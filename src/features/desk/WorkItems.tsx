import { memo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { PhoneIncoming, PhoneOutgoing, X } from 'lucide-react';
import { elapsedSeconds, type AgentDeskPort, type DeskWorkItem } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useWorkItem, useWorkItemIds } from '../../stores/desk-hooks';
import { useFormat } from '../../ui';
import { messageOf } from './messages';

/** The agent's open work items (CIL workitem events), one card each. */
export function WorkItems({ port }: { port: AgentDeskPort }) {
  const ids = useWorkItemIds();
  const { t } = useTranslation('desk');
  return (
    <section className="desk-panel desk-items" aria-labelledby="desk-items-title">
      <h2 id="desk-items-title" className="desk-panel__title">
        {t('workItems')}
      </h2>
      {ids.length === 0 ? (
        <p className="muted" data-testid="no-work-items">
          {t('noWorkItems')}
        </p>
      ) : (
        ids.map((id) => <WorkItemCard key={id} id={id} port={port} />)
      )}
    </section>
  );
}

/** One command of a card, for the pending / error lines. */
type ItemCommand =
  | { readonly kind: 'transfer' | 'conference' | 'consult'; readonly address: string }
  | { readonly kind: 'dtmf'; readonly digits: string }
  | { readonly kind: 'wrapup'; readonly reason: string }
  | { readonly kind: 'callVariables'; readonly data: Readonly<Record<string, string>> };

/**
 * One work item (document "Workitem"): state, direction, ANI, classification, queue,
 * connected time (ticking), call variables (editable where `isUpdateWorkitemDataEnabled`),
 * transfer / conference / consult to a typed number, DTMF where `isSendDtmfEnabled`, and the
 * wrap-up reason (`setWrapupReason`) while in wrap-up. Vendor text is shown as text.
 */
const WorkItemCard = memo(function WorkItemCard({ id, port }: { id: string; port: AgentDeskPort }) {
  const item = useWorkItem(id);
  const { t } = useTranslation('desk');
  const mutation = useMutation<void, Error, ItemCommand>({
    mutationFn: (c) => {
      switch (c.kind) {
        case 'transfer':
          return port.directTransfer(c.address, id);
        case 'conference':
          return port.singleStepConference(c.address, id);
        case 'consult':
          return port.dialOrConsult(c.address);
        case 'dtmf':
          return port.sendDtmf(c.digits);
        case 'wrapup':
          return port.setWrapupReason(id, c.reason);
        case 'callVariables':
          return port.updateWorkitemData(id, c.data);
      }
    },
  });
  if (!item) return null;
  const describe = (c: ItemCommand): string => {
    switch (c.kind) {
      case 'transfer':
      case 'conference':
      case 'consult':
        return t(`command.${c.kind}`, { address: c.address });
      case 'dtmf':
        return t('command.dtmf', { digits: c.digits });
      case 'wrapup':
        return t('command.wrapup', { reason: c.reason });
      case 'callVariables':
        return t('command.callVariables');
    }
  };
  const live = item.state === 'Active' || item.state === 'Paused';
  const Direction = item.direction === 'Outgoing' ? PhoneOutgoing : PhoneIncoming;
  return (
    <article className={`desk-item desk-item--${item.state.toLowerCase()}`} data-testid="work-item" data-workitem-id={item.id} data-state={item.state} aria-label={item.ani ?? item.id}>
      <header className="desk-item__head">
        <span className="desk-item__state" data-testid="work-item-state">
          {t(`workItemState.${item.state}`)}
        </span>
        <span className="desk-item__ani" data-testid="work-item-ani">
          <Direction aria-hidden="true" size={18} /> {item.ani ?? '—'}
        </span>
        <ConnectedFor at={item.connectedAt} />
      </header>
      <dl className="desk-item__facts">
        <dt>{t('direction')}</dt>
        <dd data-testid="work-item-direction">{item.direction ?? '—'}</dd>
        <dt>{t('classification')}</dt>
        <dd data-testid="work-item-classification">{item.classification ?? '—'}</dd>
        <dt>{t('queue')}</dt>
        <dd data-testid="work-item-queue">{item.queueName ?? '—'}</dd>
      </dl>
      <CallVariables item={item} port={port} busy={mutation.isPending} onSave={(data) => mutation.mutate({ kind: 'callVariables', data })} />
      {live && <CallControl busy={mutation.isPending} onCommand={(c) => mutation.mutate(c)} />}
      {live && <Dtmf port={port} item={item} busy={mutation.isPending} onSend={(digits) => mutation.mutate({ kind: 'dtmf', digits })} />}
      {item.state === 'Wrapup' && <Wrapup port={port} item={item} busy={mutation.isPending} onSet={(reason) => mutation.mutate({ kind: 'wrapup', reason })} />}
      {mutation.isPending && mutation.variables && (
        <p className="desk-pending" data-testid="work-item-pending" role="status">
          {t('pending', { command: describe(mutation.variables) })}
        </p>
      )}
      {mutation.isError && mutation.variables && (
        <div className="desk-error" data-testid="work-item-error" role="alert">
          <span>{t('commandFailed', { command: describe(mutation.variables), message: messageOf(mutation.error) })}</span>
          <button type="button" className="icon-button icon-button--small" aria-label={t('dismiss')} onClick={() => mutation.reset()}>
            <X aria-hidden="true" size={14} />
          </button>
        </div>
      )}
    </article>
  );
});

/** Connected time, ticking on the shared clock (`data-value` seconds; absent before connect). */
function ConnectedFor({ at }: { at: number | undefined }) {
  const { t } = useTranslation('desk');
  if (at === undefined) {
    return (
      <span className="desk-item__time muted" data-testid="work-item-connected">
        {t('notConnected')}
      </span>
    );
  }
  return <ConnectedTicker at={at} />;
}

function ConnectedTicker({ at }: { at: number }) {
  const now = useNow();
  const format = useFormat();
  const { t } = useTranslation('desk');
  const secs = elapsedSeconds(at, now);
  return (
    <span className="desk-item__time" data-testid="work-item-connected" data-value={secs} title={t('connectedFor')}>
      {format.duration(secs)}
    </span>
  );
}

/** Call variables; inputs and a Save button where `isUpdateWorkitemDataEnabled` says so. */
function CallVariables(props: { item: DeskWorkItem; port: AgentDeskPort; busy: boolean; onSave: (data: Record<string, string>) => void }) {
  const { item, port, busy, onSave } = props;
  const { t } = useTranslation('desk');
  const enabled = useQuery({
    queryKey: ['cil', 'update-enabled', item.id, item.state],
    queryFn: () => port.isUpdateWorkitemDataEnabled(item.id),
    staleTime: Infinity,
    retry: false,
  });
  const [draft, setDraft] = useState<Record<string, string>>({});
  const keys = Object.keys(item.callVariables);
  if (keys.length === 0) {
    return (
      <p className="muted desk-item__vars" data-testid="call-variables">
        {t('noCallVariables')}
      </p>
    );
  }
  const editable = enabled.data === true;
  const changed = Object.keys(draft).filter((k) => draft[k] !== item.callVariables[k]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data: Record<string, string> = {};
    for (const k of changed) data[k] = draft[k] ?? '';
    if (changed.length > 0) onSave(data);
    setDraft({});
  };
  return (
    <form className="desk-item__vars" data-testid="call-variables" data-editable={editable} onSubmit={submit}>
      <h3 className="desk-item__sub">
        {t('callVariables')}
        {editable && <span className="muted"> · {t('editable')}</span>}
      </h3>
      <dl>
        {keys.map((k) => (
          <div key={k} className="desk-var" data-testid="call-variable" data-name={k}>
            <dt>{k}</dt>
            <dd>
              {editable ? (
                <input
                  className="desk-input"
                  aria-label={k}
                  value={draft[k] ?? item.callVariables[k] ?? ''}
                  onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  data-testid="call-variable-input"
                />
              ) : (
                <span data-testid="call-variable-value">{item.callVariables[k]}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {editable && (
        <button type="submit" className="desk-button" disabled={busy || changed.length === 0} data-testid="call-variables-save">
          {t('save')}
        </button>
      )}
    </form>
  );
}

/** Transfer / conference / consult to a typed number. */
function CallControl({ busy, onCommand }: { busy: boolean; onCommand: (c: ItemCommand) => void }) {
  const { t } = useTranslation('desk');
  const [address, setAddress] = useState('');
  const go = (kind: 'transfer' | 'conference' | 'consult') => onCommand({ kind, address: address.trim() });
  const empty = address.trim() === '';
  return (
    <div className="desk-item__control" role="group" aria-label={t('address')}>
      <label className="desk-field">
        <span>{t('address')}</span>
        <input
          className="desk-input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder={t('addressPlaceholder')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          data-testid="call-address"
        />
      </label>
      <button type="button" className="desk-button" disabled={busy || empty} onClick={() => go('transfer')} data-testid="call-transfer">
        {t('transfer')}
      </button>
      <button type="button" className="desk-button" disabled={busy || empty} onClick={() => go('conference')} data-testid="call-conference">
        {t('conference')}
      </button>
      <button type="button" className="desk-button" disabled={busy || empty} onClick={() => go('consult')} data-testid="call-consult">
        {t('consult')}
      </button>
    </div>
  );
}

/** DTMF digits, offered only where `isSendDtmfEnabled` answers true. */
function Dtmf(props: { port: AgentDeskPort; item: DeskWorkItem; busy: boolean; onSend: (digits: string) => void }) {
  const { port, item, busy, onSend } = props;
  const { t } = useTranslation('desk');
  const [digits, setDigits] = useState('');
  const enabled = useQuery({ queryKey: ['cil', 'dtmf-enabled', item.id, item.state], queryFn: () => port.isSendDtmfEnabled(), staleTime: Infinity, retry: false });
  if (enabled.data !== true) return null;
  return (
    <form
      className="desk-item__dtmf"
      onSubmit={(e) => {
        e.preventDefault();
        if (digits !== '') onSend(digits);
        setDigits('');
      }}
    >
      <label className="desk-field">
        <span>{t('dtmf')}</span>
        <input
          className="desk-input"
          inputMode="tel"
          autoComplete="off"
          pattern="[0-9*#A-D]+"
          value={digits}
          onChange={(e) => setDigits(e.target.value.toUpperCase())}
          data-testid="dtmf-digits"
        />
      </label>
      <button type="submit" className="desk-button" disabled={busy || digits === ''} data-testid="dtmf-send">
        {t('sendDtmf')}
      </button>
    </form>
  );
}

/** Wrap-up reason picker (`getReasonCodeList(channel, 'Wrapup')` → `setWrapupReason`). */
function Wrapup(props: { port: AgentDeskPort; item: DeskWorkItem; busy: boolean; onSet: (reason: string) => void }) {
  const { port, item, busy, onSet } = props;
  const { t } = useTranslation('desk');
  const reasons = useQuery({ queryKey: ['cil', 'reasons', 'Wrapup'], queryFn: () => port.getReasonCodes('Wrapup'), staleTime: 60_000, retry: false });
  const [choice, setChoice] = useState('');
  return (
    <form
      className="desk-item__wrapup"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice !== '') onSet(choice);
      }}
    >
      <p data-testid="wrapup-current" data-value={item.wrapUpReason ?? ''}>
        {item.wrapUpReason ? t('wrapupCurrent', { reason: item.wrapUpReason }) : t('wrapupNone')}
      </p>
      <label className="desk-field">
        <span>{t('wrapupReason')}</span>
        <select className="desk-input" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="wrapup-select">
          <option value="">{t('chooseWrapup')}</option>
          {reasons.data?.map((r) => (
            <option key={r.id} value={r.label} data-testid="wrapup-option" data-reason-code={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {reasons.isError && (
        <p className="desk-error" role="alert">
          {t('reasonsFailed', { message: messageOf(reasons.error) })}
        </p>
      )}
      <button type="submit" className="desk-button" disabled={busy || choice === ''} data-testid="wrapup-set">
        {t('setWrapup')}
      </button>
    </form>
  );
}
