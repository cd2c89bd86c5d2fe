/** The decision-chain map webview: open, the hover card's data, open a person, drag to re-parent with undo and redo, the informal-line toggle, the path highlight, the links with the matrix. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { layoutMap } from '../../src/core/map/layout.js';
import { EXTENSION_ID, keyplan, revertAndCloseAll, sampleUri, untilChecked } from './helpers.js';

const ACCOUNT = 'east-china-telecom';
const WANG_FANG = 'accounts/east-china-telecom/people/wang-fang.md';
const CHEN_JING = 'accounts/east-china-telecom/people/chen-jing.md';
const SUN_JIANGUO = 'accounts/east-china-telecom/people/sun-jianguo.md';

async function openMap() {
  await vscode.commands.executeCommand('keyplan.openMap', ACCOUNT);
  const api = await keyplan();
  const panel = api.map(ACCOUNT);
  assert.ok(panel, 'a map panel for the account');
  await panel.modelSent;
  return { api, panel };
}

const textOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText() ?? fs.readFileSync(uri.fsPath, 'utf8');

describe('Relationship map', () => {
  before(async () => {
    assert.equal(vscode.workspace.getConfiguration('keyplan').get('asOf'), '2026-11-20', 'the harness pins keyplan.asOf');
    await keyplan();
  });
  afterEach(async () => {
    const api = await keyplan();
    api.map(ACCOUNT)?.panel.dispose();
    api.matrix(ACCOUNT)?.panel.dispose();
    await revertAndCloseAll();
  });

  it('is a command, and an inline and context action on each account of the Portfolio view', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> } };
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'keyplan.openMap'));
    const onAccount = pkg.contributes.menus['view/item/context'].filter((m) => m.command === 'keyplan.openMap' && m.when === 'view == keyplan.portfolio && viewItem == account');
    assert.deepEqual(onAccount.map((m) => m.group?.split('@')[0]).sort(), ['1_keyplan', 'inline']);
  });

  it('opens from a Portfolio account node and sends the model with the hover card data, and no file path', async () => {
    const api = await keyplan();
    type Row = { type: string; account?: { id?: string } };
    const node = api.portfolio!.getChildren().flatMap((g) => api.portfolio!.getChildren(g)).find((n) => (n as Row).type === 'account' && (n as Row).account?.id === ACCOUNT);
    assert.ok(node, 'the account in the Portfolio view');
    await vscode.commands.executeCommand('keyplan.openMap', node);
    const panel = api.map(ACCOUNT)!;
    assert.ok(panel, 'the action opens the map of that account');
    await panel.modelSent;
    const message = panel.lastMessage!;
    assert.equal(message.model.accountName, '华东电信');
    assert.equal(panel.panel.title, 'Map: 华东电信');
    assert.deepEqual(message.model.nodes.map((n) => n.id), ['chen-jing', 'li-ming', 'sun-jianguo', 'wang-fang', 'zhang-wei', 'zhao-min', 'zhou-yang']);
    const zhang = message.model.nodes.find((n) => n.id === 'zhang-wei')!;
    // What the hover card shows.
    assert.equal(zhang.name, '张伟');
    assert.deepEqual(zhang.roles, ['TB']);
    assert.equal(zhang.stance, 'champion');
    assert.equal(zhang.influence, 4);
    assert.equal(zhang.cadenceState, 'overdue');
    assert.equal(zhang.reportsTo, 'sun-jianguo');
    assert.ok(zhang.marks.includes('our-side'));
    assert.equal(typeof zhang.temperature, 'number');
    assert.equal(JSON.stringify(message).includes('accounts/'), false, 'no file paths reach the webview');
    assert.ok(message.strings.hint.length > 20 && message.strings.informal && message.strings.openMatrix);
    assert.equal(message.showInformal, true);
  });

  it('a click is a selection in the webview; Enter or a double-click opens the person', async () => {
    const { panel } = await openMap();
    assert.equal(await panel.receive({ type: 'open', person: 'zhang-wei' }), true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.uri.fsPath.endsWith('zhang-wei.md'), `the person's file is open: ${editor?.document.uri.fsPath}`);
    assert.match(editor!.document.lineAt(editor!.selection.active.line).text, /^name:/, 'at the name');
    const before = panel.rejected;
    assert.equal(await panel.receive({ type: 'open', person: '../../keyplan' }), false);
    assert.equal(await panel.receive({ type: 'open', person: 'li-na' }), false, 'only people of this account');
    assert.equal(panel.rejected, before + 2);
  });

  it('the informal lines toggle: the model says whether to draw them', async () => {
    const { panel } = await openMap();
    const revision = panel.lastMessage!.revision;
    assert.ok(panel.lastMessage!.model.edges.some((e) => e.kind === 'influences'), 'the sample has informal lines');
    assert.equal(await panel.receive({ type: 'informal', show: false }), true);
    assert.equal(panel.lastMessage!.showInformal, false);
    assert.ok(panel.lastMessage!.revision > revision);
    assert.equal(await panel.receive({ type: 'informal', show: 'no' }), false, 'a toggle that is not a boolean is rejected');
    assert.equal(await panel.receive({ type: 'informal', show: true }), true);
    assert.equal(panel.lastMessage!.showInformal, true);
  });

  it('dragging a card onto another edits one line (reports_to), undoes and redoes it; a stale drag and a cycle are refused', async () => {
    const { api, panel } = await openMap();
    const uri = sampleUri(WANG_FANG);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(original, /\nreports_to: sun-jianguo\n/);
    const reportsTo = (id: string) => panel.lastMessage!.model.nodes.find((n) => n.id === id)?.reportsTo;

    // A drag on an older drawing (the webview had not yet received the last model): refused.
    const stale = panel.lastMessage!.revision - 1;
    assert.equal(await panel.receive({ type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: stale }), false);
    assert.equal(panel.lastRefusal, 'stale');
    assert.equal(textOf(uri), original, 'nothing written');

    assert.equal(await panel.receive({ type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: panel.lastMessage!.revision }), true);
    const moved = original.replace('\nreports_to: sun-jianguo\n', '\nreports_to: zhang-wei\n');
    assert.equal(textOf(uri), moved, 'exactly the value of that one line changed');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    assert.ok(document.isDirty, 'an unsaved, undoable edit');
    await untilChecked(api, () => (reportsTo('wang-fang') === 'zhang-wei' ? true : undefined), 'the map redraws with wang-fang under zhang-wei');

    // Ctrl+Z / Ctrl+Shift+Z in the panel.
    assert.equal(await panel.receive({ type: 'undo' }), true);
    assert.equal(textOf(uri), original, 'every byte back');
    await untilChecked(api, () => (reportsTo('wang-fang') === 'sun-jianguo' ? true : undefined), 'the map shows the undo');
    assert.equal(await panel.receive({ type: 'undo' }), false, 'nothing more to undo');
    assert.equal(await panel.receive({ type: 'redo' }), true);
    assert.equal(textOf(uri), moved);
    assert.equal(await panel.receive({ type: 'undo' }), true);
    assert.equal(textOf(uri), original);
    await api.whenIdle();

    // sun-jianguo under li-ming, who reports to zhang-wei, who reports to sun-jianguo: a cycle.
    const sun = sampleUri(SUN_JIANGUO);
    const sunBefore = textOf(sun);
    assert.equal(await panel.receive({ type: 'reparent', person: 'sun-jianguo', manager: 'li-ming', revision: panel.lastMessage!.revision }), false);
    assert.equal(panel.lastRefusal, 'cycle');
    assert.equal(textOf(sun), sunBefore, 'nothing written');
    assert.equal(await panel.receive({ type: 'reparent', person: 'zhang-wei', manager: 'zhang-wei', revision: panel.lastMessage!.revision }), false, 'nobody reports to themselves');

    // Messages that are not what the webview sends.
    const before = panel.rejected;
    for (const m of [{ type: 'reparent', person: 'wang-fang', manager: 'nobody', revision: 1 }, { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei' }, { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: '3' }]) {
      assert.equal(await panel.receive(m), false);
    }
    assert.equal(panel.rejected, before + 3);
  });

  it('a person without a reporting line gets a reports_to line added, with the file\'s line endings', async () => {
    const { api, panel } = await openMap();
    const uri = sampleUri(CHEN_JING);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    assert.doesNotMatch(original, /reports_to/);
    assert.equal(await panel.receive({ type: 'reparent', person: 'chen-jing', manager: 'sun-jianguo', revision: panel.lastMessage!.revision }), true);
    const text = textOf(uri);
    const eol = original.includes('\r\n') ? '\r\n' : '\n';
    const added = text.split(eol).filter((l) => !original.split(eol).includes(l));
    assert.deepEqual(added, ['reports_to: sun-jianguo'], 'one line added, nothing else changed');
    assert.equal(text.replace(`${eol}reports_to: sun-jianguo`, ''), original);
    await untilChecked(api, () => (panel.lastMessage!.model.nodes.find((n) => n.id === 'chen-jing')?.reportsTo === 'sun-jianguo' ? true : undefined), 'chen-jing is drawn under sun-jianguo');
    assert.equal(await panel.receive({ type: 'undo' }), true);
    assert.equal(textOf(uri), original);
  });

  it('highlights the path to the economic buyer: the path and the lines on it come from the core', async () => {
    const { api, panel } = await openMap();
    // In the sample the EB is a supporter (on our side): no line to walk.
    const [eb] = panel.lastMessage!.model.paths;
    assert.deepEqual([eb.target, eb.reason, eb.from, eb.steps.length], ['sun-jianguo', 'economic-buyer', 'sun-jianguo', 0]);
    // The EB turns neutral: the way to them is from zhang-wei (champion), up the reporting line.
    const uri = sampleUri(SUN_JIANGUO);
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.getText().indexOf('stance: supporter');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'stance: supporter'.length)), 'stance: neutral');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const path = await untilChecked(api, () => panel.lastMessage!.model.paths.find((p) => p.target === 'sun-jianguo' && p.steps.length), 'a path with steps to the EB');
    assert.equal(path.from, 'zhang-wei');
    assert.deepEqual(path.steps.map((s) => [s.from, s.to, s.kind]), [['zhang-wei', 'sun-jianguo', 'reports-to']]);
    const onPath = layoutMap(panel.lastMessage!.model).edges.filter((e) => e.onPath).map((e) => `${e.kind} ${e.from} ${e.to}`);
    assert.deepEqual(onPath, ['reports-to zhang-wei sun-jianguo'], 'the line the webview highlights');
  });

  it('the map and the matrix link to each other', async () => {
    const { api, panel } = await openMap();
    assert.equal(await panel.receive({ type: 'openMatrix' }), true);
    const matrix = api.matrix(ACCOUNT);
    assert.ok(matrix, 'the map opens the account\'s matrix');
    await matrix.modelSent;
    assert.ok(matrix.lastMessage!.strings.openMap);
    panel.panel.dispose();
    assert.equal(api.map(ACCOUNT), undefined);
    assert.equal(await matrix.receive({ type: 'openMap' }), true);
    assert.ok(api.map(ACCOUNT), 'the matrix opens the account\'s map');
  });
});
