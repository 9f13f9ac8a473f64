import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown';
import { fixtureResult } from './fixture-result';

describe('renderMarkdown', () => {
  it('renders headings, a pillar table, gaps, criteria and issues', () => {
    const md = renderMarkdown(fixtureResult());
    expect(md).toMatch(/^# Clause 5.1 readiness: Example Ltd$/m);
    expect(md).toMatch(/^\*\*Readiness:\*\* 72\.5 \/ 100, \*\*Amber\*\*/m);
    expect(md).toMatch(/^\| Follow-through \| n\/a \| 15 \|$/m);
    expect(md).toMatch(/^1\. \*\*ESC-1 Escalation path defined\*\* \(not met\)/m);
    expect(md).toMatch(/^\| GOV-4 \| Governance \| Reviews produce decisions \| partial \| .* \| REV-1, REV-2 \|$/m);
    expect(md).toMatch(/^- Reviews!D7 \(REV-2\): 'Q3 2025' is not a date$/m);
  });

  it('escapes cell text so it cannot break a table or become HTML or a link', () => {
    const md = renderMarkdown(
      fixtureResult({
        organisation: '<img src=x onerror=alert(1)>',
        issues: [{ table: 'Reviews', row: 2, column: 'Forum', message: 'a | b [click](javascript:x) *bold*\nnext' }],
      }),
    );
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toMatch(/\\<img src=x onerror=alert\(1\)\\>/);
    expect(md).toMatch(/^- Reviews row 2, Forum: a \\\| b \\\[click\\\]\(javascript:x\) \\\*bold\\\* next$/m);
  });

  it('escapeMarkdown leaves plain words alone', () => {
    expect(escapeMarkdown('REV-3 held on 2026-06-30.')).toBe('REV-3 held on 2026-06-30.');
  });
});
