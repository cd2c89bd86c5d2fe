/**
 * When one check changes the findings of many files (the first indexing of a large folder, a
 * setting that changes a rule's severity everywhere), the views update first and the findings
 * follow: thousands of files' findings kept the window busy for seconds before it drew the
 * portfolio. None may be lost on the way.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { keyplan, keyplanDiagnostics, revertAndCloseAll, sampleUri, untilChecked } from './helpers.js';

const FILES = 260; // more than the views-first threshold (200 files)
const person = (id: string) => ['---', 'kind: person', `id: ${id}`, 'account: east-china-telecom', `name: ${id}`, 'stance: suportive', '---', ''].join('\n');
const fileOf = (i: number) => `notes/batch/p-${String(i).padStart(3, '0')}.md`;

describe('Findings of many files at once', () => {
  afterEach(revertAndCloseAll);

  it('go to the editor after the views have updated, every one of them', async function () {
    this.timeout(120_000);
    const api = await keyplan();
    const encode = (text: string) => new TextEncoder().encode(text);
    const config = sampleUri('keyplan.yaml');
    const configText = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    const severities = () => Array.from({ length: FILES }, (_, i) => keyplanDiagnostics(sampleUri(fileOf(i))).find((d) => /suportive/.test(d.message))?.severity);
    try {
      for (let i = 0; i < FILES; i++) await vscode.workspace.fs.writeFile(sampleUri(fileOf(i)), encode(person(`batch-${i}`)));
      await untilChecked(api, () => (severities().every((s) => s === vscode.DiagnosticSeverity.Error) ? true : undefined), 'every file to have its stance error', 60_000);
      const rule = String((keyplanDiagnostics(sampleUri(fileOf(0))).find((d) => /suportive/.test(d.message))!.code as { value: string }).value);

      // One setting turns that rule into a warning in every file: one check, findings of 260+ files.
      let atViews: (vscode.DiagnosticSeverity | undefined)[] | undefined;
      const subscription = api.index!.onDidUpdate(() => {
        atViews ??= severities();
      });
      assert.match(configText, /^rules:\n/m, 'the samples set rules');
      await vscode.workspace.fs.writeFile(config, encode(configText.replace(/^rules:\n/m, `rules:\n  ${rule}: warning\n`)));
      await untilChecked(api, () => (severities().every((s) => s === vscode.DiagnosticSeverity.Warning) ? true : undefined), 'every file to have the warning', 60_000);
      subscription.dispose();
      assert.ok(atViews, 'the views were updated');
      assert.ok(atViews.every((s) => s === vscode.DiagnosticSeverity.Error), 'when the views updated, the findings were not sent yet');
      await api.whenIdle();
      assert.deepEqual(new Set(severities()), new Set([vscode.DiagnosticSeverity.Warning]), 'every file has its new finding');
    } finally {
      await vscode.workspace.fs.writeFile(config, encode(configText));
      await vscode.workspace.fs.delete(sampleUri('notes/batch'), { recursive: true, useTrash: false }).then(undefined, () => {});
      await untilChecked(api, () => (api.result?.workspace.people.has('batch-0') ? undefined : true), 'the test files to leave the index', 60_000);
    }
  });
});
