import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md): which folders of src a folder may import from. An import of
 * another src folder is written relative (`../excel/…`, `../../i18n`), so a layer is recognised by
 * the first folder name after the `../` steps; no folder inside a layer is named like a layer.
 */
const LAYERS = ['domain', 'i18n', 'workbook', 'excel', 'xlsx', 'operations', 'taskpane', 'commands', 'cli', 'demo'];
const ALLOWED = {
  // Pure: no Office, files, DOM, i18n or packages.
  domain: [],
  i18n: ['domain'],
  demo: ['domain'],
  // Read shape, plans, planners and the rules both adapters share.
  workbook: ['domain', 'i18n'],
  // Adapters: how to read and write, never what.
  excel: ['domain', 'workbook'],
  xlsx: ['domain', 'workbook'],
  // Every command, for pane, ribbon and CLI; the Office.js workbook is made here.
  operations: ['domain', 'workbook', 'i18n', 'excel'],
  // The UI reaches Office and files only through operations.
  taskpane: ['domain', 'i18n', 'operations'],
  commands: ['domain', 'i18n', 'operations'],
  cli: ['domain', 'i18n', 'operations', 'workbook', 'xlsx', 'demo'],
};
/** Packages a layer may use; everything else bare is refused where a list is given. */
const PACKAGES = {
  domain: [],
  i18n: [],
  demo: [],
  workbook: [],
  excel: [],
  operations: [],
};

/**
 * Single files of a forbidden layer a layer may import all the same. operations → the .xlsx
 * adapter's new-workbook builder, and nothing else of src/xlsx: its one browser-safe entry (no
 * Node; tsconfig.src.json checks it with browser types), loaded lazily by *Lav partnerudgave*.
 */
const EXCEPTIONS = {
  operations: ['xlsx/newWorkbookBuilder'],
};

function layerRules(layer) {
  const forbidden = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  const except = (EXCEPTIONS[layer] ?? []).map((p) => `(?!${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$)`).join('');
  const patterns = [
    {
      regex: `^(\\.\\./)+${except}(${forbidden.join('|')})(/|$)`,
      message: `src/${layer} may import only from ${ALLOWED[layer].map((l) => `src/${l}`).join(', ') || 'itself'} (see docs/architecture.md).`,
    },
  ];
  if (PACKAGES[layer]) {
    const allowed = PACKAGES[layer].map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    patterns.push({
      regex: allowed.length ? `^(?!\\.|${allowed.join('|')})` : '^(?!\\.)',
      message: `src/${layer} uses no packages or Node modules${allowed.length ? ` beyond ${PACKAGES[layer].join(', ')}` : ''} (see docs/architecture.md).`,
    });
  }
  // no-restricted-imports does not see import() expressions: the same patterns on their source.
  // (esquery takes no '/' inside a regex: written as \x2F.)
  const dynamic = patterns.map((p) => ({
    selector: `ImportExpression[source.value=/${p.regex.replace(/\\?\//g, '\\x2F')}/]`,
    message: p.message,
  }));
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', ...dynamic] },
  };
}

export default defineConfig(
  { ignores: ['dist/', 'dist-cli/', 'coverage/', 'node_modules/', 'test/artifacts/'] },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `_name` marks a deliberately unused binding, e.g. a property dropped by rest destructuring.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'test/taskpane/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.flat.recommended.rules,
  },
  ...LAYERS.map(layerRules),
  {
    // Build configuration and scripts run in Node as CommonJS.
    files: ['*.js', 'scripts/**/*.js', 'bin/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
