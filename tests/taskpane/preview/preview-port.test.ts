/**
 * Preview mode's workbook side, in Node: the example opens through the same checks as a picked
 * file, select() resolves to the cells Excel would select, writes are counted as unsaved changes,
 * and a too-large or non-.xlsx pick is refused before it is read.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseRegister } from '../../../src/domain/register';
import { FileProblem } from '../../../src/workbook/file-problem';
import { XlsxPort } from '../../../src/workbook/xlsx/xlsx-port';
import { openEmpty, openExample, openPicked, PREVIEW_MAX_BYTES } from '../../../src/taskpane/preview/open-workbook';
import { PreviewPort } from '../../../src/taskpane/preview/preview-port';
import { sheetView, type SheetView } from '../../../src/taskpane/preview/sheet-view';

const EXAMPLE = readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'example-register.xlsx'));

function fakeFetch(bytes: Uint8Array | null): typeof fetch {
  return (async () =>
    bytes
      ? { ok: true, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }
      : { ok: false, arrayBuffer: async () => new ArrayBuffer(0) }) as unknown as typeof fetch;
}

function previewOf(port: XlsxPort) {
  const views: SheetView[] = [];
  let changes = 0;
  const preview = new PreviewPort(port, { onSelect: (v) => views.push(v), onChange: () => changes++ });
  return { preview, views, changes: () => changes };
}

describe('opening a workbook in preview', () => {
  it('opens the bundled example with its register', async () => {
    const opened = await openExample(fakeFetch(new Uint8Array(EXAMPLE)));
    expect(opened.name).toBe('example-register.xlsx');
    const register = parseRegister(await opened.port.read());
    expect(register.missing).toEqual([]);
    expect(register.tables.Decisions.length).toBeGreaterThan(5);
  });

  it('says plainly when the example is not served', async () => {
    await expect(openExample(fakeFetch(null))).rejects.toThrow(/example register was not found/);
  });

  it('refuses a file over the preview cap without reading it', async () => {
    let read = false;
    const file = {
      name: 'huge.xlsx',
      size: PREVIEW_MAX_BYTES + 1,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    };
    const err = await openPicked(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileProblem);
    expect((err as Error).message).toMatch(/up to 16 MB.*clause51 score/);
    expect(read).toBe(false);
  });

  it('refuses a file that is not an .xlsx, and bytes that are not a workbook', async () => {
    await expect(openPicked({ name: 'notes.csv', size: 3, arrayBuffer: async () => new ArrayBuffer(3) })).rejects.toThrow(/\.xlsx/);
    const text = new TextEncoder().encode('this is not a zip file at all');
    const err = await openPicked({ name: 'fake.xlsx', size: text.length, arrayBuffer: async () => text.buffer }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileProblem);
  });

  it('opens a picked .xlsx held in memory', async () => {
    const opened = await openPicked({ name: 'mine.xlsx', size: EXAMPLE.length, arrayBuffer: async () => new Uint8Array(EXAMPLE).buffer });
    expect(opened.label).toBe('mine.xlsx');
    expect(Object.keys(await opened.port.read())).toContain('Reviews');
  });

  it('a new empty workbook has one blank sheet and no register', async () => {
    const opened = openEmpty();
    expect(opened.port.workbook.worksheets.map((w) => w.name)).toEqual(['Sheet1']);
    expect(await opened.port.read()).toEqual({});
  });
});

describe('PreviewPort', () => {
  it('shows the cell a data-quality issue points at', async () => {
    const { preview, views } = previewOf(await XlsxPort.fromBytes(EXAMPLE));
    const issue = parseRegister(await preview.read()).issues.find((i) => i.table === 'Reviews' && i.column);
    expect(issue).toBeDefined();
    await preview.select({ table: issue!.table, row: issue!.row, column: issue!.column });
    const view = views[0];
    expect(view.sheet).toBe('Reviews');
    expect(view.address).toBe(`Reviews!${issue!.cell}`);
    expect(view.selectedRow).toBe(issue!.row);
    const shown = view.rows.find((r) => r.row === issue!.row)!;
    const col = view.columns.indexOf(view.selectedColumn!);
    expect(shown.cells[col]).not.toBe('');
    // The header row is always drawn first, so the cell can be read against its column.
    expect(view.rows[0].row).toBe(view.headerRow);
    expect(view.rows[0].cells[col]).toBe(issue!.column);
  });

  it('selects a whole row by ID, and refuses an ID or table that is not there', async () => {
    const { preview, views } = previewOf(await XlsxPort.fromBytes(EXAMPLE));
    await preview.select({ table: 'Reviews', id: 'REV-3' });
    expect(views[0].selectedColumn).toBeNull();
    expect(views[0].address).toMatch(/^Reviews!(\d+):\1$/);
    const row = views[0].rows.find((r) => r.row === views[0].selectedRow)!;
    expect(row.cells[0]).toBe('REV-3');
    await expect(preview.select({ table: 'Reviews', id: 'REV-999' })).rejects.toThrow(/no row with ID REV-999/);
    const empty = previewOf(openEmpty().port);
    await expect(empty.preview.select({ table: 'Decisions', id: 'DEC-1' })).rejects.toThrow(/no Decisions table/);
  });

  it('counts writes as unsaved changes; a set-up that adds nothing is not one', async () => {
    const { preview, changes } = previewOf(openEmpty().port);
    const first = await preview.setUp();
    expect(first.createdSheets.length).toBeGreaterThan(0);
    expect(changes()).toBe(1);
    await preview.setUp();
    expect(changes()).toBe(1);
    const added = await preview.addRow('Decisions', { decidedOn: 20000, decision: 'Fund a second on-call rota' });
    expect(added.id).toBe('DEC-1');
    expect(changes()).toBe(2);
    expect(await preview.readHistory()).toBeNull();
    await preview.appendHistory(['As of', 'Readiness'], ['2026-06-30', 70]);
    expect(changes()).toBe(3);
    expect((await preview.readHistory())?.values.slice(1)).toEqual([['2026-06-30', 70]]);
    // The change reaches the downloaded bytes.
    const reloaded = await XlsxPort.fromBytes(await preview.toBytes());
    const decisions = parseRegister(await reloaded.read()).tables.Decisions;
    expect(decisions.map((d) => d.decision)).toEqual(['Fund a second on-call rota']);
  });

  it('draws a window of rows around a selection deep in a table', async () => {
    const port = openEmpty().port;
    await port.setUp();
    for (let i = 0; i < 30; i++) await port.addRow('Decisions', { decidedOn: 20000 + i, decision: `Decision ${i + 1}` });
    const view = sheetView(port.workbook, { table: 'Decisions', id: 'DEC-20', column: 'Decision' });
    const rows = view.rows.map((r) => r.row);
    expect(rows[0]).toBe(1);
    expect(rows).toContain(view.selectedRow);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(view.rows.find((r) => r.row === view.selectedRow)!.cells[view.columns.indexOf(view.selectedColumn!)]).toBe('Decision 20');
  });
});
