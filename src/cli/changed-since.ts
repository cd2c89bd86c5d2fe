/**
 * `keyplan check --changed-since REF`: which files changed since REF (committed, staged, unstaged
 * and untracked), what they were at REF, and from that the part of the workspace to check.
 */
import { affectedScope, type ChangedFile, type Scope } from '../core/check/affected.js';
import { CONFIG_FILE, type SourceFile } from '../core/check/pipeline.js';
import { changedPaths, findRepo, GitError, readAt, resolveCommit, workspaceRepo } from './git.js';

export interface ChangedScope extends Scope {
  ref: string;
  /** Workspace-relative paths that changed (deleted ones included). */
  changed: string[];
}

const relevant = (p: string) => p === CONFIG_FILE || p.toLowerCase().endsWith('.md');

export function scopeChangedSince(root: string, ref: string, files: readonly SourceFile[]): ChangedScope {
  const repo = findRepo(root);
  if (!repo) throw new GitError('--changed-since needs a git repository; the workspace is not inside one');
  const sha = resolveCommit(repo, ref);
  if (!sha) throw new GitError(`unknown revision '${ref}' for --changed-since (in a shallow clone, fetch it first: git fetch --depth=1 origin ${ref})`);
  const wsRepo = workspaceRepo(repo, root);
  const changes = changedPaths(wsRepo, sha).filter((c) => relevant(c.path) || (c.from !== undefined && relevant(c.from)));
  // The old side of every change: modified and deleted files, and where renamed files came from.
  const oldPaths = new Set<string>();
  for (const c of changes) {
    if (c.status === 'modified' || c.status === 'deleted' || c.status === 'type-changed') oldPaths.add(c.path);
    if (c.from !== undefined) oldPaths.add(c.from);
  }
  const before = readAt(wsRepo, sha, [...oldPaths]);
  const changed: ChangedFile[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (seen.has(p) || !relevant(p)) return;
    seen.add(p);
    changed.push({ path: p, before: before.get(p) });
  };
  for (const c of changes) {
    add(c.path);
    if (c.from !== undefined) add(c.from);
  }
  return { ...affectedScope(files, changed), ref, changed: [...seen].sort() };
}
