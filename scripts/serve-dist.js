#!/usr/bin/env node
/**
 * A tiny static file server for a built add-in (dist/) on 127.0.0.1, for preview mode in a browser,
 * the end-to-end tests (tests/e2e) and the preview benchmark (scripts/bench-preview.js).
 *
 *   node scripts/serve-dist.js [folder] [--port N]     (defaults: dist/, a random free port)
 *
 * It prints the preview URL and keeps running until Ctrl+C. Loopback only, GET and HEAD only,
 * nothing outside the folder, no directory listings, no caching (tests see fresh builds).
 * Preview on a production build: the page asks Office's CDN for office.js; offline that fails and
 * the page still opens in preview mode (src/taskpane/index.tsx). `npm start` serves the development
 * build, which uses the local copy of office.js instead.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** The file a URL path names inside root, or null when it would leave root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

/**
 * Start serving `root`. Resolves to { url, port, close() } once listening; url is the server's
 * base (http://127.0.0.1:PORT/), the pane is at url + 'taskpane.html'.
 */
function serveDist({ root = path.resolve(__dirname, '..', 'dist'), port = 0, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n');
    const urlPath = (req.url || '/').startsWith('/') ? req.url || '/' : '/';
    if (urlPath === '/' || urlPath.startsWith('/?')) {
      res.writeHead(302, { Location: '/taskpane.html', 'Cache-Control': 'no-store' });
      return res.end();
    }
    const file = resolveInside(base, urlPath);
    if (!file) return send(res, 404, 'Not found\n');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return send(res, 404, 'Not found\n');
      res.writeHead(200, {
        'Content-Type': contentType(file),
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      const stream = fs.createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
        server,
      });
    });
  });
}

async function main(argv) {
  const args = argv.slice(2);
  let folder = path.resolve(__dirname, '..', 'dist');
  let port = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') port = Number(args[++i]);
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log('Usage: node scripts/serve-dist.js [folder] [--port N]   (serves dist/ on 127.0.0.1)');
      return;
    } else folder = path.resolve(args[i]);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port wants a number from 0 to 65535, got ${args.join(' ')}`);
  if (!fs.existsSync(path.join(folder, 'taskpane.html'))) {
    console.error(`${folder} has no taskpane.html. Build the add-in first: npm run build:addin`);
    process.exitCode = 2;
    return;
  }
  const { url } = await serveDist({ root: folder, port });
  console.log(`Serving ${folder} at ${url}`);
  console.log(`Preview (the task pane without Excel): ${url}taskpane.html`);
  console.log('Press Ctrl+C to stop.');
}

if (require.main === module) {
  main(process.argv).catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}

module.exports = { serveDist, contentType, resolveInside };
