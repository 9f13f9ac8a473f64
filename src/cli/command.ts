/**
 * One command of `clause51`. Each lives in its own file under commands/ and is listed once in
 * commands/index.ts; main.ts does the rest (help, argument parsing, errors, exit codes).
 */
import type { EpochDay } from '../domain/types';
import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

export interface CommandContext {
  readonly io: CliIo;
  /** Today's date (UTC) for scoring when neither --as-of nor Settings give one. */
  readonly today: EpochDay;
  /** The current time, for anything stamped (snapshots). */
  readonly now: Date;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Arguments after the command name, e.g. `[FILE.xlsx] [--as-of YYYY-MM-DD]`. */
  readonly usage: string;
  /** A few lines of explanation shown by `clause51 COMMAND --help`. */
  readonly details?: string;
  readonly options: readonly OptionSpec[];
  /** Returns the exit code. Throws UsageError or FileProblem for the expected failures. */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}
