/**
 * Bundle sizes from dist/ (gzip level 9, as a web server would send them). The task pane's
 * budget counts its INITIAL scripts only — the ones taskpane.html loads — not the chunks it
 * imports lazily (ExcelJS, the preview, the auditor pack). office.js comes from Microsoft's CDN
 * and is not ours to count. The functions bundle is functions.js (the manifest's script).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const KB = 1024;

function gzipBytes(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Local scripts the page loads at start, in order (absolute URLs are external: skipped). */
function initialScripts(html) {
  const out = [];
  const re = /<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi;
  let m;
  while ((m = re.exec(html)) !== null) {
    if (!/^[a-z]+:\/\//i.test(m[1]) && !m[1].startsWith('//')) out.push(m[1].replace(/^\.?\//, ''));
  }
  return out;
}

function measureDist(dist) {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const scripts = initialScripts(html);
  const size = (f) => {
    const p = path.join(dist, f);
    return { file: f, raw: fs.statSync(p).size, gzip: gzipBytes(p) };
  };
  const functions = scripts.filter((f) => f === 'functions.js').map(size);
  const pane = scripts.filter((f) => f !== 'functions.js').map(size);
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !scripts.includes(f))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);
  let guard = null;
  try {
    guard = JSON.parse(fs.readFileSync(path.join(dist, 'bundle-sizes.json'), 'utf8'));
  } catch {
    // the build's own report is optional; the figures above do not depend on it
  }
  return {
    functions: { files: functions, raw: sum(functions, 'raw'), gzip: sum(functions, 'gzip') },
    pane: { files: pane, raw: sum(pane, 'raw'), gzip: sum(pane, 'gzip') },
    lazy,
    guard,
    builtAt: fs.statSync(path.join(dist, 'taskpane.html')).mtime.toISOString(),
  };
}

/** Newest modification time (ms) of any file under these folders. */
function newestMtime(root, folders) {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const f of folders) if (fs.existsSync(path.join(root, f))) walk(path.join(root, f));
  return newest;
}

/** Whether dist/ is missing or older than the sources and build configuration it is made from. */
function distIsStale(root) {
  const html = path.join(root, 'dist', 'taskpane.html');
  if (!fs.existsSync(html)) return 'dist/ has no build';
  const built = fs.statSync(html).mtimeMs;
  const newest = newestMtime(root, ['src', 'webpack.config.js', 'scripts/bundle-guard.js', 'manifest.xml']);
  return newest > built ? 'sources changed since dist/ was built' : null;
}

module.exports = { KB, measureDist, distIsStale, initialScripts };
