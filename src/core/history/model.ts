/**
 * What the relationship history produces (关系演变): the state of an account and of each of its
 * people at a revision, every change between consecutive revisions with the revision, date, author
 * and commit subject that made it, and the stance trajectory of each person. Types only.
 */
import type { CadenceState } from '../analysis/cadence.js';
import type { HealthBand, HealthPartName } from '../analysis/health.js';
import type { TemperatureBand } from '../analysis/temperature.js';
import type { SourceFile } from '../check/pipeline.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Quadrant } from '../model/placement.js';
import type { Direction, Value } from '../diff/model.js';

export const HISTORY_VERSION = 1;

/** One revision as a reader names it: the commit, its date (YYYY-MM-DD, the commit's own), author and subject. */
export interface RevisionInfo {
  id: string;
  date: string;
  author: string;
  subject: string;
}

/** A file that changed in a revision: its new content, or none when it was deleted; `from` when it was renamed. */
export interface RevisionChange {
  path: string;
  content?: Uint8Array | string;
  /** The file is over the size bound and was not read (see SourceFile.oversize). */
  oversize?: number;
  from?: string;
}

/**
 * One revision handed to the history. Either `files` (every workspace file at that revision) or
 * `changes` (what changed since the previous revision; the first revision's changes are all its
 * files). `baseline`: the revision only sets the starting state (revisions before `--since`):
 * nothing it changed is reported.
 */
export interface HistoryRevision extends RevisionInfo {
  files?: readonly SourceFile[];
  changes?: readonly RevisionChange[];
  baseline?: boolean;
}

export interface PersonState {
  id: string;
  name: string;
  title?: string;
  account: string;
  stance: string;
  influence?: number;
  coverage: string;
  roles: string[];
  status: 'active' | 'left';
  /** Current and target relationship stage, from the account's current relationship plan. */
  stage?: string;
  targetStage?: string;
  quadrant: Quadrant;
  keyPlayer: boolean;
  /** Computed at the revision's own date. */
  temperature?: TemperatureBand;
  cadence: CadenceState;
}

export interface AccountState {
  id: string;
  name: string;
  tier?: string;
  owner?: string;
  lifecycle?: string;
  relationshipLevel?: string;
  reviewStatus?: string;
  /** Computed at the revision's own date. */
  health: { score?: number; band?: HealthBand; parts: { part: HealthPartName; score?: number }[] };
  objectives: { id: string; title: string; status: string }[];
}

/** The fields a change can be about. `personal-notes`: a sensitive field changed; never its text. */
export type PersonField = 'name' | 'title' | 'account' | 'stance' | 'influence' | 'coverage' | 'roles' | 'status' | 'stage' | 'target-stage' | 'temperature' | 'cadence' | 'personal-notes';
export type AccountField = 'name' | 'tier' | 'owner' | 'lifecycle' | 'relationship-level' | 'review' | 'health' | `health.${HealthPartName}` | 'objective';

export interface HistoryChange {
  /** Index into `AccountHistory.revisions`. */
  revision: number;
  subject: 'account' | 'person';
  /** The account's or the person's id. */
  id: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  field?: PersonField | AccountField;
  from?: Value;
  to?: Value;
  direction?: Direction;
  /** For `objective`: which one. */
  objective?: { id: string; title: string };
  /**
   * Temperature, cadence and health: computed at the revision's own date, so they can move with
   * time alone (an older last interaction); the revision is when the change was seen, not its cause.
   */
  derived?: boolean;
  /** For `roles`: the roles gained and lost. */
  roles?: { added: string[]; removed: string[] };
}

export interface TrajectoryPoint {
  revision: number;
  date: string;
  stance: string;
  influence?: number;
  quadrant: Quadrant;
}

export interface PersonTrajectory {
  id: string;
  name: string;
  keyPlayer: boolean;
  status: 'active' | 'left';
  /** The first known position, then each revision that moved stance or influence. */
  points: TrajectoryPoint[];
}

export interface AccountHistory {
  version: number;
  account: string;
  name: string;
  /** The revisions the changes and trajectories name; the first is the starting point. */
  revisions: RevisionInfo[];
  /** The state at the starting point and at the last revision that touched the account (each checked at its own date). */
  start?: { account?: AccountState; people: PersonState[] };
  end?: { account?: AccountState; people: PersonState[] };
  changes: HistoryChange[];
  trajectories: PersonTrajectory[];
  /** Revisions read, and how many were checked (those that touched the account). */
  stats: { revisions: number; checked: number };
}

export interface HistoryOptions {
  account: string;
  /** Only this person's changes and trajectory. */
  person?: string;
  locale?: Locale;
}
