import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useId, useState, type FormEvent } from 'react';
import { CommandError, type CallJourney, type CallJourneyStep } from '../../domain';
import { useTranslation } from '../../i18n';
import { useFormat, usePort } from '../../ui';

/** The URL parameter that opens a call's journey on load (`?callJourney=<UCCX call id>`). */
export const CALL_JOURNEY_PARAM = 'callJourney';

/** How long a loaded journey is served from the cache before it is asked again (ms). */
const JOURNEY_STALE_MS = 5 * 60_000;

/**
 * Retry once, and only what may pass: a timeout or a lost connection. A vendor refusal
 * (`failure`), a malformed answer or a bad call id would only fail again.
 */
function retryOnce(failures: number, e: Error): boolean {
  return failures < 1 && e instanceof CommandError && (e.code === 'timeout' || (e.code === 'not-connected' && e.vendorCode !== 'cancelled'));
}

function callIdFromUrl(): string {
  if (typeof location === 'undefined') return '';
  return (new URLSearchParams(location.search).get(CALL_JOURNEY_PARAM) ?? '').trim();
}

/** Keeps `?callJourney=` in the address in step with the shown call (so it can be shared); no navigation. */
function writeUrl(callId: string): void {
  if (typeof history === 'undefined') return;
  const url = new URL(location.href);
  if (callId) url.searchParams.set(CALL_JOURNEY_PARAM, callId);
  else url.searchParams.delete(CALL_JOURNEY_PARAM);
  history.replaceState(history.state, '', url);
}

/**
 * The call journey (issue 12 scope 3; openmethods-uccx-report-server.txt "report.calljourney"):
 * a UCCX call id typed into `data-testid="call-journey-input"` (Enter or "Show journey") or
 * given as `?callJourney=<id>` is asked with a react-query query (cached per call id for
 * five minutes, retried once on a timeout or lost connection, cancellable: "Cancel" aborts
 * the query's signal and the connector stops waiting). The answer is a timeline of
 * `data-testid="call-journey-step"` (`data-device`, `data-duration-ms`) with device, type,
 * description and duration (the vendor's text parsed; shown as sent when it cannot be read),
 * and the total (`data-testid="call-journey-total"`, `data-value` in ms, `data-complete`).
 * A failure shows the vendor's code and message (`data-testid="call-journey-error"`,
 * `data-code`). Supervisor board only (the kiosk has no port and never loads this).
 */
export function CallJourneyPanel() {
  const { port } = usePort('uccx', 'callJourney');
  const [input, setInput] = useState(callIdFromUrl);
  const [callId, setCallId] = useState(callIdFromUrl);
  const queryClient = useQueryClient();
  const { t } = useTranslation('uccx');
  const ids = { title: useId(), input: useId() };
  const queryKey = ['uccx', 'callJourney', callId] as const;
  const query = useQuery<CallJourney, Error>({
    queryKey,
    queryFn: ({ signal }) => {
      if (!port) throw new CommandError('not-connected', 'no UCCX source');
      return port.callJourney(callId, signal);
    },
    enabled: port !== undefined && callId !== '',
    retry: retryOnce,
    staleTime: JOURNEY_STALE_MS,
    refetchOnWindowFocus: false,
  });
  if (!port) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = input.trim();
    if (id === callId) void query.refetch();
    setCallId(id);
    writeUrl(id);
  };
  const close = () => {
    void queryClient.cancelQueries({ queryKey });
    setCallId('');
    setInput('');
    writeUrl('');
  };
  const cancelled = callId !== '' && query.status === 'pending' && query.fetchStatus === 'idle';

  return (
    <section className="panel call-journey" aria-labelledby={ids.title} data-testid="call-journey">
      <h2 id={ids.title} className="panel__title">
        {t('journey.title')}
      </h2>
      <form className="call-journey__form" onSubmit={submit} role="search">
        <label htmlFor={ids.input}>{t('journey.label')}</label>
        <input
          id={ids.input}
          data-testid="call-journey-input"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={t('journey.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
        />
        <button type="submit" data-testid="call-journey-open" disabled={input.trim() === ''}>
          {t('journey.open')}
        </button>
        {callId !== '' && (
          <button type="button" data-testid="call-journey-close" onClick={close}>
            {t('journey.close')}
          </button>
        )}
      </form>
      {callId === '' ? null : query.fetchStatus === 'fetching' && !query.data ? (
        <p className="call-journey__status" role="status" data-testid="call-journey-loading">
          {t('journey.loading', { callId })}{' '}
          <button type="button" data-testid="call-journey-cancel" onClick={() => void queryClient.cancelQueries({ queryKey })}>
            {t('journey.cancel')}
          </button>
        </p>
      ) : cancelled ? (
        <p className="call-journey__status" role="status">
          {t('journey.cancelled', { callId })}
        </p>
      ) : query.status === 'error' ? (
        <JourneyError callId={callId} error={query.error} />
      ) : query.data ? (
        <Timeline journey={query.data} />
      ) : null}
    </section>
  );
}

function JourneyError({ callId, error }: { callId: string; error: Error }) {
  const { t } = useTranslation('uccx');
  const code = error instanceof CommandError ? (error.vendorCode ?? error.code) : 'error';
  return (
    <div className="call-journey__error" role="alert" data-testid="call-journey-error" data-code={code}>
      <p>{t('journey.failed', { callId })}</p>
      <p>
        {t('journey.code')}: <code data-testid="call-journey-error-code">{code}</code> — <span data-testid="call-journey-error-message">{error.message}</span>
      </p>
    </div>
  );
}

/** The steps in the vendor's order and the total. */
const Timeline = memo(function Timeline({ journey }: { journey: CallJourney }) {
  const { t } = useTranslation('uccx');
  const format = useFormat();
  if (journey.steps.length === 0) return <p className="panel__empty">{t('journey.empty', { callId: journey.callId })}</p>;
  const total = format.duration(journey.totalMs / 1000);
  return (
    <div className="call-journey__result" data-testid="call-journey-result" data-call-id={journey.callId}>
      <p className="call-journey__summary">{t('journey.steps', { count: journey.steps.length })}</p>
      <ol className="call-journey__steps">
        {journey.steps.map((s, i) => (
          <Step key={i} step={s} />
        ))}
      </ol>
      <p className="call-journey__total" data-testid="call-journey-total" data-value={String(journey.totalMs)} data-complete={String(journey.totalComplete)}>
        {t('journey.total')}: <strong>{journey.totalComplete ? total : t('journey.totalPartial', { time: total })}</strong>
      </p>
    </div>
  );
});

function Step({ step }: { step: CallJourneyStep }) {
  const { t } = useTranslation('uccx');
  const format = useFormat();
  return (
    <li className="call-journey__step" data-testid="call-journey-step" data-device={step.device} data-duration-ms={step.durationMs === undefined ? '' : String(step.durationMs)}>
      <span className="call-journey__device">
        <span className="uccx-vh">{t('journey.device')}: </span>
        {step.device}
      </span>
      <span className="call-journey__type">
        <span className="uccx-vh">{t('journey.deviceType')}: </span>
        {step.deviceType}
      </span>
      <span className="call-journey__desc">
        <span className="uccx-vh">{t('journey.description')}: </span>
        {step.description}
      </span>
      <span className="call-journey__duration" title={step.durationMs === undefined ? t('journey.unparsed') : step.durationText}>
        <span className="uccx-vh">{t('journey.duration')}: </span>
        {step.durationMs === undefined ? step.durationText : format.duration(step.durationMs / 1000)}
      </span>
    </li>
  );
}
