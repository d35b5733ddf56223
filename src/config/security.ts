import { z } from '../domain/zod';

/**
 * The `security` block of the board configuration. It is read only from the *served*
 * configuration (`config.json` beside the app, always same-origin): a file named by
 * `?config=` cannot widen what it is itself checked against (`origins.ts`, README
 * "Security").
 */

/** Schemes an origin in the `security` block may have (WebSocket endpoints included). */
const ORIGIN_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * True when `value` is a bare origin: `scheme://host[:port]` with an http, https, ws or wss
 * scheme, no path (a single trailing `/` is tolerated), query, fragment or credentials.
 */
export function isBareOrigin(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  if (!ORIGIN_SCHEMES.has(u.protocol) || u.username || u.password || u.search || u.hash) return false;
  if (u.pathname !== '/' && u.pathname !== '') return false;
  return value.replace(/\/$/, '').toLowerCase() === `${u.protocol}//${u.host}`.toLowerCase();
}

const origin = z
  .string()
  .check(z.refine(isBareOrigin, 'must be an origin like https://boards.example.com (scheme, host, optional port; no path)'));

/**
 * Schema of `security` (both lists default to empty: only the page's own origin).
 * - `allowedConfigOrigins`: origins (other than the page's) from which `?config=` may load
 *   a configuration file, e.g. `https://boards.example.com`.
 * - `allowedOrigins`: extra origins a `?config=` configuration may point vendor endpoints
 *   (and so tokens and credentials) at, besides the page's origin and the origins of the
 *   served configuration's own endpoint URLs. `ws:`/`wss:` count as `http:`/`https:`.
 */
export const securitySchema = z._default(
  z.strictObject({
    allowedConfigOrigins: z._default(z.array(origin), []),
    allowedOrigins: z._default(z.array(origin), []),
  }),
  { allowedConfigOrigins: [], allowedOrigins: [] },
);

