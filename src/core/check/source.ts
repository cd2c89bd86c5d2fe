/** The workspace's settings file, at its root. */
export const CONFIG_FILE = 'keyplan.yaml';

/** A file as the pipeline receives it (from disk, git or an editor buffer), and what every reader of one needs. */

export interface SourceFile {
  /** Workspace-relative path with forward slashes. */
  path: string;
  content: Uint8Array | string;
  /**
   * The file is there but could not be read (`EACCES`, `EISDIR`…; `content` is then empty): the
   * check lists it among the skipped files, so the views can say it is missing from them.
   */
  failure?: string;
  /**
   * The file is larger than {@link MAX_FILE_BYTES} and was not read (`content` is then empty): its
   * size in bytes. The check lists it among the skipped files as too large, as it does a file
   * given whole; a reader that knows the size first never reads such a file (bounded work).
   */
  oversize?: number;
}

/** The largest file Keyplan reads: larger ones are skipped, and said to be (a plan is a few kB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Where a finding about a whole file's bytes goes: its first (up to three) characters, never past the first line's end. */
export function firstCharacters(content: Uint8Array | string): { start: { line: number; column: number }; end: { line: number; column: number } } {
  let n = 0;
  while (n < 3 && n < content.length) {
    const c = typeof content === 'string' ? content.charCodeAt(n) : content[n];
    if (c === 0x0a || c === 0x0d) break;
    n++;
  }
  return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 + n } };
}

/** Text given as a string (by an editor) may still start with a byte-order mark; positions never count it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
