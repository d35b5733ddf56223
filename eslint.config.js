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

/**
 * A backend connector's `index.ts` is its only importable file from outside
 * `src/connectors/` (ARCHITECTURE.md "Rooms"); the shared `transport/` and `stomp/`
 * folders stay importable. Matches e.g. `../connectors/rte/rte-connector`, not
 * `../connectors/rte` or `../connectors/rte/index`.
 */
const DEEP_CONNECTOR_IMPORT = {
  regex: '(^|/)connectors/(?!transport/|stomp/)[^/]+/(?!index(\\.ts)?$)[^/]+',
  message: "Import a connector only through its index.ts (its module); its other files are private to src/connectors/<backend>/.",
};

/**
 * Classic zod is refused everywhere in src/ (tests included): schemas use `zod/mini`
 * through src/domain/zod.ts (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const CLASSIC_ZOD = { name: 'zod', message: 'use zod/mini (kiosk bundle budget)' };
/** Classic zod by its other entry points (`zod/v4`, `zod/v4/classic`, `zod/v3`). */
const CLASSIC_ZOD_ENTRIES = { regex: '^zod/(v3|v4|v4/classic)$', message: CLASSIC_ZOD.message };

/**
 * One `no-restricted-imports` setting per zone: the wrapper libraries, classic zod, plus
 * deep connector imports outside src/connectors/.
 */
function restrict(except, outsideConnectors) {
  const paths = WRAPPERS.filter((w) => w.folder !== except).map((w) => ({
    name: w.pkg,
    message: `Only ${w.folder}/ may import ${w.pkg}.`,
  }));
  paths.push(CLASSIC_ZOD);
  const patterns = WRAPPERS.filter((w) => w.folder !== except).map((w) => ({
    group: [`${w.pkg}/*`],
    message: `Only ${w.folder}/ may import ${w.pkg}.`,
  }));
  patterns.push(CLASSIC_ZOD_ENTRIES);
  if (outsideConnectors) patterns.push(DEEP_CONNECTOR_IMPORT);
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

function wrapperZones() {
  return [
    {
      files: ['src/**/*.{ts,tsx}'],
      ignores: [...WRAPPERS.map((w) => `${w.folder}/**`), 'src/connectors/**'],
      rules: restrict(null, true),
    },
    { files: ['src/connectors/**/*.{ts,tsx}'], ignores: WRAPPERS.map((w) => `${w.folder}/**`), rules: restrict(null, false) },
    ...WRAPPERS.map((w) => ({ files: [`${w.folder}/**/*.{ts,tsx}`], rules: restrict(w.folder, !w.folder.startsWith('src/connectors')) })),
  ];
}

/** Timers outside the one scheduler (ARCHITECTURE.md rule 3): app code schedules through src/lib/scheduler.ts. */
const TIMER_NAMES = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'];
const TIMER_MESSAGE = 'Schedule through src/lib/scheduler.ts (realScheduler, or the Scheduler passed in): one scheduler for the app and its tests.';
const timerRules = {
  'no-restricted-globals': ['error', ...TIMER_NAMES.map((name) => ({ name, message: TIMER_MESSAGE }))],
  'no-restricted-properties': [
    'error',
    ...['window', 'globalThis', 'self'].flatMap((object) => TIMER_NAMES.map((property) => ({ object, property, message: TIMER_MESSAGE }))),
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results', '.tmp'] },
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
        { type: 'connector-shared', pattern: 'src/connectors/transport' },
        { type: 'connector-shared', pattern: 'src/connectors/stomp' },
        { type: 'connectors', pattern: 'src/connectors/*', capture: ['connector'] },
        { type: 'stores', pattern: 'src/stores' },
        { type: 'features', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'kiosk', pattern: 'src/kiosk' },
        { type: 'app', pattern: 'src/app' },
        { type: 'config', pattern: 'src/config' },
        { type: 'ui', pattern: 'src/ui' },
        { type: 'i18n', pattern: 'src/i18n' },
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
            // A connector may import only its own folder, the shared transport/stomp code, domain and lib:
            // never another connector.
            {
              from: { element: { type: 'connectors', captured: { connector: '{{ from.captured.connector }}' } } },
              allow: [{ to: { element: { type: 'connectors', captured: { connector: '{{ from.captured.connector }}' } } } }],
            },
            allow('connectors', 'domain', 'lib', 'connector-shared'),
            allow('connector-shared', 'domain', 'lib', 'connector-shared'),
            allow('stores', 'domain', 'lib', 'stores'),
            {
              from: { element: { type: 'features', captured: { feature: '{{ from.captured.feature }}' } } },
              allow: [{ to: { element: { type: 'features', captured: { feature: '{{ from.captured.feature }}' } } } }],
            },
            allow('features', 'stores', 'domain', 'ui', 'lib', 'config', 'i18n'),
            allow('kiosk', 'kiosk', 'features', 'stores', 'domain', 'ui', 'lib', 'config', 'connectors', 'connector-shared', 'i18n'),
            allow('app', 'app', 'kiosk', 'features', 'stores', 'domain', 'ui', 'lib', 'config', 'connectors', 'connector-shared', 'i18n'),
            allow('config', 'config', 'domain'),
            allow('ui', 'ui', 'domain', 'i18n'),
            allow('i18n', 'i18n', 'domain'),
            allow('lib', 'lib', 'domain'),
          ],
        },
      ],
    },
  },
  // "This library only inside its wrapper folder" (ARCHITECTURE.md): one zone per wrapper,
  // plus the rest of src/, so each file gets exactly one no-restricted-imports setting.
  ...wrapperZones(),
  // Tests are not part of the app's import graph: a room's tests may use what the app wires
  // together (e.g. config tests validate with the board schema built in app/modules.ts).
  { files: ['src/**/*.test.{ts,tsx}'], rules: { 'boundaries/dependencies': 'off' } },
  // No timers in src/ outside src/lib/ (tests may wait on real time).
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/lib/**', 'src/**/*.test.{ts,tsx}'], rules: timerRules },
);
