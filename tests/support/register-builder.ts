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

const BLANK = {
  Accountabilities: (): Omit<AccountabilityRow, 'row' | 'id'> => ({
    person: null,
    role: null,
    topManagement: null,
    accountable: null,
    canAllocate: null,
    responsibilities: null,
    documentedIn: null,
    documentLink: null,
    acceptedOn: null,
    nextReview: null,
    status: null,
  }),
  Reviews: (): Omit<ReviewRow, 'row' | 'id'> => ({
    forum: null,
    plannedDate: null,
    heldOn: null,
    chair: null,
    topManagementPresent: [],
    inputsCovered: [],
    minutesLink: null,
    status: null,
  }),
  Decisions: (): Omit<DecisionRow, 'row' | 'id'> => ({
    decidedOn: null,
    source: null,
    decision: null,
    type: null,
    decidedBy: null,
    owner: null,
    dueDate: null,
    status: null,
    completedOn: null,
    effectivenessCheck: null,
    effective: null,
    evidenceLink: null,
  }),
  Resources: (): Omit<ResourceRow, 'row' | 'id'> => ({
    requestedOn: null,
    type: null,
    smsNeed: null,
    linkedItem: null,
    approvedBy: null,
    outcome: null,
    decidedOn: null,
    deliveredOn: null,
    evidenceLink: null,
  }),
  Communications: (): Omit<CommunicationRow, 'row' | 'id'> => ({
    sentOn: null,
    from: null,
    channel: null,
    audience: null,
    expectation: null,
    linkedItem: null,
    evidenceLink: null,
  }),
  Escalations: (): Omit<EscalationRow, 'row' | 'id'> => ({
    raisedOn: null,
    trigger: null,
    description: null,
    escalatedTo: null,
    decision: null,
    status: null,
    closedOn: null,
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
    return this.add('Accountabilities', { ...BLANK.Accountabilities(), ...values });
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
    return this.add('Reviews', { ...BLANK.Reviews(), ...values });
  }

  decision(values: RowInput<DecisionRow> = {}): this {
    return this.add('Decisions', { ...BLANK.Decisions(), ...values });
  }

  resource(values: RowInput<ResourceRow> = {}): this {
    return this.add('Resources', { ...BLANK.Resources(), ...values });
  }

  communication(values: RowInput<CommunicationRow> = {}): this {
    return this.add('Communications', { ...BLANK.Communications(), ...values });
  }

  escalation(values: RowInput<EscalationRow> = {}): this {
    return this.add('Escalations', { ...BLANK.Escalations(), ...values });
  }

  /** `n` rows made by `make(i)` (i from 0), for volume tests. */
  many<K extends EvidenceTableName>(table: K, n: number, make: (i: number) => RowInput<RegisterTables[K][number]>): this {
    const blank = BLANK[table] as () => object;
    for (let i = 0; i < n; i++) this.add(table, { ...blank(), ...make(i) } as never);
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

  private add<K extends EvidenceTableName>(table: K, values: object & { row?: number; id?: string | null }): this {
    const rows = this.tables[table] as unknown as object[];
    const prefix = tableSpec(table).prefix;
    const row = { ...values, row: values.row ?? rows.length + 2, id: values.id === undefined ? `${prefix}-${rows.length + 1}` : values.id };
    rows.push(row);
    return this;
  }
}

export function registerBuilder(): RegisterBuilder {
  return new RegisterBuilder();
}
