/**
 * Reads people's stance and influence at HEAD with git, for the matrix's "previous position". Git
 * runs only in trusted workspaces (the caller checks): a repository's own configuration can name
 * programs for git to run, and Keyplan never runs anything a workspace chose.
 */
import { execFile } from 'node:child_process';
import { parseKeyplanDocument } from '../../core/parse/document.js';
import { SAFE_GIT_OPTIONS, safeGitEnv } from '../../core/safe-git.js';

function gitShow(cwd: string, path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // `HEAD:./path` is relative to cwd. `cat-file blob` prints the stored bytes: no textconv or
    // other filter a repository's attributes could name, no index refresh (fsmonitor hooks).
    execFile('git', [...SAFE_GIT_OPTIONS, 'cat-file', 'blob', `HEAD:./${path}`], { cwd, env: safeGitEnv(process.env), maxBuffer: 10 * 1024 * 1024, timeout: 10_000 }, (err, stdout) => resolve(err ? undefined : stdout));
  });
}

/** Person id → stance and influence at HEAD. Empty when the folder is not a git repository. */
export async function previousPlacements(cwd: string, files: { person: string; path: string }[]): Promise<Map<string, { stance?: unknown; influence?: unknown }>> {
  const out = new Map<string, { stance?: unknown; influence?: unknown }>();
  await Promise.all(files.map(async (f) => {
    const text = await gitShow(cwd, f.path);
    if (text === undefined) return;
    const parsed = parseKeyplanDocument(f.path, text, 'en');
    if (parsed.status === 'document' && parsed.document.data.id === f.person) out.set(f.person, { stance: parsed.document.data.stance, influence: parsed.document.data.influence });
  }));
  return out;
}
