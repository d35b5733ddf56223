import type { EntityKey, SourceId } from './source';

/** How serious an alarm is; told by a word and an icon as well as a colour. */
export type AlarmSeverity = 'info' | 'warn' | 'alarm';

/** Every {@link AlarmSeverity}, least serious first. */
export const ALARM_SEVERITIES: readonly AlarmSeverity[] = ['info', 'warn', 'alarm'];

/**
 * One alarm from any backend (e.g. RTE UserAlert / UserQueueAlert, rte doc "Event:
 * UserAlert", "Event: UserQueueAlert"). Vendor text (condition, value, names) is shown as
 * text only. Times are epoch ms.
 */
export interface Alarm {
  readonly key: EntityKey;
  readonly source: SourceId;
  /**
   * The wallboard's id of the alarm within its source (RTE AlertId, for UserQueueAlert
   * `queue:<QueueId>`; BCT `<id>|<source>`, as BCT keys an active alarm by both).
   */
  readonly id: string;
  /** The id the vendor shows, when it differs from {@link Alarm.id} (BCT: the 4-digit alarm id). */
  readonly vendorId?: string;
  /** Condition name (RTE ConditionName; for a queue alert the queue's name). */
  readonly condition: string;
  /** The condition's expression and configured value, as sent (RTE ConditionExpression, ConditionValue). */
  readonly expression?: string;
  readonly threshold?: string;
  /** The actual value that triggered it, as sent (RTE Value). */
  readonly value?: string;
  /** The user or queue it concerns (vendor id) and its name where sent. */
  readonly entityId?: string;
  readonly entityName?: string;
  readonly severity: AlarmSeverity;
  /** `raised` until cleared. */
  readonly state: 'raised' | 'cleared';
  /** First raised (kept when the same alarm is raised again), last raised, cleared. */
  readonly raisedAt: number;
  readonly lastRaisedAt: number;
  readonly clearedAt?: number;
  readonly updatedAt: number;
}
