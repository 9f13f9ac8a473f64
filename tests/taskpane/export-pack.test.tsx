/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { Workbook } from 'exceljs';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/domain/history';
import type { PackDelivery } from '../../src/taskpane/delivery';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { renderApp, settled } from './render-app';

test('Export auditor pack builds a real .xlsx with the pack writer chunk', async () => {
  const delivered: { bytes: Uint8Array; name: string }[] = [];
  const delivery: PackDelivery = {
    async deliver(bytes, name) {
      delivered.push({ bytes, name });
      return 'opened';
    },
  };
  const { user } = renderApp(new FakePort(priyaRegister()), { delivery });
  await settled();
  await user.click(screen.getByRole('button', { name: 'Export auditor pack' }));
  expect(await screen.findByText(/The auditor pack opened in a new Excel window/, undefined, { timeout: 20000 })).toBeInTheDocument();
  expect(delivered).toHaveLength(1);
  // An .xlsx is a zip: it starts with PK\x03\x04.
  expect([...delivered[0].bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
});

test('the exported pack includes the workbook’s History, read through the port', async () => {
  const delivered: Uint8Array[] = [];
  const delivery: PackDelivery = {
    async deliver(bytes) {
      delivered.push(bytes);
      return 'downloaded';
    },
  };
  const port = new FakePort(priyaRegister());
  const snapshot = (asOf: string, readiness: number, rating: string) =>
    HISTORY_HEADERS.map((h) => (h === 'As of' ? asOf : h === 'Readiness' ? readiness : h === 'Rating' ? rating : null));
  port.history = [[...HISTORY_HEADERS], snapshot('2026-03-31', 58.2, 'Amber'), snapshot('2026-06-30', 71.4, 'Amber')];
  const { user } = renderApp(port, { delivery });
  await settled();
  await user.click(screen.getByRole('button', { name: 'Export auditor pack' }));
  expect(await screen.findByText(/The auditor pack was downloaded/, undefined, { timeout: 20000 })).toBeInTheDocument();
  expect(port.callsOf('readHistory')).toHaveLength(1);
  // Read after the register, so both come from the same moment.
  const methods = port.calls.map((c) => c.method);
  expect(methods.lastIndexOf('readHistory')).toBeGreaterThan(methods.lastIndexOf('read'));

  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(delivered[0]) as never);
  const sheet = wb.getWorksheet(HISTORY_SHEET);
  expect(sheet).toBeDefined();
  const text = (r: number, c: number) => String(sheet!.getRow(r).getCell(c).value ?? '');
  const rows: string[][] = [];
  sheet!.eachRow((row, r) => rows.push([2, 3, 4, 5].map((c) => text(r, c))));
  expect(rows).toContainEqual(['2026-06-30', '', '71.4', 'Amber']);
  expect(rows).toContainEqual(['2026-03-31', '', '58.2', 'Amber']);
});

test('without a History table the pack is still written (no History sheet)', async () => {
  const delivered: Uint8Array[] = [];
  const delivery: PackDelivery = {
    async deliver(bytes) {
      delivered.push(bytes);
      return 'opened';
    },
  };
  const port = new FakePort(priyaRegister());
  const { user } = renderApp(port, { delivery });
  await settled();
  await user.click(screen.getByRole('button', { name: 'Export auditor pack' }));
  expect(await screen.findByText(/The auditor pack opened in a new Excel window/, undefined, { timeout: 20000 })).toBeInTheDocument();
  expect(port.callsOf('readHistory')).toHaveLength(1);
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(delivered[0]) as never);
  expect(wb.getWorksheet(HISTORY_SHEET)).toBeUndefined();
});
