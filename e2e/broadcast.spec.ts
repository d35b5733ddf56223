import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E } from './ports';

/**
 * Broadcast messages over the real ActiveMQ (issue 13, acceptance 3): a supervisor posts a
 * message on the supervisor board; a kiosk shows it and drops it at its expiry (the kiosk's
 * clock is moved past it with Playwright's clock, the board's shared clock reads it); a kiosk
 * opened after the post still shows it (the retained list, `activemq.retroactive`); the
 * supervisor withdraws it and every screen drops it. The broker is shared by the run, so the
 * spec withdraws what it posted.
 */
const CONFIG = `?config=${E2E.activemqConfig}`;
const TEXT = 'Fire drill at 14:00 <b>east stairs</b>';

async function openKiosk(browser: Browser, withClock = false): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (withClock) await page.clock.install();
  // A kiosk whose clock the test moves a minute forward: its watchdog would take the jump
  // for a blocked main thread and reload the page (hygiene.ts), so it gets a longer stall.
  await page.goto(`/kiosk${CONFIG}${withClock ? '&watchdogStallMs=600000' : ''}`);
  await expect(page.getByTestId('kiosk-board')).toBeVisible({ timeout: 15_000 });
  return page;
}

test('a broadcast appears on a kiosk, on a kiosk opened later, and disappears at its expiry and when withdrawn', async ({ browser, page }) => {
  await page.goto(`/${CONFIG}`);
  await expect(page.getByTestId('supervisor-board')).toBeVisible({ timeout: 15_000 });
  const early = await openKiosk(browser, true);

  // Post by keyboard: open the disclosure, type, choose severity and expiry, submit.
  const compose = page.getByTestId('broadcast-compose');
  await compose.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('broadcast-text').fill(TEXT);
  await page.getByTestId('broadcast-severity').selectOption('warning');
  await page.getByTestId('broadcast-expiry').selectOption('1');
  await expect(page.getByTestId('broadcast-health')).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await page.getByTestId('broadcast-text').focus();
  await page.getByTestId('broadcast-post').press('Enter');
  await expect(page.getByTestId('broadcast-form-status')).toBeVisible();

  const onEarly = early.getByTestId('broadcast');
  await expect(onEarly).toHaveCount(1, { timeout: 5_000 });
  await expect(onEarly).toHaveAttribute('data-severity', 'warning');
  await expect(onEarly).toContainText(TEXT); // as text: no <b> element rendered
  await expect(onEarly.locator('b')).toHaveCount(0);
  const id = await onEarly.getAttribute('data-broadcast-id');
  expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  await expect(page.locator(`[data-testid="broadcast"][data-broadcast-id="${id}"]`)).toBeVisible();

  // A screen that joins after the post sees the message still in force.
  const late = await openKiosk(browser);
  await expect(late.locator(`[data-testid="broadcast"][data-broadcast-id="${id}"]`)).toHaveAttribute('data-severity', 'warning', { timeout: 10_000 });

  // At its expiry (1 minute) it is gone from the kiosk whose clock passes it.
  const expiresAt = Number(await onEarly.getAttribute('data-expires-at'));
  const left = expiresAt - (await early.evaluate(() => Date.now()));
  expect(left).toBeGreaterThan(30_000);
  expect(left).toBeLessThanOrEqual(60_000);
  await early.clock.fastForward(left - 3_000);
  await expect(onEarly).toHaveCount(1);
  await early.clock.fastForward(4_000);
  await expect(onEarly).toHaveCount(0, { timeout: 3_000 });
  // Gone by its expiry on the same page, not by a reload.
  await expect(early.getByTestId('kiosk')).toHaveAttribute('data-last-reload', '');

  // Withdrawn by the supervisor: gone everywhere (and the shared broker is left clean).
  await page.locator(`[data-testid="broadcast-withdraw"][data-broadcast-id="${id}"]`).click();
  await expect(late.getByTestId('broadcast')).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByTestId('broadcast')).toHaveCount(0);
});
