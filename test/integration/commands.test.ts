/** Log Interaction, the status bar, the portfolio tree and the matrix webview. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, keyplan, revertAndCloseAll, sampleUri, untilChecked, waitForDiagnostics } from './helpers.js';

const ZHANG_WEI = 'accounts/east-china-telecom/people/zhang-wei.md';
const WANG_FANG = 'accounts/east-china-telecom/people/wang-fang.md';
const LOG = 'accounts/east-china-telecom/interactions-2026.md';

describe('Commands and views', () => {
  before(async () => {
    assert.equal(vscode.workspace.getConfiguration('keyplan').get('asOf'), '2026-11-20', 'the harness pins keyplan.asOf');
    await keyplan();
  });
  afterEach(revertAndCloseAll);

  it('shows the overdue count in the status bar', async () => {
    const api = await keyplan();
    assert.equal(api.statusText, '$(bell-dot) 3 overdue');
  });

  it('Log Interaction appends a valid entry and clears the overdue finding at once', async () => {
    const logUri = sampleUri(LOG);
    const before = fs.readFileSync(logUri.fsPath, 'utf8');
    await waitForDiagnostics(sampleUri(ZHANG_WEI), (l) => l.some((d) => codeOf(d) === 'interaction-overdue'), 'zhang-wei is overdue');
    const ok = await vscode.commands.executeCommand<boolean>('keyplan.logInteraction', { account: 'east-china-telecom', people: ['zhang-wei'], channel: 'visit', summary: '拜访张总，确认 POC 结果' });
    assert.equal(ok, true);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logUri.toString())!;
    assert.ok(document.isDirty, 'an unsaved, undoable edit');
    const text = document.getText();
    assert.ok(text.startsWith(before.replace(/\s+$/, '')), 'every byte before the entry is unchanged');
    assert.match(text, /\n- 2026-11-20 visit @zhang-wei: 拜访张总，确认 POC 结果\n/);
    await waitForDiagnostics(sampleUri(ZHANG_WEI), (l) => !l.some((d) => codeOf(d) === 'interaction-overdue'), 'zhang-wei is no longer overdue');
    const api = await keyplan();
    await api.whenIdle();
    assert.equal(api.statusText, '$(bell-dot) 2 overdue');
  });

  it('the portfolio tree groups accounts by tier with overdue counts and people by urgency', async () => {
    const api = await keyplan();
    const snapshot = api.portfolio!.snapshot();
    assert.deepEqual(snapshot.map((g) => g.accounts.map((a) => a.id)), [['east-china-telecom'], ['yuanhang-auto'], ['qinghe-medical']]);
    const telecom = snapshot[0].accounts[0];
    assert.match(telecom.description, /^A · health \d+ [▲▼] · 1 overdue$/);
    assert.equal(telecom.people[0], 'zhang-wei', 'the overdue contact comes first');
    assert.match(snapshot[2].accounts[0].description, /dark/);
    api.portfolio!.setGroupBy('owner');
    assert.deepEqual(api.portfolio!.snapshot().map((g) => g.group), ['chen-hao', 'li-na']);
    api.portfolio!.setGroupBy('tier');
    const attention = api.attention!.snapshot();
    assert.ok(attention.some((g) => g.group === 'missing-economic-buyer' && g.items.includes('远航汽车')));
    assert.ok(attention.some((g) => g.group === 'account-dark' && g.items.includes('青禾医疗')));
  });

  it('Only My Accounts asks for the owner id when it is unset, and never shows a false empty state', async () => {
    const api = await keyplan();
    const tree = api.portfolio!;
    const config = () => vscode.workspace.getConfiguration('keyplan');
    const before = config().inspect<string>('owner')?.globalValue;
    try {
      await config().update('owner', undefined, vscode.ConfigurationTarget.Global);
      assert.deepEqual(tree.owners(), ['chen-hao', 'li-na'], 'the owners found in the workspace are offered');
      // The argument stands in for the QuickPick choice.
      assert.equal(await vscode.commands.executeCommand('keyplan.setOwner', 'nobody-here'), 'nobody-here');
      assert.equal(config().get('owner'), 'nobody-here', 'saved to the keyplan.owner setting');
      await vscode.commands.executeCommand('keyplan.filter.onlyMine', true);
      assert.equal(tree.onlyMine, true);
      const [empty] = tree.getChildren();
      assert.equal(empty.type, 'filtered-empty', 'not the "No Keyplan documents yet" welcome');
      const item = tree.getTreeItem(empty);
      assert.equal(item.label, 'No accounts owned by nobody-here — change your owner id…');
      assert.equal(item.command?.command, 'keyplan.setOwner', 'a way to change it');
      await vscode.commands.executeCommand('keyplan.setOwner', 'li-na');
      assert.ok(tree.snapshot().flatMap((g) => g.accounts).length > 0, "li-na's accounts are listed");
      assert.ok(tree.getChildren().every((n) => n.type !== 'filtered-empty'));
    } finally {
      await vscode.commands.executeCommand('keyplan.filter.onlyMine', false);
      await config().update('owner', before, vscode.ConfigurationTarget.Global);
    }
  });

  it('a document that cannot be read is named in the portfolio and the status bar, never dropped silently', async () => {
    const api = await keyplan();
    const rel = 'accounts/qinghe-medical/people/zz-broken.md';
    const uri = sampleUri(rel);
    const create = new vscode.WorkspaceEdit();
    create.createFile(uri, { contents: new TextEncoder().encode('---\nkind: person\nid: zz-broken\naccount: qinghe-medical\nname: [Broken\n---\n') });
    assert.equal(await vscode.workspace.applyEdit(create), true);
    try {
      const tree = api.portfolio!;
      const group = await untilChecked(api, () => tree.getChildren().find((n) => n.type === 'unreadable-group'), 'the unreadable node at the top of the portfolio');
      assert.deepEqual(tree.getChildren()[0], group, 'above the accounts');
      assert.equal(tree.getTreeItem(group).label, '1 document could not be read');
      const [file] = tree.getChildren(group);
      const item = tree.getTreeItem(file);
      assert.equal(item.label, rel);
      assert.match(String(item.tooltip), /\S/, 'the reason is shown');
      assert.equal(item.command?.arguments?.[0]?.toString(), uri.toString(), 'a click opens the file');
      assert.equal(api.statusText, '$(bell-dot) 3 overdue $(warning) 1 unreadable');
      assert.deepEqual(tree.snapshot().map((g) => g.accounts.map((a) => a.id)), [['east-china-telecom'], ['yuanhang-auto'], ['qinghe-medical']], 'the accounts are still listed');
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri, { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(remove);
      await untilChecked(api, () => (api.result?.unreadable.length === 0 ? true : undefined), 'the broken file to leave the index');
    }
    assert.equal(api.statusText, '$(bell-dot) 3 overdue');
    assert.equal(api.portfolio!.getChildren().some((n) => n.type === 'unreadable-group'), false);
  });

  it('the matrix opens, receives the model, and a drag edits exactly two values', async () => {
    await vscode.commands.executeCommand('keyplan.openMatrix', 'east-china-telecom');
    const api = await keyplan();
    const panel = api.matrix('east-china-telecom');
    assert.ok(panel, 'a panel for the account');
    await panel.modelSent;
    const model = panel.lastMessage?.model;
    assert.ok(model, 'the webview was sent a model');
    assert.equal(model.accountName, '华东电信');
    const wang = model.people.find((p) => p.id === 'wang-fang')!;
    assert.deepEqual(wang.position, { x: 0, y: 3 });
    assert.equal(JSON.stringify(panel.lastMessage).includes('accounts/'), false, 'no file paths reach the webview');

    const uri = sampleUri(WANG_FANG);
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    assert.equal(await panel.receive({ type: 'move', person: 'wang-fang', stance: 'supporter', influence: 4 }), true);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    assert.ok(document.isDirty);
    assert.equal(document.getText(), before.replace('stance: neutral', 'stance: supporter').replace('influence: 3', 'influence: 4'));
    await api.whenIdle();
    assert.deepEqual(panel.lastMessage?.model.people.find((p) => p.id === 'wang-fang')?.position, { x: 1, y: 4 }, 'the matrix redraws from the edited buffer');

    const rejectedBefore = panel.rejected;
    assert.equal(await panel.receive({ type: 'move', person: 'nobody', stance: 'supporter', influence: 4 }), false);
    assert.equal(await panel.receive({ type: 'move', person: 'wang-fang', stance: 'supporter', influence: 9 }), false);
    assert.equal(panel.rejected, rejectedBefore + 2);
    panel.panel.dispose();
  });

  it('the matrix moves a marker step by step as the arrow keys do, and undoes and redoes the moves from the panel', async () => {
    await vscode.commands.executeCommand('keyplan.openMatrix', 'east-china-telecom');
    const api = await keyplan();
    const panel = api.matrix('east-china-telecom')!;
    await panel.modelSent;
    const uri = sampleUri(WANG_FANG);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const text = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.getText();
    const at = () => panel.lastMessage?.model.people.find((p) => p.id === 'wang-fang')?.position;
    // What the webview posts for ArrowRight, then ArrowUp, on wang-fang (neutral, 3): one step each.
    assert.equal(await panel.receive({ type: 'move', person: 'wang-fang', stance: 'supporter', influence: 3 }), true);
    const afterRight = original.replace('stance: neutral', 'stance: supporter');
    assert.equal(text(), afterRight);
    await api.whenIdle();
    assert.deepEqual(at(), { x: 1, y: 3 });
    assert.equal(await panel.receive({ type: 'move', person: 'wang-fang', stance: 'supporter', influence: 4 }), true);
    const afterUp = afterRight.replace('influence: 3', 'influence: 4');
    assert.equal(text(), afterUp);

    // Ctrl+Z in the panel: the last move is undone, then the one before; nothing more to undo.
    assert.equal(await panel.receive({ type: 'undo' }), true);
    assert.equal(text(), afterRight, 'the last move undone, byte for byte');
    await api.whenIdle();
    assert.deepEqual(at(), { x: 1, y: 3 }, 'the matrix shows the undone move');
    assert.equal(await panel.receive({ type: 'undo' }), true);
    assert.equal(text(), original, 'every byte of the file is back');
    assert.equal(await panel.receive({ type: 'undo' }), false, 'nothing left to undo');
    // Ctrl+Shift+Z: redone in order.
    assert.equal(await panel.receive({ type: 'redo' }), true);
    assert.equal(text(), afterRight);
    assert.equal(await panel.receive({ type: 'redo' }), true);
    assert.equal(text(), afterUp);
    assert.equal(await panel.receive({ type: 'redo' }), false, 'nothing left to redo');
    await api.whenIdle();
    assert.deepEqual(at(), { x: 1, y: 4 });

    // The file changed after the move (the user typed in it): the undo is refused, nothing is written.
    const document = await vscode.workspace.openTextDocument(uri);
    const typed = new vscode.WorkspaceEdit();
    typed.insert(uri, document.positionAt(document.getText().length), '\nA note typed later.\n');
    assert.ok(await vscode.workspace.applyEdit(typed));
    const changed = text();
    assert.equal(await panel.receive({ type: 'undo' }), false, 'refused: the file changed since the move');
    assert.equal(text(), changed, 'nothing written');
    assert.deepEqual(panel.history.size, { undo: 0, redo: 0 }, 'the stale moves of that file are forgotten');

    // Messages that are not what the webview sends are rejected and counted.
    const rejectedBefore = panel.rejected;
    for (const m of [{ type: 'undo ' }, { type: 'UNDO' }, { type: 'redo', then: 'exec' } as unknown, 'undo']) await panel.receive(m);
    assert.equal(panel.rejected, rejectedBefore + 3, 'three rejected (a redo with an extra field is just a redo)');
    panel.panel.dispose();
  });

  it('Log Interaction logs a past day with several people and an alias channel; its follow-up shows in Needs Attention', async () => {
    const api = await keyplan();
    const logUri = sampleUri(LOG);
    const ok = await vscode.commands.executeCommand<boolean>('keyplan.logInteraction', {
      account: 'east-china-telecom', people: ['wang-fang', 'zhang-wei'], channel: '拜访', date: '2026-11-18', summary: '报价评审 Next (2026-11-19): 发送修订报价',
    });
    assert.equal(ok, true);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logUri.toString())!;
    assert.match(document.getText(), /\n- 2026-11-18 拜访 @wang-fang @zhang-wei: 报价评审 Next \(2026-11-19\): 发送修订报价\n/);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('- 2026-11-18 拜访')), 'the cursor is on the new entry');
    const group = await untilChecked(api, () => api.attention!.snapshot().find((g) => g.group === 'follow-ups'), 'the follow-up in Needs Attention');
    assert.deepEqual(group.items, ['发送修订报价']);
    // A date after today is refused: nothing is written.
    const before = document.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('keyplan.logInteraction', { account: 'east-china-telecom', people: ['wang-fang'], channel: 'visit', date: '2026-11-21', summary: 'x' }), false);
    assert.equal(document.getText(), before);
  });

  it('Prepare for Meeting on a person in the Portfolio opens the local brief, read-only, with the private notes marked', async () => {
    const api = await keyplan();
    await api.whenIdle();
    type AnyNode = { type: string; cadence?: { person: { id: string } } };
    const tree = api.portfolio! as unknown as { getChildren(node?: AnyNode): AnyNode[] };
    const people: AnyNode[] = [];
    for (const group of tree.getChildren()) for (const account of tree.getChildren(group)) people.push(...tree.getChildren(account).filter((n) => n.type === 'person'));
    const node = people.find((n) => n.cadence?.person.id === 'zhang-wei');
    assert.ok(node, 'zhang-wei in the portfolio');
    const text = await vscode.commands.executeCommand<string>('keyplan.prepareForMeeting', node);
    assert.match(text, /^# (Meeting brief: |会前简报：)张伟/);
    assert.match(text, /## (PRIVATE: personal notes|私密：个人信息)/);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'keyplan-brief' && d.uri.path === '/zhang-wei.md');
    assert.ok(document, 'a keyplan-brief: document, which no one can edit or save');
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.getText(), text);
  });
});
