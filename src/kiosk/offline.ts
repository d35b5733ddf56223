import { createLogger } from '../lib/logger';

const log = createLogger('kiosk');

/**
 * Registers the offline app shell's service worker (issue 14 scope 5; `vite.config.ts`
 * VitePWA: precached app shell, navigations answered with index.html, the last good
 * configuration kept network-first) through workbox-window, in its own chunk. Only in the
 * production build and where the browser has service workers: dev, vitest and the e2e dev
 * server never get one.
 */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  import('workbox-window')
    .then(({ Workbox }) => new Workbox(`${import.meta.env.BASE_URL}sw.js`).register())
    .catch((e: unknown) => log.warn(`offline app shell not registered: ${String(e)}`));
}
