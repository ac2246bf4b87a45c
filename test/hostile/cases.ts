/**
 * The hostile inputs (issue 16), each generated in code in its own temp folder: what it is, the
 * command lines run on it, the files that must not change, and what must hold beyond the checks
 * every case gets (test/hostile/hostile.test.ts).
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Workbook } from 'exceljs';
import type { CellValue } from '../../src/domain/parse/cell';
import { PARTICIPANTS } from '../../src/domain/model/schema';
import type { PlanOp } from '../../src/workbook/plan';
import type { WorkbookRead } from '../../src/workbook/read';
import { applyPlan, loadXlsx, writeXlsx } from '../../src/xlsx';
import { readWorkbookFile } from '../../src/xlsx/reader';
import type { FileCheck, PathState } from './runner';
import { deflatedFill, readParts, rewriteParts, type ZipPart } from './zip';

/** CPR numbers valid by the 7th-digit century rule, in the forms people type them. */
export const CPR = '220387-3047';
export const CPR_DIGITS = '2203873047';
export const CPR_OTHER = '120891-1234';
export const AS_OF = '2021-12-31';
export const TODAY = '2026-11-25';

/** Where the cpr-placements workbook hides a CPR number: each place its own number, so a leak names its source. */
export const PLACE = {
  taxonomyCell: 'a taxonomy table cell (Målgrupper Aktiv)',
  targetGroup: 'a target-group name in the taxonomy and in rows (→ Overblik)',
  nearMiss: 'a near-miss target group in a row (→ NON_STANDARD_VALUE suggestion)',
  sheetName: 'a sheet name',
  tableName: 'a table name (Deltagere_<cpr>, an unregistered initiative)',
  header: 'a table header (a column added to Deltagere_ITMV)',
  note: 'a note on a data cell',
  headerNote: 'a note on a header cell',
  definedName: 'a defined name (Borger_<cpr>)',
  definedValue: "a defined name's value",
  title: 'docProps/core.xml title',
  creator: 'docProps/core.xml creator',
  modifiedBy: 'docProps/core.xml lastModifiedBy',
  description: 'docProps/core.xml description',
  company: 'docProps/app.xml Company',
  remark: 'a remark (Bemærkning)',
  participantId: 'a participant ID (Deltager-ID)',
  amount: 'a posting amount (Posteringer Beløb, a number)',
  age: 'an age (Alder, a number)',
  outsideTable: 'a cell beside a table on a tracking sheet (outside the table)',
  ownSheet: 'a cell on a sheet of the user\'s outside the model',
  thread: 'a threaded comment',
  reply: 'a reply in a comment thread',
  hyperlink: 'the address of a hyperlink',
  chartTitle: 'a chart title (on a sheet of the user\'s)',
} as const;

/** CPR number (as written there) → place. All valid by the 7th-digit rule; 10 digits where a place cannot hold a dash. */
export const CPR_PLACES: Record<string, string> = {
  [CPR]: PLACE.taxonomyCell,
  '030481-1112': PLACE.targetGroup,
  '1208911234': PLACE.nearMiss,
  '050592-2223': PLACE.sheetName,
  '0605932224': PLACE.tableName,
  '070694-3335': PLACE.header,
  '080795-0446': PLACE.note,
  '090896-1557': PLACE.headerNote,
  '1009971668': PLACE.definedName,
  '111098-2779': PLACE.definedValue,
  '121199-3880': PLACE.title,
  '1301000991': PLACE.creator,
  '140201-1002': PLACE.modifiedBy,
  '150302-2113': PLACE.description,
  '160403-3224': PLACE.company,
  '170504-0335': PLACE.remark,
  '1806051446': PLACE.participantId,
  '1907061557': PLACE.amount,
  '2008071668': PLACE.age,
  '211108-1234': PLACE.outsideTable,
  '2212092345': PLACE.ownSheet,
  '230110-0456': PLACE.thread,
  '240211-1567': PLACE.reply,
  '2503122678': PLACE.hyperlink,
  '270515-3890': PLACE.chartTitle,
};

/** The hostile funding-source names (the Finansiering taxonomy, Budget and Posteringer Kilde). */
export const INJECTION = {
  KOM: 'Kommune")+1000000+N("',
  REF: 'x",_xlfn.WEBSERVICE("http://example.invalid/"),"',
  LBF: 'Kommunens "egne" midler',
};

/** A command the parent runs itself: the installed bin in a child, interrupted mid-write. */
export interface SignalCommand {
  bin: string[];
  signal: 'SIGINT' | 'SIGTERM';
}
export type Command = string[] | SignalCommand;
export const isSignal = (c: Command): c is SignalCommand => !Array.isArray(c);

export interface CommandRun {
  command: Command;
  /** Exit code (null when the process died or was killed). */
  code: number | null;
  signal?: string | null;
  out: string;
  err: string;
  /** What the child printed outside the CLI's io while this command ran (warnings, V8's crash report). */
  stray: string;
  /** main() rejected or threw outside it. */
  crash?: string;
  /** The child died in this command (killed, out of memory, timed out). */
  died?: string;
  ms?: number;
  rssMiB?: number;
  /** The -o path just before and after this command. */
  outBefore?: PathState;
  outAfter?: PathState;
}

export interface CaseRun {
  id: string;
  dir: string;
  built: Built;
  commands: CommandRun[];
  peakMiB: number;
  /** After the commands: every input (shallow) and output (deep). */
  after: Record<string, FileCheck>;
  /** Before the commands: type and sha256 of every input and output path. */
  before: Record<string, { type: string; sha256?: string; entries?: string }>;
  /** Files in the case's folders after the commands that are neither input nor output (temp files). */
  leftovers: string[];
  /** Output files recalculated by LibreOffice: what they hold afterwards. */
  recalculated?: Record<string, { check?: FileCheck; read?: WorkbookRead; errorCells: string[]; error?: string }>;
}

export interface Built {
  /** Files and folders that must be exactly as they were after every command. */
  inputs: string[];
  commands: Command[];
  /** Texts from the user's own sheets: every written workbook must still hold each, in some sheet. */
  markers?: string[];
  /** Outputs (by command index) LibreOffice recalculates, checked for live injected formulas. */
  recalc?: number[];
  /** Checks of this case beyond the ones every case gets: problems found, in words. */
  expect?: (run: CaseRun, other: (id: string) => Promise<CaseRun>) => string[] | Promise<string[]>;
}

export interface Env {
  /** The small model workbook: the demo's ITMV initiative alone (taxonomies, register, sheet, budget, postings). */
  mini(): Promise<string>;
  /** The demo workbook (`indsats demo`). */
  demo(): Promise<string>;
}

export interface HostileCase {
  id: string;
  /** What it is, for the table. */
  what: string;
  /** Heavy: more time and memory (the parent gives it a longer timeout). */
  heavy?: boolean;
  /** CPR number → where it is: each gets its own test that the number is in no output. */
  placements?: Record<string, string>;
  build(dir: string, env: Env): Promise<Built>;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const REFUND_HEADER = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb';
/** A refund file as KOMBIT writes it; its CPR column holds CPR numbers the import must drop. */
export function refundFile(path: string, lines = ['2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00', '2021-07;1502851237;Kontanthjælp;5.000,50;80,00;4.000,40;20,00;1.000,10']): string {
  writeFileSync(path, '\uFEFF' + [REFUND_HEADER, ...lines, ''].join('\r\n'));
  return path;
}

/**
 * The six commands on a workbook, one output each; validate and reconcile also as text (cheap: they
 * only read), except in heavy cases where every read of the file takes seconds.
 */
export function workbookCommands(input: string, dir: string, refunds: string, ext = '.xlsx', heavy = false): string[][] {
  const o = (n: string) => join(dir, `out-${n}${ext}`);
  return [
    ['validate', input, '--json', '--as-of', AS_OF],
    ...(heavy ? [] : [['validate', input, '--as-of', AS_OF]]),
    ['summarize', input, '-o', o('summarize'), '--as-of', AS_OF],
    ['snapshot', input, '-o', o('snapshot'), '--as-of', AS_OF],
    ['reconcile', input, '--json', '-o', o('reconcile'), '--as-of', AS_OF],
    ...(heavy ? [] : [['reconcile', input, '--as-of', AS_OF]]),
    ['repair', input, '-o', o('repair')],
    ['import-refunds', input, refunds, '-o', o('import')],
  ];
}

/** A workbook case: the six commands on `input`, with a refund file beside it. */
function onWorkbook(input: string, dir: string, more: Partial<Built> = {}, ext = '.xlsx'): Built {
  const refunds = refundFile(join(dir, 'refusion.csv'));
  return { inputs: [input, refunds], commands: workbookCommands(input, dir, refunds, ext), ...more };
}

/** The same for a heavy case: the six commands only. */
function onHeavyWorkbook(input: string, dir: string): Built {
  const refunds = refundFile(join(dir, 'refusion.csv'));
  return { inputs: [input, refunds], commands: workbookCommands(input, dir, refunds, '.xlsx', true) };
}

const column = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Where a table's cell is: `row` 0-based among the data rows (-1 = the header). */
type At = (table: string, row: number, header: string) => { sheet: string; address: string };

function locator(read: WorkbookRead): At {
  return (table, row, header) => {
    for (const s of read.sheets)
      for (const t of s.tables) {
        if (t.table !== table) continue;
        const c = t.header.indexOf(header);
        if (c < 0) throw new Error(`no column ${header} in ${table}`);
        return { sheet: s.name, address: `${column(t.firstColumn + c)}${t.headerRow + 1 + row}` };
      }
    throw new Error(`no table ${table}`);
  };
}

/** `src` loaded with ExcelJS, changed by `change` (a plan, then direct edits), written to `dst` by the project's writer. */
async function edit(src: string, dst: string, change: (at: At) => { ops?: PlanOp[]; then?: (wb: Workbook) => void }): Promise<string> {
  const at = locator(await readWorkbookFile(src));
  const { ops, then } = change(at);
  const workbook = await loadXlsx(src);
  if (ops?.length) applyPlan(workbook, { ops });
  then?.(workbook);
  await writeXlsx(workbook, dst);
  return dst;
}

const set = (at: At, table: string, row: number, header: string, value: CellValue): PlanOp => {
  const { sheet, address } = at(table, row, header);
  return { kind: 'setValues', sheet, cells: [{ address, value }] };
};

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The zip with one more worksheet part, listed in the workbook, its rels and the content types. The
 * part is named sheetN.xml after the last one, as Excel names them, unless `stem` names it otherwise.
 */
function withSheet(zip: Buffer, name: string, sheet: Omit<ZipPart, 'name'>, stem?: string): Buffer {
  const numbers = readParts(zip).map((p) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p.name)?.[1]).filter(Boolean).map(Number);
  const n = Math.max(0, ...numbers) + 1;
  const file = `${stem ?? 'sheet'}${n}.xml`;
  const part = `xl/worksheets/${file}`;
  const id = `rIdHostile${n}`;
  return rewriteParts(
    zip,
    (p, text) => {
      if (p === 'xl/workbook.xml') return text().replace('</sheets>', `<sheet name="${xmlText(name)}" sheetId="${900 + n}" r:id="${id}"/></sheets>`);
      if (p === 'xl/_rels/workbook.xml.rels')
        return text().replace('</Relationships>', `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/${file}"/></Relationships>`);
      if (p === '[Content_Types].xml')
        return text().replace('</Types>', `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
      return undefined;
    },
    [{ name: part, ...sheet }],
  );
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
const sheetXml = (rows: string, extra = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;

/** The part holding table `name`. */
function tablePart(zip: Buffer, name: string): string {
  let found: string | undefined;
  rewriteParts(zip, (p, text) => {
    if (p.startsWith('xl/tables/') && new RegExp(`\\bname="${name}"`).test(text())) found = p;
    return undefined;
  });
  if (!found) throw new Error(`no table part for ${name}`);
  return found;
}

const writeBytes = (path: string, bytes: Buffer): string => {
  writeFileSync(path, bytes);
  return path;
};

/** A compound-file (OLE) header as Excel writes a password-protected workbook: EncryptionInfo and EncryptedPackage streams. */
function encryptedOle(): Buffer {
  const sector = 512;
  const buf = Buffer.alloc(sector * 4);
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3
  buf.writeUInt16LE(0xfffe, 28); // little-endian
  buf.writeUInt16LE(9, 30); // 512-byte sectors
  buf.writeUInt16LE(6, 32);
  buf.writeUInt32LE(1, 44); // one FAT sector
  buf.writeUInt32LE(1, 48); // directory at sector 1
  buf.writeUInt32LE(0x1000, 56);
  buf.writeUInt32LE(0xfffffffe, 60);
  buf.writeUInt32LE(0xfffffffe, 68);
  buf.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = sector;
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4);
  buf.writeUInt32LE(0xfffffffe, fat + 8);
  for (let i = 3; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  const dir = sector * 2;
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const e = dir + i * 128;
    Buffer.from(name, 'utf16le').copy(buf, e);
    buf.writeUInt16LE((name.length + 1) * 2, e + 64);
    buf.writeUInt8(i === 0 ? 5 : 2, e + 66);
    buf.writeUInt32LE(i === 0 ? 1 : i === 1 ? 2 : 0xffffffff, e + 76);
    buf.writeUInt32LE(0xffffffff, e + 68);
    buf.writeUInt32LE(0xffffffff, e + 72);
  });
  Buffer.from('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>').copy(buf, sector * 3);
  return buf;
}

const OPENPYXL = `
import sys
from openpyxl import Workbook
from openpyxl.worksheet.table import Table
from openpyxl.comments import Comment
wb = Workbook()
ws = wb.active
ws.title = 'Indsatser'
ws.append(['ID', 'Navn', 'Ansvarlig enhed', 'Mål', 'Målgrupper', 'Start', 'Slut', 'Pladser', 'Status'])
ws.append(['PY', 'Skrevet af openpyxl', 'Jobcenter Vallensbæk', 'L1', 'MG03', None, None, 10, 'I gang'])
ws['B2'].comment = Comment('En note fra openpyxl', 'Test')
ws.add_table(Table(displayName='Indsatser', ref='A1:I2'))
noter = wb.create_sheet('Noter')
noter['A1'] = 'openpyxl-markør'
noter['A2'] = 'Tekst'
wb.save(sys.argv[1])
`;

/** An .xlsm: the workbook's content type macro-enabled, a VBA project part and its relationship. */
function asXlsm(xlsx: Buffer): Buffer {
  return rewriteParts(
    xlsx,
    (p, text) => {
      if (p === '[Content_Types].xml')
        return text()
          .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
          .replace('<Default ', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ');
      if (p === 'xl/_rels/workbook.xml.rels')
        return text().replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
      return undefined;
    },
    [{ name: 'xl/vbaProject.bin', data: Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(1528, 0x41)]) }],
  );
}

export const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Outputs (-o) of a command line. */
export const outputOf = (c: Command): string | undefined => {
  const argv = isSignal(c) ? c.bin : c;
  const i = argv.indexOf('-o');
  return i >= 0 ? argv[i + 1] : undefined;
};

/** Problems with the outputs written for an .xlsm case: content type and VBA part by the output's extension. */
function xlsmProblems(run: CaseRun, hadVba: boolean): string[] {
  const problems: string[] = [];
  run.commands.forEach((c) => {
    const out = outputOf(c.command);
    const check = out ? run.after[out] : undefined;
    if (!out || !check?.zip || c.outBefore?.sha256 === c.outAfter?.sha256) return;
    const type = check.zip.workbookContentType;
    if (out.endsWith('.xlsm')) {
      if (type !== XLSM_MAIN) problems.push(`${out}: an .xlsm whose workbook content type is ${type} (Excel refuses it: must be ${XLSM_MAIN})`);
      if (hadVba && !check.zip.hasVbaProject) problems.push(`${out}: the input's macros (xl/vbaProject.bin) are gone`);
    } else if (type !== XLSX_MAIN) problems.push(`${out}: an .xlsx whose workbook content type is ${type} (Excel refuses it: must be ${XLSX_MAIN})`);
  });
  return problems;
}

/** The JSON a command printed, or undefined. */
const jsonOf = (c: CommandRun | undefined): unknown => {
  try {
    return c && c.out ? JSON.parse(c.out) : undefined;
  } catch {
    return undefined;
  }
};

const ITMV_NET = (json: unknown): string | undefined =>
  (json as { lines?: { initiativeId: string; netMunicipalCost: string }[] } | undefined)?.lines?.find((l) => l.initiativeId === 'ITMV')?.netMunicipalCost;

/** The case must be refused: every command exits 2 with a message and writes nothing. */
const refusedEverywhere = (message?: RegExp) => (run: CaseRun): string[] =>
  run.commands.flatMap((c, i) => {
    const p: string[] = [];
    if (c.code !== 2) p.push(`command ${i} exited ${c.code}, not 2 (an unreadable input)`);
    if (!c.err.trim()) p.push(`command ${i} printed no message`);
    else if (message && !message.test(c.err)) p.push(`command ${i}: message ${JSON.stringify(c.err.slice(0, 300))} does not match ${message}`);
    return p;
  });

// ---------------------------------------------------------------------------------------------
// The cases

export const CASES: HostileCase[] = [
  {
    id: 'baseline',
    what: 'control: the ITMV model workbook as `indsats` writes it',
    build: async (dir, env) => {
      const input = join(dir, 'in.xlsx');
      copyFileSync(await env.mini(), input);
      return onWorkbook(input, dir, {
        expect: (run) => (ITMV_NET(jsonOf(run.commands[4])) === '131000.00' ? [] : [`reconcile --json: ITMV net ${ITMV_NET(jsonOf(run.commands[4]))}, not 131000.00`]),
      });
    },
  },
  {
    id: 'injection-funding-names',
    what: 'the demo\'s ITMV finances with the funding sources named Kommune")+1000000+N(", x",_xlfn.WEBSERVICE(…),", Kommunens "egne" midler (Finansiering, Budget and Posteringer Kilde); LibreOffice recalculates reconcile -o and summarize -o',
    build: async (dir, env) => {
      const input = join(dir, 'in.xlsx');
      const rename: Record<string, string> = { Kommune: INJECTION.KOM, Statsrefusion: INJECTION.REF, Landsbyggefonden: INJECTION.LBF };
      const read = await readWorkbookFile(await env.mini());
      const at = locator(read);
      const ops: PlanOp[] = [];
      for (const s of read.sheets)
        for (const t of s.tables) {
          const col = t.table === 'Finansiering' ? 'Navn' : t.table === 'Budget' || t.table === 'Posteringer' ? 'Kilde' : undefined;
          if (!col) continue;
          t.rows.forEach((r, i) => {
            const v = r[t.header.indexOf(col)];
            if (typeof v === 'string' && rename[v]) ops.push(set(at, t.table!, i, col, rename[v]));
          });
        }
      await edit(await env.mini(), input, () => ({ ops }));
      return onWorkbook(input, dir, {
        recalc: [4, 2],
        expect: (run) => {
          const p: string[] = [];
          const net = ITMV_NET(jsonOf(run.commands[4]));
          if (net !== '131000.00') p.push(`reconcile --json: ITMV net municipal cost ${net}, not 131000.00`);
          const afstemning = run.recalculated?.[outputOf(run.commands[4].command)!];
          if (!afstemning) p.push('reconcile -o wrote nothing for LibreOffice to recalculate');
          else if (afstemning.error) p.push(`LibreOffice: ${afstemning.error}`);
          else {
            const table = afstemning.read?.sheets.find((s) => s.name === 'Afstemning')?.tables.find((t) => t.table === 'Afstemning_2017');
            const row = table?.rows.find((r) => r[0] === 'ITMV');
            const value = row?.[table!.header.indexOf('Nettoudgift kommune')];
            if (value !== 131000) p.push(`after LibreOffice recalculated Afstemning, ITMV's Nettoudgift kommune is ${JSON.stringify(value)}, not 131000`);
          }
          return p;
        },
      });
    },
  },
  {
    id: 'injection-taxonomy-names',
    what: 'formula and DDE text as target-group names used in rows and in a remark: x",_xlfn.WEBSERVICE(…),", =HYPERLINK(…), =cmd|\' /C calc\'!A0; LibreOffice recalculates summarize -o',
    build: async (dir, env) => {
      const input = join(dir, 'in.xlsx');
      const mg03 = 'x",_xlfn.WEBSERVICE("http://example.invalid/mg03"),"';
      const lg06 = '=HYPERLINK("http://example.invalid/","klik")';
      await edit(await env.mini(), input, (at) => {
        const read: PlanOp[] = [set(at, 'Målgrupper', 2, 'Navn', mg03), set(at, 'Målgrupper', 20, 'Navn', lg06), set(at, 'Deltagere_ITMV', 0, 'Bemærkning', "=cmd|' /C calc'!A0"), set(at, 'Deltagere_ITMV', 1, 'Bemærkning', '@SUM(1+1)*cmd|\'/C calc\'!A0')];
        for (let i = 0; i < 19; i++) read.push(set(at, 'Deltagere_ITMV', i, 'Målgruppe', i % 2 ? mg03 : lg06));
        return { ops: read };
      });
      return onWorkbook(input, dir, { recalc: [2, 3] });
    },
  },
  {
    id: 'corners-A1-XFD1048576',
    what: 'a user sheet with A1 and XFD1048576 filled',
    heavy: true,
    build: async (dir, env) => {
      const rows = `<row r="1">${inline('A1', 'Hjørne')}</row><row r="1048576">${inline('XFD1048576', 'x')}</row>`;
      const input = writeBytes(join(dir, 'in.xlsx'), withSheet(readFileSync(await env.mini()), 'Hjørner', { data: Buffer.from(sheetXml(rows).replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>')) }));
      return onHeavyWorkbook(input, dir);
    },
  },
  {
    id: 'sheet-part-named-unusually',
    what: 'a user sheet whose part is xl/worksheets/data1.xml (OPC allows any part name; Excel and openpyxl write sheetN.xml)',
    build: async (dir, env) => {
      const markers = ['eget ark med andet partnavn 11U'];
      const input = writeBytes(join(dir, 'in.xlsx'), withSheet(readFileSync(await env.mini()), 'Egne data', { data: Buffer.from(sheetXml(`<row r="1">${inline('A1', markers[0])}</row><row r="2">${inline('A2', 'x')}</row>`)) }, 'data'));
      return onWorkbook(input, dir, { markers });
    },
  },
  {
    id: 'table-to-row-1048576',
    what: 'the tracking table Deltagere_ITMV extended to row 1 048 576 (whole columns selected)',
    heavy: true,
    build: async (dir, env) => {
      const zip = readFileSync(await env.mini());
      const part = tablePart(zip, 'Deltagere_ITMV');
      const input = writeBytes(join(dir, 'in.xlsx'), rewriteParts(zip, (p, text) => (p === part ? text().replace(/ref="A4:([A-Z]+)\d+"/g, 'ref="A4:$11048576"') : undefined)));
      return onHeavyWorkbook(input, dir);
    },
  },
  {
    id: 'zip-bomb-sheet',
    what: 'the Statuslog sheet part replaced by 320 MiB of zeros deflated to 330 kB (size declared honestly)',
    build: async (dir, env) => {
      const size = 320 * 1024 * 1024;
      const deflated = await deflatedFill(size, 0);
      const input = writeBytes(join(dir, 'in.xlsx'), rewriteParts(readFileSync(await env.mini()), (p) => (p === 'xl/worksheets/sheet4.xml' ? null : undefined), [{ name: 'xl/worksheets/sheet4.xml', deflated, size }]));
      return onWorkbook(input, dir);
    },
  },
  {
    id: 'zip-bomb-lying-size',
    what: 'a sheet part that declares 2 kB and inflates to 256 MiB of spaces',
    build: async (dir, env) => {
      const deflated = await deflatedFill(256 * 1024 * 1024, 0x20);
      const input = writeBytes(join(dir, 'in.xlsx'), rewriteParts(readFileSync(await env.mini()), (p) => (p === 'xl/worksheets/sheet4.xml' ? null : undefined), [{ name: 'xl/worksheets/sheet4.xml', deflated, size: 2048 }]));
      return onWorkbook(input, dir);
    },
  },
  {
    id: 'zip-bomb-media',
    what: 'an unreferenced xl/media/image1.png inflating to 1 GiB, 1 MB in the zip (the streaming reader never inflates media; whatever loads the whole package does)',
    heavy: true,
    build: async (dir, env) => {
      const size = 1024 * 1024 * 1024;
      const deflated = await deflatedFill(size, 0);
      const input = writeBytes(join(dir, 'in.xlsx'), rewriteParts(readFileSync(await env.mini()), () => undefined, [{ name: 'xl/media/image1.png', deflated, size }]));
      return onHeavyWorkbook(input, dir);
    },
  },
  {
    id: 'three-million-cells',
    what: 'a user sheet of 3 000 rows × 1 000 numbers (3 million cells, deflated)',
    heavy: true,
    build: async (dir, env) => {
      const columns = Array.from({ length: 1000 }, (_, c) => column(c + 1));
      const rows: string[] = [];
      for (let r = 1; r <= 3000; r++) rows.push(`<row r="${r}">${columns.map((c) => `<c r="${c}${r}"><v>${r}</v></c>`).join('')}</row>`);
      const input = writeBytes(join(dir, 'in.xlsx'), withSheet(readFileSync(await env.mini()), 'Data', { data: Buffer.from(sheetXml(rows.join(''))) }));
      return onHeavyWorkbook(input, dir);
    },
  },
  {
    id: 'cells-without-r',
    what: 'a user sheet whose rows and cells have no r attribute (valid OOXML: the position follows from the order)',
    build: async (dir, env) => {
      const markers = ['uden r-attribut 12V'];
      const row = (texts: string[]) => `<row>${texts.map((t) => `<c t="inlineStr"><is><t>${xmlText(t)}</t></is></c>`).join('')}</row>`;
      const input = writeBytes(join(dir, 'in.xlsx'), withSheet(readFileSync(await env.mini()), 'Uden r', { data: Buffer.from(sheetXml(row([markers[0], 'b']) + row(['1', '2']))) }));
      return onWorkbook(input, dir, { markers });
    },
  },
  {
    id: 'truncated-zip',
    what: 'the model workbook cut off at 60 %',
    build: async (dir, env) => {
      const bytes = readFileSync(await env.mini());
      const input = writeBytes(join(dir, 'in.xlsx'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return onWorkbook(input, dir, { expect: refusedEverywhere() });
    },
  },
  {
    id: 'directory-named-xlsx',
    what: 'a directory named in.xlsx (with a file in it)',
    build: async (dir) => {
      const input = join(dir, 'in.xlsx');
      mkdirSync(input);
      writeFileSync(join(input, 'x.txt'), 'x');
      return onWorkbook(input, dir, { expect: refusedEverywhere() });
    },
  },
  {
    id: 'empty-file',
    what: 'a 0-byte in.xlsx',
    build: async (dir) => onWorkbook(writeBytes(join(dir, 'in.xlsx'), Buffer.alloc(0)), dir, { expect: refusedEverywhere() }),
  },
  {
    id: 'csv-renamed-xlsx',
    what: 'a CSV file (with a CPR number) renamed in.xlsx',
    build: async (dir) => onWorkbook(writeBytes(join(dir, 'in.xlsx'), Buffer.from(`ID;CPR\nA;${CPR}\n`)), dir, { expect: refusedEverywhere() }),
  },
  {
    id: 'encrypted-ole',
    what: 'a password-protected workbook: an OLE compound file with EncryptionInfo and EncryptedPackage, named in.xlsx',
    build: async (dir) =>
      onWorkbook(writeBytes(join(dir, 'in.xlsx'), encryptedOle()), dir, {
        // It is an Excel workbook: the message must say it is password-protected, not that it is no workbook.
        expect: refusedEverywhere(/adgangskode|kodeord|krypter/i),
      }),
  },
  {
    id: 'cpr-placements',
    what: 'one workbook with a different CPR number in each place a CPR number can hide (see the cpr-in-… cases): validate reports them, every write command refuses (exit 2, the count and the first places, masked)',
    placements: CPR_PLACES,
    build: async (dir, env) => onWorkbook(await cprPlacementsWorkbook(dir, env), dir, { expect: cprRefused, markers: ['Mine noter 5K'] }),
  },
  {
    id: 'cpr-placements-masked',
    what: 'the same workbook, the write commands with --mask-cpr: each writes a copy with every CPR number masked and says how many',
    placements: CPR_PLACES,
    build: async (dir, env) => {
      const input = await cprPlacementsWorkbook(dir, env);
      const refunds = refundFile(join(dir, 'refusion.csv'));
      // snapshot freezes a workbook with open errors (the CPR numbers) only with --yes.
      const commands = workbookCommands(input, dir, refunds).map((c) => (c.includes('-o') ? [...c, '--mask-cpr', ...(c[0] === 'snapshot' ? ['--yes'] : [])] : c));
      return { inputs: [input, refunds], commands, expect: cprMasked, markers: ['Mine noter 5K'] };
    },
  },
  {
    id: 'cpr-refund-ydelse',
    what: `a refund file whose Ydelse text holds a CPR number ("Kontanthjælp ${CPR}")`,
    build: async (dir, env) => {
      const input = join(dir, 'in.xlsx');
      copyFileSync(await env.mini(), input);
      const refunds = refundFile(join(dir, 'refusion.csv'), [`2021-07;0101901234;Kontanthjælp ${CPR};10.000,00;80,00;8.000,00;20,00;2.000,00`]);
      return { inputs: [input, refunds], commands: [['import-refunds', input, refunds, '-o', join(dir, 'out-import.xlsx')]] };
    },
  },
  {
    id: 'cpr-refund-uge',
    what: `a refund file whose Uge column holds a CPR number (${CPR})`,
    build: async (dir, env) => {
      const input = join(dir, 'in.xlsx');
      copyFileSync(await env.mini(), input);
      const refunds = refundFile(join(dir, 'refusion.csv'), [`${CPR};0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00`, `2021-07 ${CPR_DIGITS};0101901234;Kontanthjælp;1.000,00;80,00;800,00;20,00;200,00`]);
      return { inputs: [input, refunds], commands: [['import-refunds', input, refunds, '-o', join(dir, 'out-import.xlsx')], ['import-refunds', input, refunds, '-o', join(dir, 'out-import-en.xlsx'), '--lang', 'en']] };
    },
  },
  {
    id: 'cpr-refund-file-name',
    what: `a refund file named refusion-${CPR}.csv (the name is printed and kept for duplicate detection)`,
    build: async (dir, env) => {
      const input = join(dir, 'in.xlsx');
      copyFileSync(await env.mini(), input);
      const refunds = refundFile(join(dir, `refusion-${CPR}.csv`));
      const once = join(dir, 'out-import.xlsx');
      return { inputs: [input, refunds], commands: [['import-refunds', input, refunds, '-o', once], ['import-refunds', once, refunds, '-o', join(dir, 'out-import-twice.xlsx')]] };
    },
  },
  {
    id: 'user-sheets-named-like-generated',
    what: 'the user\'s own sheets Afstemning, Fejl and Overblik, and a user table Statusfotos on a sheet "Mine fotos"',
    build: async (dir, env) => {
      const markers = ['Min egen afstemning 7Q', 'Mine egne fejlnoter 7Q', 'Mit eget overblik 7Q', 'Mit eget statusfoto 7Q'];
      const sheet = (name: string, marker: string): PlanOp[] => [
        { kind: 'ensureSheet', sheet: name },
        { kind: 'setValues', sheet: name, cells: [{ address: 'A1', value: marker }, { address: 'A2', value: 'Linje 2' }, { address: 'B2', value: 42 }] },
      ];
      const input = await edit(await env.mini(), join(dir, 'in.xlsx'), () => ({
        ops: [
          ...sheet('Afstemning', markers[0]),
          ...sheet('Fejl', markers[1]),
          ...sheet('Overblik', markers[2]),
          { kind: 'ensureSheet', sheet: 'Mine fotos' },
          { kind: 'createTable', sheet: 'Mine fotos', table: 'Statusfotos', topLeft: { row: 1, column: 1 }, header: ['Hvornår', 'Hvad'], rows: [['i sommer', markers[3]]] },
        ],
      }));
      return onWorkbook(input, dir, { markers });
    },
  },
  {
    id: 'user-sheets-generated-names-other-case',
    what: 'user sheets overblik, AFSTEMNING and "Overblik (2)" (names differing only in case from generated ones, and a likely rename-aside name)',
    build: async (dir, env) => {
      const markers = ['lille overblik 8R', 'STOR AFSTEMNING 8R', 'andet overblik 8R'];
      const input = await edit(await env.mini(), join(dir, 'in.xlsx'), () => ({
        ops: ['overblik', 'AFSTEMNING', 'Overblik (2)'].flatMap((name, i): PlanOp[] => [
          { kind: 'ensureSheet', sheet: name },
          { kind: 'setValues', sheet: name, cells: [{ address: 'A1', value: markers[i] }, { address: 'A2', value: 1 }] },
        ]),
      }));
      return onWorkbook(input, dir, { markers });
    },
  },
  {
    id: 'output-existing-empty-file',
    what: 'every -o names an existing 0-byte file',
    build: async (dir, env) => {
      const built = onWorkbook(await copyMini(dir, env), dir);
      for (const c of built.commands) if (outputOf(c)) writeFileSync(outputOf(c)!, '');
      return built;
    },
  },
  {
    id: 'output-fifo',
    what: 'every -o names a fifo (a /dev/null-like special file; never the real /dev/null)',
    build: async (dir, env) => {
      const built = onWorkbook(await copyMini(dir, env), dir);
      for (const c of built.commands) if (outputOf(c)) execFileSync('mkfifo', [outputOf(c)!]);
      built.commands.push(['demo', '-o', join(dir, 'demo-fifo.xlsx')]);
      execFileSync('mkfifo', [join(dir, 'demo-fifo.xlsx')]);
      return { ...built, expect: specialOutputsKept };
    },
  },
  {
    id: 'output-symlink-to-fifo',
    what: 'every -o names a symlink to a fifo (like /dev/stdout → /proc/self/fd/1)',
    build: async (dir, env) => {
      const built = onWorkbook(await copyMini(dir, env), dir);
      execFileSync('mkfifo', [join(dir, 'sink')]);
      for (const c of built.commands) if (outputOf(c)) symlinkSync(join(dir, 'sink'), outputOf(c)!);
      return { ...built, inputs: [...built.inputs, join(dir, 'sink')], expect: specialOutputsKept };
    },
  },
  {
    id: 'output-not-writable',
    what: '-o in a folder that does not exist, -o naming a folder, -o with a trailing slash',
    build: async (dir, env) => {
      const input = await copyMini(dir, env);
      mkdirSync(join(dir, 'a-folder.xlsx'));
      const commands = [
        ['summarize', input, '-o', join(dir, 'missing', 'out.xlsx'), '--as-of', AS_OF],
        ['snapshot', input, '-o', join(dir, 'a-folder.xlsx'), '--as-of', AS_OF],
        ['repair', input, '-o', join(dir, 'a-folder.xlsx'), '--force'],
        ['reconcile', input, '-o', `${join(dir, 'a-folder.xlsx')}/`, '--as-of', AS_OF],
        ['init', '-o', join(dir, 'missing', 'init.xlsx')],
      ];
      return { inputs: [input, join(dir, 'a-folder.xlsx')], commands, expect: refusedEverywhere() };
    },
  },
  {
    id: 'output-symlink-to-input',
    what: '-o names a symlink to the input, with --force',
    build: async (dir, env) => {
      const input = await copyMini(dir, env);
      symlinkSync(input, join(dir, 'link.xlsx'));
      symlinkSync(input, join(dir, 'link2.xlsx'));
      return {
        inputs: [input],
        commands: [
          ['repair', input, '-o', join(dir, 'link.xlsx'), '--force'],
          ['summarize', input, '-o', join(dir, 'link2.xlsx'), '--force', '--as-of', AS_OF],
        ],
      };
    },
  },
  ...(['SIGINT', 'SIGTERM'] as const).map(
    (signal): HostileCase => ({
      id: `${signal.toLowerCase()}-mid-write`,
      what: `${signal} to \`node bin/indsats.js summarize\` the moment a file appears in the output folder`,
      build: async (dir, env) => {
        const input = join(dir, 'in.xlsx');
        copyFileSync(await env.demo(), input);
        mkdirSync(join(dir, 'out'));
        return { inputs: [input], commands: [{ bin: ['summarize', input, '-o', join(dir, 'out', 'overblik.xlsx'), '--as-of', AS_OF], signal }] };
      },
    }),
  ),
  {
    id: 'xlsm-in-xlsx-out',
    what: 'an .xlsm (macro-enabled content type, xl/vbaProject.bin) in, .xlsx out',
    build: async (dir, env) => {
      const input = writeBytes(join(dir, 'in.xlsm'), asXlsm(readFileSync(await env.mini())));
      return onWorkbook(input, dir, { expect: (run) => xlsmProblems(run, true) });
    },
  },
  {
    id: 'xlsm-in-xlsm-out',
    what: 'an .xlsm in, .xlsm out',
    build: async (dir, env) => {
      const input = writeBytes(join(dir, 'in.xlsm'), asXlsm(readFileSync(await env.mini())));
      return onWorkbook(input, dir, { expect: (run) => xlsmProblems(run, true) }, '.xlsm');
    },
  },
  {
    id: 'xlsx-in-xlsm-out',
    what: 'an .xlsx in, -o FILE.xlsm',
    build: async (dir, env) => onWorkbook(await copyMini(dir, env), dir, { expect: (run) => xlsmProblems(run, false) }, '.xlsm'),
  },
  {
    id: 'bogus-options',
    what: '--bogus, --bogus=1, -x, an unknown command, an option of another command',
    build: async (dir, env) => {
      const input = await copyMini(dir, env);
      const o = join(dir, 'out.xlsx');
      return {
        inputs: [input],
        commands: [['--bogus'], ['validate', input, '--bogus'], ['summarize', input, '-o', o, '--bogus'], ['reconcile', input, '--bogus=1'], ['repair', input, '-x', '-o', o], ['bogus', input], ['validate', input, '-o', o], ['validate', input, '--as-of', '31-02-2021']],
        expect: refusedEverywhere(),
      };
    },
  },
  {
    id: 'refund-path-is-directory',
    what: 'import-refunds with a directory as the refund file',
    build: async (dir, env) => {
      const input = await copyMini(dir, env);
      mkdirSync(join(dir, 'refusion.csv'));
      return { inputs: [input, join(dir, 'refusion.csv')], commands: [['import-refunds', input, join(dir, 'refusion.csv'), '-o', join(dir, 'out-import.xlsx')]], expect: refusedEverywhere() };
    },
  },
  {
    id: 'refund-header-only',
    what: 'import-refunds with a refund file of the header line only',
    build: async (dir, env) => {
      const input = await copyMini(dir, env);
      const refunds = refundFile(join(dir, 'refusion.csv'), []);
      return { inputs: [input, refunds], commands: [['import-refunds', input, refunds, '-o', join(dir, 'out-import.xlsx')]] };
    },
  },
  {
    id: 'sheet-names-with-quotes',
    what: "the tracking sheet renamed ITMV's forløb and a user sheet named Ole's \"ark\" (formulas and charts must quote them); LibreOffice recalculates summarize -o",
    build: async (dir, env) => {
      const markers = ['oles ark 9S'];
      let zip = rewriteParts(readFileSync(await env.mini()), (p, text) => (p === 'xl/workbook.xml' ? text().replace('name="ITMV"', 'name="ITMV&apos;s forløb"') : undefined));
      zip = withSheet(zip, 'Ole\'s "ark"', { data: Buffer.from(sheetXml(`<row r="1">${inline('A1', markers[0])}</row>`)) });
      return onWorkbook(writeBytes(join(dir, 'in.xlsx'), zip), dir, { markers, recalc: [2] });
    },
  },
  {
    id: 'sheet-name-leading-apostrophe',
    what: "a user sheet named 'Noter (a leading apostrophe: Excel's UI refuses it, a file can hold it)",
    build: async (dir, env) => {
      const markers = ['noter med apostrof 9S'];
      const zip = withSheet(readFileSync(await env.mini()), "'Noter", { data: Buffer.from(sheetXml(`<row r="1">${inline('A1', markers[0])}</row>`)) });
      return onWorkbook(writeBytes(join(dir, 'in.xlsx'), zip), dir, { markers });
    },
  },
  {
    id: 'long-texts',
    what: 'a 40 000-character remark (Excel allows 32 767), a 300-character funding source (Finansiering, Budget, Posteringer) and target group used in rows',
    build: async (dir, env) => {
      const source = `Kommune ${'k'.repeat(292)}`;
      const group = `Aktivitetsparate ${'a'.repeat(283)}`;
      const read = await readWorkbookFile(await env.mini());
      return onWorkbook(
        await edit(await env.mini(), join(dir, 'in.xlsx'), (at) => {
          const ops: PlanOp[] = [set(at, 'Deltagere_ITMV', 0, 'Bemærkning', 'x'.repeat(40_000)), set(at, 'Finansiering', 0, 'Navn', source), set(at, 'Målgrupper', 2, 'Navn', group)];
          for (const t of read.sheets.flatMap((s) => s.tables))
            t.rows.forEach((r, i) => {
              if (t.table === 'Budget' || t.table === 'Posteringer') if (r[t.header.indexOf('Kilde')] === 'Kommune') ops.push(set(at, t.table, i, 'Kilde', source));
              if (t.table === 'Deltagere_ITMV' && r[2] === 'Aktivitetsparate kontanthjælpsmodtagere') ops.push(set(at, t.table, i, 'Målgruppe', group));
            });
          return { ops };
        }),
        dir,
        { expect: (run) => (ITMV_NET(jsonOf(run.commands[4])) === '131000.00' ? [] : [`reconcile --json: ITMV net ${ITMV_NET(jsonOf(run.commands[4]))}, not 131000.00`]) },
      );
    },
  },
  {
    id: 'control-characters',
    what: 'control characters (_x0001_, _x0007_, _x001F_ escapes, a tab, a newline, a lone surrogate) in a funding source, target groups, a remark and a sheet name',
    build: async (dir, env) => {
      const read = await readWorkbookFile(await env.mini());
      const tmp = join(dir, 'plain.xlsx');
      await edit(await env.mini(), tmp, (at) => {
        const ops: PlanOp[] = [set(at, 'Finansiering', 0, 'Navn', 'KommuneCTRLA'), set(at, 'Målgrupper', 2, 'Navn', 'AktivCTRLBparate\tkontanthjælps\nmodtagere'), set(at, 'Deltagere_ITMV', 0, 'Bemærkning', 'BemCTRLCærkning \uD800 slut')];
        for (const t of read.sheets.flatMap((s) => s.tables))
          t.rows.forEach((r, i) => {
            if ((t.table === 'Budget' || t.table === 'Posteringer') && r[t.header.indexOf('Kilde')] === 'Kommune') ops.push(set(at, t.table, i, 'Kilde', 'KommuneCTRLA'));
            if (t.table === 'Deltagere_ITMV' && r[2] === 'Aktivitetsparate kontanthjælpsmodtagere') ops.push(set(at, t.table, i, 'Målgruppe', 'AktivCTRLBparate\tkontanthjælps\nmodtagere'));
          });
        return { ops: [...ops, { kind: 'ensureSheet', sheet: 'NoterCTRLD' }, { kind: 'setValues', sheet: 'NoterCTRLD', cells: [{ address: 'A1', value: 'kontrol 10T' }] }] };
      });
      const zip = rewriteParts(readFileSync(tmp), (p, text) =>
        /\.xml$/.test(p) && /CTRL[A-D]/.test(text()) ? text().replace(/CTRLA/g, '_x0001_').replace(/CTRLB/g, '_x0007_').replace(/CTRLC/g, '_x001F_').replace(/CTRLD/g, '_x0008_') : undefined,
      );
      rmSync(tmp);
      return onWorkbook(writeBytes(join(dir, 'in.xlsx'), zip), dir, { markers: ['kontrol 10T'] });
    },
  },
  {
    id: 'date-1904',
    what: 'the model workbook in the 1904 date system (workbookPr date1904, every date serial 1462 days less)',
    build: async (dir, env) => {
      const input = await edit(await env.mini(), join(dir, 'in.xlsx'), () => ({
        then: (wb) => {
          wb.properties.date1904 = true;
        },
      }));
      return onWorkbook(input, dir, {
        expect: async (run, other) => {
          const base = await other('baseline');
          const p: string[] = [];
          for (const i of [0, 1, 4, 5]) if (run.commands[i].out !== base.commands[i].out) p.push(`command ${i} (${(run.commands[i].command as string[])[0]}) prints other figures than on the 1900 workbook: ${JSON.stringify(run.commands[i].out.slice(0, 200))} vs ${JSON.stringify(base.commands[i].out.slice(0, 200))}`);
          const snap = (r: CaseRun) => {
            const out = outputOf(r.commands[3].command)!;
            return r.after[out]?.sha256 ? readWorkbookFile(out).then((w) => w.sheets.flatMap((s) => s.tables).find((t) => t.table === 'Statusfotos')?.rows) : Promise.resolve(undefined);
          };
          const [mine, theirs] = await Promise.all([snap(run), snap(base)]);
          if (JSON.stringify(mine) !== JSON.stringify(theirs)) p.push(`snapshot -o: Statusfotos rows differ from the 1900 workbook's: ${JSON.stringify(mine)?.slice(0, 300)} vs ${JSON.stringify(theirs)?.slice(0, 300)}`);
          return p;
        },
      });
    },
  },
  {
    id: 'openpyxl-table-note',
    what: 'a workbook written by openpyxl (python3): a register table, a note, a second sheet (absolute relationship targets)',
    build: async (dir) => {
      const input = join(dir, 'in.xlsx');
      execFileSync('/usr/bin/python3', ['-c', OPENPYXL, input]);
      return onWorkbook(input, dir, { markers: ['openpyxl-markør'] });
    },
  },
  {
    id: 'no-input-commands',
    what: 'demo -o and init -o (no input), and --help',
    build: async (dir) => ({
      inputs: [],
      commands: [['demo', '-o', join(dir, 'demo.xlsx')], ['init', '-o', join(dir, 'init.xlsx')], ['--help'], ['demo', '-o', join(dir, 'demo.xlsx')]],
      expect: (run) => (run.commands[3].code === 2 ? [] : [`demo over an existing file exited ${run.commands[3].code}, not 2`]),
    }),
  },
];

/**
 * The workbook of the cpr-placements cases: the mini workbook with a different CPR number in each
 * place of CPR_PLACES (cells, taxonomy, names, notes, a threaded comment with a reply, a hyperlink,
 * defined names, document properties).
 */
async function cprPlacementsWorkbook(dir: string, env: Env): Promise<string> {
  const p = (what: string) => Object.keys(CPR_PLACES).find((k) => CPR_PLACES[k] === what)!;
  const plain = join(dir, 'plain.xlsx');
  let threadSheet = '';
  await edit(await env.mini(), plain, (at) => ({
    ops: [
      set(at, 'Målgrupper', 0, 'Aktiv', p(PLACE.taxonomyCell)),
      { kind: 'appendRows', sheet: 'Taksonomier', table: 'Målgrupper', rows: [['MG99', `Unge ${p(PLACE.targetGroup)}`, null, 'Ja', null, null, null, null, null]] },
      set(at, 'Deltagere_ITMV', 0, 'Målgruppe', `Unge ${p(PLACE.targetGroup)}`),
      set(at, 'Deltagere_ITMV', 1, 'Målgruppe', `Unge ${p(PLACE.targetGroup)}`),
      set(at, 'Deltagere_ITMV', 2, 'Målgruppe', `Aktivitetsparate kontanthjælpsmodtager ${p(PLACE.nearMiss)}`),
      set(at, 'Deltagere_ITMV', 0, 'Bemærkning', `CPR ${p(PLACE.remark)}`),
      set(at, 'Deltagere_ITMV', 1, 'Deltager-ID', p(PLACE.participantId)),
      set(at, 'Deltagere_ITMV', 3, 'Alder', Number(p(PLACE.age))),
      { kind: 'appendRows', sheet: 'Økonomi', table: 'Posteringer', rows: [['ITMV', new Date(Date.UTC(2017, 11, 1)), 'Udgift', Number(p(PLACE.amount)), 'ITMV-2017-99', 'Kommune']] },
      { kind: 'addColumns', sheet: 'ITMV', table: 'Deltagere_ITMV', headers: [p(PLACE.header)] },
      { kind: 'ensureSheet', sheet: p(PLACE.sheetName) },
      {
        kind: 'createTable', sheet: p(PLACE.sheetName), table: `Deltagere_${p(PLACE.tableName)}`, topLeft: { row: 4, column: 1 },
        header: PARTICIPANTS.columns.map((c) => c.header), rows: [['X-001', null, 'Dagpengemodtagere', 1, 'I forløb', null, null, null, 30, null]],
      },
      { kind: 'setValues', sheet: 'ITMV', cells: [{ address: 'R2', value: `Husk ${p(PLACE.outsideTable)}` }] },
      { kind: 'ensureSheet', sheet: 'Mine noter' },
      { kind: 'setValues', sheet: 'Mine noter', cells: [{ address: 'A1', value: 'Mine noter 5K' }, { address: 'C3', value: Number(p(PLACE.ownSheet)) }] },
      // A chart whose title gets its CPR number in the zip below (the adapters mask what they write).
      { kind: 'chart', sheet: 'Mine noter', chart: { name: 'Min graf', type: 'bar', title: 'Diagram HOSTILE', from: { row: 8, column: 1 }, to: { row: 18, column: 6 }, categories: 'A1:A1', series: [{ name: 'Serie', values: 'B1:B1' }] } },
    ],
    then: (wb) => {
      const a = at('Deltagere_ITMV', 4, 'Deltager-ID');
      wb.getWorksheet(a.sheet)!.getCell(a.address).note = `Borgeren (${p(PLACE.note)}) ringede`;
      const h = at('Deltagere_ITMV', -1, 'Alder');
      wb.getWorksheet(h.sheet)!.getCell(h.address).note = `Eksempel: ${p(PLACE.headerNote)}`;
      wb.getWorksheet('Mine noter')!.getCell('A5').value = { text: 'Sagen', hyperlink: `https://example.invalid/sag/${p(PLACE.hyperlink)}` };
      threadSheet = wb.worksheets[0].name;
    },
  }));
  const names = `<definedNames><definedName name="Borger_${p(PLACE.definedName)}">"${p(PLACE.definedValue)}"</definedName><definedName name="CPR_liste">ITMV!$A$5:$A$23</definedName></definedNames>`;
  // A threaded comment with a reply on the first sheet's Z1 (ExcelJS writes none).
  const person = '{00000000-0000-0000-0000-00000000AB01}';
  const thread = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="Z1" dT="2021-01-01T10:00:00.00" personId="${person}" id="{00000000-0000-0000-0000-00000000AC01}"><text>Ring til ${p(PLACE.thread)}</text></threadedComment><threadedComment ref="Z1" dT="2021-01-02T10:00:00.00" personId="${person}" id="{00000000-0000-0000-0000-00000000AC02}" parentId="{00000000-0000-0000-0000-00000000AC01}"><text>Gjort: ${p(PLACE.reply)}</text></threadedComment></ThreadedComments>`;
  const persons = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Sagsbehandler" id="${person}" userId="s1" providerId="None"/></personList>`;
  const bytes = readFileSync(plain);
  const firstSheet = 'xl/worksheets/sheet1.xml';
  const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
  const hasRels = readParts(bytes).some((x) => x.name === rels);
  const threadRel = '<Relationship Id="rIdHostileTc" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>';
  const zip = rewriteParts(bytes, (part, text) => {
    if (part === 'xl/workbook.xml') return text().replace(/<definedNames>[\s\S]*?<\/definedNames>/, '').replace('</sheets>', `</sheets>${names}`);
    if (/^xl\/charts\/chart\d+\.xml$/.test(part) && text().includes('Diagram HOSTILE')) return text().replace('Diagram HOSTILE', `Diagram ${p(PLACE.chartTitle)}`);
    if (part === rels) return text().replace('</Relationships>', `${threadRel}</Relationships>`);
    if (part === 'xl/_rels/workbook.xml.rels') return text().replace('</Relationships>', '<Relationship Id="rIdHostilePersons" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>');
    if (part === '[Content_Types].xml')
      return text().replace('</Types>', '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/><Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>');
    if (part === 'docProps/core.xml')
      return text()
        .replace(/<dc:title>[^<]*<\/dc:title>|<dc:title\/>/, `<dc:title>Sag ${p(PLACE.title)}</dc:title>`)
        .replace(/<dc:creator>[^<]*<\/dc:creator>/, `<dc:creator>${p(PLACE.creator)}</dc:creator>`)
        .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${p(PLACE.modifiedBy)}</cp:lastModifiedBy>`)
        .replace(/<dc:description>[^<]*<\/dc:description>|<dc:description\/>/, `<dc:description>CPR ${p(PLACE.description)}</dc:description>`);
    if (part === 'docProps/app.xml') return text().replace(/<Company>[^<]*<\/Company>|<\/Properties>/, (m) => `<Company>${p(PLACE.company)}</Company>${m.startsWith('<Company') ? '' : '</Properties>'}`);
    return undefined;
  }, [
    ...(hasRels ? [] : [{ name: rels, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${threadRel}</Relationships>`) }]),
    { name: 'xl/threadedComments/threadedComment1.xml', data: Buffer.from(thread) },
    { name: 'xl/persons/person.xml', data: Buffer.from(persons) },
  ]);
  if (!threadSheet || !readParts(zip).some((x) => x.name === firstSheet)) throw new Error('cpr-placements: the first sheet is not xl/worksheets/sheet1.xml');
  if (!readParts(zip).some((x) => /^xl\/charts\//.test(x.name) && x.data!.toString('utf8').includes(p(PLACE.chartTitle)))) throw new Error('cpr-placements: no chart holds the chart title\'s CPR number');
  rmSync(plain);
  return writeBytes(join(dir, 'in.xlsx'), zip);
}

/** Write commands (those with -o) must refuse: exit 2, the Danish message with the count; validate reports. */
function cprRefused(run: CaseRun): string[] {
  return run.commands.flatMap((c, i) => {
    const argv = c.command as string[];
    if (!argv.includes('-o')) return [];
    const p: string[] = [];
    if (c.code !== 2) p.push(`command ${i} (${argv[0]}) exited ${c.code}, not 2 (refused: the workbook holds CPR numbers)`);
    if (!/^Projektmappen indeholder \d+ CPR-numre \(.+\)\. Fjern dem, eller kør igen med --mask-cpr/.test(c.err)) p.push(`command ${i} (${argv[0]}): not the refusal: ${JSON.stringify(c.err.slice(0, 300))}`);
    return p;
  });
}

/** With --mask-cpr every write command writes (exit 0; reconcile 1 for gaps) and says how many it masked. */
function cprMasked(run: CaseRun): string[] {
  return run.commands.flatMap((c, i) => {
    const argv = c.command as string[];
    if (!argv.includes('-o')) return [];
    const p: string[] = [];
    if (c.code !== 0 && !(argv[0] === 'reconcile' && c.code === 1)) p.push(`command ${i} (${argv[0]}) exited ${c.code}: ${c.err.slice(0, 300)}`);
    if (!/Maskerede \d+ CPR-numre i den nye fil/.test(c.out + c.err)) p.push(`command ${i} (${argv[0]}) does not say how many CPR numbers it masked`);
    return p;
  });
}

async function copyMini(dir: string, env: Env): Promise<string> {
  const input = join(dir, 'in.xlsx');
  copyFileSync(await env.mini(), input);
  return input;
}

/** Special files named by -o are still what they were: a fifo is not replaced by a regular file. */
function specialOutputsKept(run: CaseRun): string[] {
  return run.commands.flatMap((c, i) => {
    const out = outputOf(c.command);
    if (!out) return [];
    const before = run.before[out]?.type;
    const after = run.after[out]?.type;
    return before === after ? [] : [`command ${i} (exit ${c.code}) replaced the ${before} ${out} by a ${after}`];
  });
}

