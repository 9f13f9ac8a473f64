import { CSV_HEADERS, csvField, renderCsv } from '../../src/report/csv';
import { sample } from '../support/auditor-pack-fixture';
import { cli } from '../cli/run-cli';

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let field = '';
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (text[i] === '"') {
        i++;
        break;
      } else {
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('csvField', () => {
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['a "quoted", text', '"a ""quoted"", text"'],
    ['x=1', '"x=1"'],
    ['', '""'],
  ])('%j → %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes numbers as they are and blanks as empty', () => {
    expect(csvField(0.5)).toBe('"0.5"');
    expect(csvField(null)).toBe('""');
  });
});

describe('renderCsv', () => {
  it('has a header and one record per criterion, fields round-tripping through a strict reader', () => {
    const { result } = sample();
    const rows = parseCsv(renderCsv(result));
    expect(rows[0]).toEqual([...CSV_HEADERS]);
    expect(rows).toHaveLength(23);
    result.criteria.forEach((c, i) => {
      expect(rows[i + 1]).toEqual([c.id, c.pillar, c.title, c.status, c.score === null ? '' : String(c.score), c.reason, c.evidence.join('; '), c.remedy]);
    });
  });

  it('neutralises formula-looking text that reaches a field, whatever its source', () => {
    const { result } = sample();
    const hostile = { ...result, criteria: [{ ...result.criteria[0], reason: '=HYPERLINK("http://x.example","y")', title: '-2+3' }] };
    const rows = parseCsv(renderCsv(hostile));
    expect(rows[1][2]).toBe("'-2+3");
    expect(rows[1][5]).toBe(`'=HYPERLINK("http://x.example","y")`);
    for (const field of rows.flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});

it('is offered by `clause51 score --format csv`', async () => {
  const run = await cli(['score', '--format', 'csv', '--as-of', '2026-06-30']);
  expect(run.code).toBe(0);
  const rows = parseCsv(run.stdout);
  expect(rows[0]).toEqual([...CSV_HEADERS]);
  expect(rows).toHaveLength(23);
});
