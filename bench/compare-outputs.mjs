#!/usr/bin/env node
// Outputs unchanged by a performance change: runs `keyplan check --format json` of two builds (a
// baseline checkout and this one) over samples/ and the bench's generated workspaces, and compares
// every finding: file, range, rule, severity, message and data. Exit 1 on any difference.
//
//   node bench/compare-outputs.mjs --base /path/to/baseline/checkout [--sizes 1000,10000] [--seed 1]
//
// The baseline checkout needs its own built dist/ (node scripts/build.mjs) and node_modules.
// Also runs `keyplan report --format json` on samples/, the output built from every model stage.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { ensureWorkspace } from './workloads.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AS_OF = '2026-11-20';

function run(repo, cwd, args) {
  try {
    return execFileSync(process.execPath, [path.join(repo, 'bin', 'keyplan.cjs'), ...args, '--as-of', AS_OF, '--no-color'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if (err.status === 1 && err.stdout) return err.stdout; // findings with errors exit 1
    throw err;
  }
}

function compare(label, a, b) {
  const x = JSON.parse(a);
  const y = JSON.parse(b);
  if (isDeepStrictEqual(x, y)) {
    const n = Array.isArray(x.diagnostics) ? `${x.diagnostics.length} findings` : 'report';
    process.stdout.write(`same   ${label}: ${n}\n`);
    return true;
  }
  const dx = x.diagnostics ?? [];
  const dy = y.diagnostics ?? [];
  const key = (d) => JSON.stringify(d);
  const sx = new Set(dx.map(key));
  const sy = new Set(dy.map(key));
  const onlyBase = dx.filter((d) => !sy.has(key(d)));
  const onlyNew = dy.filter((d) => !sx.has(key(d)));
  process.stdout.write(`DIFFER ${label}: ${onlyBase.length} findings only in the baseline, ${onlyNew.length} only in this build\n`);
  for (const d of onlyBase.slice(0, 5)) process.stdout.write(`  - ${key(d).slice(0, 300)}\n`);
  for (const d of onlyNew.slice(0, 5)) process.stdout.write(`  + ${key(d).slice(0, 300)}\n`);
  return false;
}

async function main() {
  const { values } = parseArgs({ options: { base: { type: 'string' }, sizes: { type: 'string', default: '1000,10000' }, seed: { type: 'string', default: '1' } } });
  if (!values.base) throw new Error('--base <baseline checkout> is required');
  const base = path.resolve(values.base);
  const targets = [{ label: 'samples/', dir: path.join(REPO, 'samples') }];
  for (const size of values.sizes.split(',').map(Number).filter(Boolean)) {
    const ws = await ensureWorkspace(REPO, path.join(REPO, 'bench', 'work'), size, Number(values.seed));
    targets.push({ label: `generated ${size / 1000}k (seed ${values.seed})`, dir: ws.dir });
  }
  let ok = true;
  for (const t of targets) {
    ok = compare(`check ${t.label}`, run(base, t.dir, ['check', '.', '--format', 'json']), run(REPO, t.dir, ['check', '.', '--format', 'json'])) && ok;
  }
  ok = compare('report samples/', run(base, targets[0].dir, ['report', '.', '--format', 'json']), run(REPO, targets[0].dir, ['report', '.', '--format', 'json'])) && ok;
  process.stdout.write(ok ? 'Outputs unchanged.\n' : 'Outputs differ.\n');
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exitCode = 2;
});
