// `npm run fuzz`: the property-based tests with many more cases than `npm test` runs, plus the
// YAML test suite, the hostile corpus and the round trips, then the figures docs/reliability.md
// reports.
//
//   node scripts/fuzz.mjs [--scale N] [--seed S]
//
// --scale  multiplies every property's number of cases (default 50; `npm test` runs scale 1)
// --seed   replays a failure fast-check reported (without it, the fuzz-* properties draw new cases
//          each run; `npm test` always runs the same ones)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { scale: { type: 'string', default: '50' }, seed: { type: 'string' } } });
const figures = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-fuzz-')), 'figures.json');
const specs = ['fuzz-core', 'fuzz-language', 'round-trip', 'yaml-test-suite', 'hostile-inputs', 'hostile-outputs', 'sensitive', 'changed-since-property'].map((f) => `test/unit/${f}.test.ts`);
const started = Date.now();
const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '0', '--reporter', 'spec', ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KEYPLAN_FUZZ_SCALE: values.scale, KEYPLAN_FIGURES: figures, ...(values.seed ? { KEYPLAN_FUZZ_SEED: values.seed } : { KEYPLAN_FUZZ_RANDOM: '1' }) },
});
if (fs.existsSync(figures)) {
  const data = JSON.parse(fs.readFileSync(figures, 'utf8'));
  const fuzz = Object.entries(data).filter(([k]) => k.startsWith('fuzz.') || k.startsWith('roundtrip.'));
  console.log(`\nFigures (scale ${values.scale}, ${((Date.now() - started) / 1000).toFixed(0)} s):`);
  for (const [k, v] of Object.entries(data)) console.log(`  ${k.padEnd(40)} ${v}`);
  console.log(`  ${'property cases in all'.padEnd(40)} ${fuzz.reduce((n, [, v]) => n + v, 0)}`);
}
process.exitCode = run.status ?? 1;
