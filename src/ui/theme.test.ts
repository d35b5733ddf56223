// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_STATES } from '../domain';
import { applyTheme, currentTheme, resolveTheme } from './theme';

describe('theme', () => {
  it('?theme= wins over the configuration; default dark; unknown values ignored', () => {
    expect(resolveTheme({ pageUrl: 'http://h/?theme=light', configured: 'dark' })).toBe('light');
    expect(resolveTheme({ pageUrl: 'http://h/kiosk?theme=dark', configured: 'light' })).toBe('dark');
    expect(resolveTheme({ pageUrl: 'http://h/', configured: 'light' })).toBe('light');
    expect(resolveTheme({ pageUrl: 'http://h/?theme=pink', configured: 'light' })).toBe('light');
    expect(resolveTheme({ pageUrl: 'http://h/?theme=pink' })).toBe('dark');
    expect(resolveTheme({})).toBe('dark');
  });

  it('applies the theme to <html data-theme> and the color-scheme meta', () => {
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    document.head.append(meta);
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(meta.content).toBe('light');
    expect(currentTheme()).toBe('light');
    applyTheme('dark');
    expect(currentTheme()).toBe('dark');
  });

  it('theme.css defines the same tokens in both themes, one colour per agent state', () => {
    const css = readFileSync(join(import.meta.dirname, 'theme.css'), 'utf8');
    const block = (selector: string) => {
      const start = css.indexOf(selector);
      expect(start, selector).toBeGreaterThanOrEqual(0);
      const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
      return new Set([...body.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    };
    const dark = block(":root[data-theme='dark']");
    const light = block(":root[data-theme='light']");
    expect([...dark].sort()).toEqual([...light].sort());
    for (const s of AGENT_STATES) expect(dark.has(`--st-${s.toLowerCase().replace(/_/g, '-')}`), s).toBe(true);
    for (const t of ['--ok', '--warn', '--alarm', '--live', '--connecting', '--stale', '--down', '--idle', '--focus', '--text', '--surface', '--border'])
      expect(dark.has(t), t).toBe(true);
  });
});
