/** Terminal tables: CJK cells measured as two columns, fitted to a width, long cells cut with `…`. */
import assert from 'node:assert/strict';
import { columnWidths, displayWidth, terminalWidth, textTable, truncate } from '../../src/cli/output/table.js';

describe('CLI text tables', () => {
  it('measures Chinese and fullwidth characters as two columns, marks and colours as none', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('张伟'), 4);
    assert.equal(displayWidth('华东电信（A）'), 13);
    assert.equal(displayWidth('e\u0301'), 1); // e + combining acute
    assert.equal(displayWidth('\u001b[31m张\u001b[39m'), 2);
    assert.equal(displayWidth('ＡＢ'), 4);
  });

  it('aligns columns holding Chinese cells by display width', () => {
    const out = textTable(['Name', 'Days'], [['张伟', '3'], ['Li Na', '12']]);
    const lines = out.trimEnd().split('\n');
    // The second column starts at the same terminal column on every line.
    const col = (l: string) => displayWidth(l.slice(0, l.search(/\S+$/)));
    assert.deepEqual(lines.map(col), [col(lines[0]), col(lines[0]), col(lines[0]), col(lines[0])]);
    assert.equal(lines[2], '张伟   3');
  });

  it('without a width, nothing is cut (piped output)', () => {
    const long = '客户'.repeat(40);
    const out = textTable(['A', 'B'], [[long, 'x']]);
    assert.ok(out.includes(long));
    assert.ok(!out.includes('…'));
  });

  it('fits a width: every line at most that many columns, long cells cut with …', () => {
    const rows = [
      ['overdue +12d', '华东电信集团有限公司上海分公司（A）', '张伟 · 首席信息官兼数字化转型办公室主任', 'EB/Coach', '2026-09-01 meeting'],
      ['never', 'Yuanhang Auto (B)', 'Li Na · Head of Procurement', 'TB', 'never'],
    ];
    for (const maxWidth of [40, 60, 80]) {
      const out = textTable(['State', 'Account', 'Person', 'Roles', 'Last interaction'], rows, { maxWidth });
      for (const line of out.trimEnd().split('\n')) assert.ok(displayWidth(line) <= maxWidth, `${displayWidth(line)} > ${maxWidth}: ${line}`);
      assert.ok(out.includes('…'), 'a cut cell ends in …');
    }
  });

  it('cuts a CJK cell on a character boundary, never half a wide character', () => {
    assert.equal(truncate('华东电信', 5), '华东…');
    assert.equal(truncate('华东电信', 8), '华东电信');
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(displayWidth(truncate('华东电信集团', 6)), 5);
  });

  it('narrows the widest column first and keeps narrow ones whole', () => {
    const widths = columnWidths(['Days', 'Account'], [['3', 'x'.repeat(50)]], 30);
    assert.equal(widths[0], 4);
    assert.equal(widths[0] + 2 + widths[1], 30);
  });

  it('takes the terminal width only when stdout is a terminal', () => {
    assert.equal(terminalWidth({ isTTY: false, columns: 100 }), undefined);
    assert.equal(terminalWidth({ isTTY: true, columns: 100 }), 100);
    assert.equal(terminalWidth({ isTTY: true }, { COLUMNS: '120' }), 120);
    assert.equal(terminalWidth({ isTTY: true }, {}), 80);
  });
});
