import { describe, expect, it } from 'vitest';
import { createFakeScheduler } from '../lib/scheduler';
import { burnInShift, holdWakeLock, startConfigPoll, startWatchdog, type ReloadReason } from './hygiene';

describe('kiosk watchdog', () => {
  const setup = (over: { heap?: number; visible?: boolean } = {}) => {
    const fake = createFakeScheduler(0);
    // A blocked main thread: time moves on (`block`) while no callback runs.
    let blocked = 0;
    const scheduler = { ...fake, now: () => fake.now() + blocked, advance: (ms: number) => fake.advance(ms) };
    const reloads: ReloadReason[] = [];
    let visible = over.visible ?? true;
    let heap = over.heap;
    const stop = startWatchdog({
      scheduler,
      stallMs: 5_000,
      heapMb: 100,
      readHeapBytes: () => heap,
      isVisible: () => visible,
      reload: (r) => reloads.push(r),
    });
    return { scheduler, reloads, stop, block: (ms: number) => (blocked += ms), setVisible: (v: boolean) => (visible = v), setHeap: (h: number) => (heap = h) };
  };

  it('keeps quiet while the heartbeat keeps time', () => {
    const { scheduler, reloads } = setup();
    for (let i = 0; i < 100; i++) scheduler.advance(1_000);
    expect(reloads).toEqual([]);
  });

  it('reloads once when a beat comes later than the limit (the main thread was blocked)', () => {
    const { scheduler, reloads, block } = setup();
    scheduler.advance(1_000);
    block(3_500);
    scheduler.advance(1_000);
    expect(reloads).toEqual([]);
    // Blocked 6 s: the next beat runs 6 s late.
    block(6_000);
    scheduler.advance(1_000);
    expect(reloads).toEqual(['stall']);
    scheduler.advance(60_000);
    expect(reloads).toEqual(['stall']);
  });

  it('a late beat of a hidden tab is throttling, not a stall', () => {
    const { scheduler, reloads, setVisible } = setup();
    setVisible(false);
    scheduler.advance(30_000);
    setVisible(true);
    scheduler.advance(1_000);
    scheduler.advance(1_000);
    expect(reloads).toEqual([]);
  });

  it('reloads when the heap passes the limit', () => {
    const { scheduler, reloads, setHeap } = setup({ heap: 50 * 1024 * 1024 });
    scheduler.advance(3_000);
    expect(reloads).toEqual([]);
    setHeap(101 * 1024 * 1024);
    scheduler.advance(1_000);
    expect(reloads).toEqual(['heap']);
  });

  it('stops', () => {
    const { scheduler, reloads, stop } = setup();
    stop();
    scheduler.advance(60_000);
    expect(reloads).toEqual([]);
  });
});

describe('kiosk configuration poll', () => {
  const flush = () => new Promise((r) => setTimeout(r, 0));
  it('reloads only when the configuration changed; a failed load keeps the board', async () => {
    const scheduler = createFakeScheduler(0);
    const answers: (string | Error)[] = ['A', new Error('down'), 'A', 'B'];
    const reloads: ReloadReason[] = [];
    let loads = 0;
    startConfigPoll({
      scheduler,
      intervalMs: 5_000,
      current: 'A',
      load: () => {
        const a = answers[loads++] ?? 'A';
        return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
      },
      reload: (r) => reloads.push(r),
    });
    for (let i = 0; i < 3; i++) {
      scheduler.advance(5_000);
      await flush();
    }
    expect(loads).toBe(3);
    expect(reloads).toEqual([]);
    scheduler.advance(5_000);
    await flush();
    expect(reloads).toEqual(['config']);
    scheduler.advance(50_000);
    await flush();
    expect(loads).toBe(4);
  });
});

describe('burn-in shift', () => {
  it('steps along a small orbit once per period, never further than the maximum', () => {
    expect(burnInShift(0, 60, 4)).toEqual({ x: 0, y: 0 });
    expect(burnInShift(59_999, 60, 4)).toEqual({ x: 0, y: 0 });
    expect(burnInShift(60_000, 60, 4)).toEqual({ x: 4, y: 0 });
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const s = burnInShift(i * 60_000, 60, 4);
      expect(Math.abs(s.x)).toBeLessThanOrEqual(4);
      expect(Math.abs(s.y)).toBeLessThanOrEqual(4);
      seen.add(`${s.x},${s.y}`);
    }
    expect(seen.size).toBe(9);
    expect(burnInShift(9 * 60_000, 60, 4)).toEqual({ x: 0, y: 0 });
  });
});

describe('screen wake lock', () => {
  function fakeDoc() {
    const listeners = new Set<() => void>();
    const doc = {
      visibilityState: 'visible' as DocumentVisibilityState,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    };
    return { doc: doc as unknown as Document, set: (v: DocumentVisibilityState) => ((doc.visibilityState = v), listeners.forEach((l) => l())) };
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('holds the lock and takes it again when the page is visible after the browser released it', async () => {
    let requests = 0;
    let release: (() => void) | undefined;
    const api = {
      request: () => {
        requests += 1;
        return Promise.resolve({
          addEventListener: (_: 'release', l: () => void) => (release = l),
          release: () => Promise.resolve(),
        });
      },
    };
    const states: string[] = [];
    const { doc, set } = fakeDoc();
    holdWakeLock({ wakeLock: api }, doc, (s) => states.push(s));
    await flush();
    expect(states).toEqual(['held']);
    set('hidden');
    release?.();
    set('visible');
    await flush();
    expect(requests).toBe(2);
    expect(states).toEqual(['held', 'released', 'held']);
  });

  it('says unsupported where the API is missing', () => {
    const states: string[] = [];
    holdWakeLock({}, fakeDoc().doc, (s) => states.push(s));
    expect(states).toEqual(['unsupported']);
  });
});
