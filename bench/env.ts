/**
 * What the benchmark scripts share: reading numeric settings from the environment, and the
 * Chromium flags (the same as playwright.config.ts).
 */

/** Chromium flags of every benchmark browser (as in playwright.config.ts). */
export const CHROMIUM_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The number in environment variable `name`, `dflt` when it is unset or empty.
 * @param opts.positive refuse 0 (default: 0 allowed, negatives never)
 * @param opts.integer refuse fractions
 * @throws Error naming the variable when the value is not such a number
 */
export function envNumber(name: string, dflt: number, opts: { readonly positive?: boolean; readonly integer?: boolean } = {}): number {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  const ok = Number.isFinite(n) && (opts.positive ? n > 0 : n >= 0) && (!opts.integer || Number.isInteger(n));
  if (!ok) throw new Error(`${name} must be a ${opts.positive ? 'positive' : 'non-negative'} ${opts.integer ? 'integer' : 'number'}, got '${v}'`);
  return n;
}
