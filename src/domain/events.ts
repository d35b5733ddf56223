import type { AgentState } from './agent';
import type { ConnectionStatus, IngestError, SubscriptionResult } from './connection';
import type { Phonebook, PhonebookContact, PhonebookScope } from './phonebook';
import type { DeskAgentInfo, DeskAgentState, DeskQueue, QueueDataState, WorkItemState } from './desk';
import type { QueueStats } from './queue';
import type { RouterStats } from './router';
import type { Alarm } from './alarm';
import type { QueueCallStep, QueueDayStats, QueueMember } from './call';
import type { CallbackItem, CallbackListFigures } from './callback';
import type { SourceId } from './source';
import type { TeamMemberStatus, TeamMemberType } from './team';

/**
 * The one discriminated union every connector emits and every store reducer consumes
 * (ARCHITECTURE.md, data flow). Each event carries its `source`, the entity `id` where it
 * concerns one entity, and `at`: the epoch-ms time the wallboard received it. `vendorTime`
 * is the vendor's own timestamp (epoch ms) where the vendor sends one.
 *
 * Events are *patches*: a field that is absent leaves the stored value as it is.
 */
export type DomainEvent =
  | AgentUpsertEvent
  | AgentRemoveEvent
  | QueueUpsertEvent
  | QueueRemoveEvent
  | TeamUpsertEvent
  | SnapshotEvent
  | ConnectionStatusEvent
  | IngestErrorEvent
  | SubscriptionResultEvent
  | RouterUpsertEvent
  | EmergencyCallEvent
  | QueueCallEvent
  | QueueDayStatsEvent
  | QueueMembersEvent
  | AlarmRaiseEvent
  | AlarmClearEvent
  | CallbackListStatusEvent
  | CallbackChangedEvent
  | VendorNoticeEvent
  | AlarmReconcileEvent
  | AdapterStatusEvent
  | PhonebookListEvent
  | PhonebookContactsEvent
  | DeskChannelEvent
  | DeskWorkItemEvent
  | DeskQueuesEvent
  | DeskSyncEvent
  | DeskNoticeEvent
  | ChatRequestEvent
  | ChatMessageEvent
  | ChatChoiceAnswerEvent
  | ChatEndedEvent
  | ChatActionEvent
  | TeamMembersEvent
  | TeamMembersRemoveEvent
  | TeamRemoveEvent
  | TeamForgetEvent;

interface EventBase {
  readonly source: SourceId;
  /** Receipt time, epoch ms. */
  readonly at: number;
  /** Vendor timestamp, epoch ms, where the vendor sends one. */
  readonly vendorTime?: number;
}

/**
 * Creates or updates an agent. State fields, when present, replace the stored ones as a
 * group: if `state` is present, `reasonCodeId`, `reasonLabel` and `pendingState` absent
 * here are cleared; `stateSince` defaults to `vendorTime ?? at` when the state changes
 * and is kept when the same state is repeated without a time.
 */
export interface AgentUpsertEvent extends EventBase {
  readonly kind: 'agent.upsert';
  readonly id: string;
  readonly name?: string;
  readonly state?: AgentState;
  readonly vendorState?: string;
  readonly reasonCodeId?: string;
  readonly reasonLabel?: string;
  /** Epoch ms the agent entered `state`. */
  readonly stateSince?: number;
  readonly pendingState?: string;
  readonly extension?: string;
  readonly teamId?: string;
  readonly isSupervisor?: boolean;
  /**
   * Presence group (RTE UserAvailability, UserStatus, call events; agent.ts). Like the state
   * group: when `state` is present, members absent here are cleared.
   */
  readonly presence?: string;
  readonly presenceNote?: string;
  readonly presenceUntil?: number;
  readonly callSince?: number;
  readonly stateSinceSeen?: boolean;
  readonly serving?: boolean;
}

/** Removes an agent (e.g. no longer in the team list of a full snapshot). */
export interface AgentRemoveEvent extends EventBase {
  readonly kind: 'agent.remove';
  readonly id: string;
}

/**
 * Creates or updates a queue; statistics absent here keep their stored values, with one
 * exception: `callsWaiting: 0` without a `longestWaitingSince` clears the stored longest
 * waiting (an emptied queue has no longest-waiting call; its timer must not tick on).
 */
export interface QueueUpsertEvent extends EventBase {
  readonly kind: 'queue.upsert';
  readonly id: string;
  readonly name?: string;
  readonly stats: QueueStats;
  /** Vendor keys not mapped to {@link QueueStats}, kept as strings. */
  readonly extra?: Readonly<Record<string, string>>;
  /**
   * True when `stats` (and `extra`) are the queue's complete figures (e.g. a GC QueueList
   * entry): a statistic absent here is cleared, not kept, so a figure the vendor stops
   * sending is shown absent, never as its last value. Default: patch.
   */
  readonly replaceStats?: boolean;
}

/** Removes a queue. */
export interface QueueRemoveEvent extends EventBase {
  readonly kind: 'queue.remove';
  readonly id: string;
}

/** A team and, when the vendor lists them, its members' agent ids (same source). */
export interface TeamUpsertEvent extends EventBase {
  readonly kind: 'team.upsert';
  readonly id: string;
  readonly name?: string;
  readonly memberIds?: readonly string[];
  /** The supervisor agent id whose report lists this team (UCCX `agentId`); added to the team's owners. */
  readonly owner?: string;
}

/**
 * One member as a team event carries it (UCCX `members[]`,
 * openmethods-uccx-report-server.txt "Report Events"). Absent fields keep the stored value,
 * except that a present `status` replaces the reason group: `reasonCode` / `reasonLabel`
 * absent here are cleared.
 */
export interface TeamMemberPatch {
  readonly id: string;
  readonly name?: string;
  readonly type?: TeamMemberType;
  readonly status?: TeamMemberStatus;
  readonly reasonCode?: string;
  readonly reasonLabel?: string;
}

/**
 * Members of a team, added or changed (UCCX teamadded, memberadded, memberstatuschanged).
 * With `replace` the list is the team's complete membership (teamadded): members not in it
 * are removed. Creates the team when unknown; `owner` is added to its owners. A member's
 * `statusSince` is `at` when its status or reason changes (as seen by the wallboard).
 */
export interface TeamMembersEvent extends EventBase {
  readonly kind: 'team.members';
  /** Team id. */
  readonly id: string;
  readonly name?: string;
  readonly owner?: string;
  readonly members: readonly TeamMemberPatch[];
  readonly replace: boolean;
}

/** Members left a team (UCCX memberremoved: ids only). Unknown ids are ignored. */
export interface TeamMembersRemoveEvent extends EventBase {
  readonly kind: 'team.membersRemove';
  /** Team id. */
  readonly id: string;
  readonly memberIds: readonly string[];
}

/**
 * A team no longer listed (UCCX teamremoved): with `owner`, that supervisor's report no longer
 * lists it (the team goes when no owner is left); without, the team goes.
 */
export interface TeamRemoveEvent extends EventBase {
  readonly kind: 'team.remove';
  readonly id: string;
  readonly owner?: string;
}

/**
 * A supervisor's team report starts again (UCCX `report.teamstatus.begin` after a
 * (re)connect): `owner` is taken off every team of the source, and a team left with no
 * owner goes, so the report's fresh teamadded events rebuild the teams with no ghost.
 */
export interface TeamForgetEvent extends EventBase {
  readonly kind: 'team.forget';
  readonly owner: string;
}

/**
 * A full listing of one entity kind from a source (e.g. GC TeamUsersList, GC QueueList):
 * entities of that kind and source whose id is not in `ids` are removed, so a re-synchronised
 * board never keeps a ghost tile. The upserts for the listed entities travel in the same batch.
 */
export interface SnapshotEvent extends EventBase {
  readonly kind: 'snapshot';
  readonly entity: 'agent' | 'queue';
  readonly ids: readonly string[];
}

/** A connector's link state changed (ARCHITECTURE.md "Connections"). Flushed at once. */
export interface ConnectionStatusEvent extends EventBase {
  readonly kind: 'connection.status';
  readonly status: ConnectionStatus;
  /** Plain-text reason, e.g. `hub closed: WebSocket closed with status code 1006`. */
  readonly reason?: string;
}

/**
 * A message from `source` was rejected (malformed frame, wrong type, unknown event,
 * hostile key), an emitted event failed the domain schema at the connector edge (code
 * `invalid-event`), or a command failed. Counted once in the connection-health view;
 * never thrown.
 */
export interface IngestErrorEvent extends EventBase {
  readonly kind: 'ingest.error';
  readonly error: IngestError;
}

/** Results of a subscription request (RTE `Subscribe` answer items). */
export interface SubscriptionResultEvent extends EventBase {
  readonly kind: 'subscription.result';
  readonly results: readonly SubscriptionResult[];
}

/**
 * One step of a call's life in a queue (RTE QueueCallIn* events). `queueId` is the queue's
 * vendor id; `callerNumber` is already masked as configured. Reducer rules: queues.ts calls.
 */
export interface QueueCallEvent extends EventBase {
  readonly kind: 'queue.call';
  readonly queueId: string;
  readonly callId: string;
  readonly step: QueueCallStep;
  readonly callerNumber?: string;
  readonly agentId?: string;
  readonly agentName?: string;
  /** Vendor reason / target text (disconnect reason, transfer target), plain text. */
  readonly detail?: string;
}

/** A queue's day statistics computed by the wallboard (replaces the stored ones). */
export interface QueueDayStatsEvent extends EventBase {
  readonly kind: 'queue.dayStats';
  readonly stats: Omit<QueueDayStats, 'key' | 'source' | 'updatedAt'>;
}

/** Who serves a queue (RTE QueueAttachedUsers): the full list, replacing the stored one. */
export interface QueueMembersEvent extends EventBase {
  readonly kind: 'queue.members';
  readonly queueId: string;
  readonly members: readonly QueueMember[];
}

/** An alarm was raised (again). Flushed at once. Its fields are those of domain `Alarm`. */
export interface AlarmRaiseEvent
  extends EventBase,
    Pick<Alarm, 'id' | 'vendorId' | 'condition' | 'expression' | 'threshold' | 'value' | 'entityId' | 'entityName' | 'severity'> {
  readonly kind: 'alarm.raise';
}

/** An alarm was cleared. */
export interface AlarmClearEvent extends EventBase {
  readonly kind: 'alarm.clear';
  readonly id: string;
}

/**
 * The complete list of a source's active alarms (BCT GetCurrentAlarms at start and after each
 * reconnect): every raised alarm of that source whose id is not listed is cleared. The listed
 * ones come as `alarm.raise` events beside it.
 */
export interface AlarmReconcileEvent extends EventBase {
  readonly kind: 'alarm.reconcile';
  readonly activeIds: readonly string[];
}

/**
 * The state of a vendor adapter between the broker and the vendor system (BCT
 * ConnectionStatus: the UIP adapter's link to the BCT server), shown in connection health
 * under the source's own line.
 */
export interface AdapterStatusEvent extends EventBase {
  readonly kind: 'adapter.status';
  /** The adapter's name as shown, e.g. `Business ConneCT adapter BCT1`. */
  readonly adapter: string;
  readonly connected: boolean;
  /** Plain text, e.g. the vendor server's address. */
  readonly detail?: string;
}

/** The latest figures of a callback list (RTE CallbackListStatus); absent figures keep their values. */
export interface CallbackListStatusEvent extends EventBase {
  readonly kind: 'callbackList.status';
  readonly id: string;
  readonly figures: CallbackListFigures;
}

/** A callback request of a list changed (RTE CallbackChanged): upserts the item by id. */
export interface CallbackChangedEvent extends EventBase {
  readonly kind: 'callback.changed';
  /** The list's id (CallListId). */
  readonly id: string;
  readonly item: CallbackItem;
}

/**
 * A valid vendor event the board does not display (e.g. RTE UserActionMobileCall,
 * CallListNotification): counted per event name in connection health, nothing else.
 */
export interface VendorNoticeEvent extends EventBase {
  readonly kind: 'vendor.notice';
  /** The vendor's event name, e.g. `UserMissedCallNotification`. */
  readonly eventName: string;
  readonly entityId: string;
}

/**
 * The phonebooks an agent (`owner`, a login id) may dial from, own or team's, as a full list
 * (replaces the stored one; empty for the vendor's "not found" body). GC `Phonebooks` /
 * `TeamPhoneBooks` (gc-generic-connector-activemq.txt "Event: Phonebook").
 */
export interface PhonebookListEvent extends EventBase {
  readonly kind: 'phonebook.list';
  readonly owner: string;
  readonly scope: PhonebookScope;
  readonly phonebooks: readonly Phonebook[];
}

/**
 * The contacts of one phonebook, as a full list (replaces the stored one; empty for the
 * vendor's "NoContactFound"). GC `PhonebookContacts`.
 */
export interface PhonebookContactsEvent extends EventBase {
  readonly kind: 'phonebook.contacts';
  readonly phonebookId: string;
  readonly contacts: readonly PhonebookContact[];
}

/**
 * The agent's own state on one channel changed (CIL `agentStateChange`, or the channel of a
 * `getChannel` answer). State fields replace the stored ones as a group.
 */
export interface DeskChannelEvent extends EventBase {
  readonly kind: 'desk.channel';
  /** CIL channel id, e.g. `voice_5000` (`voice_-1` on CCX). */
  readonly id: string;
  readonly channelType?: string;
  readonly state: DeskAgentState;
  /** Absent when CIL sends a negative code (none). */
  readonly reasonCode?: string;
  readonly reasonLabel?: string;
  /** Epoch ms the state began (vendor `newStateChangeTime`); default `vendorTime ?? at`. */
  readonly stateSince?: number;
  /** The CIL `requestId` this change answers, if any. */
  readonly requestId?: string;
}

/**
 * A work item appeared or changed (CIL workitemCreate / Connect / Pause / Resume / Wrapup /
 * End, callVariableChanged, wrapupDataChanged). Absent fields keep their stored values;
 * `callVariables` present are merged over the stored ones. An `Ended…` state removes it.
 */
export interface DeskWorkItemEvent extends EventBase {
  readonly kind: 'desk.workitem';
  readonly id: string;
  readonly state?: WorkItemState;
  readonly channelId?: string;
  readonly direction?: string;
  readonly ani?: string;
  readonly classification?: string;
  /** Epoch ms (CIL `connectedAt`). */
  readonly connectedAt?: number;
  readonly queueName?: string;
  readonly wrapUpReason?: string;
  readonly callVariables?: Readonly<Record<string, string>>;
}

/**
 * CIL `queueDataUpdate` with its `dataState` rule (NOTES.md §2): ENABLED replaces the whole
 * set, ADDED / UPDATED upsert, DELETED removes by id (`queues` carry only ids), DISABLED clears.
 */
export interface DeskQueuesEvent extends EventBase {
  readonly kind: 'desk.queues';
  readonly dataState: QueueDataState;
  readonly queues: readonly DeskQueue[];
}

/**
 * A full picture of the desk (CIL `getChannel`): the agent, and the ids of the work items
 * that exist now (others are removed, so a resynchronised desk keeps no ghost call).
 */
export interface DeskSyncEvent extends EventBase {
  readonly kind: 'desk.sync';
  readonly agent?: DeskAgentInfo;
  readonly workItemIds: readonly string[];
}

/**
 * A CIL `error` event no pending request of this page claimed (an error of b+s Connects
 * itself, or a request this page did not send): shown to the agent as text.
 */
export interface DeskNoticeEvent extends EventBase {
  readonly kind: 'desk.notice';
  readonly message: string;
  readonly requestId?: string;
}

/** The `kind` of a {@link DomainEvent}. */
export type DomainEventKind = DomainEvent['kind'];

/** The event of one kind, e.g. `EventOfKind<'agent.upsert'>` is {@link AgentUpsertEvent}. */
export type EventOfKind<K extends DomainEventKind> = Extract<DomainEvent, { readonly kind: K }>;

// One entry per kind; the mapped type makes a kind missing here (or unknown) a compile error.
/**
 * Creates or updates a router (BCT RouterStatus). Figures present replace the stored ones;
 * absent figures keep theirs, except that `queueLength: 0` also clears `maxWaitingSince`
 * (nothing waits; routers reducer).
 */
export interface RouterUpsertEvent extends EventBase {
  readonly kind: 'router.upsert';
  /** The vendor's `routerName`. */
  readonly id: string;
  readonly stats: RouterStats;
}

/** A call to a monitored emergency number (BCT EmergencyCall); flushed at once. */
export interface EmergencyCallEvent extends EventBase {
  readonly kind: 'emergency.call';
  /** The wallboard's id of this call (see `EmergencyCall.id`). */
  readonly id: string;
  readonly calledNumber: string;
  readonly callingNumber: string;
  readonly callerName?: string;
  readonly callerLocation?: string;
}

/** Fields every web chat event carries (bct doc "Events: Web Chat ..."). */
interface ChatEventBase extends EventBase {
  /** The vendor's `sessionId`. */
  readonly sessionId: string;
  /** The adapter instance that delivered the event (every command for the session goes there). */
  readonly instance: string;
  /** The vendor's `externalId`, when sent. */
  readonly externalId?: string;
}

/** A customer asks for a chat (BCT WebChatRequest); flushed at once. */
export interface ChatRequestEvent extends ChatEventBase {
  readonly kind: 'chat.request';
  readonly initiator: string;
  readonly email: string;
  readonly router: string;
  readonly language: string;
}

/** A chat line (BCT WebChatMessage). */
export interface ChatMessageEvent extends ChatEventBase {
  readonly kind: 'chat.message';
  readonly message: string;
  readonly senderName: string;
  readonly isSenderAgent: boolean;
  readonly agentRequested: boolean;
  readonly agentJoined: boolean;
}

/** The customer's answer to a choice list (BCT WebChatChoiceAnswer). */
export interface ChatChoiceAnswerEvent extends ChatEventBase {
  readonly kind: 'chat.choiceAnswer';
  readonly choiceAnswer: string;
  readonly senderName: string;
}

/** The session is over (BCT WebChatSessionEnded). */
export interface ChatEndedEvent extends ChatEventBase {
  readonly kind: 'chat.ended';
}

/** What this board did in a session, once the adapter answered `isSuccess:true` (see {@link ChatActionEvent}). */
export type ChatAction = 'accepted' | 'rejected' | 'message' | 'choice' | 'agentRequested' | 'left';

/**
 * A command of this board that succeeded (the adapter sends no event for the agent's own
 * actions: the connector emits this after the `isSuccess:true` answer). `text`: the message,
 * the reason (rejected), the options joined with `|` (choice), the starter / router (agentRequested).
 */
export interface ChatActionEvent extends ChatEventBase {
  readonly kind: 'chat.action';
  readonly action: ChatAction;
  readonly text?: string;
  /** The name the board answered as (`webChat.agentName`). */
  readonly senderName: string;
}

const KINDS: { readonly [K in DomainEventKind]: true } = {
  'agent.upsert': true,
  'agent.remove': true,
  'queue.upsert': true,
  'queue.remove': true,
  'team.upsert': true,
  snapshot: true,
  'connection.status': true,
  'ingest.error': true,
  'subscription.result': true,
  'router.upsert': true,
  'emergency.call': true,
  'queue.call': true,
  'queue.dayStats': true,
  'queue.members': true,
  'alarm.raise': true,
  'alarm.clear': true,
  'callbackList.status': true,
  'callback.changed': true,
  'vendor.notice': true,
  'alarm.reconcile': true,
  'adapter.status': true,
  'phonebook.list': true,
  'phonebook.contacts': true,
  'desk.channel': true,
  'desk.workitem': true,
  'desk.queues': true,
  'desk.sync': true,
  'desk.notice': true,
  'chat.request': true,
  'chat.message': true,
  'chat.choiceAnswer': true,
  'chat.ended': true,
  'chat.action': true,
  'team.members': true,
  'team.membersRemove': true,
  'team.remove': true,
  'team.forget': true,
};

/**
 * Every {@link DomainEventKind}, complete by construction (a kind added to the union and
 * not here fails to compile). Which store takes which kind, and which kinds flush at once,
 * is declared by the store slices (`src/stores/slices.ts`), not here.
 */
export const DOMAIN_EVENT_KINDS: readonly DomainEventKind[] = Object.keys(KINDS) as DomainEventKind[];
