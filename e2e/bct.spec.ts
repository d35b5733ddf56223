import { connect } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startActiveMq, stopActiveMq } from './activemq';
import { E2E } from './ports';
import { bctSim, resetPausedForEachTest, sim } from './sim-client';

/**
 * Business ConneCT through the UIP relay on the real ActiveMQ (issue 10, acceptance 2–5):
 * emergency calls on the board and on a TV, alarms across a broker outage, command failures,
 * and router tiles against the simulator's ground truth.
 */
resetPausedForEachTest();

test.afterEach(async () => {
  if (!(await brokerUp())) startActiveMq();
});

function brokerUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(E2E.activemqStompPort, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

async function openBoard(page: Page, path = '/'): Promise<void> {
  await page.goto(`${path}?config=${E2E.activemqConfig}`);
  await expect(page.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
}

/**
 * Starts watching for `selector` (a MutationObserver, installed before this resolves) and
 * returns a function that waits for it and answers the epoch ms at which it entered the DOM.
 */
async function watchFor(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __seenAt?: number };
    delete w.__seenAt;
    const obs = new MutationObserver(() => {
      if (document.querySelector(sel)) {
        w.__seenAt = Date.now();
        obs.disconnect();
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, attributes: true });
  }, selector);
  return async () => {
    await page.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined, undefined, { timeout: 5_000 });
    return page.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
  };
}

const playing = (page: Page) => page.evaluate(() => document.querySelector<HTMLAudioElement>('audio[data-testid="alert-sound"]')?.paused === false);

test('an emergency call shows its banner within 500 ms on the board and on a TV, with the caller, and the alert sound plays', async ({ page, context }) => {
  const tv = await context.newPage();
  await openBoard(page);
  await openBoard(tv, '/kiosk');
  const onBoard = await watchFor(page, '[data-testid="emergency-call"][data-calling-number="2042"]');
  const onTv = await watchFor(tv, '[data-testid="emergency-call"][data-calling-number="2042"]');
  const sentAt = Date.now();
  await sim.control('bct/emergency', { callingNumber: '2042', calledEmergencyNumber: '112', callerName: 'Ann Lee', callerLocation: 'Building A, room 1.12' });
  const [boardAt, tvAt] = await Promise.all([onBoard(), onTv()]);
  expect(boardAt - sentAt, 'board').toBeLessThan(500);
  expect(tvAt - sentAt, 'TV').toBeLessThan(500);
  for (const p of [page, tv]) {
    const call = p.locator('[data-testid="emergency-call"][data-calling-number="2042"]');
    await expect(call).toContainText('112');
    await expect(call).toContainText('Ann Lee');
    await expect(call).toContainText('Building A, room 1.12');
    await expect.poll(() => playing(p)).toBe(true);
  }
  // A desk acknowledges it (this screen only); the sound stops. The TV has no control.
  await expect(tv.getByTestId('emergency-banner').getByRole('button')).toHaveCount(0);
  await page.getByTestId('emergency-call').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('emergency-banner')).toHaveCount(0);
  await expect(tv.getByTestId('emergency-call')).toHaveCount(1);
});

test('alarms: raised; during a broker outage another is raised and the first resolved; after the reconnect the active list equals the simulator', async ({ page }) => {
  test.setTimeout(90_000);
  await openBoard(page);
  await sim.control('bct/alarm', { id: '2101', message: 'Connection failed to PBX: Headq1 - 10.128.122.67' });
  const alarm = (id: string) => page.locator(`[data-testid="alarm"][data-source="bct"][data-alarm-id="${id}"]`);
  await expect(alarm('2101')).toHaveAttribute('data-state', 'active');
  await expect(alarm('2101')).toContainText('Connection failed to PBX');

  await stopActiveMq();
  await expect(page.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'down', { timeout: 10_000 });
  // Raised and resolved while nobody hears it: the relay's events are lost with the broker.
  await sim.control('bct/alarm', { id: '3001', message: 'License expires soon' });
  await sim.control('bct/alarm', { id: '2101', resolved: true });
  startActiveMq();

  await expect(page.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
  const truth = await bctSim.truth();
  expect(truth.alarms.map((a) => a.id)).toEqual(['3001']);
  await expect(alarm('3001')).toHaveAttribute('data-state', 'active');
  await expect(alarm('2101')).toHaveAttribute('data-state', 'resolved');
  const active = await page.locator('[data-testid="alarm"][data-source="bct"][data-state="active"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-alarm-id')));
  expect(active).toEqual(truth.alarms.map((a) => a.id));
});

test('a command with no reply shows a timeout, one answered isSuccess:false a failure; neither changes the state on screen', async ({ page }) => {
  await openBoard(page);
  const tile = page.locator('[data-testid="agent-tile"][data-source="bct"][data-agent-id="anna.berg"]');
  await expect(tile).toBeVisible();
  const before = await tile.getAttribute('data-state');
  const notReady = async () => {
    await tile.getByTestId('agent-actions').click();
    await expect(page.getByTestId('action-logout')).toHaveCount(0); // BCT has no logout command
    await page.getByTestId('action-not-ready').click();
    await page.locator('[data-testid="reason-option"][data-reason-id="Lunch"]').click();
  };

  await sim.control('bct/reply', { mode: 'none', count: 1 });
  await notReady();
  await expect(tile.getByTestId('agent-command-error')).toContainText('no reply within 3 s', { timeout: 8_000 });
  await expect(tile).toHaveAttribute('data-state', before ?? '');
  await tile.getByTestId('agent-command-error').getByRole('button').click();

  await sim.control('bct/reply', { mode: 'negative', count: 1 });
  await notReady();
  await expect(tile.getByTestId('agent-command-error')).toContainText('SetAgentNotReady refused: Simulated failure');
  await expect(tile).toHaveAttribute('data-state', before ?? '');
  expect((await bctSim.truth()).agents.find((a) => a.name === 'anna.berg')?.state).toBe('READY');
  expect((await bctSim.commands()).map((c) => c.answered)).toEqual(expect.arrayContaining(['none', 'negative']));

  // And a normal answer sets it.
  await notReady();
  await expect(tile).toHaveAttribute('data-state', 'NOT_READY');
  await expect(tile.getByTestId('agent-reason')).toHaveText('Lunch');
});

test('router tiles equal the simulator ground truth over repeated samples', async ({ page }) => {
  await openBoard(page);
  const board = async () =>
    page.$$eval('[data-testid="router-tile"]', (tiles) =>
      tiles.map((t) => {
        const v = (k: string) => {
          const x = t.querySelector(`[data-stat="${k}"]`)?.getAttribute('data-value');
          return x === null || x === undefined ? null : Number(x);
        };
        return { name: t.getAttribute('data-router'), queueLength: v('queueLength'), maxWaitingTime: v('maxWaitingTime'), idleAgents: v('idleAgents'), loggedOnAgents: v('loggedOnAgents'), notReadyAgents: v('notReadyAgents'), activeAgents: v('activeAgents') };
      }),
    );
  const diff = async (): Promise<string[]> => {
    const [b, t] = [await board(), (await bctSim.truth()).routers];
    const out: string[] = [];
    for (const r of t) {
      const x = b.find((y) => y.name === r['name']);
      if (!x) {
        out.push(`${String(r['name'])}: no tile`);
        continue;
      }
      for (const k of ['queueLength', 'idleAgents', 'loggedOnAgents', 'notReadyAgents', 'activeAgents'] as const) if (x[k] !== r[k]) out.push(`${String(r['name'])}.${k}: ${String(x[k])} ≠ ${String(r[k])}`);
      if (x.maxWaitingTime === null || Math.abs(x.maxWaitingTime - Number(r['maxWaitingTime'])) > 2) out.push(`${String(r['name'])}.maxWaitingTime: ${String(x.maxWaitingTime)} ≠ ${String(r['maxWaitingTime'])}`);
    }
    return out;
  };
  for (let i = 0; i < 4; i++) {
    if (i > 0) await sim.step({ seconds: 60 });
    // The first sample may wait for the relay's own reconnect to a broker restarted by an earlier test.
    await expect.poll(diff, { timeout: i === 0 ? 15_000 : 3_000 }).toEqual([]);
  }
});
