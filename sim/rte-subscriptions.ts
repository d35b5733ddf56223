/**
 * RTE subscription validation and data lookup for the hub (rte doc "Subscribing to events",
 * "Subscription validation and authorization", "Available subscription events"; NOTES.md §1).
 * Event names and entity ids are matched case-insensitively; results carry the lower-cased
 * event name and the lower-cased entity id, as in the vendor's example.
 */
import type { SimModel } from './model';
import { rteCallbackListStatus, rteQueueAttachedUsers, rteQueueStatus, rteUserAvailability, rteUserStatus } from './rte-wire';

/** Every event name of the vendor document, as `AvailableSubscriptions` returns them. */
export const RTE_EVENT_NAMES: readonly string[] = [
  'UserActionMobileCall', 'UserAlert', 'UserAssistedCallbackRequest', 'UserAvailability', 'UserCallbackChanged',
  'UserCallInArrived', 'UserCallInComing', 'UserCallInDisconnected', 'UserCallInOverflow',
  'UserCallInTransferCancelled', 'UserCallInTransferConnected', 'UserCallInTransferStarted',
  'UserCallInUserAllocated', 'UserCallInUserCancelled', 'UserCallInUserConnected', 'UserCallInUserOverflow',
  'UserCallOutConnected', 'UserCallOutDisconnected', 'UserCallOutGoing', 'UserConfigurationSetNextCLI',
  'UserMissedCallNotification', 'UserQueueAlert', 'UserStatus', 'UserVoiceMailNotification',
  'QueueAttachedUsers', 'QueueCallInArrived', 'QueueCallInComing', 'QueueCallInDisconnected', 'QueueCallInOverflow',
  'QueueCallInTransferCancelled', 'QueueCallInTransferConnected', 'QueueCallInTransferStarted',
  'QueueCallInUserAllocated', 'QueueCallInUserCancelled', 'QueueCallInUserConnected', 'QueueStatus',
  'CallbackChanged', 'CallbackListStatus', 'CallbackRequestNotification', 'CallbackRequestReceivedNotification',
  'CallListNotification',
];

const BY_LOWER = new Map(RTE_EVENT_NAMES.map((n) => [n.toLowerCase(), n]));

/** One item of a Subscribe/Unsubscribe result, exactly the vendor example's shape and key order. */
export interface RteSubscriptionResult {
  subscribed: boolean;
  message: string | null;
  entityId: string | null;
  eventName: string | null;
}

/** A validated subscription: lower-cased event name and entity id, and the vendor spelling. */
export interface RteSubscriptionKey {
  readonly eventName: string;
  readonly entityId: string;
  readonly canonicalEvent: string;
}

/** Reads a property case-insensitively (`EntityId`, `entityId`, `entityID`, …). */
export function prop(o: unknown, name: string): unknown {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** Which kind of entity an event is about: users, queues or call lists (by the vendor's grouping). */
function entityKind(canonicalEvent: string): 'user' | 'queue' | 'calllist' {
  if (canonicalEvent.startsWith('User')) return 'user';
  if (canonicalEvent.startsWith('Queue')) return 'queue';
  return 'calllist';
}

/**
 * Validates one Subscribe item. Unknown event → `subscribed:false, message:"Unknown event"`;
 * an entity not in the organisation (or of the wrong kind; call lists: the two seeded ones)
 * → `message:"Unauthorized"`; else `subscribed:true, message:null`.
 */
export function validateItem(model: SimModel, item: unknown): { result: RteSubscriptionResult; key?: RteSubscriptionKey } {
  const rawEvent = prop(item, 'EventName');
  const rawEntity = prop(item, 'EntityId');
  const eventName = typeof rawEvent === 'string' ? rawEvent.trim().toLowerCase() : null;
  const entityId = typeof rawEntity === 'string' ? rawEntity.trim().toLowerCase() : null;
  const no = (message: string): { result: RteSubscriptionResult } => ({ result: { subscribed: false, message, entityId, eventName } });
  if (eventName === null) return no('Unknown event');
  const canonical = BY_LOWER.get(eventName);
  if (!canonical) return no('Unknown event');
  if (entityId === null || !inOrganisation(model, entityKind(canonical), entityId)) return no('Unauthorized');
  return { result: { subscribed: true, message: null, entityId, eventName }, key: { eventName, entityId, canonicalEvent: canonical } };
}

function inOrganisation(model: SimModel, kind: 'user' | 'queue' | 'calllist', id: string): boolean {
  if (kind === 'user') return model.agents('rte').some((a) => a.id === id);
  if (kind === 'queue') return model.queues('rte').some((q) => q.id === id);
  return model.callLists.hasList(id);
}

/** Unsubscribe result item: always `subscribed:false, message:null` (vendor example). */
export function unsubscribeResult(item: unknown): RteSubscriptionResult {
  const ev = prop(item, 'EventName');
  const en = prop(item, 'EntityId');
  return {
    subscribed: false,
    message: null,
    entityId: typeof en === 'string' ? en.trim().toLowerCase() : null,
    eventName: typeof ev === 'string' ? ev.trim().toLowerCase() : null,
  };
}

/**
 * Current data of a subscription (QueueStatus, UserStatus, UserAvailability,
 * QueueAttachedUsers, CallbackListStatus), or undefined for events that are only pushed as
 * they happen (call steps, CallbackChanged, alerts) or that the simulator does not produce.
 * @param now epoch ms (QueueStatus.maxWaitTime is computed at this time, in seconds)
 */
export function currentData(model: SimModel, key: RteSubscriptionKey, now: number): Record<string, unknown> | undefined {
  switch (key.canonicalEvent) {
    case 'QueueStatus': {
      const q = model.queues('rte').find((x) => x.id === key.entityId);
      return q ? rteQueueStatus(model, q, now) : undefined;
    }
    case 'UserStatus': {
      const a = model.agent(key.entityId);
      return a ? rteUserStatus(a) : undefined;
    }
    case 'UserAvailability': {
      const a = model.agent(key.entityId);
      return a ? rteUserAvailability(a) : undefined;
    }
    case 'QueueAttachedUsers': {
      const q = model.queues('rte').find((x) => x.id === key.entityId);
      return q ? rteQueueAttachedUsers(model, q) : undefined;
    }
    case 'CallbackListStatus':
      return model.callLists.hasList(key.entityId) ? rteCallbackListStatus(model.callLists, key.entityId, now) : undefined;
    default:
      return undefined;
  }
}
