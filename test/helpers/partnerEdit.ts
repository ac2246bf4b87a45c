/**
 * A partner's edits to their copy of ITMV, made by openpyxl (a writer not ours, as the partner's own
 * Excel would be): ITMV-005's status changed, ITMV-003 deleted, ITMV-019 added.
 */
import { execFileSync } from 'child_process';

/** Reads the copy at `from`, writes the edited one to `to`. */
export function editPartnerCopy(from: string, to: string): void {
  execFileSync('/usr/bin/python3', ['-c', `
import datetime, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['ITMV']
header = [c.value for c in ws[4]]
rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value}
ws.cell(rows['ITMV-005'], header.index('Status') + 1).value = 'I ordinær beskæftigelse'
ws.delete_rows(rows['ITMV-003'])
new = ['ITMV-019', datetime.datetime(2016, 8, 24), 'Aktivitetsparate kontanthjælpsmodtagere', 1, 'I forløb', datetime.datetime(2016, 8, 24), None, None, 33, None, None]
for i, v in enumerate(new): ws.cell(4 + 19, i + 1).value = v
wb.save(sys.argv[2])
`, from, to]);
}
