/**
 * The engine's data contract: what adapters hand in (raw tables), what the parser makes of it
 * (Register), and what assess() returns (Result, spec §5). Plain data only.
 */
import type { EvidenceTableName, PillarId, SettingsValues, TableName } from './schema';

// ---------------------------------------------------------------------------------------------
// Input: raw cell values as hosts hand them over.

/**
 * One cell as an adapter hands it over. Adapters normalise their host's quirks to these:
 * string | number (Excel serial for dates) | boolean | Date | null (blank) | CellErrorValue.
 * The parser still accepts `unknown` and reports anything else as a data-quality issue.
 */
export type RawCell = string | number | boolean | Date | null | undefined | CellErrorValue;

/** An Excel error value (`#N/A`, `#REF!`, …). Office.js hands errors over as strings; adapters may pass either. */
export interface CellErrorValue {
  readonly error: string;
}

/** One table's values: the header row first, then data rows, as Excel ranges hand them over. */
export interface RawTable {
  readonly values: readonly (readonly unknown[])[];
  /** Worksheet row number (1-based) of the header row; data row i (0-based) is headerRow + 1 + i. Default 1. */
  readonly headerRow?: number;
  /** Worksheet column letters of each header cell, when known (for issue locations such as `Reviews!D7`). */
  readonly columnLetters?: readonly string[];
  /** Name of the worksheet holding the table, when it differs from the table's name or is known. */
  readonly sheet?: string;
}

/** What a workbook read returns: the tables found, by name. A missing key means the table was not found. */
export type RawRegister = Partial<Record<TableName, RawTable>>;

// ---------------------------------------------------------------------------------------------
// Parsed register.

/** A date is an epoch day: whole days since 1970-01-01 (UTC). Excel serial s ↔ s − 25569. */
export type EpochDay = number;

export interface DataIssue {
  readonly table: TableName;
  /** Worksheet row number (1-based, header included); 0 when the issue is about the whole table. */
  readonly row: number;
  /** Header text of the column, or null when the issue is about the row or table. */
  readonly column: string | null;
  /** The row's ID when it has one. */
  readonly id?: string;
  /** Cell address such as `D7` when the column letter is known. */
  readonly cell?: string;
  /** The worksheet the table lives on, when known (a table need not sit on a sheet of its own name). */
  readonly sheet?: string;
  readonly message: string;
}

interface RowBase {
  /** Worksheet row number (1-based, header included). */
  readonly row: number;
  /** The row's ID, trimmed, as typed (null when blank or malformed). */
  readonly id: string | null;
}

export interface AccountabilityRow extends RowBase {
  person: string | null;
  role: string | null;
  topManagement: boolean | null;
  accountable: boolean | null;
  canAllocate: boolean | null;
  responsibilities: string | null;
  documentedIn: string | null;
  documentLink: string | null;
  acceptedOn: EpochDay | null;
  nextReview: EpochDay | null;
  /** Canonical spelling from the schema (e.g. 'Active'), or null when blank or unknown. */
  status: string | null;
}

export interface ReviewRow extends RowBase {
  forum: string | null;
  plannedDate: EpochDay | null;
  heldOn: EpochDay | null;
  chair: string | null;
  topManagementPresent: string[];
  inputsCovered: string[];
  minutesLink: string | null;
  status: string | null;
}

export interface DecisionRow extends RowBase {
  decidedOn: EpochDay | null;
  /** Referenced ID as typed (trimmed); null when blank. Whether it exists is reported as an issue. */
  source: string | null;
  decision: string | null;
  type: string | null;
  decidedBy: string | null;
  owner: string | null;
  dueDate: EpochDay | null;
  status: string | null;
  completedOn: EpochDay | null;
  effectivenessCheck: string | null;
  effective: string | null;
  evidenceLink: string | null;
}

export interface ResourceRow extends RowBase {
  requestedOn: EpochDay | null;
  type: string | null;
  smsNeed: string | null;
  linkedItem: string | null;
  approvedBy: string | null;
  outcome: string | null;
  decidedOn: EpochDay | null;
  deliveredOn: EpochDay | null;
  evidenceLink: string | null;
}

export interface CommunicationRow extends RowBase {
  sentOn: EpochDay | null;
  from: string | null;
  channel: string | null;
  audience: string | null;
  expectation: string | null;
  linkedItem: string | null;
  evidenceLink: string | null;
}

export interface EscalationRow extends RowBase {
  raisedOn: EpochDay | null;
  trigger: string | null;
  description: string | null;
  escalatedTo: string | null;
  decision: string | null;
  status: string | null;
  closedOn: EpochDay | null;
}

export interface RegisterTables {
  Accountabilities: AccountabilityRow[];
  Reviews: ReviewRow[];
  Decisions: DecisionRow[];
  Resources: ResourceRow[];
  Communications: CommunicationRow[];
  Escalations: EscalationRow[];
}

export interface Register {
  readonly tables: RegisterTables;
  readonly settings: SettingsValues;
  /** Tables that were found in the workbook (Settings included when present). */
  readonly present: readonly TableName[];
  /** Evidence tables that were not found (scored as empty; also reported in issues). */
  readonly missing: readonly EvidenceTableName[];
  /** Every register ID, upper-cased, for link checks (IDs compare case-insensitively). */
  readonly ids: ReadonlySet<string>;
  readonly issues: readonly DataIssue[];
}

// ---------------------------------------------------------------------------------------------
// Result (spec §5). Extra fields are allowed by the spec and marked as such.

export type Status = 'met' | 'partial' | 'not met' | 'n/a';
export type Rating = 'Green' | 'Amber' | 'Red';

export interface CriterionResult {
  id: string;
  pillar: PillarId;
  /** Extra: the criterion's short title, e.g. "Named executive owner". */
  title: string;
  status: Status;
  /** 1, 0.5, 0, or null when n/a. */
  score: number | null;
  reason: string;
  /** IDs of the rows that support or defeat the criterion. */
  evidence: string[];
  remedy: string;
}

export interface PillarResult {
  id: PillarId;
  /** 0–100, or null when no criterion of the pillar applies. */
  score: number | null;
  weight: number;
}

export interface QuestionResult {
  question: string;
  criteria: string[];
  status: Status;
}

export interface Result {
  specVersion: 1;
  /** ISO date YYYY-MM-DD. */
  asOf: string;
  /** 0–100 at full precision, or null when no pillar applies. */
  readiness: number | null;
  rating: Rating | null;
  pillars: PillarResult[];
  criteria: CriterionResult[];
  questions: QuestionResult[];
  issues: DataIssue[];
  /** Extra: Settings shown on reports. */
  organisation: string;
  smsScope: string;
  /** Extra: the evidence window (exclusive start, inclusive end), ISO dates. */
  window: { from: string; to: string; lookbackDays: number };
  /** Extra: data rows per evidence table. */
  rowCounts: Record<EvidenceTableName, number>;
  /** Extra: the thresholds used for the rating. */
  thresholds: { green: number; amber: number };
}
