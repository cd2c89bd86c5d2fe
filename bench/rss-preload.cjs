// Preloaded (node --require) into every child process the bench times: at exit, writes the
// process's peak resident set size (kibibytes, from getrusage) to $KEYPLAN_BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');

const file = process.env.KEYPLAN_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      /* the measurement is lost, the child's own result is not */
    }
  });
}
