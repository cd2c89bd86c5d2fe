/** Completion, hover, definition, references, rename and quick fixes, through VS Code's own commands. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, keyplan, revertAndCloseAll, sampleUri, waitForDiagnostics } from './helpers.js';

const ZHANG_WEI = 'accounts/east-china-telecom/people/zhang-wei.md';
const ZHAO_MIN = 'accounts/east-china-telecom/people/zhao-min.md';
const LOG = 'accounts/east-china-telecom/interactions-2026.md';

async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sampleUri(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position just after `text` (plus `delta`) in the document. */
function at(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in ${document.fileName}`);
  return document.positionAt(offset + text.length + delta);
}

const labels = (list: vscode.CompletionList) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

describe('Language features', () => {
  before(async () => {
    await keyplan();
  });

  after(revertAndCloseAll);

  it('completes person ids of the same account for reports_to', async () => {
    const document = await open(ZHANG_WEI);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at(document, 'reports_to: '));
    const ids = labels(list);
    for (const id of ['sun-jianguo', 'wang-fang', 'li-ming']) assert.ok(ids.includes(id), `${id} offered; got ${ids.join(', ')}`);
    assert.ok(!ids.includes('zhang-wei'), 'not the person themselves');
    assert.ok(!ids.includes('gao-feng'), 'not people of another account');
  });

  it('completes stance values with their descriptions', async () => {
    const document = await open(ZHANG_WEI);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at(document, 'stance: '));
    const stance = list.items.filter((i) => ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'].includes(typeof i.label === 'string' ? i.label : i.label.label));
    assert.equal(stance.length, 6);
    assert.ok(stance.every((i) => i.documentation), 'each value is explained');
  });

  it('completes @mentions in an interaction log with the account\'s people', async () => {
    const document = await open(LOG);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at(document, '@zhang', 0));
    assert.ok(labels(list).includes('zhang-wei'));
  });

  it('hovers a field with its schema description and a person id with a card', async () => {
    const document = await open(ZHANG_WEI);
    const field = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(document, 'covera', -3));
    const fieldText = field.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(fieldText, /coverage/i);
    const person = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(document, 'reports_to: sun', 0));
    const card = person.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(card, /孙建国/);
    assert.match(card, /EB/);
    assert.match(card, /2026-11-05/, 'last interaction');
  });

  it('goes to the definition of a person from reports_to and finds every reference', async () => {
    const document = await open(ZHANG_WEI);
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, at(document, 'reports_to: sun', 0));
    assert.equal(defs.length, 1);
    assert.match(defs[0].uri.path, /people\/sun-jianguo\.md$/);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at(document, 'id: zhang', 0));
    const files = new Set(refs.map((r) => vscode.workspace.asRelativePath(r.uri)));
    for (const f of [ZHANG_WEI, LOG, 'accounts/east-china-telecom/relationship-plan-2026.md', 'accounts/east-china-telecom/people/li-ming.md']) assert.ok(files.has(f), `references in ${f}`);
  });

  it('renames a person id across the workspace as one previewable edit', async () => {
    const document = await open(ZHANG_WEI);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at(document, 'id: zhang', 0), 'zhang-wei-cto');
    const entries = edit.entries();
    const files = entries.map(([uri]) => vscode.workspace.asRelativePath(uri));
    assert.ok(files.includes(ZHANG_WEI) && files.includes(LOG));
    for (const [, edits] of entries) for (const e of edits) assert.equal(e.newText, 'zhang-wei-cto');
    assert.ok(entries.reduce((n, [, e]) => n + e.length, 0) >= 8, 'every mention and reference');
  });

  it('offers a quick fix for the stance typo that fixes it', async () => {
    const uri = sampleUri(ZHAO_MIN);
    const document = await open(ZHAO_MIN);
    const [problem] = await waitForDiagnostics(uri, (l) => l.some((d) => codeOf(d) === 'schema'), 'the typo is reported');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.match(preferred.title, /supporter/);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.equal(document.lineAt(9).text, 'stance: supporter');
    await waitForDiagnostics(uri, (l) => !l.some((d) => codeOf(d) === 'schema'), 'the typo is gone');
  });

  it('says a full-width colon from a Chinese input method precisely and its quick fix replaces it', async () => {
    const uri = sampleUri(ZHANG_WEI);
    const document = await open(ZHANG_WEI);
    const colon = at(document, 'title');
    const typed = new vscode.WorkspaceEdit();
    typed.replace(uri, new vscode.Range(colon, colon.translate(0, 1)), '：');
    assert.ok(await vscode.workspace.applyEdit(typed));
    const list = await waitForDiagnostics(uri, (l) => l.some((d) => codeOf(d) === 'yaml-syntax'), 'the full-width colon is reported');
    const problem = list.find((d) => codeOf(d) === 'yaml-syntax')!;
    assert.match(problem.message, /full-width colon ： is used here; YAML needs an ASCII colon :|全角冒号 ：/);
    assert.equal(document.getText(problem.range), '：');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.equal(document.lineAt(colon.line).text.slice(0, 7), 'title: ');
    await waitForDiagnostics(uri, (l) => !l.some((d) => codeOf(d) === 'yaml-syntax'), 'the full-width colon is gone');
  });

  it('offers "Log an interaction today" on an overdue contact', async () => {
    const uri = sampleUri(ZHANG_WEI);
    const [overdue] = await waitForDiagnostics(uri, (l) => l.some((d) => codeOf(d) === 'interaction-overdue'), 'zhang-wei is overdue');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, overdue.range, vscode.CodeActionKind.QuickFix.value);
    const log = actions.find((a) => a.command?.command === 'keyplan.logInteraction');
    assert.ok(log, `got ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(log.command!.arguments, [{ account: 'east-china-telecom', people: ['zhang-wei'] }]);
  });
});
