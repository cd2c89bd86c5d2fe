/**
 * A small two-account workspace written as a user would type it, for the diff tests, plus helpers
 * to check two revisions of it in memory and diff them.
 */
import { checkWorkspace, type SourceFile } from '../../../src/core/check/pipeline.js';
import { diffWorkspaces, type AccountDiff, type DiffOptions, type WorkspaceDiff } from '../../../src/core/diff/diff.js';
import type { Locale } from '../../../src/core/i18n/catalogue.js';

export const AS_OF = '2026-11-20';

export const fm = (lines: string[], body = '') => `---\n${lines.join('\n')}\n---\n${body}`;

export interface PersonSpec {
  id: string;
  name: string;
  account?: string;
  title?: string;
  roles?: string[];
  influence?: number;
  stance?: string;
  coverage?: string;
  status?: string;
  extra?: string[];
}

export const personDoc = (p: PersonSpec) => fm([
  'kind: person', `id: ${p.id}`, `account: ${p.account ?? 'acme'}`, `name: ${p.name}`,
  ...(p.title ? [`title: ${p.title}`] : []),
  ...(p.roles ? [`roles: [${p.roles.join(', ')}]`] : []),
  ...(p.influence !== undefined ? [`influence: ${p.influence}`] : []),
  ...(p.stance ? [`stance: ${p.stance}`] : []),
  ...(p.coverage ? [`coverage: ${p.coverage}`] : []),
  ...(p.status ? [`status: ${p.status}`] : []),
  ...(p.extra ?? []),
]);

export function accountDoc(id: string, opts: { name?: string; tier?: string; owner?: string; review?: string; objectives?: string[]; extra?: string[] } = {}): string {
  return fm([
    'kind: account', `id: ${id}`, `name: ${opts.name ?? id}`, `tier: ${opts.tier ?? 'A'}`, `owner: ${opts.owner ?? 'li-na'}`,
    'period: {start: 2026-01-01, end: 2026-12-31}',
    ...(opts.review ? ['review:', `  status: ${opts.review}`] : []),
    'health: {nps: 30, csat: 80, churn_risk: low}',
    ...(opts.objectives ? ['objectives:', ...opts.objectives] : []),
    ...(opts.extra ?? []),
  ], `\n# ${opts.name ?? id}\n`);
}

export function planDoc(account: string, contacts: string[]): string {
  return fm(['kind: relationship-plan', `id: ${account}-2026`, `account: ${account}`, 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:', ...contacts]);
}

export function logDoc(account: string, entries: string[]): string {
  return fm(['kind: interaction-log', `account: ${account}`, 'year: 2026'], `\n# Log\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`);
}

/** ACME (tier A): an EB, a TB, a coach-less UB; GLOBEX (tier B): two people. */
export function baseWorkspace(): Record<string, string> {
  return {
    'keyplan.yaml': 'locale: en\n',
    'accounts/acme/account.md': accountDoc('acme', {
      name: 'ACME 公司', review: 'submitted',
      objectives: [
        '  - {id: win-core, title: 赢得核心网项目, due: 2026-12-20, status: on-track}',
        '  - {id: lab, title: 实验室二期, due: 2026-12-31, status: at-risk}',
      ],
    }),
    'accounts/acme/people/zhang-wei.md': personDoc({ id: 'zhang-wei', name: '张伟', title: 'CTO', roles: ['TB'], influence: 4, stance: 'neutral', coverage: 'multiple', extra: ['needs: 希望年底前升职', 'preferences: [围棋]'] }),
    'accounts/acme/people/sun-li.md': personDoc({ id: 'sun-li', name: '孙立', title: 'VP', roles: ['EB'], influence: 5, stance: 'supporter', coverage: 'in-depth' }),
    'accounts/acme/people/wang-fang.md': personDoc({ id: 'wang-fang', name: '王芳', roles: ['UB'], influence: 2, stance: 'opponent', coverage: 'brief' }),
    'accounts/acme/relationship-plan-2026.md': planDoc('acme', [
      '  - {person: zhang-wei, layer: key, stage: recognition, target_stage: purchase, target_stance: champion, cadence: {ideal: 45, max: 60}}',
      '  - {person: sun-li, layer: key, stage: purchase, target_stage: advocacy}',
      '  - {person: wang-fang, layer: general, stage: awareness, target_stage: recognition}',
    ]),
    'accounts/acme/interactions-2026.md': logDoc('acme', [
      '2026-10-01 meeting @zhang-wei @sun-li: 技术交流',
      '2026-11-01 visit @sun-li: 商务拜访',
      '2026-11-10 call @wang-fang: 需求澄清',
    ]),
    'accounts/globex/account.md': accountDoc('globex', { name: 'Globex', tier: 'B', owner: 'chen-hao' }),
    'accounts/globex/people/li-ming.md': personDoc({ id: 'li-ming', account: 'globex', name: '李明', roles: ['EB', 'Coach'], influence: 5, stance: 'champion', coverage: 'in-depth' }),
    'accounts/globex/people/zhou-yang.md': personDoc({ id: 'zhou-yang', account: 'globex', name: '周洋', roles: ['TB'], influence: 3, stance: 'supporter', coverage: 'multiple' }),
    'accounts/globex/interactions-2026.md': logDoc('globex', ['2026-11-15 visit @li-ming @zhou-yang: 季度回顾']),
  };
}

export const sources = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([path, content]) => ({ path, content }));

/** Checks both revisions at the same as-of date and diffs them. */
export function diffOf(before: Record<string, string>, after: Record<string, string>, options: DiffOptions & { asOf?: string; locale?: Locale } = {}): WorkspaceDiff {
  const asOf = options.asOf ?? AS_OF;
  const b = sources(before);
  const h = sources(after);
  return diffWorkspaces({ result: checkWorkspace(b, { asOf, locale: options.locale }), files: b }, { result: checkWorkspace(h, { asOf, locale: options.locale }), files: h }, options);
}

export function accountOf(diff: WorkspaceDiff, id: string): AccountDiff {
  const a = diff.accounts.find((x) => x.id === id);
  if (!a) throw new Error(`account ${id} not in the diff (accounts: ${diff.accounts.map((x) => x.id).join(', ') || 'none'})`);
  return a;
}

/** A copy of the workspace with some files replaced (or removed with null). */
export function changed(files: Record<string, string>, edits: Record<string, string | null>): Record<string, string> {
  const out = { ...files };
  for (const [k, v] of Object.entries(edits)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Replaces text in one file (fails when the text is not there, so fixtures cannot drift silently). */
export function edit(files: Record<string, string>, file: string, from: string, to: string): Record<string, string> {
  if (!files[file]?.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  return { ...files, [file]: files[file].replace(from, to) };
}
