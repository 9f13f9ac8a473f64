import { renderText } from '../../src/report/text';
import { fixtureResult } from './fixture-result';

describe('renderText', () => {
  it('shows readiness to one decimal, rating, pillars, criteria, gaps worst first, questions and issues', () => {
    const text = renderText(fixtureResult());
    expect(text).toMatch(/^ISO\/IEC 20000-1 Clause 5.1 readiness: Example Ltd$/m);
    expect(text).toMatch(/^SMS scope: Service desk$/m);
    expect(text).toMatch(/^Readiness: 72\.5 \/ 100 {2}Amber$/m);
    expect(text).toMatch(/^ {2}Follow-through +n\/a {2}\(weight 15\)$/m);
    expect(text).toMatch(/^ {2}Resources +66\.7 {2}\(weight 15\)$/m);
    expect(text).toMatch(/^ {2}GOV-4 {2}partial {2}Reviews produce decisions: 1 of 2 reviews/m);
    const gaps = text.slice(text.indexOf('Top 2 gaps'));
    expect(gaps.indexOf('ESC-1')).toBeLessThan(gaps.indexOf('GOV-4'));
    expect(gaps).toMatch(/Next step: Define escalation triggers\./);
    expect(gaps).not.toMatch(/ACC-1 Named/);
    expect(text).toMatch(/^ {2}\[met\] Who in top management/m);
    expect(text).toMatch(/^Data-quality issues \(1\)\n {2}Reviews!D7 \(REV-2\): 'Q3 2025' is not a date$/m);
  });

  it('handles a register with no applicable criterion, no gaps and no issues', () => {
    const text = renderText(fixtureResult({ readiness: null, rating: null, criteria: [], issues: [], organisation: '', smsScope: '' }));
    expect(text).toMatch(/^Readiness: n\/a \/ 100 {2}not rated$/m);
    expect(text).toMatch(/Top gaps: none/);
    expect(text).toMatch(/Data quality: no issues found/);
    expect(text).not.toMatch(/SMS scope/);
  });

  it('flattens control characters from cell text (no terminal escapes)', () => {
    const text = renderText(
      fixtureResult({ organisation: 'Evil\u001b[31m Corp\r\nLine', issues: [{ table: 'Reviews', row: 2, column: 'Forum', message: 'bad\u0007value\u009b' }] }),
    );
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toMatch(/Evil \[31m Corp Line/);
  });

  it('lists at most 100 issues and says how many more there are', () => {
    const issues = Array.from({ length: 130 }, (_, i) => ({ table: 'Decisions' as const, row: i + 2, column: 'Owner', message: `m${i}` }));
    const text = renderText(fixtureResult({ issues }));
    expect(text).toMatch(/Data-quality issues \(130\)/);
    expect(text).toMatch(/m99\n {2}… and 30 more/);
    expect(text).not.toMatch(/m100/);
  });
});
