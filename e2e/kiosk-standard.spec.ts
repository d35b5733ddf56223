import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Locator } from '@playwright/test';
import { E2E } from './ports';

/**
 * The TV kiosk's standard board (no `?board=`) with the lists of a large contact centre:
 * 80 queues and 400 agents (both virtualised) from the load simulator (sim/load-main.ts, no
 * event stream, so nothing moves). Each list is paged, a screenful every `pageSec`, with
 * "page n of N" (`data-testid="list-page"`, docs/CONTRACTS.md "TV kiosk"), instead of
 * showing its first rows only. The served configuration (`/config.json`, answered by the
 * test) is the load simulator's own, its hub and token addresses made absolute (the
 * simulator answers CORS).
 */
const LOAD = `http://127.0.0.1:${E2E.loadSimPort}`;
let loadSim: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  loadSim = spawn('npx', ['tsx', 'sim/load-main.ts', '--port', String(E2E.loadSimPort), '--users', '400', '--queues', '80'], { detached: true, stdio: 'ignore' });
  await expect.poll(() => fetch(`${LOAD}/sim/load/status`).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true);
});

test.afterAll(() => {
  if (loadSim?.pid) process.kill(-loadSim.pid, 'SIGTERM');
});

/**
 * The first tile whose top is inside the list's box (its `data-queue-id` or
 * `data-agent-id`): where the page shown starts. (A tile may be taller than the box a small
 * screen leaves the list: one row per page, cut at its foot.)
 */
function firstShown(list: Locator): Promise<string> {
  return list.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const t = [...el.querySelectorAll<HTMLElement>('[data-testid="queue-tile"], [data-testid="agent-tile"]')].find((x) => {
      const r = x.getBoundingClientRect();
      return r.top >= box.top - 1 && r.top < box.bottom;
    });
    return t?.dataset.queueId ?? t?.dataset.agentId ?? '';
  });
}

test('80 queues and 400 agents on a 1366×768 TV: both lists page round, each page showing other tiles', async ({ page }) => {
  test.setTimeout(60_000);
  const config = (await (await fetch(`${LOAD}/sim/load/config.json`)).json()) as { sources: { rte: Record<string, unknown> } };
  config.sources.rte['tokenUrl'] = `${LOAD}/api/rte/token`;
  config.sources.rte['hubUrl'] = `${LOAD}/rte`;
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/kiosk?pageSec=3');
  const board = page.getByTestId('kiosk-board');
  await expect(board.locator('[data-testid="queue-virtual"]')).toBeVisible({ timeout: 15_000 });
  await expect(board.locator('[data-testid="agent-virtual"]')).toBeVisible({ timeout: 15_000 });

  for (const [panel, list] of [
    [board.locator('.queue-panel'), board.locator('[data-testid="queue-virtual"]')],
    [board.locator('.agent-panel'), board.locator('[data-testid="agent-virtual"]')],
  ] as const) {
    const pager = panel.locator('[data-testid="list-page"]');
    await expect(pager).not.toHaveAttribute('data-pages', '1', { timeout: 8_000 });
    const pages = Number(await pager.getAttribute('data-pages'));
    expect(pages).toBeGreaterThan(1);
    await expect(pager).toBeVisible();
    await expect(pager).toHaveText(new RegExp(`page \\d+ of ${pages}`));
    // Next step (every 3 s): another page, starting at another tile.
    const page1 = await pager.getAttribute('data-page');
    const first1 = await firstShown(list);
    expect(first1).not.toBe('');
    await expect(pager).not.toHaveAttribute('data-page', page1 ?? '', { timeout: 8_000 });
    await expect.poll(() => firstShown(list), { timeout: 2_000 }).not.toBe(first1);
  }
});
