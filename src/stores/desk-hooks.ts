/**
 * (Imported by the agent desk directly, not through the stores' index, so that it travels in
 * the agent page's lazy chunk and never in the kiosk's bundle.)
 *
 * Narrow selectors over the desk store (`desk.ts`): a component re-renders only when its own
 * channel, work item or queue object is replaced, and id lists keep their identity while
 * membership does not change.
 */
import { useStore } from 'zustand';
import type { DeskAgentInfo, DeskChannel, DeskQueue, DeskWorkItem } from '../domain';
import type { DeskNotice } from './desk';
import { stores } from './wallboard';

/** Memoises the key list of a map by the map's identity (and keeps the last list while the keys are equal). */
function keysOf<V>(): (map: ReadonlyMap<string, V>) => readonly string[] {
  let lastMap: ReadonlyMap<string, V> | undefined;
  let last: readonly string[] = [];
  return (map) => {
    if (map === lastMap) return last;
    lastMap = map;
    const next = [...map.keys()];
    if (next.length !== last.length || next.some((k, i) => k !== last[i])) last = next;
    return last;
  };
}

const channelIds = keysOf<DeskChannel>();
const workItemIds = keysOf<DeskWorkItem>();
const queueIds = keysOf<DeskQueue>();

/** Ids of the agent's channels (CIL channel ids), in the order first heard. */
export function useDeskChannelIds(): readonly string[] {
  return useStore(stores.desk, (s) => channelIds(s.channels));
}

/** One channel of the agent, or undefined. */
export function useDeskChannel(id: string): DeskChannel | undefined {
  return useStore(stores.desk, (s) => s.channels.get(id));
}

/** Ids of the open work items, in arrival order. */
export function useWorkItemIds(): readonly string[] {
  return useStore(stores.desk, (s) => workItemIds(s.workItems));
}

/** One work item, or undefined once it ended. */
export function useWorkItem(id: string): DeskWorkItem | undefined {
  return useStore(stores.desk, (s) => s.workItems.get(id));
}

/** Ids of the agent's queues, in the order CIL listed them. */
export function useDeskQueueIds(): readonly string[] {
  return useStore(stores.desk, (s) => queueIds(s.queues));
}

/** One of the agent's queues, or undefined. */
export function useDeskQueue(id: string): DeskQueue | undefined {
  return useStore(stores.desk, (s) => s.queues.get(id));
}

/** The latest vendor error no request claimed, or undefined. */
export function useDeskNotice(): DeskNotice | undefined {
  return useStore(stores.desk, (s) => s.notice);
}

/** The signed-in agent's details (CIL getChannel), or undefined. */
export function useDeskAgent(): DeskAgentInfo | undefined {
  return useStore(stores.desk, (s) => s.agent);
}
