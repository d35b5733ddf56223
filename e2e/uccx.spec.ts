import { connect } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startActiveMq, stopActiveMq } from './activemq';
import { E2E } from './ports';
import { resetPausedForEachTest, sim, uccxSim, type UccxTeamTruth } from './sim-client';

/**
 * OpenMethods UCCX on the real ActiveMQ (issue 12, acceptance 2 and 3): the team panel against
 * the simulator's teams through member additions, status changes, removals and a rename, and
 * across a broker restart (the report begun again, no ghost member); call journeys for a known
 * call id and a failure response.
 */
resetPausedForEachTest();

const SUPERVISOR = 'sup1001';
/** `reasonLabels` of public/config.activemq.json. */
const LABELS: Record<string, string> = { '32': 'Lunch', '33': 'Meeting' };

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

const status = (page: Page) => page.locator('[data-testid="connection-status"][data-source="uccx"]').first();

async function openBoard(page: Page, query = ''): Promise<void> {
  await page.goto(`/?config=${E2E.activemqConfig}${query}`);
  await expect(status(page)).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
}

/** The panel as shown: teams with their members, in a form comparable with the truth. */
function readPanel(page: Page) {
  return page.$$eval('[data-testid="team-panel"]', (panels) =>
    panels.map((p) => ({
      teamId: p.getAttribute('data-team-id'),
      teamName: p.querySelector('h3')?.textContent ?? null,
      members: [...p.querySelectorAll('[data-testid="team-member"]')].map((m) => ({
        memberId: m.getAttribute('data-member-id'),
        memberType: m.getAttribute('data-member-type'),
        memberName: m.querySelector('.uccx-member__name')?.textContent ?? null,
        status: m.getAttribute('data-status'),
        reason: m.querySelector('[data-testid="team-member-reason"]')?.textContent ?? '',
      })),
      counts: Object.fromEntries([...p.querySelectorAll('[data-testid="team-status-count"]')].map((c) => [c.getAttribute('data-status'), Number(c.getAttribute('data-value'))])),
    })),
  );
}

/** Differences between the panel and the simulator's teams of the supervisor ([] when equal). */
async function diff(page: Page): Promise<string[]> {
  const [shown, truth] = await Promise.all([readPanel(page), uccxSim.truth()]);
  const expected = truth.teams.filter((t: UccxTeamTruth) => t.supervisors.includes(SUPERVISOR));
  const out: string[] = [];
  const byId = new Map(shown.map((t) => [t.teamId, t]));
  if (shown.length !== expected.length) out.push(`teams: ${shown.map((t) => t.teamId).join(',')} ≠ ${expected.map((t) => t.teamId).join(',')}`);
  for (const t of expected) {
    const s = byId.get(t.teamId);
    if (!s) {
      out.push(`${t.teamId}: no panel`);
      continue;
    }
    if (s.teamName !== t.teamName) out.push(`${t.teamId} name: ${s.teamName} ≠ ${t.teamName}`);
    const key = (m: { memberId: string | null }) => m.memberId ?? '';
    const want = [...t.members].sort((a, b) => key(a).localeCompare(key(b))).map((m) => ({ ...m, reason: m.reason === '' ? '' : (LABELS[m.reason] ?? m.reason) }));
    const got = [...s.members].sort((a, b) => key(a).localeCompare(key(b)));
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${t.teamId} members: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    for (const st of ['ready', 'not_ready', 'ACW']) {
      const n = t.members.filter((m) => m.status === st).length;
      if (s.counts[st] !== n) out.push(`${t.teamId} count ${st}: ${s.counts[st]} ≠ ${n}`);
    }
  }
  return out;
}

test('the team panel equals the simulator through additions, status changes, removals and a rename; after a broker restart the report is begun again and converges with no ghost', async ({ page }) => {
  test.setTimeout(90_000);
  await openBoard(page);
  await expect.poll(() => diff(page), { timeout: 10_000 }).toEqual([]);
  await expect(page.locator('[data-testid="team-member"][data-member-id="ag1002"] [data-testid="team-member-reason"]')).toHaveText('Lunch');
  await expect(page.locator('[data-testid="team-member"][data-member-id="ag2002"] [data-testid="team-member-reason"]')).toHaveText('7'); // no label: the code

  await sim.control('uccx/member/add', { teamId: 'T100', memberId: 'ag1004', memberName: 'Dirk Dorn', memberType: 'TeamLead', status: 'not_ready', reason: '33' });
  await sim.control('uccx/member/status', { memberId: 'ag1001', status: 'not_ready', reason: '32' });
  await sim.control('uccx/member/status', { memberId: 'ag1002', status: 'ACW' });
  await sim.control('uccx/member/remove', { teamId: 'T100', memberId: 'ag1003' });
  await sim.control('uccx/team/rename', { teamId: 'T100', teamName: 'Sales East' });
  await expect(page.locator('[data-testid="team-panel"][data-team-id="T100"]')).toHaveAttribute('data-team-name', 'Sales East');
  await expect.poll(() => diff(page), { timeout: 5_000 }).toEqual([]);
  await expect(page.locator('[data-testid="team-member"][data-member-id="ag1004"]')).toHaveAttribute('data-member-type', 'TeamLead');

  // Filter by team.
  await page.getByTestId('uccx-team-filter').selectOption({ label: 'Service' });
  await expect(page.locator('[data-testid="team-panel"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="team-panel"]')).toHaveAttribute('data-team-id', 'T200');
  await page.getByTestId('uccx-team-filter').selectOption('');

  // Broker restart: what changes meanwhile is lost with the broker; the report is begun again.
  const beginsBefore = (await uccxSim.truth()).begins[SUPERVISOR] ?? 0;
  await stopActiveMq();
  await expect(status(page)).toHaveAttribute('data-status', 'down', { timeout: 10_000 });
  await sim.control('uccx/member/remove', { teamId: 'T200', memberId: 'ag2002' });
  await sim.control('uccx/member/status', { memberId: 'ag2001', status: 'ACW' });
  await sim.control('uccx/team/add', { teamId: 'T300', teamName: 'Billing' });
  await sim.control('uccx/member/add', { teamId: 'T300', memberId: 'ag3001', memberName: 'Fay Fox', status: 'ready' });
  await expect(page.locator('[data-testid="team-member"][data-member-id="ag2002"]')).toHaveCount(1); // last values stay while down
  startActiveMq();
  await expect(status(page)).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
  await expect.poll(async () => (await uccxSim.truth()).begins[SUPERVISOR] ?? 0, { timeout: 15_000 }).toBeGreaterThan(beginsBefore);
  await expect.poll(() => diff(page), { timeout: 15_000 }).toEqual([]);
  await expect(page.locator('[data-testid="team-member"][data-member-id="ag2002"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="team-panel"][data-team-id="T300"]')).toHaveCount(1);
});

test('a call journey for a known call id shows the simulator steps and the total; a failure response shows its code and message', async ({ page }) => {
  await openBoard(page, '&callJourney=16777345');
  const steps = page.getByTestId('call-journey-step');
  await expect(steps).toHaveCount(3);
  expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-device')))).toEqual(['CTI_Port_1001', 'CSQ_Sales', 'ag1001']);
  expect(await steps.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-duration-ms'))))).toEqual([42_000, 65_000, 253_000]);
  await expect(steps.nth(0)).toContainText('CTI Port');
  await expect(steps.nth(0)).toContainText('Main menu IVR');
  await expect(page.getByTestId('call-journey-total')).toHaveAttribute('data-value', String(42_000 + 65_000 + 253_000));
  await expect(page.getByTestId('call-journey-total')).toContainText('6:00');

  // Typed in (keyboard: Enter), with the next request answered by a failure.
  await sim.control('uccx/failure', { code: 'REPORT_UNAVAILABLE', message: 'Report server busy' });
  const input = page.getByTestId('call-journey-input');
  await input.fill('16777400');
  await input.press('Enter');
  await expect(page.getByTestId('call-journey-error')).toHaveAttribute('data-code', 'REPORT_UNAVAILABLE');
  await expect(page.getByTestId('call-journey-error-message')).toHaveText('Report server busy');
  await expect(page.getByTestId('call-journey-error-code')).toHaveText('REPORT_UNAVAILABLE');
  await expect(page.getByTestId('call-journey-step')).toHaveCount(0);
  const asked = (await uccxSim.requests()).filter((r) => r.body.includes('"16777400"'));
  expect(asked.map((r) => r.answered)).toEqual(['failure:REPORT_UNAVAILABLE']); // a refusal is not retried

  // An unknown call: the simulator's own failure.
  await input.fill('nope');
  await input.press('Enter');
  await expect(page.getByTestId('call-journey-error')).toHaveAttribute('data-code', 'CALL_NOT_FOUND');
  await expect(page.getByTestId('call-journey-error-message')).toHaveText('No call journey for call nope');
});
