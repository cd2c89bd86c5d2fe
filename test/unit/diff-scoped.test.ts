/**
 * The scoped diff (src/core/diff/scoped.ts: only the accounts a change touches are checked and
 * compared) against the full one (everything checked and compared, as before #15), in memory over
 * generated workspaces and random pull-request-like changes: the WorkspaceDiff must be the same,
 * byte for byte as JSON. The CLI's side (real git repositories, `keyplan diff` text and JSON) is in
 * diff-scoped-git.test.ts.
 */
import assert from 'node:assert/strict';
import { checkWorkspace, IncrementalChecker, type CheckResult, type SourceFile } from '../../src/core/check/pipeline.js';
import { WorkspaceBuilder } from './helpers/workspace.js';
import { affectedScope, scopeMemo, type ChangedFile, type Scope } from '../../src/core/check/affected.js';
import { checkAndDiff, diffScope } from '../../src/core/diff/scoped.js';
import { sources, unreadableCases, workspace, AS_OF } from './helpers/changed-since-gen.js';
import { diffGenerator } from './helpers/diff-scoped-gen.js';

/** BASE path → HEAD path for files that moved with their content (what git's rename detection sees). */
function renamesOf(before: Record<string, string>, after: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, text] of Object.entries(before)) {
    if (p in after) continue;
    const to = Object.keys(after).find((q) => !(q in before) && after[q] === text && ![...out.values()].includes(q));
    if (to) out.set(p, to);
  }
  return out;
}

/** Each side's scope is the same whether the other side's was computed with the same memo first. */
function assertMemoIsInvisible(base: SourceFile[], head: SourceFile[]): void {
  const content = (files: SourceFile[]) => new Map(files.map((f) => [f.path, f.content as Buffer]));
  const [a, b] = [content(base), content(head)];
  const changed = (other: Map<string, Buffer>, self: Map<string, Buffer>): ChangedFile[] =>
    [...new Set([...other.keys(), ...self.keys()])].filter((p) => !(other.get(p) && self.get(p)?.equals(other.get(p)!))).map((p) => ({ path: p, before: other.get(p) }));
  const plain = (s: Scope) => ({ ...s, files: s.files.map((f) => f.path), focus: [...s.focus] });
  const memo = scopeMemo();
  const headShared = affectedScope(head, changed(a, b), memo);
  const baseShared = affectedScope(base, changed(b, a), memo);
  assert.deepEqual(plain(baseShared), plain(affectedScope(base, changed(b, a))));
  assert.deepEqual(plain(headShared), plain(affectedScope(head, changed(a, b))));
}

const asBytes = (files: SourceFile[]) => files.map((f) => ({ path: f.path, content: typeof f.content === 'string' ? Buffer.from(f.content) : (f.content as Buffer) }));

function compareDiffs(before: Record<string, string>, after: Record<string, string>, extra: { focus?: (f: string) => boolean; includeSensitive?: boolean } = {}): { scoped: boolean; accounts: number; reused: number } {
  const base = asBytes(sources(before));
  // A file unchanged between the revisions is the same bytes object on both sides, as readRevision
  // gives it (the scope computation then reads it once: core/check/affected.ts ScopeMemo).
  const baseBytes = new Map(base.map((f) => [f.path, f.content]));
  const head = asBytes(sources(after)).map((f) => {
    const same = baseBytes.get(f.path);
    return same && same.equals(f.content) ? { path: f.path, content: same } : f;
  });
  assertMemoIsInvisible(base, head);
  const options = { asOf: AS_OF, renames: renamesOf(before, after), ...extra };
  const full = checkAndDiff(base, head, { ...options, full: true });
  const scoped = checkAndDiff(base, head, options);
  const changed = Object.keys({ ...before, ...after }).filter((p) => before[p] !== after[p]);
  assert.equal(JSON.stringify(scoped.diff, null, 1), JSON.stringify(full.diff, null, 1), `changed: ${changed.join(', ')}`);
  // BASE takes HEAD's results of the files both hold (IncrementalChecker.reuseFileResults): the
  // same findings and documents as BASE checked on its own.
  const alone = checkWorkspace(base, { asOf: AS_OF, locale: full.head.locale });
  assert.equal(JSON.stringify(full.base.diagnostics), JSON.stringify(alone.diagnostics), `changed: ${changed.join(', ')}`);
  assert.deepEqual(full.base.documents.map((d) => d.data), alone.documents.map((d) => d.data));
  const headDocs = new Set(full.head.documents);
  const reused = full.base.documents.filter((d) => headDocs.has(d)).length;
  return { scoped: scoped.scoped, accounts: full.diff.accounts.length, reused };
}

describe('the scoped diff is the full diff (generated workspaces, random changes)', function () {
  this.timeout(600_000);

  it('over 1000 random changes of one to three edits, the same WorkspaceDiff; most of them scoped', () => {
    let scoped = 0;
    let scopedWithAccounts = 0;
    let reused = 0;
    const N = 1000;
    for (let seed = 1; seed <= N; seed++) {
      const { rnd, mutate } = diffGenerator(seed);
      let before = workspace();
      for (let k = rnd(3); k > 0; k--) before = mutate(before);
      let after = before;
      for (let k = 1 + rnd(3); k > 0; k--) after = mutate(after);
      const focus = rnd(8) === 0 ? (f: string) => f.startsWith('accounts/north/') : undefined;
      const r = compareDiffs(before, after, { focus, includeSensitive: rnd(4) === 0 });
      if (r.scoped) scoped++;
      if (r.scoped && r.accounts > 0) scopedWithAccounts++;
      if (r.reused > 0) reused++;
    }
    assert.ok(reused > N / 2, `BASE reused HEAD's file results in only ${reused} of ${N}`);
    // Not vacuous: most changes are diffed on their part of the workspace only, and show accounts.
    assert.ok(scoped > N / 2, `only ${scoped} of ${N} scoped`);
    assert.ok(scopedWithAccounts > N / 3, `only ${scopedWithAccounts} of ${N} scoped with changed accounts`);
    console.log(`      ${scoped} of ${N} scoped, ${scopedWithAccounts} of them with changed accounts`);
  });

  it('next to a document the check cannot read (broken YAML, not UTF-8), the same WorkspaceDiff', () => {
    let scoped = 0;
    for (const c of unreadableCases()) {
      try {
        if (compareDiffs(c.before, c.after).scoped) scoped++;
      } catch (err) {
        (err as Error).message = `${c.name}: ${(err as Error).message}`;
        throw err;
      }
    }
    assert.ok(scoped >= unreadableCases().length - 1, `only ${scoped} scoped`);
  });

  it('a change to keyplan.yaml diffs everything; a one-person change checks one account on each side', () => {
    const before = workspace();
    assert.equal(diffScope(asBytes(sources(before)), asBytes(sources({ ...before, 'keyplan.yaml': 'locale: en\ndark_after: 30\n' }))), undefined);
    const after = { ...before, 'accounts/east/people/li-east.md': before['accounts/east/people/li-east.md'].replace(/stance: \w+/, 'stance: opponent') };
    const scope = diffScope(asBytes(sources(before)), asBytes(sources(after)))!;
    assert.deepEqual([...scope.accounts], ['east']);
    assert.ok(scope.head.every((f) => f.path === 'keyplan.yaml' || f.path.startsWith('accounts/east/')), scope.head.map((f) => f.path).join(', '));
    assert.ok(compareDiffs(before, after).scoped);
  });

  it('BASE takes HEAD’s result of a file only for the same bytes, under the same keyplan.yaml bytes and in the same language', () => {
    const ws = new WorkspaceBuilder().account('acme').person('li', { roles: ['Gatekeeper'] }).set('accounts/acme/people/wang.md', '---\nkind: person\naccount: acme\nid: wang\nstanse: neutral\n---\n');
    const files = ws.sources();
    const checker = (sources: SourceFile[], locale?: 'en' | 'zh-cn') => {
      const c = new IncrementalChecker(locale, true);
      for (const f of sources) c.set(f);
      return c;
    };
    const findings = (r: CheckResult) => JSON.stringify(r.diagnostics.map((d) => [d.file, d.rule, d.message]));
    const alone = (sources: SourceFile[], locale?: 'en' | 'zh-cn') => findings(checkWorkspace(sources, { asOf: AS_OF, locale }));
    const reusing = (from: IncrementalChecker, sources: SourceFile[], locale?: 'en' | 'zh-cn') => {
      from.check(AS_OF);
      const c = checker(sources, locale);
      c.reuseFileResults(from);
      return findings(c.check(AS_OF));
    };
    // Another language: the messages are this checker's own.
    assert.equal(reusing(checker(files, 'zh-cn'), files, 'en'), alone(files, 'en'));
    assert.notEqual(alone(files, 'zh-cn'), alone(files, 'en'));
    // Other keyplan.yaml bytes: a buying role the configuration adds there is unknown here.
    const allowing = [...files, { path: 'keyplan.yaml', content: 'roles: [Gatekeeper]\n' }];
    assert.equal(reusing(checker(allowing), files), alone(files));
    assert.notEqual(alone(allowing), alone(files));
    // Other bytes of a file.
    const edited = files.map((f) => (f.path.endsWith('wang.md') ? { ...f, content: String(f.content).replace('stanse', 'stance') } : f));
    assert.equal(reusing(checker(edited), files), alone(files));
    assert.notEqual(alone(edited), alone(files));
  });
});
