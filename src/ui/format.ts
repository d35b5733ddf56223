import { useMemo } from 'react';
import { useLanguage } from '../i18n';

/**
 * Number, time and duration formatting through `Intl`, in the board's current language.
 * Formatters are cached per locale (building an `Intl` formatter costs far more than using
 * one; tiles format every second).
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const clockFormat = (locale: string) =>
  cached(`clock|${locale}`, () =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  );
const integerFormat = (locale: string) => cached(`int|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const plainFormat = (locale: string) =>
  cached(`plain|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: false }));
const twoDigitFormat = (locale: string) =>
  cached(`2d|${locale}`, () => new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }));
const percentFormat = (locale: string) => cached(`pct|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));

/**
 * Local wall-clock time of an epoch-ms instant, 24-hour with seconds (`09:05:03`), in the
 * locale's own form.
 * @param ms epoch milliseconds
 * @param locale BCP 47 tag (`en`, `de`)
 */
export function clockTime(ms: number, locale: string): string {
  return clockFormat(locale).format(ms);
}

/**
 * A whole number with the locale's grouping (`2,000` in `en`, `2.000` in `de`); fractions
 * are rounded.
 */
export function formatNumber(n: number, locale: string): string {
  return integerFormat(locale).format(n);
}

/**
 * A percentage given in 0..100, rounded to a whole percent (`75%` in `en`, `75 %` in `de`).
 */
export function formatPercent(pct: number, locale: string): string {
  return percentFormat(locale).format(Math.round(pct) / 100);
}

/**
 * A duration in seconds as `m:ss`, or `h:mm:ss` from one hour on (the digits in the
 * locale's numbering system). Negative values show as `0:00`; fractions are cut.
 * @param totalSeconds seconds
 */
export function formatDuration(totalSeconds: number, locale: string): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = twoDigitFormat(locale);
  const ss = two.format(s % 60);
  return h > 0 ? `${plainFormat(locale).format(h)}:${two.format(m)}:${ss}` : `${plainFormat(locale).format(m)}:${ss}`;
}

/** The formatters above bound to the board's current language (re-rendered when it changes). */
export interface Formatters {
  readonly locale: string;
  readonly clockTime: (ms: number) => string;
  readonly number: (n: number) => string;
  readonly percent: (pct: number) => string;
  readonly duration: (seconds: number) => string;
}

/** {@link Formatters} for the current language (a component using it re-renders on a language switch). */
export function useFormat(): Formatters {
  const locale = useLanguage();
  return useMemo(
    () => ({
      locale,
      clockTime: (ms) => clockTime(ms, locale),
      number: (n) => formatNumber(n, locale),
      percent: (p) => formatPercent(p, locale),
      duration: (s) => formatDuration(s, locale),
    }),
    [locale],
  );
}
