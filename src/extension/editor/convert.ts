/** Conversions between the core's plain data (1-based lines and columns) and VS Code types. */
import * as vscode from 'vscode';
import type { Diagnostic, Position, Range } from '../../core/diagnostic.js';
import type { TextEdit } from '../../core/language/references.js';

export const toPosition = (p: Position) => new vscode.Position(p.line - 1, p.column - 1);
export const toRange = (r: Range) => new vscode.Range(toPosition(r.start), toPosition(r.end));

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(d: Diagnostic, rulesDoc: vscode.Uri): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = 'keyplan';
  out.code = { value: d.rule, target: rulesDoc.with({ fragment: d.rule }) };
  return out;
}

export function toWorkspaceEdit(root: vscode.Uri, edits: TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(vscode.Uri.joinPath(root, e.file), toRange(e.range), e.newText);
  return edit;
}
