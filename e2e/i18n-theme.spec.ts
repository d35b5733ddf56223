import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './ports';
import { expectAllLive, gcTile, resetPausedForEachTest, sim, waitForRoster } from './sim-client';

// Issue 5, acceptance 4: `?lang=de` renders the supervisor board and the kiosk in German
// (every word from the `de` catalogues: `<html data-i18n-missing="0">` counts any key the
// page asked for that `de` lacks), and `?theme=light` switches the theme tokens.
// Deterministic: the model is reset and paused, and one GC agent is put into Not Ready
// (Lunch) and one into Ready through the simulator's controls, so the state words checked
// below are on the board whatever the seed does.

/** Agents put into a known state before each test. */
const NOT_READY_AGENT = 'agent2005';
const READY_AGENT = 'agent2006';

/** English UI words that must not appear on a German board (vendor data never contains them as whole words). */
const ENGLISH_UI_WORDS = [
  /\bQueues\b/,
  /\bAgents\b/,
  /\bWaiting\b/,
  /\bLongest wait\b/,
  /\bNot Ready\b/,
  /\bNot ready\b/,
  /\bTalking\b/,
  /\bWrap-up\b/,
  /\bConnections\b/,
  /\bLive\b/,
  /\bAll\b/,
  /\bLogged out\b/,
  /\bSimulator controls\b/,
];

/** Opens a board and waits until every source is live and the whole roster is shown. */
async function openBoard(page: Page, path: string, query: string): Promise<void> {
  await page.goto(`${path}?config=${E2E.activemqConfig}${query}`);
  await expectAllLive(page);
  await waitForRoster(page);
  await expect(gcTile(page, NOT_READY_AGENT)).toHaveAttribute('data-state', 'NOT_READY');
  await expect(gcTile(page, READY_AGENT)).toHaveAttribute('data-state', 'READY');
}

/** Checks the German board: `<html lang>`, German words present, no English UI word, no missing key. */
async function expectGerman(page: Page, board: Locator): Promise<void> {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'de');
  await expect(gcTile(page, NOT_READY_AGENT).getByTestId('agent-state-label')).toHaveText('Nicht bereit');
  await expect(gcTile(page, NOT_READY_AGENT).getByTestId('agent-reason')).toHaveText('Lunch'); // vendor text, as sent
  await expect(gcTile(page, READY_AGENT).getByTestId('agent-state-label')).toHaveText('Bereit');
  const firstQueue = board.getByTestId('queue-tile').first();
  await expect(firstQueue.getByTestId('queue-calls-waiting')).toContainText('Wartende Anrufe');
  await expect(firstQueue.getByTestId('queue-longest-waiting')).toContainText('Längste Wartezeit');
  await expect(board.locator('#queues-title')).toContainText('Warteschlangen');
  await expect(board.locator('#health-title')).toContainText('Verbindungsstatus');
  await expect(board.getByTestId('connection-status').first()).toContainText('Verbunden');

  const text = await board.innerText();
  for (const word of ENGLISH_UI_WORDS) expect(text, `English UI word ${word} on the German board`).not.toMatch(word);
  await expect(html).toHaveAttribute('data-i18n-missing', '0');
}

test.describe('language and theme', () => {
  resetPausedForEachTest();
  test.beforeEach(async () => {
    await sim.forceAgentState(NOT_READY_AGENT, 'NOT_READY', '2');
    await sim.forceAgentState(READY_AGENT, 'READY');
  });

  test('English is the default', async ({ page }) => {
    await openBoard(page, '/', '');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(gcTile(page, NOT_READY_AGENT).getByTestId('agent-state-label')).toHaveText('Not Ready');
    await expect(page.getByTestId('queue-tile').first().getByTestId('queue-calls-waiting')).toContainText('Waiting');
    await expect(page.locator('html')).toHaveAttribute('data-i18n-missing', '0');
  });

  test('?lang=de renders the supervisor board in German', async ({ page }) => {
    await openBoard(page, '/', '&lang=de');
    const board = page.getByTestId('supervisor-board');
    await expect(board.getByTestId('simulator-link')).toHaveText('Simulator-Steuerung');
    await expect(board.getByTestId('agent-search')).toHaveAttribute('placeholder', 'Name, ID, Nebenstelle, Team suchen');
    // Open every connection row so its details are rendered (and their keys requested) too.
    for (const summary of await board.getByTestId('connection-status').all()) await summary.click();
    await expect(board.locator('details[open]').first()).toContainText('Letzte Nachricht');
    await expectGerman(page, board);
  });

  test('?lang=de renders the kiosk in German, without the simulator link', async ({ page }) => {
    await openBoard(page, '/kiosk', '&lang=de');
    const board = page.getByTestId('kiosk-board');
    await expect(board).toBeVisible();
    await expect(page.getByTestId('simulator-link')).toHaveCount(0);
    await expectGerman(page, board);
  });

  test('?theme=light switches <html data-theme> and the colours', async ({ page }) => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`/?config=${E2E.activemqConfig}`);
    await expect(page.getByTestId('supervisor-board')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await background();

    await page.goto(`/kiosk?config=${E2E.activemqConfig}&theme=light`);
    await expect(page.getByTestId('kiosk-board')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const light = await background();
    expect(light).not.toBe(dark);

    await page.goto(`/?config=${E2E.activemqConfig}&theme=light`);
    await expect(page.getByTestId('supervisor-board')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe(light);
  });
});
