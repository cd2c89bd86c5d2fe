// Where the integration harness keeps things. Everything it creates lives in ignored folders
// (.vscode-test/, out/) or in the OS temp directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Editor builds and the code-server install (ignored by git, reused between runs). */
export const cacheDir = path.join(repoRoot, '.vscode-test');

/** The bundled integration tests and the files the tests write for the harness. */
export const outDir = path.join(repoRoot, 'out', 'integration');

/** The module the extension host loads; it exports `run()`. */
export const testsEntry = path.join(outDir, 'index.cjs');

/**
 * Written by the tests (test/integration/index.ts) next to their own bundle: the harness cannot
 * pass a path to an extension host started by code-server, so both sides derive it from outDir.
 */
export const resultsFile = path.join(outDir, 'results.json');
export const progressFile = path.join(outDir, 'progress.jsonl');

export const samplesDir = path.join(repoRoot, 'samples');

/** Written by the harness before the editor starts: what the tests should expect (runner, version, workspace). */
export const runContextFile = path.join(outDir, 'run.json');
