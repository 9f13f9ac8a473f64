// Preloaded into a measured child (`node --require`): at exit, writes the process's peak resident
// memory and CPU time to the file named by BENCH_USAGE_REPORT. Portable: no /usr/bin/time needed.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  const target = process.env.BENCH_USAGE_REPORT;
  if (!target) return;
  const u = process.resourceUsage();
  fs.writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
