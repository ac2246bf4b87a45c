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
 * The one file of src/xlsx the browser side may import: the streaming reader for the task pane
 * (other workbooks' bytes → WorkbookRead). Everything it reaches is checked by READER_RULES.
 */
const BROWSER_READER = { operations: 'xlsx/reader/browser' };

function layerPatterns(layer) {
  const forbidden = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  const names = forbidden.map((l) => (BROWSER_READER[layer]?.startsWith(`${l}/`) ? `${l}(?!/${BROWSER_READER[layer].slice(l.length + 1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$)` : l));
  const allowed = [...ALLOWED[layer].map((l) => `src/${l}`), ...(BROWSER_READER[layer] ? [`src/${BROWSER_READER[layer]}.ts`] : [])];
  return [
    {
      regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
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
    const allowed = PACKAGES[layer].map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    patterns.push({
      regex: allowed.length ? `^(?!\\.|${allowed.join('|')})` : '^(?!\\.)',
      message: `src/${layer} uses no packages or Node modules${allowed.length ? ` beyond ${PACKAGES[layer].join(', ')}` : ''} (see docs/architecture.md).`,
    });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
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
