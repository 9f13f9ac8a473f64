/**
 * Compiles the TypeScript the benchmarks run (src/**.ts, the Excel fake) to CommonJS under
 * .tmp/bench/build with typescript.transpileModule: the figures are for the sources as they are
 * now, whatever state lib/ or dist/ is in, and no new package is needed. The tree keeps the
 * repository's layout, so relative imports and the CLI's package-root lookup work unchanged.
 * Output is the same JavaScript `tsc` emits for this project (tsconfig has isolatedModules).
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, '.tmp', 'bench', 'build');

/** What the benchmarks need: every .ts under src (the pane's .tsx views are not run), and the fake. */
const SOURCES = ['src', 'tests/support/excel-fake.ts'];

function compilerOptionsFor(ts) {
  return {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
    jsx: ts.JsxEmit.ReactJSX,
    isolatedModules: true,
    sourceMap: false,
  };
}

function* tsFiles(entry) {
  const abs = path.join(ROOT, entry);
  const stat = fs.statSync(abs);
  if (stat.isFile()) {
    yield abs;
    return;
  }
  for (const name of fs.readdirSync(abs)) {
    const child = path.join(abs, name);
    if (fs.statSync(child).isDirectory()) yield* tsFiles(path.relative(ROOT, child));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield child;
  }
}

/** Transpile everything into a fresh build folder; returns the folder and the file count. */
function compile() {
  // Loaded here only: child processes that merely load the build must not pay for TypeScript.
  const ts = require('typescript');
  const compilerOptions = compilerOptionsFor(ts);
  fs.rmSync(BUILD, { recursive: true, force: true });
  let count = 0;
  for (const entry of SOURCES) {
    for (const file of tsFiles(entry)) {
      const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
      const target = path.join(BUILD, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, out.outputText);
      count++;
    }
  }
  // The CLI launcher, as bin/clause51.js but over this build.
  fs.writeFileSync(
    path.join(BUILD, 'clause51.js'),
    "#!/usr/bin/env node\nrequire('./src/cli/main.js').run(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
  );
  return { dir: BUILD, files: count };
}

/**
 * Require a compiled module by its repository path without extension, e.g. 'src/domain/register'.
 * BENCH_BUILD_DIR points the children at another build (e.g. a patched copy, to measure a change).
 */
function load(repoPath) {
  return require(path.join(process.env.BENCH_BUILD_DIR ? path.resolve(process.env.BENCH_BUILD_DIR) : BUILD, repoPath));
}

module.exports = { ROOT, BUILD, compile, load };
