/**
 * Full-width punctuation typed with a Chinese input method (issue #18): each is recognised at the
 * character, said precisely instead of the unrelated finding YAML's reading of it would give, and
 * fixed by the editor's quick fix.
 */
import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { languageModel } from '../../src/core/language/model.js';
import { quickFixes } from '../../src/core/language/quick-fixes.js';
import { findFullWidth } from '../../src/core/parse/full-width.js';
import { applyFileEdits, checkFiles, doc, type Files } from './helpers/language.js';

const FILE = 'accounts/acme/account.md';
const ACME = ['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na'];

function check(lines: string[]): { files: Files; result: CheckResult; found: Diagnostic[] } {
  const files = { [FILE]: doc([...ACME, ...lines]) };
  const result = checkFiles(files);
  return { files, result, found: result.diagnostics.filter((d) => d.file === FILE && d.rule !== 'account-onboarding') };
}

/** The one full-width finding, its text under its range, and the file after its quick fix. */
function fixed(lines: string[], locale: 'en' | 'zh-cn' = 'en') {
  const { files, result, found } = check(lines);
  assert.equal(found.length, 1, JSON.stringify(found.map((d) => d.message)));
  const d = found[0];
  assert.equal(d.rule, 'yaml-syntax');
  const fixes = quickFixes(d, files[FILE], languageModel(result, locale));
  assert.equal(fixes.length, 1);
  assert.ok(fixes[0].preferred);
  const after = applyFileEdits(files, fixes[0].edits);
  const again = checkFiles(after).diagnostics.filter((x) => x.file === FILE && x.rule !== 'account-onboarding');
  return { d, fix: fixes[0], text: after[FILE], again, marked: markedText(files[FILE], d) };
}

function markedText(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  // Ranges are 1-based lines and columns.
  return lines[d.range.start.line - 1].slice(d.range.start.column - 1, d.range.end.column - 1);
}

describe('full-width punctuation from Chinese input methods', () => {
  it('a full-width colon after a key: said at the colon, replaced by ": "', () => {
    const { d, fix, text, again, marked } = fixed(['health:', '  nps：40']);
    assert.equal(d.message, 'A full-width colon ： is used here; YAML needs an ASCII colon : (and a space) after the field `nps`.');
    assert.equal(d.severity, 'error');
    assert.equal(marked, '：');
    assert.equal(fix.title, 'Replace the full-width ： with :');
    assert.match(text, /\n {2}nps: 40\n/);
    assert.deepEqual(again, []);
  });

  it('instead of "should be a group of fields, found text": the unrelated schema finding gives way', () => {
    const { found } = check(['health:', '  nps：40']);
    assert.ok(!found.some((d) => d.rule === 'schema'), JSON.stringify(found.map((d) => d.message)));
  });

  it('a full-width colon on a top-level key (unreadable YAML otherwise): said precisely, no raw YAML error', () => {
    const { d, text, again, marked } = fixed(['industry：电信']);
    assert.equal(marked, '：');
    assert.match(text, /\nindustry: 电信\n/);
    assert.deepEqual(again, []);
    assert.match(d.message, /field `industry`/);
  });

  it('full-width spaces as indentation: each becomes two spaces', () => {
    const { d, text, again, marked } = fixed(['health:', '\u3000nps: 40']);
    assert.equal(d.message, 'A full-width space 　 (U+3000) is used here; YAML indents and separates with ASCII spaces only.');
    assert.equal(marked, '\u3000');
    assert.match(text, /\nhealth:\n {2}nps: 40\n/);
    assert.deepEqual(again, []);
  });

  it('a full-width space after the colon', () => {
    const { text, again, marked } = fixed(['industry:\u3000电信']);
    assert.equal(marked, '\u3000');
    assert.match(text, /\nindustry: 电信\n/);
    assert.deepEqual(again, []);
  });

  it('full-width brackets around a list (and full-width commas in it)', () => {
    const { d, text, again, marked } = fixed(['review:', '  status: draft', '  reviewers: 【wang-fang，li-na】']);
    assert.match(d.message, /^Full-width brackets 【】 are used here; YAML reads them as text\./);
    assert.equal(marked, '【wang-fang，li-na】');
    assert.match(text, /reviewers: \[wang-fang, li-na\]\n/);
    assert.ok(!again.some((x) => x.rule === 'yaml-syntax' || x.rule === 'schema'), JSON.stringify(again.map((x) => x.message)));
    for (const [open, close, ascii] of [['［', '］', '[a, b]'], ['｛', '｝', '{a: 1}']]) {
      const use = findFullWidth(`x: ${open}${ascii.slice(1, -1).replace(', ', '，').replace(': ', '：')}${close}\n`);
      assert.deepEqual(use.map((u) => u.newText), [ascii]);
    }
  });

  it('Chinese quotes around a value: a warning, replaced by ASCII quotes', () => {
    const { d, text, again, marked } = fixed(['lifecycle: “formation”']);
    assert.equal(d.severity, 'warning');
    assert.equal(marked, '“formation”');
    assert.match(d.message, /^Chinese quotes “” are used around this value; YAML keeps them as part of the text\./);
    assert.match(text, /\nlifecycle: "formation"\n/);
    assert.deepEqual(again, []);
    assert.deepEqual(findFullWidth("x: ‘a'b’\n").map((u) => u.newText), ['"a\'b"']);
    assert.deepEqual(findFullWidth('x: “say "hi"”\n').map((u) => u.newText), ['\'say "hi"\'']);
  });

  it('in Chinese', () => {
    const { d, fix } = fixed(['health:', '  nps：40'], 'zh-cn');
    assert.equal(fix.title, '将全角 ： 替换为半角 :');
    const zh = checkFiles({ 'keyplan.yaml': 'locale: zh-cn\n', [FILE]: doc([...ACME, 'health:', '  nps：40']) }).diagnostics.find((x) => x.rule === 'yaml-syntax');
    assert.equal(zh?.message, '这里用了全角冒号 ：；YAML 需要半角冒号 :（后面加一个空格）跟在字段 `nps` 之后。');
    assert.equal(d.range.start.column, 6);
  });

  it('leaves text alone: inside block scalars, inside values, quoted, and Chinese text with a colon', () => {
    assert.deepEqual(findFullWidth('summary: |\n  Phase1：完成\n  【重点】\nname: a\n'), []);
    assert.deepEqual(findFullWidth('name: 项目：5G 核心网\ntitle: 【重点】客户\nnote: 他说“好”\n'), []);
    assert.deepEqual(findFullWidth('name: "a：b"\n'), []);
    // After a block scalar ends, lines are looked at again.
    assert.deepEqual(findFullWidth('summary: >\n  x：y\nnps：4\n').map((u) => u.variant), ['full-width-colon']);
  });
});
