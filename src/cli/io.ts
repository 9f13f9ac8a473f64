/** Where the command line writes, and its clock: injectable so tests run commands in-process. */
export interface OutputStream {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The current time (defaults to the system clock); used only for "today". */
  now?: () => Date;
}
