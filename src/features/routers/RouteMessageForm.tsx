import { useId, useState, type FormEvent } from 'react';
import { Send } from 'lucide-react';
import type { RouteMessagePort } from '../../domain';
import { useTranslation } from '../../i18n';

type Outcome = { readonly kind: 'idle' } | { readonly kind: 'sending' } | { readonly kind: 'sent' } | { readonly kind: 'failed'; readonly message: string };

/**
 * The supervisor's RouteMessage form (bct doc "Route Message"): a text message routed to an
 * agent through a starter (takes precedence) or a router, with an optional sender name and
 * email. The port refuses a message without a starter or router before anything is sent;
 * the answer (accepted, or the vendor's refusal, or no answer in time) is shown in the form.
 * Only where the port exists (never on a TV). `data-testid="route-message-form"`.
 */
export function RouteMessageForm({ port }: { port: RouteMessagePort }) {
  const { t } = useTranslation('routers');
  const id = useId();
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState<'router' | 'starter'>('router');
  const [name, setName] = useState(port.routerNames[0] ?? '');
  const [senderName, setSenderName] = useState('');
  const [senderEmail, setSenderEmail] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome({ kind: 'sending' });
    port
      .routeMessage({
        message,
        ...(target === 'router' ? { routerName: name } : { starterName: name }),
        ...(senderName.trim() ? { senderName: senderName.trim() } : {}),
        ...(senderEmail.trim() ? { senderEmail: senderEmail.trim() } : {}),
      })
      .then(
        () => {
          setOutcome({ kind: 'sent' });
          setMessage('');
        },
        (err: unknown) => setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
      );
  };

  return (
    <details className="route-message">
      <summary>{t('routeMessage')}</summary>
      <form className="route-message__form" data-testid="route-message-form" onSubmit={submit}>
        <label htmlFor={`${id}-msg`}>{t('message')}</label>
        <textarea id={`${id}-msg`} value={message} onChange={(e) => setMessage(e.target.value)} required rows={3} maxLength={2000} />
        <fieldset className="route-message__target">
          <legend>{t('target')}</legend>
          <label>
            <input type="radio" name={`${id}-target`} checked={target === 'router'} onChange={() => setTarget('router')} /> {t('router')}
          </label>
          <label>
            <input type="radio" name={`${id}-target`} checked={target === 'starter'} onChange={() => setTarget('starter')} /> {t('starter')}
          </label>
          <input aria-label={target === 'router' ? t('router') : t('starter')} list={`${id}-routers`} value={name} onChange={(e) => setName(e.target.value)} required />
          <datalist id={`${id}-routers`}>
            {port.routerNames.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </fieldset>
        <label htmlFor={`${id}-sender`}>{t('senderName')}</label>
        <input id={`${id}-sender`} value={senderName} onChange={(e) => setSenderName(e.target.value)} />
        <label htmlFor={`${id}-email`}>{t('senderEmail')}</label>
        <input id={`${id}-email`} type="email" value={senderEmail} onChange={(e) => setSenderEmail(e.target.value)} />
        <button type="submit" disabled={outcome.kind === 'sending'}>
          <Send aria-hidden="true" size={16} /> {t('send')}
        </button>
        {outcome.kind === 'sent' && (
          <p role="status" data-testid="route-message-sent">
            {t('sent')}
          </p>
        )}
        {outcome.kind === 'failed' && (
          <p role="alert" data-testid="route-message-error">
            {outcome.message}
          </p>
        )}
      </form>
    </details>
  );
}
