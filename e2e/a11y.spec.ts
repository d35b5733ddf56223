import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { E2E } from './ports';

/**
 * Accessibility (issue 13, acceptance 5): axe finds no serious or critical violation on each
 * page, in both themes and both languages (one page load per combination). PAGES is the list
 * of pages every new view joins.
 */
const PAGES: readonly { readonly name: string; readonly path: string; readonly ready: string }[] = [
  { name: 'supervisor board', path: '/', ready: '[data-testid="supervisor-board"]' },
  { name: 'kiosk', path: '/kiosk', ready: '[data-testid="kiosk-board"]' },
  { name: 'agent view', path: '/agent', ready: 'main, [role="main"], h1' },
  { name: 'board editor', path: '/boards', ready: '[data-testid="board-editor"]' },
];
const THEMES = ['dark', 'light'] as const;
const LANGS = ['en', 'de'] as const;

for (const p of PAGES) {
  for (const theme of THEMES) {
    for (const lang of LANGS) {
      test(`${p.name} (${theme}, ${lang}) has no serious or critical axe violation`, async ({ page }) => {
        await page.goto(`${p.path}?config=${E2E.activemqConfig}&theme=${theme}&lang=${lang}`);
        await expect(page.locator(p.ready).first()).toBeVisible({ timeout: 15_000 });
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(bad, bad.join('\n')).toEqual([]);
      });
    }
  }
}
