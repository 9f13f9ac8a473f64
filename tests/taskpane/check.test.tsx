/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { formatIssue } from '../../src/domain/issues';
import { parseRegister } from '../../src/domain/register';
import { FakePort } from '../support/fake-port';
import { priyaRegister, rawSettings, rawTable } from './register-fixture';
import { openTab, renderApp, settled } from './render-app';

describe('Check', () => {
  test('lists every issue the parser found, grouped by table, with a count', async () => {
    const raw = priyaRegister();
    const expected = parseRegister(raw).issues;
    expect(expected.length).toBeGreaterThanOrEqual(3); // the fixture holds at least 3 unreadable cells
    const { user } = renderApp(new FakePort(raw));
    await settled();
    await openTab(user, 'Check');

    const tables = new Set(expected.map((i) => i.table));
    expect(screen.getByText(`${expected.length} issues in ${tables.size} tables.`)).toBeInTheDocument();
    for (const issue of expected) expect(screen.getByText(formatIssue(issue))).toBeInTheDocument();
    const reviews = screen.getByRole('list', { name: 'Reviews' });
    expect(within(reviews).getByText(/Q3 2025/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Reviews \(\d+\)/ })).toHaveAttribute('aria-expanded', 'true');
  });

  test('Go to cell selects the cell the issue is about', async () => {
    const port = new FakePort(priyaRegister());
    const { user } = renderApp(port);
    await settled();
    await openTab(user, 'Check');
    const issue = parseRegister(priyaRegister()).issues.find((i) => i.table === 'Reviews' && i.column === 'Held on')!;
    await user.click(screen.getByRole('button', { name: `Go to cell Reviews!${issue.cell}` }));
    expect(port.callsOf('select')).toEqual([[{ table: 'Reviews', row: 4, column: 'Held on' }]]);
  });

  test('says so when there is nothing to fix', async () => {
    const raw = {
      Accountabilities: rawTable('Accountabilities', [{ id: 'ACC-1', person: 'Dana Okafor', topManagement: 'Yes', accountable: 'Yes' }]),
      Reviews: rawTable('Reviews', []),
      Decisions: rawTable('Decisions', []),
      Resources: rawTable('Resources', []),
      Communications: rawTable('Communications', []),
      Escalations: rawTable('Escalations', []),
      Settings: rawSettings({ 'Assessment date': '2026-06-30' }),
    };
    expect(parseRegister(raw).issues).toEqual([]);
    const { user } = renderApp(new FakePort(raw));
    await settled();
    await openTab(user, 'Check');
    expect(screen.getByText(/No issues found/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Go to/ })).toBeNull();
  });
});
