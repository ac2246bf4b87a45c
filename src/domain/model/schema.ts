/**
 * The workbook contract: sheet, table and column names from PRODUCT.md, with each column's type.
 * Validation reads tables through this; the structure operation (workbook layer) writes them from it.
 */
import type { TaxonomyKey } from '../taxonomy/types';

export type ColumnType =
  | 'text'
  | 'id'
  | 'date'
  | 'integer'
  | 'number'
  | 'amount'
  | 'percent'
  | 'boolean'
  | 'code'
  | 'codeList'
  | 'kpiList';

/** How a column is read and checked; its key and header come from COLUMNS. */
export interface ColumnDef {
  type: ColumnType;
  required?: boolean;
  taxonomy?: TaxonomyKey;
  min?: number;
  max?: number;
  /** For taxonomy columns: what a cell holds. Single values default to the name, lists to codes. */
  store?: 'code' | 'name';
}

export interface ColumnSpec<K extends string = string> extends ColumnDef {
  /** The column's name in code: `startDate`, never its header. */
  key: K;
  /** The header in the workbook: `Startdato`. */
  header: string;
}

export type TableKind = 'initiatives' | 'participants' | 'statusLog' | 'budget' | 'postings';

/** The column that ties a row to the register, in every table that has one (also generated ones, e.g. Statusfotos). */
export const INITIATIVE_ID_HEADER = 'Indsats-ID';

/**
 * The headers of the contract's tables, by table and column key, in the order the columns are
 * written. The one place a header is spelt: code names a column as `COLUMNS.participants.startDate`
 * (or by its key through a TableSpec) and never by its header text.
 */
export const COLUMNS = {
  initiatives: {
    id: 'ID',
    name: 'Navn',
    unit: 'Ansvarlig enhed',
    goals: 'Mål',
    targetGroups: 'Målgrupper',
    start: 'Start',
    end: 'Slut',
    places: 'Pladser',
    state: 'Status',
    offer: 'Tilbud',
    courseWeeks: 'Forløbsuger',
    kpis: 'KPI',
    statusDate: 'Status pr.',
    theme: 'Tema',
    statusText: 'Statustekst',
  },
  participants: {
    participantId: 'Deltager-ID',
    startDate: 'Startdato',
    targetGroup: 'Målgruppe',
    step: 'Trin',
    status: 'Status',
    statusDate: 'Statusdato',
    endDate: 'Slutdato',
    ordinaryHours: 'Ordinære timer pr. uge',
    age: 'Alder',
    remark: 'Bemærkning',
    group: 'Gruppe',
  },
  statusLog: {
    initiativeId: INITIATIVE_ID_HEADER,
    date: 'Dato',
    indicator: 'Indikator',
    value: 'Værdi',
    comment: 'Kommentar',
  },
  budget: {
    initiativeId: INITIATIVE_ID_HEADER,
    year: 'År',
    source: 'Kilde',
    amount: 'Beløb',
    refundRate: 'Refusionssats',
  },
  postings: {
    initiativeId: INITIATIVE_ID_HEADER,
    date: 'Dato',
    type: 'Type',
    amount: 'Beløb',
    voucher: 'Bilag',
    source: 'Kilde',
    accountingYear: 'Regnskabsår',
  },
} as const satisfies Record<TableKind, Record<string, string>>;

/** The column keys of a table: `ColumnKey<'participants'>` is `'participantId' | 'startDate' | …`. */
export type ColumnKey<T extends TableKind> = keyof (typeof COLUMNS)[T] & string;
/** The headers of a table: `ColumnHeader<'budget'>` is `'Indsats-ID' | 'År' | …`. */
export type ColumnHeader<T extends TableKind> = (typeof COLUMNS)[T][ColumnKey<T>];

/**
 * A contract table. `column` gives each column by key with its definition's literal types (so a
 * reader can type a row's values by column); `columns` is the same objects in the table's order.
 */
export interface TableSpec<Defs extends Record<string, ColumnDef> = Record<string, ColumnDef>> {
  kind: TableKind;
  sheet: string;
  columns: readonly ColumnSpec<keyof Defs & string>[];
  column: { readonly [K in keyof Defs & string]: ColumnSpec<K> & Defs[K] };
}

/** A table's spec from a definition per column key: every key of COLUMNS[kind] must have one. */
function tableSpec<T extends TableKind, const Defs extends { [K in ColumnKey<T>]: ColumnDef }>(kind: T, sheet: string, defs: Defs): TableSpec<Defs> {
  const headers = COLUMNS[kind] as Record<ColumnKey<T>, string>;
  // Object keys keep their written order, so the columns come in COLUMNS' order.
  const columns: ColumnSpec<keyof Defs & string>[] = (Object.keys(headers) as ColumnKey<T>[]).map((key) => ({ ...defs[key], key, header: headers[key] }));
  // The one untyped step: fromEntries cannot know that every key is there (tableSpec's signature does).
  const column = Object.fromEntries(columns.map((c) => [c.key, c])) as unknown as TableSpec<Defs>['column'];
  return { kind, sheet, columns, column };
}

export const SHEETS = {
  taxonomies: 'Taksonomier',
  initiatives: 'Indsatser',
  statusLog: 'Statuslog',
  finance: 'Økonomi',
} as const;

export const INITIATIVES = tableSpec('initiatives', SHEETS.initiatives, {
  id: { type: 'id', required: true },
  name: { type: 'text', required: true },
  unit: { type: 'code', taxonomy: 'units' },
  goals: { type: 'codeList', taxonomy: 'goals' },
  targetGroups: { type: 'codeList', taxonomy: 'targetGroups' },
  start: { type: 'date' },
  end: { type: 'date' },
  places: { type: 'integer', min: 0, max: 100_000 },
  state: { type: 'code', taxonomy: 'initiativeStates' },
  offer: { type: 'code', taxonomy: 'offers' },
  courseWeeks: { type: 'integer', min: 1, max: 520 },
  kpis: { type: 'kpiList' },
  // The date the initiative's tracking sheet reflects; rules about "now" use it instead of today.
  statusDate: { type: 'date' },
  // The theme above the initiative in the strategy ("Færre på offentlig forsørgelse > Ungeindsats").
  theme: { type: 'text' },
  // What the manager reports as of `Status pr.` ("Projektet er på standby"), shown in the report.
  statusText: { type: 'text' },
});

export const PARTICIPANTS = tableSpec('participants', '', { // one sheet per initiative, named by its ID
  participantId: { type: 'text', required: true },
  startDate: { type: 'date', required: true },
  targetGroup: { type: 'code', taxonomy: 'targetGroups', required: true },
  step: { type: 'code', taxonomy: 'steps', store: 'code' },
  status: { type: 'code', taxonomy: 'statuses', required: true },
  statusDate: { type: 'date' },
  endDate: { type: 'date' },
  ordinaryHours: { type: 'number', min: 0, max: 80 },
  age: { type: 'integer', min: 0, max: 120 },
  remark: { type: 'text' },
  // A visitation group or trial arm ("Gruppe 1", "Indsatsgruppe", "Kontrolgruppe"): figures per group.
  group: { type: 'text' },
});

export const STATUS_LOG = tableSpec('statusLog', SHEETS.statusLog, {
  initiativeId: { type: 'id', required: true },
  date: { type: 'date', required: true },
  indicator: { type: 'text', required: true },
  value: { type: 'number', required: true },
  comment: { type: 'text' },
});

export const BUDGET = tableSpec('budget', SHEETS.finance, {
  initiativeId: { type: 'id', required: true },
  year: { type: 'integer', required: true, min: 1990, max: 2100 },
  source: { type: 'code', taxonomy: 'fundingSources', required: true },
  amount: { type: 'amount', required: true },
  refundRate: { type: 'percent' },
});

export const POSTINGS = tableSpec('postings', SHEETS.finance, {
  initiativeId: { type: 'id', required: true },
  date: { type: 'date', required: true },
  type: { type: 'code', taxonomy: 'postingTypes', required: true },
  amount: { type: 'amount', required: true },
  voucher: { type: 'text' },
  source: { type: 'code', taxonomy: 'fundingSources' },
  // The accounting year a posting belongs to; empty means the calendar year of its date.
  accountingYear: { type: 'integer', min: 1990, max: 2100 },
});

export const TABLE_NAMES = {
  initiatives: 'Indsatser',
  statusLog: 'Statuslog',
  budget: 'Budget',
  postings: 'Posteringer',
} as const;

/** Excel table names allow letters, digits, '_' and '.'; an initiative ID must fit in one. */
export const INITIATIVE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;

export const participantTableName = (initiativeId: string) => `Deltagere_${initiativeId}`;

/** Columns of a taxonomy table; the extra ones apply to the taxonomies named. */
export const TAXONOMY_COLUMNS = {
  code: 'Kode',
  name: 'Navn',
  synonyms: 'Synonymer',
  active: 'Aktiv',
  validFrom: 'Gyldig fra',
  validTo: 'Gyldig til',
  outcomeClass: 'Udfaldsklasse',
  steps: 'Trin',
  minAge: 'Min. alder',
  maxAge: 'Maks. alder',
  lawRef: 'Lovhjemmel',
  maxWeeks: 'Maks. uger',
} as const;
