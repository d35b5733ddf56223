import { describe, expect, it } from 'vitest';
import { StompFrameError, StompParser, escapeHeader, serializeFrame, unescapeHeader, type StompFrame } from './stomp-frame';

const frames = (items: ReturnType<StompParser['push']>): StompFrame[] => items.filter((i): i is StompFrame => i !== 'heartbeat');

describe('STOMP 1.2 frame codec', () => {
  it('round-trips escaped headers (\\\\ \\r \\n \\c)', () => {
    const value = 'a:b\\c\nd\re';
    expect(escapeHeader(value)).toBe('a\\cb\\\\c\\nd\\re');
    expect(unescapeHeader(escapeHeader(value))).toBe(value);
    const bytes = serializeFrame('SEND', { destination: '/queue/x', 'my:key': value }, 'hi');
    expect(bytes.toString()).toBe('SEND\ndestination:/queue/x\nmy\\ckey:a\\cb\\\\c\\nd\\re\ncontent-length:2\n\nhi\0');
    const [f] = frames(new StompParser().push(bytes));
    expect(f?.headers).toEqual({ destination: '/queue/x', 'my:key': value, 'content-length': '2' });
    expect(f?.body.toString()).toBe('hi');
  });

  it('does not escape CONNECT/CONNECTED headers', () => {
    expect(serializeFrame('CONNECTED', { version: '1.2', server: 'a:b' }).toString()).toBe('CONNECTED\nversion:1.2\nserver:a:b\n\n\0');
    const [f] = frames(new StompParser().push('CONNECT\nlogin:a\\b\naccept-version:1.2\n\n\0'));
    expect(f?.headers['login']).toBe('a\\b');
  });

  it('rejects undefined escapes', () => {
    expect(() => new StompParser().push('SEND\ndestination:/q/\\t\n\n\0')).toThrow(StompFrameError);
  });

  it('parses several frames, heart-beats and CRLF in one chunk', () => {
    const p = new StompParser();
    const items = p.push('\nSEND\r\ndestination:/topic/a\r\n\r\none\0\r\n\nSEND\ndestination:/topic/b\n\ntwo\0');
    expect(items.filter((i) => i === 'heartbeat')).toHaveLength(3);
    expect(frames(items).map((f) => [f.headers['destination'], f.body.toString()])).toEqual([
      ['/topic/a', 'one'],
      ['/topic/b', 'two'],
    ]);
    expect(p.pendingBytes).toBe(0);
  });

  it('reassembles frames split across chunks, byte by byte, including multi-byte UTF-8', () => {
    const bytes = Buffer.concat([
      serializeFrame('SEND', { destination: '/queue/ü', type: 'READY#agent2001' }, 'héllo ✓'),
      serializeFrame('SEND', { destination: '/queue/b' }, '', { contentLength: false }),
    ]);
    const p = new StompParser();
    const out: StompFrame[] = [];
    for (const b of bytes) out.push(...frames(p.push(Buffer.from([b]))));
    expect(out).toHaveLength(2);
    expect(out[0]?.headers['destination']).toBe('/queue/ü');
    expect(out[0]?.headers['type']).toBe('READY#agent2001');
    expect(out[0]?.body.toString('utf8')).toBe('héllo ✓');
    expect(out[1]?.body.length).toBe(0);
  });

  it('honours content-length (body may contain NUL) and checks the trailing NUL', () => {
    const body = Buffer.from([0x61, 0x00, 0x62]);
    const bytes = serializeFrame('SEND', { destination: '/queue/bin' }, body);
    const [f] = frames(new StompParser().push(bytes));
    expect(f?.body).toEqual(body);
    expect(() => new StompParser().push('SEND\ndestination:/q\ncontent-length:1\n\nab\0')).toThrow(/NUL/);
    expect(() => new StompParser().push('SEND\ncontent-length:x\n\n\0')).toThrow(/content-length/);
  });

  it('keeps the first of repeated headers', () => {
    const [f] = frames(new StompParser().push('MESSAGE\nfoo:1\nfoo:2\n\n\0'));
    expect(f?.headers['foo']).toBe('1');
  });

  it('rejects garbage and oversize frames', () => {
    expect(() => new StompParser().push('hello world\n\n\0')).toThrow(StompFrameError);
    expect(() => new StompParser().push('SEND\nno-colon-here\n\n\0')).toThrow(StompFrameError);
    expect(() => new StompParser({ maxFrameBytes: 100 }).push(`SEND\n\n${'x'.repeat(200)}`)).toThrow(/larger/);
  });

  it('reports the receipt of a bad frame', () => {
    try {
      new StompParser().push('SEND\nreceipt:77\nbad\n\n\0');
      expect.unreachable();
    } catch (err) {
      expect((err as StompFrameError).receipt).toBe('77');
    }
  });
});
