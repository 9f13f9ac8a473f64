/**
 * `clause51` entry point: pick the command, parse its arguments, run it, and turn every failure
 * into one line on stderr and an exit code (docs/cli.md). Never a stack trace.
 */
import { todayUtc } from '../domain/dates';
import { FileProblem } from '../workbook/file-problem';
import { oneLine } from '../report/plain';
import { parseArgs } from './args';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';
import { packageVersion } from './package-root';
import { UsageError } from './usage-error';

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'clause51: keep and score an ISO/IEC 20000-1 Clause 5.1 governance register (.xlsx)',
    '',
    'Usage: clause51 COMMAND [ARGS]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'clause51 COMMAND --help' for a command's options.",
    'Exit codes: 0 done (whatever the score), 2 file cannot be used, 64 bad usage, 1 unexpected error.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: clause51 ${command.name} ${command.usage}`, '', command.summary];
  if (command.details) lines.push('', command.details);
  const options = [...command.options, { name: 'help', description: 'show this help' }];
  const label = (o: { name: string; value?: string }): string => `--${o.name}${o.value ? ` ${o.value}` : ''}`;
  const width = Math.max(...options.map((o) => label(o).length));
  lines.push('', 'Options:', ...options.map((o) => `  ${label(o).padEnd(width)}  ${o.description}`), '');
  return lines.join('\n');
}

function usageHint(command: Command | undefined): string {
  const usage = command ? `clause51 ${command.name} ${command.usage}` : 'clause51 COMMAND [ARGS]';
  const help = command ? `clause51 ${command.name} --help` : 'clause51 --help';
  return `Usage: ${usage}\nRun '${help}' for more.\n`;
}

function defaultIo(): CliIo {
  // A closed pipe (e.g. `clause51 score | head -1`) must not end in a stack trace.
  const quiet = (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE') process.exitCode = EXIT.failure;
  };
  process.stdout.on('error', quiet);
  process.stderr.on('error', quiet);
  return { stdout: process.stdout, stderr: process.stderr };
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const options = end >= 0 ? argv.slice(0, end) : argv;
  return options.includes('--help') || options.includes('-h');
}

/** Run `clause51` with these arguments (without the program name); resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let command: Command | undefined;
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
      if (name === undefined) {
        io.stderr.write(generalHelp());
        return EXIT.usage;
      }
      io.stdout.write(topic ? commandHelp(topic) : generalHelp());
      return EXIT.ok;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    command = findCommand(name);
    if (!command) {
      throw new UsageError(name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`);
    }
    if (wantsHelp(rest)) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const now = io.now ? io.now() : new Date();
    const args = parseArgs(rest, command.options, command.name);
    return await command.run(args, { io, today: todayUtc(now), now });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`clause51: ${oneLine(err.message)}\n${usageHint(command)}`);
      return EXIT.usage;
    }
    if (err instanceof FileProblem) {
      io.stderr.write(`clause51: ${oneLine(err.file)}: ${oneLine(err.message)}\n`);
      return EXIT.fileProblem;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`clause51: unexpected error: ${oneLine(message)}\n`);
    return EXIT.failure;
  }
}
