#!/usr/bin/env node
/* global window, document, performance, MutationObserver */
/**
 * First render of the task pane in preview mode, in this machine's Chromium (issue 5: ≤ 1.5 s).
 *
 *   node scripts/bench-preview.js [--runs 5] [--dist dist] [--json]
 *
 * Serves the production build (dist/, `npm run build:addin` first) on 127.0.0.1 with
 * scripts/serve-dist.js, opens taskpane.html in headless /usr/bin/chromium (playwright-core, fresh
 * profile, no downloads of any browser) and times, from navigation start:
 *   - pane:     the Register panel is in the page (the pane has rendered);
 *   - register: the bundled example register has been read and scored (its table counts shown).
 * Office.js requests to Office's CDN are answered from the local @microsoft/office-js package, as
 * in the end-to-end tests, so the figure does not depend on a network. Each run is a new page with
 * caching disabled by the server (no-store). Prints each run and the median.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { serveDist } = require('./serve-dist');

const ROOT = path.resolve(__dirname, '..');
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs in the page before its scripts: notes when the pane and the read register first appear. */
function installProbe() {
  const marks = {};
  window.__clause51Marks = marks;
  const check = () => {
    if (marks.pane === undefined && document.getElementById('register-heading')) marks.pane = performance.now();
    if (marks.register === undefined) {
      const cell = document.querySelector('[data-table="Decisions"] td:last-child');
      if (cell && /\brows?\b/.test(cell.textContent || '')) marks.register = performance.now();
    }
    if (marks.pane !== undefined && marks.register !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function parseArgs(argv) {
  const out = { runs: 5, dist: path.join(ROOT, 'dist'), json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '--dist') out.dist = path.resolve(argv[++i]);
    else if (argv[i] === '--json') out.json = true;
    else throw new Error(`unknown option ${argv[i]} (use --runs N, --dist DIR, --json)`);
  }
  if (!Number.isInteger(out.runs) || out.runs < 1) throw new Error('--runs wants a positive whole number');
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.dist, 'taskpane.html'))) {
    console.error(`${opts.dist} has no taskpane.html. Build first: npm run build:addin`);
    process.exitCode = 2;
    return;
  }
  const server = await serveDist({ root: opts.dist });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'clause51-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1100, height: 900 },
  });
  const offMachine = [];
  context.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !OFFICE_CDN.test(req.url())) offMachine.push(req.url());
  });
  await context.route(OFFICE_CDN, async (route) => {
    const rest = OFFICE_CDN.exec(route.request().url().split(/[?#]/)[0])[1];
    const file = path.resolve(OFFICE_JS_DIST, rest);
    if (file.startsWith(OFFICE_JS_DIST + path.sep) && fs.existsSync(file)) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fs.readFileSync(file) });
    } else {
      await route.abort('blockedbyclient');
    }
  });
  await context.addInitScript(installProbe);
  const runs = [];
  try {
    // One warm-up load (Chromium's own start-up and first compile are not the pane's).
    for (let i = 0; i <= opts.runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}taskpane.html`);
      await page.waitForFunction(() => window.__clause51Marks && window.__clause51Marks.register !== undefined, null, { timeout: 30000 });
      const marks = await page.evaluate(() => window.__clause51Marks);
      await page.close();
      if (i > 0) runs.push({ pane: marks.pane, register: marks.register });
    }
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const result = {
    runs: runs.map((r) => ({ paneMs: Math.round(r.pane), registerMs: Math.round(r.register) })),
    medianPaneMs: Math.round(median(runs.map((r) => r.pane))),
    medianRegisterMs: Math.round(median(runs.map((r) => r.register))),
    offMachineRequests: offMachine,
  };
  if (opts.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`Preview first render, ${runs.length} loads after one warm-up (ms from navigation start):`);
    result.runs.forEach((r, i) => console.log(`  run ${i + 1}: pane ${r.paneMs}, example register read and scored ${r.registerMs}`));
    console.log(`Median: pane ${result.medianPaneMs} ms; register read and scored ${result.medianRegisterMs} ms (target ≤ 1500 ms)`);
    if (offMachine.length) console.log(`Requests that would have left this machine: ${offMachine.join(', ')}`);
  }
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exitCode = 1;
});
