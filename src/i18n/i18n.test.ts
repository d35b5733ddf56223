// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogues,
  languageLoaded,
  loadLanguage,
  LAZY_NAMESPACES,
  loadNamespace,
  i18n,
  initI18n,
  missingKeyCount,
  namespaces,
  resetMissingKeys,
  resolveLanguage,
  setLanguage,
  SUPPORTED_LANGUAGES,
} from './index';

const LOCALES = join(import.meta.dirname, 'locales');
// Every language is a chunk of its own (boot loads the first before rendering): English here, German where a test needs it.
await loadLanguage('en');

/** Every leaf key of a catalogue as a dotted path, with its value. */
function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
/** A key without its plural suffix (`errors_one` → `errors`), so languages with different plural forms compare. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

describe('resolveLanguage', () => {
  it('?lang= wins over the configuration, which wins over the browser', () => {
    expect(resolveLanguage({ configured: 'en', pageUrl: 'http://h/?lang=de', navigatorLanguages: ['en-GB'] })).toBe('de');
    expect(resolveLanguage({ configured: 'de', pageUrl: 'http://h/kiosk?lang=en', navigatorLanguages: ['de'] })).toBe('en');
    expect(resolveLanguage({ configured: 'de', pageUrl: 'http://h/', navigatorLanguages: ['en-US'] })).toBe('de');
    expect(resolveLanguage({ pageUrl: 'http://h/', navigatorLanguages: ['fr-FR', 'de-AT', 'en'] })).toBe('de');
    expect(resolveLanguage({ pageUrl: 'http://h/', navigatorLanguages: ['en-US', 'de'] })).toBe('en');
  });

  it('supports only en and de; anything else falls through, finally to en', () => {
    expect(resolveLanguage({ pageUrl: 'http://h/?lang=fr', configured: 'de' })).toBe('de');
    expect(resolveLanguage({ pageUrl: 'http://h/?lang=xx', navigatorLanguages: ['it'] })).toBe('en');
    expect(resolveLanguage({ configured: 'es' })).toBe('en');
    expect(resolveLanguage({})).toBe('en');
    expect(resolveLanguage({ pageUrl: 'not a url', navigatorLanguages: ['de-DE'] })).toBe('de');
    expect(resolveLanguage({ pageUrl: 'http://h/?lang=DE-ch' })).toBe('de');
  });
});

describe('lazy namespaces', () => {
  it('desk is not bundled with the entry; loadNamespace adds it in every language', async () => {
    initI18n('en');
    expect(catalogues().en?.['desk']).toBeUndefined();
    await loadNamespace('desk');
    expect(i18n.t('desk:notReady')).toBe('Not Ready');
    expect(i18n.t('desk:notReady', { lng: 'de' })).toBe('Nicht bereit');
  });
});

describe('catalogues', () => {
  const langs = readdirSync(LOCALES).sort();
  const files = (lang: string) => readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json')).sort();

  it('has a folder per supported language and the same namespace files in each', () => {
    expect(langs).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(files('de')).toEqual(files('en'));
    expect(files('en').length).toBeGreaterThan(0);
  });

  it('every key present in en is present in de and vice versa; no value is empty', () => {
    for (const file of files('en')) {
      const keysOf = (lang: string) => {
        const pairs = leaves(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')));
        for (const [k, v] of pairs) {
          expect(typeof v === 'string' && v.trim() !== '', `${lang}/${file}: "${k}" must be a non-empty string`).toBe(true);
        }
        return new Set(pairs.map(([k]) => k.replace(PLURAL_SUFFIX, '')));
      };
      const en = keysOf('en');
      const de = keysOf('de');
      expect([...en].filter((k) => !de.has(k)), `${file}: keys missing in de`).toEqual([]);
      expect([...de].filter((k) => !en.has(k)), `${file}: keys missing in en`).toEqual([]);
    }
  });

  it('each language is a chunk loadLanguage adds: German is not there until loaded', async () => {
    initI18n('en');
    expect(i18n.t('agents:state.NOT_READY', { lng: 'en' })).toBe('Not Ready');
    expect(languageLoaded('de')).toBe(false);
    await loadLanguage('de');
    expect(languageLoaded('de')).toBe(true);
    setLanguage('de');
    expect(i18n.t('agents:state.NOT_READY')).toBe('Nicht bereit');
    setLanguage('en');
  });

  it('the loader picks up every namespace file (including ones other areas add)', async () => {
    await loadLanguage('de');
    const lazy: readonly string[] = LAZY_NAMESPACES;
    expect(namespaces()).toEqual(files('en').map((f) => f.replace(/\.json$/, '')).filter((n) => !lazy.includes(n)));
    const res = catalogues();
    for (const lang of SUPPORTED_LANGUAGES) expect(Object.keys(res[lang] ?? {}).sort()).toEqual(namespaces());
  });
});

describe('i18n at run time', () => {
  beforeAll(async () => {
    initI18n('en');
    await loadLanguage('de');
  });
  afterEach(() => {
    setLanguage('en');
    resetMissingKeys();
  });

  it('keeps <html lang> in step with the language', () => {
    setLanguage('de');
    expect(document.documentElement.lang).toBe('de');
    expect(i18n.t('agents:state.NOT_READY')).toBe('Nicht bereit');
    setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('agents:state.NOT_READY')).toBe('Not Ready');
    setLanguage('fr');
    expect(document.documentElement.lang).toBe('en');
  });

  it('uses i18next plural forms in en and de', () => {
    expect(i18n.t('health:errors', { count: 1 })).toBe('1 error');
    expect(i18n.t('health:errors', { count: 2 })).toBe('2 errors');
    expect(i18n.t('health:errors', { count: 0 })).toBe('0 errors');
    expect(i18n.t('health:errors', { count: 2000 })).toBe('2,000 errors');
    setLanguage('de');
    expect(i18n.t('health:errors', { count: 1 })).toBe('1 Fehler');
    expect(i18n.t('health:errors', { count: 2000 })).toBe('2.000 Fehler');
    expect(i18n.t('health:refused', { count: 3 })).toBe('3 abgelehnt');
  });

  it('counts keys missing at run time into <html data-i18n-missing>, once per key', () => {
    expect(document.documentElement.dataset.i18nMissing).toBe('0');
    i18n.t('agents:state.READY');
    expect(missingKeyCount()).toBe(0);
    i18n.t('agents:noSuchKey');
    i18n.t('agents:noSuchKey');
    expect(missingKeyCount()).toBe(1);
    expect(document.documentElement.dataset.i18nMissing).toBe('1');
  });

  it('counts a key the current language lacks even when the English fallback has it', () => {
    i18n.addResource('en', 'common', 'onlyInEnglish', 'Only in English');
    try {
      setLanguage('de');
      expect(i18n.t('common:onlyInEnglish')).toBe('Only in English');
      expect(document.documentElement.dataset.i18nMissing).toBe('1');
    } finally {
      i18n.removeResourceBundle('en', 'common');
      i18n.addResourceBundle('en', 'common', catalogues().en!.common!);
    }
  });
});
