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
    .then(({ Workbox }) => new Workbox(serviceWorkerUrl() as ConstructorParameters<typeof Workbox>[0]).register())
    .catch((e: unknown) => log.warn(`offline app shell not registered: ${String(e)}`));
}

/** The Trusted Types policy name the deployment's CSP allows (`trusted-types wallboard-sw`, csp.config.ts). */
export const SERVICE_WORKER_POLICY = 'wallboard-sw';

/** A Trusted Types script URL (the DOM type; TypeScript's DOM library does not declare it yet). */
export type ScriptUrl = string | { readonly __brand?: 'TrustedScriptURL'; toString(): string };

/** The `trustedTypes` global of browsers that have it (absent elsewhere). */
interface TrustedTypesGlobal {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): ScriptUrl };
}

/**
 * The service worker's address for `navigator.serviceWorker.register`, a Trusted Types sink:
 * under the deployment's CSP (`require-trusted-types-for 'script'`) a plain string is refused,
 * so where the browser has Trusted Types the address goes through the one policy the CSP names,
 * which accepts exactly this app's `sw.js` and throws for anything else.
 * @throws TypeError from the policy when asked for another URL (never, as called here)
 */
export function serviceWorkerUrl(): ScriptUrl {
  const url = `${import.meta.env.BASE_URL}sw.js`;
  const tt = (globalThis as { trustedTypes?: TrustedTypesGlobal }).trustedTypes;
  if (!tt) return url;
  const policy = tt.createPolicy(SERVICE_WORKER_POLICY, {
    createScriptURL: (u) => {
      if (u !== url) throw new TypeError(`${SERVICE_WORKER_POLICY}: only ${url} may be registered`);
      return u;
    },
  });
  return policy.createScriptURL(url);
}
