/**
 * Generated workspaces and pull-request-like changes for the --changed-since property tests
 * (test/unit/changed-since-property.test.ts), and the property itself.
 */
import assert from 'node:assert/strict';
import { affectedScope, type ChangedFile } from '../../../src/core/check/affected.js';
import { checkWorkspace, type SourceFile } from '../../../src/core/check/pipeline.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { accountDoc, logDoc, personDoc, planDoc } from './diff-fixtures.js';

export const AS_OF = '2026-11-20';
const ACCOUNTS = ['north', 'south', 'east', 'west'];
const SURNAMES = ['zhang', 'wang', 'li'];

export function workspace(): Record<string, string> {
  const files: Record<string, string> = { 'keyplan.yaml': 'locale: en\n' };
  ACCOUNTS.forEach((acct, k) => {
    const people = SURNAMES.map((s) => `${s}-${acct}`);
    files[`accounts/${acct}/account.md`] = accountDoc(acct, { name: acct.toUpperCase(), tier: 'ABCA'[k] });
    people.forEach((id, i) => {
      files[`accounts/${acct}/people/${id}.md`] = personDoc({
        id, account: acct, name: id, roles: [['EB'], ['TB', 'Coach'], ['UB']][i], influence: 5 - i, stance: ['supporter', 'champion', 'neutral'][i], coverage: ['in-depth', 'multiple', 'brief'][i],
        extra: i > 0 ? [`reports_to: ${people[0]}`] : [],
      });
    });
    files[`accounts/${acct}/relationship-plan-2026.md`] = planDoc(acct, people.slice(0, 2).map((id) => `  - {person: ${id}, layer: key, stage: awareness, target_stage: recognition}`));
    files[`accounts/${acct}/interactions-2026.md`] = logDoc(acct, [`2026-10-0${k + 1} visit @${people[0]} @${people[1]}: 拜访`, `2026-11-1${k} call @${people[2]}: 电话`]);
  });
  files['accounts/south/people/wang-south.md'] = files['accounts/south/people/wang-south.md'].replace('reports_to: zhang-south', 'reports_to: zhang-south\ninfluences: [zhang-north]');
  return files;
}

/** An id written with YAML escapes in a double-quoted scalar: the same id to the parser, other bytes. */
export const escaped = (id: string) => `"${[...id].map((ch, i) => (i % 2 ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : ch)).join('')}"`;

/** The files a checkout would read: .gitignore'd ones left out (root `.gitignore` of plain paths only). */
export function sources(files: Record<string, string>): SourceFile[] {
  const ignored = new Set((files['.gitignore'] ?? '').split('\n').filter(Boolean));
  const config = files['keyplan.yaml'] !== undefined ? [{ path: 'keyplan.yaml', content: files['keyplan.yaml'] }] : [];
  const md = Object.keys(files).filter((p) => p.endsWith('.md') && !ignored.has(p)).sort();
  return [...config, ...md.map((p) => ({ path: p, content: files[p] }))];
}

export const key = (d: Diagnostic) => JSON.stringify([d.file, d.range, d.severity, d.rule, d.message, d.data ?? null]);
export const byFile = (ds: Diagnostic[]) => {
  const m = new Map<string, string[]>();
  for (const d of ds) m.set(d.file, [...(m.get(d.file) ?? []), key(d)]);
  return m;
};
export const exitOf = (ds: Diagnostic[]) => (ds.some((d) => d.severity === 'error') ? 1 : 0);

export function checkProperty(before: Record<string, string>, after: Record<string, string>): void {
  const changed: ChangedFile[] = [];
  for (const p of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[p] !== after[p]) changed.push({ path: p, before: before[p] });
  const all = sources(after);
  const scope = affectedScope(all, changed);
  const full = checkWorkspace(all, { asOf: AS_OF }).diagnostics;
  const fullBefore = checkWorkspace(sources(before), { asOf: AS_OF }).diagnostics;
  const partial = checkWorkspace(scope.files, { asOf: AS_OF }).diagnostics.filter((d) => scope.focus.has(d.file));
  const context = () => `changed: ${changed.map((c) => c.path).join(', ')}; scope: ${[...scope.focus].sort().join(', ')}`;
  // 1. On the files it reports on, the scoped check says exactly what the full check says.
  assert.deepEqual(partial.map(key), full.filter((d) => scope.focus.has(d.file)).map(key), context());
  // 2. Every file whose findings the change alters is reported on.
  const now = byFile(full);
  const then = byFile(fullBefore);
  const altered = all.map((f) => f.path).filter((p) => JSON.stringify(now.get(p) ?? []) !== JSON.stringify(then.get(p) ?? []));
  for (const p of altered) assert.ok(scope.focus.has(p), `${p} changed findings but is not checked; ${context()}`);
  // 3. Never more lenient: its exit code is at least the full check's on the altered files.
  assert.ok(exitOf(partial) >= exitOf(full.filter((d) => altered.includes(d.file))), context());
}

export function generator(seed: number) {
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)];
  const mutate = (files: Record<string, string>): Record<string, string> => {
    const out = { ...files };
    const paths = Object.keys(out).filter((p) => p.endsWith('.md'));
    if (!paths.length) return out;
    const ids = paths.filter((p) => p.includes('/people/')).map((p) => p.split('/').pop()!.replace('.md', '')).concat(['ghost', 'zhang-nrth']);
    const p = pick(paths);
    const person = out[p].includes('kind: person');
    switch (rnd(13)) {
      case 0: delete out[p]; break;
      case 1: if (person) out[p] = out[p].replace(/account: \w+/, `account: ${pick([...ACCOUNTS, 'nowhere', 'nort'])}`); break;
      case 2: if (person) out[p] = out[p].replace(/reports_to: .*\n/, '').replace(/\n---\n$/, `\nreports_to: ${rnd(2) ? pick(ids) : escaped(pick(ids))}\n---\n`); break;
      case 3: if (person) out[`accounts/${pick(ACCOUNTS)}/copies/${rnd(100)}.md`] = out[p]; break;
      case 4: if (out[p].includes('interaction-log')) out[p] += `- 2026-11-1${rnd(9)} visit @${pick(ids)}: 拜访\n`; break;
      case 5: if (out[p].includes('relationship-plan')) out[p] = out[p].replace('contacts:\n', `contacts:\n  - {person: ${rnd(2) ? pick(ids) : escaped(pick(ids))}, layer: key}\n`); break;
      case 6: out[p] = out[p].replace('kind:', 'kind:\n  broken: ['); break;
      case 7: if (person) out[p] = out[p].replace(/stance: \w+/, `stance: ${pick(['supporter', 'suporter', 'opponent'])}`); break;
      case 8: out[p.replace(/[^/]+$/, `moved-${rnd(100)}.md`)] = out[p]; delete out[p]; break;
      // An id spelt with YAML escapes: the same id, other bytes.
      case 9: if (person) out[p] = out[p].replace(/^id: ([\w-]+)$/m, (_, id: string) => `id: ${escaped(rnd(3) ? id : pick(ids))}`); break;
      case 10: out['.gitignore'] = rnd(2) ? `${p}\n` : ''; break;
      case 11: out['keyplan.yaml'] = pick(['locale: en\n', 'locale: en\ndark_after: 30\n', `locale: en\nexclude: ["${p}"]\n`]); break;
      case 12: out[`accounts/${pick(ACCOUNTS)}/people/new-${rnd(100)}.md`] = personDoc({ id: pick(ids), account: pick([...ACCOUNTS, 'nowhere']), name: 'new', influence: 3, stance: 'unknown' }); break;
    }
    return out;
  };
  return { rnd, mutate };
}


/** Files (existing after the change) whose full-check findings the change alters. */
export function alteredFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  const now = byFile(checkWorkspace(sources(after), { asOf: AS_OF }).diagnostics);
  const then = byFile(checkWorkspace(sources(before), { asOf: AS_OF }).diagnostics);
  return sources(after).map((f) => f.path).filter((p) => JSON.stringify(now.get(p) ?? []) !== JSON.stringify(then.get(p) ?? []));
}
