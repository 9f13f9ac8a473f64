/** Misuse of the command line (exit 64): the message says what was wrong, the usage line follows. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to show, when known. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
