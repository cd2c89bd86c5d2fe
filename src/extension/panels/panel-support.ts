/** What the matrix and the map panels share: their webview panel, and undo/redo of the edits made from them. */
import * as vscode from 'vscode';
import type { MoveHistory } from '../../core/matrix/history.js';
import { applyEditSafely } from '../editor/safe-edit.js';

/** A webview panel beside the editor that may load only the extension's media folder. */
export function createAccountWebview(viewType: string, title: string, extensionUri: vscode.Uri): { panel: vscode.WebviewPanel; media: vscode.Uri } {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [media],
    retainContextWhenHidden: false,
  });
  panel.iconPath = vscode.Uri.joinPath(media, 'keyplan.svg');
  return { panel, media };
}

/**
 * Undoes the last edit made from a panel (or redoes the last undone one), as an edit of the same
 * bytes. Refused when the file changed since: then the history of that file is forgotten, as its
 * offsets no longer hold, and `refuse` is told which file (it says so and returns false).
 */
export async function undoRedoStep(history: MoveHistory, kind: 'undo' | 'redo', refuse: (file: string) => boolean): Promise<boolean> {
  const step = kind === 'undo' ? history.peekUndo() : history.peekRedo();
  if (!step) return false;
  const uri = vscode.Uri.parse(step.file);
  const doc = await vscode.workspace.openTextDocument(uri);
  const version = doc.version;
  if (doc.getText() !== (kind === 'undo' ? step.after : step.before)) {
    history.drop(step.file);
    return refuse(vscode.workspace.asRelativePath(uri));
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of kind === 'undo' ? step.backward : step.forward) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  const ok = await applyEditSafely(edit, [{ document: doc, version }]);
  if (ok) {
    if (kind === 'undo') history.undone();
    else history.redone();
  }
  return ok;
}
