/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { assess } from '../../src/domain/assess';
import { todayUtc } from '../../src/domain/dates';
import { HISTORY_HEADERS } from '../../src/domain/history';
import { parseRegister } from '../../src/domain/register';
import type { PackDelivery } from '../../src/taskpane/delivery';
import type { PackWriterModule } from '../../src/taskpane/App';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { NOW, renderApp, settled } from './render-app';

describe('Register', () => {
  test('an empty workbook is offered Set up; one click creates the register and says what was created', async () => {
    const port = new FakePort();
    const { user } = renderApp(port);
    await settled();
    expect(screen.getByText(/Keep the evidence that top management leads/)).toBeInTheDocument();
    expect(screen.getByText(/no register yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set up register' }));
    expect(
      await screen.findByText(
        'Created 7 sheets: Accountabilities, Reviews, Decisions, Resources, Communications, Escalations, Settings.',
      ),
    ).toBeInTheDocument();
    expect(port.callsOf('setUp')).toHaveLength(1);
    // Read again: the table list now shows every table, and the button offers an upgrade.
    const tables = screen.getByRole('table', { name: 'Tables in this workbook' });
    expect(within(tables).getByText('Decisions').closest('tr')).toHaveTextContent('0 rows');
    expect(await screen.findByRole('button', { name: 'Upgrade register' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Upgrade register' }));
    expect(await screen.findByText('Nothing to change — your register is complete.')).toBeInTheDocument();
    expect(port.callsOf('setUp')).toHaveLength(2);
  });

  test('an existing register shows row counts and Upgrade; upgrade lists the columns it added', async () => {
    const raw = priyaRegister();
    // A register from an older template: Decisions lacks its last two columns.
    const decisions = raw.Decisions!.values.map((r) => r.slice(0, -2));
    const port = new FakePort({ ...raw, Decisions: { values: decisions } });
    const { user } = renderApp(port);
    await settled();
    const tables = screen.getByRole('table', { name: 'Tables in this workbook' });
    expect(within(tables).getByText('Reviews').closest('tr')).toHaveTextContent('3 rows');
    expect(within(tables).getByText('Settings').closest('tr')).toHaveTextContent('present');
    await user.click(screen.getByRole('button', { name: 'Upgrade register' }));
    expect(await screen.findByText('Added 2 columns to Decisions: Effective, Evidence link.')).toBeInTheDocument();
  });

  test('Add dashboard writes the dashboard and says where', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = renderApp(port);
    await settled();
    await user.click(screen.getByRole('button', { name: 'Add dashboard' }));
    expect(await screen.findByText('Dashboard added on the Dashboard sheet.')).toBeInTheDocument();
    expect(port.callsOf('writeDashboard')).toHaveLength(1);
  });

  test('Record snapshot appends the scored result to History', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = renderApp(port);
    await settled();
    await user.click(screen.getByRole('button', { name: 'Record snapshot' }));
    const expected = assess(parseRegister(priyaRegister()), { today: todayUtc(NOW) });
    expect(
      await screen.findByText(`Recorded readiness ${expected.readiness!.toFixed(1)} (${expected.rating}) as of ${expected.asOf} in History row 2.`),
    ).toBeInTheDocument();
    const [[headers, values]] = port.callsOf('appendHistory') as [string[], unknown[]][];
    expect(headers).toEqual(HISTORY_HEADERS);
    expect(values[0]).toBe(expected.asOf);
    expect(values[2]).toBe(Math.round(expected.readiness! * 10) / 10);
  });

  test('Export auditor pack loads the pack writer only when asked and hands the bytes to the delivery', async () => {
    const port = new FakePort(priyaRegister());
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const writeAuditorPack = jest.fn<ReturnType<PackWriterModule['writeAuditorPack']>, Parameters<PackWriterModule['writeAuditorPack']>>(
      async () => bytes,
    );
    const loadPackWriter = jest.fn(async (): Promise<PackWriterModule> => ({ writeAuditorPack }));
    const deliver = jest.fn<ReturnType<PackDelivery['deliver']>, Parameters<PackDelivery['deliver']>>(async () => 'downloaded');
    const { user } = renderApp(port, { loadPackWriter, delivery: { deliver } });
    await settled();
    expect(loadPackWriter).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Export auditor pack' }));
    expect(await screen.findByText('The auditor pack was downloaded as “Clause 5.1 auditor pack 2026-06-30.xlsx”.')).toBeInTheDocument();
    expect(loadPackWriter).toHaveBeenCalledTimes(1);
    const [input] = writeAuditorPack.mock.calls[0];
    expect(input.result.asOf).toBe('2026-06-30');
    expect(input.register.tables.Reviews).toHaveLength(3);
    expect(input.raw.Reviews?.values).toHaveLength(4);
    expect(input.generatedAt).toEqual(NOW);
    expect(deliver).toHaveBeenCalledWith(bytes, 'Clause 5.1 auditor pack 2026-06-30.xlsx');
  });
});
