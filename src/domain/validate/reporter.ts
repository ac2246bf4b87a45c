import type { TableData } from '../model/table';
import { looksLikeCpr } from '../parse/cpr';
import type { CellValue } from '../parse/cell';
import { cellAddress, type Finding, type FindingCode, type FindingParams, type Severity } from './finding';

/** Collects the findings of one validation run. */
export class Reporter {
  readonly findings: Finding[] = [];

  /** A finding on a data cell (rowIndex is 0-based within the table's data rows; -1 = the header). */
  /**
   * `suggestion`: the text to write, or for a date or a number the value to write with the text to
   * show (`{ text: '06-06-2016', value: 42527 }`).
   */
  add(table: TableData, rowIndex: number, columnIndex: number, severity: Severity, code: FindingCode, params: FindingParams, suggestion?: string | { text: string; value: number }): void {
    const row = table.headerRow + 1 + rowIndex;
    const column = columnIndex >= 0 ? table.header[columnIndex] ?? '' : '';
    const finding: Finding = {
      sheet: table.sheet,
      cell: cellAddress(row, table.firstColumn + Math.max(columnIndex, 0)),
      row,
      column: String(column),
      severity,
      code,
      params,
    };
    // A suggestion is written into the user's cells by "Brug forslag (på alle)": one holding a CPR
    // number (a taxonomy entry named with one, a matcher's candidate) is never made.
    const text = typeof suggestion === 'object' ? suggestion.text : suggestion;
    if (text !== undefined && !looksLikeCpr(text)) {
      finding.suggestion = text;
      if (typeof suggestion === 'object') finding.suggestionValue = suggestion.value;
      finding.value = (rowIndex >= 0 && columnIndex >= 0 ? table.rows[rowIndex]?.[columnIndex] : table.header[columnIndex]) ?? null;
    }
    this.findings.push(finding);
  }

  /** A finding not on a table cell: a sheet's or table's name, a comment, a defined name, a document property. */
  addAt(sheet: string, cell: string, severity: Severity, code: FindingCode, params: FindingParams, fix?: { suggestion: string; value: CellValue }): void {
    const row = Number(/\d+$/.exec(cell)?.[0] ?? 1);
    const finding: Finding = { sheet, cell, row, column: '', severity, code, params };
    if (fix && !looksLikeCpr(fix.suggestion)) {
      finding.suggestion = fix.suggestion;
      finding.value = fix.value;
    }
    this.findings.push(finding);
  }

  /** A table the model needs is not in the workbook: reported at A1 of the sheet it belongs on. */
  addMissingTable(sheet: string, table: string, severity: Severity): void {
    this.findings.push({ sheet, cell: 'A1', row: 1, column: '', severity, code: 'MISSING_TABLE', params: { table } });
  }
}
