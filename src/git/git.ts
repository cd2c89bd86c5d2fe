/**
 * Reading a workspace from git revisions with plumbing commands: no checkout, no temporary clone.
 * `git ls-tree` lists a revision's files, `git cat-file --batch` reads all their blobs in one
 * process, `git diff --raw -M` finds renames and old blob ids. Works in shallow clones as long as the
 * revisions involved have been fetched.
 *
 * Each reader is written once as steps (`…Steps`, see run.ts): the command line runs them with
 * the synchronous wrappers below (same names without `Steps`), the editor with `runAsync`.
 */
import path from 'node:path';
import ignore from 'ignore';
import { CONFIG_FILE, loadConfig, MAX_FILE_BYTES, type SourceFile } from '../core/check/pipeline.js';
import { ALWAYS_SKIPPED, ignoreFilter } from '../disk/ignore.js';
import { call, GitError, gitSync, runSync, type GitOutput, type GitSteps } from './run.js';

export { GitError } from './run.js';

const relativePosix = (from: string, to: string) => path.relative(from, to).split(path.sep).join('/');

export interface GitRepo {
  /** Absolute path of the working tree's top folder. */
  top: string;
  /** The workspace folder relative to `top`, with forward slashes and a trailing slash ('' at the top). */
  prefix: string;
}

/** Runs git in the repository and waits for it; throws GitError with git's own message when it fails. */
export function git(cwd: string, args: string[], options: { input?: string; allowFailure?: boolean } = {}): GitOutput {
  return gitSync({ cwd, args, ...options });
}

function* out(cwd: string, args: string[]): GitSteps<string> {
  return (yield* call(cwd, args)).stdout.toString('utf8').trim();
}

/** The repository holding `dir`, with `dir`'s place in it; undefined outside a git working tree. */
export function* findRepoSteps(dir: string): GitSteps<GitRepo | undefined> {
  const r = yield* call(dir, ['rev-parse', '--show-toplevel', '--show-prefix'], { allowFailure: true });
  if (!r.ok) return undefined;
  const [top, prefix = ''] = r.stdout.toString('utf8').split('\n');
  return { top: path.resolve(top), prefix: prefix.trim() };
}
export const findRepo = (dir: string) => runSync(findRepoSteps(dir));

/** The repository with a workspace folder's place in it (the prefix leaves `top` when the folder lies outside it). */
export function workspaceRepo(repo: GitRepo, root: string): GitRepo {
  const rel = relativePosix(repo.top, root);
  return { top: repo.top, prefix: rel ? `${rel}/` : '' };
}

/** The commit a revision names, or undefined when it names none (unknown, or not fetched). */
export function* resolveCommitSteps(repo: GitRepo, rev: string): GitSteps<string | undefined> {
  if (!rev || rev.startsWith('-')) return undefined;
  const r = yield* call(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { allowFailure: true });
  return r.ok ? r.stdout.toString('utf8').trim() : undefined;
}
export const resolveCommit = (repo: GitRepo, rev: string) => runSync(resolveCommitSteps(repo, rev));

export function shortShaSteps(repo: GitRepo, sha: string): GitSteps<string> {
  return out(repo.top, ['rev-parse', '--short', sha]);
}
export const shortSha = (repo: GitRepo, sha: string) => runSync(shortShaSteps(repo, sha));

export interface Revision {
  sha: string;
  /** How to name it to a reader: `origin/main (merge base 1a2b3c4)`, `HEAD~1 (5d6e7f8)`. */
  label: string;
  /** Something the reader should know about how it was chosen. */
  note?: string;
}

/** The branch pull requests go into: origin's HEAD, else origin/main, origin/master, main, master. */
export function* defaultBranchSteps(repo: GitRepo): GitSteps<string | undefined> {
  const sym = yield* call(repo.top, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], { allowFailure: true });
  const candidates = [sym.ok ? sym.stdout.toString('utf8').trim() : '', 'origin/main', 'origin/master', 'main', 'master'].filter(Boolean);
  for (const c of candidates) if (yield* resolveCommitSteps(repo, c)) return c;
  return undefined;
}
export const defaultBranch = (repo: GitRepo) => runSync(defaultBranchSteps(repo));

/** BASE when none is named: the merge base of HEAD with the default branch. */
export function* defaultBaseSteps(repo: GitRepo): GitSteps<Revision> {
  const branch = yield* defaultBranchSteps(repo);
  if (!branch) throw new GitError({ id: 'git.no-default-branch' });
  const tip = (yield* resolveCommitSteps(repo, branch))!;
  const mb = yield* call(repo.top, ['merge-base', 'HEAD', tip], { allowFailure: true });
  if (mb.ok) {
    const sha = mb.stdout.toString('utf8').trim();
    return { sha, label: `${branch} (merge base ${yield* shortShaSteps(repo, sha)})` };
  }
  return {
    sha: tip,
    label: `${branch} (${yield* shortShaSteps(repo, tip)})`,
    note: `no merge base of HEAD and ${branch} in this clone (shallow?); comparing with ${branch} itself. Fetch more history (e.g. actions/checkout fetch-depth: 0) or name the base commit.`,
  };
}
export const defaultBase = (repo: GitRepo) => runSync(defaultBaseSteps(repo));

/** `sha`: the commit `rev` was already resolved to, if it was (one git call fewer). */
export function* namedRevisionSteps(repo: GitRepo, rev: string, sha?: string): GitSteps<Revision> {
  sha ??= yield* resolveCommitSteps(repo, rev);
  if (!sha) throw new GitError({ id: 'git.unknown-revision', params: { rev } });
  const short = yield* shortShaSteps(repo, sha);
  return { sha, label: /^[0-9a-f]{7,40}$/i.test(rev) ? short : `${rev} (${short})` };
}
export const namedRevision = (repo: GitRepo, rev: string, sha?: string) => runSync(namedRevisionSteps(repo, rev, sha));

/** Workspace-relative path of a repository path, or undefined when it lies outside the workspace. */
export function inWorkspace(repo: GitRepo, repoPath: string): string | undefined {
  if (!repo.prefix) return repoPath;
  return repoPath.startsWith(repo.prefix) ? repoPath.slice(repo.prefix.length) : undefined;
}

const pathspec = (repo: GitRepo) => (repo.prefix ? [repo.prefix] : ['.']);

/**
 * Reads blobs by object id with one `git cat-file --batch`. Missing ones are left out. Only ids are
 * accepted: a path could hold a newline, which would shift every later answer of the batch.
 */
export function* readBlobsSteps(repo: GitRepo, names: string[]): GitSteps<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  if (!names.length) return result;
  for (const n of names) if (!/^[0-9a-f]{40,64}$/i.test(n)) throw new Error(`readBlobs takes object ids, not '${n}'`);
  const { stdout } = yield* call(repo.top, ['cat-file', '--batch', '--buffer'], { input: names.join('\n') + '\n' });
  let at = 0;
  for (const name of names) {
    const nl = stdout.indexOf(10, at);
    if (nl < 0) break;
    const header = stdout.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^(\S+) (\S+) (\d+)$/.exec(header);
    if (!m) continue; // "<name> missing" or "ambiguous"
    const size = Number(m[3]);
    if (m[2] === 'blob') result.set(name, stdout.subarray(at, at + size));
    at += size + 1; // content, then a newline
  }
  return result;
}
export const readBlobs = (repo: GitRepo, names: string[]) => runSync(readBlobsSteps(repo, names));

/**
 * `readBlobsSteps` for blobs whose size is not known yet: their sizes are asked first
 * (`cat-file --batch-check`), and a blob over MAX_FILE_BYTES comes back as its size, never read.
 */
export function* readBlobsBoundedSteps(repo: GitRepo, names: string[]): GitSteps<Map<string, Buffer | { oversize: number }>> {
  const result = new Map<string, Buffer | { oversize: number }>();
  if (!names.length) return result;
  for (const n of names) if (!/^[0-9a-f]{40,64}$/i.test(n)) throw new Error(`readBlobs takes object ids, not '${n}'`);
  const { stdout } = yield* call(repo.top, ['cat-file', '--batch-check', '--buffer'], { input: names.join('\n') + '\n' });
  const small: string[] = [];
  const lines = stdout.toString('utf8').split('\n');
  names.forEach((name, i) => {
    const m = /^(\S+) (\S+) (\d+)$/.exec(lines[i] ?? '');
    if (!m || m[2] !== 'blob') return;
    const size = Number(m[3]);
    if (size > MAX_FILE_BYTES) result.set(name, { oversize: size });
    else small.push(name);
  });
  for (const [name, content] of yield* readBlobsSteps(repo, small)) result.set(name, content);
  return result;
}
export const readBlobsBounded = (repo: GitRepo, names: string[]) => runSync(readBlobsBoundedSteps(repo, names));

interface TreeEntry {
  path: string;
  sha: string;
  size: number;
}

/** Every regular file of a revision under the workspace folder (workspace-relative paths). */
function* listTree(repo: GitRepo, rev: string): GitSteps<TreeEntry[]> {
  const { stdout } = yield* call(repo.top, ['ls-tree', '-r', '-z', '-l', '--full-tree', rev, '--', ...(repo.prefix ? [repo.prefix] : [])]);
  const entries: TreeEntry[] = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue; // symlinks and submodules are not followed
    const rel = inWorkspace(repo, record.slice(tab + 1));
    if (rel !== undefined) entries.push({ path: rel, sha, size: Number(size) });
  }
  return entries;
}

interface RevisionFilter {
  wanted: (path: string) => boolean;
  config?: Buffer;
}

/**
 * What reading one revision leaves for reading another (`keyplan diff` reads two that share most
 * files): blob contents by object id (an unchanged file is then the same Buffer on both sides, and
 * read once), and which paths are read under each set of keyplan.yaml and .gitignore blobs.
 */
export interface SharedReads {
  blobs: Map<string, Buffer>;
  filters: Map<string, RevisionFilter>;
}

export const sharedReads = (): SharedReads => ({ blobs: new Map(), filters: new Map() });

/**
 * Which files of a revision Keyplan reads, as `loadWorkspaceFiles` would decide in a checkout:
 * keyplan.yaml plus every `*.md`, minus `.gitignore`d paths and keyplan.yaml `exclude:` patterns
 * (size aside). `entries` are the revision's files; also returns keyplan.yaml's bytes.
 */
function* revisionFilter(repo: GitRepo, entries: TreeEntry[], shared?: SharedReads): GitSteps<RevisionFilter> {
  const config = entries.find((e) => e.path === CONFIG_FILE);
  const gitignores = entries.filter((e) => e.path === '.gitignore' || e.path.endsWith('/.gitignore'));
  // Revisions with the same keyplan.yaml and .gitignore blobs at the same paths read the same files.
  const key = [config?.sha ?? '', ...gitignores.map((e) => `${e.path}\0${e.sha}`)].join('\n');
  const known = shared?.filters.get(key);
  if (known) return known;
  const blobs = yield* readBlobsSteps(repo, [...(config ? [config.sha] : []), ...gitignores.map((e) => e.sha)]);
  let exclude: string[] = [];
  const configContent = config ? blobs.get(config.sha) : undefined;
  if (configContent) exclude = loadConfig({ path: CONFIG_FILE, content: configContent }).config.exclude;
  const ignoreFiles = new Map<string, ReturnType<typeof ignore>>();
  for (const e of gitignores) {
    const dir = e.path === '.gitignore' ? '' : e.path.slice(0, -'/.gitignore'.length);
    ignoreFiles.set(dir, ignore().add(blobs.get(e.sha)?.toString('utf8') ?? ''));
  }
  const ignored = ignoreFilter(exclude, ignoreFiles);
  // Whether a folder is skipped, remembered: a history asks about the same folders thousands of times.
  const skippedDirs = new Map<string, boolean>();
  const skippedDir = (dir: string, name: string): boolean => {
    let skipped = skippedDirs.get(dir);
    if (skipped === undefined) skippedDirs.set(dir, (skipped = ALWAYS_SKIPPED.has(name) || ignored(dir, true)));
    return skipped;
  };
  const wanted = (p: string) => {
    if (!p.toLowerCase().endsWith('.md')) return false;
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (skippedDir(parts.slice(0, i).join('/'), parts[i - 1])) return false;
    }
    return !ignored(p, false);
  };
  // Each path's answer is kept: another revision with the same rules asks about the same paths.
  const answers = new Map<string, boolean>();
  const filter: RevisionFilter = {
    wanted: (p) => {
      let answer = answers.get(p);
      if (answer === undefined) answers.set(p, (answer = wanted(p)));
      return answer;
    },
    config: configContent,
  };
  shared?.filters.set(key, filter);
  return filter;
}

/** The filter of `revisionFilter` for a revision: which workspace paths Keyplan reads there. */
export function* workspaceFilterSteps(repo: GitRepo, sha: string): GitSteps<(path: string) => boolean> {
  const { wanted } = yield* revisionFilter(repo, yield* listTree(repo, sha));
  return (p) => p === CONFIG_FILE || wanted(p);
}

/**
 * A revision's workspace files exactly as `loadWorkspaceFiles` would find them in a checkout:
 * keyplan.yaml plus every `*.md`, minus `.gitignore`d paths and keyplan.yaml `exclude:` patterns.
 */
export function* readRevisionSteps(repo: GitRepo, sha: string, shared?: SharedReads): GitSteps<SourceFile[]> {
  const blobs = shared?.blobs;
  const entries = yield* listTree(repo, sha);
  const { wanted: wantedPath, config } = yield* revisionFilter(repo, entries, shared);
  const files: SourceFile[] = [];
  if (config) files.push({ path: CONFIG_FILE, content: config });
  const wanted = entries.filter((e) => wantedPath(e.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A blob over the limit is not read; it is given with its size, so the check says it was skipped
  // as too large, as it does in a checkout.
  const read = wanted.filter((e) => e.size <= MAX_FILE_BYTES);
  const contents = yield* readBlobsSteps(repo, [...new Set(read.map((e) => e.sha))].filter((b) => !blobs?.has(b)));
  if (blobs) for (const [b, content] of contents) blobs.set(b, content);
  for (const e of wanted) {
    if (e.size > MAX_FILE_BYTES) {
      files.push({ path: e.path, content: new Uint8Array(0), oversize: e.size });
      continue;
    }
    const content = contents.get(e.sha) ?? blobs?.get(e.sha);
    if (content) files.push({ path: e.path, content });
  }
  return files;
}
/**
 * `shared`: what reading another revision left (read from it, added to it), so that a second
 * revision reads only the files that differ from the first (the same Buffer for an unchanged file).
 */
export const readRevision = (repo: GitRepo, sha: string, shared?: SharedReads) => runSync(readRevisionSteps(repo, sha, shared));

export interface ChangedPath {
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'untracked';
  /** Workspace-relative path now (the old path for deleted files). */
  path: string;
  /** Old path of a renamed or copied file. */
  from?: string;
  /** The blob at `base` (modified, deleted, type-changed files; where a renamed or copied file came from). */
  oldBlob?: string;
  /** A path (or `from`) whose bytes are not valid UTF-8: `path` then holds a lossy rendering of it. */
  invalidName?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
export function decodeName(bytes: Buffer): { name: string; valid: boolean } {
  try {
    return { name: utf8.decode(bytes), valid: true };
  } catch {
    return { name: bytes.toString('utf8'), valid: false };
  }
}

/** Splits NUL-separated git output into byte fields (names are kept as bytes until checked). */
export function nulFields(out: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let at = 0;
  for (let nul = out.indexOf(0, at); nul >= 0; nul = out.indexOf(0, at)) {
    fields.push(out.subarray(at, nul));
    at = nul + 1;
  }
  if (at < out.length) fields.push(out.subarray(at));
  return fields;
}

const NO_BLOB = /^0+$/;

/**
 * Files that differ between `base` and `head` (a commit, or the working tree when undefined,
 * untracked files included), with renames detected and the blob each had at `base` (from
 * `git diff --raw`, so old contents are asked for by object id, never by a path). Paths outside
 * the workspace are left out.
 */
export function* changedPathsSteps(repo: GitRepo, base: string, head?: string): GitSteps<ChangedPath[]> {
  const args = ['diff', '--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', '--no-textconv', base, ...(head ? [head] : []), '--', ...pathspec(repo)];
  const fields = nulFields((yield* call(repo.top, args)).stdout);
  const result: ChangedPath[] = [];
  for (let i = 0; i < fields.length; ) {
    const header = fields[i++].toString('utf8');
    if (!header.startsWith(':')) continue;
    // :<old mode> <new mode> <old sha> <new sha> <status letter + score>
    const [, , oldSha, , code = ''] = header.slice(1).split(' ');
    const oldBlob = oldSha && !NO_BLOB.test(oldSha) ? oldSha : undefined;
    const letter = code[0];
    if (letter === 'R' || letter === 'C') {
      const fromName = decodeName(fields[i++] ?? Buffer.alloc(0));
      const toName = decodeName(fields[i++] ?? Buffer.alloc(0));
      const invalidName = !fromName.valid || !toName.valid || undefined;
      const from = inWorkspace(repo, fromName.name);
      const to = inWorkspace(repo, toName.name);
      if (to !== undefined) result.push({ status: letter === 'R' ? 'renamed' : 'copied', path: to, from, oldBlob: from !== undefined ? oldBlob : undefined, invalidName });
      else if (from !== undefined && letter === 'R') result.push({ status: 'deleted', path: from, oldBlob, invalidName });
      continue;
    }
    const name = decodeName(fields[i++] ?? Buffer.alloc(0));
    const p = inWorkspace(repo, name.name);
    if (p === undefined) continue;
    const status = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : letter === 'T' ? 'type-changed' : 'modified';
    result.push({ status, path: p, oldBlob: status === 'added' ? undefined : oldBlob, invalidName: !name.valid || undefined });
  }
  if (!head) {
    const untracked = nulFields((yield* call(repo.top, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...pathspec(repo)])).stdout);
    for (const bytes of untracked) {
      const name = decodeName(bytes);
      const rel = name.name && inWorkspace(repo, name.name);
      if (rel) result.push({ status: 'untracked', path: rel, invalidName: !name.valid || undefined });
    }
  }
  return result;
}
export const changedPaths = (repo: GitRepo, base: string, head?: string) => runSync(changedPathsSteps(repo, base, head));

/**
 * Workspace-relative paths of the files git tracks (in the index). A file Keyplan reads that is not
 * among them is new, even when git's own exclude files (`.git/info/exclude`, `core.excludesFile`),
 * which Keyplan does not read, hide it from `git ls-files --others --exclude-standard`.
 */
export function trackedPaths(repo: GitRepo): Set<string> {
  const result = new Set<string>();
  for (const bytes of nulFields(git(repo.top, ['ls-files', '--cached', '-z', '--', ...pathspec(repo)]).stdout)) {
    const rel = inWorkspace(repo, bytes.toString('utf8'));
    if (rel) result.add(rel);
  }
  return result;
}

/** BASE path → HEAD path for every file git sees as renamed. */
export function renames(repo: GitRepo, base: string, head?: string): Map<string, string> {
  return new Map(changedPaths(repo, base, head).filter((c) => c.status === 'renamed' && c.from !== undefined).map((c) => [c.from!, c.path]));
}
