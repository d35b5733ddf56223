import { severityOf, type Queue, type Severity } from '../../domain';
import type { BoardThresholds } from '../../ui';

/** Severity of calls waiting against the configured thresholds. */
export function callsWaitingSeverity(q: Queue, t: BoardThresholds): Severity {
  return severityOf(q.callsWaiting, t.callsWaitingWarn, t.callsWaitingAlarm);
}

/** Severity of the longest wait (seconds) against the configured thresholds. */
export function longestWaitingSeverity(seconds: number | undefined, t: BoardThresholds): Severity {
  return severityOf(seconds, t.longestWaitingWarnSec, t.longestWaitingAlarmSec);
}

/**
 * Severity of a service level, where lower is worse: below the alarm level → alarm,
 * below the warn level → warn. Meeting a level exactly is not a breach.
 */
export function serviceLevelSeverity(pct: number | undefined, t: BoardThresholds): Severity {
  if (pct === undefined) return 'ok';
  if (t.serviceLevelAlarmPct !== undefined && pct < t.serviceLevelAlarmPct) return 'alarm';
  if (t.serviceLevelWarnPct !== undefined && pct < t.serviceLevelWarnPct) return 'warn';
  return 'ok';
}
