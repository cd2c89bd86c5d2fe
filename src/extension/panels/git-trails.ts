/**
 * The matrix's history trails: each person's positions over the last commits that touched the
 * account, from the core's relationship history (src/core/history) over the revisions the shared
 * git reader reads (src/git: one `git log`, one `git cat-file --batch`, safe git options, no
 * checkout), without blocking the extension host. Bounded: at most TRAIL_COMMITS commits touching
 * the account's current files are read as changes, the workspace as it stood before them is the
 * (whole) starting point. Git runs only in trusted workspaces (the caller checks), as for git-previous.ts.
 */
import { checkWorkspace, type CheckResult } from '../../core/check/pipeline.js';
import type { RevisionInfo } from '../../core/history/history.js';
import type { Locale } from '../../core/i18n/catalogue.js';
import type { TrailPoints } from '../../core/matrix/model.js';
import { readAccountHistorySteps, type AccountRead } from '../../git/account-history.js';
import { readRevisionSteps, type GitRepo } from '../../git/git.js';
import { runAsync } from '../../git/run.js';

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
  /** The read the trails come from (reused while HEAD stays). */
  read?: AccountRead;
}

/**
 * The trajectories of an account's people over the last TRAIL_COMMITS commits that touched
 * `files` (workspace-relative: the account's documents). Undefined outside a git repository, with
 * no commit, or when git fails: the matrix then shows no trail.
 */
export async function readTrails(folder: string, account: string, files: string[], locale: Locale, known?: Trails): Promise<Trails | undefined> {
  try {
    const read = await runAsync(readAccountHistorySteps(folder, account, files, { locale, limit: TRAIL_COMMITS, known: known?.read }));
    if (read.state !== 'read') return undefined;
    if (known && read === known.read) return known;
    const h = read.history;
    return { head: read.head, people: new Map(h.trajectories.map((t) => [t.id, t.points])), revisions: read.revisions.length ? h.revisions : [], repo: read.repo, read };
  } catch {
    return undefined;
  }
}

/**
 * The workspace as it stood at one of `trails.revisions`, read from git (no checkout) and checked
 * at that commit's date, as `keyplan matrix --at` does. Undefined when git fails.
 */
export async function checkAtRevision(trails: Trails, index: number, locale: Locale): Promise<CheckResult | undefined> {
  const rev = trails.revisions[index];
  if (!rev || !trails.repo) return undefined;
  try {
    return checkWorkspace(await runAsync(readRevisionSteps(trails.repo, rev.id)), { locale, asOf: rev.date });
  } catch {
    return undefined;
  }
}
