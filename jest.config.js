/**
 * Two projects, both run by `jest`:
 * - unit: the inner loop (`npm run test:unit`): in-memory and small-file tests, no child processes;
 * - integration: suites that start LibreOffice, Chromium or the CLI, or handle big workbooks.
 * Timeouts are sized for a loaded 2-core machine; speed is measured by `npm run bench`, not asserted.
 */

/** The integration suites: folders (ending in /) and files under test/. Everything else is unit. */
const INTEGRATION = [
  'cli/', // the CLI on real files, the bin in a child process, LibreOffice recalculating its sheets
  'browser/', // the built task pane in Chromium
  'xlsx/libreoffice.test.ts', // LibreOffice opens what we write
  'xlsx/charts.test.ts', // LibreOffice renders the charts
  'xlsx/badInput.test.ts', // a 50 MB workbook
  'excel/budget.test.ts', // 100 000-row workbooks on the stand-in
  'xlsx/readerParity.test.ts', // files written by LibreOffice and openpyxl, read by both readers
  'xlsx/readerHostile.test.ts', // zip bombs and huge sheets, each in a child process
  'workbook/formula.test.ts', // LibreOffice recalculates formulas built from hostile names
  'lint/', // ESLint in a child process on probes placed in each layer
  'hostile/', // hostile input through the built CLI, each case in a child process; LibreOffice recalculates
];

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const shared = {
  // Component tests opt into a DOM with a `@jest-environment jsdom` docblock.
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
const ignored = ['/node_modules/', '<rootDir>/test/artifacts/'];

/** @type {import('jest').Config} */
module.exports = {
  // Base timeout per test and hook; suites that start LibreOffice or Chromium set larger ones.
  testTimeout: 60_000,
  // Jest's default is one worker per core but one, which on 2 cores means all in one process and a
  // core idle whenever a suite waits on soffice, Chromium or a child node. At least two.
  maxWorkers: Math.max(2, require('os').availableParallelism() - 1),
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: TESTS.map((t) => `<rootDir>/test/${t}`),
      testPathIgnorePatterns: [...ignored, ...INTEGRATION.map((p) => `<rootDir>/test/${escape(p)}`)],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: INTEGRATION.flatMap((p) => (p.endsWith('/') ? TESTS.map((t) => `<rootDir>/test/${p}${t}`) : [`<rootDir>/test/${p}`])),
      testPathIgnorePatterns: ignored,
      // One demo workbook (`indsats demo`) for the suites that read it.
      globalSetup: '<rootDir>/test/cli/demoSetup.ts',
      globalTeardown: '<rootDir>/test/cli/demoTeardown.ts',
    },
  ],
};
