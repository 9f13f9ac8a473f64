/**
 * Every word the task pane shows, in one place and in a GRC lead's words (not a developer's).
 * Functions build sentences that carry numbers or names.
 */
import type { Rating, Status } from '../domain/types';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const S = {
  appTitle: 'Clause 5.1 register',
  purpose:
    'Keep the evidence that top management leads your service management system (ISO/IEC 20000-1 Clause 5.1) and see how ready you are for the auditor.',

  tabs: {
    label: 'Task pane sections',
    register: 'Register',
    add: 'Add entry',
    check: 'Check',
    score: 'Score',
    /** The menu that holds the tabs a very narrow pane has no room for. */
    more: (n: number): string => `${plural(n, 'more section')}`,
  },

  loading: 'Reading your register…',
  readingProgress: (done: number, total: number): string => `Reading your register… ${done} of ${total} tables`,
  scoring: 'Scoring your register…',
  /** A scoring step's label from the engine ("Checking Decisions", "Scoring GOV-4") as progress. */
  step: (label: string): string => `${label}…`,
  dismiss: 'Dismiss',

  register: {
    heading: 'Your register',
    tablesHeading: 'Tables in this workbook',
    tableColumn: 'Table',
    rowsColumn: 'Rows',
    tableRows: (n: number): string => plural(n, 'row'),
    settingsPresent: 'present',
    missing: 'missing',
    noRegister: 'This workbook has no register yet. Set it up to create the seven sheets.',
    someMissing: (n: number): string =>
      `${plural(n, 'table is', 'tables are')} missing. Upgrade the register to add ${n === 1 ? 'it' : 'them'}; nothing you typed is changed.`,
    setUp: 'Set up register',
    upgrade: 'Upgrade register',
    setUpHint: 'Creates only what is missing. It never deletes, moves or overwrites your rows.',
    settingUp: 'Setting up your register…',
    setUpDone: 'Register set up',
    upgradeDone: 'Register checked',
    nothingToChange: 'Nothing to change — your register is complete.',
    createdSheets: (names: string[]): string => `Created ${plural(names.length, 'sheet')}: ${names.join(', ')}.`,
    createdTables: (names: string[]): string => `Added ${plural(names.length, 'table')} to existing sheets: ${names.join(', ')}.`,
    convertedRanges: (names: string[]): string =>
      `Turned the data already on ${names.join(', ')} into ${names.length === 1 ? 'a table' : 'tables'} (your rows are kept).`,
    addedColumns: (table: string, columns: string[]): string =>
      `Added ${plural(columns.length, 'column')} to ${table}: ${columns.join(', ')}.`,
    addedSettings: (keys: string[]): string => `Added ${plural(keys.length, 'setting')}: ${keys.join(', ')}.`,
    problemsTitle: 'Some of the set-up could not be done',

    outputsHeading: 'For executives and auditors',
    addDashboard: 'Add dashboard',
    addDashboardHint: 'A Dashboard sheet with live readiness, pillar bars and the top gaps.',
    addingDashboard: 'Writing the dashboard…',
    dashboardDone: (sheet: string, created: boolean): string =>
      created ? `Dashboard added on the ${sheet} sheet.` : `Dashboard on the ${sheet} sheet refreshed; anything you added around it is kept.`,
    recordSnapshot: 'Record snapshot',
    recordSnapshotHint: 'Adds today’s readiness and pillar scores to the History sheet, so the trend shows progress.',
    recordingSnapshot: 'Recording a snapshot…',
    snapshotDone: (readiness: string, rating: string, asOf: string, row: number): string =>
      `Recorded readiness ${readiness} (${rating}) as of ${asOf} in History row ${row}.`,
    exportPack: 'Export auditor pack',
    exportPackHint: 'One workbook an auditor can open without the add-in: answers, criteria, evidence index.',
    exportingPack: 'Building the auditor pack…',
    packOpened: 'The auditor pack opened in a new Excel window. Save it where your auditor can find it.',
    packDownloaded: (name: string): string => `The auditor pack was downloaded as “${name}”.`,
    needsScore: 'Read the register first: open the Score tab or press Refresh.',
  },

  add: {
    heading: 'Add an entry',
    tableLabel: 'Register table',
    tableHint: 'Where the new evidence belongs.',
    idHint: (prefix: string): string => `The ID (${prefix}-n) is given automatically when the row is added.`,
    yes: 'Yes',
    no: 'No',
    submit: (table: string): string => `Add to ${table}`,
    clear: 'Clear form',
    adding: 'Adding the entry…',
    added: (id: string, table: string, row: number): string => `Added ${id} to ${table} (row ${row}).`,
    fixFields: (n: number): string => `${plural(n, 'field needs', 'fields need')} attention before anything is written.`,
    personSuggest: 'Names already in Accountabilities are suggested; you can type another.',
    refSuggest: 'Existing IDs are suggested; type an ID such as REV-3.',
    listHint: 'Separate several with ;',
    dateHint: 'Pick a date.',
    linkHint: 'A web address or file path to the document.',
    noOption: 'No suggestions',
    clearChoice: 'Clear choice',
  },

  check: {
    heading: 'Data quality',
    intro: 'Cells the scorer cannot read count as empty. Fix them in the sheet, then press Refresh.',
    none: 'No issues found — every cell of your register can be read.',
    summary: (issues: number, tables: number): string =>
      `${plural(issues, 'issue')} in ${plural(tables, 'table')}.`,
    goToCell: 'Go to cell',
    going: 'Going to the cell…',
    goToTable: 'Go to table',
    // The accessible name must contain the visible text (WCAG 2.5.3), then say where.
    goToCellLabel: (where: string): string => `Go to cell ${where}`,
    goToTableLabel: (where: string): string => `Go to table ${where}`,
    tableGroup: (table: string, n: number): string => `${table} (${n})`,
  },

  score: {
    heading: 'Readiness',
    readinessLabel: 'Readiness',
    outOf: 'out of 100',
    notScored: 'Not scored',
    notScoredHint: 'No criterion applies yet. Add evidence to the register, then press Refresh.',
    rating: (r: Rating): string => r,
    asOfLabel: 'Assess as of',
    asOfHint: 'Blank uses the Assessment date in Settings, or today.',
    window: (from: string, to: string, days: number): string => `Evidence from ${from} (exclusive) to ${to}: the last ${days} days.`,
    refresh: 'Refresh',
    refreshing: 'Scoring your register…',
    pillarsHeading: 'Pillars, weakest first',
    pillarValue: (score: number | null): string => (score === null ? 'n/a' : `${Math.round(score)}`),
    pillarAria: (pillar: string, score: number | null, weight: number): string =>
      score === null ? `${pillar}: not applicable (weight ${weight})` : `${pillar}: ${Math.round(score)} of 100 (weight ${weight})`,
    criteriaHeading: 'Criteria',
    onlyGaps: 'Show only what needs work',
    evidence: 'Evidence',
    noEvidence: 'No rows',
    nextStep: 'Next step',
    goToRow: (id: string): string => `Go to ${id}`,
    questionsHeading: 'What the auditor will ask',
    questionCriteria: 'Answered by',
    issuesNote: (n: number): string => `${plural(n, 'cell')} could not be read and counted as empty. See Check.`,
    status: (s: Status): string => ({ met: 'Met', partial: 'Partial', 'not met': 'Not met', 'n/a': 'Not applicable' })[s],
  },

  errors: {
    genericTitle: 'Something went wrong',
    tryAgain: 'Try again',
    genericNext: 'Try again. If it keeps happening, save the workbook, close and reopen the add-in.',
    readTitle: 'The register could not be read',
    cellEditTitle: 'Excel is busy editing a cell',
    cellEditNext: 'Press Enter or Esc in the sheet to finish editing, then try again.',
    notFoundTitle: 'A sheet or table the register needs was not found',
    notFoundNext: 'Open the Register tab and press Set up or Upgrade; it adds only what is missing.',
    protectedTitle: 'Excel did not allow the change',
    protectedNext: 'The sheet may be protected or the workbook read-only. Unprotect it or save a copy, then try again.',
    tooBigTitle: 'The register is too large to move in one go',
    tooBigNext: 'Try again in Excel desktop, or archive old rows to another workbook.',
    busyTitle: 'Excel is busy',
    busyNext: 'Wait a moment, then try again.',
    fileNext: 'Check the file, then try again.',
    packTitle: 'The auditor pack could not be built',
    packNext: 'Try again. If it keeps failing, export from the command line: clause51 pack register.xlsx pack.xlsx',
    detail: (msg: string): string => `Details: ${msg}`,
  },
} as const;
