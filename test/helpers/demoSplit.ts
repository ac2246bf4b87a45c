/**
 * The demo's initiatives split into teams' workbooks, as `indsats consolidate` and "Saml
 * projektmapper" take them: one workbook's register rows, tracking rows, status log and finance
 * for the initiatives given, built by the structure planner.
 */
import { demoRows } from '../../src/demo/demoData';
import { participantTableName, TABLE_NAMES } from '../../src/domain/model/schema';
import type { CellValue } from '../../src/domain/parse/cell';
import type { Plan } from '../../src/workbook/plan';
import { planStructure } from '../../src/workbook/structure';

/** The demo's initiatives in three teams' workbooks (register order kept across the files). */
export const DEMO_SPLIT: Record<string, string[]> = {
  'team-a.xlsx': ['ITMV', 'FSM', 'JOBFIRST'],
  'team-b.xlsx': ['EMP', 'SPEC', 'STRAKS', 'CVJOB'],
  'team-c.xlsx': ['TRANS', 'FKIB', 'UNGE', 'SMC', 'INV', 'HJEM', 'POOL'],
};

/** The rows by table of the demo's initiatives `ids`. */
export function demoPartRows(ids: readonly string[]): Record<string, CellValue[][]> {
  const all = demoRows();
  const mine = (rows: CellValue[][]) => rows.filter((r) => ids.includes(String(r[0])));
  const rows: Record<string, CellValue[][]> = {
    [TABLE_NAMES.initiatives]: mine(all[TABLE_NAMES.initiatives]),
    [TABLE_NAMES.statusLog]: mine(all[TABLE_NAMES.statusLog]),
    [TABLE_NAMES.budget]: mine(all[TABLE_NAMES.budget]),
    [TABLE_NAMES.postings]: mine(all[TABLE_NAMES.postings]),
  };
  for (const id of ids) rows[participantTableName(id)] = all[participantTableName(id)];
  return rows;
}

/** The plan that makes an empty workbook a team's workbook with the demo's initiatives `ids`. */
export const demoPartPlan = (ids: readonly string[]): Plan => planStructure({ sheets: [] }, { lang: 'da', rows: demoPartRows(ids) });
