/**
 * The task pane in a real browser (issue 5): preview mode of the production build in headless
 * Chromium. One browser for the whole file; the tests run in order and share its network log.
 *
 * Flows: the example opens and scores Amber; a decision added through Add entry raises readiness;
 * a data-quality issue leads to its cell; a new empty workbook is set up; the auditor pack and the
 * workbook download (and the downloaded workbook holds the decision); each panel passes axe with no
 * serious or critical violation; the main flow works by keyboard alone; no request leaves the
 * machine; every panel fits Excel's default task pane width (320 px) without scrolling sideways.
 * The flows run at 350 px, a typical Excel task pane, and their screenshots of each panel go to
 * docs/images (E2E_SCREENSHOT_DIR overrides).
 */
import { mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { parseRegister } from '../../src/domain/register';
import { XlsxPort } from '../../src/workbook/xlsx/xlsx-port';
import { seriousViolations } from './support/axe';
import { DIST, ROOT, ensureBuild, launch, type Session } from './support/browser';
import { serveDist } from '../../scripts/serve-dist';

const SHOTS = path.resolve(process.env.E2E_SCREENSHOT_DIR ?? path.join(ROOT, 'docs', 'images'));
const DECISION = 'Add audit results to the management review agenda template';
/** Excel's task pane is about 320–350 px wide unless the person drags it wider. */
const PANE_WIDTH = 350;
const PANES = ['Register', 'Add entry', 'Check', 'Score'] as const;

let session: Session;
let server: { url: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  ensureBuild();
  server = await serveDist({ root: DIST });
  session = await launch();
}, 15 * 60_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openPreview(width?: number): Promise<Page> {
  const p = await session.newPage();
  // Narrower than the preview's two-column layout, the pane is the page's full width and the sheet view goes below it.
  if (width) await p.setViewportSize({ width, height: 900 });
  await p.goto(`${server.url}taskpane.html`);
  await p.getByText('Preview — not connected to Excel.').waitFor();
  // The example is read and scored once the register table shows its row counts.
  await p.locator('[data-table="Decisions"]').getByText(/\d+ rows?/).waitFor();
  return p;
}

const pane = (p: Page): Locator => p.locator('main');
const panel = (p: Page): Locator => p.getByRole('tabpanel');

/** The page at task pane width, from the top, as a person opening the panel sees it. */
async function shot(p: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // No hover highlight left on whatever the last click was over.
  await p.mouse.move(PANE_WIDTH - 1, 899);
  await p.evaluate(() => window.scrollTo(0, 0));
  await pane(p).evaluate((el) => el.scrollTo(0, 0));
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Open a panel through its tab, or through the "more sections" menu when the pane had no room for the tab. */
async function openPanel(p: Page, name: string): Promise<void> {
  const tab = p.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await p.getByRole('tab', { name: /more sections?$/ }).click();
    await p.getByRole('menuitem', { name }).click();
  }
  await p.getByRole('tab', { name, selected: true }).waitFor();
}

interface Fit {
  /** document.scrollingElement: scrollWidth and clientWidth (the page scrolls sideways when the first is larger). */
  page: [number, number];
  /** The pane column (main): its width, scrollWidth and clientWidth. */
  pane: [number, number, number];
  /** Visible elements inside the pane that reach past its right edge (clipped or scrolled away). */
  sticksOut: string[];
}

async function fit(p: Page): Promise<Fit> {
  return p.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const main = document.querySelector('main') as HTMLElement;
    const box = main.getBoundingClientRect();
    const sticksOut: string[] = [];
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > box.right + 0.5) {
        sticksOut.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(r.right)}`);
      }
    }
    return { page: [doc.scrollWidth, doc.clientWidth], pane: [Math.round(box.width), main.scrollWidth, main.clientWidth], sticksOut };
  });
}

/** Fit of every panel at the page's current width, keyed by panel. */
async function fitOfEachPanel(p: Page): Promise<Record<string, Fit>> {
  const fits: Record<string, Fit> = {};
  for (const name of PANES) {
    await openPanel(p, name);
    await panel(p).getByRole('heading', { level: 2 }).first().waitFor();
    fits[name] = await fit(p);
  }
  return fits;
}

function expectNoSidewaysScroll(fits: Record<string, Fit>, paneWidth: number): void {
  for (const [name, f] of Object.entries(fits)) {
    expect({ name, paneWidth: f.pane[0], sticksOut: f.sticksOut }).toEqual({ name, paneWidth, sticksOut: [] });
    expect({ name, page: f.page[0] <= f.page[1], pane: f.pane[1] <= f.pane[2] }).toEqual({ name, page: true, pane: true });
  }
}

/** Axe findings per panel state; asserted together at the end so one finding does not hide the flows. */
const accessibility: Record<string, Awaited<ReturnType<typeof seriousViolations>>> = {};

async function scanAccessibility(p: Page, what: string): Promise<void> {
  accessibility[what] = await seriousViolations(p);
}

/** The readiness number the Score panel shows. */
async function readiness(p: Page): Promise<number> {
  const label = await panel(p).locator('[aria-label^="Readiness "]').first().getAttribute('aria-label');
  const m = /Readiness ([\d.]+) out of 100/.exec(label ?? '');
  if (!m) throw new Error(`no readiness on the Score panel (aria-label ${label})`);
  return Number(m[1]);
}

async function choose(p: Page, field: string, option: string): Promise<void> {
  await panel(p).getByRole('combobox', { name: field, exact: true }).click();
  await p.getByRole('option', { name: option, exact: true }).click();
}

async function pickedDownload(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([p.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

let scoredBefore = 0;

test('opens preview on the example register and scores it Amber', async () => {
  page = await openPreview(PANE_WIDTH);
  await pane(page).getByText('Changes stay in this browser until you download.').waitFor();
  expect(await page.locator('[data-table="Reviews"]').innerText()).toMatch(/Reviews\s+6 rows/);
  await shot(page, 'pane-register');
  await scanAccessibility(page, 'Register panel');

  await page.getByRole('tab', { name: 'Score' }).click();
  await panel(page).getByRole('heading', { name: 'Readiness' }).waitFor();
  scoredBefore = await readiness(page);
  expect(scoredBefore).toBeGreaterThanOrEqual(50);
  expect(scoredBefore).toBeLessThan(80);
  await panel(page).getByText('Amber', { exact: true }).first().waitFor();
  await panel(page).locator('[data-criterion="GOV-4"]').getByText(/REV-3 did not/).waitFor();
  await shot(page, 'pane-score');
  await scanAccessibility(page, 'Score panel');
});

test('adds a decision through Add entry and readiness changes on Score', async () => {
  await page.getByRole('tab', { name: 'Add entry' }).click();
  await choose(page, 'Register table', 'Decisions');
  const form = panel(page).getByRole('form');
  await form.getByLabel('Decided on').fill('2025-12-11');
  await form.getByRole('combobox', { name: /^Source/ }).fill('REV-3');
  await form.getByLabel(/^Decision\b/).fill(DECISION);
  await choose(page, 'Type', 'Process');
  await form.getByRole('combobox', { name: /^Decided by/ }).fill('Dana Whitfield');
  await form.getByRole('combobox', { name: /^Owner/ }).fill('Helen Brooks');
  await form.getByLabel('Due date').fill('2026-07-31');
  await choose(page, 'Status', 'Open');
  await shot(page, 'pane-add-entry');
  await scanAccessibility(page, 'Add entry panel');

  await form.getByRole('button', { name: 'Add to Decisions' }).click();
  await pane(page).getByText(/Added DEC-\d+ to Decisions/).waitFor();
  await pane(page).getByText('1 unsaved change').waitFor();

  await page.getByRole('tab', { name: 'Score' }).click();
  await panel(page).locator('[data-criterion="GOV-4"]').getByText(/4 of 4 held reviews/).waitFor();
  expect(await readiness(page)).toBeGreaterThan(scoredBefore);
});

test('follows a data-quality issue from Check to its cell', async () => {
  await page.getByRole('tab', { name: 'Check' }).click();
  await panel(page).getByText(/3 issues in 2 tables/).waitFor();
  await scanAccessibility(page, 'Check panel');
  await panel(page).getByRole('button', { name: /Reviews!C3/ }).click();
  const viewer = page.getByRole('complementary', { name: 'Sheet view' });
  await viewer.getByText('Selected: Reviews!C3').waitFor();
  const cell = viewer.locator('td[data-cell="C3"]');
  expect(await cell.innerText()).toBe('Q3 2025');
  expect(await cell.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await cell.getAttribute('aria-current')).toBe('location');
  // The sheet view is under the pane at this width: the cell was scrolled into view and focused there.
  expect(await cell.evaluate((el) => el.getBoundingClientRect().top >= (document.querySelector('main') as HTMLElement).getBoundingClientRect().bottom)).toBe(true);
  await shot(page, 'pane-check');
  await scanAccessibility(page, 'Check panel with the sheet view');

  // An evidence ID on Score selects its row the same way.
  await page.getByRole('tab', { name: 'Score' }).click();
  await panel(page).locator('[data-criterion="GOV-1"]').getByRole('button', { name: /REV-5/ }).first().click();
  await viewer.getByText(/Selected: Reviews!(\d+):\1/).waitFor();
  expect(await viewer.locator('tr[data-selected="true"] td').first().innerText()).toBe('REV-5');
});

test('downloads the workbook with the decision, and exports the auditor pack', async () => {
  const workbook = await pickedDownload(page, () => pane(page).getByRole('button', { name: 'Download workbook' }).click());
  expect(workbook.name).toBe('example-register.xlsx');
  const reopened = parseRegister(await (await XlsxPort.fromBytes(workbook.bytes)).read());
  const added = reopened.tables.Decisions.find((d) => d.decision === DECISION);
  expect(added).toMatchObject({ source: 'REV-3', owner: 'Helen Brooks', status: 'Open' });
  await pane(page).getByText('No changes since it was opened').waitFor();

  await page.getByRole('tab', { name: 'Register' }).click();
  const pack = await pickedDownload(page, () => panel(page).getByRole('button', { name: 'Export auditor pack' }).click());
  expect(pack.name).toMatch(/^Clause 5\.1 auditor pack \d{4}-\d{2}-\d{2}\.xlsx$/);
  expect([...pack.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip
  const packBook = (await XlsxPort.fromBytes(pack.bytes)).workbook;
  expect(packBook.worksheets.length).toBeGreaterThan(3);
  await pane(page).getByText(/The auditor pack was downloaded/).waitFor();

  // The downloaded workbook opens again through the file picker, decision included.
  await page.locator('[data-testid="preview-file-input"]').setInputFiles({
    name: 'my-register.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook.bytes,
  });
  await pane(page).getByText('my-register.xlsx', { exact: true }).waitFor();
  const decisions = page.locator('[data-table="Decisions"]');
  await decisions.getByText(`${reopened.tables.Decisions.length} rows`).waitFor();
});

test('sets up a register in a new empty workbook', async () => {
  await pane(page).getByRole('button', { name: 'New empty workbook' }).click();
  await panel(page).getByText(/no register yet/).waitFor();
  await panel(page).getByRole('button', { name: 'Set up register' }).click();
  await panel(page).getByText('Register set up').waitFor();
  await panel(page).getByText(/Created 7 sheets/).waitFor();
  for (const table of ['Accountabilities', 'Reviews', 'Decisions', 'Resources', 'Communications', 'Escalations']) {
    expect(await page.locator(`[data-table="${table}"]`).innerText()).toMatch(/0 rows/);
  }
  await scanAccessibility(page, 'Register panel after set-up');
  const empty = await pickedDownload(page, () => pane(page).getByRole('button', { name: 'Download workbook' }).click());
  const raw = await (await XlsxPort.fromBytes(empty.bytes)).read();
  expect(parseRegister(raw).missing).toEqual([]);
  await page.close();
});

test('every panel fits a 320 px pane without scrolling sideways, and a 460 px one', async () => {
  const p = await openPreview(320);
  expect(await p.getByRole('tab', { name: /more sections?$/ }).count()).toBe(0); // all four tabs fit
  const narrow = await fitOfEachPanel(p);
  expectNoSidewaysScroll(narrow, 320);
  // The sheet view sits below the pane and scrolls inside its own box.
  await openPanel(p, 'Check');
  await panel(p).getByRole('button', { name: /Reviews!C3/ }).click();
  const viewer = p.getByRole('complementary', { name: 'Sheet view' });
  await viewer.getByText('Selected: Reviews!C3').waitFor();
  const [paneBox, viewerBox] = [await pane(p).boundingBox(), await viewer.boundingBox()];
  expect(viewerBox!.y).toBeGreaterThanOrEqual(paneBox!.y + paneBox!.height);
  expect(viewerBox!.width).toBeLessThanOrEqual(320);
  expect((await fit(p)).page[0]).toBeLessThanOrEqual(320);

  // Dragged wider (or in the preview's two-column layout), the pane is 460 px and still fits.
  await p.setViewportSize({ width: 1100, height: 900 });
  expectNoSidewaysScroll(await fitOfEachPanel(p), 460);
  await p.close();
});

test('a pane too narrow for four tabs offers the rest in a "more sections" menu', async () => {
  const p = await openPreview(240);
  const more = p.getByRole('tab', { name: /more sections?$/ });
  await more.waitFor();
  expect(await p.getByRole('tab', { name: 'Score', exact: true }).isVisible()).toBe(false);
  await more.click();
  await p.getByRole('menuitem', { name: 'Score' }).click();
  // The chosen section's tab is shown (it has the highest priority) and its panel is open.
  await p.getByRole('tab', { name: 'Score', selected: true }).waitFor({ state: 'visible' });
  await panel(p).getByRole('heading', { name: 'Readiness' }).waitFor();
  expectNoSidewaysScroll({ Score: await fit(p) }, 240);
  await scanAccessibility(p, 'Score panel at 240 px with the more menu');
  await p.close();
});

test('the main flow works by keyboard alone', async () => {
  const p = await openPreview();
  const kb = p.keyboard;
  /** What has focus, as "role:name name=field" (enough to steer by). */
  const focused = (): Promise<string> =>
    p.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      const role = el?.getAttribute('role') ?? el?.tagName.toLowerCase();
      return `${role}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 40)} name=${el?.getAttribute('name') ?? ''}`;
    });
  /** Press Tab (or Shift+Tab) until the focused element matches, at most `limit` times. */
  const tabTo = async (want: RegExp, back = false, limit = 60): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      if (want.test(await focused())) return;
      await kb.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${want}; focus is on ${await focused()}`);
  };
  /** From anywhere, back to the tab list, then arrow to a tab and open it with Enter. */
  const openTab = async (name: string): Promise<void> => {
    await tabTo(/^tab:/, true);
    for (let i = 0; i < 4 && !(await focused()).startsWith(`tab:${name}`); i++) await kb.press('ArrowRight');
    expect(await focused()).toMatch(new RegExp(`^tab:${name}`));
    await kb.press('Enter');
    await p.getByRole('tab', { name, selected: true }).waitFor();
  };

  // Add entry: the table picker opens with ArrowDown; Decisions is two down from Accountabilities.
  await tabTo(/^tab:Register/);
  await openTab('Add entry');
  await tabTo(/^combobox:Accountabilities/);
  await kb.press('ArrowDown');
  await p.getByRole('listbox').waitFor();
  await kb.press('ArrowDown');
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await panel(p).getByRole('button', { name: 'Add to Decisions' }).waitFor();

  // A date input takes month, day and year as typed digits; a combobox takes typed text.
  await tabTo(/name=decidedOn/);
  await kb.type('12112025');
  await tabTo(/name=source/);
  await kb.type('REV-3');
  await kb.press('Escape');
  await tabTo(/name=decision$/);
  await kb.type('Keyboard-only decision');
  await tabTo(/^button:Add to Decisions/);
  await kb.press('Enter');
  await pane(p).getByText(/Added DEC-\d+ to Decisions/).waitFor();

  // Check: Tab to the first Go to cell, Enter, and focus lands on that cell in the sheet view.
  await openTab('Check');
  await tabTo(/Reviews!C3/);
  await kb.press('Enter');
  await p.getByText('Selected: Reviews!C3').waitFor();
  expect(await focused()).toMatch(/^td:Q3 2025/);

  // Score shows the higher readiness; an evidence ID opens its row with Enter.
  await openTab('Score');
  expect(await readiness(p)).toBeGreaterThan(scoredBefore);
  await tabTo(/^button:.*REV-5/);
  await kb.press('Enter');
  await p.getByText(/Selected: Reviews!(\d+):\1/).waitFor();
  await p.close();
});

test('each panel has no serious or critical accessibility violation (axe-core)', () => {
  expect(Object.keys(accessibility)).toEqual(expect.arrayContaining(['Register panel', 'Add entry panel', 'Check panel', 'Score panel']));
  const found = Object.entries(accessibility).filter(([, v]) => v.length > 0);
  expect(Object.fromEntries(found)).toEqual({});
});

test('nothing left the machine and the page raised no errors', () => {
  expect(session.network.requests.length).toBeGreaterThan(0);
  expect(session.network.servedLocally.size).toBeGreaterThan(0); // office.js came from the package
  expect(session.network.offMachine()).toEqual([]);
  expect(session.problems).toEqual([]);
});
