/** Diagnostics are plain data: every front end (CLI, editor, CI formats) renders the same objects. */

export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  /** Workspace-relative path with forward slashes. */
  file: string;
  range: Range;
  severity: Severity;
  /** Stable rule id, documented in docs/rules.md. */
  rule: string;
  /** Message in the requested locale, written for a key-account manager. */
  message: string;
  /** Structured details (allowed values, suggestion, referenced id…) for quick fixes and machine output. */
  data?: Record<string, unknown>;
}

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.column !== b.range.start.column) return a.range.start.column - b.range.start.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
