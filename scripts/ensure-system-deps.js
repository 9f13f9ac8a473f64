#!/usr/bin/env node
/**
 * `npm test` (and .ci/run) drive two programs from Debian's packages: LibreOffice, the independent
 * spreadsheet engine that must open the auditor pack, and Chromium, for the task pane's end-to-end
 * tests. This makes sure both are here before the tests start, installing them with apt-get where
 * we are root (CI, fresh developer machines here); elsewhere it says exactly what to install.
 * Nothing is downloaded from anywhere but Debian's package archive.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function onPath(name) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
}

const NEEDS = [
  { pkg: 'libreoffice-calc-nogui', present: () => onPath('soffice'), why: 'opens the auditor pack in an independent engine' },
  { pkg: 'chromium', present: () => fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium'), why: 'end-to-end tests of the task pane' },
];

function apt(args) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

const missing = NEEDS.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((n) => n.pkg);
const list = missing.map((n) => `${n.pkg} (${n.why})`).join(', ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(`The tests need ${list}.\nInstall them once: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  process.exit(1);
}
console.log(`Installing Debian packages the tests need: ${list}`);
if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', ...pkgs])) {
  console.error(`Could not install ${pkgs.join(' ')} with apt-get; install them by hand and run the tests again.`);
  process.exit(1);
}
const still = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
if (still.length) {
  console.error(`Still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
