/**
 * One webview panel per account showing its influence–support matrix. The panel sends the model
 * (no file paths), redraws when the workspace changes, and turns validated drag messages into
 * undoable edits of the person's `stance` and `influence`. Ctrl+Z / Ctrl+Shift+Z in the panel
 * arrive as `undo` / `redo` messages: the panel keeps the moves made from it and applies the
 * inverse edit (or the move again), only while the file still holds the text the move left.
 */
import * as vscode from 'vscode';
import type { CheckResult } from '../../core/check/pipeline.js';
import { placementEdits } from '../../core/language/placement-edit.js';
import { MoveHistory, moveStep } from '../../core/matrix/history.js';
import { createAccountWebview, undoRedoStep } from './panel-support.js';
import { matrixModel, type SizeBy } from '../../core/matrix/model.js';
import { validateMessage, type MatrixStrings, type ToWebview } from '../../webview/messages.js';
import { previousPlacements } from './git-previous.js';
import { checkAtRevision, readTrails, type Trails } from './git-trails.js';
import { applyEditSafely } from '../editor/safe-edit.js';
import type { WorkspaceIndex } from '../workspace-index.js';

const panels = new Map<string, MatrixPanel>();

function strings(): MatrixStrings {
  const t = vscode.l10n.t;
  return {
    legendTitle: t('Buying role'),
    roles: { EB: t('EB economic buyer'), TB: t('TB technical buyer'), UB: t('UB user buyer'), Coach: t('Coach'), other: t('Other') },
    severalRoles: t('Several roles: a slice each'),
    sizeBy: t('Marker size'), temperature: t('Temperature'), coverage: t('Coverage'),
    unplaced: t('Stance or influence unknown'), lastInteraction: t('Last interaction'), cadence: t('Cadence'),
    influence: t('Influence'), stance: t('Stance'), coverageLabel: t('Coverage'),
    target: t('Dashed arrow: target position'), previous: t('Faint circle: position at the last commit'),
    hint: t('Drag a marker, or Tab to it and use the arrow keys, to change stance and influence; Ctrl+Z undoes a move, Ctrl+Shift+Z redoes it. Enter or a double-click opens the person; Escape leaves the marker.'),
    empty: t('This account has no active people yet.'),
    openMap: t('Open the decision-chain map'),
    historyTrail: t('History trail'),
    timeline: t('Matrix at a past commit'),
    now: t('Now: the files as they are'),
    past: t('As it stood at that commit (read-only)'),
  };
}

export class MatrixPanel {
  private sizeBy: SizeBy = 'temperature';
  private previous = new Map<string, { stance?: unknown; influence?: unknown }>();
  private people = new Set<string>();
  /** Each person's positions over the last commits (trusted git repositories only), and whether they are shown. */
  private trails?: Trails;
  private showTrail = true;
  /** Readings of git started, so that an older one finishing late does not overwrite a newer one. */
  private loads = 0;
  /** The past commit shown (the date slider), checked at its date; undefined: now. */
  private at?: { index: number; result: CheckResult };
  /** The moves made from this panel, for undo and redo. */
  readonly history = new MoveHistory();
  private readonly disposables: vscode.Disposable[] = [];
  /** The last model sent, for tests. */
  lastMessage?: ToWebview;
  /** Messages rejected by validation, for tests and diagnosis. */
  rejected = 0;
  private sent!: () => void;
  /** Resolves once the first model has been posted to the webview. */
  readonly modelSent = new Promise<void>((resolve) => (this.sent = resolve));

  static show(index: WorkspaceIndex, extensionUri: vscode.Uri, account: string): MatrixPanel {
    const existing = panels.get(account);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const { panel, media } = createAccountWebview('keyplan.matrix', vscode.l10n.t('Matrix: {0}', account), extensionUri);
    const created = new MatrixPanel(panel, index, media, account);
    panels.set(account, created);
    return created;
  }

  static get(account: string): MatrixPanel | undefined {
    return panels.get(account);
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly index: WorkspaceIndex, media: vscode.Uri, readonly account: string) {
    panel.webview.html = this.html(panel.webview, media);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      index.onDidUpdate((r) => this.post(r)),
      vscode.workspace.onDidSaveTextDocument(() => void this.loadPrevious()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.loadPrevious()),
    );
    void this.loadPrevious();
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'matrix.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.css'));
    // No remote resources, no inline script without the nonce, no eval.
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html><html lang="${vscode.env.language}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}"></head>
<body><main class="kp-layout"><div id="matrix" class="kp-plot"></div><aside id="side" class="kp-side"></aside></main>
<div id="card" class="kp-card" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
  }

  /**
   * Reads the positions at the last commit and the history trails from git (again after a save or
   * a grant of trust), then redraws. Resolves when done (tests wait for it).
   */
  async loadPrevious(): Promise<void> {
    // Positions at the last commit and the trails come from git, which is not run in Restricted Mode.
    if (!vscode.workspace.isTrusted) return;
    const result = await this.index.whenIdle();
    const account = result?.workspace.accounts.get(this.account);
    if (!account) return;
    const folder = this.index.folder.uri.fsPath;
    this.previous = await previousPlacements(folder, account.people.map((p) => ({ person: p.id, path: p.doc.path })));
    const files = [account.doc, ...account.people.map((p) => p.doc), ...account.portraits, ...account.plans, ...account.logs].flatMap((d) => (d ? [d.path] : []));
    const generation = ++this.loads;
    const trails = await readTrails(folder, this.account, files, this.index.locale, this.trails);
    // git ran without blocking the editor: a later reading (another save) supersedes this one.
    if (generation !== this.loads) return;
    // Another HEAD, other commits on the slider: back to now.
    if (trails !== this.trails) this.at = undefined;
    this.trails = trails;
    const latest = await this.index.whenIdle();
    if (latest) this.post(latest);
  }

  private post(result: CheckResult): void {
    const current = matrixModel(result, this.account, this.previous, this.showTrail && !this.at ? this.trails?.people : undefined);
    if (!current) return;
    // At a past commit: the account as it stood then (no one, when it did not exist yet).
    const model = this.at ? matrixModel(this.at.result, this.account) ?? { ...current, asOf: this.at.result.asOf, people: [] } : current;
    this.people = new Set(model.people.map((p) => p.id));
    this.panel.title = vscode.l10n.t('Matrix: {0}', current.accountName);
    const trail = this.trails?.people.size ? { trail: this.showTrail } : {};
    const revisions = this.trails?.revisions ?? [];
    const timeline = revisions.length ? { timeline: { revisions: revisions.map((r) => ({ date: r.date, subject: r.subject })), at: this.at?.index ?? revisions.length } } : {};
    this.lastMessage = { type: 'model', model, locale: this.index.locale, sizeBy: this.sizeBy, strings: strings(), ...trail, ...timeline };
    void this.panel.webview.postMessage(this.lastMessage);
    this.sent();
  }

  /** Handles a message as if the webview had sent it (used by the webview and by tests). */
  async receive(raw: unknown): Promise<boolean> {
    const message = validateMessage(raw, this.people);
    if (!message) {
      this.rejected++;
      return false;
    }
    const result = await this.index.whenIdle();
    if (!result) return false;
    if (message.type === 'ready') this.post(result);
    else if (message.type === 'undo' || message.type === 'redo') return this.undoRedo(message.type);
    else if (message.type === 'openMap') await vscode.commands.executeCommand('keyplan.openMap', this.account);
    else if (message.type === 'sizeBy') {
      this.sizeBy = message.value;
      this.post(result);
    } else if (message.type === 'trail') {
      this.showTrail = message.value;
      this.post(result);
    } else if (message.type === 'at') {
      const trails = this.trails;
      if (!trails || message.index > trails.revisions.length) return false;
      if (message.index === trails.revisions.length) this.at = undefined;
      else {
        const past = await checkAtRevision(trails, message.index, this.index.locale);
        if (!past) return false;
        this.at = { index: message.index, result: past };
      }
      this.post(result);
    } else if (message.type === 'move' && this.at) {
      // A past commit is read-only: a move there would edit today's file from yesterday's picture.
      return false;
    } else {
      const person = result.workspace.people.get(message.person);
      if (!person) return false;
      const uri = this.index.uriOf(person.doc.path);
      if (message.type === 'open') {
        const doc = await vscode.workspace.openTextDocument(uri);
        const line = doc.getText().split(/\r\n|\r|\n/).findIndex((l) => /^name\s*:/.test(l));
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(Math.max(line, 0), 0, Math.max(line, 0), 0) });
      } else {
        const doc = await vscode.workspace.openTextDocument(uri);
        const version = doc.version;
        const edits = placementEdits(doc.getText(), message.stance, message.influence);
        if (!edits) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Keyplan could not change {0}: fix the file’s frontmatter first.', person.doc.path));
          return false;
        }
        const text = doc.getText();
        const edit = new vscode.WorkspaceEdit();
        for (const e of edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        const ok = await applyEditSafely(edit, [{ document: doc, version }]);
        if (ok && edits.length) this.history.record(moveStep(uri.toString(), person.id, text, edits));
        return ok;
      }
    }
    return true;
  }

  /**
   * Undoes the last move made on this matrix (or redoes the last undone one), as an edit of the
   * same lines. Refused, with a message, when the file changed since: then the history of that
   * file is forgotten, as its offsets no longer hold.
   */
  private undoRedo(kind: 'undo' | 'redo'): Promise<boolean> {
    return undoRedoStep(this.history, kind, (file) => {
      void vscode.window.showWarningMessage(vscode.l10n.t('Keyplan did not undo or redo the move: {0} changed since. Nothing was written.', file));
      return false;
    });
  }

  dispose(): void {
    panels.delete(this.account);
    for (const d of this.disposables) d.dispose();
  }
}
