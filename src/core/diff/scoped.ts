/**
 * Checking and diffing two revisions at the cost of what changed (#15): only the accounts a change
 * touches are checked and compared, on both sides, with the same result as checking and diffing
 * everything (test/unit/diff-scoped.test.ts compares the two).
 *
 * Why it is the same. The files that differ between the revisions are found by comparing their
 * bytes (any file read on one side only, or with other bytes). Each side's scope
 * (check/affected.ts) is taken with the other side's content as the "before" of every such file:
 * checking a scope's files gives exactly the full check's findings on its focus, and every
 * document whose findings the change can alter is in its focus. So, with F the union of both
 * focus sets and A the union of both scopes' accounts:
 * - a file outside F is read the same on both sides with the same findings: the full diff says
 *   nothing about it (no file change, every finding matched). Its findings are dropped on both
 *   sides of the scoped diff, and both sides check the same set of files (the union of both
 *   scopes), so it shows as unchanged there too.
 * - an account outside A has no changed document and no document whose findings changed; its
 *   report, cadences, people, plans and interactions come from its own documents at the same as-of
 *   date on both sides: the full diff gives it no AccountDiff, the scoped one does not diff it.
 *   A finding on F that belongs to an account outside A makes the diff start again in full.
 * - an account in A has all its documents in F on both sides (a scope's focus holds every
 *   document of its accounts, and A is required to be each side's accounts), so it is diffed from
 *   the same documents with the same findings.
 * A change to keyplan.yaml (what is read, the tiers, the language) diffs everything, as does a
 * scope that is not the same set of accounts on both sides.
 */
import { affectedScope, scopeMemo, type ChangedFile } from '../check/affected.js';
import { IncrementalChecker, type CheckResult, type SourceFile } from '../check/pipeline.js';
import type { Locale } from '../i18n/locale.js';
import type { ParseMemo } from '../parse/document.js';
import { diffWorkspaces, ScopeTooNarrow } from './diff.js';
import type { DiffOptions, WorkspaceDiff } from './model.js';

export interface DiffScope {
  base: SourceFile[];
  head: SourceFile[];
  /** Files whose findings can differ between the revisions (changed files and their accounts' documents). */
  files: Set<string>;
  /** Accounts the change touches. */
  accounts: Set<string>;
  /** The documents parsed to decide the scope: the checks of both sides take them. */
  parses: ParseMemo;
}

/** The same file on both sides: the same bytes (a file too large to be read: the same size). */
const identical = (fa: SourceFile, fb: SourceFile): boolean => {
  const [a, b] = [fa.content, fb.content];
  if (fa.oversize !== fb.oversize) return false;
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
};

/** The part of both revisions to check, or undefined when everything must be. */
export function diffScope(base: readonly SourceFile[], head: readonly SourceFile[]): DiffScope | undefined {
  const baseFiles = new Map(base.map((f) => [f.path, f]));
  const headFiles = new Map(head.map((f) => [f.path, f]));
  const headChanged: ChangedFile[] = [];
  const baseChanged: ChangedFile[] = [];
  for (const p of new Set([...baseFiles.keys(), ...headFiles.keys()])) {
    const a = baseFiles.get(p);
    const b = headFiles.get(p);
    if (a !== undefined && b !== undefined && identical(a, b)) continue;
    headChanged.push({ path: p, before: a?.content });
    baseChanged.push({ path: p, before: b?.content });
  }
  // Most files are the same bytes on both sides: each is decoded and indexed once.
  const memo = scopeMemo();
  const headScope = affectedScope(head, headChanged, memo);
  const baseScope = affectedScope(base, baseChanged, memo);
  if (headScope.full || baseScope.full) return undefined;
  if (headScope.accounts.join('\n') !== baseScope.accounts.join('\n')) return undefined;
  const paths = new Set([...baseScope.files, ...headScope.files].map((f) => f.path));
  return {
    base: base.filter((f) => paths.has(f.path)),
    head: head.filter((f) => paths.has(f.path)),
    files: new Set([...baseScope.focus, ...headScope.focus]),
    accounts: new Set(headScope.accounts),
    parses: memo.parses,
  };
}

/** A checker of one revision that checks once, as `checkWorkspace` does. */
function checkerOf(files: readonly SourceFile[], locale: Locale | undefined, parses: ParseMemo | undefined): IncrementalChecker {
  const checker = new IncrementalChecker(locale, true, false, parses);
  for (const file of files) checker.set(file);
  return checker;
}

export interface CheckedDiff {
  diff: WorkspaceDiff;
  base: CheckResult;
  head: CheckResult;
  /** Whether only a part of the workspace was checked. */
  scoped: boolean;
}

/**
 * Checks both revisions at the same as-of date (HEAD in `locale`, BASE in HEAD's language, so
 * resolved and introduced findings read alike) and diffs them; only the affected part unless `full`.
 */
export function checkAndDiff(
  baseFiles: SourceFile[],
  headFiles: SourceFile[],
  options: { asOf: string; locale?: Locale; full?: boolean } & Omit<DiffOptions, 'scope'>,
): CheckedDiff {
  const { asOf, locale, full, ...diffOptions } = options;
  const run = (base: SourceFile[], head: SourceFile[], scope?: DiffScope): CheckedDiff => {
    const headChecker = checkerOf(head, locale, scope?.parses);
    const headResult = headChecker.check(asOf);
    // The files both revisions hold with the same bytes are parsed and validated once.
    const baseChecker = checkerOf(base, headResult.locale, scope?.parses);
    baseChecker.reuseFileResults(headChecker);
    const baseResult = baseChecker.check(asOf);
    const diff = diffWorkspaces(
      { result: baseResult, files: base },
      { result: headResult, files: head },
      { ...diffOptions, scope: scope && { accounts: scope.accounts, files: scope.files } },
    );
    return { diff, base: baseResult, head: headResult, scoped: !!scope };
  };
  const scope = full ? undefined : diffScope(baseFiles, headFiles);
  if (scope) {
    try {
      return run(scope.base, scope.head, scope);
    } catch (e) {
      if (!(e instanceof ScopeTooNarrow)) throw e;
    }
  }
  return run(baseFiles, headFiles);
}
