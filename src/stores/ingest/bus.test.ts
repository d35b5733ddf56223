import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { createWallboardStores, type WallboardStores } from '../create';
import { createIngestBus, type FlushInfo, type IngestBusOptions } from './bus';

const T0 = 1_763_777_000_000;

const agent = (id: string, state: 'READY' | 'TALKING' = 'READY', source: 'gc' | 'rte' = 'gc'): DomainEvent => ({
  kind: 'agent.upsert',
  source,
  id,
  state,
  at: T0,
});
const queue = (id: string, callsWaiting: number): DomainEvent => ({ kind: 'queue.upsert', source: 'rte', id, at: T0, stats: { callsWaiting } });
const status = (s: 'live' | 'down'): DomainEvent => ({ kind: 'connection.status', source: 'gc', status: s, at: T0 });

function setup(opts: Partial<IngestBusOptions> = {}) {
  const sched = createFakeScheduler(0);
  const stores = createWallboardStores();
  const sets = { agents: 0, queues: 0, connections: 0, teams: 0, phonebooks: 0 };
  const notified = { agents: 0, queues: 0, connections: 0, teams: 0, phonebooks: 0 };
  for (const name of Object.keys(sets) as (keyof typeof sets & keyof WallboardStores)[]) {
    const store = stores[name] as { setState: (...a: unknown[]) => void; subscribe: (l: () => void) => () => void };
    const orig = store.setState.bind(store);
    store.setState = vi.fn((...a: unknown[]) => {
      sets[name]++;
      orig(...a);
    });
    store.subscribe(() => notified[name]++);
  }
  const flushes: FlushInfo[] = [];
  const bus = createIngestBus({ flushIntervalMs: 250, stores, scheduler: sched, onFlush: (i) => flushes.push(i), ...opts });
  return { sched, stores, sets, notified, flushes, bus };
}

describe('createIngestBus: batching', () => {
  it('never sets per event: many publishes within an interval become one set() per changed store', () => {
    const { sched, stores, sets, notified, bus } = setup();
    bus.publish([agent('warm')]);
    sched.advance(0); // leading edge after a quiet spell
    expect(sets.agents).toBe(1);
    for (let i = 0; i < 100; i++) bus.publish([agent(`a${i}`), queue(`q${i % 10}`, i)]);
    expect(sets.agents).toBe(1);
    expect(stores.agents.getState().byKey.size).toBe(1);
    sched.advance(249);
    expect(sets.agents).toBe(1);
    sched.advance(1);
    expect(sets).toEqual({ agents: 2, queues: 1, connections: 2, teams: 0, phonebooks: 0 });
    expect(notified).toEqual({ agents: 2, queues: 1, connections: 2, teams: 0, phonebooks: 0 });
    expect(stores.agents.getState().byKey.size).toBe(101);
    expect(stores.queues.getState().byKey.get('rte:q9')?.callsWaiting).toBe(99);
    expect(bus.stats()).toMatchObject({ events: 201, flushes: 2, buffered: 0 });
  });

  it('sets no store whose state did not change', () => {
    const { sched, sets, bus } = setup();
    bus.publish([agent('a'), queue('q', 1)]);
    sched.advance(0);
    const before = { ...sets };
    // connections changes (lastMessageAt only moves forward; same at → no change), agents/queues repeat
    bus.publish([agent('a'), queue('q', 1)]);
    sched.advance(300);
    expect(sets).toEqual(before);
    expect(bus.stats().flushes).toBe(2);
  });

  it('flushes at once, synchronously, when an urgent connection.status arrives', () => {
    const { sched, stores, flushes, bus } = setup();
    bus.publish([agent('x')]);
    sched.advance(0);
    bus.publish([agent('a'), agent('b')]);
    expect(stores.agents.getState().byKey.size).toBe(1);
    bus.publish([status('down')]);
    expect(stores.connections.getState().bySource.gc?.status).toBe('down');
    expect(stores.agents.getState().byKey.size).toBe(3); // buffered events went with it, in order
    expect(flushes.at(-1)).toMatchObject({ events: 3, urgent: true });
    expect(sched.pending()).toBe(0);
  });

  it('flushNow flushes the buffer and cancels the timer; an empty flushNow does nothing', () => {
    const { sched, stores, bus } = setup();
    bus.flushNow();
    expect(bus.stats().flushes).toBe(0);
    bus.publish([agent('a')]);
    expect(sched.pending()).toBe(1);
    bus.flushNow();
    expect(stores.agents.getState().byKey.size).toBe(1);
    expect(sched.pending()).toBe(0);
  });

  it('a listener publishing during a flush is picked up by a later flush, not lost', () => {
    const { sched, stores, bus } = setup();
    let once = true;
    stores.agents.subscribe(() => {
      if (once) {
        once = false;
        bus.publish([agent('late')]);
      }
    });
    bus.publish([agent('a')]);
    sched.advance(0);
    expect(stores.agents.getState().byKey.has('gc:late')).toBe(false);
    sched.advance(250);
    expect(stores.agents.getState().byKey.has('gc:late')).toBe(true);
  });

  it('a throwing listener does not stop the other stores from being set', () => {
    const { sched, stores, bus } = setup({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
    stores.connections.subscribe(() => {
      throw new Error('render failed');
    });
    bus.publish([agent('a')]);
    expect(() => sched.advance(0)).not.toThrow();
    expect(stores.agents.getState().byKey.size).toBe(1);
  });

  it('drops events no slice takes (they never passed the edge) without throwing, and counts them', () => {
    const { sched, stores, bus } = setup();
    bus.publish([null, { kind: '??', source: 'gc', at: T0 }, agent('ok')] as unknown as DomainEvent[]);
    expect(() => sched.advance(0)).not.toThrow();
    expect(bus.stats().unrouted).toBe(2);
    expect(stores.agents.getState().byKey.has('gc:ok')).toBe(true);
    expect(stores.connections.getState().bySource.gc?.errorCounts).toEqual({});
  });

  it('dispose drops the buffer, cancels timers and ignores later publishes', () => {
    const { sched, stores, bus } = setup();
    bus.publish([agent('a')]);
    bus.dispose();
    expect(sched.pending()).toBe(0);
    bus.publish([agent('b'), status('live')]);
    sched.advance(1000);
    expect(stores.agents.getState().byKey.size).toBe(0);
    bus.dispose();
  });
});

describe('createIngestBus: cadence and stretching', () => {
  it('flushes no sooner than the interval after the previous flush', () => {
    const { sched, flushes, bus } = setup();
    bus.publish([agent('a')]);
    sched.advance(0);
    expect(flushes).toHaveLength(1);
    sched.advance(100);
    bus.publish([agent('b')]);
    expect(sched.pendingDueTimes()).toEqual([250]);
    sched.advance(150);
    expect(flushes).toHaveLength(2);
    // quiet for longer than the interval: the next event goes on the next timer turn
    sched.advance(1000);
    bus.publish([agent('c')]);
    expect(sched.pendingDueTimes()).toEqual([sched.now()]);
  });

  it('stretches the next interval to 4x a long flush, and returns to the base when fast again', () => {
    const { sched, stores, flushes, bus } = setup();
    let slow = 100; // ms the agents listener "takes" (a heavy render)
    stores.agents.subscribe(() => sched.elapse(slow));
    bus.publish([agent('a')]);
    sched.advance(0);
    expect(flushes[0]?.durationMs).toBe(100);
    expect(bus.stats()).toMatchObject({ lastFlushMs: 100, maxFlushMs: 100, intervalMs: 400 });
    const end1 = sched.now();
    bus.publish([agent('b')]);
    expect(sched.pendingDueTimes()).toEqual([end1 + 400]);
    sched.advance(399);
    expect(flushes).toHaveLength(1);
    slow = 5;
    sched.advance(1);
    expect(flushes).toHaveLength(2);
    expect(bus.stats()).toMatchObject({ lastFlushMs: 5, maxFlushMs: 100, intervalMs: 250 });
  });

  it('counts a late timer (busy main thread) as cost too, and caps the stretch', () => {
    const { sched, flushes, bus } = setup({ maxIntervalMs: 1000 });
    bus.publish([agent('a')]);
    sched.advance(0);
    bus.publish([agent('b')]);
    // the main thread is busy for 150 ms past the due time
    sched.advance(200);
    sched.elapse(100);
    sched.advance(0);
    expect(flushes[1]?.lateMs).toBe(50);
    expect(bus.stats().intervalMs).toBe(250); // 4 × 50 = 200 < base
    bus.publish([agent('c')]);
    sched.advance(249);
    sched.elapse(401);
    sched.advance(0);
    expect(flushes[2]?.lateMs).toBe(400);
    expect(bus.stats().intervalMs).toBe(1000); // 4 × 400 capped at 1000
  });

  it('setFlushInterval changes the cadence at once and validates', () => {
    const { sched, flushes, bus } = setup();
    bus.publish([agent('a')]);
    sched.advance(0);
    bus.publish([agent('b')]);
    bus.setFlushInterval(1000);
    expect(sched.pendingDueTimes()).toEqual([1000]);
    sched.advance(999);
    expect(flushes).toHaveLength(1);
    sched.advance(1);
    expect(flushes).toHaveLength(2);
    expect(bus.stats().baseIntervalMs).toBe(1000);
    expect(() => bus.setFlushInterval(0)).toThrow(RangeError);
    expect(() => bus.setFlushInterval(Number.NaN)).toThrow(RangeError);
    expect(() => createIngestBus({ flushIntervalMs: -1, stores: createWallboardStores() })).toThrow(RangeError);
  });

  it('frame-aligned: an event after a quiet spell is applied in the very next frame (no timer turn first)', () => {
    const sched = createFakeScheduler(0);
    const stores = createWallboardStores();
    const bus = createIngestBus({ flushIntervalMs: 250, stores, scheduler: sched, frameAligned: true });
    bus.publish([agent('a')]);
    expect(sched.scheduled).toEqual([100]); // the frame (16 ms in the fake) and its 100 ms fallback, nothing else
    sched.advance(15);
    expect(stores.agents.getState().byKey.size).toBe(0);
    sched.advance(1);
    expect(stores.agents.getState().byKey.size).toBe(1);
    // Only the frame after it remains (it measures the flush's frame), then nothing.
    sched.advance(1000);
    expect(sched.pending()).toBe(0);
  });

  it('frame-aligned, base 16 ms: applies every frame while flushes are cheap, and stretches under load', () => {
    const sched = createFakeScheduler(0);
    const stores = createWallboardStores();
    const flushAt: number[] = [];
    const bus = createIngestBus({ flushIntervalMs: 16, stores, scheduler: sched, frameAligned: true, onFlush: () => flushAt.push(sched.now()) });
    for (let i = 0; i < 6; i++) {
      bus.publish([agent(`a${i}`)]);
      sched.advance(16);
    }
    // One flush per 16 ms frame: a one-frame base never skips a frame.
    expect(flushAt).toEqual([16, 32, 48, 64, 80, 96]);
    // A flush that takes 20 ms (a heavy listener, like a slow render) stretches the next
    // interval to 4 × 20 = 80 ms: the next flush waits for the first frame after it.
    const slowStores = createWallboardStores();
    slowStores.agents.subscribe(() => sched.elapse(20));
    const infos: { at: number; next: number }[] = [];
    const slow = createIngestBus({
      flushIntervalMs: 16,
      stores: slowStores,
      scheduler: sched,
      frameAligned: true,
      onFlush: (info) => infos.push({ at: sched.now(), next: info.nextIntervalMs }),
    });
    slow.publish([agent('s0')]);
    sched.advance(16);
    expect(infos).toHaveLength(1);
    expect(infos[0]!.next).toBe(80);
    const end = infos[0]!.at;
    slow.publish([agent('s1')]);
    sched.advance(60); // end + 60: not yet (80 ms after the slow flush, less one frame)
    expect(infos).toHaveLength(1);
    sched.advance(40);
    expect(infos).toHaveLength(2);
    expect(infos[1]!.at - end).toBeGreaterThanOrEqual(80);
  });

  it('frame-aligned: a flush whose frame overruns (a slow render or paint after the flush) stretches the next interval by renderStretchFactor × the overrun', () => {
    const sched = createFakeScheduler(0);
    // Frames come every 16 ms, except that the frame after a flush comes `paintMs` later
    // (the flush's render and paint held the main thread).
    let paintMs = 0;
    let afterFlush = false;
    const slowPaint = {
      ...sched,
      requestFrame: (cb: () => void) => {
        const extra = afterFlush ? paintMs : 0;
        afterFlush = false;
        return sched.setTimeout(cb, 16 + extra);
      },
    };
    const stores = createWallboardStores();
    const flushAt: number[] = [];
    const onFlush = () => {
      flushAt.push(sched.now());
      afterFlush = true;
    };
    const bus = createIngestBus({ flushIntervalMs: 16, stores, scheduler: slowPaint, frameAligned: true, onFlush });
    // A frame that overruns by less than a frame changes nothing: the next frame flushes.
    paintMs = 10;
    bus.publish([agent('a0')]);
    sched.advance(16);
    bus.publish([agent('a1')]);
    sched.advance(26);
    expect(flushAt).toEqual([16, 42]);
    expect(bus.stats()).toMatchObject({ lastFrameOverrunMs: 10, intervalMs: 16 });
    // The frame after this flush comes 116 ms later, 100 ms past one frame: the next
    // interval becomes 2 × 100 = 200 ms, and the event waits for the first frame after it.
    paintMs = 100;
    sched.advance(26); // the a1 flush's own frame (10 ms over) has passed
    bus.publish([agent('a2')]);
    sched.advance(16);
    expect(flushAt).toEqual([16, 42, 84]);
    bus.publish([agent('a3')]);
    sched.advance(116);
    expect(bus.stats()).toMatchObject({ lastFrameOverrunMs: 100, intervalMs: 200 });
    expect(flushAt).toEqual([16, 42, 84]);
    paintMs = 0;
    sched.advance(200);
    expect(flushAt).toHaveLength(4);
    expect(flushAt[3]! - 84).toBeGreaterThanOrEqual(200);
    // Cheap frames again: back to every frame.
    sched.advance(16);
    expect(bus.stats()).toMatchObject({ lastFrameOverrunMs: 0, intervalMs: 16 });
    bus.publish([agent('a4')]);
    sched.advance(16);
    expect(flushAt).toHaveLength(5);
  });

  it('frame-aligned: with no frame (hidden tab) the flush frame measures nothing and later events still flush, within 1.1 s', () => {
    const sched = createFakeScheduler(0);
    const noFrames = { ...sched, requestFrame: () => () => undefined };
    const stores = createWallboardStores();
    const bus = createIngestBus({ flushIntervalMs: 16, stores, scheduler: noFrames, frameAligned: true });
    bus.publish([agent('a0')]);
    sched.advance(100);
    expect(stores.agents.getState().byKey.size).toBe(1);
    // Waits for the frame after that flush at most 1 s, then flushes without one.
    bus.publish([agent('a1')]);
    sched.advance(1000);
    expect(stores.agents.getState().byKey.size).toBe(1);
    sched.advance(100);
    expect(stores.agents.getState().byKey.size).toBe(2);
    expect(bus.stats()).toMatchObject({ lastFrameOverrunMs: 0, intervalMs: 16 });
  });

  it('frame-aligned: an interval stretched for a slow frame stays at most 1 s', () => {
    const sched = createFakeScheduler(0);
    let flushed = false;
    const slowPaint = { ...sched, requestFrame: (cb: () => void) => sched.setTimeout(cb, flushed ? 916 : 16) };
    const stores = createWallboardStores();
    const bus = createIngestBus({ flushIntervalMs: 16, stores, scheduler: slowPaint, frameAligned: true, onFlush: () => (flushed = true) });
    bus.publish([agent('a0')]);
    sched.advance(16 + 916);
    expect(bus.stats()).toMatchObject({ lastFrameOverrunMs: 900, intervalMs: 1000 });
  });

  it('refuses a renderStretchFactor below 1', () => {
    expect(() => createIngestBus({ flushIntervalMs: 16, stores: createWallboardStores(), renderStretchFactor: 0.5 })).toThrow(RangeError);
  });
});
