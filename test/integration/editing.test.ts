/** The extension checks unsaved editor contents: fixing a typo in an editor clears the problem. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, keyplan, keyplanDiagnostics, revertAndCloseAll, sampleUri, waitForDiagnostics } from './helpers.js';

const ZHAO_MIN = 'accounts/east-china-telecom/people/zhao-min.md';
const HE_PING = 'accounts/yuanhang-auto/people/he-ping.md';
const hasSchemaProblem = (list: vscode.Diagnostic[]) => list.some((d) => codeOf(d) === 'schema' && d.range.start.line === 9);

/** What the editor and the extension hold right now, for failure messages. */
async function state(document: vscode.TextDocument): Promise<string> {
  const api = await keyplan();
  const core = api.result?.diagnostics.filter((d) => d.file === ZHAO_MIN).map((d) => `${d.range.start.line}:${d.range.start.column} ${d.rule}`);
  return `line 10 in the editor: "${document.lineAt(9).text}" (dirty: ${document.isDirty}); the core's findings for the file: ${core?.join(', ') || '(none)'}`;
}

const explained = async <T>(document: vscode.TextDocument, wait: Promise<T>): Promise<T> => {
  try {
    return await wait;
  } catch (error) {
    if (error instanceof Error) error.message += `\n${await state(document)}`;
    throw error;
  }
};

describe('Editing a person file', () => {
  const uri = sampleUri(ZHAO_MIN);

  before(async () => {
    // The web workbench saves edits after a second by default; the harness turns that off.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'files.autoSave is off (see scripts/integration/user-settings.mjs)');
    await keyplan();
  });

  after(revertAndCloseAll);

  it('fixing `suportive` → `supporter` without saving clears the schema problem; reverting brings it back', async () => {
    await waitForDiagnostics(uri, hasSchemaProblem, 'the schema problem at line 10 is shown');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');

    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const line = document.lineAt(9);
    assert.equal(line.text, 'stance: suportive', 'line 10 of zhao-min.md');
    const start = line.text.indexOf('suportive');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(9, start, 9, start + 'suportive'.length), 'supporter');
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was applied');
    assert.equal(document.isDirty, true, 'the editor has unsaved changes');

    await explained(document, waitForDiagnostics(uri, (list) => !hasSchemaProblem(list), 'the schema problem is gone'));
    const api = await keyplan();
    assert.deepEqual(api.result!.diagnostics.filter((d) => d.file === ZHAO_MIN && d.rule === 'schema'), [], 'the core no longer reports it');
    assert.ok(keyplanDiagnostics(sampleUri(HE_PING)).some((d) => codeOf(d) === 'unknown-reference'), 'other files keep their problems');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), onDisk, 'the file on disk is unchanged');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.isDirty, false, 'reverted');
    await explained(document, waitForDiagnostics(uri, hasSchemaProblem, 'the schema problem is back after reverting'));
  });
});
