/**
 * An in-memory WorkbookPort over plain arrays (header row first, like port.read returns) that
 * records every call, so task pane tests can assert what the pane asked the workbook to do.
 * It behaves like a small, honest workbook: setUp adds only what is missing, addRow gives the
 * next free ID and appends, read returns what was written.
 */
import { ALL_TABLE_NAMES, SETTINGS, SETTINGS_COLUMNS, TABLES, tableSpec, type EvidenceTableName, type TableName } from '../../src/domain/schema';
import type { RawCell, RawRegister, RawTable } from '../../src/domain/types';
import type { AddRowResult, ReadProgress, RowValues, SelectTarget, SetUpReport, WorkbookPort } from '../../src/workbook/port';

export type PortMethod = 'read' | 'setUp' | 'addRow' | 'updateRow' | 'writeDashboard' | 'select' | 'appendHistory' | 'readHistory';

export interface PortCall {
  method: PortMethod;
  args: unknown[];
}

const headersOf = (name: TableName): string[] =>
  name === 'Settings' ? [...SETTINGS_COLUMNS] : tableSpec(name).columns.map((c) => c.header);

const norm = (s: unknown): string => String(s ?? '').trim().toLowerCase();

export class FakePort implements WorkbookPort {
  readonly kind = 'excel' as const;
  /** Each table's values, header row first (header on worksheet row 1). */
  readonly tables: Partial<Record<TableName, RawCell[][]>> = {};
  /** The History table, header row first (null: the workbook has none). */
  history: RawCell[][] | null = null;
  dashboard = false;
  /** Whether the last writeDashboard drew the readiness trend (it does when History exists). */
  dashboardTrend = false;
  readonly calls: PortCall[] = [];
  /** Milliseconds each read takes (to exercise the progress indicator). */
  readDelayMs = 0;
  private readonly failures = new Map<PortMethod, unknown>();

  constructor(raw: RawRegister = {}) {
    for (const name of ALL_TABLE_NAMES) {
      const t = raw[name];
      if (t) this.tables[name] = t.values.map((r) => [...r] as RawCell[]);
    }
  }

  /** The next call of `method` rejects with `error` (once). */
  failNext(method: PortMethod, error: unknown): void {
    this.failures.set(method, error);
  }

  callsOf(method: PortMethod): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private enter(method: PortMethod, args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failures.has(method)) {
      const error = this.failures.get(method);
      this.failures.delete(method);
      throw error;
    }
  }

  async read(onProgress?: ReadProgress): Promise<RawRegister> {
    this.enter('read', []);
    if (this.readDelayMs) await new Promise((r) => setTimeout(r, this.readDelayMs));
    const names = ALL_TABLE_NAMES.filter((n) => this.tables[n]);
    const out: RawRegister = {};
    names.forEach((name, i) => {
      out[name] = { values: this.tables[name]!.map((r) => [...r]) };
      onProgress?.(i + 1, names.length);
    });
    return out;
  }

  async setUp(): Promise<SetUpReport> {
    this.enter('setUp', []);
    const report: SetUpReport = { createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] };
    for (const name of ALL_TABLE_NAMES) {
      const t = this.tables[name];
      if (!t) {
        this.tables[name] = [headersOf(name)];
        report.createdSheets.push(name);
        report.createdTables.push(name);
        continue;
      }
      if (name === 'Settings') continue;
      const have = new Set(t[0].map(norm));
      const missing = headersOf(name).filter((h) => !have.has(norm(h)));
      if (missing.length) {
        t[0].push(...missing);
        for (const row of t.slice(1)) row.push(...missing.map(() => null));
        report.addedColumns.push({ table: name, columns: missing });
      }
    }
    const settings = this.tables.Settings!;
    const keys = new Set(settings.slice(1).map((r) => norm(r[0])));
    for (const s of SETTINGS) {
      if (!keys.has(norm(s.label))) {
        settings.push([s.label, s.defaultText]);
        if (!report.createdSheets.includes('Settings')) report.addedSettings.push(s.label);
      }
    }
    return report;
  }

  private nextId(table: EvidenceTableName): string {
    const spec = tableSpec(table);
    const rows = this.tables[table] ?? [];
    const idCol = rows[0]?.findIndex((h) => norm(h) === 'id') ?? -1;
    let max = 0;
    for (const r of rows.slice(1)) {
      const m = new RegExp(`^${spec.prefix}-(\\d+)$`, 'i').exec(String(r[idCol] ?? '').trim());
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `${spec.prefix}-${max + 1}`;
  }

  async addRow(table: EvidenceTableName, values: RowValues): Promise<AddRowResult> {
    this.enter('addRow', [table, { ...values }]);
    const rows = this.tables[table];
    if (!rows) throw Object.assign(new Error(`The table ${table} was not found.`), { code: 'ItemNotFound' });
    const id = this.nextId(table);
    const spec = tableSpec(table);
    const row = rows[0].map((h) => {
      const col = spec.columns.find((c) => norm(c.header) === norm(h));
      if (!col) return null;
      return col.kind === 'id' ? id : (values[col.key] ?? null);
    });
    rows.push(row);
    return { id, row: rows.length };
  }

  async updateRow(table: EvidenceTableName, id: string, values: RowValues): Promise<{ row: number }> {
    this.enter('updateRow', [table, id, { ...values }]);
    const rows = this.tables[table] ?? [];
    const idCol = rows[0]?.findIndex((h) => norm(h) === 'id') ?? -1;
    const i = rows.findIndex((r, n) => n > 0 && norm(r[idCol]) === norm(id));
    if (i < 1) throw Object.assign(new Error(`${id} was not found.`), { code: 'ItemNotFound' });
    const spec = tableSpec(table);
    rows[0].forEach((h, c) => {
      const col = spec.columns.find((s) => norm(s.header) === norm(h));
      if (col && col.key in values) rows[i][c] = values[col.key] ?? null;
    });
    return { row: i + 1 };
  }

  async writeDashboard(): Promise<{ sheet: string; created: boolean }> {
    this.enter('writeDashboard', []);
    const created = !this.dashboard;
    this.dashboard = true;
    this.dashboardTrend = this.history !== null;
    return { sheet: 'Dashboard', created };
  }

  async select(target: SelectTarget): Promise<void> {
    this.enter('select', [{ ...target }]);
  }

  async appendHistory(headers: readonly string[], values: readonly RawCell[]): Promise<{ row: number }> {
    this.enter('appendHistory', [[...headers], [...values]]);
    if (!this.history) this.history = [[...headers]];
    this.history.push([...values]);
    return { row: this.history.length };
  }

  async readHistory(): Promise<RawTable | null> {
    this.enter('readHistory', []);
    return this.history ? { values: this.history.map((r) => [...r]), headerRow: 1 } : null;
  }
}

/** The evidence tables' names, for loops in tests. */
export const EVIDENCE_TABLES: readonly EvidenceTableName[] = TABLES.map((t) => t.name);
