/**
 * Output formats of `clause51 score`: each a pure renderer of the Result (src/report). Adding a
 * format is one entry here; help and validation follow from the list.
 */
import type { Result } from '../domain/types';
import { renderCsv } from '../report/csv';
import { renderJson } from '../report/json';
import { renderMarkdown } from '../report/markdown';
import { renderText } from '../report/text';

export const FORMATS: Readonly<Record<string, (result: Result) => string>> = {
  text: renderText,
  json: renderJson,
  markdown: renderMarkdown,
  csv: renderCsv,
};

export function formatNames(): string[] {
  return Object.keys(FORMATS);
}
