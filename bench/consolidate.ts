/**
 * `indsats consolidate` at scale: 100 workbooks of 1 000 tracking rows each (one initiative per
 * workbook, as one team's file), brought together by the CLI bundle in a child process of its own,
 * so its wall time and peak RSS are the command's. Printed, not asserted. BENCH_CONSOLIDATE=20x500
 * runs a smaller case.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planStructure } from '../src/workbook/structure';
import { newXlsxWorkbook } from '../src/xlsx/fileWorkbook';
import { generateParticipantTables } from './generate';

export async function benchConsolidate(): Promise<void> {
  const [files, rows] = (process.env.BENCH_CONSOLIDATE ?? '100x1000').split('x').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'indsats-bench-consolidate-'));
  try {
    const folder = join(dir, 'teams');
    mkdirSync(folder);
    const started = process.hrtime.bigint();
    // One team's workbook written once (ExcelJS is slow at this); the others are copies with the
    // ID replaced in every XML part (IDs of one length, so nothing else moves), zipped again.
    const base = join(dir, 'base.xlsx');
    const [register, participants] = generateParticipantTables(rows, 1);
    const rename = (v: unknown) => (typeof v === 'string' ? v.replace(/^IND01/, 'TEAM001') : v);
    const workbook = newXlsxWorkbook();
    await workbook.apply(planStructure({ sheets: [] }, { rows: { Indsatser: register.rows.map((r) => r.map(rename)), Deltagere_TEAM001: participants.rows.map((r) => r.map(rename)) } as never }));
    await workbook.save(base);
    const zip = await JSZip.loadAsync(readFileSync(base));
    const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    const texts = new Map<string, string>();
    for (const name of parts) if (/\.(xml|rels)$/.test(name)) texts.set(name, await zip.file(name)!.async('string'));
    for (let n = 0; n < files; n++) {
      const id = `TEAM${String(n + 1).padStart(3, '0')}`;
      const copy = new JSZip();
      for (const name of parts) {
        const text = texts.get(name);
        copy.file(name, text === undefined ? await zip.file(name)!.async('uint8array') : text.split('TEAM001').join(id));
      }
      writeFileSync(join(folder, `${id}.xlsx`), await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    }
    const generated = Number(process.hrtime.bigint() - started) / 1e9;
    const inputMb = readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0) / 1e6;
    const out = join(dir, 'portfolio.xlsx');
    const probe = `require(${JSON.stringify(join(__dirname, '../../dist-cli/indsats.js'))}).main(['consolidate', ${JSON.stringify(folder)}, '-o', ${JSON.stringify(out)}, '--quiet', '--as-of', '2017-12-31'], { out() {}, err(t) { process.stderr.write(t + '\\n'); }, today: () => '2017-12-31' })` +
      `.then((code) => { process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + '\\n'); })`;
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const last = run.stderr.trim().split('\n').pop() ?? '';
    let result: { code: number; maxRssKb: number } | undefined;
    try {
      result = JSON.parse(last);
    } catch {
      console.log(`indsats consolidate: ${files} workbooks × ${rows} rows failed: ${run.stderr.slice(-500)}`);
      return;
    }
    const outMb = statSync(out).size / 1e6;
    console.log(`indsats consolidate: ${files} workbooks × ${rows.toLocaleString('en-GB')} rows (${inputMb.toFixed(1)} MB in, generated in ${generated.toFixed(0)} s) → ${outMb.toFixed(1)} MB, exit ${result!.code}`);
    console.log(`  ${seconds.toFixed(1)} s wall · peak ${(result!.maxRssKb / 1024).toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
