/**
 * Builds Register objects directly (no parser, no workbook) for engine tests: rows get
 * `PREFIX-n` IDs and worksheet row numbers (header on row 1) unless a test sets them, every
 * unset field is blank, and `ids` holds every row ID upper-cased, as the parser would.
 */
import { fromIsoText } from '../../src/domain/dates';
import { DEFAULT_SETTINGS, TABLE_NAMES, tableSpec, type EvidenceTableName, type SettingsValues } from '../../src/domain/schema';
import type {
  AccountabilityRow,
  CommunicationRow,
  DataIssue,
  DecisionRow,
  EpochDay,
  EscalationRow,
  Register,
  RegisterTables,
  ResourceRow,
  ReviewRow,
} from '../../src/domain/types';

/** An ISO date as an epoch day; throws on a typo so a test cannot silently use a blank date. */
export function day(iso: string): EpochDay {
  const d = fromIsoText(iso);
  if (d === null) throw new Error(`Not a date: ${iso}`);
  return d;
}

/** Fields a test may set: everything but `row` and `id` is optional; `row`/`id` default automatically. */
export type RowInput<T> = Partial<T>;

/**
 * One object literal per table, every field in a fixed order: rows built this way share one
 * hidden class, as the parser's rows do, so volume tests time the engine and not the test data.
 */
const ROWS = {
  Accountabilities: (row: number, id: string | null, v: RowInput<AccountabilityRow>): AccountabilityRow => ({
    row,
    id,
    person: v.person ?? null,
    role: v.role ?? null,
    topManagement: v.topManagement ?? null,
    accountable: v.accountable ?? null,
    canAllocate: v.canAllocate ?? null,
    responsibilities: v.responsibilities ?? null,
    documentedIn: v.documentedIn ?? null,
    documentLink: v.documentLink ?? null,
    acceptedOn: v.acceptedOn ?? null,
    nextReview: v.nextReview ?? null,
    status: v.status ?? null,
  }),
  Reviews: (row: number, id: string | null, v: RowInput<ReviewRow>): ReviewRow => ({
    row,
    id,
    forum: v.forum ?? null,
    plannedDate: v.plannedDate ?? null,
    heldOn: v.heldOn ?? null,
    chair: v.chair ?? null,
    topManagementPresent: v.topManagementPresent ?? [],
    inputsCovered: v.inputsCovered ?? [],
    minutesLink: v.minutesLink ?? null,
    status: v.status ?? null,
  }),
  Decisions: (row: number, id: string | null, v: RowInput<DecisionRow>): DecisionRow => ({
    row,
    id,
    decidedOn: v.decidedOn ?? null,
    source: v.source ?? null,
    decision: v.decision ?? null,
    type: v.type ?? null,
    decidedBy: v.decidedBy ?? null,
    owner: v.owner ?? null,
    dueDate: v.dueDate ?? null,
    status: v.status ?? null,
    completedOn: v.completedOn ?? null,
    effectivenessCheck: v.effectivenessCheck ?? null,
    effective: v.effective ?? null,
    evidenceLink: v.evidenceLink ?? null,
  }),
  Resources: (row: number, id: string | null, v: RowInput<ResourceRow>): ResourceRow => ({
    row,
    id,
    requestedOn: v.requestedOn ?? null,
    type: v.type ?? null,
    smsNeed: v.smsNeed ?? null,
    linkedItem: v.linkedItem ?? null,
    approvedBy: v.approvedBy ?? null,
    outcome: v.outcome ?? null,
    decidedOn: v.decidedOn ?? null,
    deliveredOn: v.deliveredOn ?? null,
    evidenceLink: v.evidenceLink ?? null,
  }),
  Communications: (row: number, id: string | null, v: RowInput<CommunicationRow>): CommunicationRow => ({
    row,
    id,
    sentOn: v.sentOn ?? null,
    from: v.from ?? null,
    channel: v.channel ?? null,
    audience: v.audience ?? null,
    expectation: v.expectation ?? null,
    linkedItem: v.linkedItem ?? null,
    evidenceLink: v.evidenceLink ?? null,
  }),
  Escalations: (row: number, id: string | null, v: RowInput<EscalationRow>): EscalationRow => ({
    row,
    id,
    raisedOn: v.raisedOn ?? null,
    trigger: v.trigger ?? null,
    description: v.description ?? null,
    escalatedTo: v.escalatedTo ?? null,
    decision: v.decision ?? null,
    status: v.status ?? null,
    closedOn: v.closedOn ?? null,
  }),
};

export class RegisterBuilder {
  private readonly tables: RegisterTables = {
    Accountabilities: [],
    Reviews: [],
    Decisions: [],
    Resources: [],
    Communications: [],
    Escalations: [],
  };
  private settingsValues: SettingsValues = { ...DEFAULT_SETTINGS, requiredReviewInputs: [...DEFAULT_SETTINGS.requiredReviewInputs] };
  private readonly issueList: DataIssue[] = [];
  private readonly extraIds: string[] = [];

  settings(values: Partial<SettingsValues>): this {
    this.settingsValues = { ...this.settingsValues, ...values };
    return this;
  }

  accountability(values: RowInput<AccountabilityRow> = {}): this {
    return this.add('Accountabilities', values);
  }

  /** An Active top-management row accountable for SMS effectiveness (an owner row) for `person`. */
  owner(person: string, values: RowInput<AccountabilityRow> = {}): this {
    return this.accountability({ person, topManagement: true, accountable: true, status: 'Active', ...values });
  }

  /** An Active top-management row (not accountable) for `person`. */
  executive(person: string, values: RowInput<AccountabilityRow> = {}): this {
    return this.accountability({ person, topManagement: true, accountable: false, status: 'Active', ...values });
  }

  review(values: RowInput<ReviewRow> = {}): this {
    return this.add('Reviews', values);
  }

  decision(values: RowInput<DecisionRow> = {}): this {
    return this.add('Decisions', values);
  }

  resource(values: RowInput<ResourceRow> = {}): this {
    return this.add('Resources', values);
  }

  communication(values: RowInput<CommunicationRow> = {}): this {
    return this.add('Communications', values);
  }

  escalation(values: RowInput<EscalationRow> = {}): this {
    return this.add('Escalations', values);
  }

  /** `n` rows made by `make(i)` (i from 0), for volume tests. */
  many<K extends EvidenceTableName>(table: K, n: number, make: (i: number) => RowInput<RegisterTables[K][number]>): this {
    for (let i = 0; i < n; i++) this.add(table, make(i));
    return this;
  }

  issue(issue: DataIssue): this {
    this.issueList.push(issue);
    return this;
  }

  /** An ID that exists in some table the builder does not model in rows (rarely needed). */
  extraId(id: string): this {
    this.extraIds.push(id);
    return this;
  }

  build(): Register {
    const ids = new Set<string>(this.extraIds.map((i) => i.trim().toUpperCase()));
    for (const name of TABLE_NAMES) {
      for (const row of this.tables[name] as { id: string | null }[]) {
        if (row.id != null) ids.add(row.id.trim().toUpperCase());
      }
    }
    return {
      tables: {
        Accountabilities: [...this.tables.Accountabilities],
        Reviews: [...this.tables.Reviews],
        Decisions: [...this.tables.Decisions],
        Resources: [...this.tables.Resources],
        Communications: [...this.tables.Communications],
        Escalations: [...this.tables.Escalations],
      },
      settings: { ...this.settingsValues, requiredReviewInputs: [...this.settingsValues.requiredReviewInputs] },
      present: [...TABLE_NAMES, 'Settings'],
      missing: [],
      ids,
      issues: [...this.issueList],
    };
  }

  private add<K extends EvidenceTableName>(table: K, values: RowInput<RegisterTables[K][number]>): this {
    const rows = this.tables[table] as RegisterTables[K][number][];
    const make = ROWS[table] as (row: number, id: string | null, v: typeof values) => RegisterTables[K][number];
    const id = values.id === undefined ? `${tableSpec(table).prefix}-${rows.length + 1}` : values.id;
    rows.push(make(values.row ?? rows.length + 2, id, values));
    return this;
  }
}

export function registerBuilder(): RegisterBuilder {
  return new RegisterBuilder();
}
