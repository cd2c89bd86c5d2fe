/**
 * `keyplan diff [BASE [HEAD]] [paths]`: the semantic diff of the relationship picture between two
 * git revisions (HEAD defaults to the working tree, BASE to the merge base with the default
 * branch). Both revisions are read straight from git and checked at the same as-of date.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, type SourceFile } from '../../core/check/pipeline.js';
import { today } from '../../core/dates.js';
import { diffWorkspaces, type WorkspaceDiff } from '../../core/diff/diff.js';
import type { Locale } from '../../core/i18n/catalogue.js';
import { writeDiffMatrices } from '../diff-matrix.js';
import { UsageError } from '../errors.js';
import { formatDiffMarkdown, type DiffHeader } from '../formats/diff-markdown.js';
import { formatDiffText } from '../formats/diff-text.js';
import { defaultBase, findRepo, namedRevision, readRevision, renames, resolveCommit, type GitRepo, type Revision } from '../git.js';
import type { Style } from '../style.js';
import { forTerminal } from '../terminal.js';
import { findWorkspaceRoot, loadWorkspaceFiles } from '../walk.js';

export interface DiffCommandOptions {
  /** Positionals before `--`: up to two revisions, then paths. */
  positionals: string[];
  /** Positionals after `--`: always paths. */
  paths: string[];
  format: 'text' | 'markdown' | 'json';
  asOf?: string;
  locale?: Locale;
  matrixDir?: string;
  /** Replace files in the matrix folder that Keyplan did not write. */
  force?: boolean;
  /** Show sensitive personal fields and findings about them in full. */
  includeSensitive?: boolean;
  cwd: string;
  style: Style;
  /** Notes for the user (stderr). */
  note: (message: string) => void;
}

export interface DiffOutcome {
  output: string;
  diff: WorkspaceDiff;
  failed: { path: string; error: string }[];
}

/** Splits `[BASE [HEAD]] [paths]`: leading arguments that name commits are revisions. */
function splitRevisions(repo: GitRepo, args: string[], cwd: string): { revisions: string[]; paths: string[] } {
  const revisions: string[] = [];
  let i = 0;
  for (; i < args.length && revisions.length < 2; i++) {
    const arg = args[i];
    if (!resolveCommit(repo, arg)) break;
    if (existsSync(path.resolve(cwd, arg))) throw new UsageError(`'${arg}' is both a revision and a path; put paths after '--', e.g. keyplan diff ${arg} -- ${arg}`);
    revisions.push(arg);
  }
  return { revisions, paths: args.slice(i) };
}

export async function runDiff(options: DiffCommandOptions): Promise<DiffOutcome> {
  const repo = findRepo(options.cwd);
  if (!repo) throw new UsageError('keyplan diff compares git revisions; run it inside a git working tree');
  const { revisions, paths: leading } = splitRevisions(repo, options.positionals, options.cwd);
  const paths = [...leading, ...options.paths];
  const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const root = findWorkspaceRoot(existsSync(targets[0]) ? targets[0] : options.cwd);
  const relRoot = path.relative(repo.top, root).split(path.sep).join('/');
  if (relRoot.startsWith('..') || path.isAbsolute(relRoot)) throw new UsageError(`the workspace ${root} is outside the git repository ${repo.top}`);
  const wsRepo: GitRepo = { top: repo.top, prefix: relRoot ? `${relRoot}/` : '' };
  const focus: string[] = [];
  const focusArgs: string[] = [];
  targets.forEach((t, i) => {
    const rel = path.relative(root, t).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${path.relative(options.cwd, t)} is outside the workspace ${path.relative(options.cwd, root) || '.'}`);
    if (rel === '') return;
    focus.push(rel.endsWith('.md') ? rel : `${rel}/`);
    focusArgs.push(paths[i]);
  });

  const base: Revision = revisions[0] ? namedRevision(repo, revisions[0]) : defaultBase(repo);
  if (base.note) options.note(base.note);
  const head: Revision | undefined = revisions[1] ? namedRevision(repo, revisions[1]) : undefined;

  const baseFiles = readRevision(wsRepo, base.sha);
  let headFiles: SourceFile[];
  let failed: { path: string; error: string }[] = [];
  if (head) headFiles = readRevision(wsRepo, head.sha);
  else {
    const read = await loadWorkspaceFiles(root);
    ({ files: headFiles, failed } = read);
    for (const n of read.notes) options.note(n);
    for (const f of read.vanished) options.note(`${f} was deleted while the working tree was read; compared without it`);
  }

  if (focus.length) {
    const known = [...baseFiles, ...headFiles].map((f) => f.path);
    focus.forEach((f, i) => {
      if (known.some((p) => (f.endsWith('/') ? p.startsWith(f) : p === f))) return;
      const arg = focusArgs[i];
      if (arg === leading[0] && revisions.length === 0 && !existsSync(path.resolve(options.cwd, arg))) {
        throw new UsageError(`'${arg}' is neither a revision nor a path (in a shallow clone, fetch the revision first: git fetch --depth=1 origin ${arg})`);
      }
      throw new UsageError(`no Markdown files under ${arg} in either revision`);
    });
  }

  const asOf = options.asOf ?? today();
  const headResult = checkWorkspace(headFiles, { asOf, locale: options.locale });
  // Both sides speak the same language, so resolved and introduced findings read alike.
  const baseResult = checkWorkspace(baseFiles, { asOf, locale: headResult.locale });
  const diff = diffWorkspaces(
    { result: baseResult, files: baseFiles },
    { result: headResult, files: headFiles },
    {
      renames: renames(wsRepo, base.sha, head?.sha),
      focus: focus.length ? (file) => focus.some((f) => (f.endsWith('/') ? file.startsWith(f) : file === f)) : undefined,
      includeSensitive: options.includeSensitive === true,
    },
  );
  const locale = headResult.locale;
  const header: DiffHeader = {
    base: base.label,
    head: head ? head.label : locale === 'zh-cn' ? '工作区' : 'working tree',
  };
  if (options.matrixDir) header.matrix = await writeDiffMatrices(diff, baseResult, headResult, options.matrixDir, options.cwd, options.force);

  let output: string;
  if (options.format === 'json') {
    output = JSON.stringify({ ...diff, base: { sha: base.sha, label: base.label }, head: head ? { sha: head.sha, label: head.label } : { label: 'working tree' } }, null, 2) + '\n';
  } else if (options.format === 'markdown') output = formatDiffMarkdown(diff, header, locale);
  else output = formatDiffText(forTerminal(diff), forTerminal(header), locale, options.style);
  return { output, diff, failed };
}
