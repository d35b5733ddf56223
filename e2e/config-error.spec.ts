import { expect, test } from '@playwright/test';

// Configuration (issue scope 6): an invalid file shows a page naming the wrong field;
// `?config=<url>` loads another configuration file.
test('an invalid configuration shows which field is wrong', async ({ page }) => {
  const bad = { title: 'Bad', sources: { gc: { brokerUrls: [], supervisorLoginId: 'sup9001' } }, flushIntervalMs: 'fast' };
  await page.goto(`/?config=${encodeURIComponent(`data:application/json,${JSON.stringify(bad)}`)}`);
  const err = page.getByTestId('config-error');
  await expect(err).toBeVisible();
  await expect(err).toContainText('sources.gc.brokerUrls');
  await expect(err).toContainText('flushIntervalMs');
  await expect(page.getByTestId('agent-tile')).toHaveCount(0);
});

test('?config= loads another configuration file', async ({ page }) => {
  await page.goto('/?config=/config.activemq.json');
  await expect(page.getByText('Contact centre — simulator on a real ActiveMQ').first()).toBeVisible();
});
