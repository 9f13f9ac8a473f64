/** `clause51 template OUT.xlsx [--force]`: write an empty register, ready to fill in. */
import { ALL_TABLE_NAMES } from '../../domain/schema';
import { createTemplateBytes } from '../../workbook/xlsx/template';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { UsageError } from '../usage-error';
import { writeNewFile } from '../write-file';

export const templateCommand: Command = {
  name: 'template',
  summary: 'write an empty register workbook (every table, dropdowns, Settings defaults)',
  usage: 'OUT.xlsx [--force]',
  details: 'Refuses to replace an existing file unless --force is given.',
  options: [{ name: 'force', description: 'overwrite OUT.xlsx if it exists' }],
  async run(args, context) {
    if (args.positionals.length !== 1) throw new UsageError('expected one OUT.xlsx', 'template');
    const out = args.positionals[0];
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`OUT must end in .xlsx (got '${out}')`, 'template');
    const bytes = await createTemplateBytes();
    await writeNewFile(out, bytes, args.options.has('force'));
    context.io.stdout.write(`Wrote an empty register to ${out} (sheets: ${ALL_TABLE_NAMES.join(', ')}).\n`);
    return EXIT.ok;
  },
};
