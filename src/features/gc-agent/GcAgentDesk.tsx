import { memo, useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { BookUser, LogIn, PhoneForwarded, Users } from 'lucide-react';
import {
  CommandError,
  elapsedSeconds,
  entityKey,
  type AgentCommandPort,
  type GcDeskPort,
  type MobileLoginRequest,
  type Phonebook,
  type PhonebookContact,
  type PhonebookScope,
  type ReasonCodeLabels,
} from '../../domain';
import { useTranslation, type TFunction } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useAgent, useContacts, usePhonebooks, useSourceHealth } from '../../stores';
import { useFormat } from '../../ui';
import './gc-agent.css';

/**
 * A failed command in words: the vendor's GC error code as a readable sentence from the
 * `gcDesk` catalogue (`errors.<CODE>`, e.g. WRONG_EXTENSION), else the command error's kind
 * (`errors.timeout`, `errors.not-connected`, `errors.invalid`), else the error's own text.
 * The vendor's message follows as sent (plain text).
 */
export function deskErrorText(err: unknown, t: TFunction, exists: (key: string) => boolean): { code: string; text: string; detail?: string } {
  if (err instanceof CommandError) {
    const code = err.vendorCode ?? err.code;
    const key = `errors.${code}`;
    const text = exists(key) ? t(key) : err.vendorCode ? t('errors.vendor', { code: err.vendorCode }) : err.message;
    const detail = err.vendorCode ? err.message.replace(`${err.vendorCode}: `, '') : err.code === 'invalid' ? err.message : undefined;
    return { code, text, ...(detail && detail !== text ? { detail } : {}) };
  }
  return { code: 'error', text: err instanceof Error ? err.message : String(err) };
}

/** The error line of a form or action: readable sentence, vendor detail, `data-code` for tests. */
function DeskError({ error, testId }: { error: unknown; testId: string }) {
  const { t, i18n } = useTranslation('gcDesk');
  const e = deskErrorText(error, t, (k) => i18n.exists(`gcDesk:${k}`));
  return (
    <p className="gc-desk__error" role="alert" data-testid={testId} data-code={e.code}>
      {e.text}
      {e.detail && <span className="gc-desk__detail"> ({e.detail})</span>}
    </p>
  );
}

/**
 * The agent's own desk through the ExpertFlow Generic Connector (issue 9; `/agent` when the
 * agent backend is GC): the mobile agent login form (gc doc "Command: Mobile Agent Login";
 * its error codes shown as readable messages), then the agent's state, reason and time in
 * state with a pending state while on a call, Ready / Not Ready (with the configured reasons)
 * round-tripping through the broker (pending until GC's State event confirms), own and team
 * phonebooks whose contacts (`data-testid="phonebook-contact"`) fill the transfer /
 * conference target. Keyboard: a plain form and buttons; the state is announced (`role=status`).
 */
export function GcAgentDesk(props: { desk: GcDeskPort; statePort: AgentCommandPort; reasonCodes: ReasonCodeLabels }) {
  const { desk, statePort, reasonCodes } = props;
  const [loginId, setLoginId] = useState<string | null>(null);
  const { t } = useTranslation('gcDesk');
  const health = useSourceHealth(desk.source);
  // Logged out (by the agent or a supervisor): the login form comes back, above the last state.
  const loggedOut = useAgent(entityKey(desk.source, loginId ?? ''))?.state === 'LOGOUT';
  return (
    <main className="gc-desk" data-testid="gc-agent-desk" data-connection={health.status}>
      <header className="gc-desk__header">
        <h1 className="gc-desk__title">{t('title')}</h1>
        <span className="gc-desk__connection" data-testid="gc-desk-connection" data-status={health.status}>
          {t(`connection.${health.status}`)}
        </span>
      </header>
      {loginId === null ? (
        <MobileLoginForm desk={desk} onLoggedIn={setLoginId} />
      ) : (
        <>
          {loggedOut && <MobileLoginForm desk={desk} onLoggedIn={setLoginId} initialLoginId={loginId} />}
          <OwnState loginId={loginId} source={desk.source} />
          <StateButtons loginId={loginId} port={statePort} reasonCodes={reasonCodes} />
          <CallTargets loginId={loginId} desk={desk} />
        </>
      )}
    </main>
  );
}

/** The mobile agent login form: login id, password, extension, dial number, connection mode. */
function MobileLoginForm(props: { desk: GcDeskPort; onLoggedIn: (loginId: string) => void; initialLoginId?: string }) {
  const { desk, onLoggedIn } = props;
  const { t } = useTranslation('gcDesk');
  const id = useId();
  const [form, setForm] = useState({ loginId: props.initialLoginId ?? '', password: '', extension: '', dialNumber: '', callByCall: true });
  const login = useMutation<void, Error, MobileLoginRequest>({
    mutationFn: (req) => desk.mobileLogin(req),
    onSuccess: (_v, req) => onLoggedIn(req.loginId),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ ...form, loginId: form.loginId.trim(), extension: form.extension.trim(), dialNumber: form.dialNumber.trim() });
  };
  const field = (name: 'loginId' | 'password' | 'extension' | 'dialNumber', testId: string, type = 'text', autoComplete = 'off') => (
    <div className="gc-desk__field">
      <label htmlFor={`${id}-${name}`}>{t(`login.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        data-testid={testId}
        type={type}
        required
        autoComplete={autoComplete}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <form className="gc-desk__card gc-desk__login" data-testid="gc-login-form" onSubmit={submit} aria-busy={login.isPending}>
      <h2>{t('login.title')}</h2>
      {field('loginId', 'gc-login-id', 'text', 'username')}
      {field('password', 'gc-login-password', 'password', 'current-password')}
      {field('extension', 'gc-login-extension')}
      {field('dialNumber', 'gc-login-dial-number', 'tel')}
      <div className="gc-desk__field">
        <label htmlFor={`${id}-mode`}>{t('login.mode')}</label>
        <select
          id={`${id}-mode`}
          data-testid="gc-login-mode"
          value={form.callByCall ? 'callByCall' : 'nailed'}
          onChange={(e) => setForm({ ...form, callByCall: e.target.value === 'callByCall' })}
        >
          <option value="callByCall">{t('login.callByCall')}</option>
          <option value="nailed">{t('login.nailed')}</option>
        </select>
      </div>
      <button type="submit" className="gc-desk__primary" data-testid="gc-login-submit" disabled={login.isPending}>
        <LogIn aria-hidden="true" size={18} /> {login.isPending ? t('login.pending') : t('login.submit')}
      </button>
      {login.isError && <DeskError error={login.error} testId="gc-login-error" />}
    </form>
  );
}

/** The agent's state as GC's State events say it: state word, reason, time in state, pending state. */
const OwnState = memo(function OwnState({ loginId, source }: { loginId: string; source: GcDeskPort['source'] }) {
  const agent = useAgent(entityKey(source, loginId));
  const { t } = useTranslation('gcDesk');
  const { t: ta } = useTranslation('agents');
  if (!agent) return <p className="gc-desk__card">{t('waiting')}</p>;
  const pending = agent.pendingState;
  return (
    <section className={`gc-desk__card gc-desk__state state--${agent.state}`} data-testid="gc-desk" data-agent-id={agent.id} data-state={agent.state} aria-label={t('stateTitle')}>
      <h2 className="gc-desk__name">{agent.name}</h2>
      <p className="gc-desk__state-line" role="status" aria-live="polite">
        <span className="gc-desk__swatch" aria-hidden="true" />
        <span data-testid="gc-desk-state" data-state={agent.state}>
          {agent.state === 'UNKNOWN' && agent.vendorState ? agent.vendorState : ta(`state.${agent.state}`)}
        </span>
        {agent.reasonLabel && (
          <span className="gc-desk__reason" data-testid="gc-desk-reason">
            {' · '}
            {agent.reasonLabel}
          </span>
        )}
        {' · '}
        <TimeInState since={agent.stateSince} />
      </p>
      {pending && (
        <p className="gc-desk__pending-state" data-testid="gc-desk-pending-state" data-state={pending}>
          {t('next', { state: ta(`state.${pending}`, { defaultValue: pending }) })}
        </p>
      )}
      {agent.extension && <p className="gc-desk__meta">{t('extension', { extension: agent.extension })}</p>}
    </section>
  );
});

function TimeInState({ since }: { since: number }) {
  const now = useNow();
  const format = useFormat();
  const s = elapsedSeconds(since, now);
  return (
    <span data-testid="gc-desk-time" data-value={String(s)}>
      {format.duration(s)}
    </span>
  );
}

/** Ready / Not Ready (with the configured reasons) / Log out for the agent itself, pending until GC confirms. */
function StateButtons({ loginId, port, reasonCodes }: { loginId: string; port: AgentCommandPort; reasonCodes: ReasonCodeLabels }) {
  const { t } = useTranslation('gcDesk');
  const { t: ta } = useTranslation('agents');
  const id = useId();
  const [reason, setReason] = useState(reasonCodes.notReady[0]?.id ?? '');
  const [logoutReason, setLogoutReason] = useState(reasonCodes.logout[0]?.id ?? '');
  const cmd = useMutation<void, Error, { state: 'READY' | 'NOT_READY' | 'LOGOUT'; reasonCodeId?: string }>({
    mutationFn: (c) => port.setAgentState({ agentId: loginId, state: c.state, ...(c.reasonCodeId ? { reasonCodeId: c.reasonCodeId } : {}) }),
  });
  const busy = cmd.isPending;
  return (
    <section className="gc-desk__card gc-desk__actions" aria-label={t('actionsTitle')}>
      <button type="button" className="gc-desk__big state--READY" data-testid="gc-desk-ready" disabled={busy} onClick={() => cmd.mutate({ state: 'READY' })}>
        {ta('command.READY')}
      </button>
      <div className="gc-desk__group">
        {reasonCodes.notReady.length > 0 && (
          <>
            <label htmlFor={`${id}-reason`}>{t('reason')}</label>
            <select id={`${id}-reason`} data-testid="gc-desk-reason-select" value={reason} onChange={(e) => setReason(e.target.value)}>
              {reasonCodes.notReady.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="button"
          className="gc-desk__big state--NOT_READY"
          data-testid="gc-desk-not-ready"
          disabled={busy}
          onClick={() => cmd.mutate({ state: 'NOT_READY', ...(reason ? { reasonCodeId: reason } : {}) })}
        >
          {ta('command.NOT_READY')}
        </button>
      </div>
      <div className="gc-desk__group">
        {reasonCodes.logout.length > 0 && (
          <>
            <label htmlFor={`${id}-logout`}>{t('reason')}</label>
            <select id={`${id}-logout`} data-testid="gc-desk-logout-reason" value={logoutReason} onChange={(e) => setLogoutReason(e.target.value)}>
              {reasonCodes.logout.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="button"
          className="gc-desk__big state--LOGOUT"
          data-testid="gc-desk-logout"
          disabled={busy}
          onClick={() => cmd.mutate({ state: 'LOGOUT', ...(logoutReason ? { reasonCodeId: logoutReason } : {}) })}
        >
          {ta('command.LOGOUT')}
        </button>
      </div>
      {busy && (
        <p className="gc-desk__pending" data-testid="gc-desk-pending" role="status">
          {t('pending')}
        </p>
      )}
      {cmd.isError && <DeskError error={cmd.error} testId="gc-desk-error" />}
    </section>
  );
}

/**
 * Own and team phonebooks (requested once after login; a list the vendor reports "not found"
 * says so), a phonebook's contacts on demand; picking a contact fills the target of a
 * transfer or conference (gc doc "Command: TransferCall" / "ConferenceCall": `<extension>,<dialogId>`).
 */
function CallTargets({ loginId, desk }: { loginId: string; desk: GcDeskPort }) {
  const { t } = useTranslation('gcDesk');
  const id = useId();
  const [target, setTarget] = useState('');
  const [dialogId, setDialogId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const load = useMutation<void, Error, PhonebookScope>({ mutationFn: (scope) => desk.requestPhonebooks(scope) });
  const contacts = useMutation<void, Error, string>({ mutationFn: (pb) => desk.requestContacts(pb) });
  const call = useMutation<void, Error, 'transfer' | 'conference'>({
    mutationFn: (kind) => (kind === 'transfer' ? desk.transfer(target.trim(), dialogId.trim()) : desk.conference(target.trim(), dialogId.trim())),
  });
  useEffect(() => {
    // Both lists, once per login (a failure shows through "reload").
    void desk.requestPhonebooks('agent').catch(() => undefined);
    void desk.requestPhonebooks('team').catch(() => undefined);
  }, [desk, loginId]);
  const pick = (pb: string) => {
    setOpen(pb);
    contacts.mutate(pb);
  };
  return (
    <section className="gc-desk__card gc-desk__targets" aria-label={t('targetsTitle')} data-testid="gc-phonebooks">
      <h2>
        <BookUser aria-hidden="true" size={18} /> {t('phonebooks')}
      </h2>
      <PhonebookList source={desk.source} owner={loginId} scope="agent" open={open} onOpen={pick} />
      <h3>
        <Users aria-hidden="true" size={16} /> {t('teamPhonebooks')}
      </h3>
      <PhonebookList source={desk.source} owner={loginId} scope="team" open={open} onOpen={pick} />
      <button type="button" className="gc-desk__link" data-testid="gc-phonebooks-reload" onClick={() => {
        load.mutate('agent');
        load.mutate('team');
      }}>
        {t('reload')}
      </button>
      {load.isError && <DeskError error={load.error} testId="gc-phonebooks-error" />}
      {open !== null && <ContactList source={desk.source} phonebookId={open} onPick={(c) => setTarget(c.phoneNumber)} />}
      {contacts.isError && <DeskError error={contacts.error} testId="gc-contacts-error" />}
      <div className="gc-desk__transfer">
        <div className="gc-desk__field">
          <label htmlFor={`${id}-target`}>{t('target')}</label>
          <input id={`${id}-target`} data-testid="gc-desk-target" value={target} onChange={(e) => setTarget(e.target.value)} />
        </div>
        <div className="gc-desk__field">
          <label htmlFor={`${id}-dialog`}>{t('dialogId')}</label>
          <input id={`${id}-dialog`} data-testid="gc-desk-dialog-id" value={dialogId} onChange={(e) => setDialogId(e.target.value)} />
        </div>
        <button type="button" data-testid="gc-desk-transfer" disabled={call.isPending || !target || !dialogId} onClick={() => call.mutate('transfer')}>
          <PhoneForwarded aria-hidden="true" size={16} /> {t('transfer')}
        </button>
        <button type="button" data-testid="gc-desk-conference" disabled={call.isPending || !target || !dialogId} onClick={() => call.mutate('conference')}>
          <Users aria-hidden="true" size={16} /> {t('conference')}
        </button>
      </div>
      {call.isSuccess && (
        <p className="gc-desk__ok" data-testid="gc-desk-call-done" role="status">
          {t(call.variables === 'transfer' ? 'transferred' : 'conferenced', { target })}
        </p>
      )}
      {call.isError && <DeskError error={call.error} testId="gc-desk-call-error" />}
    </section>
  );
}

function PhonebookList(props: { source: GcDeskPort['source']; owner: string; scope: PhonebookScope; open: string | null; onOpen: (id: string) => void }) {
  const books = usePhonebooks(props.source, props.owner, props.scope);
  const { t } = useTranslation('gcDesk');
  if (books === undefined) return <p className="gc-desk__muted">{t('loading')}</p>;
  if (books.length === 0)
    return (
      <p className="gc-desk__muted" data-testid="gc-phonebook-none" data-scope={props.scope}>
        {t(props.scope === 'team' ? 'noTeamPhonebook' : 'noPhonebook')}
      </p>
    );
  return (
    <ul className="gc-desk__list">
      {books.map((b: Phonebook) => (
        <li key={b.id}>
          <button
            type="button"
            data-testid="phonebook"
            data-phonebook-id={b.id}
            data-scope={props.scope}
            aria-pressed={props.open === b.id}
            onClick={() => props.onOpen(b.id)}
          >
            {b.name || b.id}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ContactList({ source, phonebookId, onPick }: { source: GcDeskPort['source']; phonebookId: string; onPick: (c: PhonebookContact) => void }) {
  const contacts = useContacts(source, phonebookId);
  const { t } = useTranslation('gcDesk');
  if (contacts === undefined) return <p className="gc-desk__muted">{t('loading')}</p>;
  if (contacts.length === 0)
    return (
      <p className="gc-desk__muted" data-testid="gc-contact-none">
        {t('noContact')}
      </p>
    );
  return (
    <ul className="gc-desk__list gc-desk__contacts" aria-label={t('contacts')}>
      {contacts.map((c) => (
        <li key={c.id}>
          <button type="button" data-testid="phonebook-contact" data-contact-id={c.id} data-number={c.phoneNumber} onClick={() => onPick(c)}>
            <span className="gc-desk__contact-name">{[c.firstName, c.lastName].filter(Boolean).join(' ') || c.phoneNumber}</span>
            <span className="gc-desk__contact-number">{c.phoneNumber}</span>
            {c.description && <span className="gc-desk__muted">{c.description}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
