#!/usr/bin/env node
/**
 * `npm start`: the development server, plus sideloading into Excel desktop where that is possible.
 *
 * - Serves the dev build on https://localhost:3000 (http when no certificate can be used; see
 *   scripts/dev-certs.js), rebuilding on change.
 * - On Windows and macOS, when the optional `office-addin-debugging` package is installed, it
 *   sideloads manifest.xml into Excel desktop. That package cannot install on Linux (known-traps.md:
 *   it pulls a native keytar build), so its absence is normal: we keep serving and print how to
 *   sideload into Excel on the web by hand, and where the browser preview is.
 *
 * Options: --no-sideload (serve only). Environment: ADDIN_DEV_PORT (default 3000; the manifest
 * assumes 3000).
 */
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { devHttpsOptions } = require('./dev-certs');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PORT = Number(process.env.ADDIN_DEV_PORT || 3000);
const DESKTOP_PLATFORMS = new Set(['win32', 'darwin']);

/** The CLI script of `office-addin-debugging` when installed and useful here, else null (never throws). */
function sideloadTool(platform = process.platform) {
  if (!DESKTOP_PLATFORMS.has(platform)) return null;
  try {
    const pkgFile = require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin && (pkg.bin['office-addin-debugging'] || Object.values(pkg.bin)[0]);
    return bin ? path.join(path.dirname(pkgFile), bin) : null;
  } catch {
    return null;
  }
}

/** Resolves true once something listens on localhost:port, false after timeoutMs. */
function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = net.connect({ port, host: 'localhost' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

/** What to do by hand, printed when we do not (or cannot) sideload. */
function instructions({ scheme, port, reason }) {
  const base = `${scheme}://localhost:${port}`;
  const lines = [
    '',
    `Clause 5.1 add-in: dev server on ${base}`,
    `  ${reason}`,
    `  Manifest:   ${MANIFEST}`,
    '  Excel on the web: open a workbook → Home (or Insert) → Add-ins → More Add-ins → My Add-ins',
    '                    → Upload My Add-in → choose the manifest above. The ribbon then shows',
    '                    "Clause 5.1 › Governance register"; formulas start with =ISO20K.',
    `  Preview outside Office (browser only): ${base}/taskpane.html`,
  ];
  if (scheme === 'http') {
    lines.push('  Note: Excel loads add-ins over https only. Create and trust the development certificate to sideload');
    lines.push('        (docs/addin.md, "Trusting the development certificate"), then run npm start again.');
  }
  lines.push('  Stop with Ctrl+C. More: docs/addin.md', '');
  return lines.join('\n');
}

function run(command, args, options = {}) {
  return spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
}

async function main(argv = process.argv.slice(2)) {
  const wantSideload = !argv.includes('--no-sideload');

  // Make (or find) the certificates first, so the dev server and this message agree on the scheme.
  const https = await devHttpsOptions({ log: () => undefined });
  const scheme = https ? 'https' : 'http';

  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const server = run(process.execPath, [webpackCli, 'serve', '--mode', 'development']);
  let sideloaded = false;
  let stopping = false;

  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    const tool = sideloadTool();
    if (sideloaded && tool) {
      // Unregister the add-in from Excel desktop again; best effort.
      const undo = run(process.execPath, [tool, 'stop', MANIFEST]);
      undo.once('exit', () => server.kill('SIGINT'));
      undo.once('error', () => server.kill('SIGINT'));
    } else {
      server.kill('SIGINT');
    }
    server.once('exit', () => process.exit(code));
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.once('exit', (code) => {
    if (!stopping) process.exit(code ?? 1);
  });

  const listening = await waitForPort(PORT, 5 * 60 * 1000);
  if (!listening) {
    console.error(`The dev server did not start listening on port ${PORT} within 5 minutes; see the output above.`);
    stop(1);
    return;
  }

  const tool = wantSideload && scheme === 'https' ? sideloadTool() : null;
  if (!tool) {
    const reason = !wantSideload
      ? 'Sideloading skipped (--no-sideload).'
      : !DESKTOP_PLATFORMS.has(process.platform)
        ? `No Excel desktop on ${process.platform}: sideload by hand.`
        : scheme !== 'https'
          ? 'No usable https certificate, so no sideloading: see the note below.'
          : 'office-addin-debugging is not installed (it is optional): sideload by hand.';
    console.log(instructions({ scheme, port: PORT, reason }));
    return;
  }

  console.log(`\nSideloading ${MANIFEST} into Excel desktop with office-addin-debugging…`);
  const sideload = run(process.execPath, [tool, 'start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', String(PORT)]);
  sideload.once('error', (err) => {
    console.log(instructions({ scheme, port: PORT, reason: `Sideloading failed to start (${err.message}): sideload by hand.` }));
  });
  sideload.once('exit', (code) => {
    if (code === 0) {
      sideloaded = true;
      console.log(`\nExcel should open with the add-in. Preview outside Office: ${scheme}://localhost:${PORT}/taskpane.html`);
    } else {
      console.log(instructions({ scheme, port: PORT, reason: `office-addin-debugging exited with code ${code}: sideload by hand.` }));
    }
  });
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`npm start failed: ${err && err.message ? err.message : err}`);
    process.exit(1);
  });
}

module.exports = { sideloadTool, instructions, waitForPort };
