import './theme.css';

/** The board's colour themes (`src/ui/theme.css`: `:root[data-theme='dark'|'light']`). */
export const THEMES = ['dark', 'light'] as const;

/** One of {@link THEMES}. */
export type Theme = (typeof THEMES)[number];

/** The theme used when neither the URL nor the configuration names one. */
export const DEFAULT_THEME: Theme = 'dark';

/** True when `s` is exactly `dark` or `light`. */
export function isTheme(s: unknown): s is Theme {
  return typeof s === 'string' && (THEMES as readonly string[]).includes(s);
}

/**
 * The theme to show: `?theme=dark|light` in the page address wins over the configured
 * `theme`; anything else (absent, unsupported, unparsable URL) falls through to the
 * configuration and finally to `dark`.
 * @param input.configured the configuration's `theme`, if loaded
 * @param input.pageUrl the page address (absolute), read for `?theme=`
 */
export function resolveTheme(input: { configured?: string | null; pageUrl?: string | null }): Theme {
  const fromUrl = urlParam(input.pageUrl, 'theme');
  if (isTheme(fromUrl)) return fromUrl;
  if (isTheme(input.configured)) return input.configured;
  return DEFAULT_THEME;
}

/** The value of query parameter `name` in `pageUrl`, or null (absent or unparsable URL). */
function urlParam(pageUrl: string | null | undefined, name: string): string | null {
  if (!pageUrl) return null;
  try {
    return new URL(pageUrl).searchParams.get(name);
  } catch {
    return null;
  }
}

/**
 * Applies a theme to the page: `<html data-theme>` (which selects the token set in
 * `theme.css`) and the `color-scheme` meta tag (form controls, scroll bars).
 */
export function applyTheme(theme: Theme, doc: Document = document): void {
  doc.documentElement.dataset.theme = theme;
  doc.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
}

/** The theme on the page now (`<html data-theme>`), `dark` when none was applied. */
export function currentTheme(doc: Document = document): Theme {
  const t = doc.documentElement.dataset.theme;
  return isTheme(t) ? t : DEFAULT_THEME;
}
