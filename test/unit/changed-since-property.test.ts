/**
 * The property `keyplan check --changed-since` rests on: for random pull-request-like changes to a
 * generated workspace (edits, renames, deletions, new files, escaped ids, ignore and config
 * changes), the scoped check's findings equal the full check's on the files it reports on, every
 * file whose findings the change alters is reported on, and its exit code is never lower than the
 * full check's on those files. `npm test` runs a few dozen seeded cases; `npm run fuzz` scales them
 * by KEYPLAN_FUZZ_SCALE (and KEYPLAN_FUZZ_SEED replays a seed).
 */
import assert from 'node:assert/strict';
import { affectedScope, isIgnoreFile, type ChangedFile } from '../../src/core/check/affected.js';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { accountDoc, logDoc, personDoc, planDoc } from './helpers/diff-fixtures.js';
import { record } from './helpers/figures.js';
import { runs } from './helpers/generators.js';

const AS_OF = '2026-11-20';
const ACCOUNTS = ['north', 'south', 'east', 'west'];
const SURNAMES = ['zhang', 'wang', 'li'];

function workspace(): Record<string, string> {
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
const escaped = (id: string) => `"${[...id].map((ch, i) => (i % 2 ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : ch)).join('')}"`;

/** The files a checkout would read: .gitignore'd ones left out (root `.gitignore` of plain paths only). */
function sources(files: Record<string, string>): SourceFile[] {
  const ignored = new Set((files['.gitignore'] ?? '').split('\n').filter(Boolean));
  const config = files['keyplan.yaml'] !== undefined ? [{ path: 'keyplan.yaml', content: files['keyplan.yaml'] }] : [];
  const md = Object.keys(files).filter((p) => p.endsWith('.md') && !ignored.has(p)).sort();
  return [...config, ...md.map((p) => ({ path: p, content: files[p] }))];
}

const key = (d: Diagnostic) => JSON.stringify([d.file, d.range, d.severity, d.rule, d.message, d.data ?? null]);
const byFile = (ds: Diagnostic[]) => {
  const m = new Map<string, string[]>();
  for (const d of ds) m.set(d.file, [...(m.get(d.file) ?? []), key(d)]);
  return m;
};
const exitOf = (ds: Diagnostic[]) => (ds.some((d) => d.severity === 'error') ? 1 : 0);

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

function generator(seed: number) {
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

describe('keyplan check --changed-since: never more lenient than a full check (property)', () => {
  it('random pull-request-like changes (seeded; more under npm run fuzz)', function () {
    const cases = runs(30);
    this.timeout(60_000 + cases * 3_000);
    const seed0 = Number(process.env.KEYPLAN_FUZZ_SEED ?? 20261130);
    const base = workspace();
    for (let i = 0; i < cases; i++) {
      const { rnd, mutate } = generator(seed0 + i);
      let before = base;
      for (let k = 0; k < 4; k++) before = mutate(before);
      let after = before;
      for (let k = 0, n = 1 + rnd(3); k < n; k++) after = mutate(after);
      try {
        checkProperty(before, after);
      } catch (err) {
        (err as Error).message = `case ${i} (KEYPLAN_FUZZ_SEED=${seed0 + i} reproduces it as case 0): ${(err as Error).message}`;
        throw err;
      }
    }
    record('fuzz.changed-since', cases);
  });

  it('an escaped id and an ignore-file change are each seen', () => {
    const base = workspace();
    // A person whose id is written with escapes is deleted: the plan of another account that lists it changes.
    const b: Record<string, string> = { ...base, 'accounts/south/relationship-plan-2026.md': base['accounts/south/relationship-plan-2026.md'].replace('contacts:\n', `contacts:\n  - {person: ${escaped('li-west')}, layer: key}\n`) };
    const a: Record<string, string> = { ...b };
    delete a['accounts/west/people/li-west.md'];
    checkProperty(b, a);
    assert.ok(isIgnoreFile('a/b/.gitignore') && isIgnoreFile('.gitignore') && !isIgnoreFile('x.gitignore'));
    const scope = affectedScope(sources(base), [{ path: 'accounts/.gitignore' }]);
    assert.equal(scope.full, true);
    assert.match(scope.reason!, /accounts\/\.gitignore changed/);
  });
});
