import { randomBytes } from 'node:crypto';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';

// Issue 5 acceptance 5: `?config=` on another origin or a `data:` URL is refused with a
// clear page and no request leaves for the other origin; a missing file says "not found";
// on /kiosk a configuration error is retried and the board recovers when the file appears.
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const randomName = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}.json`;

const APP_HOST = new URL(E2E.appUrl).host;
/** `host[:port]` of a recorded URL (`''` for `data:` and other host-less URLs). */
const hostOf = (u: string) => new URL(u).host;

/** Records the URL of every request the page makes (documents, fetches, WebSockets such as Vite's HMR). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('websocket', (ws) => urls.push(ws.url()));
  return urls;
}

test('a configuration on another origin is refused, and nothing is requested from it', async ({ page }) => {
  // localhost:15173 is the same server under another name, so another origin than 127.0.0.1:15173.
  const other = new URL(E2E.appUrl);
  other.hostname = 'localhost';
  const requests = recordRequests(page);
  await page.goto(`/?config=${encodeURIComponent(`${other.origin}/config.json`)}`);
  const err = page.getByTestId('config-error');
  await expect(err).toHaveAttribute('data-reason', 'origin-refused');
  await expect(page.getByTestId('config-error-reason')).toContainText(`Configuration files from ${other.origin} are not allowed`);
  await expect(page.getByTestId('config-error-file')).toHaveText(`${other.origin}/config.json`);
  // The decision needs the served config.json: once it was fetched, the refusal is final.
  expect(requests).toContain(`${E2E.appUrl}/config.json`);
  // By host and port, so a ws: request to the other server would count too.
  expect(requests.filter((u) => hostOf(u) === other.host)).toEqual([]);
  await expect(page.getByTestId('agent-tile')).toHaveCount(0);
});

test('a data: configuration is refused without any request for it', async ({ page }) => {
  const requests = recordRequests(page);
  const data = `data:application/json,${JSON.stringify({ sources: { rte: { tokenUrl: '/api/rte/token', hubUrl: 'https://elsewhere.invalid/rte' } } })}`;
  await page.goto(`/?config=${encodeURIComponent(data)}`);
  await expect(page.getByTestId('config-error')).toHaveAttribute('data-reason', 'scheme-refused');
  await expect(page.getByTestId('config-error-reason')).toContainText('only over http or https');
  expect(requests.filter((u) => hostOf(u) !== APP_HOST)).toEqual([]);
  expect(requests.filter((u) => u.startsWith('data:'))).toEqual([]);
});

test('a missing configuration file says "not found"', async ({ page }) => {
  const name = randomName('e2e-missing');
  await page.goto(`/?config=/${name}`);
  await expect(page.getByTestId('config-error')).toHaveAttribute('data-reason', 'not-found');
  await expect(page.getByTestId('config-error-reason')).toHaveText('The configuration file was not found.');
  await expect(page.getByTestId('config-error')).not.toContainText('JSON');
  // The supervisor route does not retry.
  await expect(page.getByTestId('config-retry')).toHaveCount(0);
});

test('the kiosk retries a missing configuration and recovers when the file appears', async ({ page }) => {
  const name = randomName('e2e');
  const file = join(PUBLIC, name);
  try {
    await page.goto(`/kiosk?config=/${name}`);
    await expect(page.getByTestId('config-error')).toHaveAttribute('data-reason', 'not-found');
    const retry = page.getByTestId('config-retry');
    await expect(retry).toHaveText(/^Retrying (in \d+ seconds?|now…)$/);
    await copyFile(join(PUBLIC, 'config.json'), file);
    // Backoff: 2 s doubling to 60 s with jitter; a few retries at most fall inside 20 s.
    await expect(page.getByTestId('queue-tile').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('agent-tile').first()).toBeVisible();
    await expect(page.getByTestId('config-error')).toHaveCount(0);
  } finally {
    await rm(file, { force: true });
  }
});
