/**
 * A small register as Excel hands it to custom functions: one 2-D array per table, header row
 * first, dates as Excel serial numbers, blanks as "". Built from the schema's headers so a column
 * rename in the schema cannot leave the fixture behind.
 */
import { ALL_TABLE_NAMES, SETTINGS_COLUMNS, TABLES, type TableName } from '../../src/domain/schema';
import { fromIsoText, toExcelSerial } from '../../src/domain/dates';
import type { RawRegister } from '../../src/domain/types';

/** An ISO date as the Excel serial a range hands over. */
export function serial(iso: string): number {
  const day = fromIsoText(iso);
  if (day === null) throw new Error(`Not a date: ${iso}`);
  return toExcelSerial(day);
}

export type Row = Record<string, string | number | boolean | null>;

export function headersOf(table: TableName): string[] {
  return table === 'Settings' ? [...SETTINGS_COLUMNS] : TABLES.find((t) => t.name === table)!.columns.map((c) => c.header);
}

/** Header row + rows, cells in `headers` order; a header a row does not mention is "" (blank). */
export function tableRange(headers: readonly string[], rows: readonly Row[]): unknown[][] {
  return [[...headers], ...rows.map((r) => headers.map((h) => (h in r ? r[h] : '')))];
}

export const ROWS: Record<TableName, Row[]> = {
  Accountabilities: [
    {
      ID: 'ACC-1',
      Person: 'Dana Reyes',
      Role: 'Chief Operating Officer',
      'Top management': 'Yes',
      'Accountable for SMS effectiveness': 'Yes',
      'Can allocate resources': 'Yes',
      Responsibilities: 'Owns the SMS',
      'Documented in': 'Charter',
      'Document link': 'https://intranet.example/charter',
      'Accepted on': serial('2026-01-10'),
      'Next review': serial('2027-01-10'),
      Status: 'Active',
    },
    { ID: 'ACC-2', Person: 'Sam Okafor', Role: 'CIO', 'Top management': 'Yes', 'Accountable for SMS effectiveness': 'No', Status: 'Active' },
  ],
  Reviews: [
    {
      ID: 'REV-1',
      Forum: 'SMS management review',
      'Planned date': serial('2025-09-15'),
      'Held on': serial('2025-09-16'),
      Chair: 'Dana Reyes',
      'Top management present': 'Dana Reyes; Sam Okafor',
      'Inputs covered': 'Service performance; Major incidents; Trends; Audit results',
      'Minutes link': 'https://intranet.example/rev-1',
      Status: 'Held',
    },
    {
      ID: 'REV-2',
      Forum: 'SMS management review',
      'Planned date': serial('2025-12-15'),
      'Held on': serial('2025-12-17'),
      Chair: 'Dana Reyes',
      'Top management present': '',
      'Inputs covered': 'Service performance; Customer feedback',
      Status: 'Held',
    },
    { ID: 'REV-3', Forum: 'SMS management review', 'Planned date': serial('2026-03-16'), Status: 'Cancelled' },
  ],
  Decisions: [
    {
      ID: 'DEC-1',
      'Decided on': serial('2025-09-16'),
      Source: 'REV-1',
      Decision: 'Add a second on-call engineer',
      Type: 'Staffing',
      'Decided by': 'Dana Reyes',
      Owner: 'Sam Okafor',
      'Due date': serial('2025-11-30'),
      Status: 'Done',
      'Completed on': serial('2025-11-20'),
    },
    {
      ID: 'DEC-2',
      'Decided on': serial('2026-02-01'),
      Source: 'ESC-1',
      Decision: 'Fix the backup job alerting',
      Type: 'Corrective action',
      'Decided by': 'Dana Reyes',
      Owner: 'Sam Okafor',
      'Due date': serial('2026-03-01'),
      Status: 'Done',
      'Completed on': serial('2026-03-10'),
      'Effectiveness check': 'No repeat in 30 days',
      Effective: 'Yes',
    },
    { ID: 'DEC-3', 'Decided on': serial('2026-04-01'), Source: 'REV-9', Decision: 'Review supplier SLAs', Type: 'Process', Status: 'Open' },
  ],
  Resources: [
    {
      ID: 'RES-1',
      'Requested on': serial('2025-10-01'),
      Type: 'People',
      'SMS need': 'Night on-call cover',
      'Linked item': 'DEC-1',
      'Approved by': 'Dana Reyes',
      Outcome: 'Approved',
      'Decided on': serial('2025-10-05'),
    },
    { ID: 'RES-2', 'Requested on': serial('2026-02-10'), Type: 'Tooling', Outcome: 'Pending' },
  ],
  Communications: [
    {
      ID: 'COM-1',
      'Sent on': serial('2025-10-01'),
      From: 'Dana Reyes',
      Channel: 'Town hall',
      Audience: 'All IT staff',
      Expectation: 'Log every major incident within 15 minutes',
    },
    { ID: 'COM-2', 'Sent on': serial('2026-02-05'), From: 'Sam Okafor', Channel: 'Email', Audience: 'Service desk', 'Linked item': 'ESC-1' },
  ],
  Escalations: [
    {
      ID: 'ESC-1',
      'Raised on': serial('2026-01-20'),
      Trigger: 'Repeat incident',
      Description: 'Backups failed three nights running',
      'Escalated to': 'Dana Reyes',
      Decision: 'DEC-2',
      Status: 'Closed',
      'Closed on': serial('2026-03-10'),
    },
    { ID: 'ESC-2', 'Raised on': serial('2026-04-20'), Trigger: 'SLA miss', 'Escalated to': 'Team lead', Status: 'Open' },
  ],
  Settings: [
    { Key: 'Organisation', Value: 'Northwind Services' },
    { Key: 'Assessment date', Value: serial('2026-06-30') },
    { Key: 'Lookback days', Value: 365 },
    { Key: 'Escalation triggers', Value: 'Repeat incident; SLA miss; Audit finding' },
    { Key: 'Effectiveness definition', Value: '' },
  ],
};

/** The seven ranges in argument order (fresh arrays on every call, as Excel hands them over). */
export function ranges(rows: Record<TableName, Row[]> = ROWS): unknown[][][] {
  return ALL_TABLE_NAMES.map((name) => tableRange(headersOf(name), rows[name]));
}

/** The same tables as the engine's RawRegister (what a workbook adapter would hand the parser). */
export function rawRegister(tables: unknown[][][] = ranges()): RawRegister {
  const raw: RawRegister = {};
  ALL_TABLE_NAMES.forEach((name, i) => {
    raw[name] = { values: tables[i] };
  });
  return raw;
}
