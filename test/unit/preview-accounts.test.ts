/**
 * The portfolio's rows before the first check (`IncrementalChecker.previewAccounts`): the accounts
 * the account plans declare, read from the plans alone. They must be exactly the accounts, names,
 * tiers, owners and order the check's report then gives, so that the tree only gains its counts
 * when the check is done; and the plans read for them must not be read again by the check.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { IncrementalChecker, type SourceFile } from '../../src/core/check/pipeline.js';
import { buildReport } from '../../src/core/report/report.js';
import { loadWorkspaceFiles } from '../../src/disk/walk.js';
import { AS_OF, arbWorkspace, params, workspaceFiles } from './helpers/generators.js';
import { REPO_ROOT } from '../helpers.js';

/** The preview, then the check's accounts reduced to the same fields. */
function both(files: SourceFile[]) {
  const checker = new IncrementalChecker('en');
  for (const f of files) checker.set(f);
  const preview = checker.previewAccounts();
  const report = buildReport(checker.check(AS_OF)).accounts.map(({ id, name, file, tier, owner }) => ({ id, name, file, tier, owner }));
  return { preview, report };
}

function same(files: SourceFile[]): number {
  const { preview, report } = both(files);
  assert.deepEqual(preview, report);
  return preview.length;
}

const plan = (id: string, extra = '') => `---\nkind: account\nid: ${id}\nname: ${id.toUpperCase()}\ntier: A\nowner: wang\n${extra}---\n`;
const person = (id: string, account: string) => `---\nkind: person\nid: ${id}\naccount: ${account}\nname: P ${id}\n---\n`;

describe('the portfolio before the first check (previewAccounts)', function () {
  this.timeout(120_000);

  it('lists the accounts the check then lists, on generated portfolios', () => {
    const arbPortfolio = fc.array(arbWorkspace, { minLength: 1, maxLength: 4 }).map((ws) => ws.map((w, i) => ({ ...w, account: { ...w.account, id: `${w.account.id}-a${i}` } })));
    fc.assert(
      fc.property(arbPortfolio, (portfolio) => {
        const files: SourceFile[] = [];
        for (const w of portfolio) for (const [p, content] of Object.entries(workspaceFiles(w))) files.push({ path: p, content });
        assert.equal(same(files), portfolio.length);
      }),
      params(60),
    );
  });

  it('lists the accounts the check then lists, on the samples and a generated 1,000-document workspace', async () => {
    assert.ok(same((await loadWorkspaceFiles(path.join(REPO_ROOT, 'samples'))).files) > 0);
    const { generate } = (await import('../../scripts/gen-workspace.mjs' as string)) as { generate: (dir: string, n: number, seed: number) => unknown };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-preview-'));
    try {
      generate(dir, 1000, 5);
      assert.ok(same((await loadWorkspaceFiles(dir)).files) > 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees on plans written every way a quick look has to see through', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const files: SourceFile[] = [
      { path: 'a/account.md', content: bytes(plan('acme')) },
      // A byte order mark, CRLF line ends, a quoted key and value, a comment after the kind.
      { path: 'b/account.md', content: bytes(`\uFEFF${plan('bom')}`) },
      { path: 'c/account.md', content: bytes(plan('crlf').replace(/\n/g, '\r\n')) },
      { path: 'd/account.md', content: bytes('---\n"kind": "account" # the plan\nid: quoted\nname: 引号公司\ntier: B\n---\n') },
      // One flow mapping; a kind only YAML can read (an escape), which the check does not take for a
      // document either.
      { path: 'e/account.md', content: bytes('---\n{kind: account, id: flow, name: Flow, tier: C}\n---\n') },
      { path: 'f/account.md', content: bytes('---\nkind: "\\x61ccount"\nid: escaped\nname: Escaped\n---\n') },
      // Two plans declaring one id (the first is used), a plan with no name and an unknown tier, a
      // plan with a YAML error (not listed by either), a typo'd kind (not a plan).
      { path: 'g/account.md', content: bytes(plan('acme', 'note: second plan of acme\n')) },
      { path: 'h/account.md', content: bytes('---\nkind: account\nid: bare\ntier: Z\n---\n') },
      { path: 'i/account.md', content: bytes('---\nkind: account\nid: broken\nname: [unclosed\n---\n') },
      { path: 'j/account.md', content: bytes('---\nkind: acount\nid: typo\n---\n') },
      // Flow mappings whose nested `kind` comes before the top-level one (a JSON plan's objectives).
      { path: 'l/account.md', content: bytes('---\n{summary: {kind: person}, kind: account, id: flow-nested, name: Flow Nested, tier: B}\n---\n') },
      { path: 'm/account.md', content: bytes('---\n{"objectives": [{"id": "o1", "kind": "retention", "statement": "Keep"}], "kind": "account", "id": "json-plan", "name": "JSON", "tier": "A"}\n---\n') },
      // A string (an editor's buffer), and people of an account that has no plan.
      { path: 'k/account.md', content: plan('buffer') },
      { path: 'a/people/li.md', content: bytes(person('li', 'acme')) },
      { path: 'z/people/zhou.md', content: bytes(person('zhou', 'no-plan')) },
      { path: 'README.md', content: bytes('# Not a document\n') },
    ];
    const { preview } = both(files);
    assert.deepEqual(preview.map((a) => a.id).sort(), ['acme', 'bare', 'bom', 'buffer', 'crlf', 'flow', 'flow-nested', 'json-plan', 'quoted']);
    assert.equal(preview.find((a) => a.id === 'acme')!.file, 'a/account.md');
    assert.equal(same(files), 9);
  });

  it('reads only what may be an account plan, and the check does not read those again', () => {
    const files: SourceFile[] = [{ path: 'a/account.md', content: plan('acme') }];
    for (let i = 0; i < 20; i++) files.push({ path: `a/people/p${i}.md`, content: person(`p${i}`, 'acme') });
    const checker = new IncrementalChecker('en');
    for (const f of files) checker.set(f);
    const entries = (checker as unknown as { files: Map<string, { outcome?: unknown }> }).files;
    assert.equal(checker.previewAccounts().length, 1);
    assert.deepEqual([...entries].filter(([, e]) => e.outcome).map(([p]) => p), ['a/account.md'], 'the people are not read for the preview');
    const planOutcome = entries.get('a/account.md')!.outcome;
    checker.check(AS_OF);
    assert.equal(entries.get('a/account.md')!.outcome, planOutcome, 'the check kept the plan as the preview read it');
  });
});
