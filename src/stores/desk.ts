/**
 * The agent's own desk (issue 8; cil-bs-connects-integration-api.txt): the signed-in agent's
 * state per channel, their work items and their queues. One agent, a handful of entities:
 * plain immutable maps, replaced once per flush when something changed.
 */
import type {
  DeskAgentInfo,
  DeskChannel,
  DeskChannelEvent,
  DeskNoticeEvent,
  DeskQueue,
  DeskQueuesEvent,
  DeskSyncEvent,
  DeskWorkItem,
  DeskWorkItemEvent,
} from '../domain';
import { defineSlice } from './slice';

/** A vendor error no request of this page claimed (CIL `error` event), shown as text. */
export interface DeskNotice {
  readonly message: string;
  readonly requestId?: string;
  /** Epoch ms received. */
  readonly at: number;
}

/** State of the desk store. */
export interface DeskState {
  /** The agent's state per CIL channel id (`voice_5000`, `voice_-1` on CCX). */
  readonly channels: ReadonlyMap<string, DeskChannel>;
  /** Open work items by id, in arrival order; an `Ended…` item is removed. */
  readonly workItems: ReadonlyMap<string, DeskWorkItem>;
  /** The agent's queues by id (CIL `queueDataUpdate`; never sent on CCX). */
  readonly queues: ReadonlyMap<string, DeskQueue>;
  /** Who is signed in (CIL `getChannel`). */
  readonly agent?: DeskAgentInfo;
  /** The latest unclaimed vendor error. */
  readonly notice?: DeskNotice;
  /** Increments whenever anything above changes. */
  readonly version: number;
}

/** The event kinds the desk takes. */
export type DeskEvent = DeskChannelEvent | DeskWorkItemEvent | DeskQueuesEvent | DeskSyncEvent | DeskNoticeEvent;

/** A fresh, empty desk. */
export function initialDeskState(): DeskState {
  return { channels: new Map(), workItems: new Map(), queues: new Map(), version: 0 };
}

/** True for the work-item states after which CIL drops the item (`Ended`, `EndedAbandoned`, …). */
export function isEndedState(state: string | undefined): boolean {
  return state !== undefined && state.startsWith('Ended');
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

function copyOwn(target: Record<string, string>, source: Readonly<Record<string, string>>): void {
  for (const k of Object.keys(source)) {
    Object.defineProperty(target, k, { value: source[k], enumerable: true, writable: true, configurable: true });
  }
}

function applyChannel(map: ReadonlyMap<string, DeskChannel>, e: DeskChannelEvent): DeskChannel | undefined {
  const prev = map.get(e.id);
  const changedState = !prev || prev.state !== e.state || prev.reasonCode !== e.reasonCode;
  const stateSince = e.stateSince ?? (changedState ? (e.vendorTime ?? e.at) : prev.stateSince);
  const type = e.channelType ?? prev?.type;
  if (
    prev &&
    prev.state === e.state &&
    prev.reasonCode === e.reasonCode &&
    prev.reasonLabel === e.reasonLabel &&
    prev.stateSince === stateSince &&
    prev.type === type
  ) {
    return undefined;
  }
  const next: { -readonly [K in keyof DeskChannel]: DeskChannel[K] } = { id: e.id, state: e.state, stateSince };
  if (type !== undefined) next.type = type;
  if (e.reasonCode !== undefined) next.reasonCode = e.reasonCode;
  if (e.reasonLabel !== undefined) next.reasonLabel = e.reasonLabel;
  return next;
}

function applyWorkItem(prev: DeskWorkItem | undefined, e: DeskWorkItemEvent): DeskWorkItem | undefined {
  const state = e.state ?? prev?.state ?? 'Unknown';
  let callVariables = prev?.callVariables ?? {};
  if (e.callVariables) {
    const merged: Record<string, string> = {};
    copyOwn(merged, callVariables);
    copyOwn(merged, e.callVariables);
    if (!sameRecord(merged, callVariables)) callVariables = merged;
  }
  const next: { -readonly [K in keyof DeskWorkItem]: DeskWorkItem[K] } = {
    id: e.id,
    state,
    callVariables,
    stateSince: prev && prev.state === state ? prev.stateSince : e.at,
  };
  const pick = <K extends 'channelId' | 'direction' | 'ani' | 'classification' | 'connectedAt' | 'queueName' | 'wrapUpReason'>(k: K) => {
    const v = e[k] ?? prev?.[k];
    if (v !== undefined) next[k] = v as DeskWorkItem[K];
  };
  pick('channelId');
  pick('direction');
  pick('ani');
  pick('classification');
  pick('connectedAt');
  pick('queueName');
  pick('wrapUpReason');
  if (prev && (Object.keys(next) as (keyof DeskWorkItem)[]).every((k) => next[k] === prev[k]) && Object.keys(prev).length === Object.keys(next).length) {
    return undefined;
  }
  return next;
}

function mergeQueue(prev: DeskQueue | undefined, q: DeskQueue): DeskQueue {
  if (!prev) return q;
  const next: Record<string, unknown> = { ...prev };
  for (const k of Object.keys(q) as (keyof DeskQueue)[]) if (q[k] !== undefined) next[k] = q[k];
  // A queue with no call waiting has no longest call: its timer must not tick on.
  if (q.callsInQueue === 0 && q.longestCallSince === undefined) delete next['longestCallSince'];
  return next as unknown as DeskQueue;
}

/**
 * Reduces one flush's batch into the desk:
 * - `desk.channel`: the channel's state, reason code and label replaced as a group;
 *   `stateSince` from the vendor's time, else the receipt time when the state or reason changes.
 * - `desk.workitem`: patch of one work item (call variables merged); an `Ended…` state removes it.
 * - `desk.queues`: `ENABLED` replaces the whole set, `ADDED` / `UPDATED` upsert (absent
 *   figures kept), `DELETED` removes the listed ids, `DISABLED` clears (NOTES.md §2).
 * - `desk.sync`: the agent's details; work items not listed are removed.
 * - `desk.notice`: the latest unclaimed vendor error.
 * @returns the same `state` object when nothing changed
 */
export function reduceDesk(state: DeskState, events: readonly DeskEvent[]): DeskState {
  let channels: Map<string, DeskChannel> | undefined;
  let workItems: Map<string, DeskWorkItem> | undefined;
  let queues: Map<string, DeskQueue> | undefined;
  let agent = state.agent;
  let notice = state.notice;
  for (const e of events) {
    switch (e.kind) {
      case 'desk.channel': {
        const next = applyChannel(channels ?? state.channels, e);
        if (next) (channels ??= new Map(state.channels)).set(e.id, next);
        break;
      }
      case 'desk.workitem': {
        const current = workItems ?? state.workItems;
        if (isEndedState(e.state)) {
          if (current.has(e.id)) (workItems ??= new Map(state.workItems)).delete(e.id);
          break;
        }
        const next = applyWorkItem(current.get(e.id), e);
        if (next) (workItems ??= new Map(state.workItems)).set(e.id, next);
        break;
      }
      case 'desk.queues': {
        const current = queues ?? state.queues;
        switch (e.dataState) {
          case 'ENABLED':
            queues = new Map(e.queues.map((q) => [q.id, q]));
            break;
          case 'ADDED':
          case 'UPDATED':
            queues ??= new Map(state.queues);
            for (const q of e.queues) queues.set(q.id, mergeQueue(current.get(q.id), q));
            break;
          case 'DELETED':
            for (const q of e.queues) if (current.has(q.id)) (queues ??= new Map(state.queues)).delete(q.id);
            break;
          case 'DISABLED':
            if (current.size > 0) queues = new Map();
            break;
        }
        break;
      }
      case 'desk.sync': {
        if (e.agent) agent = e.agent;
        const keep = new Set(e.workItemIds);
        const current = workItems ?? state.workItems;
        for (const id of current.keys()) if (!keep.has(id)) (workItems ??= new Map(state.workItems)).delete(id);
        break;
      }
      case 'desk.notice':
        notice = e.requestId === undefined ? { message: e.message, at: e.at } : { message: e.message, requestId: e.requestId, at: e.at };
        break;
    }
  }
  if (!channels && !workItems && !queues && agent === state.agent && notice === state.notice) return state;
  return {
    channels: channels ?? state.channels,
    workItems: workItems ?? state.workItems,
    queues: queues ?? state.queues,
    ...(agent ? { agent } : {}),
    ...(notice ? { notice } : {}),
    version: state.version + 1,
  };
}

/** The desk store: the CIL desk kinds; the agent's own state and vendor errors flush at once. */
export const deskSlice = defineSlice({
  name: 'desk',
  kinds: ['desk.channel', 'desk.workitem', 'desk.queues', 'desk.sync', 'desk.notice'],
  initial: initialDeskState,
  reduce: reduceDesk,
  urgentKinds: ['desk.channel', 'desk.notice'],
});
