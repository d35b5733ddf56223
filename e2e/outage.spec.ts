import { connect } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startActiveMq, stopActiveMq } from './activemq';
import { E2E } from './ports';
import { diffQueues, expectAllLive, readBoardQueues, resetPausedForEachTest, sim, waitForRoster } from './sim-client';

/** How long hub and broker stay down: the scenario of acceptance 5, not a proof of anything. */
const DOWN_MS = 5_000;

// Seeded initial state, paused: the board and the truth stand still through the outage.
resetPausedForEachTest();

test.afterEach(async () => {
  // Whatever happened, leave the hub and the broker running for the next spec.
  await sim.control('start/hub').catch(() => undefined);
  if (!(await brokerUp())) startActiveMq();
});

function brokerUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(E2E.activemqStompPort, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** The sources whose connection status is `live` (none while hub and broker are down). */
async function liveSources(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const source of ['rte', 'gc']) {
    const status = await page.locator(`[data-testid="connection-status"][data-source="${source}"]`).first().getAttribute('data-status');
    if (status === 'live') out.push(source);
  }
  return out;
}

// Acceptance 5: hub and broker down for 5 s → the board says which source is down, marks its
// tiles stale and keeps the last values; after restart it is live within 5 s, the hub sees
// the subscriptions again, and the board equals ground truth.
test('hub and broker outage: down and stale, then live again, re-subscribed, equal to truth', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/?config=${E2E.activemqConfig}`);
  await expectAllLive(page);
  // The Generic Connector's roster arrives with its next TeamUsersList (every 5 s at most).
  await waitForRoster(page);
  // Truth is re-read on every poll: longest waiting keeps ageing while the model is paused.
  await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), { timeout: 3_000 }).toEqual([]);
  // Every agent tile (Business ConneCT's too: it is on the same broker) goes stale.
  const agentCount = await page.locator('[data-testid="agent-tile"]').count();
  const queuesBefore = await readBoardQueues(page);

  await sim.control('stop/hub');
  await stopActiveMq();
  const downAt = Date.now();

  // The board says which source is down: every status row of each source is down and names it.
  for (const [source, name] of [['rte', 'Enreach RTE'], ['gc', 'Generic Connector']] as const) {
    const rows = page.locator(`[data-testid="connection-status"][data-source="${source}"]`);
    await expect(rows.first()).toHaveAttribute('data-status', 'down', { timeout: 4_000 });
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row).toHaveAttribute('data-status', 'down');
      await expect(row).toContainText(name);
    }
  }
  // Last values kept, marked stale.
  await expect(page.locator('[data-testid="queue-tile"][data-stale="true"]')).toHaveCount(queuesBefore.length);
  await expect(page.locator('[data-testid="agent-tile"][data-stale="true"]')).toHaveCount(agentCount);
  const withoutTimer = (qs: Awaited<ReturnType<typeof readBoardQueues>>) =>
    qs.map(({ longestWaitingSec: _ticking, ...rest }) => rest);
  expect(withoutTimer(await readBoardQueues(page))).toEqual(withoutTimer(queuesBefore));

  // The outage lasts DOWN_MS since both went down: wait out the rest of it (the scenario, not
  // a proof of anything), then check once that neither source is live at its end.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, downAt + DOWN_MS - Date.now())));
  expect(await liveSources(page)).toEqual([]);
  const restartAt = Date.now();
  startActiveMq();
  await sim.control('start/hub');

  await expectAllLive(page, 5_000);
  expect(Date.now() - restartAt).toBeLessThanOrEqual(5_500);
  await expect(page.locator('[data-stale="true"]')).toHaveCount(0);

  const log = await sim.hubLog();
  const after = log.connections.filter((c) => c.openedAt >= restartAt);
  expect(after.length).toBeGreaterThanOrEqual(1);
  expect(after.some((c) => c.invocations.some((i) => i.target === 'Subscribe'))).toBe(true);

  await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), { timeout: 8_000 }).toEqual([]);
});
