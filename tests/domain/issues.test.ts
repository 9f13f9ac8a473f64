import { formatIssue, issueLocation, compareIssues, sortIssues } from '../../src/domain/issues';
import type { DataIssue } from '../../src/domain/types';

describe('formatIssue', () => {
  test('cell address when known', () => {
    expect(formatIssue({ table: 'Reviews', row: 7, column: 'Held on', cell: 'D7', message: "'Q3 2025' is not a date (use YYYY-MM-DD)" })).toBe(
      "Reviews!D7: 'Q3 2025' is not a date (use YYYY-MM-DD)",
    );
  });
  test('the row ID is added unless the message already names it', () => {
    expect(formatIssue({ table: 'Reviews', row: 7, column: 'Held on', cell: 'D7', id: 'REV-3', message: 'bad' })).toBe('Reviews!D7 (REV-3): bad');
    expect(formatIssue({ table: 'Decisions', row: 4, column: 'ID', cell: 'A4', id: 'DEC-1', message: 'Duplicate ID DEC-1 (also on row 2)' })).toBe(
      'Decisions!A4: Duplicate ID DEC-1 (also on row 2)',
    );
  });
  test('row and column without a cell address; table-level issues', () => {
    expect(formatIssue({ table: 'Reviews', row: 1, column: 'Held on', message: "Column 'Held on' is missing" })).toBe(
      "Reviews row 1, Held on: Column 'Held on' is missing",
    );
    expect(formatIssue({ table: 'Reviews', row: 3, column: null, message: 'Row 3 is blank' })).toBe('Reviews row 3: Row 3 is blank');
    expect(formatIssue({ table: 'Settings', row: 0, column: null, message: 'missing' })).toBe('Settings: missing');
    expect(issueLocation({ table: 'Reviews', row: 0, column: 'Forum', message: '' })).toBe('Reviews, Forum');
  });
});

describe('issue order', () => {
  const i = (table: DataIssue['table'], row: number, column: string | null, message = 'm'): DataIssue => ({ table, row, column, message });
  test('schema table order, then row, then column (schema order, row-level first)', () => {
    const sorted = sortIssues([
      i('Settings', 2, 'Value'),
      i('Escalations', 2, 'Raised on'),
      i('Accountabilities', 3, 'Status'),
      i('Accountabilities', 3, 'Person'),
      i('Accountabilities', 3, null),
      i('Accountabilities', 2, 'My column'),
      i('Accountabilities', 2, 'ID'),
      i('Accountabilities', 0, null),
    ]);
    expect(sorted.map((x) => `${x.table}:${x.row}:${x.column}`)).toEqual([
      'Accountabilities:0:null',
      'Accountabilities:2:ID',
      'Accountabilities:2:My column',
      'Accountabilities:3:null',
      'Accountabilities:3:Person',
      'Accountabilities:3:Status',
      'Escalations:2:Raised on',
      'Settings:2:Value',
    ]);
  });
  test('stable and total: equal keys compare by message, identical issues are 0', () => {
    expect(compareIssues(i('Reviews', 2, 'Forum', 'a'), i('Reviews', 2, 'Forum', 'b'))).toBeLessThan(0);
    expect(compareIssues(i('Reviews', 2, 'Forum', 'a'), i('Reviews', 2, 'Forum', 'a'))).toBe(0);
  });
  test('sortIssues does not mutate its input', () => {
    const input = [i('Reviews', 5, null), i('Reviews', 2, null)];
    sortIssues(input);
    expect(input.map((x) => x.row)).toEqual([5, 2]);
  });
});
