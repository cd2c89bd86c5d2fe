/**
 * Indexing the workspace (issue #15): while the files are read and first checked, the portfolio
 * view shows VS Code's progress bar, the tree says what it is reading (never the "no documents"
 * welcome or an empty tree), the status bar says it is indexing (never "0 overdue"); while the first
 * check runs, the accounts of the plans are listed under "Checking…"; then the tree fills.
 * Observed through the index's own events, in order: no timers.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { keyplan, workspaceFolder } from './helpers.js';

interface Seen {
  phase: string | undefined;
  done?: number;
  total?: number;
  progressOn: string | undefined;
  status: string | undefined;
  tree: string[];
  /** The tree's groups and accounts, as `snapshot()` gives them. */
  groups: { group: string; accounts: string[] }[];
  hasResult: boolean;
}

/** The Markdown files of the opened workspace (what indexing must read). */
function markdownFiles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    if (entry.isDirectory()) n += markdownFiles(path.join(dir, entry.name));
    else if (entry.isFile() && entry.name.endsWith('.md')) n++;
  }
  return n;
}

describe('Indexing', () => {
  it('shows progress on the portfolio view and what it is reading, then fills the tree', async () => {
    const api = await keyplan();
    const index = api.index!;
    const tree = api.portfolio!;
    const filled = tree.snapshot();
    const statusBefore = api.statusText;
    assert.ok(filled.length > 0 && filled.every((g) => g.accounts.length > 0), 'the tree is filled before re-indexing');
    assert.match(statusBefore ?? '', /overdue/);
    assert.equal(index.indexing, undefined, 'no indexing runs before the test starts one');

    const seen: Seen[] = [];
    // Subscribed after the views (activation), so each entry shows what they show for that state.
    const subscription = index.onDidChangeIndexing((state) => {
      seen.push({
        phase: state?.phase,
        done: state?.phase === 'reading' ? state.done : undefined,
        total: state && state.phase !== 'finding' ? state.total : undefined,
        progressOn: index.progressShownOn,
        status: api.statusText,
        tree: tree.getChildren().map((node) => String(tree.getTreeItem(node).label)),
        groups: tree.snapshot().map((g) => ({ group: g.group, accounts: g.accounts.map((a) => a.id) })),
        hasResult: Boolean(index.result),
      });
    });
    try {
      await index.reindex();
    } finally {
      subscription.dispose();
    }

    const during = seen.slice(0, -1);
    const phases = during.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
    assert.deepEqual(phases, ['finding', 'reading', 'checking'], 'finding the files, reading them, the first check, in that order');
    const total = markdownFiles(workspaceFolder().uri.fsPath);
    const reading = during.filter((s) => s.phase === 'reading');
    assert.equal(reading[0]!.done, 0);
    assert.equal(reading.at(-1)!.done, total, `every Markdown file read (${total})`);
    assert.ok(reading.every((s) => s.total === total));
    const byAccount = filled.map((g) => ({ group: g.group, accounts: g.accounts.map((a) => a.id) }));
    for (const s of during) {
      assert.equal(s.hasResult, false, `${s.phase}: no result before the first check`);
      assert.match(s.tree[0]!, /^(Looking for Keyplan files…|Reading \d+ of \d+ files…|Checking \d+ files…)$/, `${s.phase}: the first row says what is being read, not an empty tree (${JSON.stringify(s.tree)})`);
      if (s.phase === 'checking') {
        // While the check runs, the accounts their plans declare are listed below, grouped as the
        // checked tree groups them: the check only adds their counts and people.
        assert.deepEqual(s.groups, byAccount, 'checking: the accounts of the plans, as the checked tree lists them');
        assert.deepEqual(s.tree.slice(1), filled.map((g) => g.group));
      } else assert.equal(s.tree.length, 1, `${s.phase}: one row and nothing else (${JSON.stringify(s.tree)})`);
      assert.match(s.status ?? '', /^\$\(sync~spin\) /, `${s.phase}: the status bar says it is indexing, not a count (${s.status})`);
      assert.doesNotMatch(s.status ?? '', /overdue/);
    }
    assert.equal(during.find((s) => s.phase === 'reading' && s.done === total)!.tree[0], `Reading ${total} of ${total} files…`);
    assert.equal(during.find((s) => s.phase === 'checking')!.tree[0], `Checking ${total} files…`);
    // withProgress runs the reading and the check: VS Code shows its progress bar on the portfolio view meanwhile.
    for (const s of during.filter((x) => x.phase !== 'finding')) assert.equal(s.progressOn, 'keyplan.portfolio', `${s.phase}: progress shown on the portfolio view`);

    const last = seen.at(-1)!;
    assert.equal(last.phase, undefined, 'indexing ends');
    assert.equal(last.progressOn, undefined, 'the progress bar is gone');
    assert.ok(last.hasResult);
    assert.deepEqual(tree.snapshot(), filled, 'the tree fills with the same accounts as before');
    assert.equal(api.statusText, statusBefore, 'the status bar shows the count again');
  });

  it('checks a change that came after the first check had read the files, once indexing ends', async () => {
    const api = await keyplan();
    const index = api.index!;
    const file = 'accounts/east-china-telecom/people/li-ming.md';
    const text = fs.readFileSync(path.join(workspaceFolder().uri.fsPath, file), 'utf8');
    const edited = text.replace(/^stance: \w+$/m, 'stance: champio');
    assert.notEqual(edited, text);
    // White-box on purpose: the buffer's text lands in the checker right after the first check (as
    // an edit does while the findings are sent), the way `fromBuffer` puts it there.
    const internals = index as unknown as { checker: { set(f: { path: string; content: string }): void }; schedule(): void };
    let landed = false;
    const subscription = index.onDidUpdate(() => {
      if (landed) return;
      landed = true;
      internals.checker.set({ path: file, content: edited });
      internals.schedule();
    });
    try {
      await index.reindex();
    } finally {
      subscription.dispose();
    }
    assert.ok(landed, 'the change came while indexing');
    const result = await index.whenIdle();
    assert.ok(result?.diagnostics.some((d) => d.file === file && /champio/.test(d.message)), 'the change is checked without another edit');
    // Back to the file on disk.
    internals.checker.set({ path: file, content: text });
    internals.schedule();
    const back = await index.whenIdle();
    assert.ok(!back?.diagnostics.some((d) => d.file === file && /champio/.test(d.message)));
  });
});
