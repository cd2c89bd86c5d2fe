/**
 * The recent history of one account, bounded, for the editor (the matrix's trails and date
 * slider, the History view): the commits on HEAD's first-parent line that touched the account's
 * files, at most `limit` of them read as changes, the workspace as it stood before them the
 * (whole) starting point; then the core's relationship history (src/core/history) over them.
 * Git runs with the safe options; the caller decides whether git may run at all (workspace trust).
 */
import { accountHistory, type AccountHistory, type HistoryRevision } from '../core/history/history.js';
import type { Locale } from '../core/i18n/locale.js';
import { findRepoSteps, resolveCommitSteps, workspaceRepo, type GitRepo } from './git.js';
import { readHistorySteps, type Point } from './history.js';
import { call, type GitSteps } from './run.js';

export interface AccountRead {
  state: 'read';
  /** The commit the history ends at (HEAD): the same HEAD, account and files need no new reading. */
  head: string;
  account: string;
  /** The account's files asked about (workspace-relative), as a key. */
  files: string;
  /** The workspace's place in its repository, to read a revision or a file at a commit. */
  repo: GitRepo;
  history: AccountHistory;
  /** The revisions read (with the files each changed), oldest first. */
  revisions: HistoryRevision[];
  /** More commits touched the account than were read: the history starts at the first one read. */
  truncated: boolean;
}

/** Why there is no history to show: no git repository around the folder, or one without a commit yet. */
export type NoHistory = { state: 'no-repo' } | { state: 'no-commit' };

type Commit = Omit<Point, 'label' | 'when'>;

function commit(fields: string[]): Commit {
  const [sha, date, author = '', subject = ''] = fields;
  return { sha, date, author, subject };
}

/**
 * The history of `account` over the last `limit` commits that touched `files` (workspace-relative:
 * the account's documents). `known`: a previous read, returned as it is when HEAD, the account and
 * its files are the same. Throws GitError when git fails or is missing.
 */
export function* readAccountHistorySteps(
  folder: string, account: string, files: readonly string[],
  options: { locale?: Locale; limit: number; known?: AccountRead },
): GitSteps<AccountRead | NoHistory> {
  const top = yield* findRepoSteps(folder);
  if (!top) return { state: 'no-repo' };
  const head = yield* resolveCommitSteps(top, 'HEAD');
  if (!head) return { state: 'no-commit' };
  const key = [...new Set(files)].sort().join('\n');
  const known = options.known;
  if (known && known.head === head && known.account === account && known.files === key) return known;
  const repo = workspaceRepo(top, folder);
  const empty = (history: AccountHistory): AccountRead => ({ state: 'read', head, account, files: key, repo, history, revisions: [], truncated: false });
  const paths = [...new Set(files)].map((f) => repo.prefix + f);
  if (!paths.length) return empty(accountHistory([], { account, locale: options.locale }));
  // The commits on HEAD's first-parent line that touched the account's files, newest first: one
  // more than the bound, so that the last is the starting point.
  const log = (yield* call(top.top, ['log', '--first-parent', `-n${options.limit + 1}`, '--format=%H%x1f%cs%x1f%an%x1f%s', head, '--', ...paths])).stdout.toString('utf8');
  const commits = log.split('\n').map((line) => line.split('\x1f')).filter((r) => /^[0-9a-f]{40,64}$/.test(r[0]));
  if (!commits.length) return empty(accountHistory([], { account, locale: options.locale }));
  const since = commits.length > options.limit ? commit(commits[options.limit]) : undefined;
  const revisions = yield* readHistorySteps(repo, { sha: head }, since);
  const history = accountHistory(revisions, { account, locale: options.locale });
  return { state: 'read', head, account, files: key, repo, history, revisions, truncated: since !== undefined };
}
