import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { incompleteUtf8Tail, parseRelayArgs, startBrokerRelay, type BrokerRelay } from './broker-relay';

describe('WebSocket-to-TCP relay', () => {
  let relay: BrokerRelay | undefined;
  let server: net.Server | undefined;
  afterEach(async () => {
    await relay?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it('finds incomplete UTF-8 tails', () => {
    const e = Buffer.from('é✓😀');
    expect(incompleteUtf8Tail(Buffer.from('abc'))).toBe(0);
    expect(incompleteUtf8Tail(e)).toBe(0);
    expect(incompleteUtf8Tail(e.subarray(0, 1))).toBe(1);
    expect(incompleteUtf8Tail(e.subarray(0, 4))).toBe(2);
    expect(incompleteUtf8Tail(e.subarray(0, e.length - 1))).toBe(3);
  });

  it('parses its CLI arguments', () => {
    expect(parseRelayArgs(['--listen', '61614', '--target', '127.0.0.1:61613'], {})).toEqual({ listenPort: 61614, listenHost: '127.0.0.1', targetHost: '127.0.0.1', targetPort: 61613 });
  });

  it('relays bytes both ways as text frames, holding split UTF-8, and closes each side with the other', async () => {
    const received: Buffer[] = [];
    let tcpCloses = 0;
    let serverSide: net.Socket | undefined;
    server = net.createServer((s) => {
      serverSide = s;
      s.on('data', (d) => received.push(d));
      s.on('close', () => {
        tcpCloses += 1;
      });
      const frame = Buffer.from('MESSAGE\ndestination:/topic/gc.events\n\nagent2001#State#READY#é\0');
      const cut = frame.indexOf(0xc3) + 1; // split inside "é"
      s.write(frame.subarray(0, cut));
      setTimeout(() => s.write(frame.subarray(cut)), 30);
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', () => r()));
    const target = (server.address() as net.AddressInfo).port;
    relay = await startBrokerRelay({ listenPort: 0, targetPort: target });
    const ws = new WebSocket(`ws://127.0.0.1:${relay.port}/`, ['v12.stomp']);
    const msgs: { text: boolean; data: string }[] = [];
    ws.on('message', (d: Buffer, isBinary: boolean) => msgs.push({ text: !isBinary, data: d.toString('utf8') }));
    await new Promise((r) => ws.once('open', r));
    expect(ws.protocol).toBe('v12.stomp');
    ws.send('SEND\ndestination:/queue/gc.requests\ntype:READY#agent2001\n\n\0');
    await new Promise((r) => setTimeout(r, 100));
    expect(msgs.every((m) => m.text)).toBe(true);
    expect(msgs.map((m) => m.data).join('')).toBe('MESSAGE\ndestination:/topic/gc.events\n\nagent2001#State#READY#é\0');
    expect(Buffer.concat(received).toString()).toBe('SEND\ndestination:/queue/gc.requests\ntype:READY#agent2001\n\n\0');
    expect(relay.connections).toBe(1);
    const closed = new Promise((r) => ws.once('close', r));
    serverSide?.destroy();
    await closed;

    const ws2 = new WebSocket(`ws://127.0.0.1:${relay.port}/`);
    await new Promise((r) => ws2.once('open', r));
    await new Promise((r) => setTimeout(r, 50));
    const before = tcpCloses;
    ws2.close();
    for (let i = 0; i < 100 && tcpCloses === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(tcpCloses).toBe(before + 1);
  });

  it('closes the WebSocket when the target is unreachable', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    relay = await startBrokerRelay({ listenPort: 0, targetPort: port });
    const ws = new WebSocket(`ws://127.0.0.1:${relay.port}/`);
    const code = await new Promise<number>((r) => ws.once('close', (c: number) => r(c)));
    expect([1000, 1011, 1006]).toContain(code);
  });
});
