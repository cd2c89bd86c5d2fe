// Runs the unit suite again under other clocks and time zones and fails if anything differs from
// a normal run: a test that depends on the real date or zone is a time bomb. Uses Debian's
// `faketime` (libfaketime; scripts/provision.mjs installs it). .ci/run calls this after `npm test`.
//
//   node scripts/clock-check.mjs [--jobs N]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');

/** The clocks: years ahead, a leap day just before midnight, either side of the date line. */
const RUNS = [
  { name: 'clock 2027-12-25 10:00', faketime: '2027-12-25 10:00:00', tz: 'UTC' },
  { name: 'clock 2031-02-28 23:30 Los Angeles (already March in UTC)', faketime: '2031-02-28 23:30:00', tz: 'America/Los_Angeles' },
  { name: 'clock 2028-02-29 23:30 Shanghai (leap day)', faketime: '2028-02-29 23:30:00', tz: 'Asia/Shanghai' },
  { name: 'TZ=Asia/Shanghai', tz: 'Asia/Shanghai' },
  { name: 'TZ=America/Los_Angeles', tz: 'America/Los_Angeles' },
];

const jobsArg = process.argv.indexOf('--jobs');
const jobs = jobsArg > 0 ? Number(process.argv[jobsArg + 1]) : Math.max(1, Math.min(2, os.cpus().length));

if (spawnSync('sh', ['-c', 'command -v faketime'], { stdio: 'ignore' }).status !== 0) {
  console.error('[clock-check] faketime is missing: run `node scripts/provision.mjs` (Debian package faketime).');
  process.exit(1);
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-clock-'));

/** Runs mocha with the JSON reporter into a file; resolves to its stats and failures. */
function runMocha(run, index, extraArgs = []) {
  const file = path.join(out, `run-${index}.json`);
  const args = [mocha, '--reporter', 'json', '--reporter-option', `output=${file}`, ...extraArgs];
  const env = { ...process.env, TZ: run.tz ?? process.env.TZ ?? 'UTC' };
  delete env.KEYPLAN_TODAY; // the point is the machine's clock
  const [command, argv] = run.faketime ? ['faketime', [run.faketime, process.execPath, ...args]] : [process.execPath, args];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      let report;
      try {
        report = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        report = undefined;
      }
      resolve({ run, code, report, stderr, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

const expected = (await runMocha({ name: 'dry run' }, 'dry', ['--dry-run'])).report;
if (!expected) {
  console.error('[clock-check] could not list the unit tests (mocha --dry-run)');
  process.exit(1);
}
console.log(`[clock-check] ${expected.stats.tests} unit tests, ${RUNS.length} clocks, ${jobs} at a time`);

const results = [];
const queue = RUNS.map((run, i) => [run, i]);
await Promise.all(Array.from({ length: jobs }, async () => {
  while (queue.length) {
    const [run, i] = queue.shift();
    const result = await runMocha(run, i);
    results.push(result);
    const stats = result.report?.stats;
    console.log(`[clock-check] ${run.name}: ${stats ? `${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending` : 'no report'} (${result.seconds} s)`);
  }
}));

let failed = false;
for (const { run, code, report, stderr } of results) {
  if (!report) {
    failed = true;
    console.error(`\n[clock-check] ${run.name}: mocha exited ${code} without a report\n${stderr.slice(-4000)}`);
    continue;
  }
  const { stats, failures } = report;
  if (code !== 0 || stats.failures || stats.tests !== expected.stats.tests || stats.passes + stats.pending !== expected.stats.tests) {
    failed = true;
    console.error(`\n[clock-check] ${run.name}: exit ${code}, ${stats.passes} passing + ${stats.pending} pending of ${expected.stats.tests} expected`);
    for (const f of failures) console.error(`  ✗ ${f.fullTitle}\n    ${String(f.err?.message ?? '').split('\n').slice(0, 6).join('\n    ')}`);
  }
}
fs.rmSync(out, { recursive: true, force: true });
if (failed) {
  console.error('\n[clock-check] the unit suite depends on the clock or the time zone (see above)');
  process.exit(1);
}
console.log(`[clock-check] the same ${expected.stats.tests} tests pass under every clock`);
