import { afterEach, describe, expect, it } from 'vitest';
import { LoadGenerator, LoadSim, loadBoardConfig, loadQueueId, loadUserId } from './load';
import { deriveRteUser } from './rte-wire';

describe('LoadGenerator', () => {
  it('is deterministic for a seed and size', () => {
    const a = new LoadGenerator({ users: 50, queues: 5, seed: 9 });
    const b = new LoadGenerator({ users: 50, queues: 5, seed: 9 });
    const c = new LoadGenerator({ users: 50, queues: 5, seed: 10 });
    const take = (g: LoadGenerator) => Array.from({ length: 500 }, () => g.next()).map((e) => [e.eventName, e.entityId, e.stamp.v, JSON.stringify(e.data)]);
    const ta = take(a);
    expect(take(b)).toEqual(ta);
    expect(take(c)).not.toEqual(ta);
    expect(a.seq).toBe(500);
  });

  it('every event changes what the board shows, and its stamp says what that is', () => {
    const g = new LoadGenerator({ users: 20, queues: 3, seed: 1 });
    const state = new Map<string, string>();
    const av = new Map<string, Record<string, unknown>>();
    const st = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < 20; i++) {
      const id = loadUserId(i);
      av.set(id, g.current('UserAvailability', id)!);
      st.set(id, g.current('UserStatus', id)!);
      state.set(id, deriveRteUser(av.get(id), st.get(id))!.state);
    }
    for (let i = 0; i < 3; i++) state.set(loadQueueId(i), String(g.current('QueueStatus', loadQueueId(i))!['nbrOfQueuingRequesters']));
    for (let n = 0; n < 2000; n++) {
      const e = g.next();
      expect(e.stamp.seq).toBe(n + 1);
      expect(e.stamp.id).toBe(e.entityId);
      let shown: string;
      if (e.eventName === 'queuestatus') {
        expect(e.stamp.e).toBe('q');
        shown = String(e.data['nbrOfQueuingRequesters']);
        expect(Number(shown)).toBeGreaterThanOrEqual(0);
      } else {
        expect(e.stamp.e).toBe('a');
        (e.eventName === 'useravailability' ? av : st).set(e.entityId, e.data);
        shown = deriveRteUser(av.get(e.entityId), st.get(e.entityId))!.state;
      }
      expect(shown).toBe(e.stamp.v);
      expect(shown).not.toBe(state.get(e.entityId));
      state.set(e.entityId, shown);
    }
  });

  it('knows only its own ids; the served configuration lists them all', () => {
    const g = new LoadGenerator({ users: 3, queues: 2 });
    expect(g.current('userstatus', loadUserId(2))).toBeDefined();
    expect(g.current('userstatus', loadUserId(3))).toBeUndefined();
    expect(g.current('queuestatus', loadUserId(0))).toBeUndefined();
    const cfg = loadBoardConfig(g) as { sources: { rte: { userIds: string[]; queueIds: string[] } } };
    expect(cfg.sources.rte.userIds).toEqual([loadUserId(0), loadUserId(1), loadUserId(2)]);
    expect(cfg.sources.rte.queueIds).toHaveLength(2);
  });
});

describe('LoadSim HTTP controls', () => {
  let sim: LoadSim | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('serves a token and the configuration, bursts with a sequence range, refuses a bad rate', async () => {
    sim = new LoadSim({ port: 0, users: 10, queues: 2 });
    await sim.start();
    const post = (path: string, body: unknown) => fetch(`${sim!.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect(((await (await fetch(`${sim.url}/api/rte/token`)).json()) as { token: string }).token).toMatch(/^ey/);
    const cfg = (await (await fetch(`${sim.url}/sim/load/config.json`)).json()) as { sources: { rte: { userIds: string[] } } };
    expect(cfg.sources.rte.userIds).toHaveLength(10);
    expect(await (await post('/sim/load/burst', { events: 100 })).json()).toMatchObject({ from: 1, to: 100 });
    expect((await post('/sim/load/rate', { rate: -1 })).status).toBe(400);
    expect(await (await post('/sim/load/reset', { users: 30 })).json()).toMatchObject({ users: 30, seq: 0, running: false });
  });
});
