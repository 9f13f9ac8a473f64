// Preloaded into a child `node` (--require) by tests/security/corpus.test.ts: on exit, writes the
// process's peak resident memory (kB) to the file named by CLAUSE51_RSS_REPORT. Portable: no /usr/bin/time.
const fs = require('fs');
process.on('exit', () => {
  const target = process.env.CLAUSE51_RSS_REPORT;
  if (target) fs.writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
