import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bctSim, resetPausedForEachTest, sim } from './sim-client';

/**
 * Issue 14, the TV kiosk: fit and readability at three screen sizes (acceptance 1), rotation,
 * schedule and configuration reload on a controllable clock (acceptance 2), and no command
 * reaching the broker or the hub even when the page's command functions are called
 * directly (acceptance 3). Configuration `public/config.kiosk-e2e.json` (real ActiveMQ):
 * weekdays 08:00–18:00 Berlin rotate floor 20 s → queues 10 s → agents 15 s; otherwise the
 * board `weekend`; 22:00–06:00 dimmed.
 */
const CONFIG = '/config.kiosk-e2e.json';
/** Tuesday 1 December 2026, 08:00 in Berlin (UTC+1): the weekday window opens. */
const TUESDAY_0800 = Date.parse('2026-12-01T08:00:00+01:00');
const kioskUrl = (extra = '') => `/kiosk?config=${CONFIG}&kioskClock=${TUESDAY_0800}${extra}`;

resetPausedForEachTest();

async function waitForData(page: Page): Promise<void> {
  await expect(page.getByTestId('kiosk')).toBeVisible();
  await expect(page.locator('[data-testid="agent-tile"]').first()).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('[data-testid="queue-tile"]').first()).toBeVisible({ timeout: 10_000 });
}

test('fits 1366×768, 1920×1080 and 3840×2160: no scrollbar, every panel inside, smallest text at least the minimum', async ({ page }) => {
  mkdirSync('test-results/kiosk', { recursive: true });
  // The floor board all day (URL settings over the configured schedule), so the rotation does not move on meanwhile.
  await page.goto(kioskUrl(`&kiosk=${encodeURIComponent(JSON.stringify({ schedule: [], rotation: [{ board: 'floor', durationSec: 86_400 }] }))}`));
  await waitForData(page);
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-board-id', 'floor');
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await page.evaluate(() => {
      const doc = document.scrollingElement ?? document.documentElement;
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const panels = [...document.querySelectorAll<HTMLElement>('[data-testid="panel"]')].map((p) => {
        const r = p.getBoundingClientRect();
        return { id: p.dataset.panelId, inside: r.left >= -5 && r.top >= -5 && r.right <= vw + 5 && r.bottom <= vh + 5 && r.width > 0 && r.height > 0 };
      });
      // The smallest rendered text: every element with its own visible text.
      let smallest = Infinity;
      let smallestText = '';
      const walker = document.createTreeWalker(document.querySelector('[data-testid="kiosk"]')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim()) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('[hidden]')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < smallest) {
          smallest = size;
          smallestText = n.textContent.trim().slice(0, 40);
        }
      }
      const minText = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--kiosk-min-text')) || 0;
      const probe = document.createElement('div');
      probe.style.height = 'var(--kiosk-min-text)';
      document.body.append(probe);
      const minPx = probe.getBoundingClientRect().height;
      probe.remove();
      return {
        scrollsY: doc.scrollHeight > vh,
        scrollsX: doc.scrollWidth > vw,
        overflowY: getComputedStyle(document.documentElement).overflowY,
        panels,
        smallest,
        smallestText,
        minPx,
        minText,
      };
    });
    await page.screenshot({ path: `test-results/kiosk/kiosk-${width}x${height}.png` });
    expect(m.scrollsY, `${width}×${height} scrolls vertically`).toBe(false);
    expect(m.scrollsX, `${width}×${height} scrolls horizontally`).toBe(false);
    expect(m.panels.length).toBe(4);
    expect(m.panels.filter((p) => !p.inside)).toEqual([]);
    // Configured minimum: max(12 px, 1.6 vh).
    expect(m.minPx).toBeCloseTo(Math.max(12, (1.6 * height) / 100), 0);
    expect(m.smallest, `smallest text "${m.smallestText}" at ${width}×${height}`).toBeGreaterThanOrEqual(m.minPx - 0.5);
  }
  // The agents list is longer than its panel at 1366×768: it pages instead of being cut off.
  await page.setViewportSize({ width: 1366, height: 768 });
  const pager = page.locator('[data-testid="panel"][data-panel-id="agents"] [data-testid="list-page"]');
  await expect(pager).not.toHaveAttribute('data-pages', '1', { timeout: 8_000 });
  const pages = Number(await pager.getAttribute('data-pages'));
  expect(pages).toBeGreaterThan(1);
  await expect(pager).toHaveText(new RegExp(`page \\d of ${pages}`));
  const first = await pager.getAttribute('data-page');
  // The page is (wall-clock step) mod (pages): a page count that changes between two steps
  // (tiles still arriving) can show the same page once more, so allow two steps (pageSec 3).
  await expect(pager).not.toHaveAttribute('data-page', first ?? '', { timeout: 8_000 });
});

test('rotates three boards with their own durations, follows the schedule and the night, reloads on a changed configuration', async ({ page }) => {
  let served = readFileSync('public/config.kiosk-e2e.json', 'utf8');
  await page.route(`**${CONFIG}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: served }));
  await page.goto(kioskUrl());
  const kiosk = page.getByTestId('kiosk');
  await expect(kiosk).toHaveAttribute('data-board-id', 'floor');
  await expect(kiosk).toHaveAttribute('data-page', '1');
  await expect(kiosk).toHaveAttribute('data-pages', '3');
  await expect(page.locator('[data-testid="panel"]')).toHaveCount(4);
  await expect(page.getByTestId('kiosk-next')).toHaveAttribute('data-board-id', 'queues');
  await expect(page.getByTestId('kiosk-board-name')).toHaveText('Floor overview');

  const clock = (ms: number) => page.evaluate((t) => window.__kioskClock!.set(t), ms);
  // Durations: floor 20 s, queues 10 s, agents 15 s (each boundary checked on both sides).
  for (const [at, board] of [
    [19_000, 'floor'],
    [20_000, 'queues'],
    [29_000, 'queues'],
    [30_000, 'agents'],
    [44_000, 'agents'],
    [45_000, 'floor'],
  ] as const) {
    await clock(TUESDAY_0800 + at);
    await expect(kiosk, `at +${at / 1000} s`).toHaveAttribute('data-board-id', board);
  }
  await expect(page.locator('[data-testid="panel"][data-panel-id="gc-agents"]')).toHaveCount(0);
  await clock(TUESDAY_0800 + 30_000);
  await expect(page.locator('[data-testid="panel"][data-panel-id="gc-agents"]')).toBeVisible();

  // Schedule: 18:00 ends the weekday window; Sunday shows the weekend board; 23:00 is night (dimmed).
  await clock(Date.parse('2026-12-01T18:00:00+01:00'));
  await expect(kiosk).toHaveAttribute('data-board-id', 'weekend');
  await clock(Date.parse('2026-12-06T10:00:00+01:00'));
  await expect(kiosk).toHaveAttribute('data-board-id', 'weekend');
  await expect(kiosk).toHaveAttribute('data-night', '');
  await clock(Date.parse('2026-12-06T23:00:00+01:00'));
  await expect(kiosk).toHaveAttribute('data-night', 'dim');
  // The time zone counts: 08:30 UTC on a Tuesday is 09:30 in Berlin, inside the window.
  await clock(Date.parse('2026-12-01T07:30:00Z'));
  await expect(kiosk).toHaveAttribute('data-board-id', /^(floor|queues|agents)$/);

  // A changed configuration file reloads the kiosk within the poll interval (2 s).
  await page.evaluate(() => ((window as unknown as { __beforeReload: boolean }).__beforeReload = true));
  const navigated = page.waitForEvent('framenavigated', { timeout: 5_000 });
  served = served.replace('"Contact centre — kiosk (e2e)"', '"Contact centre — kiosk (changed)"');
  const changedAt = Date.now();
  // The reload starts within the poll interval (2 s) plus a fetch.
  await navigated;
  expect(Date.now() - changedAt).toBeLessThan(5_000);
  await expect(page).toHaveTitle('Contact centre — kiosk (changed)', { timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { __beforeReload?: boolean }).__beforeReload)).toBeUndefined();
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-last-reload', 'config');
});

test('read-only: no command reaches the broker or the hub, even when the command functions are called directly', async ({ page }) => {
  await page.goto(kioskUrl());
  await waitForData(page);
  for (const source of ['rte', 'gc']) {
    await expect(page.locator(`[data-testid="connection-status"][data-source="${source}"]`).first()).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  }
  const hubBefore = (await sim.hubLog()).connections.flatMap((c) => c.invocations.map((i) => i.target));
  // No control on the screen: nothing focusable, the whole shell is inert.
  expect(await page.getByTestId('kiosk').getAttribute('inert')).not.toBeNull();
  expect(
    await page.evaluate(
      () => [...document.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex]')].filter((e) => !e.closest('[inert]')).length,
    ),
  ).toBe(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  // A click on the health panel's row does not open it.
  await page.locator('[data-testid="connection-status"]').first().click({ force: true });
  expect(await page.locator('[data-testid="kiosk"] details[open]').count()).toBe(0);

  const results = await page.evaluate(async () => {
    const ports = window.__kioskPorts!;
    const outcome = (p: Promise<unknown> | undefined) =>
      p ? p.then(() => 'sent', (e: { code?: string }) => e.code ?? String(e)) : Promise.resolve('no port');
    return {
      sources: Object.keys(ports).sort(),
      gcReady: await outcome(ports.gc?.agentState?.setAgentState({ agentId: 'agent2001', state: 'READY' })),
      gcLogout: await outcome(ports.gc?.agentState?.setAgentState({ agentId: 'agent2002', state: 'LOGOUT', reasonCodeId: '20' })),
      bctReady: await outcome(ports.bct?.agentState?.setAgentState({ agentId: 'anna.berg', state: 'READY' })),
      bctRoute: await outcome(ports.bct?.routeMessage?.routeMessage({ message: 'hello', routerName: 'Sales' })),
    };
  });
  expect(results).toEqual({ sources: ['bct', 'gc', 'rte'], gcReady: 'read-only', gcLogout: 'read-only', bctReady: 'read-only', bctRoute: 'read-only' });
  // Nothing reached the Generic Connector or Business ConneCT (reads only), nor the hub beyond its subscriptions.
  expect(await sim.gcCommands()).toEqual([]);
  expect((await bctSim.commands()).map((c) => (JSON.parse(c.body) as { command: string }).command).filter((c) => c !== 'GetCurrentAlarms')).toEqual([]);
  const hubAfter = (await sim.hubLog()).connections.flatMap((c) => c.invocations.map((i) => i.target));
  expect(hubAfter.filter((t) => !/^(Subscribe|Unsubscribe)/.test(t))).toEqual(hubBefore.filter((t) => !/^(Subscribe|Unsubscribe)/.test(t)));
});
