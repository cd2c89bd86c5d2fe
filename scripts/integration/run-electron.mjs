// The standard way to run extension tests, for machines that can download VS Code (or have one):
// @vscode/test-electron starts the desktop app with --extensionDevelopmentPath and
// --extensionTestsPath. Used when VSCODE_EXECUTABLE_PATH is set or --electron is given.
// On a Linux machine without a display, run it under `xvfb-run -a`.
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { cacheDir } from './paths.mjs';

/** The executable to run: VSCODE_EXECUTABLE_PATH, or `version` downloaded into .vscode-test/. */
export async function resolveVSCode(version) {
  if (process.env.VSCODE_EXECUTABLE_PATH) return { executable: process.env.VSCODE_EXECUTABLE_PATH, version: undefined };
  const executable = await downloadAndUnzipVSCode({ version, cachePath: cacheDir });
  return { executable, version };
}

/** Resolves with VS Code's exit code (0: all tests passed); the harness reads results.json for the details. */
export async function runWithElectron({ executable, workspace, extensionPath, testsPath, stateDir }) {
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-telemetry',
        '--locale=en',
        `--user-data-dir=${path.join(stateDir, 'user-data')}`,
        `--extensions-dir=${path.join(stateDir, 'extensions')}`,
      ],
    });
  } catch (error) {
    // TestRunFailedError: VS Code exited non-zero, which failing tests also cause.
    if (typeof error?.code === 'number') return error.code;
    throw error;
  }
}
