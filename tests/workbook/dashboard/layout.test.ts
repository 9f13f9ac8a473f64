import { PILLARS, SETTINGS } from '../../../src/domain/schema';
import { HISTORY_HEADERS } from '../../../src/domain/history';
import { blockGrid, DASHBOARD_LAYOUT, parseCell, parseRange, REGISTER_ARGUMENTS, trendCellFormula, trendRowIndex } from '../../../src/workbook/dashboard/layout';

const within = (outer: string, inner: string): boolean => {
  const o = parseRange(outer);
  const i = parseRange(inner);
  return i.start.row >= o.start.row && i.end.row <= o.end.row && i.start.column >= o.start.column && i.end.column <= o.end.column;
};
const overlaps = (a: string, b: string): boolean => {
  const x = parseRange(a);
  const y = parseRange(b);
  return !(x.end.row < y.start.row || y.end.row < x.start.row || x.end.column < y.start.column || y.end.column < x.start.column);
};

describe('Dashboard layout', () => {
  const L = DASHBOARD_LAYOUT;

  test('every function takes all seven tables as structured references', () => {
    expect(REGISTER_ARGUMENTS).toBe(
      'Accountabilities[#All],Reviews[#All],Decisions[#All],Resources[#All],Communications[#All],Escalations[#All],Settings[#All]',
    );
    const formulas = L.cells.filter((c) => c.formula).map((c) => c.formula!);
    expect(formulas.filter((f) => f.startsWith('ISO20K.READINESS('))).toHaveLength(1);
    expect(formulas.filter((f) => f.startsWith('ISO20K.RATING('))).toHaveLength(1);
    expect(formulas.filter((f) => f.startsWith('ISO20K.GAPS('))).toHaveLength(1);
    for (const p of PILLARS) expect(formulas).toContain(`ISO20K.PILLAR("${p.id}",${REGISTER_ARGUMENTS})`);
    for (const f of formulas.filter((x) => x.startsWith('ISO20K.'))) expect(f.endsWith(`${REGISTER_ARGUMENTS})`)).toBe(true);
    expect(formulas.every((f) => !f.startsWith('='))).toBe(true);
  });

  test('thresholds come from Settings by key, with the spec defaults as fallback', () => {
    const green = L.cells.find((c) => c.address === 'E3')!.formula!;
    const amber = L.cells.find((c) => c.address === 'E4')!.formula!;
    expect(green).toBe('IFERROR(VALUE(INDEX(Settings[Value],MATCH("Green threshold",Settings[Key],0))),80)');
    expect(amber).toContain('"Amber threshold"');
    expect(SETTINGS.map((s) => s.label)).toEqual(expect.arrayContaining(['Green threshold', 'Amber threshold', 'Assessment date']));
    // Rules refer to the threshold cells, so editing Settings recolours.
    const numeric = L.rules.filter((r) => r.rating !== undefined && !r.formula.includes('"'));
    expect(numeric.length).toBe(6);
    for (const r of numeric) expect(r.formula).toMatch(/\$E\$[34]/);
    expect(new Set(L.rules.map((r) => r.rating))).toEqual(new Set(['Green', 'Amber', 'Red']));
  });

  test('cells, rules, chart and spill sit inside the block; the chart does not cover cells or the spill', () => {
    for (const c of L.cells) expect([c.address, within(L.block, c.address)]).toEqual([c.address, true]);
    for (const r of L.rules) expect(within(L.block, r.range)).toBe(true);
    const chartArea = `${L.chart.topLeft}:${L.chart.bottomRight}`;
    expect(within(L.block, chartArea)).toBe(true);
    expect(within(L.block, L.spill.range)).toBe(true);
    expect(overlaps(chartArea, L.spill.range)).toBe(false);
    for (const c of L.cells) expect([c.address, overlaps(chartArea, c.address)]).toEqual([c.address, false]);
    // Only the anchor of the spill holds anything; the rest stays empty for the spilled rows.
    const spillCells = L.cells.filter((c) => overlaps(L.spill.range, c.address)).map((c) => c.address);
    expect(spillCells).toEqual([L.spill.anchor]);
    // 22 criteria at most, six columns (ID, pillar, title, status, reason, remedy).
    const s = parseRange(L.spill.range);
    expect([s.end.row - s.start.row + 1, s.end.column - s.start.column + 1]).toEqual([22, 6]);
    expect(within(L.block, L.chart.source)).toBe(true);
  });

  test('blockGrid renders the whole block, with or without leading "="', () => {
    const { start, end } = parseRange(L.block);
    const grid = blockGrid();
    expect(grid).toHaveLength(end.row - start.row + 1);
    expect(grid.every((r) => r.length === end.column - start.column + 1)).toBe(true);
    const b3 = parseCell('B3');
    expect(grid[b3.row][b3.column]).toBe(`=ISO20K.READINESS(${REGISTER_ARGUMENTS})`);
    expect(blockGrid(L, false)[b3.row][b3.column]).toBe(`ISO20K.READINESS(${REGISTER_ARGUMENTS})`);
    expect(grid[0][0]).toBe(L.title);
  });

  test('the readiness trend sits inside the block, clear of the pillar chart, the GAPS spill and every cell', () => {
    const t = L.trend;
    const chartArea = `${t.chart.topLeft}:${t.chart.bottomRight}`;
    const pillarArea = `${L.chart.topLeft}:${L.chart.bottomRight}`;
    for (const area of [chartArea, t.table.range, t.titleCell, t.noteCell, t.table.dataBar, ...t.table.rules.map((r) => r.range)]) {
      expect([area, within(L.block, area)]).toEqual([area, true]);
    }
    for (const area of [chartArea, t.table.range]) {
      expect(overlaps(area, pillarArea)).toBe(false);
      expect(overlaps(area, L.spill.range)).toBe(false);
      for (const c of L.cells) expect([area, c.address, overlaps(area, c.address)]).toEqual([area, c.address, false]);
    }
    expect(L.cells.find((c) => c.address === t.titleCell)?.value).toBe(t.title);
    // The note goes where the chart (or the table's header) would be: it shows only instead of them.
    expect(within(chartArea, t.noteCell)).toBe(true);
    expect(t.table.range.startsWith(t.noteCell)).toBe(true);
    // The chart reads the columns the History writer produces.
    expect(HISTORY_HEADERS).toEqual(expect.arrayContaining([t.chart.valuesColumn, t.chart.categoriesColumn]));
    expect(t.table.columns.map((c) => c.header).every((h) => HISTORY_HEADERS.includes(h))).toBe(true);
    const r = parseRange(t.table.range);
    expect([r.end.row - r.start.row, r.end.column - r.start.column + 1]).toEqual([t.table.rows, t.table.columns.length]);
  });

  test('trend rows: the last 12 snapshots, oldest first, top-aligned; formula and cache follow one rule', () => {
    const shown = (n: number) => Array.from({ length: 12 }, (_, i) => trendRowIndex(n, i + 1));
    expect(shown(0)).toEqual(Array(12).fill(null));
    expect(shown(3)).toEqual([0, 1, 2, ...Array(9).fill(null)]);
    expect(shown(12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(shown(20)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // The formula's own rule: blank while ROWS < k, else INDEX(MAX(ROWS-12,0)+k) (1-based).
    const f = trendCellFormula('Readiness', 5);
    expect(f).toBe('IFERROR(IF(ROWS(History[Readiness])<5,"",IF(INDEX(History[Readiness],MAX(ROWS(History[Readiness])-12,0)+5)="","",INDEX(History[Readiness],MAX(ROWS(History[Readiness])-12,0)+5))),"")');
    for (let n = 0; n < 30; n++) {
      for (let k = 1; k <= 12; k++) {
        const byFormula = n < k ? null : Math.max(n - 12, 0) + k - 1;
        expect(trendRowIndex(n, k)).toBe(byFormula);
      }
    }
  });
});
