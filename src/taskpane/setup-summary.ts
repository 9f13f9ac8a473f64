/** What a set-up or upgrade changed, as sentences for the Register panel. */
import type { SetUpReport } from '../workbook/port';
import { S } from './strings';

export interface SetUpSummary {
  /** True when the run added nothing (and hit no problem). */
  nothingChanged: boolean;
  lines: string[];
  problems: string[];
}

export function summarizeSetUp(report: SetUpReport): SetUpSummary {
  const lines: string[] = [];
  if (report.createdSheets.length) lines.push(S.register.createdSheets(report.createdSheets));
  // Tables created on sheets that were just created are implied by "Created N sheets".
  const tablesOnOldSheets = report.createdTables.filter(
    (t) => !report.createdSheets.includes(t) && !report.convertedRanges.includes(t),
  );
  if (tablesOnOldSheets.length) lines.push(S.register.createdTables(tablesOnOldSheets));
  if (report.convertedRanges.length) lines.push(S.register.convertedRanges(report.convertedRanges));
  for (const { table, columns } of report.addedColumns) {
    if (columns.length) lines.push(S.register.addedColumns(table, columns));
  }
  if (report.addedSettings.length) lines.push(S.register.addedSettings(report.addedSettings));
  const problems = [...report.problems];
  if (!lines.length && !problems.length) lines.push(S.register.nothingToChange);
  return { nothingChanged: lines.length === 1 && lines[0] === S.register.nothingToChange, lines, problems };
}
