/** `clause51 score [FILE.xlsx] [--as-of YYYY-MM-DD] [--format …]`: score a register and print the result. */
import { assess } from '../../domain/assess';
import { fromIsoText } from '../../domain/dates';
import { optionValue } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { FORMATS, formatNames } from '../formats';
import { loadRegisterFile } from '../load';
import { exampleRegisterPath } from '../package-root';
import { UsageError } from '../usage-error';

export const scoreCommand: Command = {
  name: 'score',
  summary: 'score a register workbook against Clause 5.1 and print the result',
  get usage() {
    return `[FILE.xlsx] [--as-of YYYY-MM-DD] [--format ${formatNames().join('|')}]`;
  },
  details: [
    'Without FILE it scores the bundled example register.',
    "The as-of date comes from --as-of, else Settings' Assessment date, else today (UTC).",
    'Exit code 0 whatever the score; 2 when the file cannot be used; 64 on bad usage.',
  ].join('\n'),
  get options() {
    return [
      { name: 'as-of', value: 'YYYY-MM-DD', description: 'score as of this date (overrides Settings)' },
      { name: 'format', value: formatNames().join('|'), description: 'output format (default text)' },
    ];
  },
  async run(args, context) {
    if (args.positionals.length > 1) throw new UsageError(`expected at most one FILE, got ${args.positionals.length}`, 'score');
    const asOfText = optionValue(args, 'as-of');
    let asOf: number | undefined;
    if (asOfText !== undefined) {
      const day = fromIsoText(asOfText);
      if (day === null) throw new UsageError(`--as-of '${asOfText}' is not a date in the form YYYY-MM-DD`, 'score');
      asOf = day;
    }
    const format = optionValue(args, 'format') ?? 'text';
    const render = Object.prototype.hasOwnProperty.call(FORMATS, format) ? FORMATS[format] : undefined;
    if (!render) throw new UsageError(`--format '${format}' is not one of ${formatNames().join(', ')}`, 'score');

    const file = args.positionals[0];
    if (file === undefined) {
      context.io.stderr.write('clause51: no FILE given; scoring the bundled example register\n');
    }
    const { register } = await loadRegisterFile(file ?? exampleRegisterPath(), 'read');
    const result = assess(register, asOf === undefined ? { today: context.today } : { asOf, today: context.today });
    context.io.stdout.write(render(result));
    return EXIT.ok;
  },
};
