/**
 * `keyplan check --changed-since REF`: which files changed since REF (committed, staged, unstaged
 * and untracked), what they were at REF, and from that the part of the workspace to check.
 *
 * Old contents are read by blob id (from `git diff --raw -z`), never by path. A change to what is
 * read at all (keyplan.yaml, a .gitignore anywhere in the workspace) checks the whole workspace.
 */
import { affectedScope, isIgnoreFile, scopeMemo, type ChangedFile, type Scope } from '../core/check/affected.js';
import type { ParseMemo } from '../core/parse/document.js';
import { CONFIG_FILE, type SourceFile } from '../core/check/pipeline.js';
import { changedPaths, findRepo, GitError, readBlobsBounded, resolveCommit, trackedPaths, workspaceRepo } from '../git/git.js';

export interface ChangedScope extends Scope {
  ref: string;
  /** Workspace-relative paths that changed (deleted ones included). */
  changed: string[];
  /** The documents parsed to decide the scope: the check of the scope takes them (`checkWorkspace`). */
  parses: ParseMemo;
}

const relevant = (p: string) => p === CONFIG_FILE || isIgnoreFile(p) || p.toLowerCase().endsWith('.md');

export function scopeChangedSince(root: string, ref: string, files: readonly SourceFile[]): ChangedScope {
  const repo = findRepo(root);
  if (!repo) throw new GitError({ id: 'git.no-repo-changed-since' });
  const sha = resolveCommit(repo, ref);
  if (!sha) throw new GitError({ id: 'git.unknown-revision', params: { rev: ref, option: '--changed-since' } });
  const wsRepo = workspaceRepo(repo, root);
  const changes = changedPaths(wsRepo, sha).filter((c) => relevant(c.path) || (c.from !== undefined && relevant(c.from)));
  // Every file read that git does not track is new, whatever git's own exclude files say.
  const tracked = trackedPaths(wsRepo);
  const listed = new Set(changes.map((c) => c.path));
  for (const f of files) if (!tracked.has(f.path) && !listed.has(f.path)) changes.push({ status: 'untracked', path: f.path });
  // A file name that is not UTF-8 cannot be read by name: never pass it silently.
  const badNames = changes.filter((c) => c.invalidName).map((c) => JSON.stringify(c.from !== undefined ? `${c.from} → ${c.path}` : c.path));
  if (badNames.length) {
    throw new GitError({ id: 'git.bad-names', params: { names: badNames.join(', '), n: badNames.length } });
  }
  // An old version too large to read declares nothing, as an empty one (never read: bounded work).
  const before = new Map([...readBlobsBounded(wsRepo, [...new Set(changes.map((c) => c.oldBlob).filter((b): b is string => b !== undefined))])].map(([b, read]) => [b, Buffer.isBuffer(read) ? read : new Uint8Array(0)]));
  const changed: ChangedFile[] = [];
  const seen = new Map<string, ChangedFile>();
  const add = (p: string, blob: string | undefined) => {
    if (!relevant(p)) return;
    let c = seen.get(p);
    if (!c) {
      seen.set(p, (c = { path: p }));
      changed.push(c);
    }
    const old = blob === undefined ? undefined : before.get(blob);
    if (old !== undefined && c.before === undefined) c.before = old;
  };
  for (const c of changes) {
    if (c.from !== undefined) {
      add(c.path, undefined);
      add(c.from, c.oldBlob);
    } else add(c.path, c.oldBlob);
  }
  const memo = scopeMemo();
  return { ...affectedScope(files, changed, memo), ref, changed: [...seen.keys()].sort(), parses: memo.parses };
}
