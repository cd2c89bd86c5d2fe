/**
 * `keyplan diff` in real git repositories: the scoped diff (only the accounts a change touches)
 * prints exactly what the full one (KEYPLAN_DIFF_FULL=1, everything checked and compared) prints,
 * as JSON and as text, commit to commit and commit to working tree, over random changes (stance,
 * id, person moved, file deleted or moved with git mv, log entries, plan edits, tier, keyplan.yaml,
 * an unreadable file).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCli, keyplan, TempRepo } from './helpers/git-repo.js';
import { AS_OF, workspace } from './helpers/changed-since-gen.js';
import { diffGenerator } from './helpers/diff-scoped-gen.js';

function changes(before: Record<string, string>, after: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const p of Object.keys(before)) if (!(p in after)) out[p] = null;
  for (const [p, text] of Object.entries(after)) if (before[p] !== text) out[p] = text;
  return out;
}

describe('keyplan diff: scoped and full print the same (git)', function () {
  this.timeout(600_000);
  let repo: TempRepo | undefined;
  before(() => buildCli());
  afterEach(() => repo?.remove());

  const same = (args: string[], what: string) => {
    const scoped = keyplan(['diff', ...args, '--as-of', AS_OF], repo!.dir);
    const full = keyplan(['diff', ...args, '--as-of', AS_OF], repo!.dir, { KEYPLAN_DIFF_FULL: '1' });
    assert.equal(scoped.stderr, full.stderr, what);
    assert.equal(scoped.status, full.status, `${what}\n${scoped.stderr}`);
    assert.equal(scoped.stdout, full.stdout, what);
    return scoped;
  };

  for (let seed = 1; seed <= 4; seed++) {
    it(`random change ${seed}: commit to commit and commit to working tree, JSON and text`, () => {
      const { rnd, mutate } = diffGenerator(seed * 7919);
      const start = workspace();
      repo = new TempRepo(start);
      const base = repo.commit('base');
      let after = start;
      for (let k = 1 + rnd(3); k > 0; k--) after = mutate(after);
      const edits = changes(start, after);
      // A file moved with git mv (then perhaps edited): git's rename information is used.
      const people = Object.keys(after).filter((p) => p.includes('/people/') && start[p] === after[p]);
      if (rnd(2) && people.length) {
        const from = people[rnd(people.length)];
        const to = from.replace(/people\/([^/]+)$/, 'people/moved/$1');
        repo.gitMove(from, to);
        if (rnd(2)) edits[to] = after[from].replace(/influence: \d/, 'influence: 1');
      }
      // An unreadable file now and then, and the stance of someone in another account.
      if (rnd(3) === 0) edits['accounts/west/people/broken.md'] = '---\nkind: person\nid: broken-west\naccount: west\nname: [\n---\n';
      repo.write(edits);
      const what = `seed ${seed}: ${Object.keys(edits).join(', ')}`;
      // Working tree first, then the same as a commit.
      const wt = same([base, '--format', 'json'], what);
      assert.ok(wt.stdout.length > 0, what);
      same([base], what);
      const head = repo.commit('head');
      same([base, head, '--format', 'json'], what);
      same([base, head, '--locale', 'zh-CN'], what);
      if (seed % 2) same([base, head, 'accounts/north', '--format', 'json'], what);
      else same([base, head, '--format', 'markdown'], what);
    });
  }

  const person = (files: Record<string, string>, id: string) => Object.keys(files).find((p) => p.endsWith(`/people/${id}.md`))!;
  const cases: [string, (files: Record<string, string>, repo: TempRepo) => Record<string, string | null>][] = [
    ['a person deleted', (f) => ({ [person(f, 'li-west')]: null })],
    ['a person moved to another account', (f) => ({ [person(f, 'zhang-north')]: f[person(f, 'zhang-north')].replace('account: north', 'account: south') })],
    ['an id renamed', (f) => ({ [person(f, 'wang-east')]: f[person(f, 'wang-east')].replace('id: wang-east', 'id: wang-e2') })],
    ['a stance changed', (f) => ({ [person(f, 'li-south')]: f[person(f, 'li-south')].replace(/stance: \w+/, 'stance: opponent') })],
    ['log entries and a plan contact added', (f) => ({
      'accounts/east/interactions-2026.md': f['accounts/east/interactions-2026.md'] + '- 2026-11-18 visit @wang-east @zhang-north: 拜访\n',
      'accounts/east/relationship-plan-2026.md': f['accounts/east/relationship-plan-2026.md'].replace('contacts:\n', 'contacts:\n  - {person: wang-east, layer: key}\n'),
    })],
    ['a file made unreadable', (f) => ({ [person(f, 'zhang-west')]: f[person(f, 'zhang-west')].replace('kind:', 'kind:\n  broken: [') })],
    ['a tier changed', (f) => ({ 'accounts/north/account.md': f['accounts/north/account.md'].replace(/tier: \w/, 'tier: C') })],
    ['a person moved with git mv to another account and edited', (f, r) => {
      r.gitMove('accounts/south/people/wang-south.md', 'accounts/west/people/wang-south.md');
      return { 'accounts/west/people/wang-south.md': f['accounts/south/people/wang-south.md'].replace('account: south', 'account: west') };
    }],
  ];
  for (const [name, edit] of cases) {
    it(`${name}: the same JSON and text, commit to commit and commit to working tree`, () => {
      const start = workspace();
      repo = new TempRepo(start);
      const base = repo.commit('base');
      repo.write(edit(start, repo));
      const wt = same([base], name);
      assert.ok(wt.stdout.trim().length > 0, name);
      const head = repo.commit('head');
      same([base, head, '--format', 'json'], name);
    });
  }

  it('--matrix-dir: the same before and after matrices', () => {
    const start = workspace();
    repo = new TempRepo(start);
    const base = repo.commit('base');
    const p = 'accounts/east/people/li-east.md';
    repo.write({ [p]: start[p].replace(/stance: \w+/, 'stance: opponent').replace(/influence: \d/, 'influence: 5') });
    const scoped = keyplan(['diff', base, '--as-of', AS_OF, '--matrix-dir', 'm-scoped'], repo.dir);
    const full = keyplan(['diff', base, '--as-of', AS_OF, '--matrix-dir', 'm-full'], repo.dir, { KEYPLAN_DIFF_FULL: '1' });
    assert.equal(scoped.status, full.status, scoped.stderr);
    const files = (dir: string) => readdirSync(path.join(repo!.dir, dir)).sort();
    assert.deepEqual(files('m-scoped'), ['east.after.svg', 'east.before.svg']);
    assert.deepEqual(files('m-scoped'), files('m-full'));
    for (const f of files('m-full')) assert.equal(readFileSync(path.join(repo.dir, 'm-scoped', f), 'utf8'), readFileSync(path.join(repo.dir, 'm-full', f), 'utf8'), f);
  });

  it('a change to keyplan.yaml and a renamed account folder print the same', () => {
    const start = workspace();
    repo = new TempRepo(start);
    const base = repo.commit('base');
    repo.gitMove('accounts/south/people/li-south.md', 'accounts/south/team/li-south.md');
    repo.write({ 'accounts/east/account.md': start['accounts/east/account.md'].replace(/tier: \w/, 'tier: C') });
    same([base, '--format', 'json'], 'rename + tier');
    repo.write({ 'keyplan.yaml': 'locale: en\ndark_after: 30\n' });
    same([base, '--format', 'json'], 'keyplan.yaml');
    same([base], 'keyplan.yaml');
  });

  it('a .gitignore or an exclude: added between the revisions: each revision reads its own files (the paths are not filtered once for both)', () => {
    const start = workspace();
    repo = new TempRepo(start);
    const base = repo.commit('base');
    const ignored = repo.commit('ignore li-west', { '.gitignore': 'accounts/west/people/li-west.md\n' });
    const excluded = repo.commit('exclude zhang-north', { '.gitignore': null, 'keyplan.yaml': `${start['keyplan.yaml'] ?? ''}exclude: ['accounts/north/people/zhang-north.md']\n` });
    const people = (from: string, to: string) => {
      const run = same([from, to, '--format', 'json'], `${from}..${to}`);
      return (JSON.parse(run.stdout).accounts as { people: { id: string; change: string }[] }[]).flatMap((a) => a.people.map((p) => `${p.change} ${p.id}`)).sort();
    };
    assert.deepEqual(people(base, ignored), ['removed li-west']);
    assert.deepEqual(people(ignored, base), ['added li-west']);
    assert.deepEqual(people(ignored, excluded), ['added li-west', 'removed zhang-north']);
  });
});
