/**
 * `keyplan check --changed-since` in real git repositories, one case of issue #14 each ("the CI
 * gate can pass what a full check fails"): a changed file whose name holds a newline, an id written
 * with YAML escapes, a change to a .gitignore only, a file name that is not UTF-8, a file over the
 * size limit. In each the scoped check is never more lenient than the full one and says what it did.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { accountDoc, personDoc, planDoc } from './helpers/diff-fixtures.js';
import { buildCli, keyplan, TempRepo } from './helpers/git-repo.js';

const AS_OF = '2026-11-20';

function workspace(): Record<string, string> {
  const files: Record<string, string> = { 'keyplan.yaml': 'locale: en\n' };
  for (const acct of ['north', 'west']) {
    files[`accounts/${acct}/account.md`] = accountDoc(acct, { tier: 'B' });
    files[`accounts/${acct}/people/zhang-${acct}.md`] = personDoc({ id: `zhang-${acct}`, account: acct, name: 'Zhang', roles: ['EB'], influence: 5, stance: 'supporter', coverage: 'in-depth' });
    files[`accounts/${acct}/people/li-${acct}.md`] = personDoc({ id: `li-${acct}`, account: acct, name: 'Li', roles: ['TB'], influence: 3, stance: 'neutral', coverage: 'brief', extra: [`reports_to: zhang-${acct}`] });
    files[`accounts/${acct}/relationship-plan-2026.md`] = planDoc(acct, [`  - {person: zhang-${acct}, layer: key, stage: awareness, target_stage: recognition}`]);
  }
  return files;
}

type CheckJson = { diagnostics: Diagnostic[]; summary: { errors: number } };

describe('keyplan check --changed-since is never more lenient than check (git)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  before(() => buildCli());
  afterEach(() => repo?.remove());

  const check = (args: string[]) => {
    const r = keyplan(['check', '--format', 'json', '--as-of', AS_OF, ...args], repo.dir);
    return { ...r, json: (r.stdout ? JSON.parse(r.stdout) : { diagnostics: [], summary: { errors: 0 } }) as CheckJson };
  };

  it('a changed file whose name holds a newline does not shift the old versions of the others', () => {
    const files = workspace();
    files['accounts/north/people/a\nb.md'] = personDoc({ id: 'ab-north', account: 'north', name: 'AB', influence: 2, stance: 'neutral' });
    files['accounts/west/relationship-plan-2026.md'] = planDoc('west', ['  - {person: zhang-west, layer: key, stage: awareness, target_stage: recognition}', '  - {person: li-west, layer: key}']);
    repo = new TempRepo(files);
    const base = repo.commit('base');
    // The file with a newline changes, and li-west is deleted: only its old version says it was
    // west's, and west's plan still lists it.
    repo.commit('pr', { 'accounts/north/people/a\nb.md': personDoc({ id: 'ab-north', account: 'north', name: 'AB', influence: 2, stance: 'supporter' }), 'accounts/west/people/li-west.md': null });
    const scoped = check(['--changed-since', base]);
    const full = check([]);
    const onPlan = (r: { json: CheckJson }) => r.json.diagnostics.filter((d) => d.file === 'accounts/west/relationship-plan-2026.md');
    assert.equal(full.status, 1);
    assert.ok(onPlan(full).some((d) => d.rule === 'unknown-reference'));
    assert.equal(scoped.status, 1, scoped.stderr);
    assert.deepEqual(onPlan(scoped), onPlan(full));
  });

  it('an id written with YAML escapes is seen: deleting the person it names fails the plan of another account', () => {
    const files = workspace();
    files['accounts/north/relationship-plan-2026.md'] = planDoc('north', ['  - {person: zhang-north, layer: key, stage: awareness, target_stage: recognition}', '  - {person: "z\\x68ang-west", layer: key}']);
    repo = new TempRepo(files);
    const base = repo.commit('base');
    assert.equal(check([]).json.diagnostics.filter((d) => d.rule === 'unknown-reference').length, 0);
    repo.commit('pr', { 'accounts/west/people/zhang-west.md': null });
    const full = check([]);
    const scoped = check(['--changed-since', base]);
    const onPlan = (r: { json: CheckJson }) => r.json.diagnostics.filter((d) => d.file === 'accounts/north/relationship-plan-2026.md' && d.rule === 'unknown-reference');
    assert.equal(onPlan(full).length, 1);
    assert.deepEqual(onPlan(scoped), onPlan(full));
    assert.equal(scoped.status, 1, scoped.stderr);
  });

  for (const ignoreFile of ['.gitignore', 'accounts/.gitignore']) {
    it(`a pull request that only changes ${ignoreFile} checks the whole workspace and says so`, () => {
      const files = workspace();
      files[ignoreFile] = ignoreFile === '.gitignore' ? 'accounts/west/people/draft.md\n' : 'west/people/draft.md\n';
      files['accounts/west/people/draft.md'] = personDoc({ id: 'draft-west', account: 'west', name: 'Draft', influence: 11, stance: 'suporter' });
      repo = new TempRepo(files);
      const base = repo.commit('base');
      assert.equal(check([]).status, 0);
      repo.commit('pr', { [ignoreFile]: '' });
      const full = check([]);
      const scoped = check(['--changed-since', base]);
      assert.equal(full.status, 1);
      assert.equal(scoped.status, 1, scoped.stderr);
      assert.deepEqual(scoped.json.diagnostics, full.json.diagnostics);
      assert.match(scoped.stderr, new RegExp(`keyplan: ${ignoreFile.replace('.', '\\.')} changed \\(it decides which files are read\\) since [0-9a-f]+; checking the whole workspace\\.`));
    });
  }

  it('exclude patterns in keyplan.yaml: the whole workspace, said', () => {
    repo = new TempRepo({ ...workspace(), 'keyplan.yaml': 'locale: en\nexclude: ["accounts/west/people/draft.md"]\n', 'accounts/west/people/draft.md': personDoc({ id: 'draft-west', account: 'west', name: 'Draft', influence: 11 }) });
    const base = repo.commit('base');
    repo.commit('pr', { 'keyplan.yaml': 'locale: en\n' });
    const scoped = check(['--changed-since', base]);
    assert.equal(scoped.status, 1);
    assert.match(scoped.stderr, /keyplan: keyplan\.yaml changed since [0-9a-f]+; checking the whole workspace\./);
  });

  it('a document whose file name is not UTF-8 is never passed silently', () => {
    repo = new TempRepo(workspace());
    const base = repo.commit('base');
    const dir = path.join(repo.dir, 'accounts', 'west', 'people');
    mkdirSync(dir, { recursive: true });
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]), personDoc({ id: 'bad-west', account: 'west', name: 'Bad', influence: 11 }));
    repo.commit('pr');
    const scoped = keyplan(['check', '--changed-since', base, '--as-of', AS_OF], repo.dir);
    assert.notEqual(scoped.status, 0, scoped.stderr);
    assert.match(scoped.stderr, /not valid UTF-8/);
  });

  it('a changed file over the size limit is skipped with the same note as the full check, not parsed', () => {
    repo = new TempRepo(workspace());
    const base = repo.commit('base');
    const big = personDoc({ id: 'big-west', account: 'west', name: 'Big', influence: 3 }) + '\n' + '- [x] '.repeat(2_000_000) + '\n';
    repo.commit('pr', { 'accounts/west/people/big-west.md': big });
    const full = keyplan(['check', '--as-of', AS_OF], repo.dir);
    const scoped = keyplan(['check', '--as-of', AS_OF, '--changed-since', base], repo.dir);
    assert.equal(scoped.status, full.status, `${scoped.stderr}\n---\n${full.stderr}`);
    const note = (s: string) => s.split('\n').filter((l) => /larger than the 10 MB/.test(l));
    assert.equal(note(full.stderr).length, 1, full.stderr);
    assert.deepEqual(note(scoped.stderr), note(full.stderr));
  });

  it('a new document hidden from git by .git/info/exclude (which Keyplan does not read) is still checked', () => {
    repo = new TempRepo(workspace());
    const base = repo.commit('base');
    writeFileSync(path.join(repo.dir, '.git', 'info', 'exclude'), 'secret-*.md\n');
    repo.write({ 'accounts/west/people/secret-west.md': personDoc({ id: 'secret-west', account: 'west', name: 'Secret', influence: 11 }) });
    const full = check([]);
    const scoped = check(['--changed-since', base]);
    assert.equal(full.status, 1);
    assert.equal(scoped.status, 1, scoped.stderr);
    const on = (r: { json: CheckJson }) => r.json.diagnostics.filter((d) => d.file === 'accounts/west/people/secret-west.md');
    assert.ok(on(full).length > 0);
    assert.deepEqual(on(scoped), on(full));
  });
});
