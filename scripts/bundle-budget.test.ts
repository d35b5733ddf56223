/**
 * The kiosk bundle budget check (scripts/bundle-budget.mjs; issue 6 acceptance 3): it
 * counts the entry and its static imports transitively (not lazy chunks), reports CSS
 * apart, takes its budget from package.json, `KIOSK_BUDGET_KB` or `--budget-kb`, and fails
 * when the budget is exceeded, shown on a hand-made manifest and on the real production
 * build with a shrunken budget. Vitest project `build` (vitest.config.ts): run by
 * scripts/test-all.sh right after `npm run build`; builds once itself when `dist/` has no
 * manifest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = join(ROOT, 'scripts', 'bundle-budget.mjs');

/** Runs the budget script; `env` is added to a copy of the environment without `KIOSK_BUDGET_KB`. */
function budget(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.KIOSK_BUDGET_KB;
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** Pseudo-random bytes (deterministic, barely compressible): gzip keeps about `n` bytes. */
function noise(n: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(33 + (x % 90));
  }
  return s;
}

describe('bundle-budget on a hand-made manifest', () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
    mkdirSync(join(dist, '.vite'));
    mkdirSync(join(dist, 'assets'));
    const files = { 'entry.js': 2_000, 'shared.js': 3_000, 'deep.js': 1_000, 'lazy.js': 50_000, 'lazy-only.js': 50_000, 'entry.css': 500 };
    Object.entries(files).forEach(([f, n], i) => writeFileSync(join(dist, 'assets', f), noise(n, i + 1)));
    const manifest = {
      'index.html': { file: 'assets/entry.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/lazy.tsx'], css: ['assets/entry.css'] },
      '_shared.js': { file: 'assets/shared.js', imports: ['_deep.js'] },
      '_deep.js': { file: 'assets/deep.js', imports: ['_shared.js'] },
      'src/lazy.tsx': { file: 'assets/lazy.js', imports: ['_shared.js', '_lazy-only.js'], isDynamicEntry: true },
      '_lazy-only.js': { file: 'assets/lazy-only.js' },
    };
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('counts the entry and its static imports transitively, not lazy chunks; CSS apart', () => {
    const r = budget(['--dist', dist, '--budget-kb', '20', '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.js.map((c: { file: string }) => c.file)).toEqual(['assets/entry.js', 'assets/shared.js', 'assets/deep.js']);
    // 6,000 barely compressible bytes eager; the lazy chunks' 100,000 would show.
    expect(result.jsKbGzip).toBeGreaterThan(4);
    expect(result.jsKbGzip).toBeLessThan(6);
    expect(result.css.map((c: { file: string }) => c.file)).toEqual(['assets/entry.css']);
    expect(result.lazyNotCounted).toEqual(['assets/lazy.js']);
    expect(result).toMatchObject({ ok: true, budgetKbGzip: 20, budgetSource: '--budget-kb' });
  });

  it('fails, naming the budget, when the JavaScript is over it (flag, then environment)', () => {
    const flag = budget(['--dist', dist, '--budget-kb', '4']);
    expect(flag.status).toBe(1);
    expect(flag.err).toMatch(/over the budget of 4 kB \(--budget-kb\)/);

    const env = budget(['--dist', dist], { KIOSK_BUDGET_KB: '3' });
    expect(env.status).toBe(1);
    expect(env.err).toMatch(/over the budget of 3 kB \(KIOSK_BUDGET_KB\)/);
    expect(budget(['--dist', dist], { KIOSK_BUDGET_KB: '6' }).status).toBe(0);
    // The flag wins over the environment.
    expect(budget(['--dist', dist, '--budget-kb', '6'], { KIOSK_BUDGET_KB: '3' }).status).toBe(0);
  });

  it('says what is wrong on a missing manifest or a bad budget (exit 2)', () => {
    const missing = budget(['--dist', join(dist, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(missing.err).toMatch(/run `npm run build` first/);
    const bad = budget(['--dist', dist, '--budget-kb', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/--budget-kb must be a positive number/);
  });
});

describe('bundle-budget on the production build', () => {
  const manifestPath = join(ROOT, 'dist', '.vite', 'manifest.json');
  beforeAll(() => {
    if (!existsSync(manifestPath)) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }, 120_000);

  it('reads its budget from package.json (bundleBudget.kioskKbGzip) and exits by it', () => {
    const configured = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bundleBudget.kioskKbGzip;
    const r = budget(['--json']);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ budgetKbGzip: configured, budgetSource: 'package.json bundleBudget.kioskKbGzip' });
    expect(result.ok).toBe(result.jsKbGzip <= configured);
    expect(r.status).toBe(result.ok ? 0 : 1);
  });

  it('fails the check when the budget is shrunk to 1 kB, and names the budget', () => {
    const r = budget(['--budget-kb', '1']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/the kiosk entry JavaScript is [\d.]+ kB gzip, over the budget of 1 kB \(--budget-kb\)/);
  });

  it("keeps the supervisor's libraries and command menu out of the kiosk's eager chunks", () => {
    const result = JSON.parse(budget(['--json', '--budget-kb', '100000']).out);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; src?: string }>;
    const eager = new Set<string>(result.js.map((c: { file: string }) => c.file));
    const lazyFile = (src: string) => Object.values(manifest).find((c) => c.src === src)?.file;
    for (const src of ['src/app/supervisor.tsx', 'src/features/agents/AgentCommands.tsx']) {
      const file = lazyFile(src);
      expect(file, `${src} is a chunk of its own`).toBeDefined();
      expect(eager.has(file!), `${src} is not loaded by the kiosk`).toBe(false);
    }
    const eagerText = [...eager].map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8')).join('\n');
    expect(eagerText).not.toContain('QueryClient');
    expect(eagerText).not.toContain('data-sonner-toaster');
  });
});
