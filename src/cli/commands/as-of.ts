/** The `--as-of YYYY-MM-DD` option shared by pack and snapshot (score declares its own). */
import { fromIsoText } from '../../domain/dates';
import type { EpochDay } from '../../domain/types';
import { optionValue, type OptionSpec, type ParsedArgs } from '../args';
import { UsageError } from '../usage-error';

export const AS_OF_OPTION: OptionSpec = { name: 'as-of', value: 'YYYY-MM-DD', description: 'assess as of this date (overrides Settings)' };

export function asOfOption(args: ParsedArgs, command: string): EpochDay | undefined {
  const text = optionValue(args, 'as-of');
  if (text === undefined) return undefined;
  const day = fromIsoText(text);
  if (day === null) throw new UsageError(`--as-of '${text}' is not a date in the form YYYY-MM-DD`, command);
  return day;
}
