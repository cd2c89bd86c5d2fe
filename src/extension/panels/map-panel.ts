/**
 * One webview panel per account showing its decision-chain map (决策链地图). The panel sends the
 * core's map model (no file paths) with a revision number, redraws when the workspace changes, and
 * turns a validated drop of one card on another into an undoable edit of the dragged person's
 * `reports_to` line. A drop is refused when it was made on an older drawing than the last one sent
 * (the workspace changed since), when it would close a reporting cycle, or when the file cannot be
 * edited safely; every refusal is said. Ctrl+Z / Ctrl+Shift+Z in the panel undo and redo the
 * changes made from it, as in the matrix.
 */
import * as vscode from 'vscode';
import type { CheckResult } from '../../core/check/pipeline.js';
import { mapModel } from '../../core/map/model.js';
import { reportsToCycle, reportsToEdits } from '../../core/language/reports-to-edit.js';
import { MoveHistory, moveStep } from '../../core/matrix/history.js';
import { createAccountWebview, undoRedoStep } from './panel-support.js';
import { validateMapMessage, type MapStrings, type ToWebview } from '../../webview/map-messages.js';
import { applyEditSafely } from '../editor/safe-edit.js';
import type { WorkspaceIndex } from '../workspace-index.js';

const panels = new Map<string, MapPanel>();

function strings(): MapStrings {
  const t = vscode.l10n.t;
  return {
    stance: t('Stance'), influence: t('Influence'), coverageLabel: t('Coverage'), cadence: t('Cadence'), temperature: t('Temperature'),
    stage: t('Relationship stage'),
    informal: t('Informal lines'),
    paths: t('Paths to the decision'),
    openMatrix: t('Open the matrix'),
    noPath: t('No economic buyer or key player to reach.'),
    hint: t('Drag a card onto another to set who the person reports to; Ctrl+Z undoes it, Ctrl+Shift+Z redoes it. Enter or a double-click opens the person; Escape leaves the card.'),
    empty: t('This account has no people yet.'),
  };
}

export class MapPanel {
  private people = new Set<string>();
  private showInformal = true;
  /** The number of the last model sent; a drop made on an older one is refused. */
  private revision = 0;
  /** The changes made from this panel, for undo and redo. */
  readonly history = new MoveHistory();
  private readonly disposables: vscode.Disposable[] = [];
  /** The last model sent, for tests. */
  lastMessage?: ToWebview;
  /** Messages rejected by validation, for tests and diagnosis. */
  rejected = 0;
  /** Why the last drop was refused (for tests): `stale`, `cycle`, `unsafe`, `same`. */
  lastRefusal?: string;
  private sent!: () => void;
  /** Resolves once the first model has been posted to the webview. */
  readonly modelSent = new Promise<void>((resolve) => (this.sent = resolve));

  static show(index: WorkspaceIndex, extensionUri: vscode.Uri, account: string): MapPanel {
    const existing = panels.get(account);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const { panel, media } = createAccountWebview('keyplan.map', vscode.l10n.t('Map: {0}', account), extensionUri);
    const created = new MapPanel(panel, index, media, account);
    panels.set(account, created);
    return created;
  }

  static get(account: string): MapPanel | undefined {
    return panels.get(account);
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly index: WorkspaceIndex, media: vscode.Uri, readonly account: string) {
    panel.webview.html = this.html(panel.webview, media);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      index.onDidUpdate((r) => this.post(r)),
    );
    if (index.result) this.post(index.result);
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'map.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'map.css'));
    // No remote resources, no inline script without the nonce, no eval.
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html><html lang="${vscode.env.language}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}"></head>
<body><div id="toolbar" class="kp-toolbar"></div><main class="kp-layout"><div id="map" class="kp-plot"></div><aside id="side" class="kp-side"></aside>
<div id="card" class="kp-card" role="tooltip" hidden></div></main>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
  }

  private post(result: CheckResult): void {
    const model = mapModel(result, this.account);
    if (!model) return;
    this.people = new Set(model.nodes.map((n) => n.id));
    this.panel.title = vscode.l10n.t('Map: {0}', model.accountName);
    this.lastMessage = { type: 'model', model, locale: this.index.locale, revision: ++this.revision, showInformal: this.showInformal, strings: strings() };
    void this.panel.webview.postMessage(this.lastMessage);
    this.sent();
  }

  private refuse(why: string, message: string): false {
    this.lastRefusal = why;
    void vscode.window.showWarningMessage(message);
    return false;
  }

  /** Handles a message as if the webview had sent it (used by the webview and by tests). */
  async receive(raw: unknown): Promise<boolean> {
    const message = validateMapMessage(raw, this.people);
    if (!message) {
      this.rejected++;
      return false;
    }
    const result = await this.index.whenIdle();
    if (!result) return false;
    switch (message.type) {
      case 'ready':
        this.post(result);
        return true;
      case 'informal':
        this.showInformal = message.show;
        this.post(result);
        return true;
      case 'openMatrix':
        await vscode.commands.executeCommand('keyplan.openMatrix', this.account);
        return true;
      case 'undo':
      case 'redo':
        return this.undoRedo(message.type);
      case 'open': {
        const person = result.workspace.people.get(message.person);
        if (!person) return false;
        const doc = await vscode.workspace.openTextDocument(this.index.uriOf(person.doc.path));
        const line = Math.max(doc.getText().split(/\r\n|\r|\n/).findIndex((l) => /^name\s*:/.test(l)), 0);
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0) });
        return true;
      }
      case 'reparent':
        return this.reparent(result, message.person, message.manager, message.revision);
    }
  }

  /** `person` now reports to `manager`: one line of the person's file, as an undoable edit. */
  private async reparent(result: CheckResult, personId: string, managerId: string, revision: number): Promise<boolean> {
    const t = vscode.l10n.t;
    const person = result.workspace.people.get(personId);
    const manager = result.workspace.people.get(managerId);
    if (!person || !manager) return false;
    const name = (id: string) => String(result.workspace.people.get(id)?.data.name ?? id);
    if (revision !== this.revision) {
      return this.refuse('stale', t('Keyplan did not change who {0} reports to: the map changed since the drag began. Nothing was written; please try again.', name(personId)));
    }
    if (personId === managerId) return this.refuse('same', t('{0} cannot report to themselves. Nothing was written.', name(personId)));
    const reportsTo = (id: string) => {
      const v = result.workspace.people.get(id)?.data.reports_to;
      return typeof v === 'string' ? v : undefined;
    };
    const cycle = reportsToCycle(reportsTo, personId, managerId);
    if (cycle) {
      const chain = [name(personId), ...cycle.map(name)].join(' → ');
      return this.refuse('cycle', t('{0} cannot report to {1}: that would make a reporting cycle ({2}). Nothing was written.', name(personId), name(managerId), chain));
    }
    const uri = this.index.uriOf(person.doc.path);
    const doc = await vscode.workspace.openTextDocument(uri);
    const version = doc.version;
    const text = doc.getText();
    const edits = reportsToEdits(text, managerId);
    if (!edits) return this.refuse('unsafe', t('Keyplan could not change {0}: fix the file’s frontmatter first.', person.doc.path));
    if (!edits.length) return true; // already so
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    const ok = await applyEditSafely(edit, [{ document: doc, version }]);
    if (ok) {
      this.lastRefusal = undefined;
      this.history.record(moveStep(uri.toString(), personId, text, edits));
    }
    return ok;
  }

  /**
   * Undoes the last change made on this map (or redoes the last undone one), as an edit of the
   * same line. Refused, with a message, when the file changed since: then the history of that
   * file is forgotten, as its offsets no longer hold.
   */
  private undoRedo(kind: 'undo' | 'redo'): Promise<boolean> {
    return undoRedoStep(this.history, kind, (file) => this.refuse('changed', vscode.l10n.t('Keyplan did not undo or redo the change: {0} changed since. Nothing was written.', file)));
  }

  dispose(): void {
    panels.delete(this.account);
    for (const d of this.disposables) d.dispose();
  }
}
