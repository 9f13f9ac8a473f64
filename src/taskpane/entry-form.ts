/**
 * The Add entry form, derived from the schema: which input each column gets, the suggestions it
 * offers, and the form's text values. Pure functions so the panel stays a thin view.
 */
import { TABLES, tableSpec, type ColumnSpec, type EvidenceTableName } from '../domain/schema';
import type { Register } from '../domain/types';

export type InputKind = 'date' | 'switch' | 'choice' | 'person' | 'ref' | 'longText' | 'text' | 'list' | 'link';

/** Free-text columns where people write sentences rather than a word or two. */
const LONG_TEXT_KEYS: ReadonlySet<string> = new Set([
  'responsibilities',
  'decision',
  'description',
  'effectivenessCheck',
  'expectation',
  'smsNeed',
]);

export function inputKind(col: ColumnSpec): InputKind {
  switch (col.kind) {
    case 'date':
      return 'date';
    case 'yesno':
      return 'switch';
    case 'enum':
      return 'choice';
    case 'person':
      return 'person';
    case 'ref':
      return 'ref';
    case 'list':
      return 'list';
    case 'link':
      return 'link';
    default:
      return LONG_TEXT_KEYS.has(col.key) ? 'longText' : 'text';
  }
}

/** The columns a person fills in: every column but the ID (given at write time). */
export function formColumns(table: EvidenceTableName): ColumnSpec[] {
  return tableSpec(table).columns.filter((c) => c.kind !== 'id');
}

/** Text the form holds per column key; Yes/No switches hold 'Yes' or 'No'. */
export type FormValues = Record<string, string>;

export function emptyForm(table: EvidenceTableName): FormValues {
  const values: FormValues = {};
  for (const c of formColumns(table)) values[c.key] = c.kind === 'yesno' ? 'No' : '';
  return values;
}

/** Names already in Accountabilities, unique (case-insensitive), in sheet order. */
export function personSuggestions(register: Register | null): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const row of register?.tables.Accountabilities ?? []) {
    const name = row.person?.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names;
}

/** Existing IDs a ref column may point to: its refTables, or every evidence table when none are named. */
export function refSuggestions(col: ColumnSpec, register: Register | null): string[] {
  if (!register) return [];
  const tables = col.refTables && col.refTables.length ? col.refTables : TABLES.map((t) => t.name);
  const ids: string[] = [];
  for (const t of tables) for (const row of register.tables[t]) if (row.id) ids.push(row.id);
  return ids;
}

/** Suggestions matching what has been typed so far (case-insensitive substring), at most `limit`. */
export function filterSuggestions(options: readonly string[], typed: string, limit = 50): string[] {
  const q = typed.trim().toLowerCase();
  const hits = q ? options.filter((o) => o.toLowerCase().includes(q)) : [...options];
  return hits.slice(0, limit);
}
