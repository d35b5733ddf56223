import { useId, useState, type FormEvent } from 'react';
import { Megaphone, Send, X } from 'lucide-react';
import { BROADCAST_SEVERITIES, MAX_BROADCAST_TEXT, messagesInForce, type BroadcastPort, type BroadcastSeverity } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useBroadcastMessages } from '../../stores';

/** The expiry choices, in minutes. */
export const BROADCAST_EXPIRY_MINUTES = [1, 5, 15, 30, 60, 120, 240, 480] as const;

type Outcome = { readonly kind: 'idle' } | { readonly kind: 'sent' } | { readonly kind: 'failed'; readonly message: string };

/**
 * The supervisor's broadcast form (issue 13 scope 6): a disclosure in the board's header
 * with the message (at most 280 characters, the count left said as you type), its severity
 * and how long it shows, and the messages in force with a Withdraw button each. Works by
 * keyboard (native `details`, form controls and buttons). Only where the app provides a
 * {@link BroadcastPort} (the supervisor board, never the kiosk). Hooks (docs/CONTRACTS.md
 * "Broadcast messages"): `broadcast-compose` (the disclosure), `broadcast-form`,
 * `broadcast-text`, `broadcast-severity`, `broadcast-expiry` (minutes), `broadcast-post`,
 * `broadcast-form-status` / `broadcast-form-error`, per message in force
 * `broadcast-withdraw` with `data-broadcast-id`.
 */
export function BroadcastForm({ port }: { port: BroadcastPort }) {
  const { t } = useTranslation('broadcast');
  const id = useId();
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<BroadcastSeverity>('info');
  const [minutes, setMinutes] = useState<number>(15);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const failed = (err: unknown) =>
    setOutcome({
      kind: 'failed',
      message: t('postFailed', { reason: err instanceof Error && err.name === 'StompNotConnectedError' ? t('notConnected') : err instanceof Error ? err.message : String(err) }),
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length === 0) {
      setOutcome({ kind: 'failed', message: t('emptyText') });
      return;
    }
    try {
      port.post({ text, severity, ttlSec: minutes * 60 });
      setText('');
      setOutcome({ kind: 'sent' });
    } catch (err) {
      failed(err);
    }
  };

  const left = MAX_BROADCAST_TEXT - text.length;
  return (
    <details className="broadcast-compose" data-testid="broadcast-compose">
      <summary>
        <Megaphone aria-hidden="true" size={16} /> {t('openForm')}
      </summary>
      <div className="broadcast-compose__panel">
        <form className="broadcast-form" data-testid="broadcast-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{t('formTitle')}</h2>
          <label htmlFor={`${id}-text`}>{t('text')}</label>
          <textarea
            id={`${id}-text`}
            data-testid="broadcast-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_BROADCAST_TEXT}
            rows={3}
            required
            aria-describedby={`${id}-left`}
          />
          <span id={`${id}-left`} className="broadcast-form__hint">
            {t('remaining', { count: left })}
          </span>
          <div className="broadcast-form__row">
            <label>
              {t('severityLabel')}
              <select data-testid="broadcast-severity" value={severity} onChange={(e) => setSeverity(e.target.value as BroadcastSeverity)}>
                {BROADCAST_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`severity.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('expiry')}
              <select data-testid="broadcast-expiry" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                {BROADCAST_EXPIRY_MINUTES.map((m) => (
                  <option key={m} value={m}>
                    {m < 60 ? t('expiryMinutes', { count: m }) : t('expiryHours', { count: m / 60 })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" data-testid="broadcast-post">
              <Send aria-hidden="true" size={16} /> {t('post')}
            </button>
          </div>
          {outcome.kind === 'sent' && (
            <p role="status" data-testid="broadcast-form-status">
              {t('posted')}
            </p>
          )}
          {outcome.kind === 'failed' && (
            <p role="alert" className="broadcast-form__error" data-testid="broadcast-form-error">
              {outcome.message}
            </p>
          )}
        </form>
        <InForce port={port} onError={failed} />
      </div>
    </details>
  );
}

/** The messages in force, each with its Withdraw button (ticks on the shared clock while the form is open). */
function InForce({ port, onError }: { port: BroadcastPort; onError: (err: unknown) => void }) {
  const { t } = useTranslation('broadcast');
  const now = useNow();
  const shown = messagesInForce(useBroadcastMessages(), now);
  return (
    <section aria-label={t('inForce')}>
      <h3>{t('inForce')}</h3>
      {shown.length === 0 ? (
        <p className="broadcast-form__hint">{t('noneInForce')}</p>
      ) : (
        <ul className="broadcast-form__list">
          {shown.map((m) => (
            <li key={m.id}>
              <span>
                {t(`severity.${m.severity}`)}: {m.text}
              </span>
              <button
                type="button"
                data-testid="broadcast-withdraw"
                data-broadcast-id={m.id}
                aria-label={t('withdrawLabel', { text: m.text })}
                onClick={() => {
                  try {
                    port.withdraw(m.id);
                  } catch (err) {
                    onError(err);
                  }
                }}
              >
                <X aria-hidden="true" size={14} /> {t('withdraw')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
