/**
 * The exact subset of the Office.js Excel API the port uses. The port is written against these
 * interfaces, the test fake implements them, and `ExcelSatisfiesSurface` below makes the compiler
 * prove that the real `Excel.RequestContext` (from @types/office-js) has every member with a
 * compatible signature, so a misspelt or invented API name fails `tsc`, not a user's workbook.
 *
 * Only types live here: the port must never touch the `Excel` global at run time except through
 * the injected `run` (Excel is undefined outside Office, e.g. in tests and the browser preview).
 */

export type CellWrite = boolean | string | number;

export interface XClientObject {
  /** Readable only after a load and a sync, as in Office.js. */
  readonly isNullObject: boolean;
}

export interface XRangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface XRangeFill {
  color: string;
}

export interface XRangeFormat {
  /** Points. Setting it on any cell sets the whole worksheet column. */
  columnWidth: number;
  wrapText: boolean;
  readonly font: XRangeFont;
  readonly fill: XRangeFill;
}

export interface XDataValidation {
  rule: Excel.DataValidationRule;
}

export interface XConditionalRangeFont {
  color: string;
  bold: boolean;
}

export interface XConditionalRangeFormat {
  readonly fill: XRangeFill;
  readonly font: XConditionalRangeFont;
}

export interface XConditionalFormatRule {
  formula: string;
}

export interface XCustomConditionalFormat {
  readonly rule: XConditionalFormatRule;
  readonly format: XConditionalRangeFormat;
}

export interface XConditionalFormat {
  readonly custom: XCustomConditionalFormat;
}

export interface XConditionalFormatCollection {
  add(type: 'Custom'): XConditionalFormat;
  clearAll(): void;
}

export interface XRange extends XClientObject {
  /** Sheet-qualified, e.g. `Reviews!A1:I20`. */
  readonly address: string;
  /** Zero-based. */
  readonly rowIndex: number;
  /** Zero-based. */
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly text: string[][];
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormatCollection;
  getCell(row: number, column: number): XRange;
  getRow(row: number): XRange;
  getColumn(column: number): XRange;
  getLastRow(): XRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XRange;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  select(): void;
  load(propertyNames?: string | string[]): XRange;
}

export interface XTableColumn extends XClientObject {
  readonly name: string;
  getDataBodyRange(): XRange;
  /** Header, body and totals of the column. */
  getRange(): XRange;
  load(propertyNames?: string | string[]): XTableColumn;
}

export interface XTableColumnCollection {
  add(index?: number, values?: CellWrite[][] | CellWrite, name?: string): XTableColumn;
  getItemOrNullObject(key: number | string): XTableColumn;
}

export interface XTableRow {
  /** Zero-based index of the row within the data body. */
  readonly index: number;
  getRange(): XRange;
  load(propertyNames?: string | string[]): XTableRow;
}

export interface XTableRowCollection {
  add(index?: number, values?: CellWrite[][] | CellWrite, alwaysInsert?: boolean): XTableRow;
}

export interface XTable extends XClientObject {
  name: string;
  readonly columns: XTableColumnCollection;
  readonly rows: XTableRowCollection;
  readonly worksheet: XWorksheet;
  getHeaderRowRange(): XRange;
  getDataBodyRange(): XRange;
  getRange(): XRange;
  load(propertyNames?: string | string[]): XTable;
}

export interface XTableCollection extends XClientObject {
  readonly items: XTable[];
  add(address: XRange | string, hasHeaders: boolean): XTable;
  getItemOrNullObject(key: string): XTable;
  load(propertyNames?: string | string[]): XTableCollection;
}

export interface XChartTitle {
  text: string;
}

export interface XChartSeries {
  /** Categories (x axis) of the series; ExcelApi 1.7. */
  setXAxisValues(sourceData: XRange): void;
}

export interface XChartSeriesCollection {
  getItemAt(index: number): XChartSeries;
}

export interface XChart extends XClientObject {
  name: string;
  readonly title: XChartTitle;
  readonly series: XChartSeriesCollection;
  setPosition(startCell: XRange | string, endCell?: XRange | string): void;
  delete(): void;
  load(propertyNames?: string | string[]): XChart;
}

export interface XChartCollection {
  add(type: 'BarClustered' | 'Line', sourceData: XRange, seriesBy?: 'Columns'): XChart;
  getItemOrNullObject(name: string): XChart;
}

export interface XFreezePanes {
  freezeRows(count?: number): void;
}

export interface XWorksheet extends XClientObject {
  name: string;
  readonly tables: XTableCollection;
  readonly charts: XChartCollection;
  readonly freezePanes: XFreezePanes;
  getRange(address?: string): XRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  activate(): void;
  load(propertyNames?: string | string[]): XWorksheet;
}

export interface XWorksheetCollection {
  add(name?: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
}

export interface XApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  readonly tables: XTableCollection;
  readonly application: XApplication;
}

export interface XRequestContext {
  readonly workbook: XWorkbook;
  sync(): Promise<unknown>;
}

/** How the port reaches Excel: `Excel.run` in Office, the fake's `run` in tests. */
export type ExcelRun = <T>(batch: (context: XRequestContext) => Promise<T>) => Promise<T>;

// Compile-time proofs (no run-time code): the real API satisfies the surface, and `Excel.run`
// can be passed where an ExcelRun is expected.
type Satisfies<T extends U, U> = T;
export type ExcelSatisfiesSurface = Satisfies<Excel.RequestContext, XRequestContext>;
export type ExcelRunSatisfiesRun = Satisfies<typeof Excel.run, ExcelRun>;
