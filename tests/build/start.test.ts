/**
 * npm start must never depend on office-addin-debugging (it cannot install on Linux): without it,
 * or off Windows/macOS, it serves and prints how to sideload by hand.
 */
import path from 'path';
import { instructions, sideloadTool } from '../../scripts/start';

test('no sideloading tool on Linux, whatever is installed', () => {
  expect(sideloadTool('linux')).toBeNull();
});

test('on Windows/macOS the tool is used only when it resolves', () => {
  let resolvable = true;
  try {
    require.resolve('office-addin-debugging/package.json');
  } catch {
    resolvable = false;
  }
  const tool = sideloadTool('win32');
  if (resolvable) expect(tool).toMatch(/office-addin-debugging/);
  else expect(tool).toBeNull();
});

test('the hand-sideloading instructions name the manifest, Upload My Add-in and the preview URL', () => {
  const text = instructions({ scheme: 'https', port: 3000, reason: 'No Excel desktop on linux: sideload by hand.' });
  expect(text).toContain(path.join(path.resolve(__dirname, '..', '..'), 'manifest.xml'));
  expect(text).toContain('Upload My Add-in');
  expect(text).toContain('https://localhost:3000/taskpane.html');
  expect(text).not.toContain('https only');
});

test('over http the instructions say Excel needs https and where to fix it', () => {
  const text = instructions({ scheme: 'http', port: 3000, reason: 'x' });
  expect(text).toContain('http://localhost:3000/taskpane.html');
  expect(text).toContain('Excel loads add-ins over https only');
  expect(text).toContain('docs/addin.md');
});
