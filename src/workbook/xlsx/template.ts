/**
 * An empty register: the six evidence tables and Settings with their defaults, built by the same
 * set-up that upgrades existing workbooks (so a template and an upgraded file cannot drift).
 */
import { Workbook } from 'exceljs';
import { XlsxPort } from './xlsx-port';

/** Fixed workbook properties: the same template bytes in every run (no clock in the file). */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

export async function createTemplatePort(): Promise<XlsxPort> {
  const workbook = new Workbook();
  workbook.creator = 'clause51';
  workbook.lastModifiedBy = 'clause51';
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;
  const port = new XlsxPort(workbook);
  await port.setUp();
  return port;
}

export async function createTemplateBytes(): Promise<Uint8Array> {
  return (await createTemplatePort()).toBytes();
}
