import {
  allowedEndpointOrigins,
  classifyConfigRequest,
  isConfigOriginAllowed,
  originOf,
  refusedEndpoints,
  servedConfigUrl,
  type OriginRulesConfig,
  type RefusedEndpoint,
} from './origins';

/**
 * What validates a configuration: a zod schema (`safeParse`), e.g. the board schema the app
 * builds from its connector modules. `T` is the validated configuration type.
 */
export interface ConfigValidator<T> {
  safeParse(
    raw: unknown,
  ):
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] } };
}

/** Options of {@link loadConfig} and {@link loadBoardConfig}. */
export interface LoadOptions<T> {
  /** Fetches the files (default: the global `fetch` at call time). */
  readonly fetch?: typeof fetch;
  /** Validates them: the board schema the app builds from its connector modules (`src/app/modules.ts`). */
  readonly schema: ConfigValidator<T>;
}

/**
 * Why a configuration could not be used; shown as `data-reason` on the error page (a test
 * hook, docs/CONTRACTS.md "Configuration loading").
 * - `not-found`: HTTP 404/410, or an HTML page answered for a `.json` request (a dev
 *   server's fallback page)
 * - `unreachable`: the request failed (network, CORS)
 * - `http-error`: any other non-2xx status
 * - `not-json`: the body is not JSON
 * - `invalid`: the JSON fails the schema (`issues` lists the fields)
 * - `bad-url`: `?config=` is not a URL
 * - `scheme-refused`: `?config=` is not http(s) (`data:`, `blob:`, `javascript:`, ...)
 * - `origin-refused`: `?config=` is on another origin the served configuration does not allow
 * - `endpoint-refused`: a `?config=` configuration points a vendor endpoint at an origin
 *   the served configuration does not name
 */
export type ConfigErrorReason =
  | 'not-found'
  | 'unreachable'
  | 'http-error'
  | 'not-json'
  | 'invalid'
  | 'bad-url'
  | 'scheme-refused'
  | 'origin-refused'
  | 'endpoint-refused';

/** Structured facts of a {@link ConfigError}, for the error page's translated text. */
export interface ConfigErrorDetail {
  /** HTTP status (`http-error`, `not-found` by status). */
  readonly status?: number;
  /** The refused origin (`origin-refused`), e.g. `http://localhost:15173`. */
  readonly origin?: string;
  /** The refused scheme (`scheme-refused`), e.g. `data:`. */
  readonly scheme?: string;
  /** The refused endpoints (`endpoint-refused`). */
  readonly refused?: readonly RefusedEndpoint[];
  /** The served configuration's address, when the decision depended on it. */
  readonly servedUrl?: string;
  /** Why the served configuration could not be read, when it could not (its reason). */
  readonly servedReason?: ConfigErrorReason;
}

/** A configuration that could not be loaded or may not be used. */
export class ConfigError extends Error {
  constructor(
    /** English summary for logs; the page words come from the `config` catalogue by `reason`. */
    message: string,
    /** One line per problem, e.g. `sources.gc.brokerUrls: Too small` (plain text, for logs and the page). */
    readonly issues: readonly string[],
    /** The configuration's address as requested (may be relative or a `data:` URL). */
    readonly url: string,
    /** Why; defaults to `invalid` (schema failure). */
    readonly reason: ConfigErrorReason = 'invalid',
    readonly detail: ConfigErrorDetail = {},
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** True for refusals on security grounds (scheme, origin, endpoint origins). */
  get refused(): boolean {
    return this.reason === 'scheme-refused' || this.reason === 'origin-refused' || this.reason === 'endpoint-refused' || this.reason === 'bad-url';
  }
}

/**
 * Validates a parsed configuration object with `schema` (the board schema the app builds
 * from its connector modules).
 * @throws ConfigError (`invalid`) listing every wrong field by its dotted path
 */
export function parseConfig<T>(raw: unknown, url: string, schema: ConfigValidator<T>): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`${url} is not a valid board configuration`, issues, url, 'invalid');
}

/**
 * True when a successful answer is really a "not found": an HTML page (a dev server or SPA
 * host answers unknown paths with the app's page) for a request whose path ends in `.json`.
 */
export function isHtmlFallback(url: string, contentType: string | null): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  return /\.json$/i.test(path) && /^\s*text\/html\b/i.test(contentType ?? '');
}

/**
 * Fetches and validates one configuration file (no origin checks: {@link loadBoardConfig}).
 * @param url absolute address of the file
 * @param opts the schema, and a `fetch` (default the global one)
 * @throws ConfigError `not-found` (404/410 or an HTML fallback page for `.json`),
 *   `unreachable`, `http-error`, `not-json`, `invalid`, or `origin-refused` when the answer
 *   was redirected to another origin
 */
export async function loadConfig<T>(url: string, opts: LoadOptions<T>): Promise<T> {
  const { fetch: fetchImpl = globalThis.fetch, schema } = opts;
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: 'no-store' });
  } catch (e) {
    throw new ConfigError(`Could not fetch ${url}`, [String(e)], url, 'unreachable');
  }
  if (res.url && originOf(res.url, url) !== originOf(url, res.url)) {
    // A same-origin (or allowed) address redirected elsewhere: the rules were checked for `url` only.
    const origin = originOf(res.url, url);
    throw new ConfigError(`${url} redirected to ${origin}, which is refused`, [], url, 'origin-refused', { origin });
  }
  if (res.status === 404 || res.status === 410) {
    throw new ConfigError(`${url} was not found (HTTP ${res.status})`, [], url, 'not-found', { status: res.status });
  }
  if (!res.ok) throw new ConfigError(`Could not fetch ${url}: HTTP ${res.status}`, [], url, 'http-error', { status: res.status });
  if (isHtmlFallback(url, res.headers.get('content-type'))) {
    throw new ConfigError(`${url} was not found (the server answered with an HTML page)`, [], url, 'not-found');
  }
  let raw: unknown;
  try {
    raw = await res.json();
  } catch (e) {
    throw new ConfigError(`${url} is not valid JSON`, [e instanceof Error ? e.message : String(e)], url, 'not-json');
  }
  return parseConfig(raw, url, schema);
}

/** The served configuration, or the error that kept it from loading. */
async function tryServed<T>(appHref: string, opts: LoadOptions<T>): Promise<T | ConfigError> {
  const url = servedConfigUrl(appHref);
  try {
    return await loadConfig(url, opts);
  } catch (e) {
    return e instanceof ConfigError ? e : new ConfigError(`Could not load ${url}`, [String(e)], url, 'unreachable');
  }
}

/**
 * Loads the board configuration for the app address `appHref`, applying the origin rules
 * (`origins.ts`, README "Security"):
 * - no `?config=`: the served `config.json`;
 * - `?config=` not http(s): refused without any request;
 * - `?config=` on another origin: the served `config.json` is loaded first, and the file is
 *   fetched only when its `security.allowedConfigOrigins` lists that origin;
 * - a `?config=` configuration's endpoint URLs must resolve to the page's origin, an origin
 *   of the served configuration's endpoints, or its `security.allowedOrigins` (the served
 *   file is fetched only when an endpoint is off the page's origin).
 * @param appHref the app's own address with its query (`appBaseHref(location.href)`)
 * @param o the schema both the served and the `?config=` file are validated with, and a
 *   `fetch` (default the global one)
 * @throws ConfigError with a {@link ConfigErrorReason}
 */
export async function loadBoardConfig<T extends OriginRulesConfig>(appHref: string, o: LoadOptions<T>): Promise<T> {
  const req = classifyConfigRequest(appHref);
  switch (req.kind) {
    case 'served':
      return loadConfig(req.url, o);
    case 'invalid':
      throw new ConfigError(`?config=${req.url} is not a URL`, [], req.url, 'bad-url');
    case 'bad-scheme':
      throw new ConfigError(
        `?config= with the scheme ${req.scheme} is refused: only http(s) files are loaded`,
        [],
        req.url,
        'scheme-refused',
        { scheme: req.scheme },
      );
    case 'cross-origin': {
      const served = await tryServed(appHref, o);
      const servedUrl = servedConfigUrl(appHref);
      if (served instanceof ConfigError || !isConfigOriginAllowed(req.origin, served)) {
        throw new ConfigError(
          `?config= from ${req.origin} is refused: the served configuration ${servedUrl} does not list it in security.allowedConfigOrigins`,
          served instanceof ConfigError ? [`${servedUrl}: ${served.message}`] : [],
          req.url,
          'origin-refused',
          { origin: req.origin, servedUrl, ...(served instanceof ConfigError ? { servedReason: served.reason } : {}) },
        );
      }
      const candidate = await loadConfig(req.url, o);
      checkEndpoints(candidate, served, req.url, appHref);
      return candidate;
    }
    case 'same-origin': {
      const candidate = await loadConfig(req.url, o);
      if (refusedEndpoints(candidate, allowedEndpointOrigins(null, appHref), appHref).length === 0) return candidate;
      const served = await tryServed(appHref, o);
      checkEndpoints(candidate, served, req.url, appHref);
      return candidate;
    }
  }
}

/** @throws ConfigError `endpoint-refused` naming each field whose origin is not allowed */
function checkEndpoints(
  candidate: OriginRulesConfig,
  served: OriginRulesConfig | ConfigError,
  url: string,
  appHref: string,
): void {
  const servedUrl = servedConfigUrl(appHref);
  const servedConfig = served instanceof ConfigError ? null : served;
  const refused = refusedEndpoints(candidate, allowedEndpointOrigins(servedConfig, appHref), appHref);
  if (refused.length === 0) return;
  const issues = refused.map((r) => `${r.field}: origin ${r.origin} is not allowed by the served configuration`);
  if (served instanceof ConfigError) issues.push(`${servedUrl}: ${served.message}`);
  throw new ConfigError(
    `${url} points vendor endpoints at origins the served configuration ${servedUrl} does not name`,
    issues,
    url,
    'endpoint-refused',
    { refused, servedUrl, ...(served instanceof ConfigError ? { servedReason: served.reason } : {}) },
  );
}
