/**
 * The matrix's history trails: each person's positions over the last commits that touched the
 * account, from the core's relationship history (src/core/history) over the revisions the CLI's
 * git reader reads (one `git log`, one `git cat-file --batch`, safe git options; no checkout).
 * Bounded: at most TRAIL_COMMITS commits touching the account's current files are read as changes,
 * the workspace as it stood before them is the (whole) starting point. Git runs only in trusted
 * workspaces (the caller checks), as for git-previous.ts.
 */
import { checkWorkspace, type CheckResult } from '../../core/check/pipeline.js';
import { accountHistory, type RevisionInfo } from '../../core/history/history.js';
import type { Locale } from '../../core/i18n/catalogue.js';
import type { TrailPoints } from '../../core/matrix/model.js';
import { findRepo, git, readRevision, resolveCommit, workspaceRepo, type GitRepo } from '../../cli/git.js';
import { readHistory, type Point } from '../../cli/git-history.js';

/** How many commits touching the account a trail reads at most. */
export const TRAIL_COMMITS = 60;

export interface Trails {
  /** The commit the trails end at (HEAD); the same HEAD needs no new reading. */
  head: string;
  /** Person id → trajectory points, oldest first. */
  people: Map<string, TrailPoints>;
  /** The commits that changed the account (the first: the starting point), oldest first, for the matrix's date slider. */
  revisions: RevisionInfo[];
  /** The workspace's place in its repository, to read a revision. */
  repo?: GitRepo;
}

function point(fields: string[]): Point {
  const [sha, date, author = '', subject = ''] = fields;
  return { sha, date, author, subject, label: sha.slice(0, 7), when: date };
}

/**
 * The trajectories of an account's people over the last TRAIL_COMMITS commits that touched
 * `files` (workspace-relative: the account's documents). Undefined outside a git repository, with
 * no commit, or when git fails: the matrix then shows no trail.
 */
export function readTrails(folder: string, account: string, files: string[], locale: Locale, known?: Trails): Trails | undefined {
  try {
    const repo = findRepo(folder);
    if (!repo) return undefined;
    const head = resolveCommit(repo, 'HEAD');
    if (!head) return undefined;
    if (known?.head === head) return known;
    const ws = workspaceRepo(repo, folder);
    const paths = [...new Set(files)].map((f) => ws.prefix + f);
    if (!paths.length) return { head, people: new Map(), revisions: [] };
    // The commits on HEAD's first-parent line that touched the account's files, newest first: one
    // more than the bound, so that the last is the starting point.
    const log = git(repo.top, ['log', '--first-parent', `-n${TRAIL_COMMITS + 1}`, '--format=%H%x1f%cs%x1f%an%x1f%s', head, '--', ...paths]).stdout.toString('utf8');
    const commits = log.split('\n').map((line) => line.split('\x1f')).filter((r) => /^[0-9a-f]{40,64}$/.test(r[0]));
    if (!commits.length) return { head, people: new Map(), revisions: [] };
    const until = point(git(repo.top, ['log', '-1', '--no-walk', '--format=%H%x1f%cs%x1f%an%x1f%s', head]).stdout.toString('utf8').replace(/\n$/, '').split('\x1f'));
    const since = commits.length > TRAIL_COMMITS ? point(commits[TRAIL_COMMITS]) : undefined;
    const history = accountHistory(readHistory(ws, until, since), { account, locale });
    return { head, people: new Map(history.trajectories.map((t) => [t.id, t.points])), revisions: history.revisions, repo: ws };
  } catch {
    return undefined;
  }
}

/**
 * The workspace as it stood at one of `trails.revisions`, read from git (no checkout) and checked
 * at that commit's date, as `keyplan matrix --at` does. Undefined when git fails.
 */
export function checkAtRevision(trails: Trails, index: number, locale: Locale): CheckResult | undefined {
  const rev = trails.revisions[index];
  if (!rev || !trails.repo) return undefined;
  try {
    return checkWorkspace(readRevision(trails.repo, rev.id), { locale, asOf: rev.date });
  } catch {
    return undefined;
  }
}
