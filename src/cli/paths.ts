/**
 * Paths on the command line, written once: a file relative to a folder with forward slashes (as
 * the core and every output name files), whether a path lies outside a folder, and the focus: the
 * workspace-relative files and folders (ending in `/`) the user named, which the output is about.
 */
import path from 'node:path';
import { usage } from './errors.js';

/** `to` relative to `from`, with forward slashes on every platform. */
export function relativePosix(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** Whether a relative path leaves the folder it is relative to. */
export function isOutside(rel: string): boolean {
  return rel.startsWith('..') || path.isAbsolute(rel);
}

/** A workspace-relative file as seen from `base` (the current folder, or the repository's top). */
export function pathFrom(base: string, root: string): (file: string) => string {
  // Asked for every finding (twice by the text output): each file's answer is worked out once.
  const known = new Map<string, string>();
  return (file) => {
    let shown = known.get(file);
    if (shown === undefined) known.set(file, (shown = relativePosix(base, path.join(root, file))));
    return shown;
  };
}

/** Workspace-relative files and folders (ending in `/`) the output is about; empty = everything. */
export type Focus = readonly string[];

/**
 * The focus entry of each target (absolute paths): a Markdown file as it is, anything else as a
 * folder; undefined for the workspace root itself. A target outside the workspace is a usage error.
 */
export function focusEntries(targets: string[], root: string, cwd: string): (string | undefined)[] {
  return targets.map((t) => {
    const rel = relativePosix(root, t);
    if (isOutside(rel)) throw usage('error.outside-workspace', { path: path.relative(cwd, t), root: path.relative(cwd, root) || '.' });
    if (rel === '') return undefined;
    return rel.endsWith('.md') ? rel : `${rel}/`;
  });
}

/** Whether one focus entry covers a workspace-relative file. */
export function covers(entry: string, file: string): boolean {
  return entry.endsWith('/') ? file.startsWith(entry) : file === entry;
}

export function inFocus(focus: Focus, file: string): boolean {
  return focus.length === 0 || focus.some((f) => covers(f, file));
}

/** Whether any of an account's or person's files is in focus. */
export function anyInFocus(focus: Focus, files: string[]): boolean {
  return focus.length === 0 || files.some((f) => inFocus(focus, f));
}
