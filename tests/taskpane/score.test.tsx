/** @jest-environment jsdom */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { assess } from '../../src/domain/assess';
import { fromIsoText, todayUtc } from '../../src/domain/dates';
import { parseRegister } from '../../src/domain/register';
import type { Result } from '../../src/domain/types';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { NOW, openTab, renderApp, settled } from './render-app';

/** The engine's own answer for the fixture, computed here independently of the pane. */
function engineResult(asOf?: string): Result {
  return assess(parseRegister(priyaRegister()), { asOf: asOf ? fromIsoText(asOf)! : undefined, today: todayUtc(NOW) });
}

async function openScore(port = new FakePort(priyaRegister())) {
  const r = renderApp(port);
  await settled();
  await openTab(r.user, 'Score');
  return { ...r, port };
}

describe('Score', () => {
  test('shows readiness to one decimal with its rating, from the real engine', async () => {
    const expected = engineResult();
    expect(expected.readiness).not.toBeNull();
    await openScore();
    const shown = expected.readiness!.toFixed(1);
    expect(screen.getByText(shown)).toBeInTheDocument();
    expect(screen.getByLabelText(`Readiness ${shown} out of 100`)).toBeInTheDocument();
    const badge = document.querySelector(`[data-rating="${expected.rating}"]`);
    expect(badge).toHaveTextContent(expected.rating!);
  });

  test('lists all 22 criteria with status, reason and next step, and the 4 auditor questions', async () => {
    const expected = engineResult();
    expect(expected.criteria).toHaveLength(22);
    await openScore();
    const cards = document.querySelectorAll('[data-criterion]');
    expect(cards).toHaveLength(22);
    for (const c of expected.criteria) {
      const card = document.querySelector<HTMLElement>(`[data-criterion="${c.id}"]`)!;
      expect(within(card).getByRole('heading', { name: `${c.id} ${c.title}` })).toBeInTheDocument();
      expect(card.querySelector(`[data-status="${c.status}"]`)).not.toBeNull();
      expect(within(card).getByText(c.reason)).toBeInTheDocument();
      if (c.status === 'not met' || c.status === 'partial') expect(within(card).getByText(c.remedy)).toBeInTheDocument();
    }
    const questions = screen.getByRole('list', { name: 'What the auditor will ask' });
    const items = within(questions).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expected.questions.forEach((q, i) => {
      expect(within(items[i]).getByText(q.question)).toBeInTheDocument();
      expect(items[i].querySelector(`[data-status="${q.status}"]`)).not.toBeNull();
      for (const id of q.criteria) expect(items[i]).toHaveTextContent(id);
    });
  });

  test('pillars are listed weakest first', async () => {
    const expected = engineResult();
    await openScore();
    const order = [...document.querySelectorAll('[data-pillar]')].map((el) => el.getAttribute('data-pillar'));
    const scored = expected.pillars.filter((p) => p.score !== null).sort((a, b) => a.score! - b.score! || b.weight - a.weight);
    expect(order.slice(0, scored.length)).toEqual(scored.map((p) => p.id));
    expect(order).toHaveLength(6);
  });

  test('clicking an evidence ID selects that row', async () => {
    const { user, port } = await openScore();
    const gov4 = document.querySelector<HTMLElement>('[data-criterion="GOV-4"]')!;
    await user.click(within(gov4).getByRole('button', { name: 'Go to REV-2' }));
    expect(port.callsOf('select')).toEqual([[{ table: 'Reviews', id: 'REV-2' }]]);
  });

  test('evidence naming a row that shares its ID selects that row by its worksheet row', async () => {
    const raw = priyaRegister();
    const decisions = raw.Decisions!;
    const idCol = (decisions.values[0] as unknown[]).findIndex((h) => String(h).toLowerCase() === 'id');
    const rows = decisions.values.map((r) => [...r]);
    rows[2][idCol] = rows[1][idCol]; // two rows now share the first decision's ID
    const shared = String(rows[1][idCol]);
    const { user, port } = await openScore(new FakePort({ ...raw, Decisions: { ...decisions, values: rows } }));
    const buttons = screen.getAllByRole('button', { name: new RegExp(`^Go to ${shared} \\(row \\d+\\)$`) });
    expect(buttons.length).toBeGreaterThan(0);
    const row = Number(/row (\d+)/.exec(buttons[0].textContent ?? '')![1]);
    await user.click(buttons[0]);
    expect(port.callsOf('select')).toEqual([[{ table: 'Decisions', row }]]);
  });

  test('the as-of date rescores without reading the workbook again; Refresh reads it', async () => {
    const { user, port } = await openScore();
    const reads = port.callsOf('read').length;
    const earlier = engineResult('2026-03-31');
    expect(earlier.readiness!.toFixed(1)).not.toBe(engineResult().readiness!.toFixed(1));
    const input = screen.getByLabelText(/Assess as of/);
    await user.type(input, '2026-03-31');
    expect(await screen.findByText(earlier.readiness!.toFixed(1))).toBeInTheDocument();
    expect(screen.getByText(/to 2026-03-31/)).toBeInTheDocument();
    expect(port.callsOf('read')).toHaveLength(reads);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(port.callsOf('read')).toHaveLength(reads + 1);
  });
});
