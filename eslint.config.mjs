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
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Single files of a forbidden layer a layer may import all the same: operations → the
 * browser-safe entries of the .xlsx adapter, and nothing else of src/xlsx. The streaming reader
 * for the task pane (other workbooks' bytes → WorkbookRead; what it reaches is checked by
 * READER_RULES) with its errors, and the new-workbook builder; the pane loads reader and builder
 * lazily. tsconfig.src.json type-checks them with browser types.
 */
const EXCEPTIONS = {
  operations: ['xlsx/reader/browser', 'xlsx/reader/errors', 'xlsx/newWorkbookBuilder'],
};

function layerPatterns(layer) {
  const forbidden = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  const exceptions = EXCEPTIONS[layer] ?? [];
  const except = exceptions.map((p) => `(?!${escapeRegex(p)}$)`).join('');
  const allowed = [...ALLOWED[layer].map((l) => `src/${l}`), ...exceptions.map((p) => `src/${p}.ts`)];
  return [
    {
      regex: `^(\\.\\./)+${except}(${forbidden.join('|')})(/|$)`,
      message: `src/${layer} may import only from ${allowed.join(', ') || 'itself'} (see docs/architecture.md).`,
    },
  ];
}

/**
 * The browser-safe reader (src/xlsx/reader, less its Node entry index.ts and platform.node.ts):
 * the task pane bundles it, so it uses no Node module and no package but fflate, and reaches no
 * other file of src/xlsx (those are Node's). tsconfig.src.json type-checks it without Node types.
 */
const READER_RULES = {
  files: ['src/xlsx/reader/**/*.ts'],
  ignores: ['src/xlsx/reader/index.ts', 'src/xlsx/reader/platform.node.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        ...layerPatterns('xlsx'),
        { regex: '^(?!\\.|fflate$)', message: 'The browser-safe reader (src/xlsx/reader) uses no Node modules and no packages beyond fflate (see docs/architecture.md).' },
        { regex: '^\\./(index|platform\\.node)$', message: 'The browser-safe reader may not import its Node entry (index.ts, platform.node.ts); take a ReaderPlatform as a parameter.' },
        { regex: '^\\.\\./(?!\\.\\./)', message: 'The browser-safe reader reaches no other file of src/xlsx (they use Node); only src/domain and src/workbook.' },
      ],
    }],
  },
};

function layerRules(layer) {
  const patterns = layerPatterns(layer);
  if (PACKAGES[layer]) {
    const allowed = PACKAGES[layer].map(escapeRegex);
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
  READER_RULES,
  {
    // Build configuration and scripts run in Node as CommonJS.
    files: ['*.js', 'scripts/**/*.js', 'bin/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
