import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import { languageModel, type LanguageModel } from '../../src/core/language/model.js';
import { definitionOf, referencesTo, renameEdits, symbolAt, type Location, type TextEdit } from '../../src/core/language/references.js';
import { applyFileEdits, checkFiles, cursor, doc, offsetOf, rangeOffsets, sampleTexts, type Files } from './helpers/language.js';

/** An in-memory workspace where zhang-wei is referenced in every way a person can be. */
const FILES: Files = {
  'accounts/acme/account.md': doc(['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na']),
  'accounts/acme/people/zhang-wei.md': doc(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'roles: [EB]']),
  'accounts/acme/people/wang-fang.md': doc(['kind: person', 'id: wang-fang', 'account: acme', 'name: 王芳', 'reports_to: zhang-wei', 'influences: [li-ming, zhang-wei]']),
  'accounts/acme/people/li-ming.md': doc(['kind: person', 'id: li-ming', 'account: acme', 'name: 李明', 'reports_to: wang-fang', 'influences:', '  - wang-fang', '  - zhang-wei']),
  'accounts/acme/org-portrait.md': doc(['kind: org-portrait', 'account: acme', 'procurement:', '  approval_threshold:', '    amount: 100', '    currency: CNY', '    approver: zhang-wei']),
  'accounts/acme/relationship-plan-2026.md': doc(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:', '  - person: wang-fang', '  - person: zhang-wei', '    layer: key']),
  'accounts/acme/interactions-2026.md': doc(
    ['kind: interaction-log', 'account: acme'],
    '\n# 2026\n\n- 2026-11-02 meeting @zhang-wei @wang-fang: TCO review with zhang-wei\n- 2026-11-05 wechat @wang-fang：asked @zhang-wei to review\n- 下周安排拜访 @zhang-wei\n',
  ),
};

const key = (l: Location) => `${l.file}:${l.range.start.line}:${l.range.start.column}`;
const textAt = (files: Files, l: Location) => {
  const [s, e] = rangeOffsets(files[l.file], l.range);
  return files[l.file].slice(s, e);
};

/**
 * Checks that `after` differs from `before` only inside the edited ranges: the text outside the
 * ranges, in order, is byte for byte the same.
 */
function assertOnlyEditedRanges(before: string, after: string, edits: TextEdit[]): void {
  const spans = edits.map((e) => rangeOffsets(before, e.range)).sort((a, b) => a[0] - b[0]);
  let from = 0;
  let at = 0;
  const sorted = edits.map((e) => ({ span: rangeOffsets(before, e.range), newText: e.newText })).sort((a, b) => a.span[0] - b.span[0]);
  for (const { span, newText } of sorted) {
    const kept = before.slice(from, span[0]);
    assert.equal(after.slice(at, at + kept.length), kept, 'unchanged text before an edit');
    at += kept.length;
    assert.equal(after.slice(at, at + newText.length), newText);
    at += newText.length;
    from = span[1];
  }
  assert.equal(after.slice(at), before.slice(from), 'unchanged text after the last edit');
  assert.equal(spans.length, edits.length);
}

describe('language: references, definition and rename', () => {
  let result: CheckResult;
  let model: LanguageModel;
  before(() => {
    result = checkFiles(FILES);
    model = languageModel(result);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.rule}`), []);
  });

  describe('symbolAt', () => {
    const at = (file: string, needle: string, delta: number, n = 0) => {
      const text = FILES[file];
      const s = symbolAt(text, offsetOf(text, needle, delta, n), model);
      return s && { kind: s.kind, id: s.id, text: text.slice(s.start, s.end) };
    };

    it('a person\'s own id, reports_to, flow and block influences items', () => {
      assert.deepEqual(at('accounts/acme/people/zhang-wei.md', 'id: zhang-wei', 6), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' });
      assert.deepEqual(at('accounts/acme/people/wang-fang.md', 'reports_to: zhang-wei', 14), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' });
      assert.deepEqual(at('accounts/acme/people/wang-fang.md', 'li-ming, zhang', 9), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' });
      assert.deepEqual(at('accounts/acme/people/wang-fang.md', '[li-ming', 2), { kind: 'person', id: 'li-ming', text: 'li-ming' });
      assert.deepEqual(at('accounts/acme/people/li-ming.md', '  - zhang-wei', 6), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' }, 'an item of a block list');
    });

    it('an approver, a contact person, and the account of a document', () => {
      assert.deepEqual(at('accounts/acme/org-portrait.md', 'approver: zhang', 12), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' });
      assert.deepEqual(at('accounts/acme/relationship-plan-2026.md', 'person: zhang', 10), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' });
      assert.deepEqual(at('accounts/acme/relationship-plan-2026.md', 'account: acme', 10), { kind: 'account', id: 'acme', text: 'acme' });
      assert.deepEqual(at('accounts/acme/account.md', 'id: acme', 5), { kind: 'account', id: 'acme', text: 'acme' });
    });

    it('an @mention, before and in the summary; the range excludes the `@`', () => {
      assert.deepEqual(at('accounts/acme/interactions-2026.md', '@zhang-wei', 1), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' });
      assert.deepEqual(at('accounts/acme/interactions-2026.md', '@zhang-wei', 10, 1), { kind: 'person', id: 'zhang-wei', text: 'zhang-wei' }, 'at the end of the id');
      assert.equal(at('accounts/acme/interactions-2026.md', '@zhang-wei', 0), undefined, 'on the `@` itself');
    });

    it('not: a word without `@` in the body, keys, free text, user ids, unknown mentions', () => {
      assert.equal(at('accounts/acme/interactions-2026.md', 'with zhang-wei', 7), undefined);
      assert.equal(at('accounts/acme/people/wang-fang.md', 'reports_to', 2), undefined);
      assert.equal(at('accounts/acme/account.md', 'owner: li-na', 8), undefined, 'owner is a user id, not a document');
      assert.equal(at('accounts/acme/people/li-ming.md', 'influences:', 3), undefined);
      const log = doc(['kind: interaction-log', 'account: acme'], '- 2026-11-02 visit @nobody: x\n');
      assert.equal(symbolAt(log, offsetOf(log, '@nobody', 3), model), undefined);
    });

    it('the id of an org-portrait or relationship plan is not a person or account', () => {
      const plan = doc(['kind: relationship-plan', 'id: acme-2026', 'account: acme']);
      assert.equal(symbolAt(plan, offsetOf(plan, 'acme-2026', 2), model), undefined);
    });

    it('works while typing, before the document is in the model', () => {
      const { text, offset } = cursor(doc(['kind: person', 'id: new-one', 'account: acme', 'reports_to: zhang-w|ei']));
      assert.equal(symbolAt(text, offset, model)?.id, 'zhang-wei');
    });
  });

  describe('definitionOf', () => {
    it('points at the `id:` value of the person file', () => {
      const def = definitionOf(result.workspace, 'person', 'zhang-wei')!;
      assert.equal(def.file, 'accounts/acme/people/zhang-wei.md');
      assert.deepEqual(def.range, { start: { line: 3, column: 5 }, end: { line: 3, column: 14 } });
      assert.equal(textAt(FILES, def), 'zhang-wei');
    });

    it('an account points at the account plan\'s id; an unknown id has none', () => {
      const def = definitionOf(result.workspace, 'account', 'acme')!;
      assert.equal(def.file, 'accounts/acme/account.md');
      assert.equal(textAt(FILES, def), 'acme');
      assert.equal(definitionOf(result.workspace, 'person', 'nobody'), undefined);
    });
  });

  describe('referencesTo', () => {
    it('a person: reports_to, influences items (flow and block), contacts, approver and @mentions', () => {
      const refs = referencesTo(result.workspace, 'person', 'zhang-wei');
      assert.deepEqual(refs.map(key).sort(), [
        'accounts/acme/interactions-2026.md:8:23',
        'accounts/acme/interactions-2026.md:9:39',
        'accounts/acme/org-portrait.md:8:15',
        'accounts/acme/people/li-ming.md:9:5',
        'accounts/acme/people/wang-fang.md:6:13',
        'accounts/acme/people/wang-fang.md:7:23',
        'accounts/acme/people/zhang-wei.md:3:5',
        'accounts/acme/relationship-plan-2026.md:7:13',
      ]);
      for (const r of refs) assert.equal(textAt(FILES, r), 'zhang-wei', key(r));
      for (const r of refs.filter((x) => x.file.endsWith('interactions-2026.md'))) {
        const [s] = rangeOffsets(FILES[r.file], r.range);
        assert.equal(FILES[r.file][s - 1], '@', 'a mention range starts after the `@`');
      }
      assert.equal(key(refs[0]), 'accounts/acme/people/zhang-wei.md:3:5', 'the declaration first');
    });

    it('without the declaration', () => {
      const refs = referencesTo(result.workspace, 'person', 'zhang-wei', false);
      assert.equal(refs.length, 7);
      assert.ok(!refs.some((r) => r.file === 'accounts/acme/people/zhang-wei.md'));
    });

    it('an account: every document\'s `account:`', () => {
      const refs = referencesTo(result.workspace, 'account', 'acme');
      assert.equal(refs.length, 1 + 6);
      for (const r of refs) assert.equal(textAt(FILES, r), 'acme');
    });
  });

  describe('renameEdits', () => {
    it('renames a person everywhere, and the file named after them; nothing else changes', () => {
      const rename = renameEdits(result.workspace, 'person', 'zhang-wei', 'zhang-wei-acme');
      assert.ok(rename.ok);
      if (!rename.ok) return;
      assert.equal(rename.edits.length, 8);
      assert.ok(rename.edits.every((e) => e.newText === 'zhang-wei-acme'));
      assert.deepEqual(rename.fileRename, { from: 'accounts/acme/people/zhang-wei.md', to: 'accounts/acme/people/zhang-wei-acme.md' });

      const edited = applyFileEdits(FILES, rename.edits);
      for (const file of Object.keys(FILES)) assertOnlyEditedRanges(FILES[file], edited[file], rename.edits.filter((e) => e.file === file));
      assert.match(edited['accounts/acme/interactions-2026.md'], /TCO review with zhang-wei\n/, 'prose without `@` is left alone');

      const { [rename.fileRename!.from]: moved, ...rest } = edited;
      const after = checkFiles({ ...rest, [rename.fileRename!.to]: moved });
      assert.deepEqual(after.diagnostics.filter((d) => d.rule === 'unknown-reference'), []);
      assert.deepEqual(after.diagnostics.filter((d) => d.severity === 'error'), []);
      const person = after.workspace.people.get('zhang-wei-acme');
      assert.ok(person);
      assert.equal(after.workspace.people.has('zhang-wei'), false);
      assert.equal(after.workspace.accounts.get('acme')!.interactions.filter((i) => i.people.includes('zhang-wei-acme')).length, 2);
    });

    it('no file rename when the file is not named after the id', () => {
      const files = { ...FILES };
      files['accounts/acme/people/zw.md'] = files['accounts/acme/people/zhang-wei.md'];
      delete files['accounts/acme/people/zhang-wei.md'];
      const rename = renameEdits(checkFiles(files).workspace, 'person', 'zhang-wei', 'zw');
      assert.ok(rename.ok);
      if (rename.ok) assert.equal(rename.fileRename, undefined);
    });

    it('renames an account in every document (no file rename)', () => {
      const rename = renameEdits(result.workspace, 'account', 'acme', 'acme-group');
      assert.ok(rename.ok);
      if (!rename.ok) return;
      assert.equal(rename.edits.length, 7);
      assert.equal(rename.fileRename, undefined);
      const edited = applyFileEdits(FILES, rename.edits);
      for (const file of Object.keys(FILES)) assertOnlyEditedRanges(FILES[file], edited[file], rename.edits.filter((e) => e.file === file));
      const after = checkFiles(edited);
      assert.deepEqual(after.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(after.workspace.accounts.get('acme-group')!.people.length, 3);
    });

    it('refuses invalid new ids, taken ids and unknown ids', () => {
      for (const bad of ['', 'Zhang', 'zhang_wei', 'zhang wei', '-x', 'x-', 'zhang--wei', '张伟', '../x', 'a/b']) {
        assert.deepEqual(renameEdits(result.workspace, 'person', 'zhang-wei', bad), { ok: false, reason: 'invalid-id' }, bad);
      }
      assert.deepEqual(renameEdits(result.workspace, 'person', 'zhang-wei', 'wang-fang'), { ok: false, reason: 'taken' });
      assert.deepEqual(renameEdits(result.workspace, 'person', 'nobody', 'somebody'), { ok: false, reason: 'unknown' });
    });

    it('a person id may equal an account id (ids are unique per kind)', () => {
      assert.equal(renameEdits(result.workspace, 'person', 'zhang-wei', 'acme').ok, true);
    });
  });

  describe('on the samples', () => {
    let texts: Files;
    let samples: CheckResult;
    before(async () => {
      texts = await sampleTexts();
      samples = checkFiles(texts);
    });

    it('sun-jianguo is referenced by reports_to, influences, a contact, the approver and four mentions', () => {
      const refs = referencesTo(samples.workspace, 'person', 'sun-jianguo');
      assert.deepEqual(refs.map(key).sort(), [
        'accounts/east-china-telecom/interactions-2026.md:11:21',
        'accounts/east-china-telecom/interactions-2026.md:16:34',
        'accounts/east-china-telecom/interactions-2026.md:27:21',
        'accounts/east-china-telecom/interactions-2026.md:40:34',
        'accounts/east-china-telecom/org-portrait.md:17:15',
        'accounts/east-china-telecom/people/chen-jing.md:7:14',
        'accounts/east-china-telecom/people/sun-jianguo.md:3:5',
        'accounts/east-china-telecom/people/wang-fang.md:7:13',
        'accounts/east-china-telecom/people/zhang-wei.md:7:13',
        'accounts/east-china-telecom/people/zhang-wei.md:8:14',
        'accounts/east-china-telecom/relationship-plan-2026.md:13:13',
      ]);
      for (const r of refs) assert.equal(textAt(texts, r), 'sun-jianguo');
    });

    it('renaming sun-jianguo keeps the workspace as it was, under the new id', () => {
      const rename = renameEdits(samples.workspace, 'person', 'sun-jianguo', 'sun-jg');
      assert.ok(rename.ok);
      if (!rename.ok) return;
      const edited = applyFileEdits(texts, rename.edits);
      for (const file of Object.keys(texts)) assertOnlyEditedRanges(texts[file], edited[file], rename.edits.filter((e) => e.file === file));
      const { [rename.fileRename!.from]: moved, ...rest } = edited;
      assert.equal(rename.fileRename!.to, 'accounts/east-china-telecom/people/sun-jg.md');
      const after = checkFiles({ ...rest, [rename.fileRename!.to]: moved });
      const summary = (r: CheckResult) => r.diagnostics.map((d) => `${d.file.replace('sun-jianguo', 'sun-jg')}:${d.range.start.line} ${d.rule}`).sort();
      assert.deepEqual(summary(after), summary(samples), 'the same findings (the deliberate liu-qiang reference included)');
      const cadence = after.cadences.find((c) => c.person.id === 'sun-jg')!;
      assert.equal(cadence.state, 'ok');
      assert.equal(cadence.last?.date, '2026-11-05');
      assert.equal(after.workspace.people.get('zhang-wei')!.data.reports_to, 'sun-jg');
    });
  });
});
