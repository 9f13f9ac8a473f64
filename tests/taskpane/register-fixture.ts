/**
 * Builds RawRegisters the way a workbook read hands them over (header row first), from rows
 * written as objects keyed by schema column key. Priya's first-week register lives here.
 */
import { SETTINGS_COLUMNS, tableSpec, type EvidenceTableName } from '../../src/domain/schema';
import type { RawRegister, RawTable } from '../../src/domain/types';

export type RowInput = Record<string, unknown>;

export function rawTable(table: EvidenceTableName, rows: RowInput[]): RawTable {
  const cols = tableSpec(table).columns;
  return { values: [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => (c.key in r ? r[c.key] : null)))] };
}

export function rawSettings(pairs: Record<string, unknown>): RawTable {
  return { values: [[...SETTINGS_COLUMNS], ...Object.entries(pairs).map(([k, v]) => [k, v])] };
}

/** Priya's register: a COO as owner, reviews pasted by hand (one with 'Q3 2025' as Held on), a few decisions. */
export function priyaRegister(): RawRegister {
  return {
    Accountabilities: rawTable('Accountabilities', [
      {
        id: 'ACC-1',
        person: 'Dana Okafor',
        role: 'Chief Operating Officer',
        topManagement: 'Yes',
        accountable: 'Yes',
        canAllocate: 'Yes',
        documentedIn: 'Charter',
        documentLink: 'https://intranet/sms-charter.pdf',
        acceptedOn: '2026-01-15',
        status: 'Active',
      },
      { id: 'ACC-2', person: 'Lee Marsh', role: 'Head of Service Delivery', topManagement: 'No', accountable: 'No', status: 'Active' },
    ]),
    Reviews: rawTable('Reviews', [
      { id: 'REV-1', forum: 'SMS review', heldOn: '2026-01-20', chair: 'Dana Okafor', topManagementPresent: 'Dana Okafor', status: 'Held', minutesLink: 'https://intranet/rev1' },
      { id: 'REV-2', forum: 'SMS review', heldOn: '2026-04-20', chair: 'Dana Okafor', topManagementPresent: 'Dana Okafor', status: 'Held' },
      { id: 'REV-3', forum: 'SMS review', heldOn: 'Q3 2025', status: 'Held' },
    ]),
    Decisions: rawTable('Decisions', [
      { id: 'DEC-1', decidedOn: '2026-01-20', source: 'REV-1', decision: 'Add on-call cover', type: 'Staffing', owner: 'Lee Marsh', dueDate: '2026-03-01', status: 'Done', completedOn: '2026-02-20' },
      { id: 'DEC-2', decidedOn: '2026-04-20', source: 'REV-9', decision: 'Buy monitoring', type: 'Tooling', status: 'Open' },
    ]),
    Resources: rawTable('Resources', []),
    Communications: rawTable('Communications', [
      { id: 'COM-1', sentOn: '2026-02-01', from: 'Dana Okafor', channel: 'Town hall', audience: 'All staff', expectation: 'Log every incident' },
    ]),
    Escalations: rawTable('Escalations', [{ id: 'ESC-1', raisedOn: 'yesterday', trigger: 'SLA miss', escalatedTo: 'Dana Okafor' }]),
    Settings: rawSettings({ Organisation: 'Northwind Services', 'Assessment date': '2026-06-30' }),
  };
}
