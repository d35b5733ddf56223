/**
 * Backends the wallboard reads from. Every entity is keyed by `(source, id)`
 * (ARCHITECTURE.md "Identity"): the same person on two backends is two agents.
 *
 * - `rte`: Enreach Real-Time Engine, SignalR (rte-enreach-realtime-engine-signalr.txt)
 * - `gc`: ExpertFlow Generic Connector for Cisco Finesse over ActiveMQ (gc-generic-connector-activemq.txt)
 * - `cil`, `bct`, `uccx`: later backends (b+s Connects CIL, NEC UIP Business ConneCT, OpenMethods UCCX)
 */
export type SourceId = 'rte' | 'gc' | 'cil' | 'bct' | 'uccx';

/** All source ids, in display order. */
export const SOURCE_IDS: readonly SourceId[] = ['rte', 'gc', 'cil', 'bct', 'uccx'];

/** Human names of the sources, for the connection-health view. */
export const SOURCE_LABELS: Readonly<Record<SourceId, string>> = {
  rte: 'Enreach RTE',
  gc: 'Generic Connector',
  cil: 'b+s Connects CIL',
  bct: 'NEC Business ConneCT',
  uccx: 'OpenMethods UCCX',
};

/** `"<source>:<vendor id>"`: the key of an entity in the stores. */
export type EntityKey = `${SourceId}:${string}`;

/**
 * Builds the store key of an entity.
 * @param source backend the entity comes from
 * @param id the vendor's own id (RTE GUID, Finesse login id, queue name, ...)
 */
export function entityKey(source: SourceId, id: string): EntityKey {
  return `${source}:${id}`;
}

/** True when `s` names a known source. */
export function isSourceId(s: unknown): s is SourceId {
  return typeof s === 'string' && (SOURCE_IDS as readonly string[]).includes(s);
}
