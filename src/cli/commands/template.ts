/** `clause51 template OUT.xlsx [--force]`: write an empty register, ready to fill in. */
import { promises as fs } from 'fs';
import { ALL_TABLE_NAMES } from '../../domain/schema';
import { FileProblem } from '../../workbook/file-problem';
import { createTemplateBytes } from '../../workbook/xlsx/template';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { UsageError } from '../usage-error';

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
    try {
      // 'wx' fails if the file exists, so a file appearing meanwhile is not clobbered either.
      await fs.writeFile(out, bytes, { flag: args.options.has('force') ? 'w' : 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileProblem(out, 'already exists; choose another name or pass --force to overwrite it');
      if (code === 'ENOENT') throw new FileProblem(out, 'its folder does not exist');
      if (code === 'EACCES' || code === 'EPERM') throw new FileProblem(out, 'cannot be written here (permission denied)');
      if (code === 'EISDIR') throw new FileProblem(out, 'is a folder');
      throw new FileProblem(out, `cannot be written (${code ?? (err as Error).message})`);
    }
    context.io.stdout.write(`Wrote an empty register to ${out} (sheets: ${ALL_TABLE_NAMES.join(', ')}).\n`);
    return EXIT.ok;
  },
};
