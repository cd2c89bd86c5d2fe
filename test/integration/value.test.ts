/** The account value panel (#20) in real VS Code: opened from the Portfolio view, the whitespace heat map, the attraction–barrier 2×2 and the health trend of the samples. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, keyplan, revertAndCloseAll } from './helpers.js';

const ACCOUNT = 'east-china-telecom';

describe('Account value panel (whitespace heat map, attraction–barrier)', () => {
  before(async () => {
    assert.equal(vscode.workspace.getConfiguration('keyplan').get('asOf'), '2026-11-20', 'the harness pins keyplan.asOf');
    await keyplan();
  });
  afterEach(async () => {
    const api = await keyplan();
    api.value(ACCOUNT)?.panel.dispose();
    api.value('yuanhang-auto')?.panel.dispose();
    await revertAndCloseAll();
  });

  it('is a command and a context action on each account of the Portfolio view', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[]; menus: Record<string, { command: string; when?: string }[]> } };
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'keyplan.openValue'));
    assert.ok(pkg.contributes.menus['view/item/context'].some((m) => m.command === 'keyplan.openValue' && m.when === 'view == keyplan.portfolio && viewItem == account'));
  });

  it('opens from a Portfolio account node: the whitespace heat map with every cell of the plan, the account placed as loyal, the trend up', async () => {
    const api = await keyplan();
    await api.whenIdle();
    type Row = { type: string; account?: { id?: string } };
    const node = api.portfolio!.getChildren().flatMap((g) => api.portfolio!.getChildren(g)).find((n) => (n as Row).type === 'account' && (n as Row).account?.id === ACCOUNT);
    assert.ok(node, 'the account in the Portfolio view');
    await vscode.commands.executeCommand('keyplan.openValue', node);
    const panel = api.value(ACCOUNT);
    assert.ok(panel, 'the action opens the value panel of that account');
    const body = panel.lastBody!;
    assert.equal(panel.panel.title, 'Value: 华东电信');
    assert.equal((body.match(/data-status="/g) ?? []).length, 5, 'five whitespace cells in samples/accounts/east-china-telecom/account.md');
    assert.match(body, /<td class="kp-ws-competitor" data-status="competitor">Competitor<br>某友商<br>8,000,000<\/td>/);
    assert.match(body, /data-position="loyal"/);
    assert.match(body, /data-trend="up"/);
    assert.doesNotMatch(panel.panel.webview.html, /<script/);
    assert.match(panel.panel.webview.html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-/);
  });

  it('the Portfolio view shows the trend arrow next to the health', async () => {
    const api = await keyplan();
    type Row = { type: string; account?: { id?: string } };
    const nodes = api.portfolio!.getChildren().flatMap((g) => api.portfolio!.getChildren(g));
    const yuanhang = nodes.find((n) => (n as Row).type === 'account' && (n as Row).account?.id === 'yuanhang-auto')!;
    const item = api.portfolio!.getTreeItem(yuanhang as never);
    assert.match(String(item.description), /▼/);
    await vscode.commands.executeCommand('keyplan.openValue', 'yuanhang-auto');
    assert.match(api.value('yuanhang-auto')!.lastBody!, /data-position="captive"/);
  });
});
