import { expect, test } from '@playwright/test';
import { resetPausedForEachTest, sim } from './sim-client';

/**
 * Issue 7 acceptance 4: with 20-second tokens the wallboard stays live across forced
 * reconnects, and every reconnect fetches a new token and subscribes again (checked on the
 * hub side: each connection opened with a token of its own, valid when it opened, and
 * invoked Subscribe). Real time must pass for tokens to expire, so this spec waits the
 * issue's two minutes (`RTE_TOKEN_SOAK_MS`, default 120,000 ms; a shorter value for a quick
 * local run).
 */
const SIM = 'http://127.0.0.1:18788';
const TTL_SEC = 20;
const SOAK_MS = Number(process.env['RTE_TOKEN_SOAK_MS'] ?? 120_000);
const Q1 = 'c0ffee00-0000-4000-8000-000000000001';

async function control(what: string, body?: unknown): Promise<void> {
  const res = await fetch(`${SIM}/sim/control/${what}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
}

test.describe('RTE with short-lived tokens', () => {
  resetPausedForEachTest();
  test.afterAll(async () => {
    await control('token-ttl', { ttlSec: 120 });
  });

  test('stays live across forced reconnects; every reconnect has a fresh token and re-subscribes', async ({ page }) => {
    test.setTimeout(SOAK_MS + 60_000);
    // Only connections opened from here on are this page's: the previous spec's page, closed
    // by now, may have opened one seconds ago with a token of the default lifetime.
    const ttlSetAt = Date.now();
    await control('token-ttl', { ttlSec: TTL_SEC });
    await page.goto('/?config=/config.rte-full.json');
    const status = page.locator('[data-testid="connection-status"][data-source="rte"]').first();
    await expect(status).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
    const started = Date.now();
    let drops = 0;
    while (Date.now() - started < SOAK_MS) {
      // Let the current token expire, then cut every connection: the reconnect needs a new one.
      await page.waitForTimeout((TTL_SEC + 2) * 1000);
      await control('drop-connections');
      drops += 1;
      await expect(status).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
      // live means data flows: a step moves the queue's figures on the board
      await sim.step({ seconds: 5 });
      const truth = await sim.truth();
      const q = truth.rte.queues.find((x) => x.id === Q1)!;
      await expect(page.locator(`[data-testid="queue-tile"][data-queue-id="${Q1}"] [data-stat="callsWaiting"]`)).toHaveAttribute('data-value', String(q.callsWaiting));
    }
    expect(drops).toBeGreaterThanOrEqual(2);
    const log = await sim.hubLog();
    const conns = (log.connections as { id: string; openedAt: number; tokenId?: string; tokenExp?: number; invocations: { target: string }[] }[]).filter((c) => c.openedAt >= ttlSetAt);
    expect(conns.length).toBeGreaterThanOrEqual(drops + 1);
    const tokens = new Set(conns.map((c) => c.tokenId));
    expect(tokens.size, 'a token of its own per connection').toBe(conns.length);
    for (const c of conns) {
      expect(c.tokenExp! - c.openedAt, 'the token was valid when the connection opened, and lives 20 s').toBeGreaterThan(0);
      expect(c.tokenExp! - c.openedAt).toBeLessThanOrEqual(TTL_SEC * 1000 + 1_000);
      expect(c.invocations.some((i) => i.target === 'Subscribe'), `connection ${c.id} subscribed`).toBe(true);
    }
    // later connections opened after the first token had expired: they could only with a new token
    expect(conns.some((c) => c.openedAt > conns[0]!.tokenExp!)).toBe(true);
  });
});
