import { expect, test } from '@playwright/test';
import { E2E } from './ports';
import { diffQueues, expectAllLive, readBoardAgents, readBoardQueues, resetPausedForEachTest, sim, waitForRoster } from './sim-client';

// Acceptance 3: queue tile values equal the simulator's ground truth within 2 s, over repeated
// samples. Deterministic: every test starts from the seeded initial state, paused, and moves
// the model only by `step` (simulated seconds pass at once), never by waiting for it.
test.describe('board equals ground truth', () => {
  resetPausedForEachTest();

  test('queue tiles equal the simulator within 2 s, step after step', async ({ page }) => {
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expectAllLive(page);
    await waitForRoster(page);
    const truth0 = await sim.truth();
    expect(truth0.paused).toBe(true);
    expect(truth0.rte.queues.length + truth0.gc.queues.length).toBeGreaterThanOrEqual(5);
    // Truth is re-read on every poll: longest waiting keeps ageing while paused (as on the board's clock).
    await expect.poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), { timeout: 2_000 }).toEqual([]);

    for (let sample = 0; sample < 6; sample++) {
      const stepped = await sim.step({ seconds: 5 + sample * 3 });
      // Seed 42 moves agents in every one of these steps, so the board has something to follow.
      expect(stepped.events, `sample ${sample}: the step changed no agent`).toBeGreaterThan(0);
      const started = Date.now();
      await expect
        .poll(async () => diffQueues(await readBoardQueues(page), await sim.truth()), {
          timeout: 2_000,
          intervals: [100],
          message: `sample ${sample}: board differs from truth`,
        })
        .toEqual([]);
      expect(Date.now() - started).toBeLessThanOrEqual(2_500);
    }
  });

  test('agent tiles show the simulator agent states, before and after a step', async ({ page }) => {
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expectAllLive(page);
    const boardStates = async (): Promise<string[]> =>
      (await readBoardAgents(page)).map((a) => `${a.source}:${a.id}:${a.state}`).sort();
    const truthStates = async (): Promise<string[]> => {
      const truth = await sim.truth();
      return [...truth.rte.users.map((a) => `rte:${a.id}:${a.state}`), ...truth.gc.agents.map((a) => `gc:${a.id}:${a.state}`)].sort();
    };
    // The Generic Connector's roster arrives with its next TeamUsersList (every 5 s at most).
    const initial = await truthStates();
    await expect.poll(boardStates, { timeout: 7_000 }).toEqual(initial);

    const stepped = await sim.step({ seconds: 20 });
    expect(stepped.events).toBeGreaterThan(0);
    const after = await truthStates();
    expect(after).not.toEqual(initial);
    await expect.poll(boardStates, { timeout: 2_000 }).toEqual(after);
  });
});
