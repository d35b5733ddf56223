import { expect, test, type Page } from '@playwright/test';
import { resetPausedForEachTest, sim } from './sim-client';

/**
 * Trend charts (issue 13, acceptance 4) against the simulator: a designed board with a trend
 * panel for one RTE queue (public/config.trends.json: sampled every second) shows the
 * simulator's history of that queue, step after step; the kiosk does not request the chart
 * code (the trend panel's chunk, recharts) until a board with a chart is shown.
 */
const CONFIG = '?config=/config.trends.json';
const QUEUE = 'c0ffee00-0000-4000-8000-000000000001';

resetPausedForEachTest();

/** Script and module URLs the page has requested so far that belong to the chart code. */
async function chartRequests(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /recharts|\/TrendPanel[.-]/.test(n)), // not LazyTrendPanel (in the entry)
  );
}

/** The truth's calls waiting of the queue. */
async function truthWaiting(): Promise<number> {
  const q = (await sim.truth()).rte.queues.find((x) => x.id === QUEUE);
  if (q?.callsWaiting === undefined) throw new Error(`queue ${QUEUE} has no callsWaiting in the truth`);
  return q.callsWaiting;
}

/** The trend's sampled calls waiting, newest first (the text alternative's table rows). */
async function sampled(page: Page): Promise<number[]> {
  return page.$$eval(`[data-testid="trend"][data-entity-key="rte:${QUEUE}"] [data-testid="trend-point"]`, (rows) =>
    rows.map((r) => Number(r.getAttribute('data-waiting'))),
  );
}

test('the trend panel shows the simulator history of a queue', async ({ page }) => {
  await page.goto(`/${CONFIG}&board=trend`);
  const trend = page.locator(`[data-testid="trend"][data-entity-key="rte:${QUEUE}"]`);
  await expect(trend).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-testid="trend"]')).toHaveCount(1); // the panel's queue filter
  await expect(trend.locator('svg.recharts-surface')).toBeVisible();

  const seen: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sim.step({ seconds: 20 });
    const want = await truthWaiting();
    // The newest sample follows the truth within a few sample periods.
    await expect.poll(async () => (await sampled(page))[0], { timeout: 5_000 }).toBe(want);
    seen.push(want);
  }
  // The history holds every value the queue had, in order (older samples are kept).
  const history = (await sampled(page)).reverse();
  let at = 0;
  for (const v of seen) {
    at = history.indexOf(v, at);
    expect(at, `history ${history.join(',')} lacks ${seen.join(',')} in order`).toBeGreaterThanOrEqual(0);
  }
  await expect(trend.getByTestId('trend-summary')).toContainText(`${seen[seen.length - 1]}`);
});

test('the kiosk loads the chart code only when a board with a chart is shown', async ({ page }) => {
  await page.goto(`/kiosk${CONFIG}&board=plain`);
  await expect(page.locator('[data-testid="panel"][data-panel-type="queues"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-testid="queue-tile"]').first()).toBeVisible({ timeout: 10_000 });
  expect(await chartRequests(page)).toEqual([]);

  await page.goto(`/kiosk${CONFIG}&board=trend`);
  await expect(page.locator('[data-testid="trend"]')).toHaveCount(1, { timeout: 15_000 });
  expect((await chartRequests(page)).length).toBeGreaterThan(0);
});
