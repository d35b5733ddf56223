import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';
import { resetPausedForEachTest, sim } from './sim-client';

/**
 * Designed boards (issue 13, acceptance 1 and 2): a board built in the editor, exported and
 * imported into a fresh browser profile renders the same panels with the same data; a
 * threshold crossing driven by a simulator control shows critical within a second, flashing,
 * with the threshold sound playing, and nothing playing once muted on the desk.
 * The simulator is paused (seeded state): figures move only through its controls.
 */
resetPausedForEachTest();

const cfg = `config=${E2E.activemqConfig}`;

/** The panels of a designed board, as `type:id`. */
const panelsOf = (page: Page) =>
  page.locator('[data-testid="board-grid"] [data-testid="panel"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-panel-type')}:${e.getAttribute('data-panel-id')}`));

/** What a board shows that does not tick: queue tiles with their calls waiting, KPI figures but the ticking wait. */
const dataOf = (page: Page) =>
  page.locator('[data-testid="board-grid"]').evaluate((grid) => ({
    queues: [...grid.querySelectorAll('[data-testid="queue-tile"]')].map(
      (t) => `${t.getAttribute('data-queue-id')}=${t.querySelector('[data-stat="callsWaiting"]')?.getAttribute('data-value')}`,
    ),
    kpi: [...grid.querySelectorAll('[data-testid="kpi"]')]
      .filter((k) => k.getAttribute('data-stat') !== 'longestWaitingSec')
      .map((k) => `${k.getAttribute('data-stat')}=${k.getAttribute('data-value')}:${k.getAttribute('data-severity')}`),
  }));

test('a board built in the editor (three panels, a queue filter, a threshold), exported and imported in a fresh profile, renders the same panels and data', async ({ page, browser }) => {
  await page.goto(`/boards?${cfg}`);
  await expect(page.getByTestId('board-editor')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('editor-new').click();
  await page.getByTestId('editor-board-id').fill('e2e-built');
  await page.getByTestId('editor-board-title').fill('Built in e2e');
  for (const type of ['queues', 'kpi', 'agents']) {
    await page.getByTestId('editor-add-type').selectOption(type);
    await page.getByTestId('editor-add-panel').click();
  }
  await expect(page.getByTestId('editor-panel')).toHaveCount(3);
  // A queue filter on the queues panel (typed, applied when the field is left).
  const queues = page.locator('[data-testid="editor-panel"][data-panel-type="queues"]');
  await queues.getByTestId('editor-filter-queues').fill('Sales, Support');
  await queues.getByTestId('editor-filter-queues').blur();
  // A threshold on the KPI panel: calls waiting critical at 1000, flashing.
  const kpi = page.locator('[data-testid="editor-panel"][data-panel-type="kpi"]');
  await kpi.getByTestId('editor-threshold-stat').fill('callsWaiting');
  await kpi.getByTestId('editor-add-threshold').click();
  await kpi.getByTestId('editor-threshold-critical').fill('1000');
  await kpi.getByTestId('editor-threshold-critical-flash').check();
  // Moved by keyboard: the agents panel below the others.
  const agents = page.locator('[data-testid="editor-panel"][data-panel-type="agents"]');
  await agents.getByTestId('editor-panel-y').fill('4');
  await agents.getByTestId('editor-panel-x').fill('0');
  await agents.getByTestId('editor-panel-w').fill('12');
  await expect(page.getByTestId('editor-errors')).toHaveCount(0);
  // The live preview shows the three panels with data.
  await expect(page.locator('[data-testid="editor-preview"] [data-testid="panel"]')).toHaveCount(3);
  await expect(page.locator('[data-testid="editor-preview"] [data-testid="queue-tile"]')).toHaveCount(2, { timeout: 10_000 });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('editor-export').click();
  const file = await (await downloading).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { id: string; panels: { type: string; filters: { queues?: string[] }; thresholds: Record<string, unknown> }[] };
  expect(exported.id).toBe('e2e-built');
  expect(exported.panels.map((p) => p.type)).toEqual(['queues', 'kpi', 'agents']);
  expect(exported.panels[0]!.filters.queues).toEqual(['Sales', 'Support']);
  expect(exported.panels[1]!.thresholds).toEqual({ callsWaiting: { critical: { value: 1000, flash: true } } });

  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-notice')).toContainText('e2e-built');
  await page.goto(`/?${cfg}&board=e2e-built`);

  // A fresh browser profile: nothing saved; the file imported in its editor.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(`/boards?${cfg}`);
  await expect(other.getByTestId('board-editor')).toBeVisible({ timeout: 10_000 });
  await other.getByTestId('editor-import').setInputFiles(file);
  await expect(other.getByTestId('editor-board-id')).toHaveValue('e2e-built');
  await expect(other.getByTestId('editor-import-errors')).toHaveCount(0);
  await other.getByTestId('editor-save').click();
  await other.goto(`/?${cfg}&board=e2e-built`);

  for (const p of [page, other]) {
    await expect(p.locator('[data-testid="board-grid"]')).toHaveAttribute('data-board-id', 'e2e-built');
    await expect(p.locator('[data-testid="board-grid"] [data-testid="queue-tile"]')).toHaveCount(2, { timeout: 10_000 });
    await expect(p.locator('[data-testid="kpi"][data-stat="callsWaiting"]')).toHaveAttribute('data-severity', 'ok');
  }
  expect(await panelsOf(other)).toEqual(await panelsOf(page));
  expect(await panelsOf(page)).toEqual(['queues:queues-1', 'kpi:kpi-2', 'agents:agents-3']);
  await expect.poll(async () => JSON.stringify(await dataOf(other)), { timeout: 8_000 }).toBe(JSON.stringify(await dataOf(page)));
  const shown = await dataOf(page);
  expect(shown.queues.map((q) => q.split('=')[0]).sort()).toEqual(['Sales', 'Support']);
  await fresh.close();
});

test('a threshold crossing in the simulator shows critical within a second, flashing, with the sound playing; muted on the desk it plays nothing', async ({ page }) => {
  const truth = await sim.truth();
  const notReady = truth.gc.agents.filter((a) => a.state === 'NOT_READY').length;
  const target = truth.gc.agents.find((a) => a.state === 'READY');
  expect(target, 'the seeded model has a Ready GC agent').toBeDefined();
  const board = {
    id: 'e2e-crit',
    title: 'Crossing',
    columns: 12,
    rows: 12,
    flashWithReducedMotion: true,
    panels: [
      {
        id: 'k',
        type: 'kpi',
        layout: { x: 0, y: 0, w: 12, h: 6 },
        filters: { sources: ['gc'] },
        thresholds: { agentsNotReady: { critical: { value: notReady + 1, flash: true, sound: true } } },
      },
    ],
  };
  await page.addInitScript((b) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('wallboard.boards.v1', JSON.stringify([b]));
      localStorage.removeItem('wallboard.thresholdSound.v1');
      sessionStorage.setItem('seeded', '1');
    }
  }, board);
  await page.goto(`/?${cfg}&board=e2e-crit`);
  const figure = page.locator('[data-testid="kpi"][data-stat="agentsNotReady"]');
  const sound = page.getByTestId('threshold-sound');
  // The GC roster arrives with its next TeamUsersList (every 5 s at most).
  await expect(figure).toHaveAttribute('data-value', String(notReady), { timeout: 8_000 });
  await expect(figure).toHaveAttribute('data-severity', 'ok');
  await expect(sound).toHaveAttribute('data-rings', '0');

  await sim.forceAgentState(target!.id, 'NOT_READY', '1');
  await expect(figure).toHaveAttribute('data-severity', 'critical', { timeout: 1_000 });
  await expect(figure).toHaveAttribute('data-flash', 'true');
  expect(await figure.evaluate((el) => getComputedStyle(el).animationName)).toBe('figure-flash');
  await expect(figure).toContainText(/alarm/i);
  await expect(sound).toHaveAttribute('data-rings', '1');
  await expect(sound).toHaveAttribute('data-plays', '1');

  // Muted on the desk (by keyboard): the next crossing asks for the sound and nothing plays.
  await page.getByTestId('threshold-mute').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('threshold-mute')).toHaveAttribute('aria-pressed', 'true');
  await expect(sound).toHaveAttribute('data-muted', 'true');
  await sim.forceAgentState(target!.id, 'READY');
  await expect(figure).toHaveAttribute('data-severity', 'ok', { timeout: 1_000 });
  await sim.forceAgentState(target!.id, 'NOT_READY', '1');
  await expect(figure).toHaveAttribute('data-severity', 'critical', { timeout: 1_000 });
  await expect(sound).toHaveAttribute('data-rings', '2');
  await expect(sound).toHaveAttribute('data-plays', '1');
  expect(await sound.evaluate((el) => (el as HTMLAudioElement).paused)).toBe(true);
});

test('a share link from the editor opens exactly that board on a kiosk; a tampered link is refused with the reason', async ({ page }) => {
  await page.goto(`/boards?${cfg}`);
  await expect(page.getByTestId('board-editor')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('editor-new').click();
  await page.getByTestId('editor-board-id').fill('e2e-shared');
  await page.getByTestId('editor-add-type').selectOption('kpi');
  await page.getByTestId('editor-add-panel').click();
  await page.getByTestId('editor-share').click();
  const link = await page.getByTestId('editor-share-link').inputValue();
  const u = new URL(link);
  expect(u.pathname).toMatch(/\/kiosk$/);
  expect(u.searchParams.get('boardData')).toMatch(/^[A-Za-z0-9_-]+$/);

  await page.goto(`/kiosk?${cfg}&boardData=${u.searchParams.get('boardData')}`);
  await expect(page.locator('[data-testid="board-grid"]')).toHaveAttribute('data-board-id', 'e2e-shared');
  await expect(page.locator('[data-testid="panel"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="panel"]')).toHaveAttribute('data-panel-type', 'kpi');
  await expect(page.getByTestId('threshold-mute')).toHaveCount(0);

  await page.goto(`/kiosk?${cfg}&boardData=AAAA${u.searchParams.get('boardData')}`);
  await expect(page.getByTestId('board-missing')).toBeVisible();
  await expect(page.getByTestId('board-problems')).toContainText('boardData');
});
