/** The extension under development is loaded and activated by the samples workspace. */
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, runContext } from './helpers.js';

// A root-level hook: runs once before every suite (and before any test can call activate()).
let activeBeforeTheTests: boolean | undefined;
before(() => {
  activeBeforeTheTests = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;
});

describe('Keyplan extension', () => {
  it('is the extension under development', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is known to VS Code`);
    assert.equal(extension.packageJSON.main, './dist/extension.cjs');
    assert.equal(path.resolve(extension.extensionUri.fsPath), path.resolve(runContext().extensionPath));
  });

  it('was activated by workspaceContains:keyplan.yaml before the tests started', () => {
    // VS Code runs the tests only after the activations triggered at startup have finished, so
    // nothing here has activated it yet: it is active because the samples have a keyplan.yaml.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok((extension.packageJSON.activationEvents as string[]).includes('workspaceContains:keyplan.yaml'));
    assert.equal(activeBeforeTheTests, true, 'the extension was active before any test ran');
  });

  it('exposes its API: the latest check result and whenIdle()', async () => {
    const api = await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    assert.equal(typeof api.whenIdle, 'function');
    await api.whenIdle();
    assert.ok(api.result, 'a check result after the first check');
    assert.ok(Array.isArray(api.result.diagnostics));
    assert.ok(api.result.diagnostics.length > 0, 'the samples have findings');
  });
});
