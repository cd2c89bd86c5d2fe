/** The editor the tests run in: the expected VS Code, with the samples copy as its only folder. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { runContext, workspaceFolder } from './helpers.js';

describe('VS Code', () => {
  it('is the version the harness started', () => {
    const expected = runContext().vscodeVersion;
    if (expected) {
      assert.equal(vscode.version, expected);
    } else {
      // A VS Code the harness did not pick (VSCODE_EXECUTABLE_PATH): at least what package.json asks for.
      const [major, minor] = vscode.version.split('.').map(Number);
      assert.ok(major! > 1 || (major === 1 && minor! >= 100), `VS Code ${vscode.version} satisfies engines.vscode ^1.100.0`);
    }
  });

  it('runs the web workbench under code-server and the desktop app under Electron', () => {
    const { runner } = runContext();
    assert.equal(vscode.env.uiKind, runner === 'code-server' ? vscode.UIKind.Web : vscode.UIKind.Desktop);
  });

  it('has the temporary copy of samples/ open as its only workspace folder', () => {
    const folder = workspaceFolder();
    assert.equal(folder.uri.scheme, 'file');
    assert.ok(fs.existsSync(path.join(folder.uri.fsPath, 'keyplan.yaml')), 'the folder has a keyplan.yaml');
    assert.equal(folder.uri.fsPath, runContext().workspace);
  });
});
