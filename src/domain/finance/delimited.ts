/** One record of a delimited text file, with the 1-based line it starts on. */
export interface TextRecord {
  line: number;
  fields: string[];
  /** A quote was opened and never closed: the record ran to the end of the file. */
  unterminated?: boolean;
}

/**
 * Splits delimited text (Danish exports use ';') into records. Handles a UTF-8 BOM, CRLF, LF and lone
 * CR line ends, and quoted fields with "" for a quote; a quoted field may span lines, so line numbers
 * are counted here rather than by splitting on line ends first. Text after a closing quote is kept
 * (lenient, as spreadsheet programs are).
 */
export function splitRecords(text: string, delimiter = ';'): TextRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: TextRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += c;
    i++;
  }
  if (quoted) {
    fields.push(field);
    records.push({ line: start, fields, unterminated: true });
  } else if (field !== '' || fields.length > 0) endRecord();
  return records;
}
