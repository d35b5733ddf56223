import type { EntityKey, SourceId } from './source';

/**
 * One team (GC AgentInfo supervisor form, `<teamId><teamName>` entries;
 * gc-generic-connector-activemq.txt "Event: AgentInfo") as the teams store holds it.
 * Immutable: replaced only when something changes. Times are epoch milliseconds.
 */
export interface Team {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** Vendor team id, e.g. GC `5`. Agents carry it as `Agent.teamId`. */
  readonly id: string;
  /** Display name (vendor text, render as text only); defaults to the id. */
  readonly name: string;
  /** Agent ids of the same source, when the vendor lists them; undefined otherwise. */
  readonly memberIds: readonly string[] | undefined;
  /** Epoch ms of the last event that changed this team. */
  readonly updatedAt: number;
}
