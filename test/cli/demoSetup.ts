/**
 * Jest global setup of the integration project: writes the demo workbook once, into a temp folder
 * named in the environment (the workers inherit it); `demoWorkbook` copies it for each suite.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { indsats, SHARED_DEMO_ENV } from './helpers';

export default async function demoSetup(): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'indsats-shared-demo-')), 'demo.xlsx');
  const run = await indsats('demo', '-o', file);
  if (run.code !== 0) throw new Error(`indsats demo failed (${run.code}): ${run.err}`);
  process.env[SHARED_DEMO_ENV] = file;
}
