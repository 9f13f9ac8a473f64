/** The result object of spec §5, exactly, as JSON (the machine-readable face of `clause51 score`). */
import type { Result } from '../domain/types';

export function renderJson(result: Result): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
