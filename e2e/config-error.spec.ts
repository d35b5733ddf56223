import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// Configuration (issue 4 scope 6, issue 5 scope 7): an invalid file shows a page naming the
// wrong field; `?config=<same-origin url>` loads another configuration file. The invalid
// file is written into `public/` (the dev server serves it live) under a random name and
// removed afterwards: `data:` URLs are refused now (config-security.spec.ts).
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

test('an invalid configuration shows which field is wrong', async ({ page }) => {
  const bad = { title: 'Bad', sources: { gc: { brokerUrls: [], supervisorLoginId: 'sup9001' } }, flushIntervalMs: 'fast' };
  const name = `e2e-${randomBytes(6).toString('hex')}.json`;
  await writeFile(join(PUBLIC, name), JSON.stringify(bad));
  try {
    await page.goto(`/?config=/${name}`);
    const err = page.getByTestId('config-error');
    await expect(err).toBeVisible();
    await expect(err).toHaveAttribute('data-reason', 'invalid');
    await expect(page.getByTestId('config-error-file')).toHaveText(new RegExp(`/${name}$`));
    await expect(err).toContainText('sources.gc.brokerUrls');
    await expect(err).toContainText('flushIntervalMs');
    await expect(page.getByTestId('agent-tile')).toHaveCount(0);
  } finally {
    await rm(join(PUBLIC, name), { force: true });
  }
});

test('?config= loads another configuration file', async ({ page }) => {
  await page.goto('/?config=/config.activemq.json');
  await expect(page.getByText('Contact centre — simulator on a real ActiveMQ').first()).toBeVisible();
  await expect(page.getByTestId('config-error')).toHaveCount(0);
});
