import { OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel } from '../../support/excel-fake';
import { buildRegister, evidenceRows, replaceTable, specHeaders } from './register-builder';

function port(fake: FakeExcel): OfficePort {
  return new OfficePort({ run: fake.run });
}

describe('select', () => {
  test.each([10, 50_000])('%i rows: a row by ID and a column by header, in 2 syncs', async (n) => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: 1 });
    replaceTable(fake, 'Decisions', specHeaders('Decisions'), evidenceRows('Decisions', n), 'C4');
    fake.resetMetrics();
    await port(fake).select({ table: 'Decisions', id: `dec-${n}`, column: 'due DATE' });
    expect(fake.syncCount).toBe(2);
    const j = specHeaders('Decisions').indexOf('Due date');
    expect(fake.activeSheet?.name).toBe('Decisions');
    expect(fake.selection).toEqual({ sheet: 'Decisions', address: `${String.fromCharCode(67 + j)}${4 + n}` });
  });

  test('the whole table row when no column is given; a worksheet row number works too', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: 5 });
    await port(fake).select({ table: 'Reviews', id: 'REV-2' });
    expect(fake.selection).toEqual({ sheet: 'Reviews', address: 'A3:I3' });
    await port(fake).select({ table: 'Reviews', row: 6, column: 'Status' });
    expect(fake.selection).toEqual({ sheet: 'Reviews', address: 'I6' });
  });

  test('Dashboard, and plain errors for what is not there', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: 1 });
    await expect(port(fake).select({ table: 'Dashboard' })).rejects.toThrow(/no Dashboard sheet yet/);
    await expect(port(fake).select({ table: 'Reviews', id: 'REV-9' })).rejects.toThrow(/REV-9 is not in the Reviews table/);
    await port(fake).writeDashboard();
    await port(fake).select({ table: 'Dashboard' });
    expect(fake.selection).toEqual({ sheet: 'Dashboard', address: 'A1' });
  });
});
