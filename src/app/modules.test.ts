/**
 * Issue 5, acceptance 3: the backends are registered through the one module list, and the
 * board's configuration schema is built from it (no copied config shapes left).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { bctModule } from '../connectors/bct';
import { gcModule } from '../connectors/gc';
import { rteModule } from '../connectors/rte';
import { parseConfig } from '../config';
import { SOURCE_LABELS } from '../domain';
import { boardConfigSchema, CONNECTOR_MODULES } from './modules';
import { enabledSources } from './wiring';

const RTE = { tokenUrl: '/api/rte/token', hubUrl: '/rte', queueIds: ['q1'] };
const GC = { brokerUrls: ['/stomp'], supervisorLoginId: 'sup9001' };

describe('connector modules', () => {
  it('registers RTE, the Generic Connector and Business ConneCT through the module list', () => {
    expect(CONNECTOR_MODULES.map((m) => m.source)).toEqual(['rte', 'gc', 'bct']);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'rte')).toBe(rteModule);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'gc')).toBe(gcModule);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'bct')).toBe(bctModule);
    expect(CONNECTOR_MODULES.find((m) => (m.source as string) === 'uccx')).toBeUndefined();
    for (const m of CONNECTOR_MODULES) expect(m.displayName, m.source).toBe(SOURCE_LABELS[m.source]);
    expect(gcModule.offers).toEqual(['agentState']);
    expect(rteModule.offers).toEqual([]);
    expect(bctModule.offers).toEqual(['agentState', 'routeMessage']);
  });

  it("builds sources.<source> of the board schema from each module's own schema", () => {
    const sources = boardConfigSchema.shape.sources.shape;
    expect(Object.keys(sources)).toEqual(['rte', 'gc', 'bct']);
    expect(sources.bct.def.innerType).toBe(bctModule.configSchema);
    // zod/mini has no `.unwrap()`: an optional's wrapped schema is `def.innerType`.
    expect(sources.rte.def.type).toBe('optional');
    expect(sources.rte.def.innerType).toBe(rteModule.configSchema);
    expect(sources.gc.def.type).toBe('optional');
    expect(sources.gc.def.innerType).toBe(gcModule.configSchema);
  });

  it("applies each module's defaults through the board schema", () => {
    const cfg = boardConfigSchema.parse({ sources: { rte: RTE, gc: GC } });
    expect(cfg.sources.rte).toMatchObject({ enabled: true, maxWaitTimeUnit: 'seconds', callListIds: [], serviceLevelThresholdSec: 20, shortAbandonSec: 5 });
    expect(cfg.sources.rte?.queueEvents).toContain('QueueStatus');
    expect(cfg.sources.rte?.queueEvents).toContain('QueueCallInArrived');
    expect(cfg.sources.gc).toMatchObject({ enabled: true, eventsDestination: '/topic/gc.events', verbs: { ready: 'READY' } });
    expect(enabledSources(cfg)).toEqual(['rte', 'gc']);
    expect(enabledSources(boardConfigSchema.parse({ sources: { rte: { ...RTE, enabled: false }, gc: GC } }))).toEqual(['gc']);
  });

  it('refuses an unknown source key and names the field', () => {
    const r = boardConfigSchema.safeParse({ sources: { rte: RTE, avaya: { hubUrl: '/x' } } });
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path.join('.') === 'sources');
    expect(issue?.message).toMatch(/avaya/);
    expect(() => parseConfig({ sources: { avaya: {} } }, 'config.json', boardConfigSchema)).toThrow(/board configuration/);
  });

  it("refuses a wrong field inside a module's block with its full path", () => {
    const r = boardConfigSchema.safeParse({ sources: { gc: { ...GC, brokerUrls: [] } } });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('sources.gc.brokerUrls');
  });

  it('keeps no copied connector config shapes', () => {
    expect(existsSync(new URL('../connectors/transport/source-config.ts', import.meta.url))).toBe(false);
    expect(existsSync(new URL('../../tests/integration/config-compat.test.ts', import.meta.url))).toBe(false);
  });
});
