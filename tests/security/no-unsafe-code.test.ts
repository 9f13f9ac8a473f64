/**
 * Backs the lint rules with a plain scan of src/: no workbook text can become markup or code, so
 * none of these may appear outside comments (ESLint bans them too; this also covers files the
 * linter is told to skip and constructs it does not see, such as string-argument timers).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

const BANNED: { what: string; pattern: RegExp }[] = [
  { what: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { what: 'innerHTML/outerHTML assignment', pattern: /\.(?:inner|outer)HTML\s*\+?=/ },
  { what: 'insertAdjacentHTML', pattern: /\.insertAdjacentHTML\s*\(/ },
  { what: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(/ },
  { what: 'eval(', pattern: /(?<![.\w$])eval\s*\(/ },
  { what: 'new Function(', pattern: /\bnew\s+Function\s*\(/ },
  { what: 'Function( called as a constructor', pattern: /(?<![.\w$])Function\s*\(/ },
  { what: 'timer with a string of code', pattern: /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/ },
  { what: 'createContextualFragment', pattern: /createContextualFragment\s*\(/ },
  { what: "require('vm')", pattern: /(?:require\s*\(|from\s+)\s*['"](?:node:)?vm['"]/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs|html)$/.test(e.name) ? [full] : [];
  });
}

/** Blanks out comments (keeping line numbers) so prose such as "never eval(" does not count. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function findUnsafe(text: string): string[] {
  const found: string[] = [];
  withoutComments(text)
    .split('\n')
    .forEach((line, i) => {
      for (const b of BANNED) if (b.pattern.test(line)) found.push(`${i + 1}: ${b.what}: ${line.trim()}`);
    });
  return found;
}

describe('no code from text in src/', () => {
  it('finds none of the banned constructs in any source file', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((f) => findUnsafe(readFileSync(f, 'utf8')).map((o) => `${path.relative(SRC, f)}:${o}`));
    expect(offences).toEqual([]);
  });

  it('would catch each construct (the scan itself is tested)', () => {
    const samples = [
      'el.innerHTML = text;',
      'el.outerHTML += text;',
      'node.insertAdjacentHTML("beforeend", t)',
      '<div dangerouslySetInnerHTML={{ __html: t }} />',
      'const v = eval(cell);',
      'const f = new Function("return " + cell);',
      'const g = Function("x", body);',
      'setTimeout("run()", 10);',
      'document.write(x)',
      "import * as vm from 'vm';",
    ];
    for (const s of samples) expect([s, findUnsafe(s).length > 0]).toEqual([s, true]);
    // Prose in comments and look-alike names are not offences.
    expect(findUnsafe('// never eval( a cell\n/* no new Function( */\nconst evaluate = (x) => x; retrieval(x); myFunction(x);')).toEqual([]);
  });
});
