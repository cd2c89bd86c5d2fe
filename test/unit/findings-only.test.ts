/**
 * `keyplan check` asks for findings only (checkWorkspace's `findingsOnly`): each account's logs are
 * read when its turn comes and let go after it. The findings, skipped and unreadable files must be
 * exactly those of a check that keeps every log, and the model must refuse to answer for
 * interactions it no longer holds rather than say there are none.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { checkWorkspace, type CheckResult, type SourceFile } from '../../src/core/check/pipeline.js';
import { loadWorkspaceFiles } from '../../src/disk/walk.js';
import { AS_OF, arbWorkspace, params, workspaceFiles } from './helpers/generators.js';
import { REPO_ROOT } from '../helpers.js';

const seen = (r: CheckResult) => ({
  diagnostics: r.diagnostics,
  skipped: r.skipped,
  unreadable: r.unreadable,
  documents: r.documents.map((d) => d.path),
});

/** The same files as the editor gives them: texts, which a document keeps (nothing to decode again). */
const asTexts = (files: SourceFile[]): SourceFile[] => files.map((f) => ({ path: f.path, content: typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content) }));

function same(files: SourceFile[], asOf = AS_OF): CheckResult {
  const lean = checkWorkspace(files, { asOf, findingsOnly: true });
  const full = checkWorkspace(files, { asOf });
  assert.deepEqual(seen(lean), seen(full));
  // Read from bytes, every document lets its text go once its own findings are placed and decodes it
  // again for the findings placed later: the same findings, at the same places, as from texts.
  if (files.some((f) => typeof f.content !== 'string')) assert.deepEqual(seen(full), seen(checkWorkspace(asTexts(files), { asOf })));
  return lean;
}

describe('check for findings only (logs read per account, then let go)', function () {
  this.timeout(120_000);

  it('gives the same findings as a full check on generated portfolios (mentions across accounts included)', () => {
    const arbPortfolio = fc.array(arbWorkspace, { minLength: 1, maxLength: 4 }).map((ws) => ws.map((w, i) => ({ ...w, account: { ...w.account, id: `${w.account.id}-a${i}` } })));
    fc.assert(
      fc.property(arbPortfolio, (portfolio) => {
        const files: SourceFile[] = [];
        for (const w of portfolio) for (const [p, content] of Object.entries(workspaceFiles(w))) files.push({ path: p, content });
        same(files);
      }),
      params(60),
    );
  });

  it('gives the same findings on the samples and on a generated 400-document workspace', async () => {
    same((await loadWorkspaceFiles(path.join(REPO_ROOT, 'samples'))).files);
    const { generate } = (await import('../../scripts/gen-workspace.mjs' as string)) as { generate: (dir: string, n: number, seed: number) => unknown };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-findings-only-'));
    try {
      generate(dir, 400, 3);
      const lean = same((await loadWorkspaceFiles(dir)).files);
      assert.ok(lean.diagnostics.some((d) => d.rule === 'log-entry-malformed' || d.rule === 'unknown-reference'), 'the workspace has log findings to compare');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the model refuses to give an account’s interactions once its logs are let go', () => {
    const files = [
      { path: 'accounts/acme/account.md', content: '---\nkind: account\nid: acme\nname: Acme\ntier: B\nowner: li\n---\n' },
      { path: 'accounts/acme/people/eb.md', content: '---\nkind: person\nid: eb\naccount: acme\nname: EB\n---\n' },
      { path: 'accounts/acme/log.md', content: '---\nkind: interaction-log\naccount: acme\n---\n\n- 2026-11-01 meeting @eb: kick-off\n' },
    ];
    const full = checkWorkspace(files, { asOf: AS_OF });
    assert.equal(full.workspace.accounts.get('acme')!.interactions.length, 1);
    const lean = checkWorkspace(files, { asOf: AS_OF, findingsOnly: true });
    assert.throws(() => lean.workspace.accounts.get('acme')!.interactions, /interactions of account acme are let go/);
    assert.throws(() => lean.cadences, /cadences of a check for findings only are not kept/);
    assert.throws(() => lean.activity, /activity of a check for findings only are not kept/);
    assert.equal(full.cadences[0].last?.date, '2026-11-01');
  });

  it('a document read from bytes lets its text go and decodes the same text again; bytes changed in place are refused', () => {
    const text = '---\nkind: person\nid: eb\naccount: acme\nname: 王 EB\nstance: suportive\n---\n';
    const bytes = new TextEncoder().encode(text);
    const result = checkWorkspace([{ path: 'accounts/acme/people/eb.md', content: bytes }], { asOf: AS_OF });
    const doc = result.documents[0];
    assert.ok(result.diagnostics.some((d) => d.rule === 'schema' && d.range.start.line === 6), 'its own finding was placed from the text');
    assert.equal(doc.text, text, 'decoded again, the same text');
    assert.deepEqual(doc.locate(['name']), { start: { line: 5, column: 7 }, end: { line: 5, column: 11 } });
    doc.releaseText();
    // A caller changes the bytes it handed over: `acm` (3 bytes, 3 characters) becomes `王` (3 bytes, 1 character).
    bytes.set(new TextEncoder().encode('王'), bytes.indexOf(0x61 /* a */, text.indexOf('account: ') + 9));
    assert.throws(() => doc.text, /bytes changed after it was checked/);
  });
});
