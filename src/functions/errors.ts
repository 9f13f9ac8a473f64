/**
 * Errors the custom functions return to a cell. In Excel they must be CustomFunctions.Error
 * (#VALUE! / #N/A with a message in the cell's error flag); outside Excel (jest, preview)
 * `CustomFunctions` does not exist, so the same message travels in a plain Error subclass that
 * tests can assert on.
 */

/** The two codes these functions use; both carry a custom message in Excel. */
export type FunctionErrorCode = 'invalidValue' | 'notAvailable';

/** Excel's display value for each code (also what CustomFunctions.ErrorCode holds). */
export const ERROR_DISPLAY: Readonly<Record<FunctionErrorCode, string>> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
};

/** Stand-in for CustomFunctions.Error where the Office runtime is absent. */
export class FunctionError extends Error {
  override readonly name = 'FunctionError';
  /** Excel's display value, e.g. `#VALUE!`, as CustomFunctions.Error's `code` holds it. */
  readonly code: string;
  constructor(code: FunctionErrorCode, message: string) {
    super(message);
    this.code = ERROR_DISPLAY[code];
  }
}

/** The part of the Office custom functions runtime used here (no @types package for it). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<FunctionErrorCode, string>;
}

function runtime(): CustomFunctionsRuntime | undefined {
  const cf = (globalThis as { CustomFunctions?: Partial<CustomFunctionsRuntime> }).CustomFunctions;
  return cf && typeof cf.Error === 'function' && cf.ErrorCode ? (cf as CustomFunctionsRuntime) : undefined;
}

/** An error for a cell: CustomFunctions.Error inside Excel, FunctionError elsewhere. Throw it. */
export function functionError(code: FunctionErrorCode, message: string): Error {
  const cf = runtime();
  return cf ? new cf.Error(cf.ErrorCode[code], message) : new FunctionError(code, message);
}

/** #VALUE! with a message: the arguments cannot give a right answer. */
export function invalidValue(message: string): Error {
  return functionError('invalidValue', message);
}

/** #N/A with a message: the answer does not exist (e.g. a pillar with no applicable criterion). */
export function notAvailable(message: string): Error {
  return functionError('notAvailable', message);
}
