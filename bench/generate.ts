/** Generated tracking data for benchmarks: realistic values, a few deliberate mistakes. */
import { INITIATIVES, PARTICIPANTS } from '../src/domain/model/schema';
import type { TableData } from '../src/domain/model/table';
import type { CellValue } from '../src/domain/parse/cell';

const GROUPS = ['Aktivitetsparate kontanthjælpsmodtagere', 'KH-AP', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år', 'Jobparate kontanthjælpsmodtagere', 'MG08', 'Dagpengemodtagere'];
const STATUSES: [string, number][] = [['I forløb', 1], ['I forløb', 2], ['I virksomhedspraktik', 3], ['I ordinær beskæftigelse', 3], ['Ansat med løntilskud', 3], ['Afsluttet til anden indsats', 1]];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generateParticipantTables(rowCount: number, initiatives: number): TableData[] {
  const rnd = random(42);
  const perInitiative = Math.ceil(rowCount / initiatives);
  const register: CellValue[][] = [];
  const tables: TableData[] = [];
  for (let n = 0; n < initiatives; n++) {
    const id = `IND${String(n + 1).padStart(2, '0')}`;
    register.push([id, `Indsats ${n + 1}`, 'Jobcenter Vallensbæk', 'L1; M4', 'MG03; LG01; MG02; MG08; MG01', '01-01-2016', '31-12-2030', perInitiative, 'I gang', null, 13, 'andel i job ≥ 30 %']);
    const rows: CellValue[][] = [];
    for (let i = 0; i < perInitiative && n * perInitiative + i < rowCount; i++) {
      const [status, step] = STATUSES[Math.floor(rnd() * STATUSES.length)];
      const ended = status !== 'I forløb' && status !== 'I virksomhedspraktik';
      // Excel serials: ended courses anywhere in 2016–2017, running ones within 13 weeks of 31-12-2017 (43100).
      const startSerial = ended ? 42370 + Math.floor(rnd() * 600) : 43100 - Math.floor(rnd() * 85);
      rows.push([
        `${id}-${String(i).padStart(6, '0')}`,
        rnd() < 0.5 ? startSerial : danishDate(startSerial),
        rnd() < 0.002 ? 'Aktivitetsparate kontanthjælpsmodtagre' : GROUPS[Math.floor(rnd() * GROUPS.length)],
        step,
        status,
        Math.min(startSerial + 30, 43100),
        ended ? startSerial + 60 : null,
        rnd() < 0.3 ? '12,5' : 0,
        30 + Math.floor(rnd() * 30),
        rnd() < 0.001 ? 'cpr 010190-1234' : 'Samtale afholdt',
      ]);
    }
    tables.push({ sheet: id, table: `Deltagere_${id}`, header: PARTICIPANTS.columns.map((c) => c.header), headerRow: 1, firstColumn: 1, rows });
  }
  return [{ sheet: 'Indsatser', table: 'Indsatser', header: INITIATIVES.columns.map((c) => c.header), headerRow: 1, firstColumn: 1, rows: register }, ...tables];
}

/** dd-mm-åååå for an Excel serial (1900 system, after February 1900). */
function danishDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}
