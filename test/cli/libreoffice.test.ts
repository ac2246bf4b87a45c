/** LibreOffice as the independent reader of what `indsats demo` and `indsats init` write. */
import { mkdirSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { convertWithLibreOffice, CSV_ALL_SHEETS, describeWithLibreOffice, libreOfficeHookTimeout, removeLibreOfficeProfile } from '../helpers/libreoffice';
import { tempDir } from '../xlsx/fixtures';
import { demoWorkbook, indsats } from './helpers';

describeWithLibreOffice('LibreOffice opens the demo workbook', () => {
  const tmp = tempDir('indsats-cli-lo-');
  let csv: Record<string, string[]>;
  let resaved: string;

  beforeAll(async () => {
    const demo = tmp.path('demo.xlsx');
    await demoWorkbook(demo);
    const csvDir = join(tmp.dir, 'csv');
    const xlsxDir = join(tmp.dir, 'xlsx');
    mkdirSync(csvDir);
    mkdirSync(xlsxDir);
    await convertWithLibreOffice(demo, CSV_ALL_SHEETS, csvDir);
    csv = Object.fromEntries(readdirSync(csvDir).map((n) => [n.replace(/^demo-|\.csv$/g, ''), readFileSync(join(csvDir, n), 'utf8').trim().split(/\r?\n/)]));
    resaved = await convertWithLibreOffice(demo, 'xlsx', xlsxDir);
  }, libreOfficeHookTimeout(2));

  afterAll(() => {
    tmp.cleanup();
    removeLibreOfficeProfile();
  });

  it('shows every sheet', () => {
    expect(Object.keys(csv).sort()).toEqual(
      ['CVJOB', 'EMP', 'FKIB', 'FSM', 'HJEM', 'INV', 'ITMV', 'Indsatser', 'JOBFIRST', 'POOL', 'SMC', 'SPEC', 'STRAKS', 'Statuslog', 'TRANS', 'Taksonomier', 'UNGE', 'Økonomi'].sort(),
    );
  });

  it('shows the ITMV rows with Danish dates', () => {
    const rows = csv.ITMV.slice(4);
    expect(rows).toHaveLength(19);
    expect(rows[0]).toMatch(/^ITMV-001,11-01-2016,Aktivitetsparate kontanthjælpsmodtagere,3,I ordinær beskæftigelse,01-06-2016,01-06-2016,30,34,,$/); // Bemærkning and Gruppe empty
  });

  it('shows the finance amounts in kroner', () => {
    expect(csv['Økonomi'].find((l) => l.startsWith('ITMV,2017,Kommune'))).toMatch(/^ITMV,2017,Kommune,"?262[.,]000[.,]00 kr\."?,50[.,]0%/);
  });

  it('writes a file back that still validates with no errors', async () => {
    const run = await indsats('validate', resaved, '--json');
    const findings = JSON.parse(run.out) as { code: string; severity: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });
});
