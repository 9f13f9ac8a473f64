/** The fake itself must behave like Office.js where the port's promises depend on it. */
import { FakeExcel, FakeExcelError } from '../../support/excel-fake';

describe('Excel fake', () => {
  test('reading a property before load + sync throws PropertyNotLoaded, like Office.js', async () => {
    const fake = new FakeExcel();
    fake.addTable('S', 'T', ['ID', 'Name'], [['A-1', 'x']]);
    await fake.run(async (context) => {
      const range = context.workbook.tables.getItemOrNullObject('T').getHeaderRowRange();
      expect(() => range.text).toThrow(/PropertyNotLoaded/);
      range.load('text');
      expect(() => range.text).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.text).toEqual([['ID', 'Name']]);
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
    expect(fake.syncCount).toBe(1);
  });

  test('commands are queued until sync; proxies resolve at execution time', async () => {
    const fake = new FakeExcel();
    fake.addTable('S', 'T', ['ID'], [['A-1']]);
    await fake.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('T');
      table.rows.add(undefined, [['A-2']]);
      const body = table.getDataBodyRange().load('values');
      expect(fake.tableValues('T')).toHaveLength(2); // nothing ran yet
      await context.sync();
      expect(body.values).toEqual([['A-1'], ['A-2']]);
    });
  });

  test('null objects propagate to children, their commands are no-ops, isNullObject needs a sync', async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Nope').load('name');
      const used = sheet.getUsedRangeOrNullObject(true).load('address');
      const row = used.getRow(0).load('text');
      sheet.charts.getItemOrNullObject('c').delete();
      expect(() => sheet.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(row.isNullObject).toBe(true);
      expect(() => sheet.name).toThrow(/null object/);
    });
  });

  test('sizes must match; null leaves a cell; formula-looking text becomes a formula unless the cell is Text', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('S').getRange('A1:B1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });

    fake.setCells('S', 'A1', [['keep', '']]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('S');
      sheet.getRange('A1:C1').values = [[null, '=1+1', '42']] as unknown[][];
      sheet.getRange('A2').numberFormat = [['@']];
      sheet.getRange('A2').values = [['=1+1']];
      await context.sync();
    });
    expect(fake.cell('S', 'A1').value).toBe('keep');
    expect(fake.cell('S', 'B1').formula).toBe('=1+1');
    expect(fake.cell('S', 'C1').value).toBe(42);
    expect(fake.cell('S', 'A2')).toMatchObject({ value: '=1+1', formula: undefined });
  });

  test('records request and response bytes per sync and refuses payloads over the limit', async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 1000 });
    fake.addSheet('S');
    const big = [Array.from({ length: 100 }, () => 'abcdefghij')];
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('S').getRangeByIndexes(0, 0, 1, 100).values = big;
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeExcelError);
    expect(fake.syncs[0].requestBytes).toBeGreaterThan(1000);
    expect(fake.cell('S', 'A1').value).toBe(''); // a refused request changes nothing
  });

  test('Excel.run flushes commands still queued when the batch returns (and counts that sync)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject('S').getRange('A1').values = [['x']];
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([expect.objectContaining({ kind: 'range.values', target: 'S!A1' })]);
  });

  test('refuses the sheet name History, which Excel reserves', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.add('history');
        await context.sync();
      }),
    ).rejects.toThrow(FakeExcelError);
    expect(fake.sheet('history')).toBeUndefined();
    expect(() => fake.addSheet('History')).toThrow(/reserves/);
  });

  test('a line chart over a table column on another sheet records its source and x-axis values', async () => {
    const fake = new FakeExcel();
    fake.addTable('Data', 'T', ['Day', 'Score'], [['2026-01-31', 40], ['2026-02-28', 55]]);
    fake.addSheet('Dash');
    await fake.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('T');
      const sheet = context.workbook.worksheets.getItemOrNullObject('Dash');
      const chart = sheet.charts.add('Line', table.columns.getItemOrNullObject('Score').getRange(), 'Columns');
      chart.name = 'Trend';
      chart.series.getItemAt(0).setXAxisValues(table.columns.getItemOrNullObject('Day').getDataBodyRange());
      await context.sync();
    });
    expect(fake.sheet('Dash')!.charts).toEqual([{ name: 'Trend', type: 'Line', source: 'B1:B3', sourceSheet: 'Data', seriesBy: 'Columns', categories: 'Data!A2:A3' }]);
  });
});
