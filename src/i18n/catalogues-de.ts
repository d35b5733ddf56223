/**
 * The German catalogues (every namespace but the lazy ones), one chunk the board loads when it
 * first shows German (`loadLanguage` in `./index.ts`).
 */
export const FILES = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/de/*.json', '!./locales/de/desk.json', '!./locales/de/uccx.json', '!./locales/de/trends.json', '!./locales/de/boardEditor.json'], { eager: true });
