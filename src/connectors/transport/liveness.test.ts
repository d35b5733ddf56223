import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../domain';
import { createStatusReporter, ingestErrorEvent, quote, statusEvent } from './events';
import { createFakeScheduler } from '../../lib/scheduler';
import { createLiveness } from './liveness';

describe('liveness', () => {
  it('marks stale after the window without a message and live again on the next one', () => {
    const scheduler = createFakeScheduler(1_000_000);
    const log: string[] = [];
    const l = createLiveness({ staleAfterMs: 1_000, scheduler, onStale: () => log.push('stale'), onLive: () => log.push('live') });
    l.start();
    scheduler.advance(999);
    expect(log).toEqual([]);
    l.touch();
    scheduler.advance(999);
    expect(log).toEqual([]);
    scheduler.advance(1);
    expect(log).toEqual(['stale']);
    expect(l.stale).toBe(true);
    scheduler.advance(10_000);
    expect(log).toEqual(['stale']);
    l.touch();
    expect(log).toEqual(['stale', 'live']);
    expect(l.lastMessageAt).toBe(scheduler.wallNow());
    scheduler.advance(1_000);
    expect(log).toEqual(['stale', 'live', 'stale']);
  });

  it('does nothing once stopped and can be started again', () => {
    const scheduler = createFakeScheduler(1_000_000);
    const log: string[] = [];
    const l = createLiveness({ staleAfterMs: 500, scheduler, onStale: () => log.push('stale'), onLive: () => log.push('live') });
    l.start();
    l.stop();
    scheduler.advance(5_000);
    l.touch();
    expect(log).toEqual([]);
    expect(scheduler.pending()).toBe(0);
    l.start();
    scheduler.advance(500);
    expect(log).toEqual(['stale']);
  });

  it('rejects a non-positive window', () => {
    expect(() => createLiveness({ staleAfterMs: 0, onStale: () => undefined, onLive: () => undefined })).toThrow(RangeError);
  });
});

describe('status and error events', () => {
  it('builds connection.status and ingest.error events', () => {
    expect(statusEvent('gc', 'down', 5, 'broker gone')).toEqual({ kind: 'connection.status', source: 'gc', at: 5, status: 'down', reason: 'broker gone' });
    expect(statusEvent('rte', 'live', 6)).toEqual({ kind: 'connection.status', source: 'rte', at: 6, status: 'live' });
    expect(ingestErrorEvent('rte', 'unknown-event', 'x', 7)).toEqual({
      kind: 'ingest.error',
      source: 'rte',
      at: 7,
      error: { code: 'unknown-event', message: 'x', at: 7 },
    });
  });

  it('the reporter emits only changes', () => {
    const out: DomainEvent[] = [];
    const r = createStatusReporter('gc', (e) => out.push(...e), () => 1);
    r.set('connecting');
    r.set('connecting');
    r.set('down', 'a');
    r.set('down', 'a');
    r.set('down', 'b');
    r.set('live');
    expect(out.map((e) => (e.kind === 'connection.status' ? `${e.status}:${e.reason ?? ''}` : e.kind))).toEqual([
      'connecting:',
      'down:a',
      'down:b',
      'live:',
    ]);
    expect(r.current).toBe('live');
  });

  it('survives an emit that throws', () => {
    const r = createStatusReporter('gc', () => {
      throw new Error('bus broken');
    }, () => 1);
    expect(() => r.set('live')).not.toThrow();
  });

  it('quotes vendor text as plain, bounded text', () => {
    expect(quote('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(quote('a\nb\u0000c')).toBe('a b c');
    expect(quote('x'.repeat(500)).length).toBe(201);
    expect(quote({ a: 1 })).toBe('{"a":1}');
  });
});
