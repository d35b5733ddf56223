#!/usr/bin/env node
/**
 * Kiosk entry bundle budget (issue 6: "Kiosk entry bundle ≤ 150 kB gzip, enforced in CI";
 * docs/PERFORMANCE.md "Kiosk bundle budget").
 *
 * Reads the production build's manifest (`dist/.vite/manifest.json`, written because
 * vite.config.ts sets `build.manifest`), takes the entry (`index.html`) and every chunk it
 * imports statically, transitively — everything the browser must load before `/kiosk` shows
 * live data; `dynamicImports` (the supervisor's lazy chunks) are listed, not counted — and
 * gzips each file with node:zlib (level 9). The JavaScript
 * total is held to the budget; the CSS of those chunks is reported separately.
 *
 * The budget (kB = 1,000 bytes of gzip) is `bundleBudget.kioskKbGzip` in package.json,
 * overridden by the environment variable `KIOSK_BUDGET_KB` or the flag `--budget-kb <n>`
 * (the flag wins).
 *
 * Usage: node scripts/bundle-budget.mjs [--budget-kb <n>] [--dist <dir>] [--json]
 *   --dist   the build's output folder (default `dist` next to package.json)
 *   --json   print one JSON object instead of the table
 * Exit: 0 within budget; 1 over budget (the message names the budget); 2 on a usage error
 * or a missing/unreadable manifest (run `npm run build` first).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'index.html';

/** Bytes → kB (1,000 bytes) with one decimal, as Vite prints them. */
const kb = (bytes) => (bytes / 1000).toFixed(1);

function fail(message) {
  console.error(`bundle-budget: ${message}`);
  process.exit(2);
}

/**
 * The budget in kB gzip: `--budget-kb`, else `KIOSK_BUDGET_KB`, else package.json
 * `bundleBudget.kioskKbGzip`. Exits 2 when the chosen value is not a positive number.
 */
function budgetKb(flag) {
  let source = '--budget-kb';
  let raw = flag;
  if (raw === undefined && process.env.KIOSK_BUDGET_KB) {
    source = 'KIOSK_BUDGET_KB';
    raw = process.env.KIOSK_BUDGET_KB;
  }
  if (raw === undefined) {
    source = 'package.json bundleBudget.kioskKbGzip';
    raw = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bundleBudget?.kioskKbGzip;
  }
  const value = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(value) || value <= 0) fail(`${source} must be a positive number of kB, got ${JSON.stringify(raw)}`);
  return { value, source };
}

/**
 * The entry's eager chunks: manifest keys reachable from `entry` through `imports`
 * (depth-first, entry first), and the lazy chunks they import dynamically.
 */
function eagerChunks(manifest, entry) {
  const eager = [];
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) fail(`the manifest has no chunk ${JSON.stringify(key)}`);
    seen.add(key);
    eager.push(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);
  const lazy = new Set();
  for (const key of eager) for (const d of manifest[key].dynamicImports ?? []) if (!seen.has(d)) lazy.add(d);
  return { eager, lazy: [...lazy] };
}

function main() {
  let args;
  try {
    args = parseArgs({
      options: { 'budget-kb': { type: 'string' }, dist: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (e) {
    fail(e.message);
  }
  const dist = resolve(ROOT, args.dist ?? 'dist');
  const manifestPath = join(dist, '.vite', 'manifest.json');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    fail(`cannot read ${manifestPath} (${e.code ?? e.message}): run \`npm run build\` first`);
  }
  const budget = budgetKb(args['budget-kb']);
  const { eager, lazy } = eagerChunks(manifest, ENTRY);
  const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const js = eager.map((key) => ({ file: manifest[key].file, gzipBytes: gz(manifest[key].file) }));
  const cssFiles = [...new Set(eager.flatMap((key) => manifest[key].css ?? []))];
  const css = cssFiles.map((file) => ({ file, gzipBytes: gz(file) }));
  const jsBytes = js.reduce((n, c) => n + c.gzipBytes, 0);
  const cssBytes = css.reduce((n, c) => n + c.gzipBytes, 0);
  const ok = jsBytes <= budget.value * 1000;
  const result = {
    ok,
    budgetKbGzip: budget.value,
    budgetSource: budget.source,
    jsKbGzip: Number(kb(jsBytes)),
    cssKbGzip: Number(kb(cssBytes)),
    js,
    css,
    lazyNotCounted: lazy.map((key) => manifest[key].file),
  };

  if (args.json) {
    console.info(JSON.stringify(result, null, 2));
  } else {
    console.info(`Kiosk entry bundle (${ENTRY} and its static imports, gzip level 9):`);
    for (const c of js) console.info(`  ${kb(c.gzipBytes).padStart(7)} kB  ${c.file}`);
    console.info(`  ${kb(jsBytes).padStart(7)} kB  JavaScript total (budget ${budget.value} kB, from ${budget.source})`);
    for (const c of css) console.info(`  ${kb(c.gzipBytes).padStart(7)} kB  ${c.file} (CSS, not in the budget)`);
    if (lazy.length) console.info(`  not loaded by the kiosk (lazy): ${result.lazyNotCounted.join(', ')}`);
  }
  if (!ok) {
    console.error(
      `bundle-budget: FAILED: the kiosk entry JavaScript is ${kb(jsBytes)} kB gzip, over the budget of ${budget.value} kB (${budget.source})`,
    );
    process.exit(1);
  }
  if (!args.json) console.info(`bundle-budget: ok: ${kb(jsBytes)} kB gzip ≤ ${budget.value} kB`);
}

main();
