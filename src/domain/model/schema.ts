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

export interface ColumnSpec {
  header: string;
  type: ColumnType;
  required?: boolean;
  taxonomy?: TaxonomyKey;
  min?: number;
  max?: number;
  /** For taxonomy columns: what a cell holds. Single values default to the name, lists to codes. */
  store?: 'code' | 'name';
}

export type TableKind = 'initiatives' | 'participants' | 'statusLog' | 'budget' | 'postings';

export interface TableSpec {
  kind: TableKind;
  sheet: string;
  columns: ColumnSpec[];
}

export const SHEETS = {
  taxonomies: 'Taksonomier',
  initiatives: 'Indsatser',
  statusLog: 'Statuslog',
  finance: 'Økonomi',
} as const;

export const INITIATIVES: TableSpec = {
  kind: 'initiatives',
  sheet: SHEETS.initiatives,
  columns: [
    { header: 'ID', type: 'id', required: true },
    { header: 'Navn', type: 'text', required: true },
    { header: 'Ansvarlig enhed', type: 'code', taxonomy: 'units' },
    { header: 'Mål', type: 'codeList', taxonomy: 'goals' },
    { header: 'Målgrupper', type: 'codeList', taxonomy: 'targetGroups' },
    { header: 'Start', type: 'date' },
    { header: 'Slut', type: 'date' },
    { header: 'Pladser', type: 'integer', min: 0, max: 100_000 },
    { header: 'Status', type: 'code', taxonomy: 'initiativeStates' },
    { header: 'Tilbud', type: 'code', taxonomy: 'offers' },
    { header: 'Forløbsuger', type: 'integer', min: 1, max: 520 },
    { header: 'KPI', type: 'kpiList' },
    // The date the initiative's tracking sheet reflects; rules about "now" use it instead of today.
    { header: 'Status pr.', type: 'date' },
  ],
};

export const PARTICIPANTS: TableSpec = {
  kind: 'participants',
  sheet: '', // one sheet per initiative, named by its ID
  columns: [
    { header: 'Deltager-ID', type: 'text', required: true },
    { header: 'Startdato', type: 'date', required: true },
    { header: 'Målgruppe', type: 'code', taxonomy: 'targetGroups', required: true },
    { header: 'Trin', type: 'code', taxonomy: 'steps', store: 'code' },
    { header: 'Status', type: 'code', taxonomy: 'statuses', required: true },
    { header: 'Statusdato', type: 'date' },
    { header: 'Slutdato', type: 'date' },
    { header: 'Ordinære timer pr. uge', type: 'number', min: 0, max: 80 },
    { header: 'Alder', type: 'integer', min: 0, max: 120 },
    { header: 'Bemærkning', type: 'text' },
  ],
};

export const STATUS_LOG: TableSpec = {
  kind: 'statusLog',
  sheet: SHEETS.statusLog,
  columns: [
    { header: 'Indsats-ID', type: 'id', required: true },
    { header: 'Dato', type: 'date', required: true },
    { header: 'Indikator', type: 'text', required: true },
    { header: 'Værdi', type: 'number', required: true },
    { header: 'Kommentar', type: 'text' },
  ],
};

export const BUDGET: TableSpec = {
  kind: 'budget',
  sheet: SHEETS.finance,
  columns: [
    { header: 'Indsats-ID', type: 'id', required: true },
    { header: 'År', type: 'integer', required: true, min: 1990, max: 2100 },
    { header: 'Kilde', type: 'code', taxonomy: 'fundingSources', required: true },
    { header: 'Beløb', type: 'amount', required: true },
    { header: 'Refusionssats', type: 'percent' },
  ],
};

export const POSTINGS: TableSpec = {
  kind: 'postings',
  sheet: SHEETS.finance,
  columns: [
    { header: 'Indsats-ID', type: 'id', required: true },
    { header: 'Dato', type: 'date', required: true },
    { header: 'Type', type: 'code', taxonomy: 'postingTypes', required: true },
    { header: 'Beløb', type: 'amount', required: true },
    { header: 'Bilag', type: 'text' },
    { header: 'Kilde', type: 'code', taxonomy: 'fundingSources' },
  ],
};

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
