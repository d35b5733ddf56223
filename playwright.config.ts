import { defineConfig } from '@playwright/test';
import { E2E } from './e2e/ports';

/**
 * End-to-end tests in Debian's Chromium against the simulator and a REAL ActiveMQ
 * (started by e2e/global-setup.ts; reached through the WebSocket relay on 61614).
 * No browser is downloaded: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and executablePath.
 *
 * One simulator and one broker for the whole run, one worker: spec files are isolated by
 * resetting the simulator (`sim.reset()`, POST /sim/control/reset: seeded initial state,
 * paused) before they use it, and move it only through its controls (docs/CONTRACTS.md
 * "Simulator HTTP API"). `retries: 0`: a flaky test is fixed, never retried.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sim = (cmd: string) => `npx tsx ${cmd}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: E2E.appUrl,
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // As a wallboard TV runs it (README "Deployment"): the emergency alert sound may play
        // without a click on the page.
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  webServer: [
    {
      command: sim(`sim/broker-relay.ts --listen ${E2E.relayPort} --target 127.0.0.1:${E2E.activemqStompPort}`),
      port: E2E.relayPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: sim(
        `sim/main.ts --broker ws://127.0.0.1:${E2E.relayPort} --http-port ${E2E.simHttpPort} --hub-port ${E2E.simHubPort} --stomp-port ${E2E.simStompPort}`,
      ),
      url: `${E2E.simHttpUrl}/sim/truth`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${E2E.appPort} --strictPort`,
      url: E2E.appUrl,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SIM_HTTP_URL: E2E.simHttpUrl,
        SIM_HUB_URL: `http://127.0.0.1:${E2E.simHubPort}`,
        SIM_STOMP_URL: `http://127.0.0.1:${E2E.simStompPort}`,
        // Its own pre-bundled libraries, apart from `npm start`'s (e2e/readme-start.spec.ts): vite.config.ts.
        WALLBOARD_VITE_CACHE_DIR: 'node_modules/.vite-e2e',
      },
    },
  ],
});
