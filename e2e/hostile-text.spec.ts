import { expect, test, type Frame, type Page } from '@playwright/test';
import { E2E } from './ports';
import { cilSim, resetPausedForEachTest, sim } from './sim-client';

/**
 * Hostile vendor text (issue 15, "Hostile text"): script-injection payloads put through the
 * simulator's controls into every vendor text field the controls reach — RTE and GC agent
 * names (`agent-name`, board and TV), RTE queue names (`queue-name`, board and TV), GC team names (`gc/team-name`, the team picker), UCCX team and member names and reason codes, Business ConneCT
 * alarm messages and sources, emergency caller names, locations and numbers (board and TV),
 * web chat customer names, e-mail addresses, messages and choice answers, and on the CIL
 * agent desk the vendor's reason label, queue names, caller number, queue of a work item
 * and call variables. Nothing may run (a `window.__pwned` sentinel the payloads would set
 * stays unset, no dialog opens, no element with an event-handler attribute, no `<script>`
 * and no `javascript:` link appears), and the text is shown literally.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img';alert(1)">`,
  `<script>window.__pwned='script'</script>`,
  `javascript:window.__pwned='js'`,
  `"><svg onload="window.__pwned='svg'">`,
  '\u202Etxt.exe\u202C right-to-left override',
  'zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFF',
  `${'long '.repeat(300)}end`,
] as const;

/** The payload `i` (cycled), made unique by a marker so each field's text can be found. */
const p = (i: number, field: string) => `${PAYLOADS[i % PAYLOADS.length]} [${field}]`;

interface Watch {
  dialogs: string[];
}

async function guard(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

/** Nothing ran and nothing was injected in `page`'s frames. */
async function expectNothingRan(page: Page, w: Watch): Promise<void> {
  for (const frame of page.frames()) {
    const r = await frame.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]').length,
      // (the dev server and the simulator's host page have inline scripts of their own: only a payload's counts)
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__pwned')).length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i], iframe[src^="javascript:" i]').length,
      strayImgs: document.querySelectorAll('img[src="x"]').length,
    }));
    expect(r, frame.url()).toEqual({ pwned: undefined, handlers: 0, inlineScripts: 0, jsLinks: 0, strayImgs: 0 });
  }
  expect(w.dialogs).toEqual([]);
}

/** `text` is in the page (or frame) exactly as sent, as text (or as the value of a form field). */
async function expectLiteral(scope: Page | Frame, texts: readonly string[]): Promise<void> {
  for (const t of texts) {
    await expect.poll(() => scope.evaluate((s) => (document.body.textContent?.includes(s) ?? false) || [...document.querySelectorAll('input, textarea')].some((e) => (e as HTMLInputElement).value.includes(s)), t), { message: `shown literally: ${t.slice(0, 60)}`, timeout: 10_000 }).toBe(true);
  }
}

test.describe('hostile text on the board, the TV and in web chat', () => {
  resetPausedForEachTest();

  test('alarm messages and sources, emergency callers: shown literally, nothing runs (board and kiosk)', async ({ page, context }) => {
    const w = await guard(page);
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expect(page.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
    const tv = await context.newPage();
    const wTv = await guard(tv);
    await tv.goto(`/kiosk?config=${E2E.activemqConfig}`);
    await expect(tv.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 }).catch(() => undefined);
    await expect(tv.getByTestId('kiosk-board')).toBeVisible();

    const texts: string[] = [];
    for (let i = 0; i < PAYLOADS.length; i++) {
      const alarm = { id: `66${i}`, source: p(i + 1, `alarm-source-${i}`), message: p(i, `alarm-${i}`) };
      await sim.control('bct/alarm', alarm);
      texts.push(alarm.message, alarm.source);
    }
    const caller = { callingNumber: p(0, 'calling').slice(0, 60), calledEmergencyNumber: '112', callerName: p(3, 'caller'), callerLocation: p(4, 'location') };
    await sim.control('bct/emergency', caller);
    await expect(page.getByTestId('emergency-call').first()).toBeVisible({ timeout: 10_000 });
    await expect(tv.getByTestId('emergency-call').first()).toBeVisible({ timeout: 10_000 });
    await expectLiteral(page, [...texts, caller.callerName, caller.callerLocation]);
    await expectLiteral(tv, [...texts.filter((_, i) => i % 2 === 0), caller.callerName]);
    await expectNothingRan(page, w);
    await expectNothingRan(tv, wTv);
  });

  test('agent names (RTE user, GC agent): shown literally on the board and the TV, nothing runs', async ({ page, context }) => {
    const w = await guard(page);
    // GC forbids "#", "," and "|" in names (NOTES.md §3): its names use the payloads without them.
    const rteName = p(0, 'rte-agent');
    const gcName = p(3, 'gc-agent').replace(/[#,|]/g, ' ');
    await sim.control('agent-name', { id: 'a9e47000-0000-4000-8000-000000000001', name: rteName });
    await sim.control('agent-name', { id: 'agent2001', name: gcName });
    await page.goto(`/?config=${E2E.activemqConfig}`);
    const tv = await context.newPage();
    const wTv = await guard(tv);
    await tv.goto(`/kiosk?config=${E2E.activemqConfig}`);
    for (const view of [page, tv]) {
      await expect(view.locator('[data-testid="agent-tile"][data-agent-id="a9e47000-0000-4000-8000-000000000001"]')).toContainText('[rte-agent]', { timeout: 15_000 });
      // GC names arrive with the next State, AgentInfo or TeamUsersList (every 5 s at most)
      await expect(view.locator('[data-testid="agent-tile"][data-agent-id="agent2001"]')).toContainText('[gc-agent]', { timeout: 15_000 });
      await expectLiteral(view, [rteName, gcName]);
    }
    await expectNothingRan(page, w);
    await expectNothingRan(tv, wTv);
  });

  test('queue names (RTE QueueStatus QueueName): shown literally on the board and the TV, nothing runs', async ({ page, context }) => {
    const w = await guard(page);
    const ids = ['c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000002', 'c0ffee00-0000-4000-8000-000000000003'];
    const names = ids.map((_, i) => p(i, `queue-${i}`));
    for (let i = 0; i < ids.length; i++) await sim.control('queue-name', { id: ids[i], name: names[i] });
    await page.goto(`/?config=${E2E.activemqConfig}`);
    const tv = await context.newPage();
    const wTv = await guard(tv);
    await tv.goto(`/kiosk?config=${E2E.activemqConfig}`);
    for (const view of [page, tv]) {
      for (let i = 0; i < ids.length; i++) {
        await expect(view.locator(`[data-testid="queue-tile"][data-queue-id="${ids[i]}"]`)).toContainText(`[queue-${i}]`, { timeout: 15_000 });
      }
      await expectLiteral(view, names);
    }
    await expectNothingRan(page, w);
    await expectNothingRan(tv, wTv);
  });

  test('GC team names (AgentInfo team list): shown literally in the team picker, nothing runs', async ({ page }) => {
    const w = await guard(page);
    // GC forbids "#", "," and "|", and a name may not start with a digit (it follows the team id directly).
    const names = [p(0, 'team-5'), p(3, 'team-7')].map((n) => n.replace(/[#,|]/g, ' '));
    await sim.control('gc/team-name', { id: '5', name: names[0] });
    await sim.control('gc/team-name', { id: '7', name: names[1] });
    await page.goto(`/?config=${E2E.activemqConfig}`);
    const picker = page.getByTestId('team-picker');
    await expect(picker.locator('option[value="5"]')).toContainText('[team-5]', { timeout: 15_000 });
    await expect(picker.locator('option[value="7"]')).toContainText('[team-7]');
    expect(await picker.locator('option[value="5"]').textContent()).toContain(names[0]);
    await expectNothingRan(page, w);
  });

  test('UCCX team and member names and an unlabelled reason code: shown literally, nothing runs', async ({ page }) => {
    const w = await guard(page);
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expect(page.locator('[data-testid="connection-status"][data-source="uccx"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
    const teamName = p(3, 'uccx-team');
    const memberName = p(0, 'uccx-member');
    const reason = p(1, 'uccx-reason');
    await sim.control('uccx/team/rename', { teamId: 'T100', teamName });
    await sim.control('uccx/member/add', { teamId: 'T100', memberId: 'agHostile', memberName, memberType: 'Agent', status: 'not_ready', reason });
    await expect(page.locator('[data-testid="team-member"][data-member-id="agHostile"]')).toHaveCount(1, { timeout: 10_000 });
    await expectLiteral(page, [teamName, memberName, reason]);
    await expectNothingRan(page, w);
  });

  test('web chat customer name, e-mail, messages and choice answers: shown literally, nothing runs', async ({ page }) => {
    const w = await guard(page);
    await page.goto('/?config=/config.chat.json');
    await expect(page.getByTestId('chat-panel')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
    const initiator = p(0, 'initiator');
    await sim.control('bct/chat/open', { sessionId: 'chat-h', initiator, email: p(1, 'email'), router: 'Chat', language: 'en' });
    await expect(page.locator('[data-testid="chat-session"][data-session-id="chat-h"]')).toBeVisible({ timeout: 10_000 });
    await page.locator('[data-testid="chat-session"][data-session-id="chat-h"]').click();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(page.locator('[data-testid="chat-session"][data-session-id="chat-h"]')).toHaveAttribute('data-state', 'active', { timeout: 10_000 });
    const messages = PAYLOADS.map((_, i) => p(i, `message-${i}`));
    for (const message of messages) await sim.control('bct/chat/message', { sessionId: 'chat-h', message });
    const answer = p(3, 'choice');
    await sim.control('bct/chat/choice-answer', { sessionId: 'chat-h', choiceAnswer: answer });
    await expect(page.locator('[data-testid="chat-message"][data-sender="customer"]')).toHaveCount(messages.length + 1, { timeout: 10_000 });
    await expectLiteral(page, [initiator, ...messages, answer]);
    await expectNothingRan(page, w);
  });
});

test.describe('hostile text on the CIL agent desk (through the bridge)', () => {
  test.beforeEach(async () => {
    await cilSim.reset();
  });

  test('reason label, queue names, caller number, work item queue and call variables: shown literally, nothing runs', async ({ page }) => {
    const w = await guard(page);
    await page.goto(cilSim.hostUrl('agent2001', '/agent?config=/config.cil-e2e.json'));
    const desk = page.frameLocator('[data-testid="wallboard-frame"]');
    await expect(desk.getByTestId('agent-desk')).toBeVisible({ timeout: 15_000 });
    await expect(desk.locator('[data-testid="connection-status"][data-source="cil"]')).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
    const frame = page.frames().find((f) => f.url().includes('/agent'));
    if (!frame) throw new Error('wallboard frame not found');

    const label = p(0, 'reason');
    await cilSim.event('agentStateChange', {
      event: 'agentStateChange', version: '1.0', requestId: '', channelType: 'Voice', channelId: 'voice_5000',
      newState: 'NotReady', newReasonCode: 2, newReasonCodeLabel: label, newStateChangeTime: new Date().toISOString(),
    });
    const queues = PAYLOADS.map((_, i) => ({ id: `hq${i}`, name: p(i, `queue-${i}`), escalationLevel: 'Normal', callsInQueue: i, longestCallInQueue: null }));
    await cilSim.event('queueDataUpdate', { event: 'queueDataUpdate', version: '1.0', dataState: 'ENABLED', channelId: 'voice_5000', queueData: queues });
    const ani = '+4144<b>555</b>1234';
    const wiQueue = p(3, 'wi-queue');
    const variable = p(1, 'var');
    await cilSim.workitem({ action: 'create', workitemId: 'wi-h', ani, queueName: wiQueue, callVariables: { callVariable1: variable, 'user.<img src=x onerror=alert(1)>': p(2, 'var-name') } });

    await expect(desk.getByTestId('my-state')).toHaveAttribute('data-state', 'NotReady', { timeout: 10_000 });
    await expect(desk.getByTestId('my-queue')).toHaveCount(queues.length, { timeout: 10_000 });
    await expect(desk.getByTestId('work-item')).toHaveCount(1, { timeout: 10_000 });
    await expectLiteral(frame, [label, ...queues.map((q) => q.name), ani, wiQueue, variable]);
    await expectNothingRan(page, w);
  });
});
