import assert from 'node:assert/strict';
import { affectedScope, type ChangedFile } from '../../src/core/check/affected.js';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { accountDoc, logDoc, personDoc, planDoc } from './helpers/diff-fixtures.js';
import { buildCli, keyplan, TempRepo } from './helpers/git-repo.js';

const AS_OF = '2026-11-20';
const ACCOUNTS = ['north', 'south', 'east', 'west', 'central'];
const SURNAMES = ['zhang', 'wang', 'li', 'zhao'];

/** Five accounts of four people each, with plans and logs, and a few references between accounts. */
function workspace(): Record<string, string> {
  const files: Record<string, string> = { 'keyplan.yaml': 'locale: en\n' };
  ACCOUNTS.forEach((acct, k) => {
    const people = SURNAMES.map((s) => `${s}-${acct}`);
    files[`accounts/${acct}/account.md`] = accountDoc(acct, { name: acct.toUpperCase(), tier: 'ABCAB'[k] });
    people.forEach((id, i) => {
      files[`accounts/${acct}/people/${id}.md`] = personDoc({
        id, account: acct, name: id, roles: [['EB'], ['TB', 'Coach'], ['UB'], []][i], influence: 5 - i, stance: ['supporter', 'champion', 'neutral', 'skeptic'][i], coverage: ['in-depth', 'multiple', 'brief', 'none'][i],
        extra: i > 0 ? [`reports_to: ${people[0]}`] : [],
      });
    });
    files[`accounts/${acct}/relationship-plan-2026.md`] = planDoc(acct, people.slice(0, 3).map((id, i) => `  - {person: ${id}, layer: key, stage: awareness, target_stage: recognition${i === 0 ? ', next: 2026-11-10' : ''}}`));
    files[`accounts/${acct}/interactions-2026.md`] = logDoc(acct, [`2026-10-0${k + 1} visit @${people[0]} @${people[1]}: 拜访`, `2026-11-1${k} call @${people[2]}: 电话`]);
  });
  // South's coach informally influences north's economic buyer (a cross-account reference).
  files['accounts/south/people/wang-south.md'] = files['accounts/south/people/wang-south.md'].replace('reports_to: zhang-south', 'reports_to: zhang-south\ninfluences: [zhang-north]');
  files['notes/readme.md'] = '# Notes\n\nNot a Keyplan document.\n';
  return files;
}

const asSources = (files: Record<string, string>): SourceFile[] => {
  const config = files['keyplan.yaml'] !== undefined ? [{ path: 'keyplan.yaml', content: files['keyplan.yaml'] }] : [];
  return [...config, ...Object.keys(files).filter((p) => p !== 'keyplan.yaml').sort().map((p) => ({ path: p, content: files[p] }))];
};

const key = (d: Diagnostic) => JSON.stringify([d.file, d.range, d.severity, d.rule, d.message, d.data ?? null]);

/** Checks the scope and compares with the full check restricted to the scope's focus. */
function compare(before: Record<string, string>, after: Record<string, string>): { scope: ReturnType<typeof affectedScope>; shown: Diagnostic[] } {
  const changed: ChangedFile[] = [];
  for (const p of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[p] !== after[p]) changed.push({ path: p, before: before[p] });
  }
  const all = asSources(after);
  const scope = affectedScope(all, changed);
  const full = checkWorkspace(all, { asOf: AS_OF }).diagnostics.filter((d) => scope.focus.has(d.file));
  const partial = checkWorkspace(scope.files, { asOf: AS_OF }).diagnostics.filter((d) => scope.focus.has(d.file));
  assert.deepEqual(partial.map(key), full.map(key));
  for (const c of changed) if (after[c.path] !== undefined) assert.ok(scope.focus.has(c.path), `changed file ${c.path} is checked`);
  return { scope, shown: full };
}

const replace = (files: Record<string, string>, file: string, from: string, to: string) => {
  assert.ok(files[file]?.includes(from), `${file} contains ${from}`);
  return { ...files, [file]: files[file].replace(from, to) };
};

describe('keyplan check --changed-since: the affected part of the workspace', () => {
  const base = workspace();

  it('a stance change: that account only, and its result equals the full check', () => {
    const after = replace(base, 'accounts/east/people/li-east.md', 'stance: neutral', 'stance: supporter');
    const { scope } = compare(base, after);
    assert.equal(scope.full, false);
    assert.deepEqual(scope.accounts, ['east']);
    assert.deepEqual([...scope.focus].sort(), Object.keys(base).filter((p) => p.startsWith('accounts/east/')).sort());
    assert.ok(scope.files.length < asSources(base).length / 2, `${scope.files.length} files read of ${asSources(base).length}`);
  });

  it('a new interaction, a new person, a deleted person', () => {
    let after = replace(base, 'accounts/west/interactions-2026.md', '- 2026-11-13 call', '- 2026-11-19 visit @zhao-west: 首次见面\n- 2026-11-13 call');
    after = { ...after, 'accounts/west/people/sun-west.md': personDoc({ id: 'sun-west', account: 'west', name: 'sun', influence: 4, stance: 'unknown' }) };
    delete after['accounts/north/people/li-north.md'];
    const { scope } = compare(base, after);
    assert.deepEqual(scope.accounts, ['north', 'west']);
  });

  it('a deleted person still referenced from another account (outside the scope) changes nothing inside it', () => {
    const after = { ...base };
    delete after['accounts/north/people/zhang-north.md'];
    compare(base, after);
  });

  it('duplicate ids across accounts, in either order', () => {
    compare(base, { ...base, 'accounts/central/people/zhang-east.md': personDoc({ id: 'zhang-east', account: 'central', name: 'dup' }) });
    compare(base, { ...base, 'accounts/aaa/people/zhang-east.md': personDoc({ id: 'zhang-east', account: 'east', name: 'dup first' }) });
  });

  it('a reporting cycle through three accounts is seen whole', () => {
    let after = replace(base, 'accounts/north/people/zhang-north.md', 'coverage: in-depth', 'coverage: in-depth\nreports_to: zhang-south');
    after = replace(after, 'accounts/south/people/zhang-south.md', 'coverage: in-depth', 'coverage: in-depth\nreports_to: zhang-east');
    after = replace(after, 'accounts/east/people/zhang-east.md', 'coverage: in-depth', 'coverage: in-depth\nreports_to: zhang-north');
    const base2 = { ...base, 'accounts/south/people/zhang-south.md': after['accounts/south/people/zhang-south.md'], 'accounts/east/people/zhang-east.md': after['accounts/east/people/zhang-east.md'] };
    // Only north's file changes, but the cycle is reported on every member: the accounts of the
    // people whose reporting line runs into north's are checked too (south also through an influence).
    const { scope, shown } = compare(base2, after);
    assert.deepEqual(scope.accounts, ['east', 'north', 'south']);
    for (const f of ['north/people/zhang-north', 'south/people/zhang-south', 'east/people/zhang-east']) {
      assert.ok(shown.some((d) => d.rule === 'reports-to-cycle' && d.file === `accounts/${f}.md`), f);
    }
  });

  it('unknown references with "did you mean" suggestions, from the account and from all accounts', () => {
    const after = replace(base, 'accounts/south/relationship-plan-2026.md', 'person: li-south', 'person: li-suoth');
    const { shown } = compare(base, after);
    assert.ok(shown.some((d) => d.rule === 'unknown-reference' && /li-south/.test(d.message)));
    const misspelt = replace(base, 'accounts/west/people/li-west.md', 'account: west', 'account: wets');
    const r = compare(base, misspelt);
    assert.ok(r.shown.some((d) => d.rule === 'unknown-reference' && /Did you mean `west`/.test(d.message)), r.shown.map((d) => d.message).join('\n'));
  });

  it('a person moved to another account affects both', () => {
    let after = replace(base, 'accounts/west/people/zhao-west.md', 'account: west', 'account: central');
    after = { ...after, 'accounts/central/people/zhao-west.md': after['accounts/west/people/zhao-west.md'] };
    delete after['accounts/west/people/zhao-west.md'];
    const { scope } = compare(base, after);
    assert.deepEqual(scope.accounts, ['central', 'west']);
  });

  it('a log mentioning someone of another account, a broken file, a renamed file', () => {
    compare(base, replace(base, 'accounts/north/interactions-2026.md', '@li-north: 电话', '@li-north @li-south: 电话'));
    compare(base, replace(base, 'accounts/east/people/wang-east.md', 'name: wang-east', 'name: wang-east\n  bad: indent'));
    const moved: Record<string, string> = { ...base, 'accounts/east/team/wang-east.md': base['accounts/east/people/wang-east.md'] };
    delete moved['accounts/east/people/wang-east.md'];
    compare(base, moved);
  });

  it('keyplan.yaml changed, or a plan names no account: the whole workspace', () => {
    assert.equal(compare(base, { ...base, 'keyplan.yaml': 'locale: en\ndark_after: 30\n' }).scope.full, true);
    const noAccount = replace(base, 'accounts/east/relationship-plan-2026.md', 'account: east\n', '');
    assert.equal(compare(base, noAccount).scope.full, true);
  });

  it('random edits (seeded): the scoped check always equals the full check on the scope', function () {
    // Many full checks: generous on a shared 2-core machine (this is a guard, not a timing assertion).
    this.timeout(180_000);
    let seed = 20261120;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(xs: T[]) => xs[rnd(xs.length)];
    const mutate = (files: Record<string, string>) => {
      const out = { ...files };
      const paths = Object.keys(out).filter((p) => p !== 'keyplan.yaml');
      const ids = paths.filter((p) => p.includes('/people/')).map((p) => p.split('/').pop()!.replace('.md', '')).concat(['ghost', 'zhang-nrth']);
      const p = pick(paths);
      const person = out[p].includes('kind: person');
      switch (rnd(9)) {
        case 0: delete out[p]; break;
        case 1: if (person) out[p] = out[p].replace(/account: \w+/, `account: ${pick([...ACCOUNTS, 'nowhere', 'nort'])}`); break;
        case 2: if (person) out[p] = out[p].replace(/reports_to: [\w-]+\n/, '').replace(/\n---\n$/, `\nreports_to: ${pick(ids)}\n---\n`); break;
        case 3: if (person) out[`accounts/${pick(ACCOUNTS)}/copies/${rnd(100)}.md`] = out[p]; break;
        case 4: if (out[p].includes('interaction-log')) out[p] += `- 2026-11-1${rnd(9)} visit @${pick(ids)}: 拜访\n`; break;
        case 5: if (out[p].includes('relationship-plan')) out[p] = out[p].replace('contacts:\n', `contacts:\n  - {person: ${pick(ids)}, layer: key}\n`); break;
        case 6: out[p] = out[p].replace('kind:', 'kind:\n  broken: ['); break;
        case 7: if (person) out[p] = out[p].replace(/stance: \w+/, `stance: ${pick(['supporter', 'suporter', 'opponent'])}`); break;
        case 8: out[p.replace(/[^/]+$/, `moved-${rnd(100)}.md`)] = out[p]; delete out[p]; break;
      }
      return out;
    };
    for (let i = 0; i < 120; i++) {
      let before = base;
      for (let k = 0; k < 6; k++) before = mutate(before);
      let after = before;
      for (let k = 0, n = 1 + rnd(3); k < n; k++) after = mutate(after);
      compare(before, after);
    }
  });

  it('nothing changed: nothing to check', () => {
    const scope = affectedScope(asSources(base), []);
    assert.deepEqual([...scope.focus], []);
    assert.deepEqual(scope.files.map((f) => f.path), ['keyplan.yaml']);
  });
});

describe('keyplan check --changed-since (CLI, git)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  before(() => {
    buildCli();
    repo = new TempRepo(workspace());
    repo.commit('base');
  });
  after(() => repo.remove());

  type CheckJson = { diagnostics: Diagnostic[]; summary: { documents: number; errors: number }; scope?: { changedSince: string; files: string[]; accounts: string[]; full: boolean } };
  const run = (args: string[]) => {
    const r = keyplan(['check', '--format', 'json', '--as-of', AS_OF, ...args], repo.dir);
    return { ...r, json: JSON.parse(r.stdout) as CheckJson };
  };

  it('checks committed, staged, unstaged and untracked changes plus the rest of their accounts, and equals the full check there', () => {
    const head = repo.git('rev-parse', 'HEAD');
    repo.commit('committed change', { 'accounts/north/people/li-north.md': personDoc({ id: 'li-north', account: 'north', name: 'li-north', roles: ['UB'], influence: 3, stance: 'opponent', coverage: 'brief', extra: ['reports_to: zhang-north'] }) });
    repo.write({ 'accounts/east/people/zhao-east.md': personDoc({ id: 'zhao-east', account: 'east', name: 'zhao-east', influence: 2, stance: 'suporter', coverage: 'none' }) });
    repo.git('add', 'accounts/east/people/zhao-east.md');
    repo.write({ 'accounts/east/people/zhao-east.md': personDoc({ id: 'zhao-east', account: 'east', name: 'zhao-east', influence: 2, stance: 'suportive', coverage: 'none' }) });
    repo.write({ 'accounts/west/people/new-west.md': personDoc({ id: 'new-west', account: 'west', name: 'new', influence: 4, stance: 'unknown' }) });
    try {
      const scoped = run(['--changed-since', head]);
      assert.equal(scoped.status, 1, scoped.stderr);
      assert.match(scoped.stderr, /^keyplan: 3 files changed since [0-9a-f]+; checking 22 documents: the changed ones and the rest of accounts east, north, west\.$/m);
      const expected = Object.keys(workspace()).filter((p) => /^accounts\/(east|north|west)\//.test(p)).concat('accounts/west/people/new-west.md').sort();
      assert.deepEqual(scoped.json.scope!.files, expected);
      assert.deepEqual(scoped.json.scope!.accounts, ['east', 'north', 'west']);
      const full = run([]);
      const inScope = full.json.diagnostics.filter((d) => scoped.json.scope!.files.includes(d.file));
      assert.deepEqual(scoped.json.diagnostics, inScope);
      assert.ok(scoped.json.diagnostics.some((d) => d.rule === 'schema' && d.file === 'accounts/east/people/zhao-east.md'), 'the unstaged typo is found');
      assert.ok(full.json.diagnostics.length > scoped.json.diagnostics.length);
    } finally {
      repo.git('reset', '-q', '--hard', 'HEAD');
      repo.git('clean', '-q', '-fd');
    }
  });

  it('GitHub annotations for the changed part only', () => {
    repo.write({ 'accounts/south/people/li-south.md': personDoc({ id: 'li-south', account: 'south', name: 'li', influence: 9, coverage: 'brief' }) });
    try {
      const r = keyplan(['check', '--changed-since', 'HEAD', '--format', 'github', '--as-of', AS_OF], repo.dir);
      assert.equal(r.status, 1);
      const files = new Set(r.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => /file=([^,]+)/.exec(l)![1]));
      assert.ok([...files].every((f) => f.startsWith('accounts/south/')), [...files].join(', '));
      assert.match(r.stdout, /^::error file=accounts\/south\/people\/li-south\.md,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=schema::/m);
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it('nothing changed: nothing checked, exit 0; an unknown revision: exit 2', () => {
    const r = run(['--changed-since', 'HEAD']);
    assert.equal(r.status, 0);
    assert.equal(r.json.summary.documents, 0);
    assert.deepEqual(r.json.diagnostics, []);
    assert.match(r.stderr, /no Keyplan files changed since HEAD/);
    const bad = keyplan(['check', '--changed-since', 'nope'], repo.dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown revision 'nope' for --changed-since/);
    // In the language of the command line (#18).
    const zh = keyplan(['check', '--changed-since', 'nope', '--locale', 'zh-CN'], repo.dir);
    assert.equal(zh.status, 2);
    assert.match(zh.stderr, /--changed-since 的版本“nope”不存在（浅克隆时请先获取：git fetch --depth=1 origin nope）/);
  });
});
