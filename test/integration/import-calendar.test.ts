/** "Keyplan: Import Calendar (.ics)…" in the real editor: entries as an undoable edit, nothing twice. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ImportCalendarResult } from '../../src/extension/commands/import-calendar.js';
import { keyplan, revertAndCloseAll, sampleUri, untilChecked } from './helpers.js';

const ZHANG_WEI = 'accounts/east-china-telecom/people/zhang-wei.md';
const LOG = 'accounts/east-china-telecom/interactions-2026.md';

const CALENDAR = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Keyplan integration//EN',
  'BEGIN:VEVENT', 'UID:it-visit-1118@keyplan.test', 'DTSTART;TZID=Asia/Shanghai:20261118T100000', 'SUMMARY:POC 结果评审',
  'LOCATION:华东电信大厦', 'ATTENDEE:mailto:Zhang.Wei@ECT.example.cn', 'ATTENDEE:mailto:guest@partner.example', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:it-future-1201@keyplan.test', 'DTSTART;TZID=Asia/Shanghai:20261201T100000', 'SUMMARY:Later',
  'ATTENDEE:mailto:zhang.wei@ect.example.cn', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

describe('Import Calendar', () => {
  let dir: string;
  before(async function () {
    this.timeout(120_000);
    await keyplan();
    assert.equal(vscode.workspace.getConfiguration('keyplan').get('asOf'), '2026-11-20', 'the harness pins keyplan.asOf');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-ics-'));
    fs.writeFileSync(path.join(dir, 'calendar.ics'), CALENDAR);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(revertAndCloseAll);

  it('adds the held meeting as an undoable edit, lists nothing twice, and undo restores the log', async function () {
    this.timeout(90_000); // two full checks of the workspace on a shared machine
    const api = await keyplan();
    // Give zhang-wei an address, in the buffer only (reverted afterwards).
    const person = await vscode.workspace.openTextDocument(sampleUri(ZHANG_WEI));
    const nameLine = person.getText().split('\n').findIndex((l) => l.startsWith('name:'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(person.uri, new vscode.Position(nameLine + 1, 0), 'email: zhang.wei@ect.example.cn\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await untilChecked(api, () => (api.result?.workspace.people.get('zhang-wei')?.data.email ? true : undefined), 'zhang-wei has an e-mail address');

    const logUri = sampleUri(LOG);
    const before = fs.readFileSync(logUri.fsPath, 'utf8');
    const result = await vscode.commands.executeCommand<ImportCalendarResult>('keyplan.importCalendar', { file: path.join(dir, 'calendar.ics'), acceptAll: true });
    assert.equal(result.added, 1);
    assert.deepEqual(result.files, [LOG]);
    assert.deepEqual(result.plan?.unmatched, [{ address: 'guest@partner.example', meetings: 1 }]);
    assert.equal(result.plan?.future, 1);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logUri.toString())!;
    assert.ok(document.isDirty, 'an unsaved, undoable edit');
    const line = '- 2026-11-18 visit @zhang-wei: POC 结果评审 <!-- ics:it-visit-1118%40keyplan.test -->';
    assert.equal(document.getText(), `${before}${line}\n`, 'after the last entry (11-05), every other byte unchanged');

    await api.whenIdle();
    const again = await vscode.commands.executeCommand<ImportCalendarResult>('keyplan.importCalendar', { file: path.join(dir, 'calendar.ics'), acceptAll: true });
    assert.equal(again.added, 0);
    assert.equal(again.plan?.alreadyImported.length, 1);

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before, 'undo removes the imported entry');
  });

  it('a file that is not a calendar is an error message, and nothing changes', async () => {
    fs.writeFileSync(path.join(dir, 'bad.ics'), 'BEGIN:VCALENDAR\r\nno content line\r\nEND:VCALENDAR\r\n');
    const result = await vscode.commands.executeCommand<ImportCalendarResult>('keyplan.importCalendar', { file: path.join(dir, 'bad.ics'), acceptAll: true });
    assert.equal(result.added, 0);
    assert.equal(result.plan, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty));
  });
});
