// Times the extension's activation in a fresh Node process with a stub `vscode` module:
// require(dist/extension.cjs), call activate(), and stop at the first call that starts indexing
// (the portfolio view's progress, or workspace.findFiles). Prints one JSON line: requireMs, activateMs (until activate() returned),
// firstWorkMs (until indexing started; all from just before the require), coreLoadedFirst (whether
// dist/extension-core.cjs was loaded before that), unstubbed.
// Usage: node bench/activate-harness.cjs <extension.cjs> <workspace folder>
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { createVscodeStub } = require('./vscode-stub.cjs');

const [bundle, folder] = process.argv.slice(2);
let t0 = 0;
let firstWorkMs;
let coreLoadedFirst;
let done;
const indexing = new Promise((resolve) => (done = resolve));
const { vscode, unstubbed } = createVscodeStub({
  folder: path.resolve(folder),
  onFindFiles: () => {
    firstWorkMs ??= performance.now() - t0;
    // The extension's second file (the shared layers) should load only once indexing has started.
    coreLoadedFirst ??= Object.keys(require.cache).some((f) => f.endsWith(`${path.sep}extension-core.cjs`));
    done();
  },
});
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, parent, isMain);
};

const context = {
  subscriptions: [],
  extensionUri: vscode.Uri.file(path.resolve(__dirname, '..')),
  extensionPath: path.resolve(__dirname, '..'),
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  asAbsolutePath: (p) => path.resolve(__dirname, '..', p),
  extensionMode: 1,
};

(async () => {
  t0 = performance.now();
  const extension = require(path.resolve(bundle));
  const requireMs = performance.now() - t0;
  await extension.activate(context);
  const activateMs = performance.now() - t0;
  const timeout = setTimeout(() => {}, 10_000); // keeps the loop alive while waiting (findFiles may come after activate returns)
  await Promise.race([indexing, new Promise((r) => setTimeout(r, 10_000))]);
  clearTimeout(timeout);
  process.stdout.write(`${JSON.stringify({ requireMs, activateMs, firstWorkMs: firstWorkMs ?? null, coreLoadedFirst: coreLoadedFirst ?? null, unstubbed: [...unstubbed].sort() })}\n`);
  process.exit(0);
})().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
