/**
 * The semantic diff of two revisions of a workspace (关系变化): who was added, removed or renamed,
 * whose stance, influence, roles or coverage moved and in which direction, what changed in the
 * relationship plan, which interactions were logged, how accounts, objectives and health moved,
 * and which findings were introduced or resolved. Pure: two checked workspaces in, data out.
 *
 * Both revisions must be checked at the same as-of date, so that cadence changes reflect the
 * data and not the clock. Sensitive personal fields (`x-sensitive`) never reach the result: a
 * change there is only flagged as "personal notes changed".
 */
import type { CadenceSource, CadenceState, PersonCadence } from '../analysis/cadence.js';
import type { CheckResult, SourceFile } from '../check/pipeline.js';
import { CONFIG_FILE } from '../check/pipeline.js';
import type { Cadence, Tier } from '../parse/config.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { matchFindings, subjectResolver } from './findings.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { HealthBand, HealthPartName } from '../analysis/health.js';
import type { DocumentKind } from '../kinds.js';
import { position, quadrant, stanceX, type Quadrant } from '../model/placement.js';
import { currentContacts } from '../model/plans.js';
import { kindLookup, redactSensitive, SENSITIVE_FIELDS } from '../analysis/redact.js';
import { buildReport, type AccountReport } from '../report/report.js';
import type { AccountData, Objective, PlanContact, RelationshipPlanData } from '../model/types.js';
import type { Account, Interaction, Person, Workspace } from '../model/workspace.js';
import { diffHeadlines, uniqueFindings, type Headline } from './headlines.js';

export const DIFF_VERSION = 1;

/** Better or worse for the relationship; `changed` when there is no order (e.g. from unknown). */
export type Direction = 'improved' | 'worsened' | 'changed';
export type Value = string | number | boolean | string[] | null;

export interface FieldChange {
  field: string;
  from?: Value;
  to?: Value;
  direction?: Direction;
}

export interface FindingRef {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface FindingChanges {
  introduced: FindingRef[];
  resolved: FindingRef[];
  severityChanged: (FindingRef & { from: Severity })[];
}

export interface PersonSnapshot {
  title?: string;
  roles: string[];
  stance: string;
  influence?: number;
  coverage: string;
  status: 'active' | 'left';
  quadrant: Quadrant;
}

export interface PersonDiff {
  id: string;
  name: string;
  title?: string;
  change: 'added' | 'removed' | 'changed';
  /** HEAD's state for added and changed people, BASE's for removed ones. */
  snapshot: PersonSnapshot;
  renamed?: { from: string; to: string };
  /** Moved to this account from another one (same person id). */
  movedFrom?: string;
  /** `status` became `left` (离职) or `active` again. */
  left?: boolean;
  returned?: boolean;
  stance?: { from: string; to: string; direction: Direction; steps?: number };
  influence?: { from?: number; to?: number; direction: Direction };
  coverage?: { from: string; to: string; direction: Direction };
  roles?: { added: string[]; removed: string[] };
  quadrant?: { from: Quadrant; to: Quadrant };
  /** Other fields: title, reports_to, influences, channels, own cadence. */
  fields: FieldChange[];
  /** A sensitive field (needs, career, preferences, communication style) changed; never its content. */
  personalNotesChanged: boolean;
}

export interface ContactChange {
  person: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
  /** `next:` set or moved: a newly planned interaction. */
  plannedNext?: string;
}

export interface PlanDocRef {
  file: string;
  id?: string;
  period?: string;
}

export interface PlanChanges {
  added: PlanDocRef[];
  removed: PlanDocRef[];
  contacts: ContactChange[];
}

export interface InteractionRef {
  date: string;
  channel: string;
  people: { id: string; name: string }[];
  summary: string;
  file: string;
  line: number;
}

export interface InteractionChanges {
  added: InteractionRef[];
  removed: InteractionRef[];
  /** Entries whose summary or other details were edited (same date, channel and people). */
  edited: InteractionRef[];
  /** Who was met in the added entries, most often first. */
  met: { id: string; name: string; count: number }[];
}

export interface CadenceChange {
  person: string;
  name: string;
  from: { state: CadenceState; expected?: Cadence; source?: CadenceSource; overdueBy?: number };
  to: { state: CadenceState; expected?: Cadence; source?: CadenceSource; overdueBy?: number };
  direction: Direction;
  /** HEAD's one-sentence explanation. */
  explanation: string;
}

export interface ObjectiveChange {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  status?: string;
  due?: string;
  fields: FieldChange[];
  /** Status became `done`. */
  done: boolean;
}

export interface HealthSnapshot {
  score?: number;
  band?: HealthBand;
  parts: { part: HealthPartName; score?: number }[];
}

export interface HealthChange {
  from: HealthSnapshot;
  to: HealthSnapshot;
  direction: Direction;
}

export interface FileChange {
  change: 'added' | 'removed' | 'renamed' | 'modified';
  /** HEAD path (BASE path for removed files). */
  path: string;
  from?: string;
  kind?: DocumentKind;
}

export interface AccountDiff {
  id: string;
  name: string;
  tier?: Tier;
  owner?: string;
  change: 'added' | 'removed' | 'changed';
  files: FileChange[];
  fields: FieldChange[];
  objectives: ObjectiveChange[];
  health?: HealthChange;
  people: PersonDiff[];
  plan: PlanChanges;
  interactions: InteractionChanges;
  cadence: CadenceChange[];
  findings: FindingChanges;
  /** For an added or removed account: how many people and documents it holds. */
  size?: { people: number; documents: number };
}

export interface WorkspaceDiff {
  version: number;
  asOf: string;
  files: FileChange[];
  /** Changed accounts only, by tier then name. */
  accounts: AccountDiff[];
  /** Findings on files that belong to no account (keyplan.yaml, unreadable files). */
  workspace: { configChanged: boolean; findings: FindingChanges };
  totals: {
    accounts: number;
    people: { added: number; removed: number; changed: number };
    interactions: number;
    findings: { introduced: number; resolved: number; introducedErrors: number };
  };
  headlines: Headline[];
}

export interface DiffSide {
  result: CheckResult;
  /** The files the result was computed from (for file changes and line texts). */
  files: readonly SourceFile[];
}

export interface DiffOptions {
  /** BASE path → HEAD path for files the version control system saw renamed. */
  renames?: ReadonlyMap<string, string>;
  /** Only accounts with a document for which this is true (the paths the user named). */
  focus?: (file: string) => boolean;
  /**
   * Include sensitive personal fields (`x-sensitive`): their changes as field changes with their
   * values, and findings about them in full. Only for output that stays with the plan's authors
   * (`keyplan diff --include-sensitive`); by default a change there is only "personal notes changed".
   */
  includeSensitive?: boolean;
}

// --- orders used for directions ------------------------------------------------------------

const COVERAGE_RANK: Record<string, number> = { none: 0, brief: 1, multiple: 2, 'in-depth': 3 };
const STAGE_RANK: Record<string, number> = { awareness: 0, recognition: 1, purchase: 2, advocacy: 3 };
const REVIEW_RANK: Record<string, number> = { rejected: 0, draft: 1, submitted: 2, approved: 3 };
const OBJECTIVE_RANK: Record<string, number> = { 'at-risk': 0, 'not-started': 1, 'on-track': 2, done: 3 };
const CHURN_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };
const LEVEL_RANK: Record<string, number> = { transactional: 0, partnership: 1, ecosystem: 2 };
const BAND_RANK: Record<string, number> = { red: 0, amber: 1, green: 2 };
/** Cadence states from worst to best (a move up the list is a worsening). */
const CADENCE_RANK: Record<string, number> = { overdue: 0, never: 1, 'planned-missed': 1, 'due-soon': 2, ok: 3 };
/** Roles whose arrival or departure is a headline: the economic buyer and the coach. */
export const KEY_ROLES = ['EB', 'Coach'];

function ranked(rank: Record<string, number>, from: unknown, to: unknown): Direction {
  const a = typeof from === 'string' ? rank[from] : undefined;
  const b = typeof to === 'string' ? rank[to] : undefined;
  if (a === undefined || b === undefined || a === b) return 'changed';
  return b > a ? 'improved' : 'worsened';
}

function numeric(from: unknown, to: unknown, higherIsBetter = true): Direction {
  if (typeof from !== 'number' || typeof to !== 'number' || from === to) return 'changed';
  return to > from === higherIsBetter ? 'improved' : 'worsened';
}

// --- small value helpers -------------------------------------------------------------------

function value(v: unknown): Value | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('ideal' in o && 'max' in o) return `${o.ideal}/${o.max}`;
    if ('start' in o && 'end' in o) return `${o.start}…${o.end}`;
    return JSON.stringify(v);
  }
  return String(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(value(a) ?? null) === JSON.stringify(value(b) ?? null);

function field(out: FieldChange[], name: string, from: unknown, to: unknown, direction?: (a: unknown, b: unknown) => Direction): void {
  if (same(from, to)) return;
  const change: FieldChange = { field: name, from: value(from), to: value(to) };
  const d = direction?.(from, to);
  if (d && d !== 'changed') change.direction = d;
  out.push(change);
}

const nameOf = (p: Person | undefined, id: string) => String(p?.data.name ?? id);
const rolesOf = (p: Person) => (Array.isArray(p.data.roles) ? p.data.roles.map(String) : []);
const stanceOf = (p: Person) => String(p.data.stance ?? 'unknown');
const coverageOf = (p: Person) => String(p.data.coverage ?? 'unknown');
const statusOf = (p: Person): 'active' | 'left' => (p.data.status === 'left' ? 'left' : 'active');

function snapshot(p: Person): PersonSnapshot {
  return {
    title: typeof p.data.title === 'string' ? p.data.title : undefined,
    roles: rolesOf(p),
    stance: stanceOf(p),
    influence: typeof p.data.influence === 'number' ? p.data.influence : undefined,
    coverage: coverageOf(p),
    status: statusOf(p),
    quadrant: quadrant(position(p.data.stance, p.data.influence)),
  };
}

function accountOfDoc(doc: KeyplanDocument): string | undefined {
  const id = doc.kind === 'account' ? doc.data.id : doc.data.account;
  return typeof id === 'string' ? id : undefined;
}

// --- the diff ------------------------------------------------------------------------------

export function diffWorkspaces(base: DiffSide, head: DiffSide, options: DiffOptions = {}): WorkspaceDiff {
  if (base.result.asOf !== head.result.asOf) throw new Error(`both revisions must be checked at the same as-of date (${base.result.asOf} ≠ ${head.result.asOf})`);
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
  const severityChanged = redactHead(match.severityChanged.map((s) => s.finding)).map((d, i) => ({ ...ref(d), from: match.severityChanged[i].from }));

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
        introduced: introduced.filter((d) => headAccountOf(d) === id).map(ref),
        resolved: resolved.filter((d) => baseAccountOf(d) === id).map(ref),
        severityChanged: severityChanged.filter((s) => headAccountOf(s) === id),
      },
    });
    if (diff) accounts.push(diff);
  }
  const tierRank = (t?: Tier) => (t ? 'ABC'.indexOf(t) : 3);
  accounts.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));

  const workspaceFindings: FindingChanges = {
    introduced: focus ? [] : introduced.filter((d) => headAccountOf(d) === undefined).map(ref),
    resolved: focus ? [] : resolved.filter((d) => baseAccountOf(d) === undefined).map(ref),
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

function redactor(result: CheckResult): (list: Diagnostic[]) => Diagnostic[] {
  const kindOf = kindLookup(result.documents);
  return (list) => redactSensitive(list, kindOf, result.locale);
}

function ref(d: Diagnostic): FindingRef {
  return { rule: d.rule, severity: d.severity, file: d.file, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, message: d.message };
}

// --- files -----------------------------------------------------------------------------------

function sameContent(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a !== 'string' && typeof b !== 'string') return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
  const text = (c: Uint8Array | string) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  return text(a) === text(b);
}

/** A document's identity beyond its path, used to pair files that moved without git noticing. */
function identity(doc: KeyplanDocument): string | undefined {
  const d = doc.data as Record<string, unknown>;
  switch (doc.kind) {
    case 'account':
    case 'person':
      return typeof d.id === 'string' ? `${doc.kind}:${d.id}` : undefined;
    case 'relationship-plan': {
      if (typeof d.id === 'string') return `plan:${d.id}`;
      const p = d.period as { start?: string; end?: string } | undefined;
      return typeof d.account === 'string' && p ? `plan:${d.account}:${p.start}:${p.end}` : undefined;
    }
    case 'interaction-log':
      return typeof d.account === 'string' ? `log:${d.account}:${d.year ?? ''}` : undefined;
    case 'org-portrait':
      return typeof d.account === 'string' ? `portrait:${d.account}` : undefined;
  }
}

/** Changed Keyplan documents (and keyplan.yaml), with renames paired. */
function fileChanges(base: DiffSide, head: DiffSide, renames: ReadonlyMap<string, string> = new Map()): FileChange[] {
  const relevant = (side: DiffSide) => {
    const paths = new Set<string>(side.result.documents.map((d) => d.path));
    for (const d of side.result.diagnostics) paths.add(d.file); // unreadable documents and keyplan.yaml
    for (const f of side.files) if (f.path === CONFIG_FILE) paths.add(f.path);
    return paths;
  };
  const content = (side: DiffSide) => new Map(side.files.map((f) => [f.path, f.content]));
  const kinds = (side: DiffSide) => new Map(side.result.documents.map((d) => [d.path, d.kind]));
  const baseContent = content(base);
  const headContent = content(head);
  const basePaths = relevant(base);
  const headPaths = relevant(head);
  const baseKinds = kinds(base);
  const headKinds = kinds(head);
  const out: FileChange[] = [];
  const pairedBase = new Set<string>();
  const pairedHead = new Set<string>();

  const pair = (from: string, to: string) => {
    pairedBase.add(from);
    pairedHead.add(to);
    out.push({ change: 'renamed', path: to, from, kind: headKinds.get(to) ?? baseKinds.get(from) });
  };
  const baseDocs = new Map(base.result.documents.map((d) => [d.path, d]));
  const headDocs = new Map(head.result.documents.map((d) => [d.path, d]));
  for (const [from, to] of renames) {
    if (from === to || !basePaths.has(from) || !headPaths.has(to) || headPaths.has(from)) continue;
    // Git pairs similar files; two different people's portraits look alike. Trust the documents.
    const a = baseDocs.get(from);
    const b = headDocs.get(to);
    if (a && b && (a.kind !== b.kind || identity(a) !== identity(b))) continue;
    pair(from, to);
  }
  // Files moved without rename information: same document identity, or the same content.
  const removed = [...basePaths].filter((p) => !headPaths.has(p) && !pairedBase.has(p));
  const added = [...headPaths].filter((p) => !basePaths.has(p) && !pairedHead.has(p));
  const headById = new Map<string, string>();
  const addedSet = new Set(added);
  const removedSet = new Set(removed);
  for (const d of head.result.documents) if (addedSet.has(d.path)) {
    const id = identity(d);
    if (id) headById.set(id, d.path);
  }
  for (const d of base.result.documents) {
    if (!removedSet.has(d.path)) continue;
    const id = identity(d);
    const to = id ? headById.get(id) : undefined;
    if (to && !pairedHead.has(to)) pair(d.path, to);
  }
  for (const from of removed) {
    if (pairedBase.has(from)) continue;
    const text = baseContent.get(from);
    const to = added.find((p) => !pairedHead.has(p) && text !== undefined && headContent.get(p) !== undefined && sameContent(headContent.get(p)!, text));
    if (to) pair(from, to);
  }
  for (const p of basePaths) if (!headPaths.has(p) && !pairedBase.has(p)) out.push({ change: 'removed', path: p, kind: baseKinds.get(p) });
  for (const p of headPaths) {
    if (pairedHead.has(p)) continue;
    if (!basePaths.has(p)) out.push({ change: 'added', path: p, kind: headKinds.get(p) });
    else {
      const a = baseContent.get(p);
      const b = headContent.get(p);
      if (a !== undefined && b !== undefined && !sameContent(a, b)) out.push({ change: 'modified', path: p, kind: headKinds.get(p) ?? baseKinds.get(p) });
    }
  }
  // Renamed files may also have been edited; the rename is what the reviewer needs to know.
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// --- accounts --------------------------------------------------------------------------------

interface AccountContext {
  base: DiffSide;
  head: DiffSide;
  asOf: string;
  toHead: (p: string) => string;
  files: FileChange[];
  baseReport?: AccountReport;
  headReport?: AccountReport;
  baseCadences: Map<string, Map<string, PersonCadence>>;
  headCadences: Map<string, Map<string, PersonCadence>>;
  findings: FindingChanges;
  includeSensitive: boolean;
}

function documentsOf(a: Account | undefined): KeyplanDocument[] {
  if (!a) return [];
  return [...(a.doc ? [a.doc] : []), ...a.people.map((p) => p.doc), ...a.portraits, ...a.plans, ...a.logs];
}

function diffAccount(id: string, before: Account | undefined, after: Account | undefined, ctx: AccountContext): AccountDiff | undefined {
  const hasBefore = !!before?.doc;
  const hasAfter = !!after?.doc;
  const data = (after?.data ?? before?.data) as AccountData | undefined;
  // An account plan that only became unreadable (a YAML error) is a changed account, not a removed one.
  const fileGone = (p: string) => ctx.files.some((f) => f.change === 'removed' && f.path === p);
  const fileNew = (p: string) => ctx.files.some((f) => f.change === 'added' && f.path === p);
  const change: AccountDiff['change'] = hasBefore && !hasAfter && fileGone(before!.doc!.path) ? 'removed' : !hasBefore && hasAfter && fileNew(after!.doc!.path) ? 'added' : 'changed';

  const headPaths = new Set(documentsOf(after).map((d) => d.path));
  const basePaths = new Set(documentsOf(before).map((d) => ctx.toHead(d.path)));
  const files = ctx.files.filter((f) => headPaths.has(f.path) || basePaths.has(f.path));

  const diff: AccountDiff = {
    id,
    name: String(data?.name ?? id),
    tier: after?.tier ?? before?.tier,
    owner: typeof data?.owner === 'string' ? data.owner : undefined,
    change,
    files,
    fields: change === 'changed' ? accountFields(before?.data, after?.data) : [],
    objectives: change === 'changed' ? objectiveChanges(before?.data, after?.data) : [],
    people: [],
    plan: { added: [], removed: [], contacts: [] },
    interactions: { added: [], removed: [], edited: [], met: [] },
    cadence: [],
    findings: ctx.findings,
  };
  if (change !== 'changed') {
    const side = change === 'added' ? after! : before!;
    diff.size = { people: side.people.length, documents: documentsOf(side).length };
  }
  diff.health = healthChange(ctx.baseReport, ctx.headReport);
  diff.people = peopleChanges(before, after, ctx);
  diff.plan = planChanges(before, after, ctx);
  // A deleted account's log went with it; listing each of its entries as removed says nothing more.
  if (change !== 'removed') diff.interactions = interactionChanges(before, after, ctx);
  diff.cadence = cadenceChanges(id, ctx);

  const changed =
    change !== 'changed' || diff.files.length || diff.fields.length || diff.objectives.length || diff.health || diff.people.length ||
    diff.plan.added.length || diff.plan.removed.length || diff.plan.contacts.length || diff.interactions.added.length ||
    diff.interactions.removed.length || diff.interactions.edited.length || diff.cadence.length ||
    diff.findings.introduced.length || diff.findings.resolved.length || diff.findings.severityChanged.length;
  return changed ? diff : undefined;
}

function accountFields(a: AccountData | undefined, b: AccountData | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  if (!a || !b) return out;
  field(out, 'name', a.name, b.name);
  field(out, 'tier', a.tier, b.tier);
  field(out, 'owner', a.owner, b.owner);
  field(out, 'team', a.team, b.team);
  field(out, 'industry', a.industry, b.industry);
  field(out, 'lifecycle', a.lifecycle, b.lifecycle);
  field(out, 'relationship_level', a.relationship_level, b.relationship_level, (x, y) => ranked(LEVEL_RANK, x, y));
  field(out, 'period', a.period, b.period);
  field(out, 'review.status', a.review?.status, b.review?.status, (x, y) => ranked(REVIEW_RANK, x, y));
  field(out, 'review.reviewers', a.review?.reviewers, b.review?.reviewers);
  field(out, 'review.next', a.review?.next, b.review?.next);
  for (const k of ['financial', 'strategic', 'structural', 'current', 'potential'] as const) field(out, `value.${k}`, a.value?.[k], b.value?.[k], (x, y) => numeric(x, y));
  field(out, 'health.nps', a.health?.nps, b.health?.nps, (x, y) => numeric(x, y));
  field(out, 'health.csat', a.health?.csat, b.health?.csat, (x, y) => numeric(x, y));
  field(out, 'health.revenue', a.health?.revenue, b.health?.revenue, (x, y) => numeric(x, y));
  field(out, 'health.currency', a.health?.currency, b.health?.currency);
  field(out, 'health.churn_risk', a.health?.churn_risk, b.health?.churn_risk, (x, y) => ranked(CHURN_RANK, x, y));
  return out;
}

function objectiveChanges(a: AccountData | undefined, b: AccountData | undefined): ObjectiveChange[] {
  const list = (d: AccountData | undefined) => new Map((Array.isArray(d?.objectives) ? d!.objectives : []).filter((o) => o && typeof o.id === 'string').map((o) => [o.id, o]));
  const before = list(a);
  const after = list(b);
  const out: ObjectiveChange[] = [];
  const brief = (o: Objective, change: ObjectiveChange['change']): ObjectiveChange => ({ id: o.id, title: String(o.title ?? o.id), change, status: o.status, due: o.due, fields: [], done: false });
  for (const [id, o] of after) {
    const old = before.get(id);
    if (!old) {
      out.push({ ...brief(o, 'added'), done: o.status === 'done' });
      continue;
    }
    const fields: FieldChange[] = [];
    field(fields, 'title', old.title, o.title);
    field(fields, 'status', old.status ?? 'not-started', o.status ?? 'not-started', (x, y) => ranked(OBJECTIVE_RANK, x, y));
    field(fields, 'due', old.due, o.due);
    field(fields, 'target', old.target, o.target);
    field(fields, 'measure', old.measure, o.measure);
    field(fields, 'owner', old.owner, o.owner);
    if (fields.length) out.push({ ...brief(o, 'changed'), fields, done: o.status === 'done' && old.status !== 'done' });
  }
  for (const [id, o] of before) if (!after.has(id)) out.push(brief(o, 'removed'));
  return out;
}

function healthSnapshot(r: AccountReport | undefined): HealthSnapshot {
  return { score: r?.health.score, band: r?.health.band, parts: (r?.health.parts ?? []).map((p) => ({ part: p.part, score: p.score })) };
}

function healthChange(a: AccountReport | undefined, b: AccountReport | undefined): HealthChange | undefined {
  if (!a || !b) return undefined;
  const from = healthSnapshot(a);
  const to = healthSnapshot(b);
  if (JSON.stringify(from) === JSON.stringify(to)) return undefined;
  const direction = from.band && to.band && from.band !== to.band ? ranked(BAND_RANK, from.band, to.band) : numeric(from.score, to.score);
  return { from, to, direction };
}

// --- people ----------------------------------------------------------------------------------

function peopleChanges(before: Account | undefined, after: Account | undefined, ctx: AccountContext): PersonDiff[] {
  const baseWs = ctx.base.result.workspace;
  const headWs = ctx.head.result.workspace;
  const out: PersonDiff[] = [];
  for (const p of after?.people ?? []) {
    const old = baseWs.people.get(p.id);
    if (!old) {
      out.push({ id: p.id, name: nameOf(p, p.id), title: snapshot(p).title, change: 'added', snapshot: snapshot(p), fields: [], personalNotesChanged: false });
      continue;
    }
    const d = personDiff(old, p, ctx.includeSensitive);
    if (old.account !== p.account) d.movedFrom = old.account;
    if (d.movedFrom || d.renamed || d.left || d.returned || d.stance || d.influence || d.coverage || d.roles || d.quadrant || d.fields.length || d.personalNotesChanged) out.push(d);
  }
  for (const p of before?.people ?? []) {
    const now = headWs.people.get(p.id);
    // A person who moved to another account is reported there.
    if (now && now.account !== before!.id) continue;
    if (!now) out.push({ id: p.id, name: nameOf(p, p.id), title: snapshot(p).title, change: 'removed', snapshot: snapshot(p), fields: [], personalNotesChanged: false });
  }
  const order = { added: 0, changed: 1, removed: 2 };
  return out.sort((a, b) => order[a.change] - order[b.change] || a.name.localeCompare(b.name, 'zh-CN'));
}

function personDiff(a: Person, b: Person, includeSensitive = false): PersonDiff {
  const sa = snapshot(a);
  const sb = snapshot(b);
  const d: PersonDiff = { id: b.id, name: nameOf(b, b.id), title: sb.title, change: 'changed', snapshot: sb, fields: [], personalNotesChanged: false };
  if (nameOf(a, a.id) !== nameOf(b, b.id)) d.renamed = { from: nameOf(a, a.id), to: nameOf(b, b.id) };
  if (sa.status !== sb.status) {
    if (sb.status === 'left') d.left = true;
    else d.returned = true;
  }
  if (sa.stance !== sb.stance) {
    const xa = stanceX(sa.stance);
    const xb = stanceX(sb.stance);
    d.stance = xa !== undefined && xb !== undefined
      ? { from: sa.stance, to: sb.stance, direction: xb > xa ? 'improved' : 'worsened', steps: Math.abs(xb - xa) }
      : { from: sa.stance, to: sb.stance, direction: 'changed' };
  }
  if (sa.influence !== sb.influence) {
    d.influence = { from: sa.influence, to: sb.influence, direction: sa.influence !== undefined && sb.influence !== undefined ? (sb.influence > sa.influence ? 'improved' : 'worsened') : 'changed' };
  }
  if (sa.coverage !== sb.coverage) d.coverage = { from: sa.coverage, to: sb.coverage, direction: ranked(COVERAGE_RANK, sa.coverage, sb.coverage) };
  const added = sb.roles.filter((r) => !sa.roles.includes(r));
  const removed = sa.roles.filter((r) => !sb.roles.includes(r));
  if (added.length || removed.length) d.roles = { added, removed };
  if (sa.quadrant !== sb.quadrant) d.quadrant = { from: sa.quadrant, to: sb.quadrant };
  field(d.fields, 'title', a.data.title, b.data.title);
  field(d.fields, 'reports_to', a.data.reports_to, b.data.reports_to);
  field(d.fields, 'influences', a.data.influences, b.data.influences);
  field(d.fields, 'channels', a.data.channels, b.data.channels);
  field(d.fields, 'cadence', a.data.cadence, b.data.cadence);
  const sensitive = SENSITIVE_FIELDS.person;
  d.personalNotesChanged = sensitive.some((k) => !same((a.data as unknown as Record<string, unknown>)[k], (b.data as unknown as Record<string, unknown>)[k]));
  if (includeSensitive) for (const k of sensitive) field(d.fields, k, (a.data as unknown as Record<string, unknown>)[k], (b.data as unknown as Record<string, unknown>)[k]);
  return d;
}

// --- relationship plan -----------------------------------------------------------------------

function planRef(doc: KeyplanDocument): PlanDocRef {
  const data = doc.data as unknown as RelationshipPlanData;
  return { file: doc.path, id: typeof data.id === 'string' ? data.id : undefined, period: data.period ? `${data.period.start}…${data.period.end}` : undefined };
}

function planChanges(before: Account | undefined, after: Account | undefined, ctx: AccountContext): PlanChanges {
  const out: PlanChanges = { added: [], removed: [], contacts: [] };
  const baseIds = new Set((before?.plans ?? []).map((d) => identity(d) ?? ctx.toHead(d.path)));
  const headIds = new Set((after?.plans ?? []).map((d) => identity(d) ?? d.path));
  for (const d of after?.plans ?? []) if (!baseIds.has(identity(d) ?? d.path)) out.added.push(planRef(d));
  for (const d of before?.plans ?? []) if (!headIds.has(identity(d) ?? ctx.toHead(d.path))) out.removed.push(planRef(d));
  if (!before?.doc || !after?.doc) return out;

  const was = before ? currentContacts(before, ctx.asOf) : new Map();
  const now = after ? currentContacts(after, ctx.asOf) : new Map();
  const headWs = ctx.head.result.workspace;
  const baseWs = ctx.base.result.workspace;
  const name = (id: string) => nameOf(headWs.people.get(id) ?? baseWs.people.get(id), id);
  for (const [person, entry] of now) {
    const c = entry.contact as PlanContact;
    const old = was.get(person)?.contact as PlanContact | undefined;
    if (!old) {
      out.contacts.push({ person, name: name(person), change: 'added', fields: contactFields(undefined, c), plannedNext: c.next });
      continue;
    }
    const fields = contactFields(old, c);
    if (fields.length) out.contacts.push({ person, name: name(person), change: 'changed', fields, plannedNext: c.next && c.next !== old.next ? c.next : undefined });
  }
  for (const [person] of was) if (!now.has(person)) out.contacts.push({ person, name: name(person), change: 'removed', fields: [] });
  return out;
}

function contactFields(a: PlanContact | undefined, b: PlanContact): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'layer', a?.layer, b.layer);
  field(out, 'stage', a?.stage, b.stage, (x, y) => ranked(STAGE_RANK, x, y));
  field(out, 'target_stage', a?.target_stage, b.target_stage, (x, y) => ranked(STAGE_RANK, x, y));
  field(out, 'target_stance', a?.target_stance, b.target_stance, (x, y) => {
    const xa = stanceX(x);
    const xb = stanceX(y);
    return xa === undefined || xb === undefined || xa === xb ? 'changed' : xb > xa ? 'improved' : 'worsened';
  });
  field(out, 'target_influence', a?.target_influence, b.target_influence);
  field(out, 'cadence', a?.cadence, b.cadence);
  field(out, 'channels', a?.channels, b.channels);
  field(out, 'owner', a?.owner, b.owner);
  field(out, 'next', a?.next, b.next);
  field(out, 'content', a?.content, b.content);
  return out;
}

// --- interactions ----------------------------------------------------------------------------

function interactionRef(i: Interaction, ws: Workspace): InteractionRef {
  return {
    date: i.date,
    channel: i.channel,
    people: i.people.map((id) => ({ id, name: nameOf(ws.people.get(id), id) })),
    summary: i.summary,
    file: i.doc.path,
    line: i.doc.bodyRange(i.entry.start, i.entry.end).start.line,
  };
}

function interactionChanges(before: Account | undefined, after: Account | undefined, ctx: AccountContext): InteractionChanges {
  const full = (i: Interaction) => `${i.date}|${i.channel}|${[...i.people].sort().join(',')}|${i.summary.trim()}`;
  const loose = (i: Interaction) => `${i.date}|${i.channel}|${[...i.people].sort().join(',')}`;
  const count = new Map<string, number>();
  for (const i of before?.interactions ?? []) count.set(full(i), (count.get(full(i)) ?? 0) + 1);
  const added: Interaction[] = [];
  for (const i of [...(after?.interactions ?? [])].reverse()) {
    const n = count.get(full(i)) ?? 0;
    if (n > 0) count.set(full(i), n - 1);
    else added.push(i);
  }
  const removed = [...(before?.interactions ?? [])].reverse().filter((i) => {
    const n = count.get(full(i)) ?? 0;
    if (n > 0) {
      count.set(full(i), n - 1);
      return true;
    }
    return false;
  });
  // An entry whose summary was edited is one change, not a removal and an addition.
  const edited: Interaction[] = [];
  for (const r of [...removed]) {
    const k = added.findIndex((a) => loose(a) === loose(r));
    if (k >= 0) {
      edited.push(added[k]);
      added.splice(k, 1);
      removed.splice(removed.indexOf(r), 1);
    }
  }
  const headWs = ctx.head.result.workspace;
  const baseWs = ctx.base.result.workspace;
  const met = new Map<string, { id: string; name: string; count: number }>();
  for (const i of added) for (const id of i.people) {
    const m = met.get(id) ?? { id, name: nameOf(headWs.people.get(id), id), count: 0 };
    m.count++;
    met.set(id, m);
  }
  const byDate = (a: InteractionRef, b: InteractionRef) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line);
  return {
    added: added.map((i) => interactionRef(i, headWs)).sort(byDate),
    removed: removed.map((i) => interactionRef(i, baseWs)).sort(byDate),
    edited: edited.map((i) => interactionRef(i, headWs)).sort(byDate),
    met: [...met.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

// --- cadence ---------------------------------------------------------------------------------

/** Cadences by account, then by person (computed once per revision). */
export function cadencesByAccount(list: readonly PersonCadence[]): Map<string, Map<string, PersonCadence>> {
  const out = new Map<string, Map<string, PersonCadence>>();
  for (const c of list) {
    let m = out.get(c.account.id);
    if (!m) out.set(c.account.id, (m = new Map()));
    m.set(c.person.id, c);
  }
  return out;
}

function cadenceChanges(accountId: string, ctx: AccountContext): CadenceChange[] {
  const before = ctx.baseCadences.get(accountId) ?? new Map<string, PersonCadence>();
  const after = ctx.headCadences.get(accountId) ?? new Map<string, PersonCadence>();
  const out: CadenceChange[] = [];
  const state = (c: PersonCadence) => ({ state: c.state, expected: c.expected, source: c.source, overdueBy: c.overdueBy });
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || now.state === 'left' || was.state === 'left') continue;
    const expectedChanged = JSON.stringify(was.expected ?? null) !== JSON.stringify(now.expected ?? null);
    if (was.state === now.state && !expectedChanged) continue;
    out.push({ person: id, name: nameOf(now.person, id), from: state(was), to: state(now), direction: ranked(CADENCE_RANK, was.state, now.state), explanation: now.explanation });
  }
  const order = { worsened: 0, improved: 1, changed: 2 };
  return out.sort((a, b) => order[a.direction] - order[b.direction] || a.name.localeCompare(b.name, 'zh-CN'));
}
