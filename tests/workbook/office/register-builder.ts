/** Builds realistic registers inside the Excel fake for the port's tests. */
import { ALL_TABLE_NAMES, SETTINGS, SETTINGS_COLUMNS, TABLES, type EvidenceTableName, type TableName } from '../../../src/domain/schema';
import { FakeExcel, type Scalar } from '../../support/excel-fake';

export function specHeaders(name: TableName): string[] {
  if (name === 'Settings') return [...SETTINGS_COLUMNS];
  return TABLES.find((t) => t.name === name)!.columns.map((c) => c.header);
}

const WORDS = ['service', 'desk', 'capacity', 'review', 'incident', 'supplier', 'budget', 'owner', 'policy', 'change'];

/** Deterministic, realistic-length content for one cell. */
function cellFor(name: EvidenceTableName, key: string, kind: string, i: number, values?: readonly string[]): Scalar {
  const prefix = TABLES.find((t) => t.name === name)!.prefix;
  switch (kind) {
    case 'id':
      return `${prefix}-${i + 1}`;
    case 'date':
      return 45000 + (i % 700);
    case 'yesno':
      return i % 3 === 0 ? 'No' : 'Yes';
    case 'enum':
      return values![i % values!.length];
    case 'person':
      return `Person ${i % 50}`;
    case 'ref':
      return `REV-${(i % 40) + 1}`;
    case 'link':
      return `https://intranet.example/docs/${name.toLowerCase()}/${i + 1}`;
    case 'list':
      return 'Service performance; Major incidents; Trends';
    default:
      return `${key}: ${WORDS[i % 10]} ${WORDS[(i * 7) % 10]} ${WORDS[(i * 3) % 10]} item ${i}`;
  }
}

export function evidenceRows(name: EvidenceTableName, n: number, from = 0): Scalar[][] {
  const spec = TABLES.find((t) => t.name === name)!;
  return Array.from({ length: n }, (_, k) => spec.columns.map((c) => cellFor(name, c.key, c.kind, from + k, c.values)));
}

export function settingsRows(): Scalar[][] {
  return SETTINGS.map((s) => [s.label, s.kind === 'days' || s.kind === 'threshold' ? Number(s.defaultText) : s.defaultText]);
}

/** A full register: `rowsPer` rows in each evidence table (a number, or per table). */
export function buildRegister(fake: FakeExcel, rowsPer: number | Partial<Record<EvidenceTableName, number>>): void {
  for (const name of ALL_TABLE_NAMES) {
    if (name === 'Settings') {
      fake.addTable(name, name, specHeaders(name), settingsRows());
      continue;
    }
    const n = typeof rowsPer === 'number' ? rowsPer : (rowsPer[name] ?? 0);
    fake.addTable(name, name, specHeaders(name), evidenceRows(name, n));
  }
}

export const MB5 = 5_000_000;

/** Replace a table (and its sheet) with one placed at `topLeft` holding `rows`. */
export function replaceTable(fake: FakeExcel, name: TableName, headers: string[], rows: Scalar[][], topLeft = 'A1'): void {
  fake.removeTableAndSheet(name);
  fake.addTable(name, name, headers, rows, topLeft);
}
