import type { EntityKey, SourceId } from './source';

/**
 * One callback list (RTE call list; rte doc "Event: CallbackListStatus"). Figures are
 * counts as sent; a figure the vendor did not send is absent, never zero.
 */
export interface CallbackList {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** Vendor CallListId. */
  readonly id: string;
  /** TotalOpenRequests. */
  readonly open?: number;
  /** TotalAssigned. */
  readonly assigned?: number;
  /** TotalFreeForAllocation. */
  readonly freeForAllocation?: number;
  /** TotalOverDueDate. */
  readonly overdue?: number;
  /** NextHourOverDueDate. */
  readonly dueNextHour?: number;
  /** ExpiresIn24h. */
  readonly expiringToday?: number;
  /** TotalServingAgents. */
  readonly servingAgents?: number;
  /** TotalActiveAgents. */
  readonly activeAgents?: number;
  /** IsAutoAllocate. */
  readonly autoAllocate?: boolean;
  /** The list's items seen in CallbackChanged, newest change first (bounded). */
  readonly items: readonly CallbackItem[];
  readonly updatedAt: number;
}

/** The figure names of a {@link CallbackList}, in display order (test hook `data-stat`). */
export const CALLBACK_LIST_STATS = ['open', 'assigned', 'freeForAllocation', 'overdue', 'dueNextHour', 'expiringToday', 'servingAgents'] as const;

/** One figure name of a callback list. */
export type CallbackListStat = (typeof CALLBACK_LIST_STATS)[number];

/** The figures a status event may carry. */
export type CallbackListFigures = Partial<Pick<CallbackList, CallbackListStat | 'activeAgents' | 'autoAllocate'>>;

/**
 * One callback request as last seen in CallbackChanged (rte doc "Event: CallbackChanged").
 * Times epoch ms. Vendor text is shown as text only; the contact number is masked by the
 * connector as configured.
 */
export interface CallbackItem {
  /** CallBackId. */
  readonly id: string;
  readonly contactName?: string;
  readonly contactNumber?: string;
  /** Assigned user (vendor UserId). */
  readonly assignedUserId?: string;
  readonly dueAt?: number;
  readonly expiresAt?: number;
  readonly lastAttemptAt?: number;
  readonly lastAttemptNote?: string;
  /** Number of attempts listed. */
  readonly attempts: number;
  /** TypeId: 1 explicit callback request, 2 overflown call, 3 created manually. */
  readonly typeId?: number;
  /** Modified (vendor time). */
  readonly modifiedAt: number;
}
