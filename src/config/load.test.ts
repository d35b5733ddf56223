import { describe, expect, it } from 'vitest';
import { boardConfigSchema } from '../app/modules';
import { ConfigError, isHtmlFallback, loadBoardConfig as loadBoardConfigWith, loadConfig as loadConfigWith } from './load';

// The board schema the app builds from its connector modules.
const loadConfig = (url: string, f: typeof fetch) => loadConfigWith(url, { fetch: f, schema: boardConfigSchema });
const loadBoardConfig = (appHref: string, f: typeof fetch) => loadBoardConfigWith(appHref, { fetch: f, schema: boardConfigSchema });

const APP = 'http://127.0.0.1:15173/';

type Answer = () => Response;
const json = (body: unknown, init: ResponseInit = {}): Answer => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
const html: Answer = () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
const status = (code: number): Answer => () => new Response('nope', { status: code });

/** A fake fetch answering from `routes` (404 for anything else) and recording every URL asked for. */
function fakeFetch(routes: Record<string, Answer>) {
  const requests: string[] = [];
  const impl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    const answer = routes[url];
    return answer ? answer() : new Response('not here', { status: 404 });
  }) as typeof fetch;
  return { impl, requests };
}

const SERVED = {
  title: 'Served',
  sources: {
    rte: { tokenUrl: '/api/rte/token', hubUrl: '/rte' },
    gc: { brokerUrls: ['ws://127.0.0.1:61614'], supervisorLoginId: 'sup9001' },
  },
  security: { allowedConfigOrigins: ['https://boards.example.com'], allowedOrigins: ['https://rte.vendor.example'] },
};
const OTHER = { title: 'Other', sources: { rte: { tokenUrl: '/api/rte/token', hubUrl: '/rte' } } };

async function errorOf(p: Promise<unknown>): Promise<ConfigError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: what a bad answer says', () => {
  it('HTTP 404 is "not found"', async () => {
    const { impl } = fakeFetch({});
    const e = await errorOf(loadConfig('http://h/missing.json', impl));
    expect(e.reason).toBe('not-found');
    expect(e.detail.status).toBe(404);
  });

  it('an HTML page answered for a .json request is "not found", not "not valid JSON"', async () => {
    const { impl } = fakeFetch({ 'http://h/missing.json': html });
    const e = await errorOf(loadConfig('http://h/missing.json', impl));
    expect(e.reason).toBe('not-found');
  });

  it('a body that is not JSON is "not-json"; another status is "http-error"; a network failure "unreachable"', async () => {
    const text: Answer = () => new Response('{ nope', { status: 200, headers: { 'content-type': 'application/json' } });
    expect((await errorOf(loadConfig('http://h/a.json', fakeFetch({ 'http://h/a.json': text }).impl))).reason).toBe('not-json');
    const e500 = await errorOf(loadConfig('http://h/a.json', fakeFetch({ 'http://h/a.json': status(500) }).impl));
    expect([e500.reason, e500.detail.status]).toEqual(['http-error', 500]);
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await errorOf(loadConfig('http://h/a.json', failing))).reason).toBe('unreachable');
  });

  it('an invalid file lists the fields', async () => {
    const e = await errorOf(loadConfig('http://h/a.json', fakeFetch({ 'http://h/a.json': json({ sources: { gc: {} }, flushIntervalMs: 'x' }) }).impl));
    expect(e.reason).toBe('invalid');
    expect(e.issues.some((i) => i.startsWith('flushIntervalMs:'))).toBe(true);
    expect(e.issues.some((i) => i.startsWith('sources.gc.brokerUrls:'))).toBe(true);
  });

  it('isHtmlFallback only for .json paths answered with text/html', () => {
    expect(isHtmlFallback('http://h/x.json', 'text/html')).toBe(true);
    expect(isHtmlFallback('http://h/x.JSON?v=1', 'TEXT/HTML; charset=utf-8')).toBe(true);
    expect(isHtmlFallback('http://h/x.json', 'application/json')).toBe(false);
    expect(isHtmlFallback('http://h/x', 'text/html')).toBe(false);
    expect(isHtmlFallback('http://h/x.json', null)).toBe(false);
  });
});

describe('loadBoardConfig: origin rules', () => {
  it('without ?config= loads the served config.json', async () => {
    const { impl, requests } = fakeFetch({ [`${APP}config.json`]: json(SERVED) });
    expect((await loadBoardConfig(APP, impl)).title).toBe('Served');
    expect(requests).toEqual([`${APP}config.json`]);
  });

  it('a same-origin ?config= whose endpoints stay on the page origin needs nothing else', async () => {
    const { impl, requests } = fakeFetch({ [`${APP}other.json`]: json(OTHER) });
    expect((await loadBoardConfig(`${APP}?config=/other.json`, impl)).title).toBe('Other');
    expect(requests).toEqual([`${APP}other.json`]);
  });

  it.each(['data:application/json,{"sources":{}}', 'blob:http://127.0.0.1:15173/x', 'javascript:alert(1)', 'file:///x.json'])(
    '%s is refused without any request',
    async (raw) => {
      const { impl, requests } = fakeFetch({ [`${APP}config.json`]: json(SERVED) });
      const e = await errorOf(loadBoardConfig(`${APP}?config=${encodeURIComponent(raw)}`, impl));
      expect(e.reason).toBe('scheme-refused');
      expect(e.refused).toBe(true);
      expect(requests).toEqual([]);
    },
  );

  it('another origin not listed in the served allowedConfigOrigins is refused without a request to it', async () => {
    const { impl, requests } = fakeFetch({ [`${APP}config.json`]: json(SERVED), 'http://localhost:15173/config.json': json(OTHER) });
    const e = await errorOf(loadBoardConfig(`${APP}?config=${encodeURIComponent('http://localhost:15173/config.json')}`, impl));
    expect(e.reason).toBe('origin-refused');
    expect(e.detail.origin).toBe('http://localhost:15173');
    expect(requests).toEqual([`${APP}config.json`]);
  });

  it('another origin is refused too when the served configuration is missing', async () => {
    const { impl, requests } = fakeFetch({ 'https://boards.example.com/b.json': json(OTHER) });
    const e = await errorOf(loadBoardConfig(`${APP}?config=${encodeURIComponent('https://boards.example.com/b.json')}`, impl));
    expect([e.reason, e.detail.servedReason]).toEqual(['origin-refused', 'not-found']);
    expect(requests).toEqual([`${APP}config.json`]);
  });

  it('an origin listed in allowedConfigOrigins is loaded (after the served file)', async () => {
    const { impl, requests } = fakeFetch({ [`${APP}config.json`]: json(SERVED), 'https://boards.example.com/b.json': json(OTHER) });
    expect((await loadBoardConfig(`${APP}?config=${encodeURIComponent('https://boards.example.com/b.json')}`, impl)).title).toBe('Other');
    expect(requests).toEqual([`${APP}config.json`, 'https://boards.example.com/b.json']);
  });

  it('a ?config= file pointing an endpoint elsewhere is refused, naming the field', async () => {
    const evil = { sources: { rte: { tokenUrl: '/api/rte/token', hubUrl: 'https://elsewhere/rte' } } };
    const { impl } = fakeFetch({ [`${APP}config.json`]: json(SERVED), [`${APP}evil.json`]: json(evil) });
    const e = await errorOf(loadBoardConfig(`${APP}?config=/evil.json`, impl));
    expect(e.reason).toBe('endpoint-refused');
    expect(e.issues).toEqual(['sources.rte.hubUrl: origin https://elsewhere is not allowed by the served configuration']);
    expect(e.detail.refused).toEqual([{ field: 'sources.rte.hubUrl', origin: 'https://elsewhere' }]);
  });

  it('endpoints on the served endpoints’ origins or security.allowedOrigins are accepted', async () => {
    const ok = {
      title: 'Ok',
      sources: {
        rte: { tokenUrl: 'https://rte.vendor.example/token', hubUrl: '/rte' },
        gc: { brokerUrls: ['ws://127.0.0.1:61614/other'], supervisorLoginId: 's' },
      },
    };
    const { impl } = fakeFetch({ [`${APP}config.json`]: json(SERVED), [`${APP}ok.json`]: json(ok) });
    expect((await loadBoardConfig(`${APP}?config=/ok.json`, impl)).title).toBe('Ok');
  });

  it('a ?config= file cannot widen the rules with its own security block', async () => {
    const sneaky = {
      sources: { rte: { tokenUrl: 'https://thief.example/token', hubUrl: '/rte' } },
      security: { allowedConfigOrigins: [], allowedOrigins: ['https://thief.example'] },
    };
    const { impl } = fakeFetch({ [`${APP}config.json`]: json(SERVED), [`${APP}s.json`]: json(sneaky) });
    const e = await errorOf(loadBoardConfig(`${APP}?config=/s.json`, impl));
    expect(e.reason).toBe('endpoint-refused');
    expect(e.issues[0]).toMatch(/^sources\.rte\.tokenUrl: origin https:\/\/thief\.example/);
  });

  it('with the served file missing, only the page origin counts and the page says so', async () => {
    const other = { sources: { gc: { brokerUrls: ['ws://127.0.0.1:61614'], supervisorLoginId: 's' } } };
    const { impl } = fakeFetch({ [`${APP}o.json`]: json(other) });
    const e = await errorOf(loadBoardConfig(`${APP}?config=/o.json`, impl));
    expect([e.reason, e.detail.servedReason]).toEqual(['endpoint-refused', 'not-found']);
    expect(e.detail.refused).toEqual([{ field: 'sources.gc.brokerUrls.0', origin: 'http://127.0.0.1:61614' }]);
  });
});

describe('loadConfig: redirects', () => {
  it('refuses an answer redirected to another origin', async () => {
    const redirected = (async () => {
      const res = new Response(JSON.stringify(OTHER), { status: 200, headers: { 'content-type': 'application/json' } });
      Object.defineProperty(res, 'url', { value: 'https://evil.example/x.json' });
      return res;
    }) as typeof fetch;
    const e = await errorOf(loadBoardConfig(`${APP}?config=/go.json`, redirected));
    expect([e.reason, e.detail.origin]).toEqual(['origin-refused', 'https://evil.example']);
  });

  it('accepts a redirect within the same origin', async () => {
    const redirected = (async () => {
      const res = new Response(JSON.stringify(OTHER), { status: 200, headers: { 'content-type': 'application/json' } });
      Object.defineProperty(res, 'url', { value: `${APP}configs/other.json` });
      return res;
    }) as typeof fetch;
    expect((await loadBoardConfig(`${APP}?config=/go.json`, redirected)).title).toBe('Other');
  });
});
