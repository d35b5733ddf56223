import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';
import { expectAllLive, gcTile, resetPausedForEachTest, sim, waitForRoster } from './sim-client';

// Acceptance 4: Not Ready with a reason travels over the real ActiveMQ as `type: NOT_READY#<X>`,
// the simulator answers with a State event, and the tile shows it; a failed command shows an
// error and the tile keeps its state; a command for an agent on a call is pending until the
// call ends. Deterministic: the model is reset and paused, and the agents used here are put
// into a known state through the simulator's controls before each test.

/** The GC agent the tests command. */
const AGENT = 'agent2005';
/** Another GC agent, moved by the simulator to prove that earlier events have arrived. */
const SENTINEL = 'agent2030';

/** Opens the agent's action menu and picks Not Ready with `reasonId`. */
async function notReady(page: Page, id: string, reasonId: string): Promise<void> {
  await gcTile(page, id).getByTestId('agent-actions').click();
  await page.getByTestId('action-not-ready').click();
  await page.locator(`[data-testid="reason-option"][data-reason-id="${reasonId}"]`).click();
}

/** Waits until the simulator has received `type` (e.g. `NOT_READY#agent2005`) `count` times, and returns those commands. */
async function receivedCommands(type: string, count = 1) {
  await expect
    .poll(async () => (await sim.gcCommands()).filter((c) => c.headers.type === type).length, { message: `simulator received ${type}` })
    .toBe(count);
  return (await sim.gcCommands()).filter((c) => c.headers.type === type);
}

test.describe('Ready / Not Ready through the Generic Connector', () => {
  resetPausedForEachTest();
  test.beforeEach(async ({ page }) => {
    await sim.forceAgentState(AGENT, 'READY');
    await sim.forceAgentState(SENTINEL, 'READY');
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expectAllLive(page);
    await waitForRoster(page);
    await expect(gcTile(page, AGENT)).toHaveAttribute('data-state', 'READY');
    await expect(gcTile(page, SENTINEL)).toHaveAttribute('data-state', 'READY');
  });

  test('Not Ready with a reason: command on ActiveMQ, State event back, tile updated, timer from zero', async ({ page }) => {
    const tile = gcTile(page, AGENT);
    // The timer has run, so "from zero" below is a reset, not the initial value.
    await expect(tile.getByTestId('agent-time-in-state')).not.toHaveAttribute('data-value', '0', { timeout: 3_000 });

    await notReady(page, AGENT, '2');

    await expect(tile).toHaveAttribute('data-state', 'NOT_READY');
    await expect(tile.getByTestId('agent-reason')).toHaveText('Lunch');
    const t = Number(await tile.getByTestId('agent-time-in-state').getAttribute('data-value'));
    expect(t).toBeLessThanOrEqual(2);

    const [cmd] = await receivedCommands(`NOT_READY#${AGENT}`);
    expect(cmd!.body).toBe('2');
    // It went through the broker: ActiveMQ stamps its own message id and destination.
    expect(cmd!.headers['message-id']).toMatch(/^ID:/);
    expect(cmd!.headers.destination).toBe('/queue/gc.requests');

    const agent = (await sim.truth()).gc.agents.find((a) => a.id === AGENT)!;
    expect(agent.state).toBe('NOT_READY');
    expect(agent.reasonCodeId).toBe('2');
  });

  test('a failed command shows the error and the tile keeps its state', async ({ page }) => {
    const tile = gcTile(page, AGENT);
    const before = (await sim.truth()).gc.agents.find((a) => a.id === AGENT)!;
    await sim.control('fail-next-command', { code: 'GENERAL_ERROR', message: 'Finesse refused the state change' });

    await notReady(page, AGENT, '1');
    // The simulator received the command and answered it with an Error event (it logs a command
    // before it answers), and the board shows that error.
    await receivedCommands(`NOT_READY#${AGENT}`);
    await expect(tile.getByTestId('agent-command-error')).toContainText('Finesse refused the state change');

    // A later event on the same topic: once the board shows the sentinel's new state, anything
    // the simulator published for AGENT before it has been applied too.
    await sim.forceAgentState(SENTINEL, 'NOT_READY', '4');
    await expect(gcTile(page, SENTINEL)).toHaveAttribute('data-state', 'NOT_READY');
    await expect(tile).toHaveAttribute('data-state', 'READY');
    await expect(tile.getByTestId('agent-pending')).toHaveCount(0);
    const after = (await sim.truth()).gc.agents.find((a) => a.id === AGENT)!;
    expect(after).toEqual(before);
  });

  test('a command for an agent on a call is pending until the call ends', async ({ page }) => {
    const tile = gcTile(page, AGENT);
    await sim.startCall(AGENT, 30);
    await expect(tile).toHaveAttribute('data-state', 'TALKING');

    await notReady(page, AGENT, '2');
    await receivedCommands(`NOT_READY#${AGENT}`);
    // Finesse accepts it as the pending state: the answer confirms the command, the call goes on.
    await expect(tile.getByTestId('agent-pending')).toHaveCount(0);
    await expect(tile.getByTestId('agent-command-error')).toHaveCount(0);
    expect((await sim.truth()).gc.agents.find((a) => a.id === AGENT)!.state).toBe('TALKING');

    // The call ends after its 30 simulated seconds (stepped past them, so the end is never on
    // the step boundary); the pending state applies (no wrap-up).
    await sim.step({ seconds: 31 });
    await expect(tile).toHaveAttribute('data-state', 'NOT_READY');
    await expect(tile.getByTestId('agent-reason')).toHaveText('Lunch');
    const agent = (await sim.truth()).gc.agents.find((a) => a.id === AGENT)!;
    expect(agent).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2' });
  });
});
