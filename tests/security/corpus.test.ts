/**
 * Every hostile file, through the real command line: exit 2, exactly one stderr line naming the
 * file and the problem, nothing on stdout, no stack trace — in-process (run()) and as a child
 * `node bin/clause51.js` measured for wall time (≤ 30 s) and peak memory (≤ 500 MB).
 * Set CLAUSE51_SECURITY_REPORT=1 to print the figures.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, promises as fs, readdirSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { buildCorpus, type CorpusFile } from '../support/hostile-corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'clause51.js');
const RSS_PRELOAD = path.join(ROOT, 'tests', 'support', 'report-rss.js');
const MAX_WALL_MS = 30_000;
const MAX_RSS_KB = 500 * 1024;
const STACK_FRAME = /^\s+at\s|\bat .+\(.+:\d+:\d+\)|Error:\s*$/m;

let dir: string;
let corpus: CorpusFile[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clause51-corpus-'));
  corpus = await buildCorpus(dir);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function expectOneCleanLine(stderr: string, entry: CorpusFile): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(lines[0].startsWith(`clause51: ${entry.file}: `)).toBe(true);
  expect(lines[0]).toMatch(entry.expect);
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(/unexpected error/);
}

describe('clause51 score refuses each hostile file (in-process)', () => {
  const ids = ['not-a-zip', 'csv-renamed', 'empty', 'truncated', 'zip-bomb', 'zip-bomb-lying-sizes', 'encrypted', 'legacy-xls', 'legacy-xls-renamed', 'zip-not-workbook', 'over-row-cap', 'over-size-cap', 'huge-merge', 'huge-validation', 'huge-table', 'row-beyond-grid'];
  it.each(ids)('%s', async (id) => {
    const entry = corpus.find((c) => c.id === id)!;
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['score', entry.file, '--format', 'json'], {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    });
    expect(code).toBe(2);
    expect(out.join('')).toBe('');
    expectOneCleanLine(err.join(''), entry);
  });

  it('covers every corpus file', () => {
    expect(corpus.map((c) => c.id).sort()).toEqual([...ids].sort());
  });
});

/** Newest modification time of the TypeScript the compiled CLI is built from. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const name of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (name.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** bin/clause51.js runs lib/; rebuild it when missing or older than src/ so the child tests today's code. */
function ensureCompiledCli(): void {
  const main = path.join(ROOT, 'lib', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newestSource(path.join(ROOT, 'src'))) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, stdio: 'ignore', timeout: 180_000 });
  if (!existsSync(main)) throw new Error('npm run build:cli did not produce lib/cli/main.js');
}

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  maxRssKb: number;
}

function runChild(args: string[]): Promise<ChildRun> {
  const report = path.join(dir, `rss-${process.hrtime.bigint()}.json`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', RSS_PRELOAD, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, CLAUSE51_RSS_REPORT: report, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 2 * MAX_WALL_MS);
    child.on('error', reject);
    child.on('close', async (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      try {
        const { maxRssKb } = JSON.parse(await fs.readFile(report, 'utf8')) as { maxRssKb: number };
        resolve({ code, stdout, stderr, wallMs, maxRssKb });
      } catch (err) {
        reject(err);
      }
    });
  });
}

describe('node bin/clause51.js score refuses each hostile file (child process, time and memory)', () => {
  beforeAll(ensureCompiledCli, 200_000);

  it('exits 2 with one line, within 30 s and 500 MB, for every corpus file', async () => {
    const figures: string[] = [];
    for (const entry of corpus) {
      const child = await runChild(['score', entry.file]);
      figures.push(`${entry.id.padEnd(22)} ${(statSync(entry.file).size / 1024).toFixed(0).padStart(6)} KB  ${child.wallMs.toFixed(0).padStart(6)} ms  ${(child.maxRssKb / 1024).toFixed(0).padStart(4)} MB`);
      expect([entry.id, child.code]).toEqual([entry.id, 2]);
      expect(child.stdout).toBe('');
      expectOneCleanLine(child.stderr, entry);
      expect(child.wallMs).toBeLessThan(MAX_WALL_MS);
      expect(child.maxRssKb).toBeLessThan(MAX_RSS_KB);
    }
    if (process.env.CLAUSE51_SECURITY_REPORT) process.stdout.write(`\nfile                     size      wall   peak RSS\n${figures.join('\n')}\n`);
  });
});
