/**
 * The scoped diff (src/core/diff/scoped.ts: only the accounts a change touches are checked and
 * compared) against the full one (everything checked and compared, as before #15), in memory over
 * generated workspaces and random pull-request-like changes: the WorkspaceDiff must be the same,
 * byte for byte as JSON. The CLI's side (real git repositories, `keyplan diff` text and JSON) is in
 * diff-scoped-git.test.ts.
 */
import assert from 'node:assert/strict';
import type { SourceFile } from '../../src/core/check/pipeline.js';
import { affectedScope, scopeMemo, type ChangedFile, type Scope } from '../../src/core/check/affected.js';
import { checkAndDiff, diffScope } from '../../src/core/diff/scoped.js';
import { sources, workspace, AS_OF } from './helpers/changed-since-gen.js';
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

const asBytes = (files: SourceFile[]) => files.map((f) => ({ path: f.path, content: Buffer.from(f.content as string) }));

function compareDiffs(before: Record<string, string>, after: Record<string, string>, extra: { focus?: (f: string) => boolean; includeSensitive?: boolean } = {}): { scoped: boolean; accounts: number } {
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
  return { scoped: scoped.scoped, accounts: full.diff.accounts.length };
}

describe('the scoped diff is the full diff (generated workspaces, random changes)', function () {
  this.timeout(600_000);

  it('over 1000 random changes of one to three edits, the same WorkspaceDiff; most of them scoped', () => {
    let scoped = 0;
    let scopedWithAccounts = 0;
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
    }
    // Not vacuous: most changes are diffed on their part of the workspace only, and show accounts.
    assert.ok(scoped > N / 2, `only ${scoped} of ${N} scoped`);
    assert.ok(scopedWithAccounts > N / 3, `only ${scopedWithAccounts} of ${N} scoped with changed accounts`);
    console.log(`      ${scoped} of ${N} scoped, ${scopedWithAccounts} of them with changed accounts`);
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
});
