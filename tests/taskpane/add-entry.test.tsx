/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { toExcelSerial, fromIsoText } from '../../src/domain/dates';
import { validateEntry } from '../../src/domain/entry';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { openTab, renderApp, settled, type Rendered } from './render-app';

function field(key: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-column="${key}"]`);
  if (!el) throw new Error(`no field ${key}`);
  return el;
}

async function openForm(port: FakePort): Promise<Rendered> {
  const r = renderApp(port);
  await settled();
  await openTab(r.user, 'Add entry');
  return r;
}

async function chooseTable(user: Rendered['user'], table: string): Promise<void> {
  await user.click(screen.getByRole('combobox', { name: /Register table/ }));
  await user.click(screen.getByRole('option', { name: table }));
}

describe('Add entry', () => {
  test('builds the form from the schema: typed controls with labels', async () => {
    await openForm(new FakePort(priyaRegister()));
    expect(screen.getByRole('combobox', { name: /^Person/ })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Top management/ })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: /Documented in/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/Accepted on/)).toHaveAttribute('type', 'date');
    expect(screen.getByRole('textbox', { name: /Responsibilities/ }).tagName).toBe('TEXTAREA');
    // The ID is never typed: it is given at write time.
    expect(screen.queryByRole('textbox', { name: /^ID/ })).toBeNull();
  });

  test('refuses a missing required field, a bad link and an impossible date, next to each field, and writes nothing', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = await openForm(port);
    await user.type(screen.getByRole('textbox', { name: /^Role/ }), 'Chief Operating Officer');
    await user.type(screen.getByRole('textbox', { name: /Document link/ }), 'javascript:alert(1)');
    await user.type(screen.getByLabelText(/Accepted on/), '1850-06-30');
    await user.click(screen.getByRole('button', { name: /Add to Accountabilities/ }));

    // The messages are the domain's own (validateEntry), shown on the field they are about.
    const { errors } = validateEntry('Accountabilities', {
      role: 'Chief Operating Officer',
      documentLink: 'javascript:alert(1)',
      acceptedOn: '1850-06-30',
    });
    expect(Object.keys(errors).sort()).toEqual(['acceptedOn', 'documentLink', 'person']);
    expect(within(field('person')).getByText(errors.person)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Person/ })).toHaveAccessibleDescription(expect.stringContaining(errors.person));
    expect(within(field('documentLink')).getByText(errors.documentLink)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Document link/ })).toHaveAttribute('aria-invalid', 'true');
    expect(within(field('acceptedOn')).getByText(errors.acceptedOn)).toBeInTheDocument();
    expect(screen.getByLabelText(/Accepted on/)).toHaveAccessibleDescription(expect.stringContaining(errors.acceptedOn));
    expect(screen.getByText(/3 fields need attention/)).toBeInTheDocument();
    expect(port.callsOf('addRow')).toHaveLength(0);
    // Focus moves to the first field in error, so a keyboard user lands on it.
    expect(screen.getByRole('combobox', { name: /^Person/ })).toHaveFocus();
  });

  test('refuses a link to a row that does not exist', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = await openForm(port);
    await chooseTable(user, 'Decisions');
    await user.type(screen.getByLabelText(/Decided on/), '2026-06-01');
    await user.type(screen.getByRole('textbox', { name: /^Decision\b/ }), 'Fund a second on-call rota');
    await user.type(screen.getByRole('combobox', { name: /^Source/ }), 'REV-99');
    await user.click(screen.getByRole('button', { name: /Add to Decisions/ }));
    expect(within(field('source')).getByText(/REV-99/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Source/ })).toHaveAttribute('aria-invalid', 'true');
    expect(port.callsOf('addRow')).toHaveLength(0);
  });

  test('writes good input once, converted (dates as serials, Yes/No, chosen values), and names the new ID', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = await openForm(port);
    const person = screen.getByRole('combobox', { name: /^Person/ });
    await user.type(person, 'Sam');
    await user.clear(person);
    await user.type(person, 'Sam Rivera');
    await user.type(screen.getByRole('textbox', { name: /^Role/ }), 'Chief Information Officer');
    await user.click(screen.getByRole('switch', { name: /Top management/ }));
    await user.click(screen.getByRole('switch', { name: /Accountable for SMS effectiveness/ }));
    await user.click(screen.getByRole('combobox', { name: /Documented in/ }));
    await user.click(screen.getByRole('option', { name: 'Charter' }));
    await user.type(screen.getByRole('textbox', { name: /Document link/ }), 'https://intranet/charter.pdf');
    await user.type(screen.getByLabelText(/Accepted on/), '2026-05-04');
    await user.click(screen.getByRole('button', { name: /Add to Accountabilities/ }));

    expect(await screen.findByText('Added ACC-3 to Accountabilities (row 4).')).toBeInTheDocument();
    const calls = port.callsOf('addRow');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([
      'Accountabilities',
      {
        person: 'Sam Rivera',
        role: 'Chief Information Officer',
        topManagement: 'Yes',
        accountable: 'Yes',
        canAllocate: 'No',
        documentedIn: 'Charter',
        documentLink: 'https://intranet/charter.pdf',
        acceptedOn: toExcelSerial(fromIsoText('2026-05-04')!),
      },
    ]);
    // The form is cleared for the next entry, and the register was read again.
    expect(screen.getByRole('combobox', { name: /^Person/ })).toHaveValue('');
    expect(port.callsOf('read').length).toBeGreaterThanOrEqual(2);
  });

  test('suggests names from Accountabilities and IDs of the right tables', async () => {
    const { user } = await openForm(new FakePort(priyaRegister()));
    await chooseTable(user, 'Escalations');
    await user.click(screen.getByRole('combobox', { name: /^Escalated to/ }));
    const people = screen.getAllByRole('option').map((o) => o.textContent);
    expect(people).toEqual(['Dana Okafor', 'Lee Marsh']);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('combobox', { name: /^Decision/ }));
    // Escalations › Decision points at Decisions only.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['DEC-1', 'DEC-2']);
  });
});
