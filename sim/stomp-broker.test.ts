import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { StompBroker } from './stomp-broker';
import { StompParser, serializeFrame, type StompFrame } from './stomp-frame';

/** A raw STOMP-over-WebSocket test client that collects every frame. */
class RawClient {
  readonly frames: StompFrame[] = [];
  private readonly parser = new StompParser();
  closed = false;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      for (const it of this.parser.push(d)) if (it !== 'heartbeat') this.frames.push(it);
    });
    ws.on('close', () => {
      this.closed = true;
    });
  }
  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url, ['v12.stomp']);
    const c = new RawClient(ws);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return c;
  }
  send(data: string | Buffer): void {
    this.ws.send(data);
  }
  frame(command: string, headers: Record<string, string>, body = ''): void {
    this.ws.send(serializeFrame(command, headers, body).toString());
  }
  async waitFor(pred: (f: StompFrame) => boolean, timeoutMs = 3000): Promise<StompFrame> {
    const start = Date.now();
    for (;;) {
      const f = this.frames.find(pred);
      if (f) return f;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out; got ${this.frames.map((x) => x.command).join(',')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  async connect(): Promise<void> {
    this.send('CONNECT\naccept-version:1.1,1.2\nhost:x\nheart-beat:0,0\n\n\0');
    await this.waitFor((f) => f.command === 'CONNECTED');
  }
}

describe('embedded STOMP broker', () => {
  let broker: StompBroker;
  const clients: RawClient[] = [];
  const open = async (): Promise<RawClient> => {
    const c = await RawClient.open(broker.url);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    broker = new StompBroker({ port: 0 });
    await broker.start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await broker.stop();
  });

  it('negotiates version 1.2 and heart-beats', async () => {
    const c = await open();
    c.send('CONNECT\naccept-version:1.0,1.1,1.2\nheart-beat:5000,20000\n\n\0');
    const f = await c.waitFor((x) => x.command === 'CONNECTED');
    expect(f.headers['version']).toBe('1.2');
    expect(f.headers['heart-beat']).toBe('10000,10000');
    expect(c.ws.protocol).toBe('v12.stomp');
  });

  it('fans out topics, passes user headers, escaping and receipts; several frames per message', async () => {
    const a = await open();
    const b = await open();
    await a.connect();
    await b.connect();
    a.frame('SUBSCRIBE', { id: 's1', destination: '/topic/t', receipt: 'r1' });
    b.frame('SUBSCRIBE', { id: 's2', destination: '/topic/t', receipt: 'r2' });
    await a.waitFor((f) => f.command === 'RECEIPT' && f.headers['receipt-id'] === 'r1');
    await b.waitFor((f) => f.command === 'RECEIPT' && f.headers['receipt-id'] === 'r2');
    const two = Buffer.concat([
      serializeFrame('SEND', { destination: '/topic/t', type: 'READY#agent2001', 'reply-to': '/queue/r', 'correlation-id': 'c:1\n' }, 'one'),
      serializeFrame('SEND', { destination: '/topic/t', receipt: 'r3' }, 'two', { contentLength: false }),
    ]);
    a.send(two.subarray(0, 30));
    a.send(two.subarray(30));
    await a.waitFor((f) => f.command === 'RECEIPT' && f.headers['receipt-id'] === 'r3');
    for (const c of [a, b]) {
      const m1 = await c.waitFor((f) => f.command === 'MESSAGE' && f.body.toString() === 'one');
      expect(m1.headers).toMatchObject({ destination: '/topic/t', type: 'READY#agent2001', 'reply-to': '/queue/r', 'correlation-id': 'c:1\n' });
      expect(m1.headers['message-id']).toBeTruthy();
      expect(m1.headers['subscription']).toBe(c === a ? 's1' : 's2');
      const m2 = await c.waitFor((f) => f.command === 'MESSAGE' && f.body.toString() === 'two');
      expect(m2.headers['content-length']).toBeUndefined();
    }
  });

  it('delivers queues round-robin and buffers while nobody subscribes', async () => {
    const local = broker.connectLocal();
    local.send('/queue/q', 'early');
    const a = await open();
    const b = await open();
    await a.connect();
    await b.connect();
    a.frame('SUBSCRIBE', { id: '1', destination: '/queue/q', receipt: 'x' });
    await a.waitFor((f) => f.command === 'MESSAGE' && f.body.toString() === 'early');
    b.frame('SUBSCRIBE', { id: '1', destination: '/queue/q', receipt: 'y' });
    await b.waitFor((f) => f.command === 'RECEIPT');
    for (let i = 0; i < 4; i++) local.send('/queue/q', `m${i}`, { type: 'T' });
    await new Promise((r) => setTimeout(r, 100));
    const got = (c: RawClient): string[] => c.frames.filter((f) => f.command === 'MESSAGE').map((f) => f.body.toString());
    expect(got(a).length + got(b).length).toBe(5);
    expect(got(a).length).toBeGreaterThanOrEqual(2);
    expect(got(b).length).toBeGreaterThanOrEqual(2);
  });

  it('in-process clients send and receive', async () => {
    const local = broker.connectLocal();
    const got: [Readonly<Record<string, string>>, string][] = [];
    local.subscribe('/topic/x', (h, body) => got.push([h, body]));
    const a = await open();
    await a.connect();
    a.frame('SEND', { destination: '/topic/x', type: 'NOT_READY#agent2002' }, '2');
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toHaveLength(1);
    expect(got[0]?.[0]['type']).toBe('NOT_READY#agent2002');
    expect(got[0]?.[1]).toBe('2');
  });

  it('answers ERROR and closes on bad frames, and keeps serving others', async () => {
    const bad = await open();
    bad.send('SEND\ndestination:/topic/x\n\n\0');
    const e1 = await bad.waitFor((f) => f.command === 'ERROR');
    expect(e1.headers['message']).toMatch(/CONNECT/);
    const bad2 = await open();
    await bad2.connect();
    bad2.send('FOO\nreceipt:9\n\n\0');
    const e2 = await bad2.waitFor((f) => f.command === 'ERROR');
    expect(e2.headers['receipt-id']).toBe('9');
    const bad3 = await open();
    await bad3.connect();
    bad3.send('SUBSCRIBE\nid:1\n\n\0');
    await bad3.waitFor((f) => f.command === 'ERROR');
    const bad4 = await open();
    await bad4.connect();
    bad4.send('\u0000\u0001garbage\n\n\0');
    await bad4.waitFor((f) => f.command === 'ERROR');
    await new Promise((r) => setTimeout(r, 50));
    expect(bad.closed && bad2.closed && bad3.closed && bad4.closed).toBe(true);
    const good = await open();
    await good.connect();
    good.frame('DISCONNECT', { receipt: 'bye' });
    await good.waitFor((f) => f.command === 'RECEIPT' && f.headers['receipt-id'] === 'bye');
  });

  it('keeps the last ActiveMQ.Retain message of a topic for retroactive subscribers only', async () => {
    const pub = await open();
    await pub.connect();
    pub.frame('SEND', { destination: '/topic/b', 'ActiveMQ.Retain': 'true' }, 'first');
    pub.frame('SEND', { destination: '/topic/b', 'ActiveMQ.Retain': 'true' }, 'second');
    pub.frame('SEND', { destination: '/topic/b', receipt: 'sent' }, 'not kept');
    await pub.waitFor((f) => f.command === 'RECEIPT' && f.headers['receipt-id'] === 'sent');
    const late = await open();
    const plain = await open();
    await late.connect();
    await plain.connect();
    late.frame('SUBSCRIBE', { id: 'r', destination: '/topic/b', 'activemq.retroactive': 'true' });
    plain.frame('SUBSCRIBE', { id: 'p', destination: '/topic/b', receipt: 'p-sub' });
    const m = await late.waitFor((f) => f.command === 'MESSAGE');
    expect(m.body.toString()).toBe('second');
    expect(m.headers['ActiveMQ.Retained']).toBe('true');
    await plain.waitFor((f) => f.command === 'RECEIPT' && f.headers['receipt-id'] === 'p-sub');
    pub.frame('SEND', { destination: '/topic/b', receipt: 'after' }, 'live');
    await plain.waitFor((f) => f.command === 'MESSAGE' && f.body.toString() === 'live');
    expect(plain.frames.filter((f) => f.command === 'MESSAGE').map((f) => f.body.toString())).toEqual(['live']);
    await late.waitFor((f) => f.command === 'MESSAGE' && f.body.toString() === 'live');
    expect(late.frames.filter((f) => f.command === 'MESSAGE').map((f) => f.body.toString())).toEqual(['second', 'live']);
  });

  it('stops and restarts on the same port', async () => {
    const port = broker.port;
    const a = await open();
    await a.connect();
    await broker.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(a.closed).toBe(true);
    await expect(RawClient.open(`ws://127.0.0.1:${port}/stomp`)).rejects.toThrow();
    await broker.start();
    expect(broker.port).toBe(port);
    const b = await open();
    await b.connect();
  });
});
