/**
 * New documents from templates: an account (plan, org portrait, relationship plan, interaction
 * log) and a person. Ids are checked before any path is built from them, so nothing can be written
 * outside the workspace.
 */
import { parse } from '../parse/yaml-runtime.js';
import { isValidDate } from '../dates.js';
import type { Tier } from '../parse/config.js';
import { ID_PATTERN } from './references.js';

/** Names Windows cannot create as files, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export type IdProblem = 'empty' | 'pattern' | 'reserved' | 'too-long';

export function checkNewId(id: string): IdProblem | undefined {
  if (!id) return 'empty';
  if (id.length > 64) return 'too-long';
  if (!ID_PATTERN.test(id)) return 'pattern';
  if (RESERVED.test(id)) return 'reserved';
  return undefined;
}

const ID_PROBLEMS: Record<IdProblem, string> = {
  empty: 'an id is required',
  'too-long': 'ids are at most 64 characters',
  pattern: 'use lowercase letters a–z, digits and single hyphens, e.g. zhang-wei (ids become file names, so no slashes, dots or spaces)',
  reserved: 'this name is reserved by Windows (con, prn, aux, nul, com1…, lpt1…) and cannot be a file name',
};

/** A sentence for the user saying why an id cannot be used. */
export function idProblemText(problem: IdProblem): string {
  return ID_PROBLEMS[problem];
}

/** Throws a clear error unless `id` is safe to use as a file or folder name. */
export function assertNewId(what: string, id: string): void {
  const problem = checkNewId(id);
  if (problem) throw new Error(`invalid ${what} id ${JSON.stringify(id)}: ${idProblemText(problem)}`);
}

/**
 * A workspace-relative path that stays inside the workspace: forward slashes, no empty, `.` or
 * `..` segment, not absolute, no drive letter, no NUL or control character.
 */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.startsWith('/') || /^[A-Za-z]:/.test(path) || /[\u0000-\u001f\\]/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** The folder of an account's documents: that of its account plan, else `accounts/<id>/`. */
function accountFolder(accountId: string, accountDocPath?: string): string {
  assertNewId('account', accountId);
  if (accountDocPath !== undefined) {
    if (!isSafeRelativePath(accountDocPath)) throw new Error(`the account plan's path ${JSON.stringify(accountDocPath)} is not inside the workspace`);
    return accountDocPath.replace(/[^/]*$/, '');
  }
  return `accounts/${accountId}/`;
}

/** Where Log Interaction creates an account's log for a year, when it has none. */
export function interactionLogPath(accountId: string, year: number, accountDocPath?: string): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`invalid year ${year}`);
  return `${accountFolder(accountId, accountDocPath)}interactions-${year}.md`;
}

/** Where New Person creates a person's portrait: `people/` next to the account plan. */
export function personFilePath(accountId: string, personId: string, accountDocPath?: string): string {
  assertNewId('person', personId);
  return `${accountFolder(accountId, accountDocPath)}people/${personId}.md`;
}

export interface NewFile {
  path: string;
  content: string;
}

/** YAML scalar for free text: quoted when plain YAML would misread it (`: `, `#`, leading symbols…). */
export function yamlText(value: string): string {
  const v = value.replace(/[\r\n]+/g, ' ').trim();
  if (v === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|[:\s]$|^(true|false|null|yes|no|on|off|~|\d[\d.\-:]*)$/i.test(v)) return JSON.stringify(v);
  // Anything else YAML would read as something other than this text (`1e3`, `0x1F`, `.inf`, `+1`…).
  return readsBackAsItself(v) ? v : JSON.stringify(v);
}

function readsBackAsItself(v: string): boolean {
  try {
    return parse(v, { logLevel: 'silent' }) === v;
  } catch {
    return false;
  }
}

export interface NewAccount {
  id: string;
  name: string;
  tier: Tier;
  owner: string;
  industry?: string;
  /** The day the account is added (YYYY-MM-DD): written as `created:`, so it starts onboarding; its year is the plan's. */
  created: string;
}

export function newAccountFiles(a: NewAccount): NewFile[] {
  assertNewId('account', a.id);
  assertNewId('owner', a.owner);
  if (!isValidDate(a.created)) throw new Error(`invalid created date ${a.created}`);
  const dir = `accounts/${a.id}`;
  const year = Number(a.created.slice(0, 4));
  const period = `period:\n  start: ${year}-01-01\n  end: ${year}-12-31`;
  return [
    {
      path: `${dir}/account.md`,
      content: [
        '---', 'kind: account', `id: ${a.id}`, `name: ${yamlText(a.name)}`, `tier: ${a.tier}`, `owner: ${a.owner}`,
        ...(a.industry ? [`industry: ${yamlText(a.industry)}`] : []), `created: ${a.created}`, 'lifecycle: exploration', 'relationship_level: transactional', period,
        'review:', '  status: draft', 'objectives: []', '---', '', '## Summary', '', '## SWOT', '', '## Whitespace', '', '## Actions', '',
      ].join('\n'),
    },
    { path: `${dir}/org-portrait.md`, content: ['---', 'kind: org-portrait', `account: ${a.id}`, 'procurement:', '  process: []', 'pain_points: []', 'goals: []', '---', '', ''].join('\n') },
    { path: `${dir}/relationship-plan-${year}.md`, content: ['---', 'kind: relationship-plan', `account: ${a.id}`, period, 'contacts: []', '---', '', ''].join('\n') },
    { path: `${dir}/interactions-${year}.md`, content: ['---', 'kind: interaction-log', `account: ${a.id}`, `year: ${year}`, '---', '', `# ${year}`, ''].join('\n') },
  ];
}

export interface NewPerson {
  id: string;
  account: string;
  name: string;
  title?: string;
  roles?: string[];
}

export function newPersonFile(p: NewPerson): NewFile {
  assertNewId('person', p.id);
  assertNewId('account', p.account);
  return {
    path: personFilePath(p.account, p.id),
    content: [
      '---', 'kind: person', `id: ${p.id}`, `account: ${p.account}`, `name: ${yamlText(p.name)}`,
      ...(p.title ? [`title: ${yamlText(p.title)}`] : []), `roles: [${(p.roles ?? []).map(yamlText).join(', ')}]`,
      'stance: unknown', 'coverage: none', 'status: active', '---', '', '',
    ].join('\n'),
  };
}
