// The CLI's V8 code cache (dist/cli.cjs.cache), read by bin/keyplan.cjs. Node compiles the 1.2 MB
// bundle and every function a command runs before it can answer: on a small workspace that is
// about a seventh of `keyplan check`. V8 can save that compiled code and take it back next time
// (`vm.Script`'s `cachedData`, what Node 22's `module.enableCompileCache` does); Node 20 has no
// built-in way for a package, so the build makes the cache, after a check of samples/ so that the
// functions a check runs are in it. Its first line holds the checksum of the bundle and of the data.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');

/**
 * Makes the code cache of the freshly built bundle `file`; one that cannot be made is left out, with
 * a warning. The old cache stays until the new one replaces it: another build of the same source
 * may be running (two test runs in one checkout), and a cache of another bundle is never used.
 */
export function writeCodeCache(file) {
  try {
    // A new Node process without the build's V8 flags (V8 refuses a cache made under other flags).
    execFileSync(process.execPath, [here, '--make-cache', file], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    rmSync(`${file}.cache`, { force: true });
    console.warn(`warning: no code cache for ${path.relative(root, file)} (the CLI will compile it at every start): ${String(err.stderr || err.message).trim()}`);
  }
}

/** In the new process: load the bundle as bin/keyplan.cjs does, check samples/, save the compiled code. */
async function makeCache(file) {
  const { cacheFile, compileCli, runCli, sourceText } = createRequire(import.meta.url)('../bin/keyplan.cjs');
  const bytes = readFileSync(file);
  const script = compileCli(sourceText(bytes), file);
  const cli = runCli(script, file);
  let out = '';
  const sink = { write: (s) => { out += s; } };
  await cli.main(['check', path.join(root, 'samples'), '--as-of', '2026-11-20', '--no-color'], { stdout: sink, stderr: sink, cwd: root, env: {} });
  if (!/documents checked/.test(out)) throw new Error(`the check of samples/ did not run: ${out.slice(0, 500)}`);
  const temp = `${file}.cache.${process.pid}.tmp`;
  writeFileSync(temp, cacheFile(bytes, script.createCachedData()));
  renameSync(temp, `${file}.cache`);
}

if (process.argv[2] === '--make-cache') await makeCache(path.resolve(process.argv[3]));
