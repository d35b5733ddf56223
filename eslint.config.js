// Lint rules, including the house plan's import boundaries (shared/ARCHITECTURE.md, "Rooms"):
// which folder may import which, and "this library only inside its wrapper folder".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

const el = (type) => ({ to: { element: { type } } });
const allow = (from, ...types) => ({ from: { element: { type: from } }, allow: types.map(el) });

/** Libraries that may be imported only inside one folder. */
const WRAPPERS = [
  { pkg: 'zustand', folder: 'src/stores' },
  { pkg: '@microsoft/signalr', folder: 'src/connectors/rte' },
  { pkg: '@stomp/stompjs', folder: 'src/connectors/stomp' },
  { pkg: 'recharts', folder: 'src/features/trends' },
];

function restrict(except) {
  const paths = WRAPPERS.filter((w) => w.folder !== except).map((w) => ({
    name: w.pkg,
    message: `Only ${w.folder}/ may import ${w.pkg}.`,
  }));
  const patterns = WRAPPERS.filter((w) => w.folder !== except).map((w) => ({
    group: [`${w.pkg}/*`],
    message: `Only ${w.folder}/ may import ${w.pkg}.`,
  }));
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

function wrapperZones() {
  return [
    { files: ['src/**/*.{ts,tsx}'], ignores: WRAPPERS.map((w) => `${w.folder}/**`), rules: restrict(null) },
    ...WRAPPERS.map((w) => ({ files: [`${w.folder}/**/*.{ts,tsx}`], rules: restrict(w.folder) })),
  ];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'domain', pattern: 'src/domain' },
        { type: 'connectors', pattern: 'src/connectors/*', capture: ['connector'] },
        { type: 'stores', pattern: 'src/stores' },
        { type: 'features', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'kiosk', pattern: 'src/kiosk' },
        { type: 'app', pattern: 'src/app' },
        { type: 'config', pattern: 'src/config' },
        { type: 'ui', pattern: 'src/ui' },
        { type: 'lib', pattern: 'src/lib' },
      ],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            allow('domain', 'domain'),
            allow('connectors', 'domain', 'lib', 'connectors'),
            allow('stores', 'domain', 'lib', 'stores'),
            {
              from: { element: { type: 'features', captured: { feature: '{{ from.captured.feature }}' } } },
              allow: [{ to: { element: { type: 'features', captured: { feature: '{{ from.captured.feature }}' } } } }],
            },
            allow('features', 'stores', 'domain', 'ui', 'lib', 'config'),
            allow('kiosk', 'kiosk', 'features', 'stores', 'domain', 'ui', 'lib', 'config', 'connectors'),
            allow('app', 'app', 'kiosk', 'features', 'stores', 'domain', 'ui', 'lib', 'config', 'connectors'),
            allow('config', 'config', 'domain'),
            allow('ui', 'ui', 'domain'),
            allow('lib', 'lib', 'domain'),
          ],
        },
      ],
    },
  },
  // "This library only inside its wrapper folder" (ARCHITECTURE.md): one zone per wrapper,
  // plus the rest of src/, so each file gets exactly one no-restricted-imports setting.
  ...wrapperZones(),
);
