/**
 * Which files of a workspace Keyplan reads, as paths: the same filter for a checkout (the command
 * line's folder walk, src/cli/walk.ts) and for a revision read from git (git.ts), so a revision's
 * file list matches what a checkout of it would give.
 */
import ignore, { type Ignore } from 'ignore';

/** Folders never read, whatever the ignore files say. */
export const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['.git', 'node_modules', '.vscode-test']);

/**
 * Whether a workspace-relative path is ignored: by `exclude` patterns (relative to the root) or by
 * a `.gitignore` in one of its ancestor folders (`gitignores` maps folder → rules, '' = the root).
 * Folders are probed with a trailing slash. The git reader uses the same function, so a
 * revision's file list matches what a checkout of it would give.
 */
export function ignoreFilter(exclude: string[], gitignores: ReadonlyMap<string, Ignore>): (relPath: string, isDir: boolean) => boolean {
  // No patterns, no question: the package checks and remembers every path it is asked about.
  const rootIgnore = exclude.length ? ignore().add(exclude) : undefined;
  return (relPath, isDir) => {
    const probe = isDir ? `${relPath}/` : relPath;
    if (rootIgnore?.ignores(probe)) return true;
    if (!gitignores.size) return false;
    const parts = relPath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const ig = gitignores.get(dir);
      if (!ig) continue;
      const sub = dir ? probe.slice(dir.length + 1) : probe;
      if (sub !== '' && ig.ignores(sub)) return true;
    }
    return false;
  };
}

