// Bundles test/integration/*.ts for the extension host: one CommonJS file per test file plus
// index.cjs (the module whose run() VS Code calls), in out/integration/.
//
// `vscode` is provided by the extension host. `mocha` stays external too and is resolved from the
// project's node_modules (out/ is inside the project), which keeps mocha's dynamic requires
// (reporters, interfaces) working and leaves one mocha instance for index.cjs and the test files.
import { build, stop } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { outDir, repoRoot } from './paths.mjs';

export const testSourceDir = path.join(repoRoot, 'test', 'integration');

export async function bundleTests() {
  const tests = fs.readdirSync(testSourceDir).filter((f) => f.endsWith('.test.ts')).sort();
  if (!tests.length) throw new Error(`no *.test.ts files in ${testSourceDir}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: repoRoot,
      entryPoints: ['index.ts', ...tests].map((f) => path.join(testSourceDir, f)),
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      sourcesContent: false,
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
  } finally {
    await stop(); // ends esbuild's helper process now instead of at exit
  }
  return tests.map((f) => path.join(outDir, f.replace(/\.ts$/, '.cjs')));
}
