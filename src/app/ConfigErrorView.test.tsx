// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import { boot } from './boot';
import { ConfigErrorView } from './ConfigErrorView';

const BAD = {
  flushIntervalMs: 3,
  sources: { gc: { brokerUrls: [], supervisorLoginId: 'sup9001' }, vendorX: {} },
  reasonCodes: { notReady: [{ id: '1,2', label: 'Break' }] },
};

function configErrorOf(raw: unknown, url: string): ConfigError {
  try {
    parseConfig(raw, url);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

afterEach(() => {
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

describe('boot', () => {
  it('shows the configuration error page when the configured file is invalid', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(BAD), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      await boot(container, 'http://h:5173/kiosk?config=/broken.json');
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
    expect(within(container).getByTestId('config-error').textContent).toContain('HTTP 404');
  });

  it('shows a placeholder on /agent', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      await boot(container, 'http://h/agent');
    });
    expect(container.textContent).toMatch(/coming/);
  });
});
