import type { EntityKey, SourceId } from './source';

/**
 * One Business ConneCT router as the stores hold it (bct doc "Events: Router Status
 * (RouterStatus)"). Every figure is optional: a field the adapter did not send, or sent as a
 * string that is not a whole number, is absent, never zero. Counts are agents or tasks.
 */
export interface Router {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** The vendor's `routerName` (vendor text: render as text only); also the router's id. */
  readonly name: string;
  /** Tasks waiting in the queue (`queueLength`). */
  readonly queueLength?: number;
  /**
   * When the longest-waiting task started waiting (epoch ms), derived at receipt from
   * `maxWaitingTime` (seconds), so the board ticks it from one clock. Absent when nothing
   * waits or the adapter did not send it.
   */
  readonly maxWaitingSince?: number;
  /** Available and handling no task (`idleAgents`). */
  readonly idleAgents?: number;
  /** Registered for this router (`loggedOnAgents`). */
  readonly loggedOnAgents?: number;
  /** Registered and Not Ready (`notReadyAgents`). */
  readonly notReadyAgents?: number;
  /** `workingAgents` (the vendor: "Number of working agents"). */
  readonly workingAgents?: number;
  /** Handling one or more tasks for this router (`activeAgents`). */
  readonly activeAgents?: number;
  /** Registered and Ready but not active for this router (`inactiveAgents`). */
  readonly inactiveAgents?: number;
  /** Epoch ms of the last event that changed this router. */
  readonly updatedAt: number;
}

/** Every count of a {@link Router} (the vendor's names), in display order. */
export const ROUTER_COUNT_KEYS = ['queueLength', 'idleAgents', 'loggedOnAgents', 'notReadyAgents', 'workingAgents', 'activeAgents', 'inactiveAgents'] as const;

/** One of {@link ROUTER_COUNT_KEYS}. */
export type RouterCountKey = (typeof ROUTER_COUNT_KEYS)[number];

/** A router's figures as an event carries them: the counts and `maxWaitingSince` (epoch ms). */
export type RouterStats = Partial<Record<RouterCountKey | 'maxWaitingSince', number>>;
