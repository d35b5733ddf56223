/**
 * Tokens and passwords stay in memory (issue 15, "Security posture"; README "Security"):
 * the RTE connector against the simulator's real SignalR hub and token endpoint, and the
 * GC connector with a STOMP login and passcode against the simulator's broker, with every
 * log channel open (the connector's diagnostic logger at debug, the app's log sink, the
 * console) and a persistent storage; after connecting, a dropped connection (a reconnect
 * with a fresh token) and a token the hub refuses, no token, passcode or password appears
 * in any log line, in storage, or in any event the board receives (connection health shows
 * its messages on screen).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { manualClock } from '../../sim/model';
import { startSimulator, type SimulatorHandle } from '../../sim/main';
import type { DomainEvent } from '../domain';
import { setLogLevel, setLogSink } from '../lib/logger';
import { createGcConnector } from './gc/gc-connector';
import { createRteConnector } from './rte/rte-connector';

const PASSCODE = 'hunter2-Passcode-9f3c';
const until = async (ok: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('secrets never reach logs, storage or the screen', () => {
  let sim: SimulatorHandle;
  const lines: string[] = [];
  const stored = new Map<string, string>();
  const events: DomainEvent[] = [];
  const tokens: string[] = [];
  const consoleCalls: unknown[][] = [];

  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, httpPort: 0, hubPort: 0, stompPort: 0, clock: manualClock(), autoTick: false, log: false });
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void consoleCalls.push(a));
    setLogLevel('debug');
    setLogSink((level, scope, message, args) => lines.push(`${level} ${scope} ${message} ${JSON.stringify(args)}`));
  });

  afterAll(async () => {
    setLogSink(undefined);
    setLogLevel('info');
    vi.restoreAllMocks();
    await sim?.stop();
  });

  it('RTE: the JWT (fetched on every connect) is in no log line, no stored value and no event', async () => {
    let refuse = false;
    const fetchToken: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = (await res.json()) as { token: string };
      const token = refuse ? `${body.token}x` : body.token;
      tokens.push(token);
      return new Response(JSON.stringify({ token }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const c = createRteConnector(
      {
        enabled: true,
        tokenUrl: `${sim.urls.http}/api/rte/token`,
        hubUrl: sim.urls.hub,
        queueIds: ['c0ffee00-0000-4000-8000-000000000001'],
        userIds: ['a9e47000-0000-4000-8000-000000000001'],
        callListIds: [],
        queueEvents: ['QueueStatus'],
        userEvents: ['UserStatus', 'UserAvailability'],
        callListEvents: [],
        callerNumberDigits: 4,
        serviceLevelThresholdSec: 20,
        shortAbandonSec: 5,
        alertHoldSec: 300,
        maxWaitTimeUnit: 'seconds',
        staleAfterMs: 35_000,
      },
      (es) => events.push(...es),
      {
        WebSocket: WebSocket as never,
        fetch: fetchToken,
        logger: (level, message) => lines.push(`rte ${level} ${message}`),
        storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v), removeItem: (k) => void stored.delete(k) },
        backoff: { initialMs: 50, maxMs: 200, floorMs: 20 },
      },
    );
    const live = () => events.filter((e) => e.kind === 'connection.status' && e.status === 'live').length;
    try {
      c.start();
      await until(() => live() >= 1, 10_000, 'RTE live');
      await fetch(`${sim.urls.http}/sim/control/drop-connections`, { method: 'POST' });
      await until(() => live() >= 2, 10_000, 'RTE live again after a drop');
      refuse = true; // the next tokens are refused by the hub (negotiate 401): errors are logged and shown
      await fetch(`${sim.urls.http}/sim/control/drop-connections`, { method: 'POST' });
      await until(() => events.some((e) => e.kind === 'connection.status' && e.status === 'down'), 10_000, 'RTE down on a refused token');
    } finally {
      await c.stop();
    }
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeGreaterThan(0);
    const everywhere = [lines.join('\n'), JSON.stringify([...stored]), JSON.stringify(events), JSON.stringify(consoleCalls)].join('\n');
    for (const t of tokens) {
      expect(everywhere).not.toContain(t);
      // not even the signature (the part after the last dot) on its own
      expect(everywhere).not.toContain(t.slice(t.lastIndexOf('.') + 1));
    }
  });

  it('GC: the STOMP passcode is in no log line and no event, also when the broker refuses or drops', async () => {
    const c = createGcConnector(
      {
        enabled: true,
        brokerUrls: [sim.urls.stomp],
        login: 'wallboard',
        passcode: PASSCODE,
        eventsDestination: '/topic/gc.events',
        commandsDestination: '/queue/gc.requests',
        supervisorLoginId: 'sup9001',
        agentLoginIds: [],
        verbs: { ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT', login: 'LOGIN', phonebooks: 'GETPHONEBOOKS', teamPhonebooks: 'GETTEAMPHONEBOOKS', phonebookContacts: 'GETPHONEBOOKCONTACTS' },
        agentDesk: false,
        commandTimeoutMs: 2_000,
        heartbeatMs: 10_000,
        staleAfterMs: 30_000,
      },
      (es) => events.push(...es),
      { WebSocket: WebSocket as never, backoff: { initialMs: 50, maxMs: 200, floorMs: 20 } },
    );
    const gcLive = () => events.filter((e) => e.kind === 'connection.status' && e.source === 'gc' && e.status === 'live').length;
    try {
      c.start();
      await until(() => gcLive() >= 1, 10_000, 'GC live');
      await fetch(`${sim.urls.http}/sim/control/drop-connections`, { method: 'POST' });
      await until(() => gcLive() >= 2, 10_000, 'GC live again');
      // a desk login sends the agent's password as a command argument: it must not be logged either
      await c.mobileLogin({ loginId: 'agent2001', password: PASSCODE, extension: '9999', dialNumber: '5550100', callByCall: true }).catch(() => undefined);
    } finally {
      await c.stop();
    }
    const everywhere = [lines.join('\n'), JSON.stringify(events), JSON.stringify(consoleCalls)].join('\n');
    expect(everywhere).not.toContain(PASSCODE);
  });
});
