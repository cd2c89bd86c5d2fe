/**
 * Reading a workspace's history from git for `keyplan history` (and the `--at` / `--since` points
 * of `matrix`, `map` and `diff`, the matrix's trails and the editor's History view): ONE `git log`
 * along the first-parent line for the workspace's paths, with raw changes and renames
 * (`--raw -M`), then every blob it names in one `git cat-file --batch` by object id. No checkout;
 * git runs with the safe options of src/core/safe-git.ts (run.ts), so nothing a repository
 * configures runs. Steps as in git.ts: synchronous wrappers for the command line, `runAsync` for the editor.
 */
import { addDays, isValidDate } from '../core/dates.js';
import type { HistoryRevision, RevisionChange } from '../core/history/history.js';
import { decodeName, inWorkspace, namedRevisionSteps, nulFields, readBlobsBoundedSteps, readRevisionSteps, workspaceFilterSteps, type GitRepo } from './git.js';
import { call, GitError, runSync, type GitSteps } from './run.js';

export interface Point {
  sha: string;
  /** The commit's date (YYYY-MM-DD, the committer's own). */
  date: string;
  author: string;
  subject: string;
  /** How to name it to a reader: `v1.2 (1a2b3c4)`, `2026-09-01 (1a2b3c4)`. */
  label: string;
  /** The day the user asked about: the date named (or `asOf` − N days), else the commit's date. */
  when: string;
}

const NO_BLOB = /^0+$/;
const FORMAT = '--format=%x1e%H%x00%cs%x00%an%x00%s';

export function* commitInfoSteps(repo: GitRepo, sha: string): GitSteps<Omit<Point, 'label' | 'when'>> {
  const fields = (yield* call(repo.top, ['log', '-1', '--no-walk', '--format=%H%x00%cs%x00%an%x00%s', sha])).stdout.toString('utf8').replace(/\n$/, '').split('\0');
  return { sha: fields[0], date: fields[1], author: fields[2] ?? '', subject: fields[3] ?? '' };
}

/**
 * A point in time as the user writes it: `90d` (days before `asOf`), a date `YYYY-MM-DD`, or a
 * revision (tag, branch, commit). A date names the last commit on HEAD's first-parent line dated
 * before it (`edge: 'before'`, for --since: the plan as it stood when that day began) or on it
 * (`edge: 'on'`, for --at and --until: as it stood at the end of that day). Undefined when no
 * commit is that old.
 */
export function* resolvePointSteps(repo: GitRepo, spec: string, asOf: string, edge: 'before' | 'on', tip = 'HEAD'): GitSteps<Point | undefined> {
  const days = /^(\d{1,5})d$/.exec(spec);
  const date = days ? addDays(asOf, -Number(days[1])) : /^\d{4}-\d{2}-\d{2}$/.test(spec) ? spec : undefined;
  if (date !== undefined) {
    if (!isValidDate(date)) throw new GitError({ id: 'git.not-a-date', params: { value: spec } }, { notADate: spec });
    const { stdout } = yield* call(repo.top, ['log', '--first-parent', '--format=%H %cs', tip, '--']);
    for (const line of stdout.toString('utf8').split('\n')) {
      const [sha, d] = line.split(' ');
      if (!sha || !d) continue;
      if (edge === 'before' ? d < date : d <= date) {
        const info = yield* commitInfoSteps(repo, sha);
        return { ...info, label: `${spec} (${sha.slice(0, 7)})`, when: date };
      }
    }
    return undefined;
  }
  const named = yield* namedRevisionSteps(repo, spec);
  const info = yield* commitInfoSteps(repo, named.sha);
  return { ...info, label: named.label, when: info.date };
}
export const resolvePoint = (repo: GitRepo, spec: string, asOf: string, edge: 'before' | 'on', tip = 'HEAD') => runSync(resolvePointSteps(repo, spec, asOf, edge, tip));

/**
 * The revisions of the workspace from `since` (exclusive: it is the starting point, read whole)
 * to `until`, oldest first. Without `since`, from the first commit that touched the workspace.
 * Revisions whose changes leave the workspace's Keyplan files alone are left out.
 */
export function* readHistorySteps(repo: GitRepo, until: Pick<Point, 'sha'>, since?: Omit<Point, 'label' | 'when'>): GitSteps<HistoryRevision[]> {
  const wanted = yield* workspaceFilterSteps(repo, until.sha);
  const range = since ? [`${since.sha}..${until.sha}`] : [until.sha];
  const args = ['log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', '--no-textconv', FORMAT, ...range, '--', repo.prefix || '.'];
  const fields = nulFields((yield* call(repo.top, args)).stdout);
  type Pending = Omit<HistoryRevision, 'changes'> & { changes: (Omit<RevisionChange, 'content'> & { blob?: string })[] };
  const revisions: Pending[] = [];
  let current: Pending | undefined;
  for (let i = 0; i < fields.length; ) {
    let head = fields[i++].toString('utf8');
    if (head.startsWith('\n')) head = head.slice(1);
    if (head.startsWith('\x1e')) {
      const sha = head.slice(1);
      const date = fields[i++]?.toString('utf8') ?? '';
      const author = fields[i++]?.toString('utf8') ?? '';
      const subject = fields[i++]?.toString('utf8') ?? '';
      current = { id: sha, date, author, subject, changes: [] };
      revisions.push(current);
      continue;
    }
    if (!head.startsWith(':') || !current) continue;
    // :<old mode> <new mode> <old sha> <new sha> <status letter + score>
    const [, newMode, , newSha, code = ''] = head.slice(1).split(' ');
    const letter = code[0];
    const regular = newMode === '100644' || newMode === '100755';
    const blob = regular && newSha && !NO_BLOB.test(newSha) ? newSha : undefined;
    const name = (bytes: Buffer | undefined) => {
      const n = decodeName(bytes ?? Buffer.alloc(0));
      const rel = n.valid ? inWorkspace(repo, n.name) : undefined; // a name that is not UTF-8 is not read (as in a checkout walk)
      return rel !== undefined && wanted(rel) ? rel : undefined;
    };
    if (letter === 'R' || letter === 'C') {
      const from = name(fields[i++]);
      const to = name(fields[i++]);
      if (to !== undefined) current.changes.push({ path: to, ...(letter === 'R' && from !== undefined ? { from } : {}), blob });
      else if (from !== undefined && letter === 'R') current.changes.push({ path: from });
      continue;
    }
    const p = name(fields[i++]);
    if (p === undefined) continue;
    current.changes.push(letter === 'D' ? { path: p } : { path: p, blob });
  }
  const blobs = yield* readBlobsBoundedSteps(repo, [...new Set(revisions.flatMap((r) => r.changes.map((c) => c.blob).filter((b): b is string => !!b)))]);
  const out: HistoryRevision[] = [];
  if (since) out.push({ id: since.sha, date: since.date, author: since.author, subject: since.subject, files: yield* readRevisionSteps(repo, since.sha), baseline: true });
  for (const r of revisions) {
    const changes: RevisionChange[] = r.changes.map(({ blob, ...c }) => {
      const read = blob ? blobs.get(blob) : undefined;
      if (!read) return c;
      // Too large to read: given with its size, as in a checkout.
      return Buffer.isBuffer(read) ? { ...c, content: read } : { ...c, content: new Uint8Array(0), oversize: read.oversize };
    });
    if (!changes.length) continue;
    out.push({ ...r, changes });
  }
  return out;
}
export const readHistory = (repo: GitRepo, until: Pick<Point, 'sha'>, since?: Omit<Point, 'label' | 'when'>) => runSync(readHistorySteps(repo, until, since));

/** `--until` (default HEAD) as a point; a usage error when it names nothing. */
export function* untilPointSteps(repo: GitRepo, spec: string | undefined, asOf: string): GitSteps<Point> {
  if (spec === undefined) {
    const head = yield* namedRevisionSteps(repo, 'HEAD');
    const info = yield* commitInfoSteps(repo, head.sha);
    return { ...info, label: head.label, when: info.date };
  }
  const p = yield* resolvePointSteps(repo, spec, asOf, 'on');
  if (!p) throw new GitError({ id: 'git.no-commit-before', params: { when: spec } });
  return p;
}
export const untilPoint = (repo: GitRepo, spec: string | undefined, asOf: string) => runSync(untilPointSteps(repo, spec, asOf));
