/** One natural, pinyin-aware order of names and ids everywhere lists are sorted by name (issue #18). */
import assert from 'node:assert/strict';
import { byName, compareNames } from '../../src/core/i18n/collate.js';
import { buildReport } from '../../src/core/report/report.js';
import { checkFiles, doc } from './helpers/language.js';

const hasChineseCollation = new Intl.Collator('zh-Hans-CN').resolvedOptions().locale.startsWith('zh');

describe('natural order of names', () => {
  it('numbers inside names in numeric order: 客户15 before 客户113', () => {
    assert.deepEqual(['客户113', '客户15', '客户149', '客户2', '客户154'].sort(compareNames), ['客户2', '客户15', '客户113', '客户149', '客户154']);
    assert.deepEqual(['acme-10', 'acme-2', 'acme-1'].sort(compareNames), ['acme-1', 'acme-2', 'acme-10']);
  });

  it('Chinese names in pinyin order where the platform has Chinese collation', function () {
    if (!hasChineseCollation) this.skip();
    // 李 lǐ, 王 wáng, 张 zhāng, 赵 zhào: code points would give 张 王 李 赵.
    assert.deepEqual(['赵敏', '张伟', '王芳', '李明'].sort(compareNames), ['李明', '王芳', '张伟', '赵敏']);
  });

  it('never depends on the input order: equal under the collation, then by code points', () => {
    const a = ['ａ', 'a', 'A'].sort(compareNames);
    const b = ['A', 'a', 'ａ'].sort(compareNames);
    assert.deepEqual(a, b);
    assert.equal(compareNames('x', 'x'), 0);
    assert.deepEqual([{ n: '客户10' }, { n: '客户9' }].sort(byName((x) => x.n)).map((x) => x.n), ['客户9', '客户10']);
  });

  it('the report (and so the Portfolio view and exports) lists accounts in that order', () => {
    const files: Record<string, string> = {};
    for (const n of [113, 15, 2, 149]) files[`accounts/k${n}/account.md`] = doc(['kind: account', `id: k${n}`, `name: 客户${n}`, 'tier: B', 'owner: li-na']);
    const report = buildReport(checkFiles(files));
    assert.deepEqual(report.accounts.map((a) => a.name), ['客户2', '客户15', '客户113', '客户149']);
  });
});
