/**
 * Runtime guards the reducers use to stay defensive: an event that breaks the
 * DomainEvent contract is skipped and counted, never thrown on. `null` is treated as
 * absent wherever a field is optional (a JSON-minded connector may send it).
 */
import { isSourceId, type SourceId } from '../domain';

/** Every `kind` of the DomainEvent union. */
export const KNOWN_EVENT_KINDS: ReadonlySet<string> = new Set([
  'agent.upsert',
  'agent.remove',
  'queue.upsert',
  'queue.remove',
  'team.upsert',
  'snapshot',
  'connection.status',
  'ingest.error',
  'subscription.result',
]);

/** A non-null, non-array object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Absent (undefined/null) or a string. */
export function optString(v: unknown): boolean {
  return v == null || typeof v === 'string';
}

/** Absent or a finite number. */
export function optNumber(v: unknown): boolean {
  return v == null || (typeof v === 'number' && Number.isFinite(v));
}

/** Absent or a boolean. */
export function optBoolean(v: unknown): boolean {
  return v == null || typeof v === 'boolean';
}

/** A non-empty string (entity ids). */
export function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/**
 * What is wrong with the envelope every event shares (`source`, `at`, `vendorTime`),
 * or undefined when it is fine.
 */
export function envelopeProblem(e: { readonly source?: unknown; readonly at?: unknown; readonly vendorTime?: unknown }): string | undefined {
  if (!isSourceId(e.source)) return 'unknown source';
  if (typeof e.at !== 'number' || !Number.isFinite(e.at)) return '`at` is not a finite number';
  if (!optNumber(e.vendorTime)) return '`vendorTime` is not a finite number';
  return undefined;
}

/** The event's source when it is a known one. */
export function sourceOf(e: unknown): SourceId | undefined {
  return isRecord(e) && isSourceId(e.source) ? e.source : undefined;
}

/** Own-property read of a string-keyed counter record (safe for keys like `__proto__`). */
export function ownNumber(record: Readonly<Record<string, number>>, key: string): number {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record[key] ?? 0) : 0;
}

/** Own-property write that also works for keys like `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
