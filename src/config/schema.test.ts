/**
 * The board configuration schema on `zod/mini` (issue 6, kiosk bundle budget): the same
 * defaults and the same informative `path: message` lines on the configuration error page
 * as with classic zod. `zod/mini` alone words every issue "Invalid input"; these tests fail
 * if zod's English messages (`src/domain/zod.ts`) are not installed.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_EVENTS, DEFAULT_USER_EVENTS } from '../connectors/rte';
import { boardConfigSchema } from '../app/modules';
import { checkDomainEvent } from '../domain';
import { ConfigError, parseConfig } from './load';
import { buildConfigSchema } from './schema';
import { KIOSK_DEFAULTS } from './kiosk';

const RTE = { tokenUrl: '/api/rte/token', hubUrl: '/rte' };
const GC = { brokerUrls: ['/stomp'], supervisorLoginId: 'sup9001' };

function issuesOf(raw: unknown): readonly string[] {
  try {
    parseConfig(raw, 'config.json', boardConfigSchema);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('board configuration schema (zod/mini)', () => {
  it('applies every default of the base settings and of each source block', () => {
    expect(parseConfig({ sources: { rte: RTE, gc: GC } }, 'config.json', boardConfigSchema)).toEqual({
      title: 'Contact centre',
      flushIntervalMs: 16,
      kioskFlushIntervalMs: 1_000,
      reasonCodes: { notReady: [], logout: [] },
      thresholds: {},
      emergency: { kioskShowSec: 300, kioskSound: false },
      trends: { samplePeriodSec: 10, windowMin: 60 },
      theme: 'dark',
      boards: [],
      kiosk: KIOSK_DEFAULTS,
      security: { allowedConfigOrigins: [], allowedOrigins: [] },
      sources: {
        rte: {
          ...RTE,
          enabled: true,
          queueIds: [],
          userIds: [],
          callListIds: [],
          queueEvents: [...DEFAULT_QUEUE_EVENTS],
          userEvents: [...DEFAULT_USER_EVENTS],
          callListEvents: ['CallbackListStatus', 'CallbackChanged'],
          callerNumberDigits: 4,
          serviceLevelThresholdSec: 20,
          shortAbandonSec: 5,
          alertHoldSec: 300,
          maxWaitTimeUnit: 'seconds',
          staleAfterMs: 35_000,
        },
        gc: {
          ...GC,
          enabled: true,
          eventsDestination: '/topic/gc.events',
          commandsDestination: '/queue/gc.requests',
          agentLoginIds: [],
          verbs: {
            ready: 'READY',
            notReady: 'NOT_READY',
            logout: 'LOGOUT',
            login: 'LOGIN',
            phonebooks: 'GETPHONEBOOKS',
            teamPhonebooks: 'GETTEAMPHONEBOOKS',
            phonebookContacts: 'GETPHONEBOOKCONTACTS',
          },
          agentDesk: false,
          commandTimeoutMs: 8_000,
          heartbeatMs: 10_000,
          staleAfterMs: 30_000,
        },
      },
    });
  });

  it('lists each wrong field by its path with an informative English message', () => {
    const issues = issuesOf({
      title: 3,
      flushIntervalMs: 16.5,
      kioskFlushIntervalMs: 20_000,
      theme: 'blue',
      thresholds: { serviceLevelWarnPct: 101, callsWaitingWarn: -1 },
      reasonCodes: { notReady: [{ id: 'a,b', label: '' }] },
      security: { allowedOrigins: ['https://a.example/path'] },
      sources: { gc: { ...GC, brokerUrls: [], heartbeatMs: -1 }, rte: { ...RTE, staleAfterMs: 0 }, avaya: {} },
    });
    expect(issues).toEqual([
      'title: Invalid input: expected string, received number',
      'flushIntervalMs: Invalid input: expected int, received number',
      'kioskFlushIntervalMs: Too big: expected number to be <=10000',
      'reasonCodes.notReady.0.id: must not contain , # or |',
      'reasonCodes.notReady.0.label: Too small: expected string to have >=1 characters',
      'thresholds.callsWaitingWarn: Too small: expected number to be >=0',
      'thresholds.serviceLevelWarnPct: Too big: expected number to be <=100',
      'theme: Invalid option: expected one of "dark"|"light"',
      'security.allowedOrigins.0: must be an origin like https://boards.example.com (scheme, host, optional port; no path)',
      'sources.rte.staleAfterMs: Too small: expected number to be >0',
      'sources.gc.brokerUrls: Too small: expected array to have >=1 items',
      'sources.gc.heartbeatMs: Too small: expected number to be >=0',
      'sources: Unrecognized key: "avaya"',
    ]);
  });

  it('refuses unknown keys at the root and in nested blocks', () => {
    expect(issuesOf({ sources: {}, colour: 'red', thresholds: { warn: 1 } })).toEqual([
      'thresholds: Unrecognized key: "warn"',
      '(root): Unrecognized key: "colour"',
    ]);
  });

  it('builds sources.<source> from whatever module schemas it is given (optional blocks)', () => {
    const schema = buildConfigSchema({});
    expect(schema.safeParse({ sources: {} }).success).toBe(true);
    expect(schema.safeParse({ sources: { rte: RTE } }).success).toBe(false);
  });

  it('words invalid-event reasons in English too (the domain schema shares the locale)', () => {
    const r = checkDomainEvent({ kind: 'snapshot', source: 'rte', at: 1, entity: 'router', ids: [] });
    expect(r).toEqual({ ok: false, source: 'rte', reason: 'snapshot: entity: Invalid option: expected one of "agent"|"queue"' });
  });
});
