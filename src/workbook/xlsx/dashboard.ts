/** Dashboard sheet for .xlsx files. TEMPORARY until src/workbook/dashboard/layout.ts lands. */
import type { Workbook } from 'exceljs';

export async function writeDashboardSheet(_workbook: Workbook): Promise<{ sheet: string; created: boolean }> {
  throw new Error('TODO(C): dashboard layout not yet available');
}
