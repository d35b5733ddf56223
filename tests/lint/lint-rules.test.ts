/**
 * The house rules that lint enforces (issue 5, acceptance 1; ARCHITECTURE.md "Rooms" and
 * rule 3): each fixture is linted by the project's own eslint.config.js as if it stood at a
 * path inside src/, and must fail with the rule named, while the clean fixture passes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'tests/lint/fixtures', `${name}.fixture.txt`), 'utf8');

async function lintAs(name: string, filePath: string): Promise<{ ruleId: string | null; message: string }[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(fixture(name), { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

describe('lint rules of the house plan', () => {
  it('refuses a deep import into connectors/rte/ from app/', async () => {
    const messages = await lintAs('app-deep-import', 'src/app/lint-fixture.ts');
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'no-restricted-imports', message: expect.stringContaining('through its index.ts') }));
  });

  it('refuses a connector importing another connector', async () => {
    const messages = await lintAs('connector-imports-connector', 'src/connectors/gc/lint-fixture.ts');
    expect(messages.map((m) => m.ruleId)).toContain('boundaries/dependencies');
  });

  it('refuses setTimeout / window.setInterval in a feature', async () => {
    const messages = await lintAs('feature-timer', 'src/features/queues/lint-fixture.ts');
    expect(messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-restricted-globals', 'no-restricted-properties']));
  });

  it('accepts a connector module through its index, the shared transport code and the one scheduler', async () => {
    const messages = await lintAs('clean', 'src/app/lint-fixture.ts');
    expect(messages.filter((m) => m.ruleId !== null && /restricted|boundaries/.test(m.ruleId))).toEqual([]);
  });
}, 60_000);
