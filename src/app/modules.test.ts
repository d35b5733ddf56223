/**
 * Issue 5, acceptance 3: the backends are registered through the one module list, and the
 * board's configuration schema is built from it (no copied config shapes left).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { bctModule } from '../connectors/bct';
import { cilModule } from '../connectors/cil';
import { gcModule } from '../connectors/gc';
import { rteModule } from '../connectors/rte';
import { uccxModule } from '../connectors/uccx';
import { parseConfig } from '../config';
import { SOURCE_LABELS } from '../domain';
import { boardConfigSchema, CONNECTOR_MODULES } from './modules';
import { enabledSources, startConnectors } from './wiring';

const RTE = { tokenUrl: '/api/rte/token', hubUrl: '/rte', queueIds: ['q1'] };
const GC = { brokerUrls: ['/stomp'], supervisorLoginId: 'sup9001' };

describe('connector modules', () => {
  it('registers RTE, the Generic Connector, Business ConneCT, b+s Connects CIL and OpenMethods UCCX through the module list', () => {
    expect(CONNECTOR_MODULES.map((m) => m.source)).toEqual(['rte', 'gc', 'bct', 'cil', 'uccx']);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'cil')).toBe(cilModule);
    expect(cilModule.offers).toEqual(['agentDesk']);
    expect(cilModule.scope).toBe('desk');
    expect(CONNECTOR_MODULES.find((m) => m.source === 'rte')).toBe(rteModule);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'gc')).toBe(gcModule);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'bct')).toBe(bctModule);
    expect(CONNECTOR_MODULES.find((m) => m.source === 'uccx')).toBe(uccxModule);
    expect(uccxModule.offers).toEqual(['callJourney']);
    for (const m of CONNECTOR_MODULES) expect(m.displayName, m.source).toBe(SOURCE_LABELS[m.source]);
    expect(gcModule.offers).toEqual(['agentState']);
    expect(rteModule.offers).toEqual([]);
    expect(bctModule.offers).toEqual(['agentState', 'routeMessage', 'webChat']);
  });

  it("builds sources.<source> of the board schema from each module's own schema", () => {
    const sources = boardConfigSchema.shape.sources.shape;
    expect(Object.keys(sources)).toEqual(['rte', 'gc', 'bct', 'cil', 'uccx']);
    expect(sources.uccx.def.innerType).toBe(uccxModule.configSchema);
    expect(sources.bct.def.innerType).toBe(bctModule.configSchema);
    expect(sources.cil.def.innerType).toBe(cilModule.configSchema);
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
    // The CIL desk runs on /agent only (scope `desk`), never on the board or the kiosk.
    const withCil = boardConfigSchema.parse({ sources: { rte: RTE, gc: GC, cil: { mode: 'bridge', allowedOrigin: 'https://acme.service-now.com' } } });
    expect(withCil.sources.cil).toEqual({ enabled: true, mode: 'bridge', allowedOrigin: 'https://acme.service-now.com', channelId: 'voice', requestTimeoutMs: 10_000 });
    expect(enabledSources(withCil)).toEqual(['rte', 'gc']);
    expect(enabledSources(withCil, 'desk')).toEqual(['cil']);
    // The bridge needs the host page's origin, an origin exactly.
    expect(boardConfigSchema.safeParse({ sources: { cil: { mode: 'bridge' } } }).error?.issues.map((i) => i.path.join('.'))).toEqual(['sources.cil.allowedOrigin']);
    expect(boardConfigSchema.safeParse({ sources: { cil: { mode: 'bridge', allowedOrigin: 'https://a.example/path' } } }).success).toBe(false);
    expect(boardConfigSchema.safeParse({ sources: { cil: { mode: 'direct' } } }).success).toBe(true);
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

describe('the CIL desk runs on /agent only (issue 8)', () => {
  const config = boardConfigSchema.parse({ sources: { cil: { mode: 'direct' } } });

  it('the board and kiosk wiring (scope board) starts no CIL connector and offers no CIL port', async () => {
    const events: unknown[] = [];
    const w = startConnectors(config, (e) => events.push(...e), 'http://h/');
    expect(w.sources).toEqual([]);
    expect(w.ports.cil).toBeUndefined();
    await w.stop();
    expect(events).toEqual([]);
  });

  it('the agent page wiring (scope desk) starts it and offers the agent-desk port', async () => {
    const w = startConnectors(config, () => undefined, 'http://h/', { scope: 'desk' });
    expect(w.sources).toEqual(['cil']);
    expect(typeof w.ports.cil?.agentDesk?.setState).toBe('function');
    await w.stop();
  });
});
