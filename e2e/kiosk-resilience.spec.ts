import { expect, test } from '@playwright/test';
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
    queues: (await readBoardQueues(page)).map(({ longestWaitingSec: _, ...q }) => q),
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
