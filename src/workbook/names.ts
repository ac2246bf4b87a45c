/** Names Excel accepts for tables, columns and sheets; both adapters check them before writing. */

/** Excel's rules for sheet names (checked before anything is written). */
export function assertSheetName(name: string): void {
  if (name.length > 31) throw new Error(`Sheet name "${name}" is longer than Excel's 31 characters`);
  if (!name.trim() || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new Error(`"${name}" is not a valid Excel sheet name`);
  }
}

/**
 * Excel repairs (renames) a table whose name is not a valid defined name, which breaks every
 * structured reference to it: letters, digits, "_" and "."; starting with a letter or "_"; not
 * something that reads as a cell reference (A1, R1C1, R, C).
 */
export function assertTableName(name: string): void {
  const valid =
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    name.length <= 255 &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(r|c|r\d*c\d*|r\d+|c\d+)$/i.test(name);
  if (!valid) throw new Error(`"${name}" is not a valid Excel table name`);
}

/** Excel needs unique, non-empty column names (case-insensitive). */
export function assertColumnNames(names: string[], table: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.trim().toLowerCase();
    if (!k) throw new Error(`Table "${table}": empty column name`);
    if (seen.has(k)) throw new Error(`Table "${table}": duplicate column name "${n}"`);
    seen.add(k);
  }
}
