/**
 * ExcelJS workbook → RawRegister: each register table's header row and data rows as plain
 * cell values, with the worksheet row and column letters so issues point at real cells.
 * Columns are not interpreted here (the domain parser finds them by header); only ExcelJS's
 * cell shapes are flattened to the RawCell forms the parser accepts.
 */
import type { Workbook } from 'exceljs';
import { ALL_TABLE_NAMES, TABLES, type ColumnKind, type TableName } from '../../domain/schema';
import { headerKey } from '../../domain/register';
import type { RawCell, RawRegister, RawTable } from '../../domain/types';
import { cellHasContent, columnLetter, headerTexts, locateTable, plainText, type LocatedTable } from './tables';

/** The schema kind of a column by its header text, matched exactly as the domain parser matches it. */
function kindOfHeader(table: TableName, header: string): ColumnKind | undefined {
  const spec = TABLES.find((t) => t.name === table);
  const wanted = headerKey(header);
  return spec?.columns.find((c) => headerKey(c.header) === wanted)?.kind;
}

/** `=HYPERLINK("https://…", "text")` → the literal URL; read as text, never evaluated. */
function hyperlinkFormulaTarget(formula: unknown): string | undefined {
  if (typeof formula !== 'string') return undefined;
  const m = /^\s*=?\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(formula);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/**
 * One ExcelJS cell value → RawCell. Rich text becomes text; a hyperlink cell becomes its target
 * in link columns and its text elsewhere; a formula becomes its cached result; an error cell
 * becomes `{ error }`. Nothing is ever evaluated.
 */
export function normaliseCell(value: unknown, kind?: ColumnKind): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return plainText(v);
  if (typeof v.hyperlink === 'string') {
    const text = plainText(v.text);
    if (kind === 'link' && v.hyperlink.trim() !== '') return v.hyperlink;
    return text;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    if (kind === 'link') {
      const target = hyperlinkFormulaTarget(v.formula ?? v.sharedFormula);
      if (target) return target;
    }
    return normaliseCell(v.result, kind);
  }
  if (typeof v.error === 'string') return { error: v.error };
  return plainText(v);
}

function readLocated(name: TableName, located: LocatedTable): RawTable {
  const headers = headerTexts(located);
  const kinds = headers.map((h) => kindOfHeader(name, h));
  const rows: RawCell[][] = [headers];
  for (let r = located.headerRow + 1; r <= located.lastRow; r++) {
    const row = located.sheet.findRow(r);
    const values: RawCell[] = [];
    for (let c = located.firstCol; c <= located.lastCol; c++) {
      values.push(normaliseCell(row?.findCell(c)?.value, kinds[c - located.firstCol]));
    }
    rows.push(values);
  }
  // Trailing empty rows are the table's spare space (a new table keeps one), not blank entries.
  while (rows.length > 1 && !rows[rows.length - 1].some((v) => cellHasContent(v))) rows.pop();
  const columnLetters: string[] = [];
  for (let c = located.firstCol; c <= located.lastCol; c++) columnLetters.push(columnLetter(c));
  return { values: rows, headerRow: located.headerRow, columnLetters, sheet: located.sheet.name };
}

/** Every register table found in the workbook (missing ones are absent from the result). */
export function readRegister(workbook: Workbook): RawRegister {
  const raw: RawRegister = {};
  for (const name of ALL_TABLE_NAMES) {
    const located = locateTable(workbook, name);
    if (located) raw[name] = readLocated(name, located);
  }
  return raw;
}
