/** Exit codes of `clause51` (documented in docs/cli.md). A score, however low, is success. */
export const EXIT = {
  ok: 0,
  /** Something unexpected broke (a bug): one line on stderr. */
  failure: 1,
  /** The file cannot be used: unreadable, not an .xlsx, too large, or no register tables in it. */
  fileProblem: 2,
  /** Bad usage: unknown command or flag, missing argument, malformed date (sysexits EX_USAGE). */
  usage: 64,
} as const;
