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

const LATIN1 = '\u0000latin1\u0000';

/** A file saved in Latin-1, not UTF-8 (a workspace maps paths to texts; `contentOf` gives its bytes). */
export const notUtf8 = (text: string) => `${LATIN1}${text}`;

/** A file's content as a checkout reads it: the text, or the bytes of a `notUtf8` one. */
export const contentOf = (text: string): string | Buffer => (text.startsWith(LATIN1) ? Buffer.from(text.slice(LATIN1.length), 'latin1') : text);

/** The files a checkout would read: .gitignore'd ones left out (root `.gitignore` of plain paths only). */
export function sources(files: Record<string, string>): SourceFile[] {
  const ignored = new Set((files['.gitignore'] ?? '').split('\n').filter(Boolean));
  const config = files['keyplan.yaml'] !== undefined ? [{ path: 'keyplan.yaml', content: files['keyplan.yaml'] }] : [];
  const md = Object.keys(files).filter((p) => p.endsWith('.md') && !ignored.has(p)).sort();
  return [...config, ...md.map((p) => ({ path: p, content: contentOf(files[p]) }))];
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
  for (const p of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[p] !== after[p]) changed.push({ path: p, before: before[p] === undefined ? undefined : contentOf(before[p]) });
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
    switch (rnd(14)) {
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
      // YAML broken below the kind, id and account: the check cannot read the file, a quick look still sees them.
      case 13: out[p] = out[p].replace(/\n---\n/, '\nbroken: [oops\n---\n'); break;
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

/**
 * Changes next to a document the check cannot read (broken YAML, not UTF-8): the full check still
 * counts the kind, id and account a quick look sees in it (references to the id are not reported,
 * a person's account holds back the warnings on who is missing), so the scope must too.
 */
export function unreadableCases(): { name: string; before: Record<string, string>; after: Record<string, string> }[] {
  const acme: Record<string, string> = {
    'keyplan.yaml': 'locale: en\n',
    'accounts/acme/account.md': accountDoc('acme', { name: 'Acme', tier: 'B' }),
    'accounts/acme/people/alice.md': personDoc({ id: 'alice', account: 'acme', name: 'Alice', roles: ['TB'], influence: 3, stance: 'neutral' }),
    'accounts/acme/interactions-2026.md': logDoc('acme', ['2026-11-01 call @alice: hello']),
    'accounts/west/account.md': accountDoc('west', { name: 'West', tier: 'C' }),
  };
  const brokenBob = '---\nkind: person\nid: bob\naccount: acme\nname: [oops\n---\n';
  const ghost = notUtf8('---\nkind: person\nid: ghost\naccount: acme\nname: \xb8\xdf\n---\n');
  const withBob = { ...acme, 'accounts/acme/people/bob.md': brokenBob };
  const withGhost = { ...acme, 'accounts/acme/people/ghost.md': ghost };
  const aliceEdited = (files: Record<string, string>) => ({ ...files, 'accounts/acme/people/alice.md': files['accounts/acme/people/alice.md'].replace('stance: neutral', 'stance: supporter') });
  return [
    { name: 'another person of the account edited, a broken one kept', before: withBob, after: aliceEdited(withBob) },
    { name: 'another person of the account edited, one not in UTF-8 kept', before: withGhost, after: aliceEdited(withGhost) },
    { name: 'a broken person added', before: acme, after: withBob },
    { name: 'a person not in UTF-8 added', before: acme, after: withGhost },
    { name: 'a log mentions a person whose file is not UTF-8', before: withGhost, after: { ...withGhost, 'accounts/acme/interactions-2026.md': logDoc('acme', ['2026-11-01 call @alice: hello', '2026-11-02 call @ghost: hello']) } },
    { name: 'a person names an account whose plan is not UTF-8', before: { ...acme, 'accounts/newco/account.md': notUtf8('---\nkind: account\nid: newco\nname: \xb8\xdf\ntier: C\nowner: li-na\n---\n') }, after: { ...acme, 'accounts/newco/account.md': notUtf8('---\nkind: account\nid: newco\nname: \xb8\xdf\ntier: C\nowner: li-na\n---\n'), 'accounts/newco/people/nina.md': personDoc({ id: 'nina', account: 'newco', name: 'Nina', roles: ['EB'] }) } },
    { name: 'a broken file of another account repeats a person id', before: acme, after: { ...acme, 'accounts/west/people/alice.md': '---\nkind: person\nid: alice\naccount: west\nname: [oops\n---\n' } },
    { name: 'a person moved to another account and broken in the same edit', before: { ...acme, 'accounts/acme/people/bob.md': personDoc({ id: 'bob', account: 'acme', name: 'Bob', roles: ['EB'] }) }, after: { ...acme, 'accounts/acme/people/bob.md': '---\nkind: person\nid: bob\naccount: west\nname: [oops\n---\n' } },
  ];
}
