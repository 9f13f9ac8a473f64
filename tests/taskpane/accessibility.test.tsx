/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { openTab, renderApp, settled } from './render-app';

/** Serious and critical axe findings (colour contrast needs layout, which jsdom has not: the browser tests cover it). */
async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every panel has labelled controls and valid structure (axe: no serious or critical findings)', async () => {
  const { user } = renderApp(new FakePort(priyaRegister()));
  await settled();
  expect(await seriousViolations()).toEqual([]);
  for (const tab of ['Add entry', 'Check', 'Score']) {
    await openTab(user, tab);
    expect({ tab, violations: await seriousViolations() }).toEqual({ tab, violations: [] });
  }
});
