/**
 * The connector edge: where DomainEvents enter the wallboard and are validated, once,
 * against the domain schema (`domain/schema.ts`; ARCHITECTURE.md "Validation, once").
 * The module framework wraps every connector's `emit` with {@link guardEmit}; the reducers
 * behind the bus trust their types.
 */
import { checkDomainEvent, type DomainEvent, type SourceId } from '../../domain';
import { ingestErrorEvent } from './events';
import type { Emit } from './types';

/** The `ingest.error` code of an event that failed the domain schema or came from the wrong source. */
export const INVALID_EVENT = 'invalid-event';

/**
 * Wraps a connector's `emit` so that every event is checked once before it reaches the bus.
 *
 * Each event of a call is checked with `checkDomainEvent`, and its `source` must be
 * `source` (a connector speaks only for itself). An event that fails is replaced, in
 * place, by ONE `ingest.error` event of `source` with code `invalid-event` and a plain-text
 * reason naming the field path (e.g. `agent.upsert: id: must be a non-empty string`);
 * the valid events around it pass through unchanged (same objects), in order, in the same
 * call to `emit`. A call whose argument is not an array becomes one `invalid-event`.
 * Empty calls are passed on as they are. Never throws by itself; whatever `emit` throws
 * propagates as before (connectors call it through `safeEmit`).
 *
 * @param source the connector's source id; every event must carry it
 * @param emit the downstream emit (the ingest bus's `publish`)
 * @param now clock for the error events' `at` (epoch ms)
 * @returns an {@link Emit} with the same contract as `emit`
 */
export function guardEmit(source: SourceId, emit: Emit, now: () => number): Emit {
  const invalid = (reason: string): DomainEvent => ingestErrorEvent(source, INVALID_EVENT, reason, now());
  return (events) => {
    if (!Array.isArray(events)) {
      emit([invalid(`emit called without an array of events (${typeof events})`)]);
      return;
    }
    let out: DomainEvent[] | undefined; // allocated only once an event is replaced
    for (let i = 0; i < events.length; i++) {
      const r = checkDomainEvent(events[i]);
      if (r.ok && r.event.source === source) {
        out?.push(r.event);
        continue;
      }
      out ??= events.slice(0, i);
      out.push(invalid(r.ok ? `${r.event.kind}: source: expected "${source}", got "${r.event.source}"` : r.reason));
    }
    emit(out ?? events);
  };
}
