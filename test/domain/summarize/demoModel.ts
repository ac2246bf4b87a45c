/** The demo workbook's model, read the way the add-in reads it (see test/demo/demo.test.ts). */
import { demoRows } from '../../../src/demo/demoData';
import type { Initiative } from '../../../src/domain/model/types';
import type { CalendarDate } from '../../../src/domain/parse';
import { validateWorkbook } from '../../../src/domain/validate';
import { planStructure } from '../../../src/workbook/structure';
import { tablesCreatedBy } from '../../helpers/planTables';

export const d = (iso: string) => iso as CalendarDate;

let cached: ReturnType<typeof validateWorkbook> | undefined;

export function demo() {
  cached ??= validateWorkbook(tablesCreatedBy(planStructure({ sheets: [] }, { rows: demoRows() })), { asOf: d('2026-11-25') });
  return cached;
}

export function demoInitiative(id: string): Initiative {
  const found = demo().model.initiatives.find((i) => i.id === id);
  if (!found) throw new Error(`no demo initiative ${id}`);
  return found;
}
