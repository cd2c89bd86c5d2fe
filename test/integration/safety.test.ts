/**
 * Safety in the editor: the extension's honest declaration for untrusted workspaces, plan text
 * that stays plain text in the trees (and untrusted in tooltips), and edits that refuse to apply
 * over a document that changed since the edit was computed.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyEditSafely } from '../../src/extension/editor/safe-edit.js';
import { EXTENSION_ID, keyplan, revertAndCloseAll, sampleUri, untilChecked } from './helpers.js';

const HOSTILE_NAME = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> $(zap) @someone #123';
const HOSTILE_FILE = 'accounts/east-china-telecom/people/hostile-name.md';

/** A tree row named HOSTILE_NAME: the label is the name as plain text, the tooltip untrusted escaped Markdown. */
function assertPlainRow(item: vscode.TreeItem): vscode.MarkdownString {
  assert.equal(item.label, HOSTILE_NAME, 'the label is the name itself, as plain text');
  const tooltip = item.tooltip as vscode.MarkdownString;
  assert.ok(tooltip instanceof vscode.MarkdownString);
  assert.equal(tooltip.isTrusted, false);
  assert.ok(!tooltip.supportHtml);
  assert.ok(!tooltip.value.includes('](command:'), tooltip.value);
  assert.ok(!/(^|[^\\])</.test(tooltip.value), 'no raw HTML');
  return tooltip;
}

describe('Safety in the editor', () => {
  afterEach(revertAndCloseAll);

  it('declares limited support for untrusted workspaces (no git in Restricted Mode) and runs nothing from the workspace', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { capabilities: { untrustedWorkspaces: { supported: unknown; description: string } } };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /never executes anything from the workspace/);
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /does not run git/);
  });

  it('a hostile name is plain text in the portfolio tree, and untrusted escaped Markdown in its tooltip', async () => {
    const api = await keyplan();
    const uri = sampleUri(HOSTILE_FILE);
    const create = new vscode.WorkspaceEdit();
    const content = ['---', 'kind: person', 'id: hostile-name', 'account: east-china-telecom', `name: ${JSON.stringify(HOSTILE_NAME)}`, `title: ${JSON.stringify(HOSTILE_NAME)}`, '---', ''].join('\n');
    create.createFile(uri, { contents: new TextEncoder().encode(content) });
    assert.equal(await vscode.workspace.applyEdit(create), true);
    try {
      await untilChecked(api, () => (api.result?.workspace.people.has('hostile-name') ? true : undefined), 'the new person in the index');
      const tree = api.portfolio!;
      const account = tree.getChildren().flatMap((g) => tree.getChildren(g)).find((n) => (n as { account?: { id: string } }).account?.id === 'east-china-telecom')!;
      const node = tree.getChildren(account).find((n) => (n as { cadence?: { person: { id: string } } }).cadence?.person.id === 'hostile-name');
      assert.ok(node, 'the person is in the tree');
      const item = tree.getTreeItem(node);
      const tooltip = assertPlainRow(item);
      // VS Code links neither @mentions nor #123 in a hover: they stay as written, so that copying
      // them copies no zero-width character (#18); only platform output defuses them.
      assert.ok(/@someone/.test(tooltip.value) && !/[\u200b\u200c\u200d\u2060]/.test(tooltip.value), tooltip.value);
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri, { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(remove);
      await untilChecked(api, () => (api.result?.workspace.people.has('hostile-name') ? undefined : true), 'the person to leave the index');
    }
  });

  it('a hostile account name is plain text in the portfolio listed while the first check runs, and untrusted escaped Markdown in its tooltip', async () => {
    const api = await keyplan();
    const uri = sampleUri('accounts/zz-hostile/account.md');
    const create = new vscode.WorkspaceEdit();
    const content = ['---', 'kind: account', 'id: zz-hostile', `name: ${JSON.stringify(HOSTILE_NAME)}`, 'tier: C', 'owner: li-na', '---', ''].join('\n');
    create.createFile(uri, { contents: new TextEncoder().encode(content) });
    assert.equal(await vscode.workspace.applyEdit(create), true);
    try {
      await untilChecked(api, () => (api.result?.workspace.accounts.get('zz-hostile')?.doc ? true : undefined), 'the new account in the index');
      const tree = api.portfolio!;
      let item: vscode.TreeItem | undefined;
      // While the first check of a re-index runs, the tree lists the accounts from their plans.
      const subscription = api.index!.onDidChangeIndexing((state) => {
        if (state?.phase !== 'checking') return;
        const node = tree.getChildren().flatMap((g) => tree.getChildren(g)).find((n) => (n as { account?: { id: string } }).account?.id === 'zz-hostile');
        if (node) item = tree.getTreeItem(node);
      });
      try {
        await api.index!.reindex();
      } finally {
        subscription.dispose();
      }
      assert.ok(item, 'the account was listed while the check ran');
      assertPlainRow(item);
      assert.match(String(item.description), /checking…/);
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri, { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(remove);
      await untilChecked(api, () => (api.result?.workspace.accounts.has('zz-hostile') ? undefined : true), 'the account to leave the index');
    }
  });

  it('Log Interaction never writes into a file it cannot read as the account\'s log; it creates the log when there is none', async () => {
    const api = await keyplan();
    const files = {
      'accounts/zz-safety/account.md': ['---', 'kind: account', 'id: zz-safety', 'name: Safety Co', 'tier: C', 'owner: li-na', '---', ''].join('\n'),
      'accounts/zz-safety/people/p-one.md': ['---', 'kind: person', 'id: p-one', 'account: zz-safety', 'name: P One', '---', ''].join('\n'),
      'accounts/zz-safety/interactions-2026.md': ['---', 'kind: interaction-log', 'account: zz-safety', 'year: [2026', '---', '', 'My notes, with a broken frontmatter.', ''].join('\n'),
    };
    const create = new vscode.WorkspaceEdit();
    for (const [rel, text] of Object.entries(files)) create.createFile(sampleUri(rel), { contents: new TextEncoder().encode(text) });
    assert.equal(await vscode.workspace.applyEdit(create), true);
    const log = sampleUri('accounts/zz-safety/interactions-2026.md');
    try {
      const LOG = 'accounts/zz-safety/interactions-2026.md';
      const logIsBroken = () => api.result?.diagnostics.some((d) => d.file === LOG && d.rule === 'yaml-syntax');
      // The index knows the person and the broken log: the refusal below is about that file.
      await untilChecked(api, () => (api.result?.workspace.people.has('p-one') && logIsBroken() ? true : undefined), 'the new account and its broken log in the index');
      const args = { account: 'zz-safety', people: ['p-one'], channel: 'visit', summary: 'first visit' };
      assert.equal(await vscode.commands.executeCommand<boolean>('keyplan.logInteraction', args), false);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(log)), files['accounts/zz-safety/interactions-2026.md'], 'the broken file is untouched');
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(log);
      assert.equal(await vscode.workspace.applyEdit(remove), true);
      await untilChecked(api, () => (logIsBroken() ? undefined : true), 'the deleted log to leave the index');
      assert.equal(await vscode.commands.executeCommand<boolean>('keyplan.logInteraction', args), true);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(log)), /^---\nkind: interaction-log\naccount: zz-safety\nyear: 2026\n---\n[^]*\n- 2026-11-20 visit @p-one: first visit\n/);
    } finally {
      // File by file: the index follows file deletions (a deleted folder is reported as one event).
      const remove = new vscode.WorkspaceEdit();
      for (const rel of Object.keys(files)) remove.deleteFile(sampleUri(rel), { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(remove);
      const folder = new vscode.WorkspaceEdit();
      folder.deleteFile(sampleUri('accounts/zz-safety'), { recursive: true, ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(folder);
      await untilChecked(api, () => (api.result?.workspace.accounts.has('zz-safety') ? undefined : true), 'the account to leave the index');
    }
  });

  it('an edit computed from an older version of a document is refused, and nothing is written', async () => {
    const uri = sampleUri('accounts/east-china-telecom/people/wang-fang.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const version = document.version;
    const original = document.getText();
    // Someone types while Keyplan prepares its edit.
    const typing = new vscode.WorkspaceEdit();
    typing.insert(uri, document.positionAt(original.length), '\nA note typed meanwhile.\n');
    assert.equal(await vscode.workspace.applyEdit(typing), true);
    assert.notEqual(document.version, version);
    const stale = new vscode.WorkspaceEdit();
    stale.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(3)), 'XXX');
    assert.equal(await applyEditSafely(stale, [{ document, version }]), false);
    assert.equal(document.getText(), `${original}\nA note typed meanwhile.\n`, 'the user\'s text is intact and the stale edit was not applied');
    // With the current version the same kind of edit goes through (and is undoable).
    const fresh = new vscode.WorkspaceEdit();
    fresh.insert(uri, document.positionAt(document.getText().length), 'ok\n');
    assert.equal(await applyEditSafely(fresh, [{ document, version: document.version }]), true);
  });
});
