/**
 * The editor checks the files the command line checks (src/disk/walk.ts lists both): a file a
 * .gitignore or keyplan.yaml's `exclude` leaves out gets no finding in the editor either, and one
 * that comes back in is checked again.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { keyplan, keyplanDiagnostics, revertAndCloseAll, sampleUri, untilChecked } from './helpers.js';

const person = (id: string) => ['---', 'kind: person', `id: ${id}`, 'account: east-china-telecom', `name: ${id}`, 'stance: suportive', '---', ''].join('\n');

describe('Which files the editor checks', () => {
  afterEach(revertAndCloseAll);

  it('the files the command line checks: a .gitignore or keyplan.yaml exclude leaves a file out in the editor too', async () => {
    const api = await keyplan();
    const write = (rel: string, text: string) => vscode.workspace.fs.writeFile(sampleUri(rel), new TextEncoder().encode(text));
    const config = sampleUri('keyplan.yaml');
    const configText = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    assert.doesNotMatch(configText, /^exclude:/m, 'the samples exclude nothing');
    try {
      await write('.gitignore', 'scratch/\n');
      await write('scratch/ghost-ignored.md', person('ghost-ignored'));
      await write('notes/ghost-kept.md', person('ghost-kept'));
      await untilChecked(api, () => (api.result?.workspace.people.has('ghost-kept') ? true : undefined), 'the file no .gitignore leaves out');
      await api.whenIdle();
      assert.ok(!api.result!.workspace.people.has('ghost-ignored'), 'a file .gitignore leaves out is not checked');
      assert.deepEqual(keyplanDiagnostics(sampleUri('scratch/ghost-ignored.md')), []);
      assert.ok(keyplanDiagnostics(sampleUri('notes/ghost-kept.md')).length > 0, 'the kept file has its finding');

      // keyplan.yaml's exclude takes the kept file out, and giving it back checks it again.
      await write('keyplan.yaml', `${configText}\nexclude:\n  - notes/ghost-*.md\n`);
      await untilChecked(api, () => (api.result?.workspace.people.has('ghost-kept') ? undefined : true), 'the excluded file to leave the index');
      await untilChecked(api, () => (keyplanDiagnostics(sampleUri('notes/ghost-kept.md')).length ? undefined : true), 'its finding to go');
      await write('keyplan.yaml', configText);
      await untilChecked(api, () => (api.result?.workspace.people.has('ghost-kept') ? true : undefined), 'the file to be checked again');
    } finally {
      await write('keyplan.yaml', configText);
      for (const rel of ['.gitignore', 'scratch', 'notes/ghost-kept.md']) await vscode.workspace.fs.delete(sampleUri(rel), { recursive: true, useTrash: false }).then(undefined, () => {});
      await untilChecked(api, () => (api.result?.workspace.people.has('ghost-kept') ? undefined : true), 'the test files to leave the index');
    }
  });

  it('a *.md it cannot read (a named pipe) is named in the portfolio and the status bar, not dropped, and leaves them once gone', async () => {
    const api = await keyplan();
    const pipe = sampleUri('notes/pipe.md');
    mkdirSync(sampleUri('notes').fsPath, { recursive: true });
    execFileSync('mkfifo', [pipe.fsPath]);
    const named = () => api.portfolio!.unreadable().find((u) => u.path === 'notes/pipe.md');
    try {
      await api.index!.reindex();
      const entry = await untilChecked(api, named, 'the pipe among the files that could not be read');
      assert.match(entry.reason, /could not be opened \(.*not a regular file/);
      assert.match(api.statusText ?? '', /1 unreadable/);
    } finally {
      rmSync(pipe.fsPath, { force: true });
      await api.index!.reindex();
    }
    await untilChecked(api, () => (named() ? undefined : true), 'the pipe to leave the views');
    assert.doesNotMatch(api.statusText ?? '', /unreadable/);
  });

  it('an account folder deleted or moved at once (one event for the folder) leaves the index, and is read again where it was moved to', async () => {
    const api = await keyplan();
    const folder = 'accounts/zz-moved';
    const files: Record<string, string> = {
      'account.md': ['---', 'kind: account', 'id: zz-moved', 'name: Moved Co', 'tier: C', 'owner: li-na', '---', ''].join('\n'),
      'people/p-moved.md': ['---', 'kind: person', 'id: p-moved', 'account: zz-moved', 'name: P Moved', '---', ''].join('\n'),
    };
    const has = () => api.result?.workspace.people.has('p-moved') && api.result.documents.some((d) => d.path.startsWith('accounts/zz-'));
    const where = () => api.result?.workspace.people.get('p-moved')?.doc.path;
    try {
      for (const [rel, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(sampleUri(`${folder}/${rel}`), new TextEncoder().encode(text));
      await untilChecked(api, () => (has() ? true : undefined), 'the new account in the index');
      // Moved: the files are gone from the old folder and read in the new one (by shell, as a
      // checkout or a file manager would: no event for each file).
      renameSync(sampleUri(folder).fsPath, sampleUri('accounts/zz-renamed').fsPath);
      await untilChecked(api, () => (where() === 'accounts/zz-renamed/people/p-moved.md' ? true : undefined), 'the person read where the folder was moved to');
      assert.ok(!api.result!.documents.some((d) => d.path.startsWith(`${folder}/`)), 'nothing left of the old folder');
      // Deleted at once.
      rmSync(sampleUri('accounts/zz-renamed').fsPath, { recursive: true });
      await untilChecked(api, () => (api.result?.workspace.accounts.has('zz-moved') ? undefined : true), 'the deleted account to leave the index');
      assert.ok(!api.result!.documents.some((d) => d.path.startsWith('accounts/zz-')), 'no document of the deleted folder left');
    } finally {
      for (const f of [folder, 'accounts/zz-renamed']) rmSync(sampleUri(f).fsPath, { recursive: true, force: true });
    }
  });
});
