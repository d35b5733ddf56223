import { memo } from 'react';
import { elapsedSeconds, severityOf, type Severity } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useAgentTotal, useQueueTotals, type AgentTotals } from '../../stores';
import { Figure, useBoard, useFormat, usePanelScope } from '../../ui';
import './kpi.css';

/**
 * The big-number KPI panel (issue 13 scope 3): totals across the queues the panel's filters
 * allow (`sources`, `queues`) — calls waiting, longest waiting (seconds, ticking), service
 * level (percent), abandoned — and agents available / on calls / not ready (agents of the
 * panel's `sources`: distinct agents from the agents store, not the queues' per-queue
 * counts, which count an agent once per queue). Type sized to be read from five metres.
 * Each figure: `data-testid="kpi"`, `data-stat` (`callsWaiting`, `longestWaitingSec`,
 * `serviceLevelPct`, `abandoned`, `agentsAvailable`, `agentsOnCalls`, `agentsNotReady`),
 * `data-value` (absent when no queue sends it) and `data-severity` (`ok`, `warning`,
 * `critical`): the panel's thresholds, else the configuration's board-wide queue thresholds.
 */
export function KpiPanel() {
  const { filters } = usePanelScope();
  const totals = useQueueTotals({ sources: filters.sources, ids: filters.queues });
  const { thresholds } = useBoard().config;
  const { t } = useTranslation('kpi');
  const format = useFormat();
  const sl = totals.serviceLevelPct;
  let slSev: Severity = 'ok';
  if (sl !== undefined && thresholds.serviceLevelAlarmPct !== undefined && sl < thresholds.serviceLevelAlarmPct) slSev = 'alarm';
  else if (sl !== undefined && thresholds.serviceLevelWarnPct !== undefined && sl < thresholds.serviceLevelWarnPct) slSev = 'warn';
  return (
    <div className="kpi-panel" role="group" aria-label={t('label')}>
      <Figure
        size="large"
        testId="kpi"
        stat="callsWaiting"
        label={t('callsWaiting')}
        value={totals.queues === 0 ? undefined : totals.callsWaiting}
        severity={severityOf(totals.callsWaiting, thresholds.callsWaitingWarn, thresholds.callsWaitingAlarm)}
      />
      <LongestWaitingKpi since={totals.longestWaitingSince} any={totals.queues > 0} />
      <Figure
        size="large"
        testId="kpi"
        stat="serviceLevelPct"
        label={t('serviceLevel')}
        value={sl === undefined ? undefined : Math.round(sl)}
        display={sl === undefined ? undefined : format.percent(sl)}
        severity={slSev}
      />
      <Figure size="large" testId="kpi" stat="abandoned" label={t('abandoned')} value={totals.abandoned} severity="ok" />
      <AgentKpi group="available" stat="agentsAvailable" />
      <AgentKpi group="onCalls" stat="agentsOnCalls" />
      <AgentKpi group="notReady" stat="agentsNotReady" />
    </div>
  );
}

/** The longest wait across the queues, ticking on the shared clock (its own leaf). */
function LongestWaitingKpi({ since, any }: { since: number | undefined; any: boolean }) {
  const now = useNow();
  const { thresholds } = useBoard().config;
  const { t } = useTranslation('kpi');
  const format = useFormat();
  const seconds = since === undefined ? (any ? 0 : undefined) : elapsedSeconds(since, now);
  return (
    <Figure
      size="large"
      testId="kpi"
      stat="longestWaitingSec"
      label={t('longestWaiting')}
      value={seconds}
      display={seconds === undefined ? undefined : format.duration(seconds)}
      severity={severityOf(seconds, thresholds.longestWaitingWarnSec, thresholds.longestWaitingAlarmSec)}
    />
  );
}

const AgentKpi = memo(function AgentKpi({ group, stat }: { group: keyof AgentTotals; stat: string }) {
  const { filters } = usePanelScope();
  const n = useAgentTotal(group, filters.sources);
  const { t } = useTranslation('kpi');
  return <Figure size="large" testId="kpi" stat={stat} label={t(stat)} value={n} severity="ok" />;
});
