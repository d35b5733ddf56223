/**
 * The security headers a wallboard deployment sends (docs/DEPLOYMENT.md "Headers"), in one
 * place: `vite preview` sends them (vite.config.ts, plugin `securityHeaders`), the CSP
 * end-to-end test (e2e/csp.spec.ts) checks them, and the nginx example in DEPLOYMENT.md
 * copies them.
 *
 * The Content Security Policy allows only the app's own files: no inline script or style,
 * no eval (zod runs `jitless`, src/domain/zod.ts), no plugins, no `<base>`, no framing,
 * and Trusted Types enforced with one policy only, `wallboard-sw` (`src/kiosk/offline.ts`),
 * which accepts exactly the app's own `sw.js` for the service worker's registration (a
 * script-URL sink); no string can reach an HTML or script sink otherwise. `connect-src` adds `ws:` / `wss:` because the vendor hubs
 * and brokers (RTE SignalR, ActiveMQ STOMP over WebSocket) are usually on other hosts and
 * ports; a deployment that knows them should list them instead (DEPLOYMENT.md).
 * React `style` props go through the CSSOM and are allowed; `style="…"` in markup is not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types wallboard-sw",
].join('; ');

/**
 * Every header of a deployment (name → value). HSTS only means something over HTTPS; a
 * browser ignores it on plain HTTP (the local preview).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), screen-wake-lock=(self), autoplay=(self)',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The policy `/agent` is sent where the CIL bridge's host page frames it (DEPLOYMENT.md
 * "frame-ancestors"; `sources.cil.mode: "bridge"`): {@link CONTENT_SECURITY_POLICY} with
 * `frame-ancestors` listing exactly `origins` (e.g. `https://acme.service-now.com`).
 * @throws Error when `origins` is empty (that would be `'none'`: use the policy itself)
 */
export function framedAgentPolicy(origins: readonly string[]): string {
  if (origins.length === 0) throw new Error('framedAgentPolicy needs at least one origin');
  return CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", `frame-ancestors ${[...new Set(origins)].join(' ')}`);
}

/**
 * The origins of the simulator's CIL host page (`/sim/cil/host`) under its local names:
 * the origin of `simHttpUrl` (e.g. `http://127.0.0.1:8788`) and the same port on
 * `localhost` and `127.0.0.1`. `vite preview` lets them frame `/agent`.
 * @throws TypeError when `simHttpUrl` is not an absolute URL
 */
export function simCilHostOrigins(simHttpUrl: string): string[] {
  const u = new URL(simHttpUrl);
  return [...new Set([u.origin, `${u.protocol}//localhost:${u.port}`, `${u.protocol}//127.0.0.1:${u.port}`])];
}
