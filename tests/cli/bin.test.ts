/**
 * The installed entry point, end to end in a child process. Needs the compiled CLI in lib/
 * (`npm run build:cli`; CI builds before testing).
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'clause51.js');

beforeAll(() => {
  if (!existsSync(path.join(root, 'lib', 'cli', 'main.js'))) {
    throw new Error("lib/cli/main.js is missing: run 'npm run build:cli' before these tests");
  }
});

function clause51(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
}

describe('node bin/clause51.js', () => {
  it('scores the bundled example and prints only JSON on stdout', () => {
    const res = clause51(['score', '--format', 'json']);
    expect(res.status).toBe(0);
    const result = JSON.parse(res.stdout);
    expect(result.specVersion).toBe(1);
    expect(result.rating).toBe('Amber');
  });

  it('exits 2 with one line and no stack trace for an unusable file', () => {
    const res = clause51(['score', 'package.json']);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^clause51: package\.json: /);
  });

  it('exits 64 on bad usage', () => {
    const res = clause51(['score', '--as-of', 'yesterday']);
    expect(res.status).toBe(64);
    expect(res.stderr).toMatch(/Usage: clause51 score/);
  });
});
