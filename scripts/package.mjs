// `npm run package`: builds and packs the extension into keyplan-<version>.vsix and prints its size.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `keyplan-${version}.vsix`;
// --no-dependencies: the bundle already contains everything; node_modules stays out of the package.
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], { stdio: 'inherit' });
const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} kB`;
console.log(`extension bundle dist/extension.cjs: ${kb('dist/extension.cjs')} (+ dist/extension-core.cjs: ${kb('dist/extension-core.cjs')}, loaded when indexing starts)`);
console.log(`package ${out}: ${kb(out)}`);
