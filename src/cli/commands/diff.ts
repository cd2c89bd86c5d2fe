/**
 * `keyplan diff [BASE [HEAD]] [paths] [-- paths]`: the semantic diff of the relationship picture
 * between two git revisions (HEAD defaults to the working tree, BASE to the merge base with the
 * default branch). Both revisions are read straight from git and checked at the same as-of date.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, type SourceFile } from '../../core/check/pipeline.js';
import { today } from '../../core/dates.js';
import { diffWorkspaces } from '../../core/diff/diff.js';
import { DIFF_PHRASES } from '../../core/i18n/diff.js';
import { localizeText } from '../../core/i18n/locale.js';
import { chooseLocale, defineCommand, parseAsOf, print, reportProblems } from '../command.js';
import { writeDiffMatrices } from '../diff-matrix.js';
import { UsageError } from '../errors.js';
import { DIFF_FORMATS } from '../formatters/diff/index.js';
import type { DiffHeader } from '../formatters/diff/model.js';
import { pickFormatter } from '../formatters/formatter.js';
import { defaultBase, findRepo, namedRevision, readRevision, renames, resolveCommit, workspaceRepo, type GitRepo, type Revision } from '../git.js';
import { resolvePoint } from '../git-history.js';
import { terminalSafeLine } from '../output/terminal.js';
import { covers, focusEntries, isOutside } from '../paths.js';
import { findWorkspaceRoot, loadWorkspaceFiles } from '../walk.js';

export const diff = defineCommand({
  name: 'diff',
  summary: `  diff [BASE [HEAD]] [paths...]
                       What changed in the relationship picture between two git revisions:
                       people, stances, roles, plans, interactions, health, findings
`,
  help: `diff [BASE [HEAD]] [paths...] [-- paths...]
                       BASE: default the merge base of HEAD with origin/main (or main);
                       HEAD: default the working tree. Both are read from git, no checkout.
  --format <f>         text (default), markdown (a pull-request comment) or json
  --matrix-dir <dir>   also write each changed account's matrix before and after as SVG
                       into <dir> (markdown output embeds them; --force replaces files
                       Keyplan did not write)
  --since <when>       BASE is the plan as it stood then: Nd (N days before --as-of, e.g.
                       90d), a date (YYYY-MM-DD: the last commit before it) or a revision
                       (a tag such as the last QBR's); HEAD stays the working tree
  --include-sensitive  show changes of sensitive personal fields and findings about them in
                       full (by default: only "personal notes changed")
`,
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
    const note = (message: string) => io.stderr.write(`keyplan: ${terminalSafeLine(message)}\n`);

    const repo = findRepo(cwd);
    if (!repo) throw new UsageError('keyplan diff compares git revisions; run it inside a git working tree');
    const { revisions, paths: leading } = splitRevisions(repo, call.positionals, cwd);
    const paths = [...leading, ...call.paths];
    const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
    const root = findWorkspaceRoot(existsSync(targets[0]) ? targets[0] : cwd);
    const wsRepo = workspaceRepo(repo, root);
    if (isOutside(wsRepo.prefix)) throw new UsageError(`the workspace ${root} is outside the git repository ${repo.top}`);
    const entries = focusEntries(targets, root, cwd);
    const focus = entries.filter((f): f is string => f !== undefined);

    if (values.since !== undefined && revisions.length) throw new UsageError('--since names BASE; give either --since or revisions, not both');
    let base: Revision;
    if (values.since !== undefined) {
      const point = resolvePoint(repo, values.since, asOf, 'before');
      if (!point) throw new UsageError(`no commit before ${values.since} on HEAD's first-parent line`);
      base = { sha: point.sha, label: point.label };
    } else base = revisions[0] ? namedRevision(repo, revisions[0]) : defaultBase(repo);
    if (base.note) note(base.note);
    const head: Revision | undefined = revisions[1] ? namedRevision(repo, revisions[1]) : undefined;

    const baseFiles = readRevision(wsRepo, base.sha);
    let headFiles: SourceFile[];
    let failed: { path: string; error: string }[] = [];
    if (head) headFiles = readRevision(wsRepo, head.sha);
    else {
      const read = await loadWorkspaceFiles(root);
      ({ files: headFiles, failed } = read);
      for (const n of read.notes) note(n);
      for (const f of read.vanished) note(`${f} was deleted while the working tree was read; compared without it`);
    }

    // Every path named must hold Markdown files in one of the revisions.
    const known = [...baseFiles, ...headFiles].map((f) => f.path);
    entries.forEach((entry, i) => {
      if (entry === undefined || known.some((p) => covers(entry, p))) return;
      const arg = paths[i];
      if (arg === leading[0] && revisions.length === 0 && !existsSync(path.resolve(cwd, arg))) {
        throw new UsageError(`'${arg}' is neither a revision nor a path (in a shallow clone, fetch the revision first: git fetch --depth=1 origin ${arg})`);
      }
      throw new UsageError(`no Markdown files under ${arg} in either revision`);
    });

    const headResult = checkWorkspace(headFiles, { asOf, locale });
    // Both sides speak the same language, so resolved and introduced findings read alike.
    const baseResult = checkWorkspace(baseFiles, { asOf, locale: headResult.locale });
    const workspaceDiff = diffWorkspaces(
      { result: baseResult, files: baseFiles },
      { result: headResult, files: headFiles },
      {
        renames: renames(wsRepo, base.sha, head?.sha),
        focus: focus.length ? (file) => focus.some((f) => covers(f, file)) : undefined,
        includeSensitive: values['include-sensitive'] === true,
      },
    );
    const header: DiffHeader = { base: base.label, head: head ? head.label : localizeText(DIFF_PHRASES.workingTree, headResult.locale) };
    if (values['matrix-dir']) header.matrix = await writeDiffMatrices(workspaceDiff, baseResult, headResult, values['matrix-dir'], cwd, values.force);
    print(call, formatter, { diff: workspaceDiff, header, base, head }, headResult.locale);
    return reportProblems(io, [], failed);
  },
});

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
