/**
 * Alarms from every backend (issue 7: RTE UserAlert / UserQueueAlert; ADDING-A-BACKEND.md
 * "A new entity"). Raised alarms flush at once (ARCHITECTURE.md rule 1). Cleared alarms are
 * kept (at most {@link MAX_CLEARED_ALARMS}, most recent) so the panel can say what cleared.
 */
import { entityKey, type Alarm, type EntityKey, type EventOfKind } from '../domain';
import { defineSlice } from './slice';

/** How many cleared alarms are kept. */
export const MAX_CLEARED_ALARMS = 20;

/** State of the alarms store. */
export interface AlarmsState {
  readonly byKey: ReadonlyMap<EntityKey, Alarm>;
  /** Keys of raised alarms, most recently raised first; then cleared ones, most recently cleared first. */
  readonly order: readonly EntityKey[];
  readonly version: number;
}

/** A fresh, empty alarms state. */
export function initialAlarmsState(): AlarmsState {
  return { byKey: new Map(), order: [], version: 0 };
}

/**
 * `alarm.raise` creates or re-raises (first `raisedAt` kept while raised; fields replaced);
 * `alarm.clear` clears a raised alarm (unknown or already cleared: nothing);
 * `alarm.reconcile` clears every raised alarm of its source that is not in `activeIds`.
 * A raise with a `vendorTime` (the vendor's own raise time) is dated by it.
 */
export function reduceAlarms(state: AlarmsState, events: readonly EventOfKind<'alarm.raise' | 'alarm.clear' | 'alarm.reconcile'>[]): AlarmsState {
  let map: Map<EntityKey, Alarm> | undefined;
  for (const e of events) {
    if (e.kind === 'alarm.reconcile') {
      const active = new Set(e.activeIds.map((id) => entityKey(e.source, id)));
      for (const a of (map ?? state.byKey).values()) {
        if (a.source !== e.source || a.state !== 'raised' || active.has(a.key)) continue;
        (map ??= new Map(state.byKey)).set(a.key, { ...a, state: 'cleared', clearedAt: e.at, updatedAt: e.at });
      }
      continue;
    }
    const key = entityKey(e.source, e.id);
    const prev = (map ?? state.byKey).get(key);
    if (e.kind === 'alarm.raise') {
      const next: Alarm = {
        key,
        source: e.source,
        id: e.id,
        ...(e.vendorId !== undefined ? { vendorId: e.vendorId } : {}),
        condition: e.condition,
        expression: e.expression,
        threshold: e.threshold,
        value: e.value,
        entityId: e.entityId,
        entityName: e.entityName,
        severity: e.severity,
        state: 'raised',
        raisedAt: prev && prev.state === 'raised' ? prev.raisedAt : (e.vendorTime ?? e.at),
        lastRaisedAt: e.vendorTime ?? e.at,
        updatedAt: e.at,
      };
      (map ??= new Map(state.byKey)).set(key, next);
    } else if (prev && prev.state === 'raised') {
      (map ??= new Map(state.byKey)).set(key, { ...prev, state: 'cleared', clearedAt: e.at, updatedAt: e.at });
    }
  }
  if (!map) return state;
  const all = [...map.values()];
  const raised = all.filter((a) => a.state === 'raised').sort((a, b) => b.lastRaisedAt - a.lastRaisedAt);
  const cleared = all.filter((a) => a.state === 'cleared').sort((a, b) => (b.clearedAt ?? 0) - (a.clearedAt ?? 0));
  for (const a of cleared.slice(MAX_CLEARED_ALARMS)) map.delete(a.key);
  return { byKey: map, order: [...raised, ...cleared.slice(0, MAX_CLEARED_ALARMS)].map((a) => a.key), version: state.version + 1 };
}

/** The alarms store: raise flushes at once. */
export const alarmsSlice = defineSlice({
  name: 'alarms',
  kinds: ['alarm.raise', 'alarm.clear', 'alarm.reconcile'],
  initial: initialAlarmsState,
  reduce: reduceAlarms,
  urgentKinds: ['alarm.raise'],
});
