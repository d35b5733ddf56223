import type { EntityKey, SourceId } from '../domain';

/**
 * The source of an entity key (`"<source>:<vendor id>"`), so a component can subscribe to
 * its source's health before the entity itself has arrived.
 */
export function sourceOfKey(key: EntityKey): SourceId {
  return key.slice(0, key.indexOf(':')) as SourceId;
}
