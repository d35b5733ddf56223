/**
 * URL helpers for connectors. Configured URLs may be relative (`/stomp`, `/rte`): they
 * resolve against the page's own address, and for WebSocket endpoints `http:`/`https:`
 * become `ws:`/`wss:` (config schema, header comment; NOTES.md §6).
 */

/** The page address to resolve relative URLs against: `location.href` in a browser, else undefined. */
export function pageBaseUrl(): string | undefined {
  const loc = (globalThis as { location?: { href?: unknown } }).location;
  return typeof loc?.href === 'string' ? loc.href : undefined;
}

/**
 * Resolves `url` against `base` (default: {@link pageBaseUrl}).
 * @param ws when true, `http:` → `ws:` and `https:` → `wss:`
 * @throws TypeError when `url` is relative and there is no base, or the URL is invalid
 */
export function resolveUrl(url: string, base: string | undefined = pageBaseUrl(), ws = false): string {
  const u = base === undefined ? new URL(url) : new URL(url, base);
  if (ws && (u.protocol === 'http:' || u.protocol === 'https:')) u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}
