/**
 * Five small, deliberately messy registers for the hand-checked acceptance test. They are
 * written with ExcelJS directly (not through the project's XlsxPort) so the command line reads
 * files it did not write itself. Every value here was chosen so the expected result can be
 * worked out by hand from the spec; the arithmetic is in hand-checked.test.ts.
 *
 * Rows are keyed by header text; the key is matched to the sheet's header loosely (case, outer
 * and repeated spaces), so a table can show headers in odd case or order while the rows below
 * still read like the spec.
 */
import { Workbook, type CellValue, type Worksheet } from 'exceljs';

/** How a date is stored in the cell. */
type DateForm = 'iso' | 'serial' | 'date' | 'formula';

const EXCEL_EPOCH_OFFSET = 25569;

function epochDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** A date cell in one of the forms a register may hold. */
export function day(iso: string, form: DateForm = 'date'): CellValue {
  const serial = epochDay(iso) + EXCEL_EPOCH_OFFSET;
  switch (form) {
    case 'iso':
      return iso;
    case 'serial':
      return serial;
    case 'date':
      return new Date(`${iso}T00:00:00Z`);
    case 'formula': {
      const [y, m, d] = iso.split('-').map(Number);
      // A formula with its cached result, as Excel saves it; the reader must use the result.
      return { formula: `DATE(${y},${m},${d})`, result: serial } as CellValue;
    }
  }
}

export function errorCell(code: string): CellValue {
  return { error: code } as CellValue;
}

type Row = Record<string, unknown>;

interface TableSpec {
  /** Worksheet name; defaults to the table name. */
  sheet?: string;
  /** Headers as shown in the sheet (any case/order/extra columns). */
  headers: string[];
  rows: Row[];
  /** 'table' (default): an Excel table named after the register table; 'plain': cells only. */
  kind?: 'table' | 'plain';
  /** Top-left cell of the header row (tables only). */
  ref?: string;
  /** Text put above a table that does not start in row 1 (e.g. a title). */
  title?: string;
}

export type RegisterSpec = Record<string, TableSpec>;

const norm = (h: string): string => h.trim().replace(/\s+/g, ' ').toLowerCase();

function rowValues(headers: string[], row: Row): CellValue[] {
  const byKey = new Map(Object.entries(row).map(([k, v]) => [norm(k), v]));
  for (const k of byKey.keys()) {
    if (!headers.some((h) => norm(h) === k)) throw new Error(`row key '${k}' has no header`);
  }
  return headers.map((h) => {
    const v = byKey.get(norm(h));
    return (v === undefined || v === '' ? null : v) as CellValue;
  });
}

function addTable(workbook: Workbook, name: string, spec: TableSpec): void {
  const ws: Worksheet = workbook.getWorksheet(spec.sheet ?? name) ?? workbook.addWorksheet(spec.sheet ?? name);
  const rows = spec.rows.map((r) => rowValues(spec.headers, r));
  if (spec.kind === 'plain') {
    ws.addRow(spec.headers);
    for (const r of rows) ws.addRow(r);
    return;
  }
  if (spec.title) ws.getCell('A1').value = spec.title;
  ws.addTable({
    name,
    ref: spec.ref ?? 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: spec.headers.map((h) => ({ name: h })),
    // An empty Excel table still has one (blank) data row.
    rows: rows.length > 0 ? rows : [spec.headers.map(() => null)],
  });
}

export function buildRegister(spec: RegisterSpec): Workbook {
  const workbook = new Workbook();
  for (const [name, t] of Object.entries(spec)) addTable(workbook, name, t);
  return workbook;
}

export async function registerBytes(spec: RegisterSpec): Promise<Buffer> {
  return Buffer.from(await buildRegister(spec).xlsx.writeBuffer());
}

// ---- default headers (spec §1) ---------------------------------------------------------------

export const ACC_H = ['ID', 'Person', 'Role', 'Top management', 'Accountable for SMS effectiveness', 'Can allocate resources', 'Responsibilities', 'Documented in', 'Document link', 'Accepted on', 'Next review', 'Status'];
export const REV_H = ['ID', 'Forum', 'Planned date', 'Held on', 'Chair', 'Top management present', 'Inputs covered', 'Minutes link', 'Status'];
export const DEC_H = ['ID', 'Decided on', 'Source', 'Decision', 'Type', 'Decided by', 'Owner', 'Due date', 'Status', 'Completed on', 'Effectiveness check', 'Effective', 'Evidence link'];
export const RES_H = ['ID', 'Requested on', 'Type', 'SMS need', 'Linked item', 'Approved by', 'Outcome', 'Decided on', 'Delivered on', 'Evidence link'];
export const COM_H = ['ID', 'Sent on', 'From', 'Channel', 'Audience', 'Expectation', 'Linked item', 'Evidence link'];
export const ESC_H = ['ID', 'Raised on', 'Trigger', 'Description', 'Escalated to', 'Decision', 'Status', 'Closed on'];
export const SET_H = ['Key', 'Value'];

const ALL6 = 'Service performance; Major incidents; Trends; Audit results; Nonconformities; Customer feedback';
const LINK = 'https://intranet.example/evidence';

// Short row makers so the registers read like tables.
const rev = (id: string, held: CellValue, chair: string, present: string, inputs: string, minutes: string, status: string, planned: CellValue = null): Row => ({
  ID: id, Forum: 'SMS board', 'Planned date': planned, 'Held on': held, Chair: chair, 'Top management present': present, 'Inputs covered': inputs, 'Minutes link': minutes, Status: status,
});
const dec = (id: string, decided: CellValue, source: string, type: string, owner: string, due: CellValue, status: string, completed: CellValue = null, check = '', effective = ''): Row => ({
  ID: id, 'Decided on': decided, Source: source, Decision: `Decision ${id}`, Type: type, 'Decided by': 'Dana Whitfield', Owner: owner, 'Due date': due, Status: status, 'Completed on': completed, 'Effectiveness check': check, Effective: effective,
});
const res = (id: string, requested: CellValue, type: string, need: string, linked: string, approver: string, outcome: string, decided: CellValue = null): Row => ({
  ID: id, 'Requested on': requested, Type: type, 'SMS need': need, 'Linked item': linked, 'Approved by': approver, Outcome: outcome, 'Decided on': decided,
});
const com = (id: string, sent: CellValue, from: string, expectation: string, linked = ''): Row => ({
  ID: id, 'Sent on': sent, From: from, Channel: 'Email', Audience: 'All staff', Expectation: expectation, 'Linked item': linked,
});
const esc = (id: string, raised: CellValue, trigger: string, to: string, decision: string, status: string): Row => ({
  ID: id, 'Raised on': raised, Trigger: trigger, Description: `Escalation ${id}`, 'Escalated to': to, Decision: decision, Status: status,
});
const settings = (pairs: [string, unknown][]): Row[] => pairs.map(([Key, Value]) => ({ Key, Value }));

// ---- A: layout ----------------------------------------------------------------------------------
/**
 * Reordered columns with odd header case/spacing and user columns; Accountabilities as a plain
 * sheet (no Excel table); Reviews as a table whose header row is row 4 starting in column B;
 * the Decisions table on a sheet called "Actions log". As of 2026-06-30 (Settings).
 */
export function registerA(): RegisterSpec {
  return {
    Accountabilities: {
      kind: 'plain',
      headers: [' status ', 'PERSON', 'id', 'Role', 'top   management', 'Accountable for SMS effectiveness', 'Can Allocate Resources', 'Documented in', 'Document link', 'Accepted on', 'Next review', 'Responsibilities', 'My notes'],
      rows: [
        { id: 'ACC-1', person: 'Dana Whitfield', role: 'CIO', 'top management': 'Yes', 'Accountable for SMS effectiveness': 'Yes', 'Can allocate resources': 'Yes', 'Documented in': 'Charter', 'Document link': LINK, 'Accepted on': day('2025-09-01'), 'Next review': day('2026-09-01'), status: 'Active', 'My notes': 'keep me' },
        { id: 'ACC-2', person: 'Sam Ortiz', role: 'COO', 'top management': 'Yes', 'Accountable for SMS effectiveness': 'No', 'Can allocate resources': 'Yes', 'Accepted on': day('2025-01-01'), status: 'Active' },
      ],
    },
    Reviews: {
      ref: 'B4',
      title: 'Management reviews (table below)',
      headers: ['Held On ', 'ID', 'Forum', 'Planned date', 'Chair', 'Top management present', 'Inputs covered', 'Minutes link', 'Status', 'Room'],
      rows: [
        rev('REV-1', day('2025-08-15'), 'Dana Whitfield', 'Dana Whitfield; Sam Ortiz', ALL6, LINK, 'Held', day('2025-08-15')),
        rev('REV-2', day('2025-11-14'), 'Dana Whitfield', 'Dana Whitfield; Sam Ortiz', ALL6, LINK, 'Held', day('2025-11-14')),
        rev('REV-3', day('2026-02-13'), 'Dana Whitfield', 'Dana Whitfield; Sam Ortiz', ALL6, LINK, 'Held', day('2026-02-13')),
        // Planned date 'Q3 2025' → issue at worksheet row 8, column E (table starts in B).
        rev('REV-4', day('2026-05-15'), 'Dana Whitfield', 'Dana Whitfield; Sam Ortiz', ALL6, LINK, 'Held', 'Q3 2025'),
      ],
    },
    Decisions: {
      sheet: 'Actions log',
      headers: [...DEC_H, 'Notes'],
      rows: [
        dec('DEC-1', day('2025-08-15'), 'REV-1', 'Process', 'Priya Nair', day('2025-10-01'), 'Done', day('2025-09-20')),
        dec('DEC-2', day('2025-11-14'), 'REV-2', 'Corrective action', 'Priya Nair', day('2026-01-15'), 'Done', day('2026-01-10'), 'Incident trend reviewed in Feb', 'Yes'),
        // Effective 'Maybe' → issue at Actions log!L4; completed late.
        dec('DEC-3', day('2026-02-13'), 'REV-3', 'Tooling', 'Priya Nair', day('2026-04-01'), 'Done', day('2026-04-05'), '', 'Maybe'),
        dec('DEC-4', day('2026-05-15'), 'REV-4', 'Priority', 'Priya Nair', day('2026-08-01'), 'In progress'),
        dec('DEC-5', day('2026-03-01'), 'ESC-1', 'Resource', 'Priya Nair', day('2026-03-31'), 'Done', day('2026-03-30')),
      ],
    },
    Resources: {
      headers: RES_H,
      rows: [
        res('RES-1', day('2025-10-01'), 'Tooling', 'Monitoring gaps', 'DEC-2', 'Sam Ortiz', 'Approved', day('2025-10-20')),
        res('RES-2', day('2026-03-01'), 'People', 'On-call cover', 'ESC-1', 'dana whitfield ', 'Pending'),
      ],
    },
    Communications: {
      headers: ['Expectation', 'ID', 'From', 'Sent on', 'Channel', 'Audience', 'Linked item', 'Evidence link'],
      rows: [
        com('COM-1', day('2025-09-01'), 'Dana Whitfield', 'Changes need approval and a risk assessment'),
        com('COM-2', day('2025-12-01'), 'Dana Whitfield', 'Major incidents get a review within 5 days'),
        com('COM-3', day('2026-03-01'), 'Dana Whitfield', 'Repeat incidents go to problem management', 'DEC-5'),
        com('COM-4', day('2026-06-01'), 'Dana Whitfield', 'Customer feedback is answered within 2 days'),
      ],
    },
    Escalations: {
      headers: ESC_H,
      rows: [esc('ESC-1', day('2026-02-20'), 'Repeat incident', 'Sam Ortiz', 'DEC-5', 'Decided')],
    },
    Settings: {
      headers: SET_H,
      rows: settings([
        ['Organisation', 'Acme A'],
        ['assessment DATE', day('2026-06-30')],
        ['Effectiveness definition', 'Service targets met and reviews held each quarter'],
        ['escalation triggers', 'Repeat incidents; SLA breach'],
      ]),
    },
  };
}

// ---- B: people ------------------------------------------------------------------------------------
/**
 * Names in different case/spacing between tables; top-management rows with Status blank, Vacant,
 * Ended; two owners of which one Ended; a manager accountable without executive authority.
 * Settings › Assessment date 2026-06-30, scored with --as-of 2026-03-31 (the flag wins).
 */
export function registerB(): RegisterSpec {
  const acc = (id: string, person: string, role: string, top: string, owner: string, alloc: string, docIn: string, docLink: string, accepted: CellValue, next: CellValue, status: string): Row => ({
    ID: id, Person: person, Role: role, 'Top management': top, 'Accountable for SMS effectiveness': owner, 'Can allocate resources': alloc, 'Documented in': docIn, 'Document link': docLink, 'Accepted on': accepted, 'Next review': next, Status: status,
  });
  return {
    Accountabilities: {
      headers: ACC_H,
      rows: [
        acc('ACC-1', 'Dana Whitfield', 'CIO', 'Yes', 'Yes', 'No', 'Charter', '', day('2024-01-10'), day('2026-12-31'), ''),
        acc('ACC-2', 'Lee Park', 'COO', 'Yes', 'Yes', 'Yes', 'RACI', LINK, day('2025-06-01'), day('2026-06-01'), 'Ended'),
        acc('ACC-3', 'Vic Grant', 'CFO', 'Yes', 'No', 'Yes', '', '', null, null, 'Vacant'),
        acc('ACC-4', 'Mo Rahman', 'Service manager', 'No', 'Yes', 'No', '', '', null, null, 'Active'),
        acc('ACC-5', 'Ana Silva', 'COO', 'yes', 'No', 'Yes', '', '', null, null, ' active '),
      ],
    },
    Reviews: {
      headers: REV_H,
      rows: [
        rev('REV-1', day('2025-05-10'), 'Lee Park', 'Mo Rahman', 'service performance; MAJOR INCIDENTS ; trends', LINK, 'Held'),
        rev('REV-2', day('2025-09-10'), '', ' dana whitfield,Mo Rahman', ALL6.replace(/; /g, '\n'), '', 'Held'),
        rev('REV-3', day('2026-01-15'), 'DANA WHITFIELD', '', 'Service performance, Trends and forecasts', LINK, ''),
        rev('REV-4', day('2026-03-20'), 'Dana Whitfield', 'Dana Whitfield', ALL6, LINK, 'Cancelled', day('2026-03-20')),
        rev('REV-5', day('2026-04-10'), 'Dana Whitfield', 'Dana Whitfield', ALL6, LINK, 'Held', day('2026-04-10')),
      ],
    },
    Decisions: {
      headers: DEC_H,
      rows: [
        dec('DEC-1', day('2025-05-10'), 'rev-1', 'Priority', 'Mo Rahman', day('2025-07-01'), 'Done', day('2025-07-01')),
        dec('DEC-2', day('2026-01-15'), 'REV-3', 'Corrective action', '', day('2026-02-28'), 'Done'),
        dec('DEC-3', day('2025-12-01'), '', 'Staffing', 'Ana Silva', day('2026-03-31'), 'In progress'),
        dec('DEC-4', day('2025-11-01'), '', 'Other', '', day('2026-01-01'), 'Cancelled'),
      ],
    },
    Resources: {
      headers: RES_H,
      rows: [
        res('RES-1', day('2025-06-01'), 'People', 'Service desk cover', 'DEC-1', 'Lee Park', 'Approved', day('2025-06-20')),
        res('RES-2', day('2025-10-01'), 'Training', '', 'DEC-3', 'Ana Silva (COO)', 'deferred', day('2025-10-15')),
      ],
    },
    Communications: {
      headers: COM_H,
      rows: [
        com('COM-1', day('2025-07-01'), ' Dana Whitfield ', 'Incidents are logged the same day'),
        com('COM-2', day('2025-08-20'), 'Mo Rahman', '', 'esc-1'),
        com('COM-3', day('2026-04-05'), 'Dana Whitfield', 'Changes need approval'),
      ],
    },
    Escalations: {
      headers: ESC_H,
      rows: [
        esc('ESC-1', day('2025-08-01'), 'SLA breach', 'dana whitfield', '', 'Open'),
        esc('ESC-2', day('2026-03-10'), 'Repeated outage', 'Mo Rahman', 'DEC-3', 'Decided'),
      ],
    },
    Settings: {
      headers: SET_H,
      rows: settings([
        ['Organisation', 'Beta'],
        ['Assessment date', '2026-06-30'],
      ]),
    },
  };
}

// ---- C: dates -------------------------------------------------------------------------------------
/**
 * Dates as serials, JS Dates, ISO text, formulas with cached results, 'Q3 2025' and #N/A; rows on
 * both window edges; reviews Planned/Cancelled/after as-of. As of 2026-06-30 (Settings, ISO text),
 * Lookback 200 → window (2025-12-12, 2026-06-30]; Review cadence 60; Communication cadence 100.
 */
export function registerC(): RegisterSpec {
  return {
    Accountabilities: {
      headers: ACC_H,
      rows: [
        { ID: 'ACC-1', Person: 'Dana Whitfield', Role: 'CIO', 'Top management': 'Yes', 'Accountable for SMS effectiveness': 'Yes', 'Can allocate resources': true, 'Documented in': 'SMS manual', 'Document link': LINK, 'Accepted on': day('2026-01-05', 'formula'), Status: 'Active' },
      ],
    },
    Reviews: {
      headers: REV_H,
      rows: [
        rev('REV-1', day('2025-12-12', 'iso'), 'Dana Whitfield', '', ALL6, LINK, 'Held'), // excluded edge
        rev('REV-2', day('2025-12-13', 'serial'), 'Dana Whitfield', '', ALL6, LINK, ''), // first day in
        rev('REV-3', day('2026-03-01', 'date'), 'Dana Whitfield', '', ALL6, LINK, ' held '),
        rev('REV-4', day('2026-04-20'), 'Dana Whitfield', '', ALL6, LINK, 'Planned'),
        rev('REV-5', errorCell('#N/A'), 'Dana Whitfield', '', ALL6, LINK, 'Held'),
        rev('REV-6', day('2026-06-30', 'formula'), 'Dana Whitfield', '', '', '', 'Held'), // as-of, included
        rev('REV-7', 'Q3 2025', 'Dana Whitfield', '', ALL6, LINK, 'Held'),
        rev('REV-8', day('2026-07-01'), 'Dana Whitfield', '', ALL6, LINK, 'Held'), // after as-of
        rev('REV-9', day('2026-05-01'), 'Dana Whitfield', '', ALL6, LINK, 'Cancelled'),
      ],
    },
    Decisions: {
      headers: DEC_H,
      rows: [
        dec('DEC-1', day('2025-12-13', 'serial'), 'REV-2', 'Process', 'Priya Nair', day('2026-01-31', 'iso'), 'Done', day('2026-01-30')),
        dec('DEC-2', day('2025-12-12', 'iso'), '', 'Corrective action', 'Priya Nair', day('2026-01-15'), 'Done', day('2026-02-01')),
        dec('DEC-3', day('2026-03-01'), '', 'Corrective action', '', day('2026-04-30'), 'Done', day('2026-04-28'), 'Recurrence checked', 'Pending'),
        dec('DEC-4', day('2026-04-01'), '', 'Corrective action', 'Priya Nair', day('2026-06-30', 'formula'), 'Done', day('2026-06-30'), 'Checked in June', 'yes'),
        dec('DEC-5', 'Q3 2025', '', 'Priority', 'Priya Nair', day('2026-05-01'), 'Open'),
      ],
    },
    Resources: {
      headers: RES_H,
      rows: [
        res('RES-1', day('2025-12-01'), 'Budget', 'Monitoring', 'DEC-1', 'Dana Whitfield', 'Approved', day('2025-12-13', 'serial')),
        res('RES-2', day('2026-01-10', 'iso'), 'People', 'Cover', 'DEC-99', '', 'Pending', errorCell('#N/A')),
      ],
    },
    Communications: {
      headers: COM_H,
      rows: [
        com('COM-1', day('2025-12-12', 'iso'), 'Dana Whitfield', 'a'), // excluded edge
        com('COM-2', day('2026-02-24'), 'Dana Whitfield', 'b'),
        com('COM-3', day('2026-02-25', 'serial'), ' dana whitfield', ''), // 125 days = 1.25 × 100
      ],
    },
    Escalations: { headers: ESC_H, rows: [] },
    Settings: {
      headers: SET_H,
      rows: settings([
        ['Assessment date', '2026-06-30'],
        ['Lookback days', 200],
        ['Review cadence days', '60'],
        ['Communication cadence days', 100],
        ['Effectiveness definition', 'Targets met'],
        ['Escalation triggers', 'Repeat incidents'],
      ]),
    },
  };
}

// ---- D: settings ----------------------------------------------------------------------------------
/**
 * Settings as a plain sheet with odd key case and spacing, custom cadences, thresholds Green 70 /
 * Amber '40%', Lookback '180 ', a changed required-inputs list, Review cadence 'abc' (invalid →
 * default 90). Assessment date as a serial: 2026-06-30. Window (2026-01-01, 2026-06-30].
 */
export function registerD(): RegisterSpec {
  return {
    Accountabilities: {
      headers: ACC_H,
      rows: [
        { ID: 'ACC-1', Person: 'Dana Whitfield', Role: 'CIO', 'Top management': 'Yes', 'Accountable for SMS effectiveness': 'Yes', 'Can allocate resources': 'Yes', 'Documented in': 'Other', 'Document link': LINK, 'Accepted on': day('2025-06-01'), 'Next review': day('2026-06-29'), Status: 'Active' },
      ],
    },
    Reviews: {
      headers: REV_H,
      rows: [
        rev('REV-1', day('2026-02-10'), 'Dana Whitfield', 'Dana Whitfield', 'service performance; RISKS; trends', LINK, 'Held'),
        rev('REV-2', day('2026-05-20'), 'Sam Lee', 'Dana Whitfield; Sam Lee', 'Service performance', '', 'Held'),
      ],
    },
    Decisions: {
      headers: DEC_H,
      rows: [
        dec('DEC-1', day('2026-02-10'), 'REV-1', 'Process', 'Priya Nair', day('2026-03-31'), 'Done', day('2026-03-30')),
        dec('DEC-2', day('2026-05-20'), 'REV-2', 'Priority', 'Priya Nair', day('2026-07-31'), 'Open'),
        dec('DEC-3', day('2026-06-10'), 'ESC-1', 'Resource', 'Priya Nair', day('2026-07-15'), 'Open'),
      ],
    },
    Resources: { headers: RES_H, rows: [] },
    Communications: {
      headers: COM_H,
      rows: [
        com('COM-1', day('2026-03-15'), 'Dana Whitfield', 'a'),
        com('COM-2', day('2026-05-01'), 'Dana Whitfield', 'b'),
        com('COM-3', day('2026-06-05'), 'Sam Lee', 'c', 'ESC-1'),
      ],
    },
    Escalations: {
      headers: ESC_H,
      rows: [
        esc('ESC-1', day('2026-06-01'), 'sla', 'Dana Whitfield', 'DEC-3', 'Decided'),
        esc('ESC-2', day('2026-06-25'), 'isolated outage', 'Sam Lee', '', 'Open'),
      ],
    },
    Settings: {
      kind: 'plain',
      headers: ['KEY', ' value '],
      rows: [
        { key: 'assessment date', value: day('2026-06-30', 'serial') }, // row 2
        { key: 'LOOKBACK DAYS', value: '180 ' }, // row 3
        { key: 'Review  cadence days', value: 'abc' }, // row 4 → issue, default 90
        { key: 'communication cadence days', value: 60 },
        { key: 'Escalation response days', value: 14 },
        { key: 'Reinforcement days', value: 10 },
        { key: 'Required review inputs', value: 'Service performance; Risks' },
        { key: ' green threshold ', value: 70 },
        { key: 'Amber threshold', value: '40%' },
        { key: 'Effectiveness definition', value: 'All SLAs met for three months running' },
        { key: 'Escalation triggers', value: '' },
        { key: 'My own key', value: 'ignored' },
      ],
    },
  };
}

// ---- E: IDs and links ------------------------------------------------------------------------------
/**
 * Lower-case IDs, duplicate IDs, dangling links, an escalation whose Decision is a REV, a
 * communication linked to an escalation's decision, triggers 'Repeat incident' / 'SLA breach' /
 * 'sla' / 'isolated failure', corrective actions Done with and without an effectiveness check.
 * No Settings table at all; scored with --as-of 2026-06-30. Window (2025-06-30, 2026-06-30].
 */
export function registerE(): RegisterSpec {
  return {
    Accountabilities: {
      headers: ACC_H,
      rows: [
        { ID: 'acc-1', Person: 'Dana Whitfield', Role: 'CIO', 'Top management': 'Yes', 'Accountable for SMS effectiveness': 'Yes', 'Can allocate resources': 'Yes', 'Documented in': 'Charter', 'Document link': LINK, 'Accepted on': day('2025-07-01'), Status: 'Active' },
        { ID: 'acc-1', Person: 'Sam Ortiz', Role: 'COO', 'Top management': 'Yes', 'Accountable for SMS effectiveness': 'No', 'Can allocate resources': 'Yes', 'Accepted on': day('2025-01-01'), Status: 'Active' },
      ],
    },
    Reviews: {
      headers: REV_H,
      rows: [
        rev('rev-1', day('2025-09-01'), 'Dana Whitfield', 'Dana Whitfield', ALL6, LINK, 'Held'),
        rev('REV-2', day('2025-12-01'), 'Dana Whitfield', 'Dana Whitfield', ALL6, LINK, 'Held'),
        rev('REV-3', day('2026-03-01'), 'Dana Whitfield', 'Dana Whitfield', ALL6, LINK, 'Held'),
        rev('REV-4', day('2026-06-01'), 'Dana Whitfield', 'Dana Whitfield', ALL6, LINK, 'Held'),
      ],
    },
    Decisions: {
      headers: DEC_H,
      rows: [
        dec('dec-1', day('2025-09-01'), 'rev-1', 'Corrective action', 'Priya Nair', day('2025-10-01'), 'Done', day('2025-09-30'), 'Repeat rate checked', 'Yes'),
        dec('DEC-2', day('2025-12-01'), 'REV-2', 'Corrective action', 'Priya Nair', day('2026-01-15'), 'Done', day('2026-01-20'), '', 'Yes'),
        dec('DEC-3', day('2026-03-01'), 'REV-9', 'Resource', 'Priya Nair', day('2026-04-01'), 'Done', day('2026-04-01')),
        dec('DEC-4', day('2026-06-01'), 'rev-4', 'Priority', 'Priya Nair', day('2026-09-01'), 'Open'),
        dec('DEC-2', day('2026-02-01'), '', 'Staffing', 'Priya Nair', day('2026-03-01'), 'Done', day('2026-02-20')), // duplicate ID, row 6
      ],
    },
    Resources: {
      headers: RES_H,
      rows: [
        res('res-1', day('2026-01-20'), 'People', 'On-call cover', 'esc-2', 'Sam Ortiz', 'Approved', day('2026-02-01')),
        res('RES-2', day('2026-03-10'), 'Tooling', '', 'ESC-4', 'Dana Whitfield', 'Rejected', day('2026-03-20')),
      ],
    },
    Communications: {
      headers: COM_H,
      rows: [
        com('COM-1', day('2025-09-15'), 'Dana Whitfield', 'a'),
        com('COM-2', day('2026-03-01'), 'Dana Whitfield', 'b', 'DEC-3'),
        com('COM-3', day('2026-02-20'), 'Sam Ortiz', 'c', 'esc-2'),
        com('COM-4', day('2026-04-01'), 'Mo Rahman', '', 'ESC-3'),
        com('COM-5', day('2026-06-10'), 'Dana Whitfield', 'e'),
      ],
    },
    Escalations: {
      headers: ESC_H,
      rows: [
        esc('ESC-1', day('2026-02-15'), 'Repeat incident', 'Dana Whitfield', 'DEC-3', 'Decided'),
        esc('ESC-2', day('2026-01-10'), 'SLA breach', 'Sam Ortiz', 'REV-3', 'Decided'),
        esc('ESC-3', day('2026-04-01'), 'sla', 'dana whitfield ', 'DEC-7', 'Open'),
        esc('ESC-4', day('2026-05-01'), 'isolated failure', 'Mo Rahman', '', 'Open'),
        esc('ESC-5', day('2026-06-15'), 'SLA breach', 'Dana Whitfield', 'dec-4', 'Decided'),
      ],
    },
  };
}

export const REGISTERS = { A: registerA, B: registerB, C: registerC, D: registerD, E: registerE };
