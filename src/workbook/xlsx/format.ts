/**
 * How a register column looks in a new or upgraded .xlsx: dropdowns for enumerations and
 * Yes/No, date formats, widths. Validations cover a bounded block of rows: a whole-column rule
 * is expanded by ExcelJS into a million per-cell entries when the file is read back.
 */
import type { Worksheet } from 'exceljs';
import type { ColumnSpec } from '../../domain/schema';
import { YES_NO } from '../../domain/schema';
import { columnLetter } from './tables';

/** How many rows below the header carry the dropdowns and date checks. */
export const VALIDATION_ROWS = 2000;
export const DATE_FORMAT = 'yyyy-mm-dd';
export const TEXT_FORMAT = '@';

interface DataValidationRule {
  type: 'list' | 'date';
  formulae: unknown[];
  allowBlank: boolean;
  operator?: string;
  showErrorMessage: boolean;
  errorStyle: 'warning';
  errorTitle: string;
  error: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}

/** The typings omit `dataValidations`; the runtime has it on every worksheet. */
function validations(sheet: Worksheet): { add(address: string, rule: DataValidationRule): void } {
  return (sheet as unknown as { dataValidations: { add(address: string, rule: DataValidationRule): void } }).dataValidations;
}

export function columnWidth(col: ColumnSpec): number {
  const byKind: Record<ColumnSpec['kind'], number> = {
    id: 10,
    text: 32,
    person: 20,
    date: 13,
    yesno: 12,
    enum: 16,
    list: 30,
    ref: 12,
    link: 36,
  };
  return Math.max(byKind[col.kind], Math.min(col.header.length + 4, 40));
}

function listRule(col: ColumnSpec, values: readonly string[]): DataValidationRule {
  return {
    type: 'list',
    // A quoted, comma-separated list: none of our values contains a comma or a quote.
    formulae: [`"${values.join(',')}"`],
    allowBlank: true,
    showErrorMessage: true,
    // Warning, not stop: pasted or older values stay possible, and Check reports them.
    errorStyle: 'warning',
    errorTitle: col.header,
    error: `Choose one of: ${values.join(', ')}.`,
    ...(col.hint ? { showInputMessage: true, promptTitle: col.header, prompt: col.hint } : {}),
  };
}

function dateRule(col: ColumnSpec): DataValidationRule {
  return {
    type: 'date',
    operator: 'greaterThan',
    formulae: [new Date(Date.UTC(1900, 0, 1))],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: col.header,
    error: 'Enter a date, for example 2026-06-30.',
  };
}

/**
 * Dropdown / date check and number format for one register column at sheet column `col`,
 * data rows from `firstRow` for VALIDATION_ROWS rows (or down to `lastRow` when the table is longer).
 * `wholeColumnStyle` is true only for sheets we created: then the column itself carries the date
 * format; on a user's sheet only the table's own cells are formatted.
 */
export function formatColumn(
  sheet: Worksheet,
  col: number,
  spec: ColumnSpec,
  firstRow: number,
  lastRow: number,
  wholeColumnStyle: boolean,
): void {
  const bottom = Math.max(lastRow, firstRow + VALIDATION_ROWS - 1);
  const letter = columnLetter(col);
  const range = `${letter}${firstRow}:${letter}${bottom}`;
  if (spec.kind === 'enum' && spec.values) validations(sheet).add(range, listRule(spec, spec.values));
  if (spec.kind === 'yesno') validations(sheet).add(range, listRule(spec, YES_NO));
  if (spec.kind === 'date') {
    validations(sheet).add(range, dateRule(spec));
    if (wholeColumnStyle) {
      // Plain assignment: the numFmt setter would also restyle every existing cell of the column.
      const column = sheet.getColumn(col);
      column.style = { ...column.style, numFmt: DATE_FORMAT };
    }
    for (let r = firstRow; r <= lastRow; r++) sheet.getCell(r, col).numFmt = DATE_FORMAT;
  }
  const column = sheet.getColumn(col);
  if (wholeColumnStyle || !column.width) column.width = columnWidth(spec);
}

/** A date-looking number format (so a written Date shows as a date, not a serial). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const unquoted = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(unquoted) || /m{3,}/i.test(unquoted);
}
