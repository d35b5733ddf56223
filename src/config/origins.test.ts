import { describe, expect, it } from 'vitest';
import {
  allowedEndpointOrigins,
  classifyConfigRequest,
  comparableOrigin,
  endpointUrls,
  isConfigOriginAllowed,
  refusedEndpoints,
  servedConfigUrl,
} from './origins';

const APP = 'http://127.0.0.1:15173/';
const withConfig = (v: string, base = APP) => `${base}?config=${encodeURIComponent(v)}`;

describe('classifyConfigRequest', () => {
  it('without ?config= (or with an empty one) names the served config.json beside the app', () => {
    expect(classifyConfigRequest(APP)).toEqual({ kind: 'served', url: 'http://127.0.0.1:15173/config.json' });
    expect(classifyConfigRequest('http://h/wall/?lang=de')).toEqual({ kind: 'served', url: 'http://h/wall/config.json' });
    expect(classifyConfigRequest(`${APP}?config=`).kind).toBe('served');
  });

  it('a relative or absolute address on the page origin is same-origin', () => {
    expect(classifyConfigRequest(withConfig('/e2e-x.json'))).toEqual({
      kind: 'same-origin',
      url: 'http://127.0.0.1:15173/e2e-x.json',
    });
    expect(classifyConfigRequest(withConfig('http://127.0.0.1:15173/a/b.json')).kind).toBe('same-origin');
  });

  it('another host, port or scheme is cross-origin, with the origin named', () => {
    expect(classifyConfigRequest(withConfig('http://localhost:15173/config.json'))).toEqual({
      kind: 'cross-origin',
      url: 'http://localhost:15173/config.json',
      origin: 'http://localhost:15173',
    });
    expect(classifyConfigRequest(withConfig('//evil.example/x.json'))).toMatchObject({
      kind: 'cross-origin',
      origin: 'http://evil.example',
    });
    expect(classifyConfigRequest(withConfig('https://127.0.0.1:15173/x.json')).kind).toBe('cross-origin');
    expect(classifyConfigRequest(withConfig('http://127.0.0.1:15174/x.json')).kind).toBe('cross-origin');
  });

  it.each([
    ['data:application/json,{}', 'data:'],
    ['blob:http://127.0.0.1:15173/2c1e', 'blob:'],
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://127.0.0.1/x.json', 'ftp:'],
    ['ws://127.0.0.1:15173/x.json', 'ws:'],
  ])('%s is refused by scheme', (raw, scheme) => {
    expect(classifyConfigRequest(withConfig(raw))).toEqual({ kind: 'bad-scheme', url: raw, scheme });
  });

  it('an address that is not a URL is invalid', () => {
    expect(classifyConfigRequest(withConfig('http://[oops')).kind).toBe('invalid');
  });
});

describe('servedConfigUrl', () => {
  it('is config.json beside the app, without the query', () => {
    expect(servedConfigUrl('http://h/wall/?config=/x.json#k')).toBe('http://h/wall/config.json');
  });
});

describe('comparableOrigin', () => {
  it('counts ws as http and wss as https; non-network URLs have the null origin', () => {
    expect(comparableOrigin(new URL('ws://127.0.0.1:61614/stomp'))).toBe('http://127.0.0.1:61614');
    expect(comparableOrigin(new URL('wss://Host.Example/rte'))).toBe('https://host.example');
    expect(comparableOrigin(new URL('https://h:443/x'))).toBe('https://h');
    expect(comparableOrigin(new URL('data:text/plain,x'))).toBe('null');
    expect(comparableOrigin(new URL('javascript:1'))).toBe('null');
  });
});

describe('endpointUrls', () => {
  it('finds every ...Url string and ...Urls string list under sources, at any depth', () => {
    const sources = {
      rte: { tokenUrl: '/api/rte/token', hubUrl: 'https://rte.example/rte', queueIds: ['q'], staleAfterMs: 1 },
      gc: { brokerUrls: ['ws://a:1', 'wss://b'], login: 'x', verbs: { ready: 'READY' } },
      future: { nested: { reportUrl: 'https://r.example/x', mirrorUrls: [{ pushUrl: 'https://p.example' }] }, description: 'https://x' },
      odd: { someUrl: 42, otherUrls: 'not-a-list' },
    };
    expect(endpointUrls(sources)).toEqual([
      { field: 'sources.rte.tokenUrl', value: '/api/rte/token' },
      { field: 'sources.rte.hubUrl', value: 'https://rte.example/rte' },
      { field: 'sources.gc.brokerUrls.0', value: 'ws://a:1' },
      { field: 'sources.gc.brokerUrls.1', value: 'wss://b' },
      { field: 'sources.future.nested.reportUrl', value: 'https://r.example/x' },
      { field: 'sources.future.nested.mirrorUrls.0.pushUrl', value: 'https://p.example' },
    ]);
  });

  it('gives nothing for a non-object', () => {
    expect(endpointUrls(undefined)).toEqual([]);
    expect(endpointUrls('x')).toEqual([]);
  });
});

describe('isConfigOriginAllowed', () => {
  const served = { sources: {}, security: { allowedConfigOrigins: ['https://boards.example.com'], allowedOrigins: [] } };
  it('allows only origins listed in security.allowedConfigOrigins', () => {
    expect(isConfigOriginAllowed('https://boards.example.com', served)).toBe(true);
    expect(isConfigOriginAllowed('http://boards.example.com', served)).toBe(false);
    expect(isConfigOriginAllowed('https://boards.example.com:8443', served)).toBe(false);
    expect(isConfigOriginAllowed('https://evil.example', served)).toBe(false);
  });
  it('allows nothing without a served configuration or a security block', () => {
    expect(isConfigOriginAllowed('https://boards.example.com', null)).toBe(false);
    expect(isConfigOriginAllowed('https://boards.example.com', { sources: {} })).toBe(false);
    expect(isConfigOriginAllowed('null', { sources: {}, security: { allowedConfigOrigins: ['null'] } })).toBe(false);
  });
});

describe('credential origins', () => {
  const served = {
    sources: {
      rte: { tokenUrl: '/api/rte/token', hubUrl: 'https://rte.vendor.example/rte' },
      gc: { brokerUrls: ['wss://broker.example:61614'] },
    },
    security: { allowedConfigOrigins: [], allowedOrigins: ['https://extra.example'] },
  };

  it('allows the page origin, the served endpoints’ origins and security.allowedOrigins', () => {
    expect([...allowedEndpointOrigins(served, APP)].sort()).toEqual(
      ['http://127.0.0.1:15173', 'https://broker.example:61614', 'https://extra.example', 'https://rte.vendor.example'].sort(),
    );
    expect([...allowedEndpointOrigins(null, APP)]).toEqual(['http://127.0.0.1:15173']);
  });

  it('refuses each endpoint elsewhere, naming the field and origin', () => {
    const allowed = allowedEndpointOrigins(served, APP);
    const candidate = {
      sources: {
        rte: { tokenUrl: '/api/rte/token', hubUrl: 'https://elsewhere/rte' },
        gc: { brokerUrls: ['wss://broker.example:61614/stomp', 'ws://127.0.0.1:15173/stomp', 'wss://evil.example'] },
        cil: { hostPageUrl: 'data:text/html,<script>1</script>' },
      },
    };
    expect(refusedEndpoints(candidate, allowed, APP)).toEqual([
      { field: 'sources.rte.hubUrl', origin: 'https://elsewhere' },
      { field: 'sources.gc.brokerUrls.2', origin: 'https://evil.example' },
      { field: 'sources.cil.hostPageUrl', origin: 'null' },
    ]);
  });

  it('accepts a configuration whose endpoints are all allowed', () => {
    const allowed = allowedEndpointOrigins(served, APP);
    const candidate = { sources: { rte: { tokenUrl: 'https://rte.vendor.example/token', hubUrl: '/rte' }, gc: { brokerUrls: ['/stomp'] } } };
    expect(refusedEndpoints(candidate, allowed, APP)).toEqual([]);
  });
});

describe('broadcast broker URLs count as endpoints (issue 13)', () => {
  it('refuses a ?config= broadcast broker elsewhere and allows the served one', () => {
    const served = { sources: {}, broadcast: { brokerUrls: ['wss://broker.example:61614'] } };
    const allowed = allowedEndpointOrigins(served, APP);
    expect(allowed.has('https://broker.example:61614')).toBe(true); // ws(s) compare as http(s)
    expect(refusedEndpoints({ sources: {}, broadcast: { brokerUrls: ['wss://broker.example:61614', 'wss://evil.example'] } }, allowed, APP)).toEqual([
      { field: 'broadcast.brokerUrls.1', origin: 'https://evil.example' },
    ]);
  });
});

describe('trusted origins count as endpoints (issue 8)', () => {
  it('a ?config= file may point sources.cil.allowedOrigin only at an allowed origin', async () => {
    const { endpointUrls, refusedEndpoints } = await import('./origins');
    const sources = { cil: { mode: 'bridge', allowedOrigin: 'https://evil.example' } };
    expect(endpointUrls(sources)).toEqual([{ field: 'sources.cil.allowedOrigin', value: 'https://evil.example' }]);
    expect(refusedEndpoints({ sources }, new Set(['http://h']), 'http://h/')).toEqual([{ field: 'sources.cil.allowedOrigin', origin: 'https://evil.example' }]);
    expect(refusedEndpoints({ sources }, new Set(['http://h', 'https://evil.example']), 'http://h/')).toEqual([]);
  });
});
