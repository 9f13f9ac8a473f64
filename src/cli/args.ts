/**
 * A small, strict argument parser: `--name value`, `--name=value`, boolean `--flag`, and `--`
 * to end options. Anything unknown is a UsageError, so a typo never silently changes a result.
 */
import { UsageError } from './usage-error';

export interface OptionSpec {
  /** Long name without dashes, e.g. `as-of`. */
  readonly name: string;
  /** Placeholder shown in help when the option takes a value, e.g. `YYYY-MM-DD`; absent for a flag. */
  readonly value?: string;
  readonly description: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  /** Options given: the value, or `true` for flags. Later occurrences win. */
  readonly options: ReadonlyMap<string, string | true>;
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`, command);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown option '--${name}'`, command);
    if (spec.value === undefined) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`, command);
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value (${spec.value})`, command);
    options.set(name, value);
  }
  return { positionals, options };
}

/** The option's string value, or undefined when it was not given. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
