#!/usr/bin/env node
/**
 * Generates examples/example-register.xlsx: a year of Clause 5.1 evidence for a fictional IT
 * service provider, Northwind Managed Services, assessed as of 2026-06-30. It scores Amber with
 * a gap in every pillar and carries three deliberate data-quality issues (a "Q3 2025" planned
 * date, a link to a decision that does not exist, "TBC" in a date column) and one user column
 * (Decisions › Notes), so every face has something to show.
 *
 * Uses the compiled CLI library: run `npm run build:cli` first (`npm run example` does not).
 * Deterministic: fixed dates only, and zip entries stamped with a fixed time.
 */
process.env.TZ = 'UTC'; // zip entry times are stored as local time: pin it so the bytes never vary

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const lib = (p) => {
  const file = path.join(root, 'lib', p);
  if (!fs.existsSync(`${file}.js`)) {
    console.error(`make-example: ${path.relative(root, file)}.js is missing; run 'npm run build:cli' first`);
    process.exit(2);
  }
  return require(file);
};

const { createTemplatePort } = lib('workbook/xlsx/template');
const { ensureTable, emptySetUpReport } = lib('workbook/xlsx/setup');
const { locateTable, headerTexts, plainText } = lib('workbook/xlsx/tables');
const { writeCell } = lib('workbook/xlsx/rows');
const { tableSpec } = lib('domain/schema');

const OUT = path.join(root, 'examples', 'example-register.xlsx');
const FIXED_TIME = new Date(Date.UTC(2026, 5, 30, 9, 0, 0));
const INTRANET = 'https://intranet.northwind.example/sms';

const DANA = 'Dana Whitfield';
const RAJ = 'Raj Patel';
const HELEN = 'Helen Brooks';
const MEI = 'Mei Chen';
const LUIS = 'Luis Romero';
const ALL_INPUTS = 'Service performance; Major incidents; Trends; Audit results; Nonconformities; Customer feedback';

const SETTINGS = {
  Organisation: 'Northwind Managed Services Ltd',
  'SMS scope':
    'Managed service desk, infrastructure monitoring and backup services delivered from Leeds and Porto to business customers in the UK and EU',
  'Assessment date': '2026-06-30',
  'Escalation triggers':
    'Repeat incident (same cause 3 times in 30 days); SLA miss two months running; major incident; audit finding rated major; customer complaint to an executive',
  'Effectiveness definition':
    'Service targets met for at least 10 of 12 months per customer, no repeat major incident, nonconformities closed within 60 days, and customer satisfaction at 4.0 of 5 or better',
};

// Rows are added in order, so IDs are ACC-1, ACC-2, … as numbered in the comments.
const ROWS = {
  Accountabilities: [
    // ACC-1: the executive owner; the charter is named but its link was never added (ACC-2 partial).
    { person: DANA, role: 'Chief Operating Officer', topManagement: true, accountable: true, canAllocate: true,
      responsibilities: 'Accountable for SMS effectiveness; chairs the SMS management review; approves SMS objectives and resourcing',
      documentedIn: 'Charter', acceptedOn: '2025-09-18', nextReview: '2026-09-18', status: 'Active' },
    { person: RAJ, role: 'Chief Information Officer', topManagement: true, accountable: false, canAllocate: true,
      responsibilities: 'Technology strategy; approves tooling spend; sponsor for infrastructure services',
      documentedIn: 'RACI', documentLink: `${INTRANET}/governance/raci-2025.pdf`, acceptedOn: '2025-09-18', nextReview: '2026-09-18', status: 'Active' },
    { person: HELEN, role: 'Chief Financial Officer', topManagement: true, accountable: false, canAllocate: true,
      responsibilities: 'Approves SMS budget and headcount requests',
      documentedIn: 'RACI', documentLink: `${INTRANET}/governance/raci-2025.pdf`, acceptedOn: '2025-09-18', nextReview: '2026-09-18', status: 'Active' },
    { person: MEI, role: 'Service Management Lead', topManagement: false, accountable: false, canAllocate: false,
      responsibilities: 'Runs the SMS day to day; prepares review inputs; tracks decisions and actions',
      documentedIn: 'Role description', documentLink: `${INTRANET}/roles/service-management-lead.pdf`, acceptedOn: '2025-07-01', nextReview: '2026-07-01', status: 'Active' },
    { person: 'Sarah Lind', role: 'Service Director (left March 2025)', topManagement: true, accountable: true, canAllocate: true,
      responsibilities: 'Former owner of SMS effectiveness', documentedIn: 'Charter',
      documentLink: `${INTRANET}/governance/charter-2023.pdf`, acceptedOn: '2023-04-03', nextReview: '2024-04-03', status: 'Ended' },
  ],
  Reviews: [
    // REV-1 is before the evidence window; REV-2 … REV-5 are the quarterly reviews in it.
    { forum: 'SMS management review', plannedDate: '2025-06-19', heldOn: '2025-06-19', chair: DANA,
      topManagementPresent: `${DANA}; ${RAJ}`, inputsCovered: ALL_INPUTS, minutesLink: `${INTRANET}/reviews/2025-06-minutes.pdf`, status: 'Held' },
    // REV-2: planned date typed as a quarter ("Q3 2025" is not a date: a data-quality issue).
    { forum: 'SMS management review', plannedDate: 'Q3 2025', heldOn: '2025-09-18', chair: DANA,
      topManagementPresent: `${DANA}; ${RAJ}; ${HELEN}`, inputsCovered: ALL_INPUTS, minutesLink: `${INTRANET}/reviews/2025-09-minutes.pdf`, status: 'Held' },
    // REV-3: no executive attended, half the inputs, and no decision recorded.
    { forum: 'SMS management review', plannedDate: '2025-12-11', heldOn: '2025-12-11', chair: MEI,
      topManagementPresent: `${MEI}; ${LUIS}`, inputsCovered: 'Service performance; Major incidents; Trends',
      minutesLink: `${INTRANET}/reviews/2025-12-minutes.pdf`, status: 'Held' },
    { forum: 'SMS management review', plannedDate: '2026-03-19', heldOn: '2026-03-19', chair: DANA,
      topManagementPresent: `${DANA}; ${HELEN}`, inputsCovered: ALL_INPUTS, minutesLink: `${INTRANET}/reviews/2026-03-minutes.pdf`, status: 'Held' },
    { forum: 'SMS management review', plannedDate: '2026-06-18', heldOn: '2026-06-18', chair: DANA,
      topManagementPresent: `${DANA}; ${RAJ}; ${HELEN}`, inputsCovered: ALL_INPUTS, minutesLink: `${INTRANET}/reviews/2026-06-minutes.pdf`, status: 'Held' },
    { forum: 'SMS management review', plannedDate: '2026-09-17', chair: DANA, status: 'Planned' },
  ],
  Decisions: [
    // DEC-1
    { decidedOn: '2025-09-18', source: 'REV-2', decision: 'Approve the 2025/26 SMS objectives and KPIs', type: 'Policy', decidedBy: DANA,
      owner: MEI, dueDate: '2025-10-31', status: 'Done', completedOn: '2025-10-28', evidenceLink: `${INTRANET}/objectives/2025-26.pdf` },
    // DEC-2
    { decidedOn: '2025-09-18', source: 'REV-2', decision: 'Train a second backup operator for the Leeds data centre', type: 'Staffing', decidedBy: DANA,
      owner: RAJ, dueDate: '2025-12-01', status: 'Done', completedOn: '2025-11-20', evidenceLink: `${INTRANET}/actions/dec-2.pdf` },
    // DEC-3: corrective action for ESC-1, checked and effective.
    { decidedOn: '2025-08-12', source: 'ESC-1', decision: 'Weekly restore test for Contoso Retail backups', type: 'Corrective action', decidedBy: DANA,
      owner: LUIS, dueDate: '2025-09-30', status: 'Done', completedOn: '2025-09-26',
      effectivenessCheck: 'Six consecutive weekly restores succeeded (Oct-Nov 2025); no backup incident since', effective: 'Yes',
      evidenceLink: `${INTRANET}/actions/dec-3.pdf`, notes: 'Customer informed at the October service review' },
    // DEC-4: done, but three weeks late.
    { decidedOn: '2025-09-18', source: 'REV-2', decision: 'Upgrade the service desk tool for SLA reporting', type: 'Tooling', decidedBy: RAJ,
      owner: RAJ, dueDate: '2026-01-31', status: 'Done', completedOn: '2026-02-20', evidenceLink: `${INTRANET}/actions/dec-4.pdf`,
      notes: 'Vendor delivery slipped' },
    // DEC-5
    { decidedOn: '2025-09-25', source: 'REV-2', decision: 'Introduce a P2 triage checklist on the service desk', type: 'Process', decidedBy: DANA,
      owner: MEI, dueDate: '2025-10-15', status: 'Done', completedOn: '2025-10-01', evidenceLink: `${INTRANET}/actions/dec-5.pdf` },
    // DEC-6: corrective action for ESC-2, checked and effective.
    { decidedOn: '2025-11-03', source: 'ESC-2', decision: 'Add two service desk analysts for peak hours', type: 'Corrective action', decidedBy: HELEN,
      owner: RAJ, dueDate: '2026-01-15', status: 'Done', completedOn: '2026-01-12',
      effectivenessCheck: 'P2 response within target 93% in February and 95% in March 2026', effective: 'Yes', evidenceLink: `${INTRANET}/actions/dec-6.pdf` },
    // DEC-7: nobody owns it and it is overdue.
    { decidedOn: '2026-03-19', source: 'REV-4', decision: 'Run a quarterly customer satisfaction survey', type: 'Process', decidedBy: DANA,
      dueDate: '2026-05-29', status: 'In progress', notes: 'Owner to be agreed' },
    // DEC-8
    { decidedOn: '2026-03-19', source: 'REV-4', decision: 'Budget ITIL 4 Foundation training for 12 service desk staff', type: 'Resource', decidedBy: HELEN,
      owner: MEI, dueDate: '2026-09-30', status: 'Open' },
    // DEC-9: corrective action for ESC-3, done but its effectiveness not yet checked.
    { decidedOn: '2026-02-12', source: 'ESC-3', decision: 'Enforce change approval in the change tool (no approval, no deploy)', type: 'Corrective action', decidedBy: DANA,
      owner: MEI, dueDate: '2026-03-31', status: 'Done', completedOn: '2026-03-30', effective: 'Pending', evidenceLink: `${INTRANET}/actions/dec-9.pdf` },
    // DEC-10
    { decidedOn: '2026-06-18', source: 'REV-5', decision: 'Renew the SMS charter and review accountabilities', type: 'Policy', decidedBy: DANA,
      owner: DANA, dueDate: '2026-09-30', status: 'Open' },
    // DEC-11: corrective action checked and found not effective (led to ESC-4).
    { decidedOn: '2026-03-19', source: 'REV-4', decision: 'Root-cause review of VPN outages', type: 'Corrective action', decidedBy: RAJ,
      owner: LUIS, dueDate: '2026-04-30', status: 'Done', completedOn: '2026-04-24',
      effectivenessCheck: 'VPN outages in April 2026 compared with Q1', effective: 'No', evidenceLink: `${INTRANET}/actions/dec-11.pdf` },
    // DEC-12
    { decidedOn: '2026-04-28', source: 'ESC-4', decision: 'Replace the end-of-life VPN concentrators', type: 'Tooling', decidedBy: DANA,
      owner: RAJ, dueDate: '2026-07-31', status: 'In progress', evidenceLink: `${INTRANET}/actions/dec-12.pdf` },
    // DEC-13
    { decidedOn: '2026-06-18', source: 'REV-5', decision: 'Make customer feedback a standing review input', type: 'Process', decidedBy: DANA,
      owner: MEI, dueDate: '2026-08-15', status: 'Open' },
  ],
  Resources: [
    { requestedOn: '2025-09-01', type: 'People', smsNeed: 'Backup operations cover after repeated backup failures', linkedItem: 'ESC-1',
      approvedBy: DANA, outcome: 'Approved', decidedOn: '2025-09-18', deliveredOn: '2025-11-03', evidenceLink: `${INTRANET}/resources/res-1.pdf` },
    { requestedOn: '2025-10-25', type: 'People', smsNeed: 'P2 response time below the SLA target', linkedItem: 'ESC-2',
      approvedBy: HELEN, outcome: 'Approved', decidedOn: '2025-11-03', deliveredOn: '2025-12-01', evidenceLink: `${INTRANET}/resources/res-2.pdf` },
    { requestedOn: '2025-10-01', type: 'Tooling', smsNeed: 'SLA reporting the service desk tool cannot produce', linkedItem: 'DEC-4',
      approvedBy: RAJ, outcome: 'Approved', decidedOn: '2025-10-10', deliveredOn: '2026-02-20', evidenceLink: `${INTRANET}/resources/res-3.pdf` },
    // RES-4 points at a decision that does not exist (a data-quality issue).
    { requestedOn: '2026-03-05', type: 'Training', smsNeed: 'ITIL 4 Foundation for the service desk', linkedItem: 'DEC-99',
      approvedBy: HELEN, outcome: 'Deferred', decidedOn: '2026-03-19' },
    { requestedOn: '2026-04-20', type: 'Budget', smsNeed: 'Replace end-of-life VPN concentrators', linkedItem: 'ESC-4',
      approvedBy: DANA, outcome: 'Approved', decidedOn: '2026-04-28', evidenceLink: `${INTRANET}/resources/res-5.pdf` },
    // RES-6: a request without its SMS need, and "TBC" in a date column.
    { requestedOn: '2026-06-01', type: 'Time', outcome: 'Pending', deliveredOn: 'TBC' },
  ],
  Communications: [
    { sentOn: '2025-07-15', from: DANA, channel: 'Town hall', audience: 'All staff',
      expectation: 'Log every customer contact in the service desk tool the same day', evidenceLink: `${INTRANET}/comms/2025-07-town-hall.pdf` },
    { sentOn: '2025-08-20', from: DANA, channel: 'Email', audience: 'Infrastructure team',
      expectation: 'Run and verify restore tests weekly; report any failure to the duty manager within 24 hours', linkedItem: 'ESC-1',
      evidenceLink: `${INTRANET}/comms/2025-08-backups.msg` },
    { sentOn: '2025-10-02', from: MEI, channel: 'Intranet', audience: 'Service desk',
      expectation: 'Use the P2 triage checklist for every P2 ticket', linkedItem: 'DEC-5', evidenceLink: `${INTRANET}/comms/2025-10-triage` },
    { sentOn: '2025-11-10', from: RAJ, channel: 'Leadership update', audience: 'Service desk team leads',
      expectation: 'Meet the 90% P2 response target; flag staffing gaps a week ahead', linkedItem: 'DEC-6', evidenceLink: `${INTRANET}/comms/2025-11-leadership.pdf` },
    { sentOn: '2026-01-20', from: DANA, channel: 'Objectives', audience: 'All managers', evidenceLink: `${INTRANET}/comms/2026-objectives.pdf` },
    { sentOn: '2026-02-10', from: DANA, channel: 'Town hall', audience: 'All staff',
      expectation: 'No change goes live without a recorded approval', evidenceLink: `${INTRANET}/comms/2026-02-town-hall.pdf` },
    { sentOn: '2026-03-25', from: MEI, channel: 'Email', audience: 'Change managers', evidenceLink: `${INTRANET}/comms/2026-03-change.msg` },
    { sentOn: '2026-05-05', from: MEI, channel: 'Email', audience: 'Network team',
      expectation: 'Report VPN degradation to the duty manager within 15 minutes', linkedItem: 'ESC-4', evidenceLink: `${INTRANET}/comms/2026-05-vpn.msg` },
  ],
  Escalations: [
    { raisedOn: '2025-08-04', trigger: 'Repeat incident', description: 'Third failed nightly backup for Contoso Retail in 30 days',
      escalatedTo: DANA, decision: 'DEC-3', status: 'Closed', closedOn: '2025-10-01' },
    { raisedOn: '2025-10-20', trigger: 'SLA miss', description: 'Service desk P2 response below 90% for two months running',
      escalatedTo: RAJ, decision: 'DEC-6', status: 'Closed', closedOn: '2026-01-31' },
    // ESC-3 went to the Service Management Lead, not to top management.
    { raisedOn: '2026-01-26', trigger: 'Audit finding', description: 'Internal audit: 4 of 20 sampled changes had no recorded approval',
      escalatedTo: MEI, decision: 'DEC-9', status: 'Decided' },
    { raisedOn: '2026-04-14', trigger: 'Repeat incident', description: 'Fourth VPN outage this quarter affecting remote support',
      escalatedTo: DANA, decision: 'DEC-12', status: 'Decided' },
  ],
};

function setSettings(workbook) {
  const located = locateTable(workbook, 'Settings');
  const headers = headerTexts(located).map((h) => h.toLowerCase());
  const keyCol = located.firstCol + headers.indexOf('key');
  const valueCol = located.firstCol + headers.indexOf('value');
  for (let r = located.headerRow + 1; r <= located.lastRow; r++) {
    const key = plainText(located.sheet.getCell(r, keyCol).value).trim();
    if (key in SETTINGS) writeCell(located.sheet.getCell(r, valueCol), key === 'Assessment date' ? 'date' : 'text', SETTINGS[key]);
  }
}

async function normaliseZip(bytes) {
  // Rewrite the zip with one fixed time on every entry, so the committed file only changes when its content does.
  const JSZip = require('jszip'); // ExcelJS's own zip library
  const input = await JSZip.loadAsync(bytes);
  const output = new JSZip();
  for (const name of Object.keys(input.files)) {
    const entry = input.files[name];
    if (entry.dir) continue;
    output.file(name, await entry.async('uint8array'), { date: FIXED_TIME, createFolders: false });
  }
  return output.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function main() {
  const port = await createTemplatePort();
  const { workbook } = port;
  workbook.title = 'Clause 5.1 governance register: Northwind Managed Services (example)';

  // A user column, as people add them: Decisions › Notes, at the end of the table.
  const decisions = tableSpec('Decisions');
  const withNotes = [...decisions.columns, { key: 'notes', header: 'Notes', kind: 'text' }];
  ensureTable(workbook, 'Decisions', 'Decisions', withNotes, emptySetUpReport(), 'Decisions');

  for (const [table, rows] of Object.entries(ROWS)) {
    for (const values of rows) {
      const { notes, ...spec } = values;
      const { row } = await port.addRow(table, spec);
      if (notes) {
        const located = locateTable(workbook, table);
        const col = located.firstCol + headerTexts(located).findIndex((h) => h === 'Notes');
        writeCell(located.sheet.getCell(row, col), 'text', notes);
      }
    }
  }
  setSettings(workbook);

  const bytes = await normaliseZip(Buffer.from(await port.toBytes()));
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, bytes);
  console.log(`Wrote ${path.relative(root, OUT)} (${bytes.length} bytes)`);
}

main().catch((err) => {
  console.error(`make-example: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
