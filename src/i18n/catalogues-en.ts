/**
 * The English catalogues (every namespace but the lazy ones), one chunk the board loads when it
 * first shows English (boot loads the first language before anything renders) (`loadLanguage` in `./index.ts`).
 */
export const FILES = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/en/*.json', '!./locales/en/desk.json', '!./locales/en/uccx.json', '!./locales/en/trends.json', '!./locales/en/boardEditor.json'], { eager: true });
