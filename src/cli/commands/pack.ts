/** `clause51 pack FILE.xlsx OUT.xlsx [--as-of YYYY-MM-DD] [--force]`: write the auditor pack. */
import * as path from 'path';
import { assess } from '../../domain/assess';
import { fingerprintRegister } from '../../workbook/fingerprint';
import { readHistoryTable, writeAuditorPack } from '../../workbook/xlsx/pack-writer';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { loadRegisterFile } from '../load';
import { UsageError } from '../usage-error';
import { writeNewFile } from '../write-file';
import { asOfOption, AS_OF_OPTION } from './as-of';

export const packCommand: Command = {
  name: 'pack',
  summary: 'write the auditor pack: one protected, values-only .xlsx that opens without the add-in',
  usage: 'FILE.xlsx OUT.xlsx [--as-of YYYY-MM-DD] [--force]',
  details: [
    'Sheets: Cover, Auditor questions, Criteria, Evidence index (with SHA-256 fingerprints of each',
    'register table), Data quality, copies of the register tables and Settings, and the readiness',
    'history when the register has one. See docs/auditor-pack.md.',
    'Refuses to replace an existing OUT unless --force is given, and never writes over FILE.',
  ].join('\n'),
  options: [AS_OF_OPTION, { name: 'force', description: 'overwrite OUT.xlsx if it exists' }],
  async run(args, context) {
    if (args.positionals.length !== 2) throw new UsageError('expected FILE.xlsx and OUT.xlsx', 'pack');
    const [file, out] = args.positionals;
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`OUT must end in .xlsx (got '${out}')`, 'pack');
    if (path.resolve(file) === path.resolve(out)) throw new UsageError('OUT must not be the register FILE itself', 'pack');
    const asOf = asOfOption(args, 'pack');

    const { port, raw, register } = await loadRegisterFile(file, 'read');
    const result = assess(register, asOf === undefined ? { today: context.today } : { asOf, today: context.today });
    const history = readHistoryTable(port.workbook);
    const fingerprint = await fingerprintRegister(raw);
    const bytes = await writeAuditorPack({ raw, register, result, generatedAt: context.now, history, fingerprint });
    await writeNewFile(out, bytes, args.options.has('force'));

    const readiness = result.readiness === null ? 'n/a' : `${(Math.round(result.readiness * 10) / 10).toFixed(1)} (${result.rating})`;
    context.io.stdout.write(
      `Wrote the auditor pack to ${out}: readiness ${readiness} as of ${result.asOf}` +
        `${result.issues.length ? `, ${result.issues.length} data-quality issue(s)` : ''}; ` +
        `register fingerprint ${fingerprint.register.slice(0, 16)}….\n`,
    );
    return EXIT.ok;
  },
};
