/**
 * New documents from templates: an account (plan, org portrait, relationship plan, interaction
 * log) and a person. Ids are checked before any path is built from them, so nothing can be written
 * outside the workspace.
 */
import { parse } from 'yaml';
import type { Tier } from '../config.js';
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
  year: number;
}

export function newAccountFiles(a: NewAccount): NewFile[] {
  for (const [what, id] of [['account', a.id], ['owner', a.owner]] as const) {
    const problem = checkNewId(id);
    if (problem) throw new Error(`invalid ${what} id (${problem})`);
  }
  const dir = `accounts/${a.id}`;
  const period = `period:\n  start: ${a.year}-01-01\n  end: ${a.year}-12-31`;
  return [
    {
      path: `${dir}/account.md`,
      content: [
        '---', 'kind: account', `id: ${a.id}`, `name: ${yamlText(a.name)}`, `tier: ${a.tier}`, `owner: ${a.owner}`,
        ...(a.industry ? [`industry: ${yamlText(a.industry)}`] : []), 'lifecycle: exploration', 'relationship_level: transactional', period,
        'review:', '  status: draft', 'objectives: []', '---', '', '## Summary', '', '## SWOT', '', '## Whitespace', '', '## Actions', '',
      ].join('\n'),
    },
    { path: `${dir}/org-portrait.md`, content: ['---', 'kind: org-portrait', `account: ${a.id}`, 'procurement:', '  process: []', 'pain_points: []', 'goals: []', '---', '', ''].join('\n') },
    { path: `${dir}/relationship-plan-${a.year}.md`, content: ['---', 'kind: relationship-plan', `account: ${a.id}`, period, 'contacts: []', '---', '', ''].join('\n') },
    { path: `${dir}/interactions-${a.year}.md`, content: ['---', 'kind: interaction-log', `account: ${a.id}`, `year: ${a.year}`, '---', '', `# ${a.year}`, ''].join('\n') },
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
  for (const [what, id] of [['person', p.id], ['account', p.account]] as const) {
    const problem = checkNewId(id);
    if (problem) throw new Error(`invalid ${what} id (${problem})`);
  }
  return {
    path: `accounts/${p.account}/people/${p.id}.md`,
    content: [
      '---', 'kind: person', `id: ${p.id}`, `account: ${p.account}`, `name: ${yamlText(p.name)}`,
      ...(p.title ? [`title: ${yamlText(p.title)}`] : []), `roles: [${(p.roles ?? []).map(yamlText).join(', ')}]`,
      'stance: unknown', 'coverage: none', 'status: active', '---', '', '',
    ].join('\n'),
  };
}
