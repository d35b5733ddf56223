import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';
import { expectAllLive, resetPausedForEachTest, sim, type Truth } from './sim-client';

// Issue 9 (Generic Connector complete), end to end against the real ActiveMQ:
// acceptance 2 (the supervisor's team view equals the simulator's team and states; supervisor
// Not Ready on a talking agent shows the pending state, then NOT_READY when the call ends),
// acceptance 3 (UCCE and UCCX queue lists render the fields each provides, no invented zeros)
// and acceptance 4 (mobile agent login on /agent: WRONG_EXTENSION, then AgentInfo + State,
// Ready / Not Ready round trips). Deterministic: the model is reset and paused before each
// test and moved only through the simulator's controls.

/** Team 5 "Customer Care" is agent2001..agent2016 (docs/CONTRACTS.md "Seeded entities"). */
const TEAM5 = Array.from({ length: 16 }, (_, i) => `agent${2001 + i}`);

type GcTruthQueue = Truth['gc']['queues'][number] & Record<string, number | string | undefined>;

/** The GC simulator truth queues with every field (the truth names them like the board's `data-stat`). */
async function gcTruthQueues(): Promise<GcTruthQueue[]> {
  return (await sim.truth()).gc.queues as GcTruthQueue[];
}

/** Every GC queue tile: id, name, and each figure's `data-stat` → `data-value` (null when absent). */
async function gcTiles(page: Page) {
  return page.$$eval('[data-testid="queue-tile"][data-source="gc"]', (tiles) =>
    tiles.map((t) => ({
      id: t.getAttribute('data-queue-id') ?? '',
      name: t.querySelector('h3')?.textContent ?? '',
      stats: Object.fromEntries(
        [...t.querySelectorAll('[data-stat]')].map((f) => [f.getAttribute('data-stat') ?? '', f.getAttribute('data-value')]),
      ) as Record<string, string | null>,
    })),
  );
}

/** Figures the tiles and the truth disagree on, as readable lines (empty when equal). */
function diffGcQueues(tiles: Awaited<ReturnType<typeof gcTiles>>, truth: GcTruthQueue[], stats: readonly string[]): string[] {
  const out: string[] = [];
  if (tiles.length !== truth.length) out.push(`board has ${tiles.length} GC queues, truth ${truth.length}`);
  for (const q of truth) {
    const tile = tiles.find((x) => x.id === q.id);
    if (!tile) {
      out.push(`${q.id} missing`);
      continue;
    }
    if (tile.name !== q.name) out.push(`${q.id} name: board ${tile.name} truth ${q.name}`);
    for (const s of stats) {
      const want = q[s];
      const got = tile.stats[s];
      if (s === 'longestWaitingSec') {
        // Nobody waiting: the truth says 0, the board shows none; otherwise within the 1 Hz tick.
        const absent = got === null || got === undefined;
        const ok = want === undefined ? absent : Number(want) === 0 ? absent || Number(got) <= 2 : !absent && Math.abs(Number(got) - Number(want)) <= 2;
        if (!ok) out.push(`${q.id} ${s}: board ${got} truth ${want}`);
      } else if (want === undefined ? got !== null && got !== undefined : got !== String(want)) {
        out.push(`${q.id} ${s}: board ${got} truth ${want}`);
      }
    }
  }
  return out;
}

test.describe('Generic Connector complete (issue 9)', () => {
  resetPausedForEachTest();

  test.describe('supervisor board', () => {
    test.beforeEach(async ({ page }) => {
      await page.goto(`/?config=${E2E.activemqConfig}&team=5`);
      await expectAllLive(page);
      // AgentInfo (teams, team membership) is sent every 30 s; a reset republishes it at once.
      await sim.reset({ paused: true });
      await expect(page.getByTestId('team-picker')).toHaveValue('5');
    });

    test('team view: the picked team is the simulator\'s team with its states; sort by time in state and filter by state', async ({ page }) => {
      const view = page.getByTestId('team-view');
      const picker = page.getByTestId('team-picker');
      await expect(picker.locator('option')).toHaveText(['Choose a team…', 'Billing Desk', 'Customer Care']);
      const boardTeam = () =>
        view.locator('[data-testid="agent-tile"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-agent-id')}:${e.getAttribute('data-state')}`));
      const truthTeam = async () => {
        const agents = (await sim.truth()).gc.agents.filter((a) => TEAM5.includes(a.id));
        return agents;
      };
      const byId = (xs: string[]) => [...xs].sort();
      await expect
        .poll(async () => byId(await boardTeam()))
        .toEqual(byId((await truthTeam()).map((a) => `${a.id}:${a.state}`)));

      // Time in state: longest first (earliest stateSince), ties by name; re-ranked in the store.
      await page.getByTestId('team-sort').selectOption('timeInState');
      const truth = await truthTeam();
      const expected = [...truth].sort((a, b) => a.stateSince - b.stateSince || a.name.localeCompare(b.name)).map((a) => a.id);
      await expect.poll(async () => (await boardTeam()).map((x) => x.split(':')[0])).toEqual(expected);

      // Filter by state: only that state's agents of the team.
      const state = truth[0]!.state;
      await page.getByTestId('team-state-filter').selectOption(state);
      await expect
        .poll(async () => byId(await boardTeam()))
        .toEqual(byId(truth.filter((a) => a.state === state).map((a) => `${a.id}:${a.state}`)));

      // The other team.
      await page.getByTestId('team-state-filter').selectOption('');
      await picker.selectOption('7');
      await expect.poll(async () => (await boardTeam()).length).toBe(16);
      expect((await boardTeam()).every((x) => Number(x.split(':')[0]!.slice(5)) >= 2017)).toBe(true);
    });

    test('supervisor Not Ready (no reason code) on a talking agent shows the pending state, then NOT_READY when the call ends', async ({ page }) => {
      const AGENT = 'agent2005';
      await sim.forceAgentState(AGENT, 'READY');
      await sim.startCall(AGENT, 30);
      const tile = page.getByTestId('team-view').locator(`[data-testid="agent-tile"][data-agent-id="${AGENT}"]`);
      await expect(tile).toHaveAttribute('data-state', 'TALKING');

      await tile.getByTestId('agent-actions').click();
      await page.getByTestId('action-not-ready').click();
      // A supervisor gives no reason code: the command goes at once, with an empty body.
      await expect(page.getByTestId('reason-option')).toHaveCount(0);
      await expect.poll(async () => (await sim.gcCommands()).filter((c) => c.headers.type === `NOT_READY#${AGENT}`).length).toBe(1);
      const cmd = (await sim.gcCommands()).find((c) => c.headers.type === `NOT_READY#${AGENT}`)!;
      expect(cmd.body).toBe('');

      // Finesse keeps the call going and shows NOT_READY as the pending state.
      await expect(tile).toContainText('Next: Not Ready');
      await expect(tile).toHaveAttribute('data-state', 'TALKING');
      await expect(tile.getByTestId('agent-pending')).toHaveCount(0);
      expect((await sim.truth()).gc.agents.find((a) => a.id === AGENT)!.state).toBe('TALKING');

      await sim.step({ seconds: 31 });
      await expect(tile).toHaveAttribute('data-state', 'NOT_READY');
      await expect(tile).not.toContainText('Next:');
      expect((await sim.truth()).gc.agents.find((a) => a.id === AGENT)).toMatchObject({ state: 'NOT_READY', reasonCodeId: null });
    });

    test('UCCE queue list: every figure the payload carries, those it leaves out absent (not zero), longest waiting shown', async ({ page }) => {
      const UCCE = ['callsWaiting', 'longestWaitingSec', 'agentsReady', 'agentsNotReady', 'agentsTalking', 'agentsWrapUp', 'talkingInbound', 'talkingOutbound', 'talkingInternal', 'wrapUpReady', 'wrapUpNotReady'];
      await sim.control('gc-queue-list', { format: 'ucce', omit: ['number_of_agents_talking_internal', 'number_of_agents_in_wrapup_ready_state'] });
      await expect.poll(async () => diffGcQueues(await gcTiles(page), await gcTruthQueues(), UCCE)).toEqual([]);
      const tiles = await gcTiles(page);
      for (const t of tiles) {
        expect(t.stats['talkingInternal'], t.id).toBeNull();
        expect(t.stats['wrapUpReady'], t.id).toBeNull();
        expect(t.stats['talkingInbound'], t.id).not.toBeNull();
      }
      const truth = await gcTruthQueues();
      const waiting = truth.filter((q) => Number(q.callsWaiting) > 0);
      expect(waiting.length, 'the seeded state has calls waiting').toBeGreaterThan(0);
      for (const q of waiting) expect(tiles.find((t) => t.id === q.id)!.stats['longestWaitingSec'], q.id).not.toBeNull();
    });

    test('UCCX queue list: CSQ names and figures, service level from handled ÷ presented, left-out figures absent (not zero)', async ({ page }) => {
      const UCCX = ['callsWaiting', 'agentsLoggedIn', 'agentsWrapUp', 'agentsTalking', 'agentsReserved', 'handled', 'abandoned', 'total', 'longestHandleTimeSec', 'serviceLevelPct', 'agentsReady', 'agentsNotReady'];
      // Some traffic first, so the handled / presented counts are not all zero.
      await sim.step({ seconds: 120 });
      await sim.control('gc-queue-list', { format: 'uccx', omit: ['AbandonedCalls', 'AgentsReserved'] });
      await expect.poll(async () => diffGcQueues(await gcTiles(page), await gcTruthQueues(), UCCX)).toEqual([]);
      const tiles = await gcTiles(page);
      expect(tiles.map((t) => t.id).sort()).toEqual(['queue_1', 'queue_2', 'queue_3', 'queue_4', 'queue_5', 'queue_6']);
      expect(tiles.map((t) => t.name).sort()).toEqual(['CSQ_Billing', 'CSQ_Retention', 'CSQ_Sales', 'CSQ_Support', 'CSQ_Technical', 'CSQ_VIP']);
      for (const t of tiles) {
        // UCCX sends no ready / not-ready counts, and this payload no reserved / abandoned: absent, never 0.
        expect(t.stats['agentsReady'], t.id).toBeNull();
        expect(t.stats['agentsNotReady'], t.id).toBeNull();
        expect(t.stats['agentsReserved'], t.id).toBeNull();
        expect('abandoned' in t.stats, t.id).toBe(false);
        expect(t.stats['total'], t.id).not.toBeNull();
      }
      const sl = page.locator('[data-testid="queue-tile"][data-source="gc"] [data-stat="serviceLevelPct"][data-value]').first();
      await expect(sl).toContainText('Handled %');
    });
  });

  test('agent desk on /agent: WRONG_EXTENSION is a readable message; a correct login brings AgentInfo and State; Ready / Not Ready round-trip', async ({ page }) => {
    const AGENT = 'agent2006';
    await sim.forceAgentState(AGENT, 'LOGOUT');
    await page.goto(`/agent?config=${E2E.activemqConfig}`);
    await expect(page.getByTestId('gc-desk-connection')).toHaveAttribute('data-status', 'live', { timeout: 10_000 });

    const login = async (extension: string) => {
      await page.getByTestId('gc-login-id').fill(AGENT);
      await page.getByTestId('gc-login-password').fill('secret');
      await page.getByTestId('gc-login-extension').fill(extension);
      await page.getByTestId('gc-login-dial-number').fill('5551234');
      await page.getByTestId('gc-login-submit').click();
    };
    await login('9999');
    await expect(page.getByTestId('gc-login-error')).toHaveAttribute('data-code', 'WRONG_EXTENSION');
    await expect(page.getByTestId('gc-login-error')).toContainText('The extension does not belong to this agent');
    expect((await sim.gcCommands()).map((c) => `${c.headers.type}|${c.body}`)).toEqual([`MOBILEAGENTLOGIN#${AGENT}|secret,9999,5551234,true`]);

    await login('2006');
    const desk = page.getByTestId('gc-desk');
    await expect(desk).toHaveAttribute('data-state', 'NOT_READY');
    await expect(desk).toContainText('Frank Moore');

    await page.getByTestId('gc-desk-ready').click();
    await expect(desk).toHaveAttribute('data-state', 'READY');
    await expect.poll(async () => (await sim.truth()).gc.agents.find((a) => a.id === AGENT)!.state).toBe('READY');

    await page.getByTestId('gc-desk-reason-select').selectOption('2');
    await page.getByTestId('gc-desk-not-ready').click();
    await expect(desk).toHaveAttribute('data-state', 'NOT_READY');
    await expect(page.getByTestId('gc-desk-reason')).toContainText('Lunch');
    expect((await sim.truth()).gc.agents.find((a) => a.id === AGENT)).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2' });
    const types = (await sim.gcCommands()).map((c) => `${c.headers.type}|${c.body}`);
    expect(types).toEqual(expect.arrayContaining([`READY#${AGENT}|`, `NOT_READY#${AGENT}|2`]));
    // It went through the broker: ActiveMQ stamps its own message id.
    expect((await sim.gcCommands()).every((c) => /^ID:/.test(c.headers['message-id'] ?? ''))).toBe(true);

    // Phonebooks: a contact fills the transfer target.
    await page.locator('[data-testid="phonebook"][data-phonebook-id="1"]').click();
    await expect(page.getByTestId('phonebook-contact')).toHaveCount(3);
    await page.locator('[data-testid="phonebook-contact"][data-contact-id="101"]').click();
    await expect(page.getByTestId('gc-desk-target')).toHaveValue('2017');
  });
});
