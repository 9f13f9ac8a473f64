/** The engine's public surface: faces and adapters import from here or from the module itself. */
export * from './schema';
export * from './types';
export * from './dates';
export { parseCell } from './cells';
export { parseRegister, parseRegisterSteps } from './register';
export { formatIssue, issueLocation, sortIssues } from './issues';
export { validateEntry, isFormulaLike, REQUIRED_FIELDS } from './entry';
export { assess, assessSteps } from './assess';
export { runSteps, type StepProgress, type Steps } from './steps';
export { gaps } from './gaps';
export { CRITERIA } from './criteria';
export { QUESTIONS } from './questions';
