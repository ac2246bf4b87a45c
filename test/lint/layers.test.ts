/**
 * The layer rules of eslint.config.mjs (docs/architecture.md) refuse imports across the layers:
 * checked with ESLint itself on code placed, in memory, at paths inside each layer.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

const MAY_NOT: [string, string][] = [
  ['src/domain/validate/probe.ts', "import { applyPlan } from '../../excel/apply';"],
  ['src/domain/probe.ts', "import { messages } from '../i18n';"],
  ['src/domain/parse/probe.ts', "import { readFileSync } from 'node:fs';"],
  ['src/domain/parse/probe.ts', "import ExcelJS from 'exceljs';"],
  ['src/workbook/probe.ts', "import { openXlsxWorkbook } from '../xlsx/fileWorkbook';"],
  ['src/excel/probe.ts', "import { XlsxReadError } from '../xlsx/errors';"],
  ['src/xlsx/probe.ts', "import { validate } from '../operations/operations';"],
  ['src/xlsx/probe.ts', "import { messages } from '../i18n';"],
  ['src/taskpane/probe.tsx', "import { applyPlan } from '../excel/apply';"],
  ['src/taskpane/probe.tsx', "import { planStructure } from '../workbook/structure';"],
  ['src/commands/probe.ts', "import { readXlsx } from '../xlsx/read';"],
  ['src/operations/probe.ts', "import { openXlsxWorkbook } from '../xlsx/fileWorkbook';"],
  ['src/operations/probe.ts', "import { readWorkbookFile } from '../xlsx/reader';"],
  ['src/operations/probe.ts', "import { browserPlatform } from '../xlsx/reader/platform.browser';"],
  ['src/taskpane/probe.tsx', "import { readWorkbookBuffer } from '../xlsx/reader/browser';"],
  // The browser-safe reader: no Node module, no Node-side file of src/xlsx, not its own Node entry.
  ['src/xlsx/reader/probe.ts', "import { inflateRawSync } from 'zlib';"],
  ['src/xlsx/reader/probe.ts', "import { zipEntryData } from '../zip';"],
  ['src/xlsx/reader/probe.ts', "import { nodePlatform } from './platform.node';"],
  ['src/xlsx/reader/probe.ts', "import JSZip from 'jszip';"],
  // import() is held to the same layers; the one xlsx file operations may load is that file only.
  ['src/operations/probe.ts', "export const load = () => import('../xlsx/fileWorkbook');"],
  ['src/operations/probe.ts', "export const load = () => import('../xlsx/newWorkbookBuilder/other');"],
  ['src/operations/probe.ts', "export const load = () => import('exceljs');"],
  ['src/taskpane/probe.tsx', "import { newWorkbookBuilder } from '../xlsx/newWorkbookBuilder';"],
  ['src/taskpane/probe.tsx', "export const load = () => import('../xlsx/newWorkbookBuilder');"],
  ['src/domain/probe.ts', "export const load = () => import('../i18n');"],
];
const MAY: [string, string][] = [
  ['src/domain/validate/probe.ts', "import { parseDate } from '../parse/date';"],
  ['src/workbook/probe.ts', "import { parseDate } from '../domain/parse/date';"],
  ['src/excel/probe.ts', "import { TABLE_STYLE } from '../workbook/adapterRules';"],
  ['src/xlsx/probe.ts', "import { Workbook } from 'exceljs';"],
  ['src/operations/probe.ts', "import { applyPlan } from '../excel/adapter';"],
  ['src/taskpane/probe.tsx', "import { validate } from '../operations/operations';"],
  ['src/cli/probe.ts', "import { openXlsxWorkbook } from '../xlsx/fileWorkbook';"],
  ['src/operations/probe.ts', "import { workbookFromBytes } from '../xlsx/reader/browser';"],
  ['src/xlsx/reader/probe.ts', "import { Inflate } from 'fflate';"],
  ['src/xlsx/reader/probe.ts', "import { looksLikeCpr } from '../../domain/parse/cpr';"],
  ['src/xlsx/reader/index.ts', "import { promises as fs } from 'fs';"],
  ['src/xlsx/zip.ts', "import { inflateRawSync } from 'zlib';"],
  ['src/operations/probe.ts', "import type { NewWorkbookBuilder } from '../xlsx/newWorkbookBuilder';"],
  ['src/operations/probe.ts', "export const load = () => import('../xlsx/newWorkbookBuilder');"],
  ['src/cli/probe.ts', "export const load = () => import('../xlsx/fileWorkbook');"],
];

/** ESLint loads its .mjs config with a dynamic import, which Jest's module sandbox lacks: one child process lints every case. */
function layerErrors(cases: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [path, code] of cases) {
        const [result] = await eslint.lintText(code + '\\nexport const probe = 1;\\n', { filePath: path });
        out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..'), input: JSON.stringify(cases), encoding: 'utf8' }));
}

describe('layer boundaries', () => {
  let results: string[][];
  beforeAll(() => {
    results = layerErrors([...MAY_NOT, ...MAY]);
  }, 120_000);

  it.each(MAY_NOT.map((c, i) => [...c, i] as const))('%s may not: %s', (_path, _code, i) => {
    expect(results[i]).toHaveLength(1);
  });

  it.each(MAY.map((c, i) => [...c, MAY_NOT.length + i] as const))('%s may: %s', (_path, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
