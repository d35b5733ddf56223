/**
 * Origin rules for configuration files and the vendor endpoints they name (issue 5,
 * scope 7; README "Security"). Pure functions: no fetching here (`load.ts` does that).
 *
 * - No `?config=`: the served `config.json` beside the app.
 * - `?config=` on the page's origin: allowed.
 * - `?config=` on another `http:`/`https:` origin: allowed only when the served
 *   configuration's `security.allowedConfigOrigins` lists that origin.
 * - Any other scheme (`data:`, `blob:`, `javascript:`, `file:`, ...): always refused.
 * - A configuration loaded through `?config=` may point its vendor endpoints (every
 *   `...Url` string and `...Urls` string list under `sources`) only at the page's origin,
 *   an origin of the served configuration's own endpoints, or one of the served
 *   `security.allowedOrigins`. The served configuration itself is trusted.
 */

/** What the page's `?config=` asks for, classified by {@link classifyConfigRequest}. */
export type ConfigRequest =
  /** No `?config=` (or an empty one): the served `config.json` at `url`. */
  | { readonly kind: 'served'; readonly url: string }
  /** `?config=` resolving to the page's own origin. */
  | { readonly kind: 'same-origin'; readonly url: string }
  /** `?config=` resolving to another http(s) origin (`origin`, e.g. `https://boards.example.com`). */
  | { readonly kind: 'cross-origin'; readonly url: string; readonly origin: string }
  /** `?config=` with a scheme other than http(s) (`scheme` like `data:`); always refused. */
  | { readonly kind: 'bad-scheme'; readonly url: string; readonly scheme: string }
  /** `?config=` that is not a URL at all. */
  | { readonly kind: 'invalid'; readonly url: string };

/** One vendor endpoint URL found in a configuration's `sources`. */
export interface EndpointUrl {
  /** Dotted path, e.g. `sources.rte.hubUrl` or `sources.gc.brokerUrls.0`. */
  readonly field: string;
  /** The configured value, as written (may be relative). */
  readonly value: string;
}

/** An endpoint a `?config=` configuration may not use. */
export interface RefusedEndpoint {
  /** Dotted path of the field, e.g. `sources.rte.hubUrl`. */
  readonly field: string;
  /** The endpoint's origin as {@link comparableOrigin} gives it (`'null'` when it has none, e.g. `data:`). */
  readonly origin: string;
}

/**
 * The origin of an absolute URL for comparisons: `ws:` counts as `http:` and `wss:` as
 * `https:` (a STOMP or SignalR endpoint on the same host and port is the same server).
 * @returns `scheme://host[:port]` in lower case, or `'null'` for URLs without a network
 *   origin (`data:`, `blob:`, `javascript:`, `file:`, ...)
 */
export function comparableOrigin(url: URL): string {
  const scheme = url.protocol === 'ws:' ? 'http:' : url.protocol === 'wss:' ? 'https:' : url.protocol;
  if (scheme !== 'http:' && scheme !== 'https:') return 'null';
  const copy = new URL(url.href);
  copy.protocol = scheme;
  return copy.origin.toLowerCase();
}

/**
 * {@link comparableOrigin} of `value` resolved against `baseHref` (relative URLs resolve
 * against the page, as the connectors do; without `baseHref` only absolute URLs have one).
 * @returns the origin, or `'null'` when `value` is not a URL or has no network origin
 */
export function originOf(value: string, baseHref?: string): string {
  try {
    return comparableOrigin(new URL(value, baseHref));
  } catch {
    return 'null';
  }
}

/**
 * Classifies the page's `?config=` parameter.
 * @param appHref the app's own address with its query (`appBaseHref(location.href)`)
 */
export function classifyConfigRequest(appHref: string): ConfigRequest {
  const page = new URL(appHref);
  const raw = page.searchParams.get('config');
  if (raw === null || raw.trim() === '') return { kind: 'served', url: servedConfigUrl(appHref) };
  let u: URL;
  try {
    u = new URL(raw, page);
  } catch {
    return { kind: 'invalid', url: raw };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'bad-scheme', url: raw, scheme: u.protocol };
  const origin = comparableOrigin(u);
  if (origin === comparableOrigin(page)) return { kind: 'same-origin', url: u.toString() };
  return { kind: 'cross-origin', url: u.toString(), origin };
}

/**
 * The served `config.json` beside the app (same origin, query dropped).
 * @param appHref the app's own address (`appBaseHref(location.href)`)
 */
export function servedConfigUrl(appHref: string): string {
  const u = new URL('config.json', appHref);
  u.search = '';
  u.hash = '';
  return u.toString();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every vendor endpoint URL under `sources`, found generically so that a new connector is
 * covered without edits: each string field whose key ends in `Url` or `Origin` (an origin
 * the connector trusts, e.g. `sources.cil.allowedOrigin`, the CIL bridge page) and each string
 * of an array whose key ends in `Urls`, at any depth.
 * @param sources the configuration's `sources` object (any shape; non-objects give `[]`)
 * @param prefix the dotted path of `sources` (default `sources`)
 */
export function endpointUrls(sources: unknown, prefix = 'sources'): EndpointUrl[] {
  const out: EndpointUrl[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}.${i}`));
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const field = `${path}.${key}`;
      if ((key.endsWith('Url') || key.endsWith('Origin')) && typeof value === 'string') out.push({ field, value });
      else if (key.endsWith('Urls') && Array.isArray(value)) {
        value.forEach((item, i) => {
          if (typeof item === 'string') out.push({ field: `${field}.${i}`, value: item });
          else walk(item, `${field}.${i}`);
        });
      } else walk(value, field);
    }
  };
  walk(sources, prefix);
  return out;
}

/** The parts of a configuration the origin rules read. */
export interface OriginRulesConfig {
  readonly sources: unknown;
  /** The broadcast block (its `brokerUrls` are endpoints like a source's). */
  readonly broadcast?: unknown;
  readonly security?: { readonly allowedConfigOrigins?: readonly string[]; readonly allowedOrigins?: readonly string[] };
}

/**
 * True when the served configuration lets `?config=` load from `origin`
 * (`security.allowedConfigOrigins`, compared as {@link comparableOrigin}s).
 */
export function isConfigOriginAllowed(origin: string, served: OriginRulesConfig | null): boolean {
  const allowed = served?.security?.allowedConfigOrigins ?? [];
  const wanted = origin.toLowerCase();
  return wanted !== 'null' && allowed.some((o) => originOf(o) === wanted);
}

/**
 * The origins a `?config=` configuration may send credentials to: the page's origin, the
 * origins of the served configuration's endpoint URLs, and its `security.allowedOrigins`.
 * @param served the served configuration, or `null` when it could not be loaded (then
 *   only the page's origin)
 * @param appHref the app's own address (relative URLs resolve against it)
 */
export function allowedEndpointOrigins(served: OriginRulesConfig | null, appHref: string): Set<string> {
  const out = new Set<string>([comparableOrigin(new URL(appHref))]);
  if (served) {
    for (const e of [...endpointUrls(served.sources), ...endpointUrls(served.broadcast, 'broadcast')]) out.add(originOf(e.value, appHref));
    for (const o of served.security?.allowedOrigins ?? []) out.add(originOf(o));
  }
  out.delete('null');
  return out;
}

/**
 * The endpoints of `candidate` whose origin is not in `allowed`, in field order. An empty
 * list means the configuration may be used.
 * @param appHref the app's own address (relative URLs resolve against it)
 */
export function refusedEndpoints(
  candidate: Pick<OriginRulesConfig, 'sources' | 'broadcast'>,
  allowed: ReadonlySet<string>,
  appHref: string,
): RefusedEndpoint[] {
  const out: RefusedEndpoint[] = [];
  for (const e of [...endpointUrls(candidate.sources), ...endpointUrls(candidate.broadcast, 'broadcast')]) {
    const origin = originOf(e.value, appHref);
    if (origin === 'null' || !allowed.has(origin)) out.push({ field: e.field, origin });
  }
  return out;
}
