import { summarizeSetUp } from '../../src/taskpane/setup-summary';
import type { SetUpReport } from '../../src/workbook/port';

const empty: SetUpReport = { createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] };

describe('set-up summary', () => {
  test('nothing added: the register is complete', () => {
    expect(summarizeSetUp(empty)).toEqual({ nothingChanged: true, lines: ['Nothing to change — your register is complete.'], problems: [] });
  });

  test('a fresh set-up names the sheets once (tables on new sheets are implied)', () => {
    const s = summarizeSetUp({ ...empty, createdSheets: ['Reviews', 'Settings'], createdTables: ['Reviews', 'Settings'] });
    expect(s.lines).toEqual(['Created 2 sheets: Reviews, Settings.']);
    expect(s.nothingChanged).toBe(false);
  });

  test('an upgrade lists tables, converted ranges, columns and settings in words', () => {
    const s = summarizeSetUp({
      ...empty,
      createdTables: ['Decisions', 'Reviews'],
      convertedRanges: ['Reviews'],
      addedColumns: [
        { table: 'Decisions', columns: ['Effective'] },
        { table: 'Reviews', columns: [] },
      ],
      addedSettings: ['Green threshold', 'Amber threshold'],
    });
    expect(s.lines).toEqual([
      'Added 1 table to existing sheets: Decisions.',
      'Turned the data already on Reviews into a table (your rows are kept).',
      'Added 1 column to Decisions: Effective.',
      'Added 2 settings: Green threshold, Amber threshold.',
    ]);
  });

  test('problems are reported and never hidden behind "nothing to change"', () => {
    const s = summarizeSetUp({ ...empty, problems: ['Reviews: the first row is not a header.'] });
    expect(s.nothingChanged).toBe(false);
    expect(s.lines).toEqual([]);
    expect(s.problems).toEqual(['Reviews: the first row is not a header.']);
  });
});
