/**
 * The semantic diff of two revisions of a workspace (关系变化): who was added, removed or renamed,
 * whose stance, influence, roles or coverage moved and in which direction, what changed in the
 * relationship plan, which interactions were logged, how accounts, objectives and health moved,
 * and which findings were introduced or resolved. Pure: two checked workspaces in, data out.
 *
 * Both revisions must be checked at the same as-of date, so that cadence changes reflect the
 * data and not the clock. Sensitive personal fields (`x-sensitive`) never reach the result: a
 * change there is only flagged as "personal notes changed".
 *
 * This is the diff's entry: it pairs files (files.ts) and findings (findings.ts), diffs each
 * account (accounts.ts, with people.ts, plans.ts, interactions.ts, cadence.ts), adds the totals and
 * the headlines (headlines.ts). Its types live in model.ts and are exported from here too.
 */
import { CONFIG_FILE } from '../check/pipeline.js';
import type { Tier } from '../parse/config.js';
import type { Diagnostic } from '../diagnostic.js';
import type { KeyplanDocument } from '../parse/document.js';
import { buildReport } from '../report/report.js';
import type { Account } from '../model/workspace.js';
import { diffAccount } from './accounts.js';
import { cadencesByAccount } from './cadence.js';
import { documentsOf } from './context.js';
import { fileChanges } from './files.js';
import { findingRef, matchFindings, redactor, subjectResolver } from './findings.js';
import { diffHeadlines, uniqueFindings } from './headlines.js';
import { DIFF_VERSION, type AccountDiff, type DiffOptions, type DiffSide, type FindingChanges, type FindingRef, type WorkspaceDiff } from './model.js';
import { compareNames } from '../i18n/collate.js';

export * from './model.js';

/** The account a document belongs to (an account plan is its own). */
function accountOfDoc(doc: KeyplanDocument): string | undefined {
  const id = doc.kind === 'account' ? doc.data.id : doc.data.account;
  return typeof id === 'string' ? id : undefined;
}

/** A scoped diff found a finding belonging to an account outside its scope: diff everything instead. */
export class ScopeTooNarrow extends Error {}

export function diffWorkspaces(base: DiffSide, head: DiffSide, options: DiffOptions = {}): WorkspaceDiff {
  if (base.result.asOf !== head.result.asOf) throw new Error(`both revisions must be checked at the same as-of date (${base.result.asOf} ≠ ${head.result.asOf})`);
  const scope = options.scope;
  if (scope) {
    // Outside the scope both revisions are the same, and so are their findings; what a partial
    // check says about a document it saw only as context is not to be compared.
    const only = (side: DiffSide): DiffSide => ({ ...side, result: { ...side.result, diagnostics: side.result.diagnostics.filter((d) => scope.files.has(d.file)) } });
    base = only(base);
    head = only(head);
  }
  const asOf = head.result.asOf;
  const files = fileChanges(base, head, options.renames);
  const renamed = new Map(files.filter((f) => f.change === 'renamed').map((f) => [f.from!, f.path]));
  const toHead = (p: string) => renamed.get(p) ?? p;

  // Findings, matched by rule + file + subject, then redacted for sharing.
  const match = matchFindings(base.result.diagnostics, head.result.diagnostics, {
    baseSubject: subjectResolver(base.result.documents, base.files),
    headSubject: subjectResolver(head.result.documents, head.files),
    renamed: toHead,
  });
  const redactBase = options.includeSensitive ? (list: Diagnostic[]) => list : redactor(base.result);
  const redactHead = options.includeSensitive ? (list: Diagnostic[]) => list : redactor(head.result);
  const introduced = redactHead(match.introduced);
  const resolved = redactBase(match.resolved);
  const severityChanged = redactHead(match.severityChanged.map((s) => s.finding)).map((d, i) => ({ ...findingRef(d), from: match.severityChanged[i].from }));

  // The account a finding belongs to: its document's; for a file that could not be read in this
  // revision, the same file's account in the other one.
  const headByPath = new Map(head.result.documents.map((d) => [d.path, accountOfDoc(d)]));
  const baseByPath = new Map(base.result.documents.map((d) => [toHead(d.path), accountOfDoc(d)]));
  const dataAccount = (d: { data?: Record<string, unknown> }) => (typeof d.data?.account === 'string' ? d.data.account : undefined);
  const headAccountOf = (d: { file: string; data?: Record<string, unknown> }) => headByPath.get(d.file) ?? baseByPath.get(d.file) ?? dataAccount(d);
  const baseAccountOf = (d: { file: string; data?: Record<string, unknown> }) => baseByPath.get(toHead(d.file)) ?? headByPath.get(toHead(d.file)) ?? dataAccount(d);

  const baseReport = new Map(buildReport(base.result).accounts.map((a) => [a.id, a]));
  const headReport = new Map(buildReport(head.result).accounts.map((a) => [a.id, a]));
  const baseWs = base.result.workspace;
  const headWs = head.result.workspace;
  const baseCadences = cadencesByAccount(base.result.cadences);
  const headCadences = cadencesByAccount(head.result.cadences);

  const accountIds = new Set<string>();
  for (const ws of [baseWs, headWs]) for (const a of ws.accounts.values()) if (a.doc || a.people.length || a.plans.length || a.logs.length) accountIds.add(a.id);
  if (scope) {
    for (const id of accountIds) if (!scope.accounts.has(id)) accountIds.delete(id);
    const outside = (a: string | undefined) => a !== undefined && !scope.accounts.has(a);
    if (introduced.some((d) => outside(headAccountOf(d))) || resolved.some((d) => outside(baseAccountOf(d))) || severityChanged.some((d) => outside(headAccountOf(d)))) {
      throw new ScopeTooNarrow('a changed finding belongs to an account outside the scope');
    }
  }

  const focus = options.focus;
  const inFocus = (a: Account | undefined) => !!a && documentsOf(a).some((d) => focus!(d.path) || focus!(toHead(d.path)));

  const accounts: AccountDiff[] = [];
  for (const id of accountIds) {
    const before = baseWs.accounts.get(id);
    const after = headWs.accounts.get(id);
    if (focus && !inFocus(before) && !inFocus(after)) continue;
    const diff = diffAccount(id, before, after, {
      base, head, asOf, toHead, files,
      baseReport: baseReport.get(id), headReport: headReport.get(id), baseCadences, headCadences,
      includeSensitive: options.includeSensitive === true,
      findings: {
        introduced: introduced.filter((d) => headAccountOf(d) === id).map(findingRef),
        resolved: resolved.filter((d) => baseAccountOf(d) === id).map(findingRef),
        severityChanged: severityChanged.filter((s) => headAccountOf(s) === id),
      },
    });
    if (diff) accounts.push(diff);
  }
  const tierRank = (t?: Tier) => (t ? 'ABC'.indexOf(t) : 3);
  accounts.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || compareNames(a.name, b.name) || compareNames(a.id, b.id));

  const workspaceFindings: FindingChanges = {
    introduced: focus ? [] : introduced.filter((d) => headAccountOf(d) === undefined).map(findingRef),
    resolved: focus ? [] : resolved.filter((d) => baseAccountOf(d) === undefined).map(findingRef),
    severityChanged: focus ? [] : severityChanged.filter((s) => headAccountOf(s) === undefined),
  };
  const configChanged = files.some((f) => f.path === CONFIG_FILE || f.from === CONFIG_FILE);
  const shownFiles = focus ? files.filter((f) => focus(f.path) || (f.from !== undefined && focus(f.from))) : files;

  const allFindings = [...accounts.map((a) => a.findings), workspaceFindings];
  const diff: WorkspaceDiff = {
    version: DIFF_VERSION,
    asOf,
    files: shownFiles,
    accounts,
    workspace: { configChanged, findings: workspaceFindings },
    totals: {
      accounts: accounts.length,
      people: {
        added: accounts.reduce((n, a) => n + a.people.filter((p) => p.change === 'added').length, 0),
        removed: accounts.reduce((n, a) => n + a.people.filter((p) => p.change === 'removed').length, 0),
        changed: accounts.reduce((n, a) => n + a.people.filter((p) => p.change === 'changed').length, 0),
      },
      interactions: accounts.reduce((n, a) => n + a.interactions.added.length, 0),
      // Counted as the reader sees them: each finding once (not once per file it is placed on), infos aside.
      findings: {
        introduced: allFindings.reduce((n, f) => n + shown(f.introduced).length, 0),
        resolved: allFindings.reduce((n, f) => n + shown(f.resolved).length, 0),
        introducedErrors: allFindings.reduce((n, f) => n + shown(f.introduced).filter((x) => x.severity === 'error').length, 0),
      },
    },
    headlines: [],
  };
  diff.headlines = diffHeadlines(diff);
  return diff;
}

const shown = (list: FindingRef[]) => uniqueFindings(list).filter((f) => f.severity !== 'info');
