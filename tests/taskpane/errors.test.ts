import { FileProblem } from '../../src/workbook/file-problem';
import { describeError } from '../../src/taskpane/errors';

describe('describeError', () => {
  test('known Office codes get a headline and a next step, with the message as detail', () => {
    const e = Object.assign(new Error('Cannot do that in cell-edit mode.'), { code: 'InvalidOperationInCellEditMode' });
    expect(describeError(e)).toEqual({
      title: 'Excel is busy editing a cell',
      next: 'Press Enter or Esc in the sheet to finish editing, then try again.',
      detail: 'Cannot do that in cell-edit mode.',
    });
  });

  test('a FileProblem speaks for itself', () => {
    expect(describeError(new FileProblem('a.xlsx', 'a.xlsx is not an Excel workbook.'))).toEqual({
      title: 'a.xlsx is not an Excel workbook.',
      next: 'Check the file, then try again.',
    });
  });

  test('anything else: the fallback headline, a next step, and only the first line, shortened', () => {
    const long = `${'x'.repeat(500)}\n    at secret (file.js:1:1)`;
    const m = describeError(new Error(long), { title: 'The auditor pack could not be built' });
    expect(m.title).toBe('The auditor pack could not be built');
    expect(m.next).toMatch(/Try again/);
    expect(m.detail!.length).toBeLessThanOrEqual(240);
    expect(m.detail).not.toMatch(/file\.js/);
  });

  test('non-errors never crash it', () => {
    expect(describeError(undefined).title).toBe('Something went wrong');
    expect(describeError('boom').detail).toBe('boom');
    expect(describeError({ code: 42 }).next).toMatch(/Try again/);
  });
});
