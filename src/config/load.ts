import { configSchema, type BoardConfig } from './schema';

/** A configuration that could not be loaded; `issues` lists each wrong field. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** `path: message` per wrong field, e.g. `sources.gc.brokerUrls: Too small` */
    readonly issues: readonly string[],
    readonly url: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates a parsed configuration object.
 * @throws ConfigError listing every wrong field by its dotted path
 */
export function parseConfig(raw: unknown, url = 'config.json'): BoardConfig {
  const r = configSchema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`${url} is not a valid board configuration`, issues, url);
}

/**
 * The configuration URL for a page address: `?config=<url>` if given, else `config.json`
 * beside the app.
 */
export function configUrlFor(pageUrl: string): string {
  const u = new URL(pageUrl);
  return u.searchParams.get('config') ?? new URL('config.json', u).toString();
}

/**
 * Fetches and validates the configuration.
 * @throws ConfigError when the file cannot be fetched, is not JSON, or fails validation
 */
export async function loadConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<BoardConfig> {
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: 'no-store' });
  } catch (e) {
    throw new ConfigError(`Could not fetch ${url}`, [String(e)], url);
  }
  if (!res.ok) throw new ConfigError(`Could not fetch ${url}: HTTP ${res.status}`, [], url);
  let raw: unknown;
  try {
    raw = await res.json();
  } catch (e) {
    throw new ConfigError(`${url} is not valid JSON`, [e instanceof Error ? e.message : String(e)], url);
  }
  return parseConfig(raw, url);
}

/** Resolves a possibly relative URL against the page; `ws` turns http(s) into ws(s). */
export function resolveUrl(url: string, base: string, ws = false): string {
  const u = new URL(url, base);
  if (ws && (u.protocol === 'http:' || u.protocol === 'https:')) u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

