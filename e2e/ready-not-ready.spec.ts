import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';
import { expectAllLive, sim, waitForRoster } from './sim-client';

// Acceptance 4: Not Ready with a reason travels over the real ActiveMQ as `type: NOT_READY#<X>`,
// the simulator answers with a State event, and the tile shows it; a failed command shows an
// error and the tile keeps its state.

/**
 * A GC agent the board can switch at once: READY, else NOT_READY, else a logged-out agent
 * logged in through the simulator's control (the model is paused, so it stays put).
 */
async function pickReadyGcAgent(page: Page): Promise<string> {
  const truth = await sim.truth();
  let agent = truth.gc.agents.find((a) => a.state === 'READY') ?? truth.gc.agents.find((a) => a.state === 'NOT_READY');
  if (!agent) {
    const out = truth.gc.agents.find((a) => a.state === 'LOGOUT');
    if (!out) throw new Error('no READY, NOT_READY or LOGOUT GC agent in the simulator');
    await sim.control('agent-state', { id: out.id, state: 'LOGIN' });
    agent = (await sim.truth()).gc.agents.find((a) => a.id === out.id)!;
  }
  // The board shows the simulator's state for it before the test acts.
  await expect(page.locator(`[data-testid="agent-tile"][data-source="gc"][data-agent-id="${agent.id}"]`)).toHaveAttribute(
    'data-state',
    agent.state,
  );
  return agent.id;
}

async function openActions(page: Page, agentId: string) {
  const tile = page.locator(`[data-testid="agent-tile"][data-source="gc"][data-agent-id="${agentId}"]`);
  await tile.getByTestId('agent-actions').click();
  return tile;
}

test.describe('Ready / Not Ready through the Generic Connector', () => {
  test.beforeEach(async ({ page }) => {
    await sim.control('reset-logs');
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expectAllLive(page);
    await waitForRoster(page);
    await sim.control('pause');
  });
  test.afterEach(async () => {
    await sim.control('resume');
  });

  test('Not Ready with a reason: command on ActiveMQ, State event back, tile updated, timer from zero', async ({ page }) => {
    const id = await pickReadyGcAgent(page);
    // Make sure the agent is READY first, through the same path.
    const tile = page.locator(`[data-testid="agent-tile"][data-source="gc"][data-agent-id="${id}"]`);
    if ((await tile.getAttribute('data-state')) !== 'READY') {
      await openActions(page, id);
      await page.getByTestId('action-ready').click();
      await expect(tile).toHaveAttribute('data-state', 'READY');
    }
    await expect(tile.getByTestId('agent-time-in-state')).not.toHaveAttribute('data-value', '0', { timeout: 3_000 });
    await sim.control('reset-logs');

    await openActions(page, id);
    await page.getByTestId('action-not-ready').click();
    await page.locator('[data-testid="reason-option"][data-reason-id="2"]').click();

    await expect(tile).toHaveAttribute('data-state', 'NOT_READY');
    await expect(tile.getByTestId('agent-reason')).toHaveText(/Lunch/);
    const t = Number(await tile.getByTestId('agent-time-in-state').getAttribute('data-value'));
    expect(t).toBeLessThanOrEqual(2);

    const commands = await sim.gcCommands();
    const cmd = commands.find((c) => c.headers.type === `NOT_READY#${id}`);
    expect(cmd, JSON.stringify(commands)).toBeDefined();
    expect(cmd!.body).toBe('2');
    // It went through the broker: ActiveMQ stamps its own message id and destination.
    expect(cmd!.headers['message-id']).toMatch(/^ID:/);
    expect(cmd!.headers.destination).toBe('/queue/gc.requests');

    const truth = await sim.truth();
    const agent = truth.gc.agents.find((a) => a.id === id)!;
    expect(agent.state).toBe('NOT_READY');
    expect(agent.reasonCodeId).toBe('2');
  });

  test('a failed command shows the error and the tile keeps its state', async ({ page }) => {
    const id = await pickReadyGcAgent(page);
    const tile = page.locator(`[data-testid="agent-tile"][data-source="gc"][data-agent-id="${id}"]`);
    const before = await tile.getAttribute('data-state');
    await sim.control('fail-next-command', { code: 'GENERAL_ERROR', message: 'Finesse refused the state change' });

    await openActions(page, id);
    if (before === 'READY') {
      await page.getByTestId('action-not-ready').click();
      await page.locator('[data-testid="reason-option"][data-reason-id="1"]').click();
    } else {
      await page.getByTestId('action-ready').click();
    }
    await expect(tile.getByTestId('agent-command-error')).toContainText('Finesse refused the state change');
    await expect(tile).toHaveAttribute('data-state', before!);
    await page.waitForTimeout(1_000);
    await expect(tile).toHaveAttribute('data-state', before!);
    expect((await sim.truth()).gc.agents.find((a) => a.id === id)!.state).toBe(before);
  });
});
