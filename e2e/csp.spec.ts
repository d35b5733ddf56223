import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, framedAgentPolicy, simCilHostOrigins } from '../csp.config';
import { E2E } from './ports';
import { sim } from './sim-client';

/**
 * The production build under the deployment's strict Content Security Policy with Trusted
 * Types (issue 15 "Security posture", acceptance 2; csp.config.ts, docs/DEPLOYMENT.md): the
 * spec builds the app, serves it with `vite preview` (which sends the headers,
 * vite.config.ts `securityHeaders`) proxied to the e2e simulator, and opens every view —
 * the supervisor board (RTE, GC with teams, Business ConneCT with routers and web chat), the
 * kiosk, the GC agent desk and the CIL agent desk — with live data. No
 * `securitypolicyviolation` event and no console CSP / Trusted Types error may occur; the
 * header must be there and enforced (a script the test injects does not run).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.tmp', 'csp-dist');
const BASE = `http://127.0.0.1:${E2E.cspPreviewPort}`;

let close: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // vite.config.ts reads these when it is loaded (by build and by preview): proxy to the e2e simulator.
  process.env.SIM_HTTP_URL = E2E.simHttpUrl;
  process.env.SIM_HUB_URL = `http://127.0.0.1:${E2E.simHubPort}`;
  process.env.SIM_STOMP_URL = `http://127.0.0.1:${E2E.simStompPort}`;
  delete process.env.WALLBOARD_PREVIEW_CSP;
  const { build, preview } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, sourcemap: false } });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir: OUT }, preview: { port: E2E.cspPreviewPort, strictPort: true, host: '127.0.0.1' } });
  close = () => new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  await sim.reset({ paused: false });
});

test.afterAll(async () => {
  await close?.();
});

interface Seen {
  violations: string[];
  console: string[];
}

/** Records CSP violations (in the page, from its first script on) and CSP / Trusted Types console errors. */
async function watch(page: Page): Promise<Seen> {
  const seen: Seen = { violations: [], console: [] };
  await page.exposeFunction('__reportViolation', (v: string) => void seen.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(m.text())) seen.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (/Trusted|Content Security Policy|EvalError/i.test(String(e))) seen.console.push(`pageerror: ${String(e)}`);
  });
  return seen;
}

const VIEWS: ReadonlyArray<{ name: string; path: string; ready: string }> = [
  { name: 'supervisor board (RTE, GC teams, BCT routers)', path: `/?config=${E2E.activemqConfig}&team=5`, ready: '[data-testid="connection-status"][data-source="bct"][data-status="live"]' },
  { name: 'kiosk', path: `/kiosk?config=${E2E.activemqConfig}`, ready: '[data-testid="kiosk-board"] [data-testid="queue-tile"]' },
  { name: 'GC agent desk', path: `/agent?config=${E2E.activemqConfig}`, ready: '[data-testid="gc-agent-desk"]' },
  { name: 'CIL agent desk', path: '/agent?config=/config.cil-e2e.json', ready: '[data-testid="agent-desk"], [data-testid="connection-status"][data-source="cil"]' },
  { name: 'web chat board', path: '/?config=/config.chat.json', ready: '[data-testid="connection-status"][data-source="bct"][data-status="live"]' },
  { name: 'board editor', path: `/boards?config=${E2E.activemqConfig}`, ready: '[data-testid="board-editor"]' },
  { name: 'trend board (chart chunk)', path: '/?config=/config.trends.json&board=trend', ready: '[data-testid="trend"]' },
  { name: 'TV kiosk shell with rotation (service worker registered)', path: '/kiosk?config=/config.kiosk-e2e.json', ready: '[data-testid="kiosk"] [data-testid="panel"]' },
];

test('every view of the production build runs under the strict CSP and Trusted Types with no violation', async ({ page }) => {
  const seen = await watch(page);
  for (const v of VIEWS) {
    const res = await page.goto(`${BASE}${v.path}`);
    // `/agent` may be framed by the simulator's CIL host page (DEPLOYMENT.md "frame-ancestors"); nothing else.
    const policy = v.path.startsWith('/agent') ? framedAgentPolicy(simCilHostOrigins(E2E.simHttpUrl)) : CONTENT_SECURITY_POLICY;
    expect(res?.headers()['content-security-policy'], v.name).toBe(policy);
    await expect(page.locator(v.ready).first(), v.name).toBeVisible({ timeout: 15_000 });
    // the supervisor's lazy chunks (commands, toaster, charts) and the live data have arrived
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect(seen.violations, v.name).toEqual([]);
    expect(seen.console, v.name).toEqual([]);
  }
  // The toaster's stylesheet is a file, not an inline <style>: the supervisor board has no <style> element at all.
  await page.goto(`${BASE}/?config=${E2E.activemqConfig}`);
  await expect(page.locator('[data-testid="queue-tile"]').first()).toBeVisible({ timeout: 15_000 });
  expect(await page.locator('style').count()).toBe(0);
  expect(await page.locator('[data-sonner-toaster], section[aria-label*="Notifications"]').count()).toBeGreaterThan(0);
  expect(seen.violations).toEqual([]);
});

test('the headers are sent and the policy is enforced: an injected inline script does not run', async ({ page }) => {
  const res = await page.goto(`${BASE}/kiosk?config=${E2E.activemqConfig}`);
  const headers = res?.headers() ?? {};
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
  await expect(page.locator('[data-testid="kiosk-board"]')).toBeVisible({ timeout: 15_000 });
  const violations: string[] = [];
  await page.exposeFunction('__violation', (d: string) => void violations.push(d));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violation(d: string): void }).__violation(e.effectiveDirective)));
  const outcome = await page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: number; __attrRan?: number };
    const results: string[] = [];
    try {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = 1';
      document.body.append(s);
      results.push('script appended');
    } catch (e) {
      results.push(`script refused: ${(e as Error).name}`);
    }
    try {
      const d = document.createElement('div');
      d.innerHTML = '<img src=x onerror="window.__attrRan=1">';
      document.body.append(d);
      results.push('innerHTML set');
    } catch (e) {
      results.push(`innerHTML refused: ${(e as Error).name}`);
    }
    return { results, inlineRan: w.__inlineRan, attrRan: w.__attrRan };
  });
  // Trusted Types refuses both string sinks outright; were they allowed, script-src would still block the script.
  expect(outcome.results).toEqual(['script refused: TypeError', 'innerHTML refused: TypeError']);
  expect(outcome.inlineRan).toBeUndefined();
  expect(outcome.attrRan).toBeUndefined();
  await expect.poll(() => violations).toContain('require-trusted-types-for');
});
