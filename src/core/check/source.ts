/** A file as the pipeline receives it (from disk, git or an editor buffer), and what every reader of one needs. */

export interface SourceFile {
  /** Workspace-relative path with forward slashes. */
  path: string;
  content: Uint8Array | string;
}

/** Where a finding about a whole file's bytes goes. */
export const FIRST_CHARACTERS = { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } };

/** Text given as a string (by an editor) may still start with a byte-order mark; positions never count it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
