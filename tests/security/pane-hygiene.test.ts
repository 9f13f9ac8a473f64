/**
 * Task pane hygiene (issue 7 §4): the page's Content-Security-Policy as it is built for production
 * and development, and no add-in state kept in document settings or browser storage (where secrets
 * or personal data could leak with a shared workbook). Manifest permissions and AppDomains are
 * checked by tests/manifest.test.ts.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const TEMPLATE = readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
const WEBPACK = readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
const OFFICE_ORIGIN = /OFFICE_JS_CDN_ORIGIN\s*=\s*'([^']+)'/.exec(WEBPACK)?.[1] ?? '';

/** The CSP meta's content with the template's `<%= name ? ' ' + name : '' %>` parts filled in (no EJS run). */
function cspFor(params: Record<string, string>): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(TEMPLATE);
  if (!meta) throw new Error('taskpane.html has no Content-Security-Policy meta');
  const filled = meta[1].replace(/<%=\s*(\w+)\s*\?\s*' '\s*\+\s*\1\s*:\s*''\s*%>/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`unknown template parameter ${name}`);
    return params[name] ? ` ${params[name]}` : '';
  });
  if (filled.includes('<%')) throw new Error(`CSP has template code this test cannot fill: ${filled}`);
  const directives = new Map<string, string[]>();
  for (const part of filled.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const BUILDS = {
  production: { officeJsOrigin: OFFICE_ORIGIN, connectExtra: OFFICE_ORIGIN },
  development: { officeJsOrigin: '', connectExtra: 'ws://localhost:3000 wss://localhost:3000' },
};

describe.each(Object.entries(BUILDS))('task pane CSP (%s build)', (_build, params) => {
  const csp = cspFor(params);

  it("locks everything to the add-in's own origin by default and forbids plugins", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
  });

  it("runs scripts only from itself and Office's office.js origin: no eval, no inline, no wildcards", () => {
    const scripts = csp.get('script-src') ?? [];
    expect(scripts[0]).toBe("'self'");
    for (const source of scripts) expect(["'self'", OFFICE_ORIGIN]).toContain(source);
  });

  it('never allows eval, wildcards or data: scripts anywhere', () => {
    for (const [name, sources] of csp) {
      expect([name, sources.filter((s) => /unsafe-eval|wasm-unsafe-eval|^\*$|^https?:$/.test(s))]).toEqual([name, []]);
    }
    expect(csp.get('script-src')).not.toContain('data:');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

it('reads the office.js origin from the build configuration', () => {
  expect(OFFICE_ORIGIN).toMatch(/^https:\/\/[a-z.]+$/);
});

describe('no add-in state outside the workbook', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? files(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
    });

  it('never stores anything in document settings, roaming settings, browser storage or cookies', () => {
    const banned = /\bdocument\s*\.\s*settings\b|\broamingSettings\b|\blocalStorage\b|\bsessionStorage\b|\bindexedDB\b|document\s*\.\s*cookie/;
    const offences = files(path.join(ROOT, 'src')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && banned.test(line))
        .map(({ line, i }) => `${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
  });
});
