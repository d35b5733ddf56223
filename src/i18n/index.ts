/**
 * The board's i18n set-up (i18next, with a small React binding of its own) and its message catalogues.
 *
 * Catalogues are JSON files, one per language per namespace:
 * `src/i18n/locales/<lang>/<namespace>.json`, picked up by `import.meta.glob`, so a new
 * namespace is one file pair. Each language is one chunk loaded when first shown
 * ({@link loadLanguage}; English is the fallback of every key once loaded). Every key in `en` is in `de`
 * and vice versa (a unit test enforces it). Plurals use i18next's suffixes (`_one`,
 * `_other`); numbers, durations and times go through `Intl` (`src/ui/format.ts`).
 *
 * Test hooks kept on `<html>` (docs/CONTRACTS.md "Language and theme"):
 * - `lang`: the current language (`en` | `de`);
 * - `data-i18n-missing`: how many distinct keys were requested at run time but are missing
 *   from the current language's catalogue (served from the fallback or shown as the key).
 *
 * Vendor data (agent and queue names, vendor reason labels, vendor state text) and the
 * backends' product names are never put through `t()`.
 */
import i18next, { type i18n as I18n, type PostProcessorModule, type Resource, type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';

/** The languages the board speaks, the default first. */
export const SUPPORTED_LANGUAGES = ['en', 'de'] as const;

/** One of {@link SUPPORTED_LANGUAGES}. */
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The language used when nothing (URL, configuration, browser) names a supported one. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** The namespace `t()` uses when a key names none. */
export const DEFAULT_NAMESPACE = 'common';

/** True when `s` is a supported language code (exactly `en` or `de`). */
export function isLanguage(s: unknown): s is Language {
  return typeof s === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(s);
}

/** The supported language of a BCP 47 tag (`de-AT` → `de`), or undefined. */
function languageOfTag(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The language to show: `?lang=` in the page address wins over the configured language,
 * which wins over the browser's preferred languages (first supported one). Only `en` and
 * `de` are supported; region tags count by their primary language (`de-CH` → `de`);
 * anything else falls through to the next source, and finally to `en`.
 * @param input.configured the configuration's `language`, if any
 * @param input.pageUrl the page address (absolute), read for `?lang=`
 * @param input.navigatorLanguages the browser's `navigator.languages`, most preferred first
 */
export function resolveLanguage(input: {
  configured?: string | null;
  pageUrl?: string | null;
  navigatorLanguages?: readonly string[] | null;
}): Language {
  return (
    urlLanguage(input.pageUrl) ??
    languageOfTag(input.configured) ??
    (input.navigatorLanguages ?? []).map(languageOfTag).find((l) => l !== undefined) ??
    DEFAULT_LANGUAGE
  );
}

/** The supported language named by `?lang=` in `pageUrl`, or undefined (absent, unsupported or unparsable URL). */
export function urlLanguage(pageUrl: string | null | undefined): Language | undefined {
  if (!pageUrl) return undefined;
  try {
    return languageOfTag(new URL(pageUrl).searchParams.get('lang'));
  } catch {
    return undefined;
  }
}

/**
 * Namespaces whose catalogues are not bundled with the entry but loaded by the one page that
 * uses them ({@link loadNamespace}), so that the kiosk's eager bundle does not carry them:
 * `desk` (the agent desk, `/agent` only), `uccx` (the UCCX team panel and call journey, supervisor board only),
 * `trends` (the trend panel, loaded with its chunk), `boardEditor` (the board editor, `/boards` only).
 */
export const LAZY_NAMESPACES = ['desk', 'uccx', 'trends', 'boardEditor'] as const;

/** One of {@link LAZY_NAMESPACES}. */
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];

/**
 * Each language's catalogues (every namespace but the lazy ones) as one chunk, loaded when
 * the board first shows that language ({@link loadLanguage}; boot loads the first one before
 * anything renders), so the kiosk's entry bundle carries no words and a German screen never
 * downloads the English ones (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const LANGUAGE_CHUNKS: Readonly<Record<Language, () => Promise<{ readonly FILES: Record<string, { default: Record<string, unknown> }> }>>> = {
  en: () => import('./catalogues-en'),
  de: () => import('./catalogues-de'),
};

/** Catalogue files loaded so far, by path. */
const loadedFiles: Record<string, { default: Record<string, unknown> }> = {};

/** The lazy namespaces' catalogue files, each a chunk loaded on demand. */
const LAZY_FILES = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*/desk.json', './locales/*/uccx.json', './locales/*/trends.json', './locales/*/boardEditor.json']);

/**
 * Loads a lazy namespace's catalogues (every language) into i18next, once; call it before
 * rendering the page that uses it (the agent page: `desk`).
 * @throws (rejects) when a catalogue chunk cannot be downloaded
 */
export async function loadNamespace(ns: LazyNamespace): Promise<void> {
  const entries = Object.entries(LAZY_FILES).filter(([path]) => path.endsWith(`/${ns}.json`));
  const loaded = await Promise.all(entries.map(async ([path, load]) => [path, (await load()).default] as const));
  for (const [path, bundle] of loaded) {
    const lang = /\/locales\/([^/]+)\//.exec(path)?.[1];
    if (isLanguage(lang) && !i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, bundle, true, true);
  }
}

/**
 * Loads `lang`'s catalogues (its chunk) and adds them to i18next when it is initialised,
 * once. {@link setLanguage} calls it; boot awaits it before the first render, so a board
 * never shows keys or flashes another language. Unsupported values load nothing.
 * @throws (rejects) when the language's chunk cannot be downloaded
 */
export async function loadLanguage(lang: string): Promise<void> {
  if (!isLanguage(lang) || languageLoaded(lang)) return;
  const { FILES } = await LANGUAGE_CHUNKS[lang]();
  Object.assign(loadedFiles, FILES);
  if (!i18n.isInitialized) return;
  for (const [ns, bundle] of Object.entries(catalogues()[lang] ?? {})) {
    if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, bundle, true, true);
  }
}

/** True when `lang`'s catalogues are there. */
export function languageLoaded(lang: Language): boolean {
  return Object.keys(loadedFiles).some((path) => path.startsWith(`./locales/${lang}/`));
}

/**
 * The catalogues loaded so far as i18next resources: `{ <lang>: { <namespace>: {...} } }`,
 * each language once {@link loadLanguage} loaded it; never the
 * {@link LAZY_NAMESPACES} (unsupported language folders are ignored).
 */
export function catalogues(): Resource {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(loadedFiles)) {
    const m = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m || !isLanguage(m[1])) continue;
    (out[m[1]] ??= {})[m[2]!] = mod.default;
  }
  return out as Resource;
}

/**
 * The namespaces found under `locales/` (file names without `.json`), sorted.
 * @param res the catalogues to read (default {@link catalogues})
 */
export function namespaces(res: Resource = catalogues()): string[] {
  return [...new Set(Object.values(res).flatMap((byNs) => Object.keys(byNs)))].sort();
}

const missing = new Set<string>();

function publishMissingCount(): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.i18nMissing = String(missing.size);
}

function countMissing(lng: string, ns: string, key: string): void {
  const id = `${lng}|${ns}|${key}`;
  if (missing.has(id)) return;
  missing.add(id);
  console.warn(`i18n: missing key "${ns}:${key}" for "${lng}"`);
  publishMissingCount();
}

/** Counts keys the current language lacks but the fallback (`en`) had. */
const fallbackCounter: PostProcessorModule = {
  type: 'postProcessor',
  name: 'countFallback',
  process(value, key, options, translator: { language?: string }) {
    const resolved = (options as { i18nResolved?: { res?: unknown; usedLng?: string; usedNS?: string; usedKey?: string } })
      .i18nResolved;
    const lng = translator.language;
    if (resolved?.res !== undefined && resolved.usedLng && lng && resolved.usedLng !== lng) {
      countMissing(lng, resolved.usedNS ?? '', resolved.usedKey ?? String(key));
    }
    return value;
  },
};

/** The board's i18next instance (read by {@link useTranslation}). */
export const i18n: I18n = i18next.createInstance();

function syncHtmlLang(lng: string): void {
  if (typeof document !== 'undefined' && isLanguage(lng)) document.documentElement.lang = lng;
}

/**
 * Initialises i18next synchronously with the catalogues loaded so far and `language` (call
 * {@link loadLanguage} first, or the board shows keys until they are loaded), and keeps
 * `<html lang>` in step with the current language from then on. Calling it again only
 * switches the language. Missing keys are counted into `<html data-i18n-missing>`.
 * @param language the language to show (unsupported values fall back to `en`)
 * @returns the i18next instance
 */
export function initI18n(language: string = DEFAULT_LANGUAGE): I18n {
  const lng = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  if (i18n.isInitialized) {
    setLanguage(lng);
    return i18n;
  }
  i18n.on('languageChanged', syncHtmlLang);
  const resources = catalogues();
  void i18n
    .use(fallbackCounter)
    .init({
      resources,
      lng,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      ns: namespaces(resources),
      defaultNS: DEFAULT_NAMESPACE,
      initAsync: false,
      returnNull: false,
      returnEmptyString: false,
      interpolation: { escapeValue: false }, // React escapes; vendor text stays text.
      saveMissing: true,
      missingKeyHandler: (lngs, ns, key) => countMissing(lngs[0] ?? lng, ns, key),
      postProcess: ['countFallback'],
      postProcessPassResolved: true,
    });
  syncHtmlLang(lng);
  publishMissingCount();
  return i18n;
}

/**
 * Switches the board to `lang`; `<html lang>` follows. Unsupported values fall back to
 * `en`. Synchronous when the language's catalogues are loaded (boot awaits
 * {@link loadLanguage} first); otherwise it loads them and switches when they are there
 * (a chunk that fails to load leaves the language as it was, with a warning).
 * @throws Error when called before {@link initI18n}
 */
export function setLanguage(lang: string): void {
  if (!i18n.isInitialized) throw new Error('setLanguage() before initI18n()');
  const lng = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  if (languageLoaded(lng)) {
    void i18n.changeLanguage(lng);
    return;
  }
  loadLanguage(lng).then(
    () => void i18n.changeLanguage(lng),
    (e: unknown) => console.warn(`i18n: the "${lng}" catalogues could not be loaded: ${String(e)}`),
  );
}

/** The current language (`en` before {@link initI18n}). */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** How many distinct keys were requested but missing so far (the `data-i18n-missing` count). */
export function missingKeyCount(): number {
  return missing.size;
}

/** Forgets the missing keys counted so far (tests). */
export function resetMissingKeys(): void {
  missing.clear();
  publishMissingCount();
}

const languageListeners = new Set<() => void>();
let listeningToI18n = false;

function subscribeLanguage(onChange: () => void): () => void {
  if (!listeningToI18n) {
    listeningToI18n = true;
    i18n.on('languageChanged', () => {
      for (const l of languageListeners) l();
    });
  }
  languageListeners.add(onChange);
  return () => languageListeners.delete(onChange);
}

const languageSnapshot = (): string => i18n.language || DEFAULT_LANGUAGE;

/**
 * The current language as React state: a component calling it re-renders when the language
 * changes (one i18next listener for the whole page, not one per component).
 */
export function useLanguage(): string {
  return useSyncExternalStore(subscribeLanguage, languageSnapshot, languageSnapshot);
}

/**
 * `t` for one namespace in the current language, and the i18next instance. The component
 * re-renders when the language changes; `t` keeps its identity until then, so it can key a
 * `useMemo`.
 *
 * The board's own binding rather than react-i18next's hook: that hook's per-call
 * bookkeeping (namespace-loaded checks, a fresh fixed `t`, an event subscription per
 * component) was the largest single script cost of the board at 1,000 events/s, where
 * hundreds of tiles and figures render per second (docs/PERFORMANCE.md "Browser
 * benchmark"). The catalogues are bundled and loaded synchronously, so none of it is needed.
 * @param ns the namespace (default `common`)
 */
export function useTranslation(ns: string = DEFAULT_NAMESPACE): { t: TFunction; i18n: I18n } {
  const lng = useLanguage();
  const t = useMemo(() => i18n.getFixedT(lng, ns), [lng, ns]);
  return { t, i18n };
}

export type { TFunction } from 'i18next';
