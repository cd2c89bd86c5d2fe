/**
 * The relationship history of one account (关系演变): from a sequence of revisions, oldest first,
 * every change of the account (tier, lifecycle, relationship level, review, health and its parts,
 * objectives) and of its people (stance, influence, coverage, roles, status, stage and target
 * stage, temperature, cadence), each with the revision that made it, and each person's stance
 * trajectory. Pure and git-free: the CLI's git reader hands the revisions in.
 *
 * Each revision is checked at its own date, so temperatures and cadence states are those of that
 * day, not today's. Only revisions that touch the account (one of its files, or keyplan.yaml) are
 * checked; the files are kept in one IncrementalChecker, so a revision parses only the files it
 * changed. Identity is the account's and each person's id: a file renamed or moved (`git mv`)
 * keeps its history. A change of a sensitive personal field is only `personal-notes`, never its
 * text.
 */
import { CONFIG_FILE, IncrementalChecker, type SourceFile } from '../check/pipeline.js';
import { documentInfo, type DocInfo } from '../check/affected.js';
import { stanceX } from '../model/placement.js';
import type { Direction, Value } from '../diff/model.js';
import { BAND_RANK, CADENCE_RANK, COVERAGE_RANK, LEVEL_RANK, numeric, OBJECTIVE_RANK, ranked, REVIEW_RANK, STAGE_RANK } from '../diff/values.js';
import { snapshotOf, type Snapshot } from './snapshot.js';
import {
  HISTORY_VERSION, type AccountHistory, type AccountState, type HistoryChange, type HistoryOptions, type HistoryRevision,
  type PersonState, type PersonTrajectory, type RevisionInfo,
} from './model.js';

export * from './model.js';

const DERIVED = new Set(['temperature', 'cadence', 'health', 'health.relationship', 'health.experience', 'health.business']);
const TEMPERATURE_RANK: Record<string, number> = { cold: 0, cooling: 1, warm: 2, hot: 3 };

function sameContent(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b && a === b;
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/**
 * Which files the account's state depends on: its own documents, and documents that declare an id
 * its documents declare (a duplicate decides which copy is used) or reference (the people its
 * plans name), or that reference its ids. Everything else cannot change the account's people,
 * cadence, health or objectives, so only these are checked (test/unit/history-core.test.ts
 * compares the result with a full check). Kept as indexes, updated file by file.
 */
class ScopeIndex {
  private readonly infos = new Map<string, DocInfo>();
  private readonly byAccount = new Map<string, Set<string>>();
  private readonly declaring = new Map<string, Set<string>>();
  private readonly referencing = new Map<string, Set<string>>();

  private static add(index: Map<string, Set<string>>, key: string, path: string): void {
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(path);
  }

  set(path: string, info: DocInfo): void {
    this.delete(path);
    this.infos.set(path, info);
    if (info.account !== undefined) ScopeIndex.add(this.byAccount, info.account, path);
    for (const id of info.declares) ScopeIndex.add(this.declaring, id, path);
    for (const id of info.references) ScopeIndex.add(this.referencing, id, path);
  }

  delete(path: string): void {
    const info = this.infos.get(path);
    if (!info) return;
    this.infos.delete(path);
    if (info.account !== undefined) this.byAccount.get(info.account)?.delete(path);
    for (const id of info.declares) this.declaring.get(id)?.delete(path);
    for (const id of info.references) this.referencing.get(id)?.delete(path);
  }

  scope(target: string): Set<string> {
    const own = this.byAccount.get(target) ?? new Set<string>();
    const scope = new Set(own);
    const declared = new Set<string>([target]);
    const wanted = new Set<string>();
    for (const p of own) {
      const i = this.infos.get(p)!;
      for (const id of i.declares) declared.add(id);
      for (const id of i.references) wanted.add(id);
    }
    for (const id of declared) {
      for (const p of this.declaring.get(id) ?? []) scope.add(p);
      for (const p of this.referencing.get(id) ?? []) scope.add(p);
    }
    for (const id of wanted) for (const p of this.declaring.get(id) ?? []) scope.add(p);
    return scope;
  }
}

export function accountHistory(revisions: Iterable<HistoryRevision>, options: HistoryOptions): AccountHistory {
  const target = options.account;
  const checker = new IncrementalChecker(options.locale, true);
  const files = new Map<string, SourceFile>();
  /** What each file declares and references, from a quick parse (kept for every file, updated as files change). */
  const index = new ScopeIndex();
  /** The files in the checker: the account's scope at the last check. */
  let scope = new Set<string>();
  const shown: RevisionInfo[] = [];
  const changes: HistoryChange[] = [];
  const trajectories = new Map<string, PersonTrajectory>();
  let prev: Snapshot | undefined;
  let start: Snapshot | undefined;
  let startShown = false;
  let read = 0;
  let checked = 0;
  /** A baseline revision applied but not checked yet, and whether it touched the account. */
  let pending: { rev: HistoryRevision; touched: boolean } | undefined;

  const info = (r: HistoryRevision): RevisionInfo => ({ id: r.id, date: r.date, author: r.author, subject: r.subject });
  const set = (file: SourceFile) => {
    files.set(file.path, file);
    // The people a log's entries mention are not needed: the account's state reads only its own log.
    if (file.path !== CONFIG_FILE) index.set(file.path, documentInfo(file.path, file.content, { mentions: false }));
  };
  const remove = (path: string) => {
    files.delete(path);
    index.delete(path);
  };

  /** Applies a revision; true when it touched the account's scope (or keyplan.yaml), before or after. */
  const apply = (rev: HistoryRevision): boolean => {
    const changed: string[] = [];
    if (rev.files) {
      const now = new Map(rev.files.map((f) => [f.path, f]));
      for (const path of [...files.keys()]) if (!now.has(path)) {
        changed.push(path);
        remove(path);
      }
      for (const f of rev.files) {
        const old = files.get(f.path);
        if (old && old.oversize === f.oversize && sameContent(old.content, f.content)) continue;
        set(f);
        changed.push(f.path);
      }
    } else {
      for (const c of rev.changes ?? []) {
        if (c.from !== undefined && c.from !== c.path) {
          changed.push(c.from);
          remove(c.from);
        }
        changed.push(c.path);
        if (c.content === undefined) remove(c.path);
        else set(c.oversize === undefined ? { path: c.path, content: c.content } : { path: c.path, content: c.content, oversize: c.oversize });
      }
    }
    if (!changed.length) return false;
    const next = index.scope(target);
    const touched = changed.some((p) => p === CONFIG_FILE || scope.has(p) || next.has(p));
    // The checker holds exactly the scope's files (and keyplan.yaml), as they are now.
    if (changed.includes(CONFIG_FILE)) {
      const config = files.get(CONFIG_FILE);
      if (config) checker.set(config);
      else checker.delete(CONFIG_FILE);
    }
    for (const p of scope) if (!next.has(p) || !files.has(p)) checker.delete(p);
    for (const p of next) {
      const f = files.get(p);
      if (f) checker.set(f);
    }
    scope = next;
    return touched;
  };

  const check = (rev: HistoryRevision): Snapshot => {
    checked++;
    return snapshotOf(checker.check(rev.date), target);
  };

  for (const rev of revisions) {
    read++;
    if (rev.baseline) {
      const touched = apply(rev);
      pending = { rev, touched: touched || (pending?.touched ?? false) || !prev };
      continue;
    }
    if (pending) {
      // Unless nothing of the account changed during the baseline.
      if (pending.touched || !prev) prev = check(pending.rev);
      start = prev;
      shown.push(info(pending.rev));
      startShown = true;
      addPoints(trajectories, prev, 0, pending.rev.date);
      pending = undefined;
    }
    const touched = apply(rev);
    if (!touched && (prev || startShown)) continue;
    const next = check(rev);
    if (!startShown) {
      // The first revision: the starting point. Everything in it is new, unless nothing of the account exists yet.
      shown.push(info(rev));
      startShown = true;
      start = next;
      const index = 0;
      for (const c of compare(undefined, next)) changes.push({ ...c, revision: index });
      addPoints(trajectories, next, index, rev.date);
      prev = next;
      continue;
    }
    const found = compare(prev, next);
    prev = next;
    if (!found.length) continue;
    const index = shown.length;
    shown.push(info(rev));
    for (const c of found) changes.push({ ...c, revision: index, ...(c.field && DERIVED.has(c.field) ? { derived: true } : {}) });
    addPoints(trajectories, next, index, rev.date);
  }
  if (pending) {
    // Only baseline revisions: the state at the last one, nothing changed since.
    if (pending.touched || !prev) prev = check(pending.rev);
    start = prev;
    shown.push(info(pending.rev));
    addPoints(trajectories, prev, 0, pending.rev.date);
  }

  const person = options.person;
  const endAccount = prev?.account ?? start?.account;
  const state = (s: Snapshot | undefined) => (s ? { ...(s.account ? { account: s.account } : {}), people: [...s.people.values()].filter((p) => !person || p.id === person) } : undefined);
  const trajectoryList = [...trajectories.values()]
    .filter((t) => !person || t.id === person)
    .map((t) => {
      const last = prev?.people.get(t.id);
      return last ? { ...t, name: last.name, keyPlayer: last.keyPlayer, status: last.status } : t;
    })
    .sort((a, b) => Number(b.keyPlayer) - Number(a.keyPlayer) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  return {
    version: HISTORY_VERSION,
    account: target,
    name: endAccount?.name ?? target,
    revisions: shown,
    ...(start ? { start: state(start) } : {}),
    ...(prev ? { end: state(prev) } : {}),
    changes: person ? changes.filter((c) => c.subject === 'person' && c.id === person) : changes,
    trajectories: trajectoryList,
    stats: { revisions: read, checked },
  };
}

/** Adds a trajectory point for each person whose stance or influence differs from their last point. */
function addPoints(trajectories: Map<string, PersonTrajectory>, snap: Snapshot, revision: number, date: string): void {
  for (const p of snap.people.values()) {
    let t = trajectories.get(p.id);
    if (!t) trajectories.set(p.id, (t = { id: p.id, name: p.name, keyPlayer: p.keyPlayer, status: p.status, points: [] }));
    const last = t.points.at(-1);
    if (last && last.stance === p.stance && last.influence === p.influence) continue;
    t.points.push({ revision, date, stance: p.stance, ...(p.influence !== undefined ? { influence: p.influence } : {}), quadrant: p.quadrant });
  }
}

type Found = Omit<HistoryChange, 'revision'>;

/** The changes from one snapshot to the next (from nothing: what the first revision holds). */
function compare(a: Snapshot | undefined, b: Snapshot): Found[] {
  const out: Found[] = [];
  out.push(...accountChanges(a?.account, b.account));
  const ids = [...b.people.keys()];
  for (const id of a?.people.keys() ?? []) if (!b.people.has(id)) ids.push(id);
  for (const id of ids) {
    const before = a?.people.get(id);
    const after = b.people.get(id);
    if (!before && after) out.push({ subject: 'person', id, name: after.name, change: 'added', to: after.stance });
    else if (before && !after) out.push({ subject: 'person', id, name: before.name, change: 'removed', from: before.stance });
    else if (before && after) {
      out.push(...personChanges(before, after));
      if (a!.notes.get(id) !== b.notes.get(id)) out.push({ subject: 'person', id, name: after.name, change: 'changed', field: 'personal-notes' });
    }
  }
  return out;
}

function personChanges(a: PersonState, b: PersonState): Found[] {
  const out: Found[] = [];
  const add = (field: Found['field'], from: Value | undefined, to: Value | undefined, direction?: Direction) => {
    out.push({ subject: 'person', id: b.id, name: b.name, change: 'changed', field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(direction && direction !== 'changed' ? { direction } : {}) });
  };
  if (a.name !== b.name) add('name', a.name, b.name);
  if (a.title !== b.title) add('title', a.title, b.title);
  if (a.status !== b.status) add('status', a.status, b.status, b.status === 'left' ? 'worsened' : 'improved');
  if (a.stance !== b.stance) {
    const xa = stanceX(a.stance);
    const xb = stanceX(b.stance);
    add('stance', a.stance, b.stance, xa !== undefined && xb !== undefined ? (xb > xa ? 'improved' : 'worsened') : 'changed');
  }
  if (a.influence !== b.influence) add('influence', a.influence, b.influence, numeric(a.influence, b.influence));
  if (a.coverage !== b.coverage) add('coverage', a.coverage, b.coverage, ranked(COVERAGE_RANK, a.coverage, b.coverage));
  const gained = b.roles.filter((r) => !a.roles.includes(r));
  const lost = a.roles.filter((r) => !b.roles.includes(r));
  if (gained.length || lost.length) out.push({ subject: 'person', id: b.id, name: b.name, change: 'changed', field: 'roles', from: a.roles, to: b.roles, roles: { added: gained, removed: lost } });
  if (a.stage !== b.stage) add('stage', a.stage, b.stage, ranked(STAGE_RANK, a.stage, b.stage));
  if (a.targetStage !== b.targetStage) add('target-stage', a.targetStage, b.targetStage);
  if (a.status === 'active' && b.status === 'active') {
    if (a.temperature !== b.temperature) add('temperature', a.temperature, b.temperature, ranked(TEMPERATURE_RANK, a.temperature, b.temperature));
    if (a.cadence !== b.cadence) add('cadence', a.cadence, b.cadence, ranked(CADENCE_RANK, a.cadence, b.cadence));
  }
  return out;
}

function accountChanges(a: AccountState | undefined, b: AccountState | undefined): Found[] {
  if (!a && !b) return [];
  const id = (b ?? a)!.id;
  const name = (b ?? a)!.name;
  if (!a) return [{ subject: 'account', id, name, change: 'added', ...(b!.tier ? { to: b!.tier } : {}) }];
  if (!b) return [{ subject: 'account', id, name, change: 'removed' }];
  const out: Found[] = [];
  const add = (field: Found['field'], from: Value | undefined, to: Value | undefined, direction?: Direction, extra: Partial<Found> = {}) => {
    out.push({ subject: 'account', id, name, change: 'changed', field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(direction && direction !== 'changed' ? { direction } : {}), ...extra });
  };
  if (a.name !== b.name) add('name', a.name, b.name);
  if (a.tier !== b.tier) add('tier', a.tier, b.tier);
  if (a.owner !== b.owner) add('owner', a.owner, b.owner);
  if (a.lifecycle !== b.lifecycle) add('lifecycle', a.lifecycle, b.lifecycle);
  if (a.relationshipLevel !== b.relationshipLevel) add('relationship-level', a.relationshipLevel, b.relationshipLevel, ranked(LEVEL_RANK, a.relationshipLevel, b.relationshipLevel));
  if (a.reviewStatus !== b.reviewStatus) add('review', a.reviewStatus, b.reviewStatus, ranked(REVIEW_RANK, a.reviewStatus, b.reviewStatus));
  if (a.health.score !== b.health.score || a.health.band !== b.health.band) {
    const direction = a.health.band && b.health.band && a.health.band !== b.health.band ? ranked(BAND_RANK, a.health.band, b.health.band) : numeric(a.health.score, b.health.score);
    add('health', a.health.score ?? null, b.health.score ?? null, direction);
  }
  for (const part of b.health.parts) {
    const before = a.health.parts.find((p) => p.part === part.part);
    if (before && before.score !== part.score) add(`health.${part.part}`, before.score ?? null, part.score ?? null, numeric(before.score, part.score));
  }
  const objectives = new Map(a.objectives.map((o) => [o.id, o]));
  for (const o of b.objectives) {
    const old = objectives.get(o.id);
    if (!old) add('objective', undefined, o.status, undefined, { change: 'added', objective: { id: o.id, title: o.title } });
    else if (old.status !== o.status) add('objective', old.status, o.status, ranked(OBJECTIVE_RANK, old.status, o.status), { objective: { id: o.id, title: o.title } });
  }
  const now = new Set(b.objectives.map((o) => o.id));
  for (const o of a.objectives) if (!now.has(o.id)) add('objective', o.status, undefined, undefined, { change: 'removed', objective: { id: o.id, title: o.title } });
  return out;
}
