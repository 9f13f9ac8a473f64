/**
 * A workbook file that cannot be used, with a message a person can act on.
 * Faces show `message` as is (the CLI prints `clause51: FILE: message` and exits 2).
 */
export class FileProblem extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}
