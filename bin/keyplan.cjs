#!/usr/bin/env node
'use strict';
require('../dist/cli.cjs').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`keyplan: internal error: ${err && err.stack || err}\n`); process.exitCode = 2; },
);
