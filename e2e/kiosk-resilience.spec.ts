import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E } from './ports';
import { readBoardAgents, readBoardQueues, resetPausedForEachTest, sim } from './sim-client';

/**
 * Issue 14, the TV kiosk recovering by itself: stale badges on a stopped source with the
 * values kept (acceptance 4) and the watchdog reloading a page whose main thread is blocked
 * beyond the configured limit (acceptance 6). One simulator and broker for the run
 * (e2e/global-setup.ts); the simulator is reset, paused, before each test.
 */
const CONFIG = '/config.kiosk-e2e.json';
/** Sunday 6 December 2026, 10:00 in Berlin: the `weekend` board (queues and health) all morning. */
const SUNDAY_1000 = Date.parse('2026-12-06T10:00:00+01:00');
/** Floor board (queues, alarms, agents, health) all day, whatever the schedule. */
const FLOOR = encodeURIComponent(JSON.stringify({ schedule: [], rotation: [{ board: 'floor', durationSec: 86_400 }] }));

resetPausedForEachTest();

test.afterEach(async () => {
  await sim.control('start/hub').catch(() => undefined);
});

test('a stopped source marks its panels stale with the last update time, values kept; restarting it clears the marks', async ({ page }) => {
  await page.goto(`/kiosk?config=${CONFIG}&kioskClock=${SUNDAY_1000}&kiosk=${FLOOR}`);
  const rteTiles = page.locator('[data-testid="agent-tile"][data-source="rte"]');
  await expect(rteTiles.first()).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('[data-testid="connection-status"][data-source="rte"]').first()).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await expect(page.getByTestId('stale-badge')).toHaveCount(0, { timeout: 10_000 });
  const rteQueues = page.locator('[data-testid="queue-tile"][data-source="rte"]');
  const queueCount = await rteQueues.count();
  const agentCount = await rteTiles.count();
  expect(queueCount).toBeGreaterThan(0);
  // The figures as the board shows them (longest waiting ages on the board's own clock: left out).
  const figures = async () => ({
    // RTE's only: the broker's sources may still be arriving, and nothing here stops them.
    queues: (await readBoardQueues(page)).filter((q) => q.source === 'rte').map(({ longestWaitingSec: _, ...q }) => q),
    agents: await readBoardAgents(page, ['rte']),
  });
  const before = await figures();

  const stoppedAt = Date.now();
  await sim.control('stop/hub');
  // Every panel of the board (none filters its sources) shows an RTE badge; only RTE is stale.
  const badges = page.locator('[data-testid="stale-badge"][data-source="rte"]');
  await expect(badges).toHaveCount(4, { timeout: 8_000 });
  await expect(page.locator('[data-testid="stale-badge"]:not([data-source="rte"])')).toHaveCount(0);
  for (const b of await badges.all()) {
    const last = Number(await b.getAttribute('data-last-update'));
    // The last message came before the hub stopped (and not long before: the hub was live).
    expect(last).toBeGreaterThan(stoppedAt - 60_000);
    expect(last).toBeLessThanOrEqual(Date.now());
    await expect(b).toContainText('Enreach RTE');
  }
  // Values kept: the same queue and agent tiles with the same figures and states (paused model).
  await expect(rteQueues).toHaveCount(queueCount);
  await expect(rteTiles).toHaveCount(agentCount);
  expect(await figures()).toEqual(before);
  expect(before.queues.some((q) => q.callsWaiting !== undefined)).toBe(true);

  await sim.control('start/hub');
  await expect(page.locator('[data-testid="connection-status"][data-source="rte"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  await expect(page.getByTestId('stale-badge')).toHaveCount(0);
});

test('the watchdog reloads a page whose main thread was blocked beyond the limit', async ({ page }) => {
  await page.goto(`/kiosk?config=${CONFIG}&kioskClock=${SUNDAY_1000}&watchdogStallMs=2000`);
  await expect(page.getByTestId('kiosk')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-last-reload', '');
  await page.evaluate(() => ((window as unknown as { __beforeReload: boolean }).__beforeReload = true));
  const navigated = page.waitForEvent('framenavigated', { timeout: 10_000 });
  // Block the main thread for 3.5 s (limit 2 s): the next heartbeat sees it and reloads.
  await page.evaluate(() => {
    const until = Date.now() + 3_500;
    while (Date.now() < until) {
      /* busy */
    }
  });
  await navigated;
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-last-reload', 'stall', { timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { __beforeReload?: boolean }).__beforeReload)).toBeUndefined();
});

/** Modification time (epoch ms) of the newest file under `src/`, `public/` and of the build configuration. */
function newestSourceMs(): number {
  let newest = Math.max(statSync('vite.config.ts').mtimeMs, statSync('index.html').mtimeMs, statSync('package.json').mtimeMs);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk('src');
  walk('public');
  return newest;
}

/**
 * Acceptance 5 needs the production build (the service worker is built and registered only
 * there): this test serves `dist/` (built first when absent or older than the sources) with `vite preview` on a port
 * of its own, proxying the vendor endpoints to the e2e simulator as the dev server does,
 * and stops and restarts that server itself.
 */
test.describe('offline app shell (production build)', () => {
  const PORT = 15174;
  const origin = `http://127.0.0.1:${PORT}`;
  let server: ChildProcess | undefined;

  const startServer = async () => {
    server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        SIM_HTTP_URL: E2E.simHttpUrl,
        SIM_HUB_URL: `http://127.0.0.1:${E2E.simHubPort}`,
        SIM_STOMP_URL: `http://127.0.0.1:${E2E.simStompPort}`,
      },
    });
    await expect.poll(async () => (await fetch(`${origin}/config.json`).then((r) => r.ok).catch(() => false)), { timeout: 30_000 }).toBe(true);
  };
  const stopServer = async () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    server = undefined;
    await expect.poll(async () => fetch(`${origin}/config.json`).then(() => 'up', () => 'down'), { timeout: 10_000 }).toBe('down');
  };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // Built again when absent or older than any source, so the test never runs a stale build.
    if (!existsSync('dist/sw.js') || statSync('dist/sw.js').mtimeMs < newestSourceMs()) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'ignore' });
    await startServer();
  });
  test.afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  test('with the web server stopped, a reload still shows the board from the service worker; it goes live when the server answers again', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`${origin}/kiosk?config=${CONFIG}&kioskClock=${SUNDAY_1000}&kiosk=${FLOOR}`);
    await expect(page.locator('[data-testid="connection-status"][data-source="rte"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
    // The service worker controls the page and holds the configuration (the poll, every 2 s, goes through it).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('wallboard-config')).keys()).map((r) => new URL(r.url).pathname)), { timeout: 10_000 })
      .toContain(CONFIG);

    await stopServer();
    await page.reload();
    await expect(page.getByTestId('kiosk')).toHaveAttribute('data-board-id', 'floor', { timeout: 15_000 });
    await expect(page.locator('[data-testid="panel"]')).toHaveCount(4);
    // The sources are behind the stopped server: not live yet.
    await expect(page.locator('[data-testid="connection-status"][data-source="rte"]').first()).not.toHaveAttribute('data-status', 'live');

    await startServer();
    await expect(page.locator('[data-testid="connection-status"][data-source="rte"]').first()).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
    await expect(page.locator('[data-testid="agent-tile"][data-source="rte"]').first()).toBeVisible();
  });

  test('the agent desk is never answered from the kiosk service worker: it keeps its own frame-ancestors for the CIL host', async ({ page }) => {
    await page.goto(`${origin}/kiosk?config=${CONFIG}&kioskClock=${SUNDAY_1000}&kiosk=${FLOOR}`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    // Control: another page's navigation is answered by the worker (its cached index.html).
    const board = await page.goto(`${origin}/?config=${CONFIG}`);
    expect(board?.fromServiceWorker()).toBe(true);
    const desk = await page.goto(`${origin}/agent?config=/config.cil.json`);
    expect(desk?.fromServiceWorker()).toBe(false);
    expect(desk?.headers()['content-security-policy']).toContain(`frame-ancestors ${new URL(E2E.simHttpUrl).origin}`);
  });
});
