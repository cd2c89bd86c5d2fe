/**
 * Applying Keyplan's own edits (Log Interaction, matrix drag) without ever overwriting what the
 * user or another program wrote meanwhile: the edit was computed from a document at a version;
 * if the document has changed since, nothing is applied and the user is told. VS Code also
 * refuses a workspace edit whose document moved on while it was being applied; that refusal is
 * reported the same way. Every edit goes through a WorkspaceEdit, so it can be undone.
 */
import * as vscode from 'vscode';

export interface ReadVersion {
  document: vscode.TextDocument;
  /** `document.version` when its text was read to compute the edit. */
  version: number;
}

export async function applyEditSafely(edit: vscode.WorkspaceEdit, read: ReadVersion[]): Promise<boolean> {
  const changed = read.find((r) => r.document.version !== r.version);
  if (changed) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Keyplan did not change {0}: the file changed while the edit was being prepared. Nothing was written; please try again.', vscode.workspace.asRelativePath(changed.document.uri)));
    return false;
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) {
    const what = read.map((r) => vscode.workspace.asRelativePath(r.document.uri)).join(', ') || vscode.l10n.t('the file');
    void vscode.window.showWarningMessage(vscode.l10n.t('Keyplan did not change {0}: the edit could not be applied (the file may have changed meanwhile). Nothing was written; please try again.', what));
  }
  return ok;
}
