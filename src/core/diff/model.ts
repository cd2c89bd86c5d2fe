/**
 * What the semantic diff produces (关系变化的数据): the types of a WorkspaceDiff, from the file
 * changes and the per-account changes (people, plan, interactions, cadence, objectives, health,
 * findings) to the headlines a reviewer reads first, and what the diff takes as input. Types only:
 * every file of the diff, and every front end, reads them from here.
 */
import type { CadenceSource, CadenceState } from '../analysis/cadence.js';
import type { CheckResult, SourceFile } from '../check/pipeline.js';
import type { Cadence, Tier } from '../parse/config.js';
import type { Severity } from '../diagnostic.js';
import type { HealthBand, HealthPartName } from '../analysis/health.js';
import type { DocumentKind } from '../kinds.js';
import type { PersonView } from '../model/person.js';
import type { Quadrant } from '../model/placement.js';
import type { MapEdge, MapModel } from '../map/model.js';

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

/** A person's view without id and name (those are on the PersonDiff), and their quadrant. */
export interface PersonSnapshot extends Omit<PersonView, 'id' | 'name'> {
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
  /** Reporting or influence lines changed: which, and the map of the changed part at both revisions. */
  map?: MapChange;
}

export interface MapChange {
  added: MapEdge[];
  removed: MapEdge[];
  /** Every person at either end of a changed line, by id. */
  people: string[];
  /** The decision-chain map of those people at BASE and at HEAD (core/map). */
  before: MapModel;
  after: MapModel;
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
  /**
   * Both revisions were checked on a part of the workspace only (scoped.ts): diff only these
   * accounts, and only the findings on these files (elsewhere both revisions read the same).
   */
  scope?: { accounts: ReadonlySet<string>; files: ReadonlySet<string> };
}

// --- headlines -----------------------------------------------------------------------------

export type HeadlineKind =
  | 'account-added'
  | 'account-removed'
  | 'tier'
  | 'stance'
  | 'key-role-added'
  | 'key-role-removed'
  | 'person-left'
  | 'person-added'
  | 'person-removed'
  | 'findings-introduced'
  | 'became-overdue'
  | 'planned-missed'
  | 'health'
  | 'findings-resolved'
  | 'back-on-track'
  | 'review'
  | 'owner'
  | 'objective-done'
  | 'interactions'
  | 'config';

export interface Headline {
  kind: HeadlineKind;
  account?: string;
  accountName?: string;
  /** People (or objective titles) the headline is about. */
  names?: string[];
  from?: Value;
  to?: Value;
  direction?: Direction;
  /** Stance steps moved (opponent → supporter is 3). */
  steps?: number;
  role?: string;
  /** Findings introduced or resolved, by rule (most severe and most frequent first). */
  rules?: { rule: string; count: number; severity: Severity }[];
  severity?: Severity;
  count?: number;
  /** Health bands, for `health`. */
  fromBand?: string;
  toBand?: string;
}

