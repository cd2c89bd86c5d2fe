// A throw-away copy of samples/ for VS Code to open, so tests may edit (and even save) files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { samplesDir } from './paths.mjs';

/** Copies samples/ to a new temporary folder and returns its real path (what VS Code reports). */
export function prepareWorkspace() {
  const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-it-')));
  const workspace = path.join(parent, 'samples');
  fs.cpSync(samplesDir, workspace, { recursive: true });
  return { workspace, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
