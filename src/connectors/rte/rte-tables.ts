/**
 * The property tables of every RTE event and helper type, transcribed from
 * rte-enreach-realtime-engine-signalr.txt ("User", "Queue", "CallList" sections: each
 * "Event: <name>" and "Misc: <name>" table), in the vendor's PascalCase and order.
 * A unit test (`rte-vendor-doc.test.ts`) checks these tables against the document.
 *
 * Kinds: `guid`, `string`, `int` (vendor int, long, short), `boolean`, `datetime` (.NET
 * DateTime as JSON text); a trailing `?` is the vendor's nullable type (`null` allowed);
 * `list:<Misc>` a JSON array of the named helper type.
 */

/** The value kind of one vendor property. */
export type RteKind =
  | 'guid' | 'guid?' | 'string' | 'int' | 'int?' | 'boolean' | 'boolean?' | 'datetime' | 'datetime?'
  | 'list:CallbackAttempt' | 'list:CallbackExtra' | 'list:CallbackRelatedItem' | 'list:QueueAttachedUser';

/** One property table: vendor property name → kind. */
export type RteTable = Readonly<Record<string, RteKind>>;

/** Every event of the vendor document, in its order: name → property table. */
export const RTE_EVENT_TABLES = {
  UserActionMobileCall: { OrganizationId: 'guid', PhoneNumber: 'string', UserId: 'guid' },
  UserAlert: { AlertId: 'guid', ConditionExpression: 'string', ConditionName: 'string', ConditionValue: 'string', OrganizationId: 'guid', UserId: 'guid', Value: 'string' },
  UserAssistedCallbackRequest: { CallBackId: 'guid', CallbackRelatedItems: 'list:CallbackRelatedItem', CallEvent: 'string', CallId: 'guid', CallListId: 'guid', CallType: 'string', ContactNumber: 'string', OrganizationId: 'guid', TargetUser: 'guid' },
  UserAvailability: { Availability: 'string', EndTime: 'datetime', EventSource: 'string', Note: 'string', OrganizationId: 'guid', ProfileId: 'guid', StartTime: 'datetime', UserId: 'guid', UserName: 'string' },
  UserCallbackChanged: { AssignedUserId: 'guid?', CalculatedPriority: 'string', CallbackAttempts: 'list:CallbackAttempt', CallbackExtras: 'list:CallbackExtra', CallBackId: 'guid', CallbackRelatedItems: 'list:CallbackRelatedItem', CallId: 'guid?', CallListId: 'guid', ChannelIn: 'string', ClassificationId: 'guid?', ContactMessage: 'string', ContactName: 'string', ContactNumber: 'string', CreationTime: 'datetime', DueDate: 'datetime?', ExpiryDate: 'datetime?', LastAttemptNote: 'string', LastAttemptTimestamp: 'datetime?', LastAttemptTypeId: 'int?', LastAttemptUserId: 'guid?', LastModifiedUserId: 'guid?', Modified: 'datetime', NotBefore: 'datetime?', Note: 'string', OrganizationId: 'guid', RecordingId: 'guid?', TargetUser: 'guid', TranscriptId: 'guid?', TypeId: 'int' },
  UserCallInArrived: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', UserId: 'guid', UserName: 'string' },
  UserCallInComing: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', UserId: 'guid', Username: 'string' },
  UserCallInDisconnected: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', Reason: 'string', TargetNumber: 'string', TechReason: 'string', UserId: 'guid', Username: 'string' },
  UserCallInOverflow: { CallerNumber: 'string', CallId: 'guid', ConnectedTarget: 'string', LegId: 'string', OrganizationId: 'guid', OverflowApplet: 'string', TargetNumber: 'string', TechEvent: 'string', TechNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string', UserId: 'guid', Username: 'string' },
  UserCallInTransferCancelled: { CallerNumber: 'string', CallId: 'guid', DetailedReason: 'string', LegId: 'string', OrganizationId: 'guid', Reason: 'string', TargetNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string', TransferApplet: 'string', UserId: 'guid', Username: 'string' },
  UserCallInTransferConnected: { CallerNumber: 'string', CallId: 'guid', ConnectedTarget: 'string', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string', TransferApplet: 'string', TransferSource: 'string', UserId: 'guid', Username: 'string' },
  UserCallInTransferStarted: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string', TransferApplet: 'string', TransferSource: 'string', TransferTarget: 'string', UserId: 'guid', Username: 'string' },
  UserCallInUserAllocated: { CallerNumber: 'string', CallId: 'guid', DetailedReason: 'string', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', UserId: 'guid', UserName: 'string', UserNumber: 'string' },
  UserCallInUserCancelled: { CallerNumber: 'string', CallId: 'guid', DetailedReason: 'string', LegId: 'string', OrganizationId: 'guid', Reason: 'string', TargetNumber: 'string', UserId: 'guid', UserName: 'string' },
  UserCallInUserConnected: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', UserId: 'guid', UserName: 'string', UserNumber: 'string' },
  UserCallInUserOverflow: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', Reason: 'string', Target: 'string', TargetNumber: 'string', UserId: 'guid', Username: 'string' },
  UserCallOutConnected: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', UserId: 'guid', UserName: 'string' },
  UserCallOutDisconnected: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', Reason: 'string', TargetNumber: 'string', TechReason: 'string', UserId: 'guid', UserName: 'string' },
  UserCallOutGoing: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', TargetNumber: 'string', UserId: 'guid', UserName: 'string' },
  UserConfigurationSetNextCLI: { Number: 'string', OrganizationId: 'guid', Permanent: 'boolean', TimeToLive: 'int', UserId: 'guid' },
  UserMissedCallNotification: { CallerName: 'string', CallerNumber: 'string', CallId: 'guid?' },
  UserQueueAlert: { QueueId: 'guid', QueueName: 'string' },
  UserStatus: { ActiveQueues: 'int', Available: 'boolean', CanBeAllocatedTo: 'boolean', OrganizationId: 'guid', ParkedCalls: 'int', Schedule: 'boolean', ServiceTerminals: 'int', Serving: 'boolean', ServingCallback: 'boolean', Talking: 'boolean', UserId: 'guid', WrapUpEnd: 'datetime?' },
  UserVoiceMailNotification: { CalledNumber: 'string', CallId: 'guid?', EmailTranscript: 'boolean' },
  QueueAttachedUsers: { AttachedUsers: 'list:QueueAttachedUser', OrganizationId: 'guid', QueueId: 'guid' },
  QueueCallInArrived: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', QueueNumber: 'string', TargetNumber: 'string' },
  QueueCallInComing: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', QueueNumber: 'string', TargetNumber: 'string' },
  QueueCallInDisconnected: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', Reason: 'string', TargetNumber: 'string', TechReason: 'string' },
  QueueCallInOverflow: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', OverflowApplet: 'string', QueueId: 'guid', QueueName: 'string', TargetNumber: 'string', TechEvent: 'string', TechNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string' },
  QueueCallInTransferCancelled: { CallerNumber: 'string', CallId: 'guid', DetailedReason: 'string', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', Reason: 'string', TargetNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string', TransferApplet: 'string' },
  QueueCallInTransferConnected: { CallerNumber: 'string', CallId: 'guid', ConnectedTarget: 'string', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', TargetNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechSource: 'string', TransferApplet: 'string' },
  QueueCallInTransferStarted: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', TargetNumber: 'string', TechQueueId: 'guid', TechQueueName: 'string', TechType: 'string', TransferApplet: 'string', TransferSource: 'string', TransferTarget: 'string' },
  QueueCallInUserAllocated: { CallerNumber: 'string', CallId: 'guid', DetailedReason: 'string', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', QueueNumber: 'string', TargetNumber: 'string', UserId: 'guid', UserName: 'string' },
  QueueCallInUserCancelled: { CallerNumber: 'string', CallId: 'guid', DetailedReason: 'string', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', QueueNumber: 'string', Reason: 'string', TargetNumber: 'string', UserId: 'guid', UserName: 'string' },
  QueueCallInUserConnected: { CallerNumber: 'string', CallId: 'guid', LegId: 'string', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string', QueueNumber: 'string', TargetNumber: 'string', UserId: 'guid', UserName: 'string', UserNumber: 'string' },
  QueueStatus: { MaxWaitTime: 'int', NbrOfAgentsCheckedInQueue: 'int', NbrOfAgentsImmediatelyFree: 'int', NbrOfAgentsLongTermAway: 'int', NbrOfAgentsOnWrapUp: 'int', NbrOfAgentsShortTermAway: 'int', NbrOfAllocated: 'int', NbrOfConnected: 'int', NbrOfNotServedRequesters: 'int', NbrOfProviders: 'int', NbrOfQueuingRequesters: 'int', NbrOfRequesters: 'int', NbrOfServingAgentsEstimate: 'int', OpenStatus: 'int', OrganizationId: 'guid', QueueId: 'guid', QueueName: 'string' },
  CallbackChanged: { AssignedUserId: 'guid?', CalculatedPriority: 'string', CallbackAttempts: 'list:CallbackAttempt', CallbackExtras: 'list:CallbackExtra', CallBackId: 'guid', CallbackRelatedItems: 'list:CallbackRelatedItem', CallId: 'guid?', CallListId: 'guid', ChannelIn: 'string', ClassificationId: 'guid?', ContactMessage: 'string', ContactName: 'string', ContactNumber: 'string', CreationTime: 'datetime', DueDate: 'datetime?', ExpiryDate: 'datetime?', LastAttemptNote: 'string', LastAttemptTimestamp: 'datetime?', LastAttemptTypeId: 'int?', LastAttemptUserId: 'guid?', LastModifiedUserId: 'guid?', Modified: 'datetime', NotBefore: 'datetime?', Note: 'string', OrganizationId: 'guid', RecordingId: 'guid?', TranscriptId: 'guid?', TypeId: 'int' },
  CallbackListStatus: { CallListId: 'guid', ExpiresIn24h: 'int', IsAutoAllocate: 'boolean', NextHourOverDueDate: 'int', NextHourRevealedNotBefore: 'int', OrganizationId: 'guid', TotalActiveAgents: 'int', TotalAssigned: 'int', TotalAutoAllocateAgents: 'int', TotalFreeForAllocation: 'int', TotalHidingNotBefore: 'int', TotalOpenRequests: 'int', TotalOverDueDate: 'int', TotalServingAgents: 'int', TotalServingAutoAllocateAgents: 'int' },
  CallbackRequestNotification: { CalledNumber: 'string', CallerNumber: 'string', CallId: 'guid?', CBRId: 'guid', ContactMessage: 'string', EmailAttach: 'boolean?', EmailTo: 'string', EmailTranscript: 'boolean', ListId: 'guid?', RecordingId: 'guid?', RUser: 'guid?', SMSTo: 'string' },
  CallbackRequestReceivedNotification: { CalledNumber: 'string', CallerNumber: 'string', CallId: 'guid?', CBRId: 'guid', ListId: 'guid?', RUser: 'guid?' },
  CallListNotification: { AssignedUserId: 'guid?', CBRId: 'guid', ContactMessage: 'string', ContactName: 'string', ContactNumber: 'string', ListId: 'guid' },
} as const satisfies Record<string, RteTable>;

/** The helper types ("Misc:") used inside event lists. */
export const RTE_MISC_TABLES = {
  QueueAttachedUser: { Active: 'boolean', Priority: 'int', UserId: 'guid' },
  CallbackAttempt: { CallbackAttemptTypeId: 'int?', Id: 'guid', Note: 'string', Timestamp: 'datetime?', UserId: 'guid?' },
  CallbackExtra: { Id: 'int', Name: 'string', Value: 'string' },
  CallbackRelatedItem: { Id: 'guid', IsClosed: 'boolean', ListId: 'guid?', StatusId: 'int?' },
} as const satisfies Record<string, RteTable>;

/** An RTE event name in the vendor's spelling. */
export type RteEventName = keyof typeof RTE_EVENT_TABLES;

/** Every event name of the vendor document, in its order. */
export const RTE_EVENT_NAMES = Object.keys(RTE_EVENT_TABLES) as RteEventName[];
