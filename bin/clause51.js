#!/usr/bin/env node
// Thin launcher: the CLI is compiled to lib/ by `npm run build:cli` (run on install by `prepare`).
require('../lib/cli/main.js').run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
