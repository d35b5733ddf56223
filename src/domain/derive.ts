import { AGENT_STATES, type Agent, type AgentState } from './agent';

/**
 * Whole seconds elapsed from `since` to `now` (both epoch ms), never negative
 * (a vendor clock slightly ahead of ours shows 0, not a negative timer).
 */
export function elapsedSeconds(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * Formats a duration in seconds as `m:ss`, or `h:mm:ss` from one hour on.
 * @param totalSeconds seconds, non-negative (negative is shown as 0:00)
 */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Count of agents per {@link AgentState}; every state present, zero when none. */
export type StateCounts = Readonly<Record<AgentState, number>>;

/** A zeroed {@link StateCounts}. */
export function emptyStateCounts(): Record<AgentState, number> {
  const c = {} as Record<AgentState, number>;
  for (const s of AGENT_STATES) c[s] = 0;
  return c;
}

/** Counts agents per state. O(n). */
export function countStates(agents: Iterable<Agent>): StateCounts {
  const c = emptyStateCounts();
  for (const a of agents) c[a.state] += 1;
  return c;
}

/**
 * Service level in percent: calls answered within the threshold over calls offered
 * (answered + abandoned), the standard "answered within threshold / offered" form.
 * @returns a number in 0..100, or undefined when nothing was offered
 */
export function serviceLevelPct(answeredWithinThreshold: number, offered: number): number | undefined {
  if (!(offered > 0) || !(answeredWithinThreshold >= 0)) return undefined;
  return Math.min(100, (answeredWithinThreshold / offered) * 100);
}

/** Threshold levels the board colours a figure by. */
export type Severity = 'ok' | 'warn' | 'alarm';

/**
 * Severity of a value against warn/alarm thresholds (value >= alarm → alarm, >= warn → warn).
 * An undefined threshold never triggers.
 */
export function severityOf(value: number | undefined, warn?: number, alarm?: number): Severity {
  if (value === undefined) return 'ok';
  if (alarm !== undefined && value >= alarm) return 'alarm';
  if (warn !== undefined && value >= warn) return 'warn';
  return 'ok';
}
