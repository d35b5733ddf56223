import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { E2E } from './ports';
import { cilSim } from './sim-client';

// Issue 8, acceptance 2–5: the agent desk at /agent through the b+s Connects CIL bridge, in
// Chromium. The simulator's host page plays the ServiceNow UI Page (origin of the simulator,
// 18788) and runs the real integrations/servicenow/cil-bridge-host.js over a simulated CIL
// library driven by the simulator's CIL model; the wallboard runs in its iframe (origin of the
// app, 15173) with `sources.cil` `mode: bridge`, `allowedOrigin` the host's origin. Every test
// starts from `POST /sim/cil/control/reset` (agent2001 Ready, no call, no queues).

const AGENT = 'agent2001';
const APP_PATH = '/agent?config=/config.cil-e2e.json';

/** The wallboard frame (for locators) and its Frame (for evaluate). */
async function openDesk(page: Page): Promise<{ desk: FrameLocator; frame: Frame }> {
  await page.goto(cilSim.hostUrl(AGENT, APP_PATH));
  const desk = page.frameLocator('[data-testid="wallboard-frame"]');
  await expect(desk.getByTestId('agent-desk')).toBeVisible({ timeout: 15_000 });
  await expect(desk.locator('[data-testid="connection-status"][data-source="cil"]')).toHaveAttribute('data-status', 'live');
  await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Ready');
  const frame = page.frames().find((f) => f.url().includes('/agent'));
  if (!frame) throw new Error('wallboard frame not found');
  return { desk, frame };
}

test.describe('b+s Connects CIL agent desk through the bridge', () => {
  test.beforeEach(async () => {
    await cilSim.reset();
  });

  test('Not Ready with a reason from getReasonCodeList crosses the bridge; agentStateChange updates the view', async ({ page }) => {
    const { desk } = await openDesk(page);
    await desk.getByRole('button', { name: 'Not Ready', exact: true }).click();
    const options = desk.getByTestId('reason-option');
    await expect(options).toHaveCount(6);
    await expect(options.nth(1)).toHaveText('Lunch');
    await desk.locator('[data-testid="reason-option"][data-reason-code="2"]').click();

    const state = desk.getByTestId('my-state');
    await expect(state).toHaveAttribute('data-state', 'NotReady');
    await expect(state).toHaveAttribute('data-reason-code', '2');
    await expect(state.getByTestId('my-state-reason')).toHaveText('Lunch');
    await expect(desk.getByTestId('desk-pending')).toHaveCount(0);
    await expect(desk.getByTestId('my-state-announcement')).toHaveText('You are now Not Ready: Lunch');

    // The request crossed the bridge with the CIL parameters in the vendor's order.
    const requests = await cilSim.requests();
    const set = requests.filter((r) => r.method === 'setAgentState');
    expect(set).toHaveLength(1);
    const [channelId, newState, reasonCode, requestId] = set[0]!.args;
    expect([channelId, newState, reasonCode]).toEqual(['voice', 'NotReady', 2]);
    expect(typeof requestId).toBe('string');
    expect(requestId).not.toBe('');
    expect(requests.some((r) => r.method === 'getReasonCodeList' && r.args[1] === 'NotReady')).toBe(true);
  });

  test('a CIL error for the request shows the vendor message; the state does not change (German)', async ({ page }) => {
    await page.goto(cilSim.hostUrl(AGENT, `${APP_PATH}&lang=de`));
    const desk = page.frameLocator('[data-testid="wallboard-frame"]');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Ready', { timeout: 15_000 });
    await expect(desk.locator('[data-testid="connection-status"][data-source="cil"]')).toHaveAttribute('data-status', 'live');
    await cilSim.failNextRequest('Zustandswechsel nicht erlaubt (CTI)');

    await desk.getByRole('button', { name: 'Nicht bereit', exact: true }).click();
    await desk.locator('[data-testid="reason-option"][data-reason-code="3"]').click();

    await expect(desk.getByTestId('desk-error')).toContainText('Zustandswechsel nicht erlaubt (CTI)');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Ready');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-reason-code', '');
    await expect(desk.getByTestId('desk-pending')).toHaveCount(0);
    // The request reached CIL, which answered with an error event carrying its requestId.
    const set = (await cilSim.requests()).filter((r) => r.method === 'setAgentState');
    expect(set.map((r) => r.args.slice(0, 3))).toEqual([['voice', 'NotReady', 3]]);
    // Keyboard: Alt+R sends Ready (already Ready: confirmed at once, no error left).
    await desk.getByRole('button', { name: 'Bereit', exact: true }).focus();
    await page.keyboard.press('Alt+R');
    await expect.poll(async () => (await cilSim.requests()).filter((r) => r.method === 'setAgentState').length).toBe(2);
    await expect(desk.getByTestId('desk-error')).toHaveCount(0);
  });

  test("a work item's life: create → connect → pause → resume → wrap-up with a reason set from the view → end", async ({ page }) => {
    const { desk } = await openDesk(page);
    const { id } = await cilSim.workitem({ agent: AGENT, action: 'create', ani: '+41445551234', queueName: 'Sales', callVariables: { callVariable1: '12345', 'user.eccVar1': '999999' } });
    const item = desk.locator(`[data-testid="work-item"][data-workitem-id="${id}"]`);
    await expect(item).toHaveAttribute('data-state', 'Offered');
    await expect(item.getByTestId('work-item-ani')).toContainText('+41445551234');
    await expect(item.getByTestId('work-item-queue')).toHaveText('Sales');
    await expect(item.getByTestId('work-item-direction')).toHaveText('Incoming');
    await expect(item.getByTestId('work-item-classification')).toHaveText('Customer');
    // Editable: the simulated CIL answers isUpdateWorkitemDataEnabled true for an open item.
    await expect(item.locator('[data-testid="call-variable"][data-name="callVariable1"] [data-testid="call-variable-input"]')).toHaveValue('12345');
    await expect(item.locator('[data-testid="call-variable"][data-name="user.eccVar1"] [data-testid="call-variable-input"]')).toHaveValue('999999');

    await cilSim.workitem({ agent: AGENT, action: 'connect', workitemId: id });
    await expect(item).toHaveAttribute('data-state', 'Active');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Active');
    // Connected time ticks on the shared clock.
    await expect.poll(async () => Number(await item.getByTestId('work-item-connected').getAttribute('data-value')), { timeout: 5_000 }).toBeGreaterThanOrEqual(1);

    await cilSim.workitem({ agent: AGENT, action: 'pause', workitemId: id });
    await expect(item).toHaveAttribute('data-state', 'Paused');
    await cilSim.workitem({ agent: AGENT, action: 'resume', workitemId: id });
    await expect(item).toHaveAttribute('data-state', 'Active');

    await cilSim.workitem({ agent: AGENT, action: 'wrapup', workitemId: id });
    await expect(item).toHaveAttribute('data-state', 'Wrapup');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Wrapup');
    await item.getByTestId('wrapup-select').selectOption('Documentation');
    await item.getByTestId('wrapup-set').click();
    await expect(item.getByTestId('wrapup-current')).toHaveAttribute('data-value', 'Documentation');
    const wrap = (await cilSim.requests()).filter((r) => r.method === 'setWrapupReason');
    expect(wrap.map((r) => r.args.slice(0, 3))).toEqual([['voice', id, 'Documentation']]);

    await cilSim.workitem({ agent: AGENT, action: 'end', workitemId: id });
    await expect(desk.getByTestId('work-item')).toHaveCount(0);
    await expect(desk.getByTestId('no-work-items')).toBeVisible();
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Ready');
    await expect(desk.getByTestId('work-item-error')).toHaveCount(0);
  });

  test('a transfer request carries the number typed; the item ends transferred', async ({ page }) => {
    const { desk } = await openDesk(page);
    const { id } = await cilSim.workitem({ agent: AGENT, action: 'create' });
    await cilSim.workitem({ agent: AGENT, action: 'connect', workitemId: id });
    const item = desk.locator(`[data-testid="work-item"][data-workitem-id="${id}"]`);
    await expect(item).toHaveAttribute('data-state', 'Active');
    await item.getByTestId('call-address').fill('+41 44 555 12 34');
    await item.getByTestId('call-transfer').click();
    await expect(desk.getByTestId('work-item')).toHaveCount(0);
    const transfers = (await cilSim.requests()).filter((r) => r.method === 'directTransfer');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.args.slice(0, 3)).toEqual(['voice', '+41 44 555 12 34', id]);
    expect(typeof transfers[0]!.args[3]).toBe('string');
  });

  test('queueDataUpdate ENABLED / ADDED / UPDATED / DELETED / DISABLED leave exactly the right queues', async ({ page }) => {
    const { desk } = await openDesk(page);
    const rows = desk.getByTestId('my-queue');
    const ids = async () => rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-queue-id')}:${e.getAttribute('data-escalation')}`));
    const q = (id: string, name: string, escalationLevel: string, callsInQueue = 1) => ({
      id,
      name,
      channel: 'Voice',
      escalationLevel,
      statistics: { agentsReady: 1, agentsNotReady: 0, callsInQueue, startTimeOfLongestCallInQueue: new Date(Date.now() - 42_000).toISOString() },
    });
    const update = (dataState: string, queueData: unknown[]) => cilSim.event('queueDataUpdate', { event: 'queueDataUpdate', version: '1.0', dataState, queueData });

    await update('ENABLED', [q('q1', 'Sales', 'Normal'), q('q2', 'Support', 'Warn'), q('q3', 'Billing', 'Normal')]);
    await expect.poll(ids).toEqual(['q1:Normal', 'q2:Warn', 'q3:Normal']);
    await expect(rows.first().getByTestId('my-queue-longest')).toHaveAttribute('data-value', /^\d+$/);
    await update('ADDED', [q('q4', 'VIP', 'Normal')]);
    await expect.poll(ids).toEqual(['q1:Normal', 'q2:Warn', 'q3:Normal', 'q4:Normal']);
    await update('UPDATED', [q('q2', 'Support', 'Critical', 9)]);
    await expect.poll(ids).toEqual(['q1:Normal', 'q2:Critical', 'q3:Normal', 'q4:Normal']);
    await expect(desk.locator('[data-testid="my-queue"][data-queue-id="q2"] [data-testid="my-queue-calls"]')).toHaveAttribute('data-value', '9');
    await expect(desk.locator('[data-testid="my-queue"][data-queue-id="q2"] [data-testid="my-queue-escalation"]')).toHaveText('Critical');
    await update('DELETED', [{ id: 'q1' }]);
    await expect.poll(ids).toEqual(['q2:Critical', 'q3:Normal', 'q4:Normal']);
    await update('DISABLED', []);
    await expect(rows).toHaveCount(0);
    await expect(desk.getByTestId('no-queues')).toBeVisible();
    await update('ENABLED', [q('q5', 'Returns', 'Warn')]);
    await expect.poll(ids).toEqual(['q5:Warn']);
  });

  test('messages from a foreign origin or another window are ignored and counted; the host refuses a foreign frame', async ({ page }) => {
    const { desk, frame } = await openDesk(page);
    const status = desk.locator('[data-testid="connection-status"][data-source="cil"]');
    await expect(status).toHaveAttribute('data-rejected', '0');
    const hostile = {
      channel: 'cil-bridge',
      v: 1,
      kind: 'event',
      name: 'agentStateChange',
      data: { event: 'agentStateChange', channelId: 'voice_5000', channelType: 'Voice', newState: 'NotReady', newReasonCode: 6, newReasonCodeLabel: '<img src=x onerror=alert(1)>' },
    };
    // 1. From the wallboard's own origin and window (not the host page): foreign origin.
    await frame.evaluate((m) => window.postMessage(m, '*'), hostile);
    // 2. From another window of the host's (allowed) origin: a sibling frame in the host page.
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.src = '/sim/cil/blank';
      f.id = 'sibling';
      document.body.append(f);
      return new Promise((r) => f.addEventListener('load', r));
    });
    const sibling = page.frames().find((f) => f.url().includes('/sim/cil/blank'))!;
    await sibling.evaluate((m) => (window.parent.frames[0] as Window).postMessage(m, '*'), hostile);

    await expect(status).toHaveAttribute('data-rejected', '2');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Ready');
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-reason-code', '');

    // 3. The host page refuses requests from a frame that is not the wallboard frame, even from the wallboard's origin.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.id = 'intruder';
      document.body.append(f);
      return new Promise((r) => f.addEventListener('load', r));
    }, `${E2E.appUrl}/favicon.svg`);
    const intruder = page.frames().find((f) => f.url().endsWith('/favicon.svg'))!;
    const request = { channel: 'cil-bridge', v: 1, kind: 'request', id: 'evil-1', method: 'setAgentState', args: ['voice', 'Logout', 20, 'evil'] };
    await intruder.evaluate((m) => window.parent.postMessage(m, '*'), request);
    await sibling.evaluate((m) => window.parent.postMessage(m, '*'), request); // host origin, not the wallboard's
    await expect(page.getByTestId('bridge-refused')).toHaveAttribute('data-count', '2');
    expect((await cilSim.requests()).filter((r) => r.method === 'setAgentState')).toEqual([]);
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Ready');

    // The bridge still works for the real wallboard afterwards.
    await desk.getByRole('button', { name: 'Log out', exact: true }).click();
    await desk.locator('[data-testid="reason-option"][data-reason-code="20"]').click();
    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'Logout');
    await expect(status).toHaveAttribute('data-rejected', '2');
  });
});
