/**
 * The app's singleton stores and bus, and the non-React accessors (command confirmation
 * code, connectors' wiring in `src/app`).
 */
import type { Agent, EntityKey } from '../domain';
import type { AgentsState } from './agents';
import { createWallboardStores, type WallboardStores } from './create';
import { createIngestBus, type IngestBus } from './ingest/bus';
import { SLICES } from './slices';
import { createAgentKeysView, createQueueKeysView, listId, type AgentKeysFilter, type KeysView, type QueueKeysFilter } from './views';

/** The app's stores (one set per page). */
export const stores: WallboardStores = createWallboardStores();

let bus: IngestBus | undefined;

/**
 * Creates the app's ingest bus over {@link stores} with the configured cadence, applying
 * events in animation frames (`frameAligned`: at the pace of the screen), or, when
 * it exists already, changes its cadence and returns it (so calling it again, e.g. on a
 * route change to the kiosk, is safe).
 * @param flushIntervalMs base flush cadence in milliseconds (config `flushIntervalMs` /
 *   `kioskFlushIntervalMs`)
 * @throws RangeError if `flushIntervalMs` is not a finite number ≥ 1
 */
export function initIngest(flushIntervalMs: number): IngestBus {
  if (bus) {
    bus.setFlushInterval(flushIntervalMs);
    return bus;
  }
  bus = createIngestBus({ flushIntervalMs, stores, frameAligned: true });
  return bus;
}

/**
 * The app's ingest bus.
 * @throws Error when {@link initIngest} has not been called yet
 */
export function getBus(): IngestBus {
  if (!bus) throw new Error('getBus(): initIngest(flushIntervalMs) has not been called yet');
  return bus;
}

/** The agent with this key now, or undefined. Non-React (command confirmation). */
export function getAgent(key: EntityKey): Agent | undefined {
  return stores.agents.getState().byKey.get(key);
}

/**
 * Calls `listener(state, previousState)` after every flush that changed the agents store
 * (at most once per flush). Non-React (command confirmation: watch for the vendor's own
 * State event confirming a new state).
 * @returns the unsubscribe function
 */
export function subscribeAgents(listener: (state: AgentsState, previous: AgentsState) => void): () => void {
  return stores.agents.subscribe(listener);
}

const agentViews = new Map<string, KeysView>();
const queueViews = new Map<string, KeysView>();

/** How many unlistened agent-keys views are kept for reuse (a search creates one per text typed). */
const MAX_IDLE_AGENT_VIEWS = 16;

/**
 * The shared agent-keys view of {@link stores} for `filter` (one per distinct filter; views
 * nobody listens to are dropped beyond {@link MAX_IDLE_AGENT_VIEWS}, oldest first).
 */
export function agentKeysView(filter: AgentKeysFilter = {}): KeysView {
  const id = [filter.source ?? '*', filter.teamId ?? '*', filter.state ?? '*', filter.query ?? '', filter.sortBy ?? 'state', filter.minTimeInStateSec ?? '', listId(filter.sources), listId(filter.teams), listId(filter.states)].join('\u0000');
  let v = agentViews.get(id);
  if (!v) {
    v = createAgentKeysView(stores, filter);
    agentViews.set(id, v);
    let idle = 0;
    for (const view of agentViews.values()) if (view.listenerCount() === 0) idle++;
    for (const [key, view] of agentViews) {
      if (idle <= MAX_IDLE_AGENT_VIEWS) break;
      if (key !== id && view.listenerCount() === 0) {
        agentViews.delete(key);
        idle--;
      }
    }
  }
  return v;
}

/** The shared queue-keys view of {@link stores} for `filter` (one per distinct filter). */
export function queueKeysView(filter: QueueKeysFilter = {}): KeysView {
  const id = [filter.source ?? '*', listId(filter.sources), listId(filter.ids)].join('\u0000');
  let v = queueViews.get(id);
  if (!v) {
    v = createQueueKeysView(stores, filter);
    queueViews.set(id, v);
  }
  return v;
}

/**
 * Disposes the app's bus, puts every singleton store (same store objects) back in its
 * slice's initial state and forgets the cached views. For tests and hot reload; not for
 * production paths.
 */
export function resetWallboard(): void {
  bus?.dispose();
  bus = undefined;
  for (const slice of SLICES) (stores[slice.name] as { setState(s: unknown, replace: true): void }).setState(slice.initial(), true);
  agentViews.clear();
  queueViews.clear();
}
