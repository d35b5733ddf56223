import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';
import { diffQueues, readBoardAgents, readBoardQueues, resetPausedForEachTest, sim, waitForRoster } from './sim-client';

/**
 * Issue 15 scope 2, fault injection (the rest of e2e/faults.spec.ts): an expired token and a
 * slow consumer. After each, the board equals the simulator's ground truth with no ghost.
 * Configuration: `public/config.faults.json` (RTE on the hub, GC and Business ConneCT on the
 * real ActiveMQ through the relay).
 */
const CONFIG = '/config.faults.json';

resetPausedForEachTest();

test.afterAll(async () => {
  await sim.control('tokens/expire-next', { count: 0 });
  await sim.control('gc/duplicate-swap', { count: 0 });
});

const statusOf = (page: Page, source: string) => page.locator(`[data-testid="connection-status"][data-source="${source}"]`).first();

const boardStates = async (page: Page): Promise<string[]> => (await readBoardAgents(page)).map((a) => `${a.source}:${a.id}:${a.state}`).sort();
const truthStates = async (): Promise<string[]> => {
  const truth = await sim.truth();
  return [...truth.rte.users.map((a) => `rte:${a.id}:${a.state}`), ...truth.gc.agents.map((a) => `gc:${a.id}:${a.state}`)].sort();
};

async function tokenStats(): Promise<{ expireNext: number; refused: { total: number; expired: number } }> {
  return (await fetch(`${E2E.simHttpUrl}/sim/tokens`)).json() as Promise<{ expireNext: number; refused: { total: number; expired: number } }>;
}

test('expired token: the hub refuses it, the board fetches a fresh one and is live and equal to truth again', async ({ page }) => {
  test.setTimeout(45_000);
  await page.goto(`/?config=${CONFIG}`);
  await expect(statusOf(page, 'rte')).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await waitForRoster(page);
  const refusedBefore = (await tokenStats()).refused.expired;
  const connectionsBefore = (await sim.hubLog()).connections.length;

  // The next two tokens the EnreachAPI stand-in hands out are already expired; then every
  // connection is cut, so the board's reconnect must present one of them first.
  await sim.control('tokens/expire-next', { count: 2 });
  await sim.control('drop-connections');
  await sim.step({ seconds: 20 });

  await expect.poll(async () => (await tokenStats()).expireNext, { timeout: 20_000 }).toBe(0);
  // Both expired tokens were handed out; the hub counts each when the board presents it
  // (its negotiate or upgrade), which may come a moment after the hand-out.
  await expect.poll(async () => (await tokenStats()).refused.expired - refusedBefore, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await expect(statusOf(page, 'rte')).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
  // A new hub connection, opened with a token valid when it opened, that subscribed again.
  const log = await sim.hubLog();
  const fresh = log.connections.slice(connectionsBefore) as { openedAt: number; tokenExp?: number; invocations: { target: string }[] }[];
  expect(fresh.some((c) => (c.tokenExp ?? 0) > c.openedAt && c.invocations.some((i) => i.target === 'Subscribe'))).toBe(true);
  await expect.poll(() => boardStates(page), { timeout: 5_000 }).toEqual(await truthStates());
  await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), { timeout: 5_000 }).toEqual([]);
});

test('duplicate and out-of-order GC State events: each sent twice and swapped, the board still equals the truth', async ({ page }) => {
  test.setTimeout(45_000);
  await page.goto(`/?config=${CONFIG}`);
  for (const s of ['rte', 'gc']) await expect(statusOf(page, s)).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await waitForRoster(page);
  await expect.poll(() => boardStates(page), { timeout: 7_000 }).toEqual(await truthStates());

  // The next 30 State events are each sent after their agent's next one, both twice: B, B, A, A.
  await sim.control('gc/duplicate-swap', { count: 30 });
  let stepped = 0;
  for (let i = 0; i < 30; i++) {
    const c = (await (await fetch(`${E2E.simHttpUrl}/sim/gc/duplicate-swap`)).json()) as { left: number; held: boolean };
    if (c.left === 0 && !c.held) break;
    stepped += (await sim.step({ seconds: 5 })).events;
  }
  expect(((await (await fetch(`${E2E.simHttpUrl}/sim/gc/duplicate-swap`)).json()) as { left: number; held: boolean })).toEqual({ left: 0, held: false });
  expect(stepped).toBeGreaterThan(0);
  // The last step's events still cross the broker and the page's flush; a page that kept an
  // older state from a duplicate or a swap never gets to equality, however long it is given.
  await expect.poll(() => boardStates(page), { timeout: 7_000 }).toEqual(await truthStates());
  await expect(page.locator('[data-testid="agent-tile"][data-source="gc"]')).toHaveCount((await sim.truth()).gc.agents.length);
  await expect(statusOf(page, 'gc')).toHaveAttribute('data-status', 'live');
});

test('slow consumer: CPU throttled 6× while the simulator runs, then released: the board catches up to the truth', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/?config=${CONFIG}`);
  for (const s of ['rte', 'gc', 'bct']) await expect(statusOf(page, s)).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await waitForRoster(page);
  await expect.poll(() => boardStates(page), { timeout: 7_000 }).toEqual(await truthStates());

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  let events = 0;
  try {
    // Simulated minutes pass in bursts while the page runs at a sixth of its speed.
    for (let i = 0; i < 10; i++) {
      events += (await sim.step({ seconds: 30 })).events;
      await sim.control('resume');
      await new Promise((r) => setTimeout(r, 500)); // real time runs the model between bursts
      await sim.control('pause');
    }
    expect(events).toBeGreaterThan(100);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  const releasedAt = Date.now();
  // Caught up: equal to the truth within a few seconds of the release (no backlog left).
  await expect.poll(() => boardStates(page), { timeout: 10_000 }).toEqual(await truthStates());
  const caughtUpMs = Date.now() - releasedAt;
  expect(caughtUpMs).toBeLessThan(10_000);
  // No growing backlog: one more burst at full speed shows on the board at once. RTE's
  // QueueStatus carries no timestamp (rte doc "Event: QueueStatus"): the board dates
  // MaxWaitTime by when it processed the message, so a page that ran 6× slow understates the
  // longest wait by its lag then, until the queue's next QueueStatus, which this burst brings
  // only to the queues it changes (the hub does not resend while only the wait grows). That
  // lag is bounded by the catch-up budget above (10 s); every count must be exact.
  await sim.step({ seconds: 30 });
  const t0 = Date.now();
  await expect.poll(() => boardStates(page), { timeout: 5_000 }).toEqual(await truthStates());
  await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth(), 2, 10), { timeout: 5_000 }).toEqual([]);
  expect(Date.now() - t0).toBeLessThan(5_000);
  for (const s of ['rte', 'gc', 'bct']) await expect(statusOf(page, s)).toHaveAttribute('data-status', 'live');
});
