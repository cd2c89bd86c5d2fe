/**
 * The performance shortcuts must give exactly what the general code gives: the top-level key
 * locator against the YAML AST, and the line-based log reader against remark.
 */
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { locateTopLevel } from '../../src/core/parse/document.js';
import { needsFullMarkdown, parseByLines, parseWithRemark } from '../../src/core/parse/interaction-log.js';
import { locateInYaml } from '../../src/core/parse/yaml-locate.js';

describe('fast path: top-level key locator', () => {
  const cases = [
    'kind: person\nname: 张伟\nstance: neutral # comment\n',
    'name: "a: b"  # x\nstance: \'x\'\n',
    'name: x y z   \nstance: a\n',
    'name: a:b\ntags: a, b\n',
    'kind: person\r\nname: 王芳\r\nstance: supporter\r\n',
    'name:\n  first: a\n',
    'name: [a, b]\n',
    'name: |\n  x\n',
    'name: &a x\n',
    'name:   \nstance: a\n',
    'name: "esc\\"aped"\n',
    '{name: x, stance: y}\n',
    '# comment\nname: x # y\n',
    'name: 1\nstance: -1\n',
  ];
  for (const c of cases) {
    it(`agrees with the AST or declines: ${JSON.stringify(c)}`, () => {
      // Findings are only placed in files whose YAML parsed.
      const doc = parseDocument(c);
      assert.equal(doc.errors.length, 0);
      for (const key of ['name', 'stance', 'tags']) {
        for (const target of ['key', 'value'] as const) {
          const fast = locateTopLevel(c, key, target);
          if (!fast) continue;
          assert.deepEqual(fast, locateInYaml(doc, c, [key], target), `${key} ${target}`);
        }
      }
    });
  }
});

describe('fast path: line-based interaction log', () => {
  const bodies = [
    '# 2026\n\n## 11月\n- 2026-11-02 meeting @zhang-wei @wang-fang: 评审。Next: 报价\n- 2026-11-03 call @li-ming：电话\n* 2026-11-04 visit @a-b: x\n',
    '- 2026-13-05 call @x: bad date\n- 2026-11-05 @x: no channel\n- 2026-11-05 call @x no colon\n- 2026-11-05 call: no one\n- 2026-11-05 call @x:   \n',
    'Intro paragraph\n- 2026-11-02 meeting @a: interrupts the paragraph\ncontinued lazily\n\n1. 2026-11-03 call @b: ordered\n1) 2026-11-04 call @c: ordered paren\n',
    '- not an entry\n  - 2026-11-02 meeting @a: nested two spaces\n- 2026/11/02 call @a: slashes\n-2026-11-02 call @a: no space\n',
    '- 2026-11-02 meeting @a: trailing spaces   \r\n- 2026-11-03 call @b: crlf\r\n',
    '- 2026-11-02 meeting @a: mail a@b.com and @c\n\n---\n\n- 2026-11-05 dinner @d: after a rule\n',
  ];
  for (const body of bodies) {
    it(`reads what remark reads: ${JSON.stringify(body.slice(0, 40))}…`, () => {
      assert.equal(needsFullMarkdown(body), false);
      assert.deepEqual(parseByLines(body), parseWithRemark(body));
    });
  }

  it('leaves code blocks, quotes, HTML, indented code and the rarer list forms to remark', () => {
    for (const body of ['```\n- 2026-11-02 call @a: x\n```\n', 'Text\n2) 2026-11-04 call @c: cannot interrupt a paragraph\n', '-\n  2026-11-02 call @a: on the next line\n',
      '- - 2026-11-02 call @a: nested on one line\n', '- 2026-11-02 call @a: x\n  ---\n', '-     2026-11-02 call @a: code in an item\n', '> - 2026-11-02 call @a: x\n', '<!--\n- 2026-11-02 call @a: x\n-->\n', '    - 2026-11-02 call @a: x\n', '~~~\n- 2026-11-02 call @a: x\n~~~\n']) {
      assert.equal(needsFullMarkdown(body), true, body);
    }
  });
});
