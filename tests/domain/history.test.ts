import { fromIsoText, toExcelSerial } from '../../src/domain/dates';
import {
  HISTORY_HEADERS,
  HISTORY_SHEET,
  formatRecordedAt,
  historyRow,
  parseHistory,
  readinessTrend,
  rowCountHeader,
} from '../../src/domain/history';
import { PILLARS, TABLE_NAMES } from '../../src/domain/schema';
import type { Result } from '../../src/domain/types';
import { sample } from '../support/auditor-pack-fixture';

function withScores(readiness: number | null, pillarScores: (number | null)[]): Result {
  const { result } = sample();
  return {
    ...result,
    readiness,
    rating: readiness === null ? null : readiness >= 80 ? 'Green' : readiness >= 50 ? 'Amber' : 'Red',
    pillars: result.pillars.map((p, i) => ({ ...p, score: pillarScores[i] })),
  };
}

describe('HISTORY_HEADERS', () => {
  it('is as-of, recorded-at, readiness, rating, the six pillars, then one row count per evidence table', () => {
    expect(HISTORY_HEADERS).toEqual([
      'As of',
      'Recorded at',
      'Readiness',
      'Rating',
      'Accountability',
      'Governance',
      'Follow-through',
      'Resources',
      'Communication',
      'Escalation',
      'Accountabilities rows',
      'Reviews rows',
      'Decisions rows',
      'Resources rows',
      'Communications rows',
      'Escalations rows',
    ]);
  });

  it('lives on a sheet Excel accepts (the sheet name "History" is reserved)', () => {
    expect(HISTORY_SHEET.toLowerCase()).not.toBe('history');
    expect(HISTORY_SHEET.length).toBeLessThanOrEqual(31);
  });
});

describe('historyRow', () => {
  it('records the result in header order, scores to one decimal, n/a pillars blank', () => {
    const result = withScores(72.41379, [90, 66.66666, null, 100, 33.33333, 50]);
    const row = historyRow(result, new Date('2026-07-01T09:30:05.123Z'));
    expect(row).toHaveLength(HISTORY_HEADERS.length);
    expect(row.slice(0, 4)).toEqual([result.asOf, '2026-07-01 09:30:05 UTC', 72.4, 'Amber']);
    expect(row.slice(4, 10)).toEqual([90, 66.7, null, 100, 33.3, 50]);
    expect(row.slice(10)).toEqual(TABLE_NAMES.map((t) => result.rowCounts[t]));
  });

  it('leaves readiness and rating blank when nothing applies', () => {
    const row = historyRow(withScores(null, [null, null, null, null, null, null]), new Date(0));
    expect(row[2]).toBeNull();
    expect(row[3]).toBeNull();
  });
});

describe('parseHistory', () => {
  const recorded = new Date('2026-07-01T10:00:00Z');

  it('reads back what historyRow wrote', () => {
    const result = withScores(72.41379, [90, 66.66666, null, 100, 33.33333, 50]);
    const history = parseHistory({ values: [[...HISTORY_HEADERS], historyRow(result, recorded)] });
    expect(history.issues).toEqual([]);
    expect(history.points).toHaveLength(1);
    const p = history.points[0];
    expect(p.row).toBe(2);
    expect(p.asOf).toBe(fromIsoText(result.asOf));
    expect(p.recordedAt).toBe(formatRecordedAt(recorded));
    expect(p.readiness).toBe(72.4);
    expect(p.rating).toBe('Amber');
    expect(p.pillars).toEqual({
      Accountability: 90,
      Governance: 66.7,
      'Follow-through': null,
      Resources: 100,
      Communication: 33.3,
      Escalation: 50,
    });
    expect(p.rowCounts.Decisions).toBe(result.rowCounts.Decisions);
  });

  it('finds columns by header text whatever their order, beside the user’s own columns', () => {
    const values = [
      ['Comment', ' readiness ', 'AS OF', 'rating', 'Governance'],
      ['after the March review', 61.5, '2026-03-31', 'amber', 55],
    ];
    const { points, issues } = parseHistory({ values, headerRow: 3 });
    expect(issues).toEqual([]);
    expect(points[0]).toMatchObject({ row: 4, readiness: 61.5, rating: 'Amber', asOf: fromIsoText('2026-03-31') });
    expect(points[0].pillars.Governance).toBe(55);
    expect(points[0].pillars.Accountability).toBeNull();
  });

  it('accepts an Excel serial or a JS Date as the as-of date, and sorts oldest first', () => {
    const day = fromIsoText('2026-02-28') as number;
    const values = [
      ['As of', 'Readiness'],
      ['2026-05-31', 70],
      [toExcelSerial(day), 60],
      [new Date('2026-04-30T00:00:00Z'), 65],
    ];
    const { points } = parseHistory({ values });
    expect(points.map((p) => p.readiness)).toEqual([60, 65, 70]);
    expect(points.map((p) => p.row)).toEqual([3, 4, 2]);
  });

  it('reports unreadable cells precisely and keeps going; blank rows are skipped quietly', () => {
    const values = [
      ['As of', 'Readiness', 'Rating', 'Escalation'],
      ['Q1 2026', 50, 'Red', 10],
      [null, null, null, null],
      ['2026-04-01', 'high', 'Purple', { error: '#N/A' }],
    ];
    const { points, issues } = parseHistory({ values });
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ row: 4, readiness: null, rating: null });
    expect(issues).toEqual([
      { row: 2, column: 'As of', message: '"Q1 2026" is not a date (YYYY-MM-DD); row left out of the trend.' },
      { row: 4, column: 'Rating', message: '"Purple" is not Green, Amber or Red; left blank.' },
      { row: 4, column: 'Escalation', message: 'Error value; left blank.' },
      { row: 4, column: 'Readiness', message: '"high" is not a number; left blank.' },
    ]);
  });

  it('says so when the table has no As of column', () => {
    const { points, issues } = parseHistory({ values: [['Readiness'], [50]] });
    expect(points).toEqual([]);
    expect(issues[0].message).toMatch(/no "As of" column/);
  });
});

describe('readinessTrend', () => {
  it('keeps one point per as-of date, the last recorded winning', () => {
    const values = [
      ['As of', 'Recorded at', 'Readiness'],
      ['2026-03-31', '2026-04-02 08:00:00 UTC', 58],
      ['2026-03-31', '2026-04-01 08:00:00 UTC', 40],
      ['2026-06-30', '2026-07-01 08:00:00 UTC', 71],
    ];
    expect(readinessTrend(parseHistory({ values }))).toEqual([
      { asOf: '2026-03-31', readiness: 58 },
      { asOf: '2026-06-30', readiness: 71 },
    ]);
  });
});

it('names a row-count column after its table', () => {
  expect(rowCountHeader('Decisions')).toBe('Decisions rows');
  expect(PILLARS.every((p) => HISTORY_HEADERS.includes(p.id))).toBe(true);
});
