/**
 * Register workbooks built with ExcelJS directly (not through XlsxPort), so the reader and the
 * command line are tested against files they did not write themselves.
 */
import { Workbook } from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface FixtureTable {
  headers: string[];
  rows: unknown[][];
  /** Top-left cell of the table (default A1). */
  ref?: string;
  /** false: plain cells with the headers in row 1 and no Excel table. */
  asTable?: boolean;
  /** Sheet name (default: the table name). */
  sheet?: string;
}

export function buildWorkbook(tables: Record<string, FixtureTable>): Workbook {
  const workbook = new Workbook();
  for (const [name, t] of Object.entries(tables)) {
    const sheet = workbook.addWorksheet(t.sheet ?? name);
    if (t.asTable === false) {
      sheet.addRow(t.headers);
      for (const row of t.rows) sheet.addRow(row);
    } else {
      sheet.addTable({
        name,
        ref: t.ref ?? 'A1',
        columns: t.headers.map((h) => ({ name: h })),
        rows: t.rows.length > 0 ? t.rows : [t.headers.map(() => null)],
      });
    }
  }
  return workbook;
}

export async function workbookBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function reload(workbook: Workbook): Promise<Workbook> {
  const copy = new Workbook();
  await copy.xlsx.load((await workbookBytes(workbook)) as unknown as ArrayBuffer);
  return copy;
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'clause51-test-'));
}

export async function writeFixture(dir: string, file: string, tables: Record<string, FixtureTable>): Promise<string> {
  const full = path.join(dir, file);
  await fs.writeFile(full, await workbookBytes(buildWorkbook(tables)));
  return full;
}

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A small but complete register: one owner, two held reviews, decisions, escalations. */
export function smallRegister(): Record<string, FixtureTable> {
  return {
    Accountabilities: {
      headers: ['ID', 'Person', 'Role', 'Top management', 'Accountable for SMS effectiveness', 'Can allocate resources', 'Responsibilities', 'Documented in', 'Document link', 'Accepted on', 'Next review', 'Status'],
      rows: [['ACC-1', 'Ann Lee', 'COO', 'Yes', 'Yes', 'Yes', 'Owns the SMS', 'Charter', 'https://x.example/charter', utc(2026, 1, 10), utc(2027, 1, 10), 'Active']],
    },
    Reviews: {
      headers: ['ID', 'Forum', 'Planned date', 'Held on', 'Chair', 'Top management present', 'Inputs covered', 'Minutes link', 'Status'],
      rows: [
        ['REV-1', 'SMS review', utc(2026, 1, 15), utc(2026, 1, 15), 'Ann Lee', 'Ann Lee', 'Service performance; Major incidents', 'https://x.example/m1', 'Held'],
        ['REV-2', 'SMS review', 'Q2 2026', utc(2026, 4, 20), 'Ann Lee', 'Ann Lee', 'Service performance', '', 'Held'],
      ],
    },
    Decisions: {
      headers: ['ID', 'Decided on', 'Source', 'Decision', 'Type', 'Decided by', 'Owner', 'Due date', 'Status', 'Completed on', 'Effectiveness check', 'Effective', 'Evidence link'],
      rows: [['DEC-1', utc(2026, 1, 15), 'REV-1', 'Hire analyst', 'Staffing', 'Ann Lee', 'Bob Ray', utc(2026, 3, 1), 'Done', utc(2026, 2, 20), '', '', '']],
    },
    Resources: {
      headers: ['ID', 'Requested on', 'Type', 'SMS need', 'Linked item', 'Approved by', 'Outcome', 'Decided on', 'Delivered on', 'Evidence link'],
      rows: [['RES-1', utc(2026, 1, 5), 'People', 'Service desk cover', 'DEC-1', 'Ann Lee', 'Approved', utc(2026, 1, 15), null, '']],
    },
    Communications: {
      headers: ['ID', 'Sent on', 'From', 'Channel', 'Audience', 'Expectation', 'Linked item', 'Evidence link'],
      rows: [['COM-1', utc(2026, 2, 1), 'Ann Lee', 'Email', 'All staff', 'Log every contact', '', '']],
    },
    Escalations: {
      headers: ['ID', 'Raised on', 'Trigger', 'Description', 'Escalated to', 'Decision', 'Status', 'Closed on'],
      rows: [['ESC-1', utc(2026, 1, 2), 'SLA miss', 'P2 response', 'Ann Lee', 'DEC-1', 'Closed', utc(2026, 3, 1)]],
    },
    Settings: {
      headers: ['Key', 'Value'],
      rows: [
        ['Organisation', 'Fixture Ltd'],
        ['Assessment date', utc(2026, 6, 30)],
      ],
    },
  };
}
