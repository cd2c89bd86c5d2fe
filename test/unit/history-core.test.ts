import assert from 'node:assert/strict';
import { accountHistory, type AccountHistory, type HistoryChange, type HistoryRevision } from '../../src/core/history/history.js';
import { baseWorkspace, changed, edit, sources } from './helpers/diff-fixtures.js';

const rev = (id: string, date: string, files: Record<string, string>, extra: Partial<HistoryRevision> = {}): HistoryRevision => ({
  id, date, author: 'Li Na', subject: `commit ${id}`, files: sources(files), ...extra,
});

const changesOf = (h: AccountHistory, id: string, field?: string): (HistoryChange & { date: string; rev: string })[] =>
  h.changes.filter((c) => c.id === id && (!field || c.field === field)).map((c) => ({ ...c, date: h.revisions[c.revision].date, rev: h.revisions[c.revision].id }));

describe('history core: an account over many revisions', () => {
  const v1 = baseWorkspace();
  const v2 = edit(v1, 'accounts/acme/people/zhang-wei.md', 'stance: neutral', 'stance: supporter');
  const v3 = edit(v2, 'accounts/globex/people/zhou-yang.md', 'stance: supporter', 'stance: neutral'); // another account only
  const v4 = edit(edit(v3, 'accounts/acme/people/zhang-wei.md', 'stance: supporter', 'stance: champion'), 'accounts/acme/people/zhang-wei.md', 'needs: 希望年底前升职', 'needs: 想调去总部');
  const v5 = changed(edit(v4, 'accounts/acme/account.md', 'tier: A', 'tier: B'), {
    'accounts/acme/people/wang-fang.md': null,
    'accounts/acme/people/moved/wang-fang.md': edit(v4, 'accounts/acme/people/wang-fang.md', 'stance: opponent', 'stance: opponent\nstatus: left')['accounts/acme/people/wang-fang.md'],
  });
  const revisions = [rev('r1', '2026-09-01', v1), rev('r2', '2026-10-12', v2), rev('r3', '2026-10-20', v3), rev('r4', '2026-11-02', v4), rev('r5', '2026-11-15', v5)];

  it('records each stance move with its revision, and skips revisions that do not touch the account', () => {
    const h = accountHistory(revisions, { account: 'acme' });
    const stance = changesOf(h, 'zhang-wei', 'stance');
    assert.deepEqual(stance.map((c) => [c.rev, c.date, c.from, c.to, c.direction]), [
      ['r2', '2026-10-12', 'neutral', 'supporter', 'improved'],
      ['r4', '2026-11-02', 'supporter', 'champion', 'improved'],
    ]);
    assert.ok(!h.revisions.some((r) => r.id === 'r3'), 'r3 touched only globex');
    assert.equal(h.stats.checked, 4);
    const t = h.trajectories.find((x) => x.id === 'zhang-wei')!;
    assert.deepEqual(t.points.map((p) => p.stance), ['neutral', 'supporter', 'champion']);
  });

  it('reports a sensitive change as personal notes only, never the text', () => {
    const h = accountHistory(revisions, { account: 'acme' });
    const notes = changesOf(h, 'zhang-wei', 'personal-notes');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].rev, 'r4');
    assert.ok(!JSON.stringify(h).includes('总部'), 'the new needs text never appears');
    assert.ok(!JSON.stringify(h).includes('升职'), 'the old needs text never appears');
  });

  it('keeps identity across a moved file, and sees a person leave and a tier change', () => {
    const h = accountHistory(revisions, { account: 'acme' });
    const wang = changesOf(h, 'wang-fang');
    assert.deepEqual(wang.filter((c) => c.change !== 'added').map((c) => [c.rev, c.field, c.from, c.to]), [['r5', 'status', 'active', 'left']]);
    assert.deepEqual(changesOf(h, 'acme', 'tier').map((c) => [c.rev, c.from, c.to]), [['r5', 'A', 'B']]);
  });

  it('computes temperature and cadence at each revision’s own date', () => {
    // The same files at a later date: the interactions are older, the temperature falls.
    const later = [rev('r1', '2026-11-12', v1), rev('r2', '2027-03-01', edit(v1, 'accounts/acme/people/sun-li.md', 'title: VP', 'title: SVP'))];
    const h = accountHistory(later, { account: 'acme' });
    const temps = changesOf(h, 'sun-li', 'temperature');
    assert.equal(temps.length, 1, JSON.stringify(h.changes));
    assert.equal(temps[0].direction, 'worsened');
    assert.ok(changesOf(h, 'sun-li', 'cadence').length >= 1);
  });

  it('a baseline (--since) sets the starting state without reporting it', () => {
    const h = accountHistory(revisions.map((r, i) => (i < 2 ? { ...r, baseline: true } : r)), { account: 'acme' });
    assert.equal(h.revisions[0].id, 'r2');
    assert.deepEqual(changesOf(h, 'zhang-wei', 'stance').map((c) => [c.from, c.to]), [['supporter', 'champion']]);
    assert.ok(!h.changes.some((c) => c.change === 'added'));
  });

  it('filters to one person', () => {
    const h = accountHistory(revisions, { account: 'acme', person: 'zhang-wei' });
    assert.ok(h.changes.length > 0 && h.changes.every((c) => c.id === 'zhang-wei'));
    assert.deepEqual(h.trajectories.map((t) => t.id), ['zhang-wei']);
  });

  it('accepts changes instead of whole file sets (renames keep identity)', () => {
    const asChanges: HistoryRevision[] = [
      { id: 'r1', date: '2026-09-01', author: 'a', subject: 's', changes: sources(v1) },
      { id: 'r2', date: '2026-09-08', author: 'a', subject: 'git mv', changes: [{ from: 'accounts/acme/people/sun-li.md', path: 'accounts/acme/people/vip/sun-li.md', content: v1['accounts/acme/people/sun-li.md'] }] },
      { id: 'r3', date: '2026-09-15', author: 'a', subject: 'stance', changes: [{ path: 'accounts/acme/people/vip/sun-li.md', content: v1['accounts/acme/people/sun-li.md'].replace('stance: supporter', 'stance: champion') }] },
    ];
    const h = accountHistory(asChanges, { account: 'acme' });
    assert.deepEqual(changesOf(h, 'sun-li').filter((c) => c.change !== 'added').map((c) => [c.rev, c.field, c.from, c.to]), [['r3', 'stance', 'supporter', 'champion']]);
  });
});

describe('history core: the scoped check agrees with a full check', function () {
  this.timeout(120_000);
  it('with documents of other accounts that touch this one: a duplicate id, a contact filed elsewhere', async () => {
    const { checkWorkspace } = await import('../../src/core/check/pipeline.js');
    const { snapshotOf } = await import('../../src/core/history/snapshot.js');
    const { personDoc } = await import('./helpers/diff-fixtures.js');
    const v1 = baseWorkspace();
    const v2 = changed(v1, {
      // Globex files a person with acme's EB's id: a duplicate, which changes who acme can see.
      'accounts/globex/people/sun-li.md': personDoc({ id: 'sun-li', account: 'globex', name: '孙立 (Globex)', roles: ['UB'], influence: 2, stance: 'opponent' }),
    });
    const v3 = edit(v2, 'accounts/globex/people/sun-li.md', 'stance: opponent', 'stance: neutral');
    const revisions = [rev('r1', '2026-09-01', v1), rev('r2', '2026-10-01', v2), rev('r3', '2026-11-01', v3)];
    for (const account of ['acme', 'globex']) {
      const h = accountHistory(revisions, { account });
      const expected = snapshotOf(checkWorkspace(sources(v3), { asOf: '2026-11-01' }), account);
      assert.deepEqual(h.end?.account, expected.account, `${account}: account state`);
      assert.deepEqual(h.end?.people, [...expected.people.values()], `${account}: people`);
    }
  });

  it('every account’s state at the last revision equals the state a full check of the whole workspace gives', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { generate } = await import('../../scripts/gen-workspace.mjs' as string) as { generate: (dir: string, n: number, seed: number) => unknown };
    const { editDocument, listMarkdown } = await import('../../bench/workloads.mjs' as string) as { editDocument: (t: string, i: number) => string; listMarkdown: (d: string) => string[] };
    const { readFileSync } = await import('node:fs');
    const { checkWorkspace } = await import('../../src/core/check/pipeline.js');
    const { snapshotOf } = await import('../../src/core/history/snapshot.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-history-diff-'));
    try {
      generate(dir, 300, 7);
      const files: Record<string, string> = { 'keyplan.yaml': readFileSync(path.join(dir, 'keyplan.yaml'), 'utf8') };
      for (const rel of listMarkdown(dir)) files[rel] = readFileSync(path.join(dir, rel), 'utf8');
      const docs = Object.keys(files).filter((p) => p !== 'keyplan.yaml');
      const revisions: HistoryRevision[] = [rev('w0', '2026-06-01', files)];
      let current = files;
      for (let week = 1; week <= 4; week++) {
        current = { ...current };
        docs.forEach((p, i) => { if (i % 9 === week) current[p] = editDocument(current[p], week + i); });
        revisions.push(rev(`w${week}`, `2026-06-${String(1 + week * 7).padStart(2, '0')}`, current));
      }
      const full = checkWorkspace(sources(current), { asOf: revisions.at(-1)!.date });
      const accounts = [...full.workspace.accounts.keys()];
      assert.ok(accounts.length >= 10, `${accounts.length} accounts`);
      for (const account of accounts) {
        const h = accountHistory(revisions, { account });
        const expected = snapshotOf(full, account);
        assert.deepEqual(h.end?.account, expected.account, `${account}: account state`);
        assert.deepEqual(h.end?.people, [...expected.people.values()], `${account}: people`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
