// `npm start`: builds Keyplan and runs it on the sample workspace, as a new user would.
// The samples contain five deliberate problems, so `keyplan check` exiting 1 is the expected result.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
const AS_OF = '2026-11-20'; // the date samples/README.md documents

if (run(['scripts/build.mjs']) !== 0) process.exit(2);
console.log(`\n$ keyplan check samples --as-of ${AS_OF}\n`);
const check = run(['bin/keyplan.cjs', 'check', 'samples', '--as-of', AS_OF]);
console.log(`\n$ keyplan overdue samples --as-of ${AS_OF}\n`);
const overdue = run(['bin/keyplan.cjs', 'overdue', 'samples', '--as-of', AS_OF]);
if (check !== 1 || overdue !== 0) {
  console.error(`\nUnexpected exit codes (check ${check}, overdue ${overdue}): see above.`);
  process.exit(1);
}
console.log('\n`keyplan check` exits 1 here because the samples contain deliberate errors (see samples/README.md).');
console.log(`Next: node bin/keyplan.cjs report samples --as-of ${AS_OF}`);
