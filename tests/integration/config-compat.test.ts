/**
 * The connectors declare the configuration they read (src/connectors/transport/source-config.ts)
 * because lint keeps them from importing src/config. This checks, at compile time
 * (`tsc -p tsconfig.node.json`) and at run time, that a validated board configuration is
 * accepted by the connectors as it is.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig, type GcSourceConfig, type ReasonCode, type RteSourceConfig } from '../../src/config';
import type { GcConnectorConfig, ReasonCodeLabel, RteConnectorConfig } from '../../src/connectors/transport/source-config';

// Compile-time: each schema type is assignable to the connector's mirror type.
const rteCompat = (c: RteSourceConfig): RteConnectorConfig => c;
const gcCompat = (c: GcSourceConfig): GcConnectorConfig => c;
const reasonCompat = (r: ReasonCode): ReasonCodeLabel => r;

describe('connector config mirrors the board configuration schema', () => {
  it('a parsed configuration with defaults feeds both connectors', () => {
    const cfg = parseConfig({
      sources: {
        rte: { tokenUrl: '/api/rte/token', hubUrl: '/rte', queueIds: ['q1'] },
        gc: { brokerUrls: ['/stomp'], supervisorLoginId: 'sup9001' },
      },
      reasonCodes: { notReady: [{ id: '1', label: 'Break' }] },
    });
    const rte = rteCompat(cfg.sources.rte as RteSourceConfig);
    const gc = gcCompat(cfg.sources.gc as GcSourceConfig);
    expect(rte.queueEvents).toEqual(['QueueStatus']);
    expect(rte.userEvents).toEqual(['UserStatus', 'UserAvailability']);
    expect(rte.maxWaitTimeUnit).toBe('seconds');
    expect(gc.verbs).toEqual({ ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT' });
    expect(gc.eventsDestination).toBe('/topic/gc.events');
    expect(gc.commandsDestination).toBe('/queue/gc.requests');
    expect(reasonCompat(cfg.reasonCodes.notReady[0] as ReasonCode).label).toBe('Break');
  });
});
