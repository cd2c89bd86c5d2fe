// Runs the integration tests (test/integration) inside a real VS Code.
//
//   node scripts/integration/run-tests.mjs [--electron] [--grep <pattern>] [--timeout <seconds>] [--verbose] [--keep]
//
//   --grep     only the tests whose full title matches (a regular expression, as mocha's --grep)
//   --timeout  seconds to wait for the test results once the editor is up (default 300)
//   --verbose  print the workbench's browser console (includes the extension host's console.log)
//   --keep     keep the temporary workspace and the editor's state and logs
//
// Default: VS Code 1.100.3 from code-server (installed into .vscode-test/ on first use), driven by
// headless Chromium; needs Linux, Node 20, chromium and the packages ensure-code-server.mjs names.
// With VSCODE_EXECUTABLE_PATH set, or --electron: the desktop VS Code via @vscode/test-electron.
//
// Steps: build the extension, bundle the tests, copy samples/ to a temporary workspace, start
// the editor, follow the results the tests write, print them, stop everything it started.
// Exit code: 0 when every test passed, 1 otherwise (failures, time-out, editor trouble).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleTests } from './bundle-tests.mjs';
import { ensureCodeServer, VSCODE_VERSION } from './ensure-code-server.mjs';
import { openWorkbench } from './open-workbench.mjs';
import { outDir, repoRoot, runContextFile, testsEntry } from './paths.mjs';
import { prepareWorkspace } from './prepare-workspace.mjs';
import { acquireLock } from './lock.mjs';
import { formatTest, printPartial, printResults } from './print-results.mjs';
import { descendants, endDescendants } from './processes.mjs';
import { startCodeServer, tail } from './run-code-server.mjs';
import { resolveVSCode, runWithElectron } from './run-electron.mjs';
import { writeUserSettings } from './user-settings.mjs';
import { clearResults, waitForResults } from './wait-for-results.mjs';

const { values: options } = parseArgs({
  options: {
    electron: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.KEYPLAN_IT_TIMEOUT ?? '300' },
    verbose: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});
const timeoutMs = Number(options.timeout) * 1000;
const useElectron = options.electron || Boolean(process.env.VSCODE_EXECUTABLE_PATH);
const say = (message) => console.log(`[integration] ${message}`);

// Ctrl-C / SIGTERM: stop waiting, then clean up like any other ending.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => interrupt.abort());

/** Clean-up steps, run in reverse order whatever happens. */
const cleanups = [];
async function cleanUp() {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`[integration] clean-up: ${error.message}`);
    }
  }
  // Belt and braces: nothing this script started may outlive it.
  const left = descendants();
  if (left.length) {
    console.error(`[integration] stopping ${left.length} leftover process(es): ${left.join(' ')}`);
    await endDescendants();
  }
}

function buildExtension() {
  say('building the extension (node scripts/build.mjs)');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`the extension build failed (exit ${build.status ?? build.signal})`);
}

async function runInCodeServer({ entry, workspace, stateDir, onProgress }) {
  const server = await startCodeServer({ entry, workspace, stateDir });
  cleanups.push(async () => {
    await server.stop();
    say('code-server stopped');
  });
  const consoleLog = path.join(stateDir, 'workbench-console.log');
  const workbench = await openWorkbench({
    origin: server.origin,
    workspace,
    extensionPath: repoRoot,
    testsPath: testsEntry,
    profileDir: path.join(stateDir, 'chromium-profile'),
    consoleLog,
    onConsole: options.verbose ? (line) => console.log(`  [workbench] ${line}`) : undefined,
  });
  cleanups.push(async () => {
    await workbench.close();
    say('Chromium closed');
  });
  say('workbench opened in headless Chromium; waiting for the tests');
  try {
    return await waitForResults({
      timeoutMs,
      onProgress,
      signal: interrupt.signal,
      failures: [server.exited.then(({ code, signal }) => `code-server exited (${code ?? signal})`), workbench.closed],
    });
  } catch (error) {
    error.message += `\n--- last lines of ${consoleLog} ---\n${tail(consoleLog, 30)}` +
      `\n--- last lines of ${server.logFile} ---\n${tail(server.logFile, 30)}`;
    throw error;
  }
}

async function runInElectron({ executable, workspace, stateDir, onProgress }) {
  const run = runWithElectron({ executable, workspace, extensionPath: repoRoot, testsPath: testsEntry, stateDir });
  // test-electron keeps the VS Code process to itself: on time-out the clean-up ends it as a leftover descendant.
  const exited = run.then((code) => `VS Code exited (${code})`, (error) => `VS Code failed: ${error.message}`);
  return waitForResults({ timeoutMs, onProgress, signal: interrupt.signal, failures: [exited] });
}

async function main() {
  const started = Date.now();
  let executable;
  let vscodeVersion;
  let codeServer;
  if (useElectron) {
    ({ executable, version: vscodeVersion } = await resolveVSCode(process.env.VSCODE_VERSION ?? VSCODE_VERSION));
    say(`runner: VS Code desktop via @vscode/test-electron (${executable})`);
  } else {
    codeServer = ensureCodeServer();
    vscodeVersion = VSCODE_VERSION;
    say(`runner: code-server (VS Code ${VSCODE_VERSION}, web workbench) in headless Chromium`);
  }

  const release = await acquireLock({ timeoutMs, signal: interrupt.signal, say });
  cleanups.push(release);
  buildExtension();
  say('bundling the tests (test/integration → out/integration)');
  const bundles = await bundleTests();
  say(`${bundles.length} test files: ${bundles.map((b) => path.basename(b, '.cjs')).join(', ')}`);

  interrupt.signal.throwIfAborted();
  const { workspace, remove } = prepareWorkspace();
  cleanups.push(() => (options.keep ? say(`kept the workspace ${workspace}`) : remove()));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-it-state-'));
  cleanups.push(() => (options.keep ? say(`kept the editor state and logs in ${stateDir}`) : fs.rmSync(stateDir, { recursive: true, force: true })));
  say(`workspace: copy of samples/ in ${workspace}`);
  writeUserSettings(path.join(stateDir, 'user-data')); // both runners use <stateDir>/user-data

  clearResults();
  const context = { runner: useElectron ? 'electron' : 'code-server', vscodeVersion, workspace, extensionPath: repoRoot, grep: options.grep };
  fs.writeFileSync(runContextFile, `${JSON.stringify(context, null, 2)}\n`);

  const finished = [];
  const onProgress = (event) => {
    if (event.event !== 'end') return;
    finished.push(event);
    console.log(formatTest(event));
  };
  const testsStarted = Date.now();
  let results;
  try {
    results = useElectron
      ? await runInElectron({ executable, workspace, stateDir, onProgress })
      : await runInCodeServer({ entry: codeServer, workspace, stateDir, onProgress });
  } catch (error) {
    printPartial(finished);
    throw error;
  }
  // Every bundled test file must have reported (all of them, unless --grep picked some).
  const reported = new Set(results.tests.map((t) => t.file && path.resolve(t.file)));
  const missing = options.grep ? [] : bundles.filter((b) => !reported.has(path.resolve(b))).map((b) => path.relative(repoRoot, b));
  const passed = printResults(results, { printed: true, missing });
  say(`tests took ${((Date.now() - testsStarted) / 1000).toFixed(1)} s, ${((Date.now() - started) / 1000).toFixed(1)} s in all; results in ${path.relative(repoRoot, path.join(outDir, 'results.json'))}`);
  return passed;
}

let exitCode = 1;
try {
  exitCode = (await main()) ? 0 : 1;
  if (exitCode) console.error('\n[integration] FAILED (see above)');
  else say('PASSED');
} catch (error) {
  console.error(`\n[integration] FAILED: ${interrupt.signal.aborted && error === interrupt.signal.reason ? 'interrupted' : error.message}`);
  if (interrupt.signal.aborted) exitCode = 130;
} finally {
  await cleanUp();
}
process.exit(exitCode);
