/**
 * `keyplan diff [BASE [HEAD]] [paths] [-- paths]`: the semantic diff of the relationship picture
 * between two git revisions (HEAD defaults to the working tree, BASE to the merge base with the
 * default branch). Both revisions are read straight from git and checked at the same as-of date.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../core/check/pipeline.js';
import { today } from '../../core/dates.js';
import { checkAndDiff } from '../../core/diff/scoped.js';
import { sayText, type CliText } from '../../core/i18n/cli.js';
import { DIFF_PHRASES } from '../../core/i18n/diff.js';
import { localizeText } from '../../core/i18n/locale.js';
import { chooseLocale, defineCommand, parseAsOf, print, reportProblems } from '../command.js';
import { writeDiffMatrices } from '../diff-matrix.js';
import { usage } from '../errors.js';
import { DIFF_FORMATS } from '../formatters/diff/index.js';
import type { DiffHeader } from '../formatters/diff/model.js';
import { pickFormatter } from '../formatters/formatter.js';
import { defaultBase, findRepo, namedRevision, readRevision, renames, resolveCommit, sharedReads, workspaceRepo, type GitRepo, type Revision } from '../../git/git.js';
import { resolvePoint } from '../../git/history.js';
import { terminalSafeLine } from '../output/terminal.js';
import { covers, focusEntries, isOutside } from '../paths.js';
import { findWorkspaceRoot, loadWorkspaceFiles } from '../../disk/walk.js';

export const diff = defineCommand({
  name: 'diff',
  choices: { format: Object.keys(DIFF_FORMATS) },
  options: {
    format: { type: 'string', default: 'text' },
    'matrix-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
    'include-sensitive': { type: 'boolean', default: false },
    since: { type: 'string' },
  },
  pathsAfterDashes: true,
  async run(call) {
    const { values, io } = call;
    const cwd = io.cwd;
    const formatter = pickFormatter(DIFF_FORMATS, values.format);
    const asOf = parseAsOf(values['as-of']) ?? today();
    const locale = chooseLocale(values.locale, io.env);
    const note = (message: CliText) => io.stderr.write(`keyplan: ${terminalSafeLine(sayText(locale ?? 'en', message))}\n`);

    const repo = findRepo(cwd);
    if (!repo) throw usage('error.diff-no-repo');
    const { revisions, paths: leading } = splitRevisions(repo, call.positionals, cwd);
    const paths = [...leading, ...call.paths];
    const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
    const root = findWorkspaceRoot(existsSync(targets[0]) ? targets[0] : cwd);
    const wsRepo = workspaceRepo(repo, root);
    if (isOutside(wsRepo.prefix)) throw usage('error.diff-outside', { root, top: repo.top });
    const entries = focusEntries(targets, root, cwd);
    const focus = entries.filter((f): f is string => f !== undefined);

    if (values.since !== undefined && revisions.length) throw usage('error.since-and-revisions');
    let base: Revision;
    if (values.since !== undefined) {
      const point = resolvePoint(repo, values.since, asOf, 'before');
      if (!point) throw usage('error.no-commit-before', { when: values.since });
      base = { sha: point.sha, label: point.label };
    } else base = revisions[0] ? namedRevision(repo, revisions[0].rev, revisions[0].sha) : defaultBase(repo);
    if (base.note) note(base.note);
    const head: Revision | undefined = revisions[1] ? namedRevision(repo, revisions[1].rev, revisions[1].sha) : undefined;

    // Blobs both revisions share are read once, and the paths they share are filtered once.
    const shared = sharedReads();
    const baseFiles = readRevision(wsRepo, base.sha, shared);
    let headFiles: SourceFile[];
    let failed: { path: string; error: CliText }[] = [];
    if (head) headFiles = readRevision(wsRepo, head.sha, shared);
    else {
      const read = await loadWorkspaceFiles(root);
      ({ files: headFiles, failed } = read);
      for (const n of read.notes) note(n);
      for (const f of read.vanished) note({ id: 'note.vanished-diff', params: { path: f } });
    }

    // Every path named must hold Markdown files in one of the revisions.
    const known = [...baseFiles, ...headFiles].map((f) => f.path);
    entries.forEach((entry, i) => {
      if (entry === undefined || known.some((p) => covers(entry, p))) return;
      const arg = paths[i];
      if (arg === leading[0] && revisions.length === 0 && !existsSync(path.resolve(cwd, arg))) {
        throw usage('error.diff-neither', { arg });
      }
      throw usage('error.diff-no-markdown', { arg });
    });

    // Only the accounts the change touches are checked and compared (core/diff/scoped.ts);
    // KEYPLAN_DIFF_FULL=1 checks and compares everything, for the test that proves them the same.
    const { diff: workspaceDiff, base: baseResult, head: headResult } = checkAndDiff(baseFiles, headFiles, {
      asOf,
      locale,
      full: io.env.KEYPLAN_DIFF_FULL === '1',
      renames: renames(wsRepo, base.sha, head?.sha),
      focus: focus.length ? (file) => focus.some((f) => covers(f, file)) : undefined,
      includeSensitive: values['include-sensitive'] === true,
    });
    const header: DiffHeader = { base: base.label, head: head ? head.label : localizeText(DIFF_PHRASES.workingTree, headResult.locale) };
    if (values['matrix-dir']) header.matrix = await writeDiffMatrices(workspaceDiff, baseResult, headResult, values['matrix-dir'], cwd, values.force);
    print(call, formatter, { diff: workspaceDiff, header, base, head }, headResult.locale);
    return reportProblems(io, [], failed, undefined, call.locale);
  },
});

/** The leading arguments that name commits (with the commit each names), and the paths after them. */
function splitRevisions(repo: GitRepo, args: string[], cwd: string): { revisions: { rev: string; sha: string }[]; paths: string[] } {
  const revisions: { rev: string; sha: string }[] = [];
  let i = 0;
  for (; i < args.length && revisions.length < 2; i++) {
    const arg = args[i];
    const sha = resolveCommit(repo, arg);
    if (!sha) break;
    if (existsSync(path.resolve(cwd, arg))) throw usage('error.diff-both', { arg });
    revisions.push({ rev: arg, sha });
  }
  return { revisions, paths: args.slice(i) };
}
