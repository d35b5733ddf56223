import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS, framedAgentPolicy, simCilHostOrigins } from './csp.config.ts';

/**
 * `vite preview` serves the production build with the deployment's security headers
 * (csp.config.ts; docs/DEPLOYMENT.md), so the build is tested as it will run: a strict CSP
 * with Trusted Types (e2e/csp.spec.ts). `WALLBOARD_PREVIEW_CSP=off` leaves them out (the
 * browser benchmark's vanilla reference page has an inline style). The dev server sends
 * none: Vite's dev client injects styles and scripts inline.
 *
 * `/agent` may be framed by the CIL bridge's host page, as DEPLOYMENT.md "frame-ancestors"
 * tells a deployment to allow: here the simulator's ServiceNow UI Page (`SIM_HTTP`, under
 * both of its local names), which `npm start` serves the desk to.
 */
function securityHeaders(): Plugin {
  return {
    name: 'wallboard-security-headers',
    configurePreviewServer(server) {
      if (process.env.WALLBOARD_PREVIEW_CSP === 'off') return;
      const agentCsp = framedAgentPolicy(simCilHostOrigins(SIM_HTTP));
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        if (/^\/agent\/?(\?|$)/.test(req.url ?? '')) res.setHeader('Content-Security-Policy', agentCsp);
        next();
      });
    },
  };
}

/**
 * The dev server answers `/sw.js` with a worker that removes itself: a browser that ran the
 * production build on the same address (`npm start`, whose kiosk registers the offline app
 * shell) would otherwise keep answering `npm run dev`'s pages from that build's cache. The
 * browser checks the worker's script on navigation, installs this one, which unregisters and
 * reloads its pages from the dev server.
 */
function devServiceWorkerKillSwitch(): Plugin {
  const body = [
    "self.addEventListener('install', () => self.skipWaiting());",
    "self.addEventListener('activate', (event) => event.waitUntil(self.registration.unregister()",
    "  .then(() => self.clients.matchAll({ type: 'window' }))",
    '  .then((clients) => Promise.all(clients.map((c) => c.navigate(c.url))))));',
  ].join('\n');
  return {
    name: 'wallboard-dev-sw-kill-switch',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/sw.js') return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
    },
  };
}

/**
 * sonner (toasts) injects its stylesheet as an inline `<style>` element when its module is
 * evaluated, which `style-src 'self'` refuses (a CSP violation on the supervisor board). The
 * build drops that one call; the app imports the same rules from `sonner/dist/styles.css`
 * (src/app/supervisor.tsx), which Vite emits as a CSS file of its own.
 */
function sonnerWithoutInlineStyle(): Plugin {
  return {
    name: 'wallboard-sonner-without-inline-style',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]sonner[\\/]dist[\\/]index\.m?js$/.test(id)) return null;
      const out = code.replace(/^__insertCSS\(/m, 'void (');
      if (out === code) this.error('sonner no longer calls __insertCSS at the top level: check how it injects its styles (CSP style-src)');
      return { code: out, map: null };
    },
  };
}

/**
 * The simulator's ports (sim/ports.ts). The dev and preview servers proxy the vendor
 * endpoints so the demo board is same-origin; a production board points its
 * configuration at the real vendor URLs instead.
 */
const SIM_HTTP = process.env.SIM_HTTP_URL ?? 'http://127.0.0.1:8788';
const SIM_HUB = process.env.SIM_HUB_URL ?? 'http://127.0.0.1:8790';
const SIM_STOMP = process.env.SIM_STOMP_URL ?? 'http://127.0.0.1:8791';

const proxy = {
  '/sim': { target: SIM_HTTP },
  '/api': { target: SIM_HTTP },
  '/rte': { target: SIM_HUB, ws: true },
  '/stomp': { target: SIM_STOMP, ws: true },
};

export default defineConfig({
  // The e2e dev server keeps its pre-bundled libraries apart (playwright.config.ts sets
  // WALLBOARD_VITE_CACHE_DIR): a developer's `npm run dev` beside it would otherwise re-bundle
  // the same folder under it, and a page could then load two copies of React.
  ...(process.env.WALLBOARD_VITE_CACHE_DIR ? { cacheDir: process.env.WALLBOARD_VITE_CACHE_DIR } : {}),
  plugins: [
    react(),
    securityHeaders(),
    devServiceWorkerKillSwitch(),
    sonnerWithoutInlineStyle(),
    // The TV kiosk's offline app shell (issue 14 scope 5): a Workbox service worker built with
    // the production bundle only (never in dev or vitest) and registered by the kiosk
    // (`src/kiosk/offline.ts`). It precaches the app shell, answers navigations with
    // index.html, and keeps the last good configuration file (network first), so a reload
    // while the web server is down still starts the board, which then reconnects on its own.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: 'index.html',
        // Vendor and simulator endpoints are never served from the cache; nor is the agent
        // desk, whose page carries its own frame-ancestors (the CIL host frames it: a cached
        // index.html would bring the kiosk's `frame-ancestors 'none'` and be refused). Workbox
        // matches these against path and query.
        navigateFallbackDenylist: [/^\/(sim|api|rte|stomp|agent)([/?]|$)/],
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/config[^/]*\.json$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'wallboard-config', networkTimeoutSeconds: 5, expiration: { maxEntries: 8 } },
          },
        ],
        // One self-contained sw.js: the worker runs under the same CSP (Trusted Types), where
        // importScripts() of a separate Workbox runtime file would be refused.
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: {
    proxy,
    // A cold `npm start` must show live data within seconds of the first page load (README
    // command 1, e2e/readme-start.spec.ts). Libraries imported only by lazy chunks (the
    // protocol clients, react-query, sonner, virtualisation) would otherwise be discovered by
    // the dependency optimiser after the page starts, which re-bundles and reloads the page.
    warmup: { clientFiles: ['./src/main.tsx', './src/app/*.tsx', '!./src/**/*.test.tsx', './src/connectors/*/index.ts'] },
  },
  // Every library a lazy chunk imports is pre-bundled at start: discovered later (first import),
  // the optimiser re-bundles, and a page already running then holds two copies of React
  // (recharts' hooks failed with "Cannot read properties of null (reading 'useContext')" when
  // the trend board was the first page to load it, late in the e2e run).
  optimizeDeps: {
    include: [
      '@microsoft/signalr',
      '@stomp/stompjs',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
      'sonner',
      'lucide-react',
      'date-fns',
      '@date-fns/tz',
      'recharts',
      'react-grid-layout',
      'workbox-window',
    ],
  },
  preview: { proxy },
  build: {
    target: 'es2022',
    sourcemap: true,
    // dist/.vite/manifest.json: the chunk graph scripts/bundle-budget.mjs measures the kiosk's
    // eager JavaScript from (docs/PERFORMANCE.md "Kiosk bundle budget").
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached on a
        // wall of screens across app releases. The kiosk loads only the entry and its static
        // imports, so no group may pull a supervisor-only library into them: react-query and
        // sonner (the agents' commands, toasts) get a chunk of their own, loaded with the
        // supervisor's lazy chunks, and `vendor` takes only libraries the entry imports
        // statically (`$initial`); any other lazily used library stays with its lazy chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'protocols', test: /node_modules[\\/](@microsoft[\\/]signalr|@stomp[\\/]stompjs)[\\/]/ },
            { name: 'commands', test: /node_modules[\\/](@tanstack[\\/](react-query|query-core)|sonner)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
