/** The dev server's certificates: used when present and valid, generated (never installed) when absent. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { certPaths, devHttpsOptions, problemWith } from '../../scripts/dev-certs';

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'clause51-certs-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

test('missing certificates are generated in the given folder, and then reused', async () => {
  const dir = path.join(tmp(), 'certs');
  const logs: string[] = [];
  const first = await devHttpsOptions({ dir, log: (m) => logs.push(m) });
  expect(first).not.toBeNull();
  expect(first!.generated).toBe(true);
  expect(first!.cert.toString()).toContain('BEGIN CERTIFICATE');
  expect(first!.key.toString()).toMatch(/BEGIN (RSA )?PRIVATE KEY/);
  const second = await devHttpsOptions({ dir, log: (m) => logs.push(m) });
  expect(second!.generated).toBeUndefined();
  expect(second!.cert.equals(first!.cert)).toBe(true);
  expect(logs).toEqual([]);
}, 60_000);

test('an expired certificate is reported, not replaced, and the caller falls back', async () => {
  const dir = path.join(tmp(), 'certs');
  await devHttpsOptions({ dir, log: () => undefined });
  const paths = certPaths(dir);
  const later = new Date(Date.now() + 400 * 86_400_000);
  expect(problemWith(paths, later)).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
  const before = fs.readFileSync(paths.cert);
  const logs: string[] = [];
  expect(await devHttpsOptions({ dir, log: (m) => logs.push(m), now: later })).toBeNull();
  expect(logs.join('\n')).toMatch(/Not using https: .*expired on/);
  expect(fs.readFileSync(paths.cert).equals(before)).toBe(true);
}, 60_000);

test('a partial set (key missing) is not overwritten: http fallback with the reason', async () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'ca.crt'), 'x');
  fs.writeFileSync(path.join(dir, 'localhost.crt'), 'y');
  const logs: string[] = [];
  expect(await devHttpsOptions({ dir, log: (m) => logs.push(m) })).toBeNull();
  expect(logs.join('\n')).toMatch(/Not using https: missing .*localhost\.key/);
  expect(fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8')).toBe('x');
});

test('a folder that cannot be created: http fallback with the reason', async () => {
  const file = path.join(tmp(), 'not-a-dir');
  fs.writeFileSync(file, '');
  const logs: string[] = [];
  expect(await devHttpsOptions({ dir: path.join(file, 'certs'), log: (m) => logs.push(m) })).toBeNull();
  expect(logs.join('\n')).toMatch(/could not generate certificates/);
});
