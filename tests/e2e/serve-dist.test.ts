/** scripts/serve-dist.js: loopback only, right MIME types, nothing outside the served folder. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { request } from 'http';
import { tmpdir } from 'os';
import * as path from 'path';
import { serveDist, type DistServer } from '../../scripts/serve-dist';

let dir: string;
let server: DistServer;

function get(urlPath: string, method = 'GET'): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    // A raw path, so "../" reaches the server unnormalised, as an attacker would send it.
    const req = request({ host: '127.0.0.1', port: server.port, path: urlPath, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-dist-'));
  const root = path.join(dir, 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'example-register.xlsx'), 'PK');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  server = await serveDist({ root });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('listens on 127.0.0.1 on a free port and redirects / to the pane', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(server.port).toBeGreaterThan(0);
  expect((await get('/')).status).toBe(302);
});

it('serves files with their MIME types', async () => {
  expect(await get('/taskpane.html')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
  expect(await get('/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
  expect((await get('/example-register.xlsx')).type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

it('never serves anything outside the folder, directories or other methods', async () => {
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/assets', '/missing.js']) {
    const res = await get(p);
    expect([p, res.status]).toEqual([p, 404]);
    expect(res.body).not.toContain('outside');
  }
  expect((await get('/taskpane.html', 'POST')).status).toBe(405);
});
