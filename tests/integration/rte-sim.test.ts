/**
 * The RTE connector against the simulator's SignalR hub (sim/main.ts `startSimulator`;
 * docs/CONTRACTS.md "RTE, as the simulator serves it") with the real `@microsoft/signalr`
 * client: Subscribe results (Unauthorized included), QueueStatus / user events mapped to the
 * simulator's ground truth, and a hub restart after which the connector fetches a NEW token
 * and subscribes again (rte doc "Client authentication", "Subscribing to events"; NOTES.md §1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSimulator, type SimulatorHandle } from '../../sim/main';
import { createRteConnector, type RteConnector } from '../../src/connectors/rte/rte-connector';
import type { RteConnectorConfig } from '../../src/connectors/rte/config';
import type { AgentUpsertEvent, DomainEvent, QueueUpsertEvent, SubscriptionResultEvent } from '../../src/domain';
import { until } from './support/activemq';

const Q = (n: number) => `c0ffee00-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const U = (n: number) => `a9e47000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

interface TokenFetch {
  readonly at: number;
  readonly status: number;
}

function countingFetch(log: TokenFetch[], tamper?: () => boolean): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    log.push({ at: Date.now(), status: res.status });
    if (tamper?.()) return new Response(JSON.stringify({ token: 'not-a-valid-jwt' }), { status: 200, headers: { 'content-type': 'application/json' } });
    return res;
  };
}

const statusesOf = (es: readonly DomainEvent[]) => es.flatMap((e) => (e.kind === 'connection.status' ? [e.status] : []));

describe('RTE connector ⇄ simulator hub', () => {
  let sim: SimulatorHandle;
  let connector: RteConnector;
  const events: DomainEvent[] = [];
  const tokenFetches: TokenFetch[] = [];
  let config: RteConnectorConfig;

  beforeAll(async () => {
    sim = await startSimulator({ httpPort: 0, hubPort: 0, stompPort: 0, log: false });
    config = {
      enabled: true,
      tokenUrl: `${sim.urls.http}/api/rte/token`,
      hubUrl: sim.urls.hub,
      queueIds: [Q(1), Q(2)],
      userIds: [U(1), U(99)],
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
    };
    connector = createRteConnector(config, (es) => events.push(...es), {
      WebSocket: WebSocket as never,
      fetch: countingFetch(tokenFetches),
      backoff: { initialMs: 200, maxMs: 1_000, floorMs: 50 },
    });
    connector.start();
    await until(() => statusesOf(events).includes('live'), 15_000, 'RTE live');
  });

  afterAll(async () => {
    await connector?.stop();
    await sim?.stop();
  });

  it('subscribes every configured item in one call; Unauthorized is a result and a counted error', () => {
    const res = events.find((e): e is SubscriptionResultEvent => e.kind === 'subscription.result');
    expect(res?.results).toHaveLength(6);
    const refused = res?.results.filter((r) => !r.subscribed) ?? [];
    expect(refused.map((r) => [r.entityId, r.message])).toEqual([
      [U(99), 'Unauthorized'],
      [U(99), 'Unauthorized'],
    ]);
    expect(res?.results.filter((r) => r.subscribed).map((r) => r.entityId).sort()).toEqual([Q(1), Q(2), U(1), U(1)].sort());
    const errs = events.filter((e) => e.kind === 'ingest.error' && e.error.code === 'unauthorized');
    expect(errs).toHaveLength(2);
    const subscribes = sim.hub.log().connections.flatMap((c) => c.invocations.filter((i) => i.target === 'Subscribe'));
    expect(subscribes).toHaveLength(1);
    expect(subscribes[0]?.arguments[0]).toEqual([
      { EntityId: Q(1), EventName: 'QueueStatus' },
      { EntityId: Q(2), EventName: 'QueueStatus' },
      { EntityId: U(1), EventName: 'UserStatus' },
      { EntityId: U(1), EventName: 'UserAvailability' },
      { EntityId: U(99), EventName: 'UserStatus' },
      { EntityId: U(99), EventName: 'UserAvailability' },
    ]);
  });

  it('QueueStatus and user events arrive and match the simulator truth', async () => {
    await until(() => events.some((e) => e.kind === 'queue.upsert' && e.id === Q(1)) && events.some((e) => e.kind === 'agent.upsert' && e.id === U(1)), 10_000, 'queue and user data');
    await fetch(`${sim.urls.http}/sim/control/pause`, { method: 'POST' });
    try {
      await new Promise((r) => setTimeout(r, 800));
      const truth = (await (await fetch(`${sim.urls.http}/sim/truth`)).json()) as {
        rte: { queues: Array<Record<string, unknown>>; users: Array<{ id: string; state: string }> };
      };
      const tq = truth.rte.queues.find((q) => q.id === Q(1));
      // Fold the queue patches as a store would.
      const folded: Record<string, unknown> = {};
      let name: string | undefined;
      for (const e of events) if (e.kind === 'queue.upsert' && e.id === Q(1)) {
        Object.assign(folded, (e as QueueUpsertEvent).stats);
        name = e.name ?? name;
      }
      expect(name).toBe('Switchboard');
      for (const k of ['callsWaiting', 'agentsReady', 'agentsTalking', 'agentsWrapUp', 'agentsNotReady', 'agentsLoggedIn', 'callsConnected'])
        expect(folded[k], k).toBe(tq?.[k]);
      const lastUser = events.filter((e): e is AgentUpsertEvent => e.kind === 'agent.upsert' && e.id === U(1)).at(-1);
      expect(lastUser?.state).toBe(truth.rte.users.find((u) => u.id === U(1))?.state);
    } finally {
      await fetch(`${sim.urls.http}/sim/control/resume`, { method: 'POST' });
    }
  });

  it('a board that stops following a queue unsubscribes it (and drops its tile); following it again subscribes it', async () => {
    const conn = () => sim.hub.log().connections.filter((c) => c.closedAt === null).at(-1);
    const mark = events.length;
    await connector.setEntities({ queueIds: [Q(1)] });
    const unsub = conn()?.invocations.find((i) => i.target === 'Unsubscribe');
    expect(unsub?.arguments[0]).toEqual([{ EntityId: Q(2), EventName: 'QueueStatus' }]);
    expect(events.slice(mark).some((e) => e.kind === 'queue.remove' && e.id === Q(2))).toBe(true);
    const after = events.length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(events.slice(after).filter((e) => e.kind === 'queue.upsert' && e.id === Q(2))).toEqual([]);
    expect(events.slice(after).filter((e) => e.kind === 'ingest.error' && e.error.code === 'unsubscribed')).toEqual([]);
    await connector.setEntities({ queueIds: [Q(1), Q(2)] });
    const subs = conn()?.invocations.filter((i) => i.target === 'Subscribe') ?? [];
    expect(subs.at(-1)?.arguments[0]).toEqual([{ EntityId: Q(2), EventName: 'QueueStatus' }]);
    await until(() => events.slice(after).some((e) => e.kind === 'queue.upsert' && e.id === Q(2)), 5_000, 'Q2 back');
  });

  it('after the hub is stopped and restarted: down, a NEW token is fetched, Subscribe again, live', async () => {
    const mark = events.length;
    await sim.hub.stop();
    await until(() => statusesOf(events.slice(mark)).includes('down'), 10_000, 'down');
    await new Promise((r) => setTimeout(r, 1_000));
    const restartAt = Date.now();
    await sim.hub.start();
    await until(() => statusesOf(events.slice(mark)).includes('live'), 15_000, 'live again');
    // Down (its reason updated by each failed attempt: one reconnect loop), then live: no flapping in between.
    const seq = statusesOf(events.slice(mark)).filter((s, i, all) => i === 0 || s !== all[i - 1]);
    expect(seq).toEqual(['down', 'live']);
    expect(tokenFetches.filter((t) => t.at >= restartAt && t.status === 200).length).toBeGreaterThanOrEqual(1);
    const fresh = sim.hub.log().connections.filter((c) => c.openedAt >= restartAt);
    expect(fresh).toHaveLength(1);
    const sub = fresh[0]?.invocations.find((i) => i.target === 'Subscribe');
    expect(sub?.arguments[0]).toHaveLength(6);
    const res = events.slice(mark).filter((e) => e.kind === 'subscription.result');
    expect(res).toHaveLength(1);
  }, 40_000);

  it('the token answer\'s rteUrl wins over hubUrl', async () => {
    const local: DomainEvent[] = [];
    const wrongHub = 'http://127.0.0.1:9/rte';
    const withUrl: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = (await res.json()) as { token: string };
      return new Response(JSON.stringify({ token: body.token, rteUrl: sim.urls.hub }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const c = createRteConnector({ ...config, hubUrl: wrongHub }, (es) => local.push(...es), {
      WebSocket: WebSocket as never,
      fetch: withUrl,
      backoff: { initialMs: 100, maxMs: 300, floorMs: 50 },
    });
    c.start();
    try {
      await until(() => statusesOf(local).includes('live'), 15_000, 'live on rteUrl');
      expect(local.some((e) => e.kind === 'subscription.result')).toBe(true);
    } finally {
      await c.stop();
    }
  });

  it('reports stale when the hub goes quiet and live on the next message', async () => {
    const local: DomainEvent[] = [];
    const c = createRteConnector({ ...config, staleAfterMs: 1_000 }, (es) => local.push(...es), {
      WebSocket: WebSocket as never,
      backoff: { initialMs: 100, maxMs: 300, floorMs: 50 },
    });
    c.start();
    try {
      await until(() => statusesOf(local).includes('live'), 10_000, 'live');
      await fetch(`${sim.urls.http}/sim/control/pause`, { method: 'POST' });
      await until(() => statusesOf(local).includes('stale'), 10_000, 'stale while paused');
      await fetch(`${sim.urls.http}/sim/control/resume`, { method: 'POST' });
      await until(() => statusesOf(local).slice(statusesOf(local).indexOf('stale')).includes('live'), 15_000, 'live after resume');
    } finally {
      await fetch(`${sim.urls.http}/sim/control/resume`, { method: 'POST' });
      await c.stop();
    }
  }, 40_000);

  it('a token the hub rejects (negotiate 401) is reported down and retried until a good token comes', async () => {
    const local: DomainEvent[] = [];
    const fetches: TokenFetch[] = [];
    let bad = 3;
    const c = createRteConnector(config, (es) => local.push(...es), {
      WebSocket: WebSocket as never,
      fetch: countingFetch(fetches, () => bad-- > 0),
      backoff: { initialMs: 100, maxMs: 300, floorMs: 50 },
    });
    c.start();
    try {
      await until(() => statusesOf(local).includes('live'), 15_000, 'live after 401s');
      const down = local.find((e) => e.kind === 'connection.status' && e.status === 'down');
      expect(down?.kind === 'connection.status' && down.reason).toMatch(/401/);
      expect(down?.kind === 'connection.status' && down.reason).not.toMatch(/not-a-valid-jwt/);
      expect(fetches.length).toBeGreaterThanOrEqual(4);
    } finally {
      await c.stop();
    }
    expect(statusesOf(local).at(-1)).toBe('idle');
  });

  it('AvailableSubscriptions is read at connect: a configured event the hub does not offer is reported, the rest stay live; UnsubscribeAll on stop', async () => {
    const local: DomainEvent[] = [];
    const c = createRteConnector({ ...config, queueIds: [Q(3)], userIds: [], queueEvents: ['QueueStatus', 'QueueTeleported'] }, (es) => local.push(...es), {
      WebSocket: WebSocket as never,
      backoff: { initialMs: 100, maxMs: 300, floorMs: 50 },
    });
    c.start();
    try {
      await until(() => local.some((e) => e.kind === 'ingest.error' && e.error.code === 'event-not-offered'), 10_000, 'event-not-offered');
      const err = local.find((e) => e.kind === 'ingest.error' && e.error.code === 'event-not-offered');
      expect(err?.kind === 'ingest.error' && err.error.message).toContain('QueueTeleported');
      await until(() => statusesOf(local).includes('live') && local.some((e) => e.kind === 'queue.upsert' && e.id === Q(3)), 10_000, 'live with data');
    } finally {
      await c.stop();
    }
    const mine = sim.hub.log().connections.filter((x) => x.invocations.some((i) => i.target === 'Subscribe' && JSON.stringify(i.arguments).includes('QueueTeleported')));
    expect(mine.at(-1)?.invocations.map((i) => i.target)).toEqual(['AvailableSubscriptions', 'Subscribe', 'UnsubscribeAll']);
  });

  it('a refused queue never appears through stored day statistics (the found bug, stats path)', async () => {
    const refusedQ = 'c0ffee00-0000-4000-8000-000000000077';
    const day = new Date().toISOString().slice(0, 10);
    const data = new Map<string, string>();
    const record = JSON.stringify({ v: 1, offered: 3, answered: 2, abandoned: 1, shortAbandoned: 0, overflowed: 0, transferred: 0, within: 2, waitSumMs: 4000, calls: {} });
    // whatever the local day is, both candidates are stored
    for (const d of [day, new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)]) {
      data.set(`wallboard.rte.stats.${d}.${refusedQ}`, record);
      data.set(`wallboard.rte.stats.${d}.${Q(3)}`, record);
    }
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const local: DomainEvent[] = [];
    const c = createRteConnector({ ...config, queueIds: [Q(3), refusedQ], userIds: [] }, (es) => local.push(...es), {
      WebSocket: WebSocket as never,
      storage,
      backoff: { initialMs: 100, maxMs: 300, floorMs: 50 },
    });
    c.start();
    try {
      await until(() => local.some((e) => e.kind === 'queue.dayStats' && e.stats.queueId === Q(3)), 10_000, 'stats of the accepted queue');
      expect(local.some((e) => e.kind === 'subscription.result' && e.results.some((r) => r.entityId === refusedQ && !r.subscribed))).toBe(true);
      expect(local.filter((e) => (e.kind === 'queue.upsert' && e.id === refusedQ) || (e.kind === 'queue.dayStats' && e.stats.queueId === refusedQ))).toEqual([]);
      expect(local.some((e) => e.kind === 'queue.upsert' && e.id === Q(3) && Math.round(e.stats.serviceLevelPct ?? 0) === 67)).toBe(true); // 2 within ÷ (2 answered + 1 abandoned)
    } finally {
      await c.stop();
    }
  });
});
