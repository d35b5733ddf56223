import { expect, test } from '@playwright/test';
import { E2E } from './ports';
import { diffQueues, expectAllLive, readBoardAgents, readBoardQueues, sim, waitForRoster } from './sim-client';

// Acceptance 3: queue tile values equal the simulator's ground truth within 2 s, over repeated samples.
test.describe('board equals ground truth', () => {
  test.afterEach(async () => {
    await sim.control('resume');
  });

  test('queue tiles equal the simulator within 2 s, sample after sample', async ({ page }) => {
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expectAllLive(page);
    await waitForRoster(page);
    const truth0 = await sim.truth();
    expect(truth0.rte.queues.length + truth0.gc.queues.length).toBeGreaterThanOrEqual(5);

    for (let sample = 0; sample < 6; sample++) {
      await sim.control('resume');
      await page.waitForTimeout(1_200 + sample * 150);
      await sim.control('pause');
      const started = Date.now();
      // Counts are frozen while paused; the truth is re-read on each poll because longest
      // waiting keeps ageing (as it does on the board's clock).
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

  test('agent tiles show the simulator agent states', async ({ page }) => {
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expectAllLive(page);
    await sim.control('pause');
    const truth = await sim.truth();
    const expected = [
      ...truth.rte.users.map((a) => `rte:${a.id}:${a.state}`),
      ...truth.gc.agents.map((a) => `gc:${a.id}:${a.state}`),
    ].sort();
    await expect
      .poll(async () => (await readBoardAgents(page)).map((a) => `${a.source}:${a.id}:${a.state}`).sort(), {
        timeout: 7_000,
      })
      .toEqual(expected);
  });
});
