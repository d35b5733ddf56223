// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import { boardConfigSchema } from './modules';
import { initI18n, loadLanguage, setLanguage } from '../i18n';
import { createClock, setClock } from '../lib/clock';
import { createFakeScheduler } from '../lib/scheduler';
import { boot, CONFIG_RETRY_BACKOFF, obtainConfig } from './boot';
import { ConfigErrorView } from './ConfigErrorView';

await loadLanguage('en');
await loadLanguage('de');
initI18n('en');

const BAD = {
  flushIntervalMs: 3,
  sources: { gc: { brokerUrls: [], supervisorLoginId: 'sup9001' }, vendorX: {} },
  reasonCodes: { notReady: [{ id: '1,2', label: 'Break' }] },
};

function configErrorOf(raw: unknown, url: string): ConfigError {
  try {
    parseConfig(raw, url, boardConfigSchema);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

afterEach(() => {
  setLanguage('en');
  cleanup();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  delete document.documentElement.dataset.route;
});

describe('ConfigErrorView', () => {
  it('names the file and lists every wrong field', () => {
    const error = configErrorOf(BAD, 'http://h/config.json');
    expect(error.issues.length).toBeGreaterThanOrEqual(4);
    render(<ConfigErrorView error={error} />);
    const page = screen.getByTestId('config-error');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('Configuration error');
    expect(within(page).getByTestId('config-error-file').textContent).toBe('http://h/config.json');
    const items = within(page).getAllByTestId('config-issue').map((li) => li.textContent);
    expect(items).toEqual(error.issues);
    for (const path of ['flushIntervalMs', 'sources.gc.brokerUrls', 'sources', 'reasonCodes.notReady.0.id']) {
      expect(items.some((i) => i!.startsWith(`${path}:`)), path).toBe(true);
    }
  });
});

describe('ConfigErrorView: reasons in words', () => {
  it('names the refused endpoint field and origin', () => {
    const refused = [{ field: 'sources.rte.hubUrl', origin: 'https://elsewhere' }];
    const error = new ConfigError('x', ['en'], 'http://h/e.json', 'endpoint-refused', { refused, servedUrl: 'http://h/config.json' });
    render(<ConfigErrorView error={error} />);
    const page = screen.getByTestId('config-error');
    expect(page.dataset.reason).toBe('endpoint-refused');
    expect(within(page).getAllByTestId('config-issue').map((li) => li.textContent)).toEqual([
      'sources.rte.hubUrl: origin https://elsewhere is not allowed by the served configuration',
    ]);
    expect(within(page).getByTestId('config-error-reason').textContent).toContain('(1 field)');
  });

  it('speaks German with ?lang=de, plurals included', () => {
    setLanguage('de');
    const error = new ConfigError('x', ['a: b', 'c: d'], 'http://h/x.json', 'invalid');
    render(<ConfigErrorView error={error} retryAt={Date.now() + 5_500} />);
    const page = screen.getByTestId('config-error');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('Konfigurationsfehler');
    expect(within(page).getByTestId('config-error-reason').textContent).toContain('2 Felder sind falsch');
    expect(within(page).getByTestId('config-retry').textContent).toMatch(/^Neuer Versuch in [56] Sekunden$/);
  });
});

describe('kiosk retries a failed configuration', () => {
  const GOOD = { title: 'Recovered', sources: {} };

  it('shows when it retries, counts down on the shared clock, backs off, and recovers without a reload', async () => {
    const fake = createFakeScheduler(1_700_000_000_000);
    const previous = setClock(createClock({ now: () => fake.now(), scheduler: fake }));
    try {
      let answer: () => Response = () => new Response('nope', { status: 404 });
      const fetchMock = vi.fn(async () => answer());
      const container = document.createElement('div');
      document.body.append(container);
      const { createRoot } = await import('react-dom/client');
      const root = createRoot(container);
      let result: unknown = 'pending';
      await act(async () => {
        void obtainConfig('http://h/?config=/late.json', true, (n) => root.render(n), {
          scheduler: fake,
          fetch: fetchMock as typeof fetch,
          random: () => 0.999,
        }).then((c) => (result = c));
      });
      // First failure: ceiling 2 s, jitter 0.999 → 1 998 ms.
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(within(container).getByTestId('config-error').dataset.reason).toBe('not-found');
      expect(within(container).getByTestId('config-retry').textContent).toBe('Retrying in 2 seconds');
      await act(async () => fake.advance(1_000));
      expect(within(container).getByTestId('config-retry').textContent).toBe('Retrying in 1 second');
      expect(fetchMock).toHaveBeenCalledTimes(1);
      await act(async () => fake.advance(998));
      expect(fetchMock).toHaveBeenCalledTimes(2);
      // Second failure: the ceiling doubles to 4 s.
      expect(fake.pendingDueTimes().some((t) => t - fake.now() > CONFIG_RETRY_BACKOFF.initialMs)).toBe(true);
      answer = () => new Response(JSON.stringify(GOOD), { status: 200, headers: { 'content-type': 'application/json' } });
      await act(async () => fake.advance(4_000));
      expect(fetchMock).toHaveBeenCalledTimes(3);
      expect(result).toMatchObject({ title: 'Recovered' });
      root.unmount();
    } finally {
      setClock(previous);
    }
  });

  it('retries security refusals too, and never fetches the refused origin', async () => {
    const fake = createFakeScheduler(0);
    const fetchMock = vi.fn(async (_input: RequestInfo | URL) => new Response('nope', { status: 404 }));
    const shown: string[] = [];
    void obtainConfig('http://h/?config=http://evil.example/x.json', true, () => shown.push('error'), {
      scheduler: fake,
      fetch: fetchMock as typeof fetch,
      random: () => 0,
    });
    await vi.waitFor(() => expect(shown.length).toBe(1));
    fake.advance(60_000);
    await vi.waitFor(() => expect(shown.length).toBeGreaterThan(1));
    expect(fetchMock.mock.calls.every(([url]) => String(url) === 'http://h/config.json')).toBe(true);
  });

  it('the supervisor route does not retry', async () => {
    const fake = createFakeScheduler(0);
    const fetchMock = vi.fn(async () => new Response('nope', { status: 404 }));
    const result = await obtainConfig('http://h/', false, () => undefined, { scheduler: fake, fetch: fetchMock as typeof fetch });
    expect(result).toBeNull();
    expect(fake.pending()).toBe(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('boot', () => {
  it('shows the configuration error page when the configured file is invalid', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(BAD), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      await boot(container, 'http://h:5173/?config=/broken.json');
    });
    expect(fetchMock).toHaveBeenCalledWith('http://h:5173/broken.json', expect.anything());
    const page = within(container).getByTestId('config-error');
    expect(page.textContent).toContain('http://h:5173/broken.json');
    expect(within(page).getAllByTestId('config-issue').length).toBeGreaterThanOrEqual(4);
  });

  it('shows the error page when the file cannot be fetched', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 404 })));
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      await boot(container, 'http://h/');
    });
    const page = within(container).getByTestId('config-error');
    expect(page.dataset.reason).toBe('not-found');
    expect(page.textContent).toContain('was not found');
    expect(within(container).queryByTestId('config-retry')).toBeNull();
  });

  it('refuses a data: configuration without fetching anything', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      await boot(container, `http://h/?config=${encodeURIComponent('data:application/json,{"sources":{}}')}`);
    });
    const page = within(container).getByTestId('config-error');
    expect(page.dataset.reason).toBe('scheme-refused');
    expect(page.textContent).toContain('only over http or https');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('/agent without a b+s Connects source says the desk is not configured (no stub desk)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ sources: {} }), { status: 200, headers: { 'content-type': 'application/json' } })));
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      await boot(container, 'http://h/agent');
    });
    expect(within(container).getByTestId('agent-desk-not-configured').textContent).toMatch(/no b\+s Connects source/);
  });

  it('/agent with sources.cil (direct) starts only the CIL connector and shows the desk from getChannel', async () => {
    const config = { sources: { cil: { mode: 'direct' } } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(config), { status: 200, headers: { 'content-type': 'application/json' } })));
    const cil = {
      initIntegration: (cb: () => void) => cb(),
      getChannel: async () => ({ channel: { id: 'voice_5000', type: 'Voice', state: 'NotReady', reasonCode: 2, reasonCodeLabel: 'Lunch', workitems: [] } }),
    };
    (window as unknown as { ConnectsIntegrationLibrary?: unknown }).ConnectsIntegrationLibrary = cil;
    try {
      const container = document.createElement('div');
      document.body.append(container);
      await act(async () => {
        await boot(container, 'http://h/agent');
      });
      expect(within(container).getByTestId('agent-desk')).toBeTruthy();
      await waitFor(() => expect(within(container).getByTestId('my-state').dataset.state).toBe('NotReady'));
      expect(within(container).getByTestId('my-state').dataset.reasonCode).toBe('2');
      expect(within(container).getByTestId('connection-status').dataset.source).toBe('cil');
      expect(within(container).getByRole('button', { name: 'Not Ready' })).toBeTruthy();
      window.dispatchEvent(new Event('pagehide'));
    } finally {
      delete (window as unknown as { ConnectsIntegrationLibrary?: unknown }).ConnectsIntegrationLibrary;
    }
  });
});
