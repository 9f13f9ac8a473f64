/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
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
