/**
 * What each part of one account's diff sees (people, plan, interactions, cadence): both
 * revisions, the as-of date, how BASE paths map to HEAD paths, both reports and cadences, the
 * account's findings. Built once per account by the diff's entry.
 */
import type { PersonCadence } from '../analysis/cadence.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { AccountReport } from '../report/report.js';
import type { Account } from '../model/workspace.js';
import type { DiffSide, FileChange, FindingChanges } from './model.js';

export interface AccountContext {
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

/** Every document of an account: its plan, people, portraits, relationship plans and logs. */
export function documentsOf(a: Account | undefined): KeyplanDocument[] {
  if (!a) return [];
  return [...(a.doc ? [a.doc] : []), ...a.people.map((p) => p.doc), ...a.portraits, ...a.plans, ...a.logs];
}

