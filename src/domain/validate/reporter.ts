import { messages, type Lang } from '../../i18n';
import type { TableData } from '../model/table';
import { cellAddress, type Finding, type FindingCode, type FindingParams, type Severity } from './finding';

/** Collects findings for one validation run and renders their messages in one language. */
export class Reporter {
  readonly findings: Finding[] = [];
  constructor(readonly lang: Lang) {}

  /** A finding on a data cell (rowIndex is 0-based within the table's data rows; -1 = the header). */
  add(table: TableData, rowIndex: number, columnIndex: number, severity: Severity, code: FindingCode, params: FindingParams, suggestion?: string): void {
    const row = table.headerRow + 1 + rowIndex;
    const column = columnIndex >= 0 ? table.header[columnIndex] ?? '' : '';
    const finding: Finding = {
      sheet: table.sheet,
      cell: cellAddress(row, table.firstColumn + Math.max(columnIndex, 0)),
      row,
      column: String(column),
      severity,
      code,
      message: renderMessage(code, params, this.lang),
      params,
    };
    if (suggestion !== undefined) finding.suggestion = suggestion;
    this.findings.push(finding);
  }

  /** A table the model needs is not in the workbook: reported at A1 of the sheet it belongs on. */
  addMissingTable(sheet: string, table: string, severity: Severity): void {
    const params = { table };
    this.findings.push({ sheet, cell: 'A1', row: 1, column: '', severity, code: 'MISSING_TABLE', message: renderMessage('MISSING_TABLE', params, this.lang), params });
  }

  parseReason(code: keyof (typeof messages)['da']['parseReasons']): string {
    return messages[this.lang].parseReasons[code];
  }

  taxonomyName(key: keyof (typeof messages)['da']['texts']['taxonomyNames']): string {
    return messages[this.lang].texts.taxonomyNames[key];
  }
}

export function renderMessage(code: FindingCode, params: FindingParams, lang: Lang): string {
  return messages[lang].findings[code](params);
}
