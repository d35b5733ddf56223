import { memo, useEffect } from 'react';
import type { RouteMessagePort } from '../../domain';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { elapsedSeconds, severityOf, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useIsSourceLive, useRouter, useRouterKeys } from '../../stores';
import { Figure, SourceBadge, StaleTag, sourceOfKey, useBoard, useFormat, usePanelKeys, usePanelScope, usePort, usePanelHeadingId } from '../../ui';
import './routers.css';

/**
 * Business ConneCT routers (bct doc "Events: Router Status"): one tile per router with its
 * queue length, the longest wait (ticking), and its agents by state; coloured by the
 * configured router thresholds; where the backend offers it (not on a TV), the RouteMessage
 * form. Renders nothing while no router is known and no form is offered, so a board without
 * Business ConneCT shows no empty panel.
 */
export function RouterPanel() {
  const headingId = usePanelHeadingId('routers-title');
  const keys = usePanelKeys(useRouterKeys(), usePanelScope().filters.routers);
  const { port } = usePort('bct', 'routeMessage');
  const { t } = useTranslation('routers');
  const format = useFormat();
  if (keys.length === 0 && !port) return null;
  return (
    <section className="panel router-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('title')} <span className="panel__count">{format.number(keys.length)}</span>
      </h2>
      <div className="router-grid">
        {keys.map((k) => (
          <RouterTile key={k} routerKey={k} />
        ))}
      </div>
      {port && <LazyRouteMessageForm port={port} />}
    </section>
  );
}

/**
 * One router (`data-testid="router-tile"`, `data-router` = the vendor's router name). Each
 * figure carries the vendor's name in `data-stat` and its raw value in `data-value`
 * (`maxWaitingTime` in seconds), absent when the adapter did not send it.
 */
export const RouterTile = memo(function RouterTile({ routerKey }: { routerKey: EntityKey }) {
  const router = useRouter(routerKey);
  const live = useIsSourceLive(sourceOfKey(routerKey));
  const { thresholds } = useBoard().config;
  const { t } = useTranslation('routers');
  if (!router) return null;
  const qSev = severityOf(router.queueLength, thresholds.routerQueueLengthWarn, thresholds.routerQueueLengthAlarm);
  return (
    <section
      className={`router-tile sev-border--${qSev}${live ? '' : ' is-stale'}`}
      data-testid="router-tile"
      data-router={router.name}
      data-source={router.source}
      data-stale={live ? 'false' : 'true'}
      aria-label={t('tileLabel', { name: router.name })}
    >
      <header className="router-tile__head">
        <h3 className="router-tile__name" title={router.name}>
          {router.name}
        </h3>
        <SourceBadge source={router.source} />
        {!live && <StaleTag />}
      </header>
      <div className="router-tile__main">
        <Figure size="large" label={t('queueLength')} stat="queueLength" value={router.queueLength} severity={qSev} />
        <MaxWaiting since={router.maxWaitingSince} queueLength={router.queueLength} />
      </div>
      <div className="router-tile__agents">
        <Figure label={t('idleAgents')} stat="idleAgents" value={router.idleAgents} />
        <Figure label={t('activeAgents')} stat="activeAgents" value={router.activeAgents} />
        <Figure label={t('workingAgents')} stat="workingAgents" value={router.workingAgents} />
        <Figure label={t('notReadyAgents')} stat="notReadyAgents" value={router.notReadyAgents} />
        <Figure label={t('inactiveAgents')} stat="inactiveAgents" value={router.inactiveAgents} />
        <Figure label={t('loggedOnAgents')} stat="loggedOnAgents" value={router.loggedOnAgents} />
      </div>
    </section>
  );
});

/** The longest wait, ticking on the shared clock (its own leaf: only it re-renders each second). */
function MaxWaiting({ since, queueLength }: { since: number | undefined; queueLength: number | undefined }) {
  const now = useNow();
  const { thresholds } = useBoard().config;
  const { t } = useTranslation('routers');
  const format = useFormat();
  const seconds = since === undefined ? (queueLength === 0 ? 0 : undefined) : elapsedSeconds(since, now);
  const sev = severityOf(seconds, thresholds.routerMaxWaitingWarnSec, thresholds.routerMaxWaitingAlarmSec);
  return (
    <Figure
      size="large"
      label={t('maxWaitingTime')}
      stat="maxWaitingTime"
      value={seconds}
      display={seconds === undefined ? undefined : format.duration(seconds)}
      severity={sev}
    />
  );
}

/** The RouteMessage form's code: a chunk of its own, loaded only where the port exists (never on a TV). */
const routeMessageForm = lazyModule(() => import('./RouteMessageForm'));

function LazyRouteMessageForm({ port }: { port: RouteMessagePort }) {
  const m = useLazyModule(routeMessageForm);
  useEffect(() => {
    void routeMessageForm.load();
  }, []);
  return m ? <m.RouteMessageForm port={port} /> : null;
}
