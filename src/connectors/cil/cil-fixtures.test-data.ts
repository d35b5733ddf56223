/**
 * CIL payloads for the protocol tests, built field by field from the vendor document's
 * tables and examples (cil-bs-connects-integration-api.txt "Data reference",
 * "agentStateChange", "queueDataUpdate", "error"): every documented field, the document's
 * example values where it gives one (`connectedAt` `2020-07-28T09:51:17.696Z`, the
 * `updateWorkitemData` call variables `{'callVariable1': '12345', 'user.eccVar1': '999999',
 * 'wrapUpReason': 'Documentation'}`, channel ids `voice_<peripheral_id>` / `voice_-1`).
 */

/** A work item (document "Workitem", "ctiData", "Activity record", "CRM record"). */
export function workitem(event: string, state: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event,
    version: '1.0',
    requestId: '',
    activity: { id: 'a1b2c3', recordType: 'phonecall' },
    agentId: 'agent2001',
    ani: '+41445551234',
    associatedParticipant: { id: 'c0ntact', name: 'Ann Example', recordType: 'contact' },
    associations: [{ id: 'a1b2c3', name: 'Call from +41445551234', recordType: 'phonecall' }],
    capabilities: ['hold', 'transfer', 'conference'],
    channelId: 'voice_5000',
    channelType: 'Voice',
    classification: 'Customer',
    connectedAt: '2020-07-28T09:51:17.696Z',
    ctiData: {
      callKeyCallId: '1234',
      callKeyPrefix: '155021',
      callType: 'ACD_IN',
      callVariable1: '12345',
      callVariable2: '',
      dialedNumber: '8000',
      DNIS: '8000',
      mediaId: '1',
      outboundClassification: 'VOICE',
      queueName: 'Sales',
      queueNumber: '5001',
      'user.eccVar1': '999999',
      wrapUpReason: '',
    },
    direction: 'Incoming',
    id: '16777321',
    participants: [{ address: '+41445551234' }, { address: '2001' }],
    participantLookupResult: [{ id: 'c0ntact', name: 'Ann Example', recordType: 'contact' }],
    state,
    ...extra,
  };
}

/** `agentStateChange` (document table: every field). */
export const AGENT_STATE_CHANGE_NOT_READY = {
  event: 'agentStateChange',
  version: '1.0',
  requestId: 'req-1',
  channelType: 'Voice',
  channelId: 'voice_5000',
  newState: 'NotReady',
  newReasonCode: 2,
  newReasonCodeLabel: 'Lunch',
  newStateChangeTime: '2020-07-28T09:51:17.696Z',
  oldState: 'Ready',
  oldReasonCode: -1,
  oldReasonCodeLabel: '',
  oldStateChangeTime: '2020-07-28T09:40:00.000Z',
};

/** `agentStateChange` on CCX (`voice_-1`), to Ready: a negative reason code means none. */
export const AGENT_STATE_CHANGE_CCX_READY = {
  event: 'agentStateChange',
  version: '1.0',
  requestId: '',
  channelType: 'Voice',
  channelId: 'voice_-1',
  newState: 'Ready',
  newReasonCode: -1,
  newReasonCodeLabel: '',
  newStateChangeTime: '2020-07-28T09:55:00.000Z',
  oldState: 'NotReady',
  oldReasonCode: 2,
  oldReasonCodeLabel: 'Lunch',
  oldStateChangeTime: '2020-07-28T09:51:17.696Z',
};

/** One queue (document "queueData", "statistics"). */
export function queue(id: string, name: string, escalationLevel: string, callsInQueue: number, longest = '2020-07-28T09:50:00.000Z'): Record<string, unknown> {
  return {
    id,
    name,
    channel: 'Voice',
    escalationLevel,
    statistics: {
      agentsNotReady: 1,
      agentsReady: 2,
      agentsTalkingInbound: 3,
      agentsTalkingInternal: 0,
      agentsTalkingOutbound: 1,
      agentsWrapUpNotReady: 1,
      agentsWrapUpReady: 0,
      callsInQueue,
      startTimeOfLongestCallInQueue: longest,
    },
  };
}

/** `queueDataUpdate` of one `dataState` (document: DELETED carries only the id, DISABLED an empty array). */
export function queueDataUpdate(dataState: string, queueData: unknown[]): Record<string, unknown> {
  return { event: 'queueDataUpdate', version: '1.0', dataState, queueData };
}

/** `error` (document table). */
export function errorEvent(requestId: string, message: string): Record<string, unknown> {
  return { event: 'error', version: '1.0', requestId, message };
}

/** A `getChannel` answer (document "getChannel", "Channel"). */
export function getChannelAnswer(workitems: unknown[] = []): Record<string, unknown> {
  return {
    activeDeviceId: 'SEP0011223344',
    channel: {
      id: 'voice_5000',
      type: 'Voice',
      state: 'Ready',
      reasonCode: -1,
      reasonCodeLabel: '',
      stateChangeTime: '2020-07-28T09:40:00.000Z',
      workitems,
    },
    extension: '2001',
    firstName: 'Ann',
    agentId: 'agent2001',
    lastName: 'Lee',
    loginName: 'alee',
    teamId: '5',
  };
}

/** `getReasonCodeList` answer (document "getReasonCodeList": `label`, `id`). */
export const NOT_READY_REASONS = [
  { label: 'Break', id: 1 },
  { label: 'Lunch', id: 2 },
  { label: 'Meeting', id: 3 },
];
