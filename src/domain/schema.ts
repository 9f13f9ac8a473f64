/**
 * The register's shape (spec §1) as data. Every face, adapter and parser reads it from here,
 * so a column or enumeration is declared exactly once.
 */

export const TABLE_NAMES = [
  'Accountabilities',
  'Reviews',
  'Decisions',
  'Resources',
  'Communications',
  'Escalations',
] as const;
/** The six evidence tables (Settings is separate: it is key/value, not rows of evidence). */
export type EvidenceTableName = (typeof TABLE_NAMES)[number];
export type TableName = EvidenceTableName | 'Settings';
export const ALL_TABLE_NAMES: readonly TableName[] = [...TABLE_NAMES, 'Settings'];

/**
 * How a cell is read.
 * - id: the row's own `PREFIX-n` ID
 * - text: free text (also person names)
 * - person: a person's name (free text, matched case-insensitively against Accountabilities)
 * - date: serial / JS Date / ISO text → epoch day
 * - yesno: Yes/No or TRUE/FALSE
 * - enum: one of `values`, case-insensitive
 * - list: `;`, `,` or line-break separated list of text
 * - ref: an ID of another register row (`REV-3`), checked to exist
 * - link: a document / evidence link (URL or path), kept as text
 */
export type ColumnKind = 'id' | 'text' | 'person' | 'date' | 'yesno' | 'enum' | 'list' | 'ref' | 'link';

export interface ColumnSpec {
  /** Field name on the typed row (camelCase). */
  readonly key: string;
  /** Header text as written into a new register; matched case-insensitively, trimmed. */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Allowed values for `enum` columns, in the spelling written into dropdowns. */
  readonly values?: readonly string[];
  /** For `ref` columns: which tables the ID may point to (by prefix). Empty = any table. */
  readonly refTables?: readonly EvidenceTableName[];
  /** Short help shown in the task pane form. */
  readonly hint?: string;
}

export interface TableSpec {
  readonly name: EvidenceTableName;
  readonly prefix: string;
  readonly columns: readonly ColumnSpec[];
  /** Key of the column holding the row's own date (spec §2), in order of preference. */
  readonly ownDate: readonly string[];
}

export const YES_NO = ['Yes', 'No'] as const;

const id = (prefix: string): ColumnSpec => ({ key: 'id', header: 'ID', kind: 'id', hint: `${prefix}-n, filled in automatically` });

export const ACCOUNTABILITIES: TableSpec = {
  name: 'Accountabilities',
  prefix: 'ACC',
  ownDate: ['acceptedOn'],
  columns: [
    id('ACC'),
    { key: 'person', header: 'Person', kind: 'person', hint: 'Full name of the person' },
    { key: 'role', header: 'Role', kind: 'text', hint: 'Job title, e.g. Chief Operating Officer' },
    { key: 'topManagement', header: 'Top management', kind: 'yesno', hint: 'Directs the organisation at the highest level' },
    { key: 'accountable', header: 'Accountable for SMS effectiveness', kind: 'yesno' },
    { key: 'canAllocate', header: 'Can allocate resources', kind: 'yesno' },
    { key: 'responsibilities', header: 'Responsibilities', kind: 'text' },
    {
      key: 'documentedIn',
      header: 'Documented in',
      kind: 'enum',
      values: ['Charter', 'RACI', 'Role description', 'SMS manual', 'Other'],
    },
    { key: 'documentLink', header: 'Document link', kind: 'link' },
    { key: 'acceptedOn', header: 'Accepted on', kind: 'date' },
    { key: 'nextReview', header: 'Next review', kind: 'date' },
    { key: 'status', header: 'Status', kind: 'enum', values: ['Active', 'Vacant', 'Ended'] },
  ],
};

export const REVIEWS: TableSpec = {
  name: 'Reviews',
  prefix: 'REV',
  ownDate: ['heldOn'],
  columns: [
    id('REV'),
    { key: 'forum', header: 'Forum', kind: 'text', hint: 'e.g. SMS management review' },
    { key: 'plannedDate', header: 'Planned date', kind: 'date' },
    { key: 'heldOn', header: 'Held on', kind: 'date' },
    { key: 'chair', header: 'Chair', kind: 'person' },
    { key: 'topManagementPresent', header: 'Top management present', kind: 'list', hint: 'Names, separated by ;' },
    { key: 'inputsCovered', header: 'Inputs covered', kind: 'list', hint: 'Review inputs, separated by ;' },
    { key: 'minutesLink', header: 'Minutes link', kind: 'link' },
    { key: 'status', header: 'Status', kind: 'enum', values: ['Planned', 'Held', 'Cancelled'] },
  ],
};

export const DECISIONS: TableSpec = {
  name: 'Decisions',
  prefix: 'DEC',
  ownDate: ['decidedOn'],
  columns: [
    id('DEC'),
    { key: 'decidedOn', header: 'Decided on', kind: 'date' },
    { key: 'source', header: 'Source', kind: 'ref', refTables: [], hint: 'The review or escalation it came from, e.g. REV-3' },
    { key: 'decision', header: 'Decision', kind: 'text' },
    {
      key: 'type',
      header: 'Type',
      kind: 'enum',
      values: ['Priority', 'Resource', 'Policy', 'Process', 'Tooling', 'Staffing', 'Corrective action', 'Other'],
    },
    { key: 'decidedBy', header: 'Decided by', kind: 'person' },
    { key: 'owner', header: 'Owner', kind: 'person' },
    { key: 'dueDate', header: 'Due date', kind: 'date' },
    { key: 'status', header: 'Status', kind: 'enum', values: ['Open', 'In progress', 'Done', 'Cancelled'] },
    { key: 'completedOn', header: 'Completed on', kind: 'date' },
    { key: 'effectivenessCheck', header: 'Effectiveness check', kind: 'text', hint: 'How you checked the action worked' },
    { key: 'effective', header: 'Effective', kind: 'enum', values: ['Yes', 'No', 'Pending'] },
    { key: 'evidenceLink', header: 'Evidence link', kind: 'link' },
  ],
};

export const RESOURCES: TableSpec = {
  name: 'Resources',
  prefix: 'RES',
  ownDate: ['decidedOn', 'requestedOn'],
  columns: [
    id('RES'),
    { key: 'requestedOn', header: 'Requested on', kind: 'date' },
    { key: 'type', header: 'Type', kind: 'enum', values: ['People', 'Tooling', 'Budget', 'Training', 'Time', 'Other'] },
    { key: 'smsNeed', header: 'SMS need', kind: 'text', hint: 'The service need or risk this answers' },
    { key: 'linkedItem', header: 'Linked item', kind: 'ref', refTables: [], hint: 'e.g. ESC-2 or DEC-7' },
    { key: 'approvedBy', header: 'Approved by', kind: 'person' },
    { key: 'outcome', header: 'Outcome', kind: 'enum', values: ['Approved', 'Rejected', 'Deferred', 'Pending'] },
    { key: 'decidedOn', header: 'Decided on', kind: 'date' },
    { key: 'deliveredOn', header: 'Delivered on', kind: 'date' },
    { key: 'evidenceLink', header: 'Evidence link', kind: 'link' },
  ],
};

export const COMMUNICATIONS: TableSpec = {
  name: 'Communications',
  prefix: 'COM',
  ownDate: ['sentOn'],
  columns: [
    id('COM'),
    { key: 'sentOn', header: 'Sent on', kind: 'date' },
    { key: 'from', header: 'From', kind: 'person' },
    {
      key: 'channel',
      header: 'Channel',
      kind: 'enum',
      values: ['Town hall', 'Email', 'Intranet', 'Leadership update', 'Objectives', 'Other'],
    },
    { key: 'audience', header: 'Audience', kind: 'text' },
    { key: 'expectation', header: 'Expectation', kind: 'text', hint: 'The specific behaviour asked for' },
    { key: 'linkedItem', header: 'Linked item', kind: 'ref', refTables: [], hint: 'e.g. ESC-2 or DEC-7' },
    { key: 'evidenceLink', header: 'Evidence link', kind: 'link' },
  ],
};

export const ESCALATIONS: TableSpec = {
  name: 'Escalations',
  prefix: 'ESC',
  ownDate: ['raisedOn'],
  columns: [
    id('ESC'),
    { key: 'raisedOn', header: 'Raised on', kind: 'date' },
    { key: 'trigger', header: 'Trigger', kind: 'text', hint: 'e.g. Repeat incident, SLA miss, Audit finding' },
    { key: 'description', header: 'Description', kind: 'text' },
    { key: 'escalatedTo', header: 'Escalated to', kind: 'person' },
    { key: 'decision', header: 'Decision', kind: 'ref', refTables: ['Decisions'], hint: 'The decision taken, e.g. DEC-7' },
    { key: 'status', header: 'Status', kind: 'enum', values: ['Open', 'Decided', 'Closed'] },
    { key: 'closedOn', header: 'Closed on', kind: 'date' },
  ],
};

export const TABLES: readonly TableSpec[] = [ACCOUNTABILITIES, REVIEWS, DECISIONS, RESOURCES, COMMUNICATIONS, ESCALATIONS];

export function tableSpec(name: EvidenceTableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`Unknown table ${name}`);
  return spec;
}

/** Which table an ID belongs to, from its prefix (case-insensitive); undefined when no table uses it. */
export function tableForId(id: string): EvidenceTableName | undefined {
  const m = /^\s*([A-Za-z]+)-\d+\s*$/.exec(id);
  if (!m) return undefined;
  const prefix = m[1].toUpperCase();
  return TABLES.find((t) => t.prefix === prefix)?.name;
}

// ---------------------------------------------------------------------------------------------
// Settings (spec §1): a two-column Key · Value table.

export const SETTINGS_COLUMNS = ['Key', 'Value'] as const;

export type SettingKind = 'text' | 'date' | 'days' | 'list' | 'threshold';

export interface SettingSpec {
  /** Field name on the typed Settings object. */
  readonly key: keyof SettingsValues;
  /** The Key cell's text; matched case-insensitively, trimmed. */
  readonly label: string;
  readonly kind: SettingKind;
  /** Default written into a new register (blank = ''). `Assessment date` defaults to today at scoring time. */
  readonly defaultText: string;
  readonly meaning: string;
}

export interface SettingsValues {
  organisation: string;
  smsScope: string;
  /** Epoch day, or null when blank (then today is used). */
  assessmentDate: number | null;
  lookbackDays: number;
  reviewCadenceDays: number;
  communicationCadenceDays: number;
  escalationResponseDays: number;
  reinforcementDays: number;
  requiredReviewInputs: string[];
  escalationTriggers: string;
  effectivenessDefinition: string;
  greenThreshold: number;
  amberThreshold: number;
}

export const DEFAULT_REQUIRED_INPUTS = [
  'Service performance',
  'Major incidents',
  'Trends',
  'Audit results',
  'Nonconformities',
  'Customer feedback',
];

export const SETTINGS: readonly SettingSpec[] = [
  { key: 'organisation', label: 'Organisation', kind: 'text', defaultText: '', meaning: 'shown on reports' },
  { key: 'smsScope', label: 'SMS scope', kind: 'text', defaultText: '', meaning: 'shown on reports' },
  {
    key: 'assessmentDate',
    label: 'Assessment date',
    kind: 'date',
    defaultText: '',
    meaning: 'the "as of" date; blank means today',
  },
  { key: 'lookbackDays', label: 'Lookback days', kind: 'days', defaultText: '365', meaning: 'the evidence window' },
  {
    key: 'reviewCadenceDays',
    label: 'Review cadence days',
    kind: 'days',
    defaultText: '90',
    meaning: 'how often top management reviews the SMS',
  },
  {
    key: 'communicationCadenceDays',
    label: 'Communication cadence days',
    kind: 'days',
    defaultText: '90',
    meaning: 'how often top management communicates',
  },
  {
    key: 'escalationResponseDays',
    label: 'Escalation response days',
    kind: 'days',
    defaultText: '30',
    meaning: 'an escalation should be decided within this',
  },
  {
    key: 'reinforcementDays',
    label: 'Reinforcement days',
    kind: 'days',
    defaultText: '30',
    meaning: 'a failure should be followed by a communication within this',
  },
  {
    key: 'requiredReviewInputs',
    label: 'Required review inputs',
    kind: 'list',
    defaultText: DEFAULT_REQUIRED_INPUTS.join('; '),
    meaning: 'what each review must cover',
  },
  { key: 'escalationTriggers', label: 'Escalation triggers', kind: 'text', defaultText: '', meaning: 'defined escalation triggers' },
  {
    key: 'effectivenessDefinition',
    label: 'Effectiveness definition',
    kind: 'text',
    defaultText: '',
    meaning: 'what "effective SMS" means here',
  },
  { key: 'greenThreshold', label: 'Green threshold', kind: 'threshold', defaultText: '80', meaning: 'score ≥ this is Green' },
  {
    key: 'amberThreshold',
    label: 'Amber threshold',
    kind: 'threshold',
    defaultText: '50',
    meaning: 'score ≥ this is Amber, below is Red',
  },
];

export const DEFAULT_SETTINGS: Readonly<SettingsValues> = {
  organisation: '',
  smsScope: '',
  assessmentDate: null,
  lookbackDays: 365,
  reviewCadenceDays: 90,
  communicationCadenceDays: 90,
  escalationResponseDays: 30,
  reinforcementDays: 30,
  requiredReviewInputs: [...DEFAULT_REQUIRED_INPUTS],
  escalationTriggers: '',
  effectivenessDefinition: '',
  greenThreshold: 80,
  amberThreshold: 50,
};

// ---------------------------------------------------------------------------------------------
// Pillars and weights (spec §3).

export const PILLARS = [
  { id: 'Accountability', weight: 25 },
  { id: 'Governance', weight: 20 },
  { id: 'Follow-through', weight: 15 },
  { id: 'Resources', weight: 15 },
  { id: 'Communication', weight: 15 },
  { id: 'Escalation', weight: 10 },
] as const;
export type PillarId = (typeof PILLARS)[number]['id'];

export const SPEC_VERSION = 1;
