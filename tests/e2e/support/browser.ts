/**
 * One headless Chromium for the end-to-end suite: Debian's /usr/bin/chromium driven by
 * playwright-core on a fresh profile (never a downloaded browser), against the production build in
 * dist/ served on 127.0.0.1 by scripts/serve-dist.js.
 *
 * office.js: the production page names Office's CDN (the store requires it). The tests answer those
 * requests from the local @microsoft/office-js package (context.route), so nothing leaves the
 * machine; every request is recorded, and any other address than loopback fails the suite.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, 'dist'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** Where the production page loads office.js and its sibling files from. */
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/;

/** office.js outside Office tries to frame Microsoft's telemetry page; the pane's CSP (default-src 'self') refuses it. */
const OFFICE_TELEMETRY_FRAME = /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Build dist/ when a test run starts without one (CI builds first with `npm run build`). */
export function ensureBuild(): void {
  if (existsSync(path.join(DIST, 'taskpane.html'))) return;
  if (process.env.E2E_DIST) throw new Error(`${DIST} has no taskpane.html`);
  execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit', timeout: 15 * 60_000 });
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('webpack did not produce dist/taskpane.html');
}

export function isLoopback(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url.startsWith('blob:') ? url.slice(5) : url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'about:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

export interface NetworkLog {
  /** Every request the browser made, in order. */
  requests: string[];
  /** Office CDN requests answered from the local package (they never left the machine). */
  servedLocally: Set<string>;
  /** Requests to anywhere but this machine. */
  offMachine(): string[];
}

export interface Session {
  context: BrowserContext;
  network: NetworkLog;
  /** Page errors and Content-Security-Policy violations. */
  problems: string[];
  /** office.js's telemetry frame, refused by the page's own CSP (expected outside Office; never requested). */
  blockedTelemetry: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (.ci/run does)`);
  const profile = mkdtempSync(path.join(tmpdir(), 'clause51-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1100, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const network: NetworkLog = {
    requests: [],
    servedLocally: new Set(),
    offMachine() {
      return this.requests.filter((u) => !isLoopback(u) && !this.servedLocally.has(u));
    },
  };
  context.on('request', (req) => network.requests.push(req.url()));
  await context.route(OFFICE_CDN, async (route) => {
    const url = route.request().url();
    const rest = OFFICE_CDN.exec(url.split(/[?#]/)[0])?.[1] ?? '';
    const file = path.resolve(OFFICE_JS_DIST, rest);
    if (file.startsWith(OFFICE_JS_DIST + path.sep) && existsSync(file)) {
      network.servedLocally.add(url);
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
    } else {
      // Not in the package: refuse it here; it stays in the log as an off-machine request.
      await route.abort('blockedbyclient');
    }
  });
  const problems: string[] = [];
  const blockedTelemetry: string[] = [];
  const newPage = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || !/Content Security Policy|Refused to/i.test(msg.text())) return;
      if (OFFICE_TELEMETRY_FRAME.test(msg.text())) blockedTelemetry.push(msg.text());
      else problems.push(`CSP: ${msg.text()}`);
    });
    return page;
  };
  return {
    context,
    network,
    problems,
    blockedTelemetry,
    newPage,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
