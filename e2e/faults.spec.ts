import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { diffQueues, readBoardAgents, readBoardQueues, resetPausedForEachTest, sim, waitForRoster } from './sim-client';

/**
 * Issue 15 scope 2, fault injection: half-open connections. A server that stops answering
 * without closing its sockets (its process paused) must be noticed by application-level
 * liveness within a stated bound, its values kept and marked stale, and after it resumes the
 * board must equal ground truth with no ghost.
 *
 * `public/config.faults.json` is the ActiveMQ demo configuration with short liveness windows:
 * RTE `staleAfterMs` 4,000 (the hub pings every second in this spec), Generic Connector and
 * Business ConneCT STOMP heart-beats of 2,000 ms.
 */
const CONFIG = '/config.faults.json';
/** Hub half-open → RTE stale: its 4 s window, plus one ping period and a second of slack. */
const HUB_BOUND_MS = 6_000;
/** Broker half-open → GC/BCT not live: STOMP heart-beat loss is declared after 2 × 2 s, plus slack. */
const BROKER_BOUND_MS = 9_000;

resetPausedForEachTest();

test.beforeAll(async () => {
  await sim.control('hub/ping-interval', { ms: 1_000 });
});

test.afterAll(async () => {
  await sim.control('thaw/hub');
  await sim.control('hub/ping-interval', { ms: 15_000 });
  resumeBroker();
});

const statusOf = (page: Page, source: string) => page.locator(`[data-testid="connection-status"][data-source="${source}"]`).first();

const boardStates = async (page: Page): Promise<string[]> => (await readBoardAgents(page)).map((a) => `${a.source}:${a.id}:${a.state}`).sort();
const truthStates = async (): Promise<string[]> => {
  const truth = await sim.truth();
  return [...truth.rte.users.map((a) => `rte:${a.id}:${a.state}`), ...truth.gc.agents.map((a) => `gc:${a.id}:${a.state}`)].sort();
};

test('half-open hub: RTE marked stale within its bound with the values kept; after thaw live again and equal to truth', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/?config=${CONFIG}`);
  await expect(statusOf(page, 'rte')).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await waitForRoster(page);
  await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), { timeout: 3_000 }).toEqual([]);
  const rteTiles = page.locator('[data-testid="agent-tile"][data-source="rte"]');
  const rteCount = await rteTiles.count();
  const before = (await readBoardAgents(page, ['rte'])).map((a) => `${a.id}:${a.state}`);

  await sim.control('freeze/hub');
  const frozenAt = Date.now();
  // The model moves on while the hub is frozen: the board cannot know yet.
  const stepped = await sim.step({ seconds: 30 });
  expect(stepped.events).toBeGreaterThan(0);

  await expect(statusOf(page, 'rte')).toHaveAttribute('data-status', 'stale', { timeout: HUB_BOUND_MS + 2_000 });
  expect(Date.now() - frozenAt).toBeLessThanOrEqual(HUB_BOUND_MS);
  // Values kept, every RTE tile marked stale; the broker's sources are untouched.
  await expect(page.locator('[data-testid="agent-tile"][data-source="rte"][data-stale="true"]')).toHaveCount(rteCount);
  expect((await readBoardAgents(page, ['rte'])).map((a) => `${a.id}:${a.state}`)).toEqual(before);
  await expect(statusOf(page, 'gc')).toHaveAttribute('data-status', 'live');

  await sim.control('thaw/hub');
  await expect(statusOf(page, 'rte')).toHaveAttribute('data-status', 'live', { timeout: 5_000 });
  await expect(page.locator('[data-testid="agent-tile"][data-stale="true"]')).toHaveCount(0);
  await expect.poll(() => boardStates(page), { timeout: 5_000 }).toEqual(await truthStates());
  // RTE's QueueStatus carries no timestamp (rte doc "Event: QueueStatus"): the board dates
  // MaxWaitTime by arrival, so messages held through the freeze understate longest waiting
  // by the freeze's length until the next QueueStatus. The model moves one second: the hub
  // sends current values, and the board equals the truth.
  await sim.step({ seconds: 1 });
  await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), { timeout: 5_000 }).toEqual([]);
});

/** The test ActiveMQ's process (e2e/activemq.ts records it). */
function brokerPid(): number {
  return Number(readFileSync(join(process.cwd(), '.tmp', 'activemq.pid'), 'utf8'));
}
function pauseBroker(): void {
  process.kill(brokerPid(), 'SIGSTOP');
}
function resumeBroker(): void {
  try {
    process.kill(brokerPid(), 'SIGCONT');
  } catch {
    /* not running */
  }
}

test('half-open broker (ActiveMQ paused): GC and BCT leave live within the bound; after resuming, live and equal to truth, no ghost', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/?config=${CONFIG}`);
  for (const s of ['rte', 'gc', 'bct']) await expect(statusOf(page, s)).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await waitForRoster(page);
  await expect.poll(() => boardStates(page), { timeout: 7_000 }).toEqual(await truthStates());
  const gcCount = await page.locator('[data-testid="agent-tile"][data-source="gc"]').count();

  pauseBroker();
  const pausedAt = Date.now();
  try {
    // Agents log out and change state while the broker is paused.
    const stepped = await sim.step({ seconds: 30 });
    expect(stepped.events).toBeGreaterThan(0);
    for (const s of ['gc', 'bct']) await expect(statusOf(page, s)).not.toHaveAttribute('data-status', 'live', { timeout: BROKER_BOUND_MS + 2_000 });
    expect(Date.now() - pausedAt).toBeLessThanOrEqual(BROKER_BOUND_MS);
    await expect(page.locator('[data-testid="agent-tile"][data-source="gc"][data-stale="true"]')).toHaveCount(gcCount);
    await expect(statusOf(page, 'rte')).toHaveAttribute('data-status', 'live');
  } finally {
    resumeBroker();
  }

  for (const s of ['gc', 'bct']) await expect(statusOf(page, s)).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  // The Generic Connector's roster comes with its next TeamUsersList (every 5 s at most): then
  // the board equals the truth, with no agent the truth does not have.
  await expect.poll(() => boardStates(page), { timeout: 10_000 }).toEqual(await truthStates());
  await expect(page.locator('[data-testid="agent-tile"][data-source="gc"][data-stale="true"]')).toHaveCount(0);
});
