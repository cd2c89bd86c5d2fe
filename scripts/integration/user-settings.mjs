// The editor's user settings for test runs, written into the fresh user-data directory.
import fs from 'node:fs';
import path from 'node:path';

export const TEST_SETTINGS = {
  // The web workbench saves after 1 s by default: tests that edit without saving need it off.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  // The date samples/README.md documents the samples for, so cadence findings are fixed.
  'keyplan.asOf': '2026-11-20',
};

/** Writes `<userDataDir>/User/settings.json` (the same layout for code-server and the desktop app). */
export function writeUserSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(TEST_SETTINGS, null, 2)}\n`);
  return file;
}
