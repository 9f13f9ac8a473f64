/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { openTab, renderApp, settled } from './render-app';

/** An error shaped like OfficeExtension.Error: a code, a message, and a stack that must never be shown. */
function officeError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.code = code;
  e.stack = `Error: ${message}\n    at Excel.run (office.js:1:1)`;
  return e;
}

describe('failures and progress', () => {
  test('a failed read shows what happened and what to do next, with Try again', async () => {
    const port = new FakePort(priyaRegister());
    port.failNext('read', officeError('InvalidOperationInCellEditMode', 'The operation is not allowed in cell-edit mode.'));
    const { user } = renderApp(port);
    expect(await screen.findByText('Excel is busy editing a cell')).toBeInTheDocument();
    expect(screen.getByText(/Press Enter or Esc in the sheet/)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('office.js:1:1');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await settled();
    expect(screen.queryByText('Excel is busy editing a cell')).toBeNull();
  });

  test('a failed write shows guidance and keeps the form as typed', async () => {
    const port = new FakePort(priyaRegister());
    port.failNext('addRow', officeError('ItemNotFound', 'The requested resource does not exist.'));
    const { user } = renderApp(port);
    await settled();
    await openTab(user, 'Add entry');
    await user.type(screen.getByRole('combobox', { name: /^Person/ }), 'Sam Rivera');
    await user.type(screen.getByRole('textbox', { name: /^Role/ }), 'CIO');
    await user.click(screen.getByRole('button', { name: /Add to Accountabilities/ }));
    expect(await screen.findByText('A sheet or table the register needs was not found')).toBeInTheDocument();
    expect(screen.getByText(/press Set up or Upgrade/)).toBeInTheDocument();
    expect(screen.getByText('Details: The requested resource does not exist.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Person/ })).toHaveValue('Sam Rivera');
  });

  test('an unknown failure still says what to do next, and never shows a stack', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = renderApp(port);
    await settled();
    port.failNext('writeDashboard', new TypeError("Cannot read properties of undefined (reading 'theme')\n    at x (a.js:1:1)"));
    await user.click(screen.getByRole('button', { name: 'Add dashboard' }));
    expect(await screen.findByText('Something went wrong')).toBeInTheDocument();
    expect(screen.getByText(/Try again. If it keeps happening/)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('a.js:1:1');
  });

  test('an export that fails names the auditor pack and a way around', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = renderApp(port, {
      loadPackWriter: async () => {
        throw new Error('Loading chunk auditor-pack failed.');
      },
    });
    await settled();
    await user.click(screen.getByRole('button', { name: 'Export auditor pack' }));
    expect(await screen.findByText('The auditor pack could not be built')).toBeInTheDocument();
    expect(screen.getByText(/clause51 pack register.xlsx pack.xlsx/)).toBeInTheDocument();
  });

  test('a read that takes over 300 ms shows labelled progress, then clears it', async () => {
    const port = new FakePort(priyaRegister());
    port.readDelayMs = 700;
    renderApp(port);
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement(); // nothing flickers for quick work
    expect(await screen.findByText('Reading your register…')).toBeInTheDocument();
    await settled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
