import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, redact, redactString, setLogLevel, setLogSink, type MessageLevel } from './logger';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

afterEach(() => {
  setLogSink(undefined);
  setLogLevel('info');
});

describe('redactString', () => {
  it.each([
    [`wss://hub/rte?id=abc&access_token=${JWT}`, 'SflKx'],
    ['wss://hub/rte?id=abc&access_token=opaque123&x=1', 'opaque123'],
    ['Authorization: Bearer abc.def.ghi', 'abc.def'],
    ['{"Authorization":"Bearer s3cr3t-value"}', 's3cr3t'],
    ['CONNECT\nlogin:sup\npasscode:hunter2\n\n', 'hunter2'],
    ['{"token":"opaque-token-value"}', 'opaque-token'],
    [`token is ${JWT}`, 'eyJhbGci'],
    ["{ passcode: 'p4ss' }", 'p4ss'],
    ['password=abc123&user=x', 'abc123'],
    ['sent Bearer abcdefghijkl to hub', 'abcdefghijkl'],
  ])('removes the secret from %j', (input, secret) => {
    const out = redactString(input);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED');
  });

  it('leaves ordinary text alone', () => {
    const s = 'hub closed: WebSocket closed with status code 1006 (queue c0ffee00, token refresh in 5 s)';
    expect(redactString(s)).toBe(s);
    expect(redactString('GET /api/rte/token?x=1')).toBe('GET /api/rte/token?x=1');
  });

  it('keeps the rest of a URL', () => {
    expect(redactString('wss://h/rte?id=42&access_token=abc')).toBe('wss://h/rte?id=42&access_token=[REDACTED]');
  });
});

describe('redact', () => {
  it('redacts secret-named properties deeply and strings everywhere, without mutating', () => {
    const input = {
      token: 'abc',
      accessToken: 'def',
      headers: { Authorization: 'Bearer xyz', 'content-type': 'text/plain' },
      gc: { login: 'sup', passcode: 'hunter2', tokenUrl: '/api/rte/token' },
      list: [`url?access_token=${JWT}`],
    };
    const out = redact(input) as typeof input;
    expect(out.token).toBe('[REDACTED]');
    expect(out.accessToken).toBe('[REDACTED]');
    expect(out.headers.Authorization).toBe('[REDACTED]');
    expect(out.headers['content-type']).toBe('text/plain');
    expect(out.gc.passcode).toBe('[REDACTED]');
    expect(out.gc.login).toBe('sup');
    expect(out.gc.tokenUrl).toBe('/api/rte/token');
    expect(JSON.stringify(out)).not.toContain('SflKx');
    expect(input.token).toBe('abc');
  });

  it('handles errors and cycles', () => {
    const err = new Error(`negotiate failed for /rte?access_token=${JWT}`);
    const out = redact(err) as Error;
    expect(out).toBeInstanceOf(Error);
    expect(out.message).not.toContain('eyJ');
    expect(out.stack ?? '').not.toContain('SflKx');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect((redact(cyclic) as Record<string, unknown>).self).toBe('[Circular]');
  });
});

describe('createLogger', () => {
  it('writes redacted lines at or above the level only', () => {
    const lines: [MessageLevel, string, string, readonly unknown[]][] = [];
    setLogSink((level, scope, message, args) => lines.push([level, scope, message, args]));
    const log = createLogger('rte');
    log.debug('hidden');
    log.info(`connecting to wss://h/rte?access_token=${JWT}`, { passcode: 'x' });
    setLogLevel('error');
    log.warn('hidden too');
    log.error('boom', 'Authorization: Bearer abcdef123');
    expect(lines.map((l) => l[0])).toEqual(['info', 'error']);
    expect(JSON.stringify(lines)).not.toContain('eyJ');
    expect(JSON.stringify(lines)).not.toContain('abcdef123');
    expect(lines[0]?.[1]).toBe('rte');
    expect(lines[0]?.[3]).toEqual([{ passcode: '[REDACTED]' }]);
  });

  it('never throws when the sink throws', () => {
    setLogSink(() => {
      throw new Error('sink down');
    });
    expect(() => createLogger('x').error('still fine')).not.toThrow();
  });
});
