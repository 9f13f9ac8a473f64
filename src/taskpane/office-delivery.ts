/**
 * Opens a built workbook in Excel (Excel.createWorkbook, ExcelApi 1.8). Where that API is missing
 * the pack is downloaded instead. The only Office call in the pane outside the port and index.tsx.
 */
import { downloadDelivery, toBase64, type PackDelivery } from './delivery';

export const excelDelivery: PackDelivery = {
  async deliver(bytes, fileName) {
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) return downloadDelivery.deliver(bytes, fileName);
    await Excel.createWorkbook(toBase64(bytes));
    return 'opened';
  },
};
