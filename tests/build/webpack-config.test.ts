/**
 * The build's promises, checked on the real webpack.config.js: entries and page order, no eval
 * anywhere near the CSP, the manifest rewritten by the shared function, and — by compiling the
 * functions entry with the production plugins — functions.json with the six functions, the
 * associate() calls, the page's CSP and office.js source, and the functions bundle budget.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import webpack, { type Configuration, type WebpackPluginInstance } from 'webpack';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: { mode: string }) => Promise<Configuration>;

type AnyPlugin = WebpackPluginInstance & Record<string, unknown>;
const named = (config: Configuration, name: string): AnyPlugin[] =>
  (config.plugins ?? []).filter((p): p is AnyPlugin => !!p && (p as object).constructor.name === name);

let prod: Configuration;
let dev: Configuration;
const savedOrigin = process.env.ADDIN_PRODUCTION_ORIGIN;

beforeAll(async () => {
  process.env.ADDIN_PRODUCTION_ORIGIN = 'https://addins.northwind.example/clause51';
  prod = await makeConfig({}, { mode: 'production' });
  dev = await makeConfig({}, { mode: 'development' });
});

afterAll(() => {
  if (savedOrigin === undefined) delete process.env.ADDIN_PRODUCTION_ORIGIN;
  else process.env.ADDIN_PRODUCTION_ORIGIN = savedOrigin;
});

test('two entries: functions and the pane', () => {
  expect(prod.entry).toEqual({ functions: './src/functions/functions.ts', taskpane: './src/taskpane/index.tsx' });
  expect(prod.output?.filename).toBe('[name].js'); // the manifest names functions.js
});

test('no eval-based source maps in either mode (the CSP has no unsafe-eval)', () => {
  for (const c of [prod, dev]) expect(String(c.devtool)).not.toMatch(/eval/);
});

test('ts-loader emits ES modules (tree-shaking) without type checking', () => {
  const rule = (prod.module?.rules ?? []).find((r) => r && typeof r === 'object' && String((r as { test?: RegExp }).test) === String(/\.tsx?$/)) as {
    use: { loader: string; options: { transpileOnly: boolean; compilerOptions: { module: string } } };
  };
  expect(rule.use.loader).toBe('ts-loader');
  expect(rule.use.options.transpileOnly).toBe(true);
  expect(rule.use.options.compilerOptions.module).toBe('esnext');
});

test('one page loads functions before the pane; office.js from the CDN in production, locally in development', () => {
  const [html] = named(prod, 'HtmlWebpackPlugin');
  const options = html.userOptions as { chunks: string[]; chunksSortMode: string; templateParameters: Record<string, string> };
  expect(options.chunks).toEqual(['functions', 'taskpane']);
  expect(options.chunksSortMode).toBe('manual');
  expect(options.templateParameters.officeJsUrl).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  const devOptions = named(dev, 'HtmlWebpackPlugin')[0].userOptions as { templateParameters: Record<string, string> };
  expect(devOptions.templateParameters.officeJsUrl).toBe('office-js/office.js');
  expect(devOptions.templateParameters.officeJsOrigin).toBe('');
});

test('the manifest copy is rewritten in production only, by the shared rewrite', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'));
  const transformOf = (c: Configuration) => {
    const [copy] = named(c, 'CopyPlugin');
    const patterns = copy.patterns as { from: string; transform?: (content: Buffer, from: string) => string | Buffer }[];
    return patterns.find((p) => p.from === 'manifest.xml')!.transform!;
  };
  const out = String(transformOf(prod)(manifest, 'manifest.xml'));
  expect(out).not.toMatch(/localhost/);
  expect(out).toContain('https://addins.northwind.example/clause51/taskpane.html');
  expect(String(transformOf(dev)(manifest, 'manifest.xml'))).toBe(manifest.toString());
});

test('production guards the bundles; both builds copy office.js for the preview', () => {
  expect(named(prod, 'BundleGuardPlugin')).toHaveLength(1);
  expect(named(dev, 'BundleGuardPlugin')).toHaveLength(0);
  for (const c of [prod, dev]) expect(named(c, 'CopyFolderPlugin')).toHaveLength(1);
});

describe('a production compile of the functions entry', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clause51-build-'));
  let stats: webpack.Stats | undefined;

  beforeAll(async () => {
    const config: Configuration = {
      ...prod,
      entry: { functions: (prod.entry as Record<string, string>).functions },
      output: { ...prod.output, path: out },
      // Everything but the 86 MB office.js copy.
      plugins: (prod.plugins ?? []).filter((p) => p && (p as object).constructor.name !== 'CopyFolderPlugin'),
      context: ROOT,
    };
    const html = named(config, 'HtmlWebpackPlugin')[0];
    html.userOptions = { ...(html.userOptions as object), chunks: ['functions'] };
    stats = await new Promise<webpack.Stats | undefined>((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
  }, 300_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('compiles without errors', () => {
    expect(stats?.compilation.errors.map((e) => e.message)).toEqual([]);
  });

  test('functions.json lists the six functions; functions.js associates each', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(out, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    const ids = meta.functions.map((f) => f.id).sort();
    expect(ids).toEqual(['CRITERIA', 'EXPLAIN', 'GAPS', 'PILLAR', 'RATING', 'READINESS']);
    const js = fs.readFileSync(path.join(out, 'functions.js'), 'utf8');
    for (const id of ids) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });

  test('the functions bundle is domain code within 60 KB gzip', () => {
    const js = fs.readFileSync(path.join(out, 'functions.js'));
    expect(zlib.gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(60 * 1024);
    const modules = stats!.toJson({ modules: true }).modules!.map((m) => String(m.nameForCondition ?? m.name));
    expect(modules.filter((m) => /node_modules[\\/](react|react-dom|@fluentui|@griffel|exceljs)[\\/]/.test(m))).toEqual([]);
  });

  test('the page carries the CSP and loads office.js from Office’s CDN before functions.js', () => {
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toMatch(/unsafe-inline/);
    const office = html.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const functions = html.indexOf('functions.js');
    expect(office).toBeGreaterThan(0);
    expect(functions).toBeGreaterThan(office);
    expect(fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8')).not.toMatch(/localhost/);
    expect(fs.existsSync(path.join(out, 'assets', 'icon-80.png'))).toBe(true);
  });
});
