/**
 * Which writer applies plans to a workbook read from a file (no imports: the CLI asks before it
 * loads anything): the package writer (src/xlsx/package, the default), which keeps every part it
 * does not change, macros included; or ExcelJS with `INDSATS_WRITER=exceljs` (as before the
 * package writer: it drops what ExcelJS cannot hold, macros among them).
 */
export const WRITER_ENV = 'INDSATS_WRITER';

export const usePackageWriter = (): boolean => process.env[WRITER_ENV] !== 'exceljs';
