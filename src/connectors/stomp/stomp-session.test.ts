import type { IMessage, StompConfig } from '@stomp/stompjs';
import { describe, expect, it } from 'vitest';
import { createFakeScheduler } from '../../lib/scheduler';
import {
  createStompSession,
  displayUrl,
  StompNotConnectedError,
  type StompClientLike,
  type StompSessionStatus,
} from './stomp-session';

/** A fake stompjs client: the test drives CONNECTED, close and ERROR. */
class FakeClient implements StompClientLike {
  connected = false;
  activated = 0;
  deactivated = 0;
  socket: unknown;
  readonly subs: Array<{ destination: string; cb: (m: IMessage) => void; headers?: Record<string, string>; active: boolean }> = [];
  readonly published: unknown[] = [];
  constructor(readonly conf: StompConfig) {}
  activate() {
    this.activated += 1;
    this.socket = this.conf.webSocketFactory?.();
  }
  async deactivate() {
    this.deactivated += 1;
    this.connected = false;
  }
  publish(p: unknown) {
    if (!this.connected) throw new TypeError('There is no underlying STOMP connection');
    this.published.push(p);
  }
  subscribe(destination: string, cb: (m: IMessage) => void, headers?: Record<string, string>) {
    const s = { destination, cb, headers, active: true };
    this.subs.push(s);
    return { unsubscribe: () => void (s.active = false) };
  }
  // test controls
  connect() {
    this.connected = true;
    (this.conf.onConnect as (f: unknown) => void)({ headers: {} });
  }
  close(code = 1006) {
    this.connected = false;
    this.conf.onWebSocketClose?.({ code });
  }
  stompError(message: string) {
    (this.conf.onStompError as (f: unknown) => void)({ headers: { message } });
  }
  message(destination: string, body: string) {
    for (const s of this.subs) if (s.active && s.destination === destination) s.cb({ body, headers: { destination } } as unknown as IMessage);
  }
}

class FakeWs {
  static urls: string[] = [];
  constructor(readonly url: string, readonly protocols?: string | string[]) {
    FakeWs.urls.push(url);
  }
}

function setup(over: Partial<Parameters<typeof createStompSession>[0]> = {}) {
  const scheduler = createFakeScheduler(1_000_000);
  const clients: FakeClient[] = [];
  const statuses: StompSessionStatus[] = [];
  FakeWs.urls = [];
  const session = createStompSession({
    brokerUrls: ['ws://a.example:61614', '/stomp', 'wss://c.example/stomp'],
    login: 'wallboard',
    passcode: 's3cret',
    vhost: 'vh',
    heartbeatMs: 4_000,
    scheduler,
    baseUrl: 'https://board.example/app/',
    WebSocket: FakeWs,
    backoff: { initialMs: 1_000, maxMs: 8_000, floorMs: 100, random: () => 0.5 },
    createClient: (conf) => {
      const c = new FakeClient(conf);
      clients.push(c);
      return c;
    },
    ...over,
  });
  session.onStatus((s) => statuses.push(s));
  return { session, clients, statuses, scheduler, last: () => clients[clients.length - 1] as FakeClient };
}

describe('stomp session', () => {
  it('configures stompjs: no own reconnect, heart-beats, credentials only in CONNECT headers', () => {
    const { session, last } = setup();
    session.start();
    const c = last().conf;
    expect(c.reconnectDelay).toBe(0);
    expect(c.heartbeatIncoming).toBe(4_000);
    expect(c.heartbeatOutgoing).toBe(4_000);
    expect(c.connectHeaders).toEqual({ login: 'wallboard', passcode: 's3cret', host: 'vh' });
    expect(FakeWs.urls).toEqual(['ws://a.example:61614/']);
  });

  it('fails over to the next URL on each failure, resolving relative URLs to wss, forever', () => {
    const { session, clients, last, scheduler, statuses } = setup();
    session.start();
    for (let i = 0; i < 50; i++) {
      last().close();
      scheduler.advance(10_000);
    }
    expect(clients).toHaveLength(51);
    expect(FakeWs.urls.slice(0, 4)).toEqual([
      'ws://a.example:61614/',
      'wss://board.example/stomp',
      'wss://c.example/stomp',
      'ws://a.example:61614/',
    ]);
    expect(statuses.filter((s) => s.state === 'down')).toHaveLength(50);
    const reasons = statuses.filter((s) => s.state === 'down').map((s) => s.reason ?? '');
    expect(reasons.every((r) => !r.includes('s3cret') && !r.includes('wallboard'))).toBe(true);
  });

  it('waits a backoff delay before each retry, within the cap, reset after a connect', () => {
    const { session, last, scheduler } = setup();
    session.start();
    last().close();
    last().close(); // a stale close from the same client is ignored
    expect(scheduler.scheduled).toEqual([500]);
    scheduler.advance(500);
    last().close();
    expect(scheduler.scheduled).toEqual([500, 1_000]);
    scheduler.advance(1_000);
    last().connect();
    last().close();
    expect(scheduler.scheduled.at(-1)).toBe(500);
    for (let i = 0; i < 20; i++) {
      scheduler.advance(10_000);
      last().close();
    }
    expect(Math.max(...scheduler.scheduled)).toBeLessThanOrEqual(8_000);
  });

  it('re-subscribes registered subscriptions on every connect and delivers messages', () => {
    const { session, last, scheduler } = setup();
    const got: string[] = [];
    session.subscribe('/topic/gc.events', (m) => got.push(`1:${m.body}`));
    session.start();
    last().connect();
    session.subscribe('/topic/other', (m) => got.push(`2:${m.body}`));
    expect(last().subs.map((s) => s.destination)).toEqual(['/topic/gc.events', '/topic/other']);
    last().message('/topic/gc.events', 'a');
    last().close();
    scheduler.advance(10_000);
    last().connect();
    expect(last().subs.map((s) => s.destination)).toEqual(['/topic/gc.events', '/topic/other']);
    last().message('/topic/gc.events', 'b');
    last().message('/topic/other', 'c');
    expect(got).toEqual(['1:a', '1:b', '2:c']);
  });

  it('an unsubscribed registration is not sent again and gets nothing', () => {
    const { session, last, scheduler } = setup();
    const got: string[] = [];
    const reg = session.subscribe('/topic/x', (m) => got.push(m.body));
    session.start();
    last().connect();
    reg.unsubscribe();
    last().message('/topic/x', 'a');
    last().close();
    scheduler.advance(10_000);
    last().connect();
    expect(last().subs).toEqual([]);
    expect(got).toEqual([]);
  });

  it('a throwing handler does not break the session', () => {
    const { session, last } = setup();
    const got: string[] = [];
    session.subscribe('/t', () => {
      throw new Error('boom');
    });
    session.subscribe('/t', (m) => got.push(m.body));
    session.start();
    last().connect();
    expect(() => last().message('/t', 'x')).not.toThrow();
    expect(got).toEqual(['x']);
  });

  it('publishes with skipContentLengthHeader and refuses when not connected', () => {
    const { session, last } = setup();
    session.start();
    expect(() => session.publish({ destination: '/queue/q', body: '2' })).toThrow(StompNotConnectedError);
    last().connect();
    session.publish({ destination: '/queue/gc.requests', headers: { type: 'NOT_READY#agent2001' }, body: '2' });
    expect(last().published).toEqual([
      { destination: '/queue/gc.requests', headers: { type: 'NOT_READY#agent2001' }, body: '2', skipContentLengthHeader: true },
    ]);
  });

  it('reports connecting, connected, down with the broker ERROR message', () => {
    const { session, last, statuses } = setup();
    session.start();
    last().connect();
    last().stompError('User name [x] or password is invalid.');
    last().close();
    expect(statuses.map((s) => s.state)).toEqual(['idle', 'connecting', 'connected', 'down']);
    expect(statuses.at(-1)?.reason).toContain('broker ERROR: User name [x] or password is invalid.');
    expect(statuses.at(-1)?.connects).toBe(1);
  });

  it('stop ends retrying; start again works', async () => {
    const { session, clients, last, scheduler, statuses } = setup();
    session.start();
    last().close();
    await session.stop();
    scheduler.advance(100_000);
    expect(clients).toHaveLength(1);
    expect(statuses.at(-1)?.state).toBe('idle');
    session.start();
    expect(clients).toHaveLength(2);
  });

  it('a WebSocket constructor that throws goes the normal close → retry path', () => {
    const { session, last, scheduler, statuses, clients } = setup({
      WebSocket: class {
        constructor() {
          throw new SyntaxError('bad url');
        }
      },
    });
    session.start();
    const sock = last().socket as { onclose?: (e: unknown) => void };
    // stompjs would install its handler; emulate it
    sock.onclose = (e) => last().conf.onWebSocketClose?.(e);
    scheduler.advance(0);
    expect(statuses.at(-1)?.state).toBe('down');
    expect(statuses.at(-1)?.reason).toContain('cannot open WebSocket: bad url');
    scheduler.advance(10_000);
    expect(clients).toHaveLength(2);
  });

  it('reports an invalid URL as down and moves on', () => {
    const { session, statuses, scheduler } = setup({ brokerUrls: ['http//nope', 'ftp://x.example/'], baseUrl: undefined });
    session.start();
    expect(statuses.at(-1)).toMatchObject({ state: 'down' });
    expect(statuses.at(-1)?.reason).toContain('invalid broker URL #1');
    scheduler.advance(10_000);
    expect(statuses.some((s) => s.reason?.includes('invalid broker URL #2: unsupported protocol ftp:'))).toBe(true);
  });

  it('displayUrl drops user info and query', () => {
    expect(displayUrl('wss://u:p@h.example/stomp?token=abc')).toBe('wss://h.example/stomp');
  });

  it('requires at least one URL', () => {
    expect(() => createStompSession({ brokerUrls: [] })).toThrow(RangeError);
  });
});
