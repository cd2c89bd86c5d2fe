/**
 * The performance shortcuts must give exactly what the general code gives: the top-level key
 * locator against the YAML AST, and the line-based log reader against remark.
 *
 * "Exactly what the general code gives" alone would let a shortcut that always declines (and so
 * always falls back to the slow path) pass. So each shortcut is also held to the inputs it exists
 * for: the table names, case by case, the lookups the fast path must answer, and generated inputs
 * of the common shapes (block-style `key: scalar` frontmatter, plain logs of dated list items)
 * must be answered every time, not merely answered correctly when they are.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { locateTopLevel } from '../../src/core/parse/document.js';
import { needsFullMarkdown, parseByLines, parseNext, parseWithRemark } from '../../src/core/parse/interaction-log.js';
import { locateInYaml } from '../../src/core/parse/yaml-locate.js';
import { YAML_OPTIONS } from '../../src/core/parse/yaml-options.js';
import { runs } from './helpers/generators.js';
import { seeded as fixed } from './helpers/property.js';

const KEYS = ['name', 'stance', 'tags'] as const;
const TARGETS = ['key', 'value'] as const;

describe('fast path: top-level key locator', () => {
  /**
   * Each case with the lookups (`key.target`) the fast path must answer: a top-level key at column
   * 0 (its key), and its one-line scalar value, plain or quoted without escapes. The rest may
   * decline; whatever is answered must equal the AST's answer.
   */
  const cases: [string, string[]][] = [
    ['kind: person\nname: 张伟\nstance: neutral # comment\n', ['name.key', 'name.value', 'stance.key', 'stance.value']],
    ['name: "a: b"  # x\nstance: \'x\'\n', ['name.key', 'name.value', 'stance.key', 'stance.value']],
    ['name: x y z   \nstance: a\n', ['name.key', 'name.value', 'stance.key', 'stance.value']],
    ['name: a:b\ntags: a, b\n', ['name.key', 'name.value', 'tags.key', 'tags.value']],
    ['kind: person\r\nname: 王芳\r\nstance: supporter\r\n', ['name.key', 'name.value', 'stance.key', 'stance.value']],
    ['name:\n  first: a\n', ['name.key']],
    ['name: [a, b]\n', ['name.key']],
    ['name: |\n  x\n', ['name.key']],
    ['name: &a x\n', ['name.key']],
    ['name:   \nstance: a\n', ['name.key', 'stance.key', 'stance.value']],
    ['name: "esc\\"aped"\n', ['name.key']],
    ['{name: x, stance: y}\n', []],
    ['# comment\nname: x # y\n', ['name.key', 'name.value']],
    ['name: 1\nstance: -1\n', ['name.key', 'name.value', 'stance.key', 'stance.value']],
  ];
  let answered = 0;
  let asked = 0;
  for (const [c, mustAnswer] of cases) {
    it(`agrees with the AST, and answers ${mustAnswer.join(', ') || 'nothing it must'}: ${JSON.stringify(c)}`, () => {
      // Findings are only placed in files whose YAML parsed.
      const doc = parseDocument(c);
      assert.equal(doc.errors.length, 0);
      for (const key of KEYS) {
        for (const target of TARGETS) {
          asked++;
          const fast = locateTopLevel(c, key, target);
          if (mustAnswer.includes(`${key}.${target}`)) assert.ok(fast, `the fast path declined ${key} ${target}, which it exists for`);
          if (!fast) continue;
          answered++;
          assert.deepEqual(fast, locateInYaml(doc, c, [key], target), `${key} ${target}`);
        }
      }
    });
  }

  it('answers at least the lookups the table says it must (no silent fallback to the AST)', () => {
    const required = cases.reduce((n, [, must]) => n + must.length, 0);
    assert.equal(asked, cases.length * KEYS.length * TARGETS.length, 'every case ran');
    assert.ok(answered >= required, `answered ${answered} of ${asked} lookups; ${required} are required`);
  });

  // --- generated block-style frontmatter: the shape the fast path exists for -----------------------

  /** One-line scalars the fast path takes, as written in the file. */
  const simpleValue = fc.oneof(
    fc.constantFrom('张伟', 'neutral', 'x y z', 'a:b', 'VP, Sales', 'a-b', 'O\'Brien', '1', '-1', '3.5', 'true', 'a #b', '首席技术官 CTO'),
    fc.constantFrom('"a: b"', '"张 伟"', '"# not a comment"', '""', '"[x]"', "'x'", "'a: b'", "''", "'\"q\"'"),
  );
  /** Values it may decline: a block on the next lines, flow collections, quoted with escapes, anchors, tags. */
  const otherValue = fc.constantFrom('[a, b]', '{ a: 1 }', '"esc\\"aped"', "'it''s'", '&a x', '!tag x', '|\n  x', '>\n  folded', '\n  nested: 1', '\n  - a\n  - b', '');
  const topKey = fc.constantFrom('kind', 'name', 'stance', 'tags', 'title', 'influence', 'owner', 'account');
  const field = fc.record({
    key: topKey,
    simple: fc.boolean(),
    simpleValue,
    otherValue,
    spaces: fc.constantFrom(' ', ' ', '  ', '\t', ' \t'),
    comment: fc.constantFrom('', '', ' # note', '  #: x'),
    trailing: fc.constantFrom('', '', '  ', '\t'),
  });
  const frontmatter = fc.record({
    fields: fc.uniqueArray(field, { selector: (f) => f.key, minLength: 1, maxLength: 6 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    comments: fc.boolean(),
  });

  it('answers every top-level key, and every one-line scalar value, of generated block-style frontmatter', () => {
    let answers = 0;
    let declinesAllowed = 0;
    fc.assert(fc.property(frontmatter, ({ fields, eol, comments }) => {
      const lines: string[] = comments ? ['# written by hand'] : [];
      for (const f of fields) {
        const value = f.simple ? `${f.spaces}${f.simpleValue}${f.comment}${f.trailing}` : f.otherValue.startsWith('\n') || f.otherValue === '' ? f.otherValue : ` ${f.otherValue}`;
        lines.push(...`${f.key}:${value}`.split('\n'));
        if (comments) lines.push('# between fields');
      }
      const text = lines.join(eol) + eol;
      const doc = parseDocument(text, YAML_OPTIONS);
      fc.pre(doc.errors.length === 0); // counted below: almost every generated case parses
      for (const f of fields) {
        for (const target of TARGETS) {
          const fast = locateTopLevel(text, f.key, target);
          const mustAnswer = target === 'key' || f.simple;
          if (mustAnswer) {
            assert.ok(fast, `the fast path declined ${f.key} ${target} in ${JSON.stringify(text)}`);
            answers++;
          } else declinesAllowed++;
          if (fast) assert.deepEqual(fast, locateInYaml(doc, text, [f.key], target), `${f.key} ${target} in ${JSON.stringify(text)}`);
        }
      }
      // A key the frontmatter does not have at the top level (`nested` lives under another key) is never found.
      for (const absent of ['nested', 'first', 'missing'] as const) {
        for (const target of TARGETS) assert.equal(locateTopLevel(text, absent, target), undefined, `${absent} ${target} in ${JSON.stringify(text)}`);
      }
    }), fixed(400));
    // The property must have exercised the fast path, not filtered its cases away.
    assert.ok(answers >= runs(400), `only ${answers} answered lookups (and ${declinesAllowed} allowed declines) in ${runs(400)} cases`);
  });
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
    it(`takes the fast path and reads what remark reads: ${JSON.stringify(body.slice(0, 40))}…`, () => {
      assert.equal(needsFullMarkdown(body), false, 'a plain log must not need the full parser');
      const fast = parseByLines(body);
      assert.deepEqual(fast, parseWithRemark(body));
      assert.ok(fast.entries.length + fast.malformed.length > 0, 'the body has entries to read');
    });
  }

  it('takes the fast path for every generated plain log (headings, dated items, prose, blank lines) and reads what remark reads', () => {
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom('-', '*', '+', '1.', '1)'), fc.constantFrom(' ', '  '), fc.constantFrom('2026-11-02', '2026-01-31', '2026-13-05', '2026/11/02'),
        fc.constantFrom(' call', ' meeting', ' wechat', ''), fc.constantFrom(' @zhang-wei', ' @a @b', ', @x', ''), fc.constantFrom(': ', '：', ' '), fc.constantFrom('评审', 'Next: demo', 'a@b.com', '', 'x   '))
        .map((parts) => parts.join('')) },
      { weight: 1, arbitrary: fc.constantFrom('', '# 2026', '## 11月', 'Prose with @zhang-wei.', '- not an entry', '  - 2026-11-02 call @a: nested', '---', 'continued lazily', '  2026-11-02 continuation') },
    );
    let entries = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 15 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
      const body = lines.join(eol) + eol;
      assert.equal(needsFullMarkdown(body), false, `a plain log went to the full parser: ${JSON.stringify(body)}`);
      const fast = parseByLines(body);
      assert.deepEqual(fast, parseWithRemark(body), JSON.stringify(body));
      entries += fast.entries.length;
    }), fixed(300));
    // The generator's point is logs with entries: not a run of empty or prose-only bodies.
    assert.ok(entries >= runs(300) / 2, `only ${entries} entries read in ${runs(300)} logs`);
  });

  it('leaves code blocks, quotes, HTML, indented code and the rarer list forms to remark', () => {
    for (const body of ['```\n- 2026-11-02 call @a: x\n```\n', 'Text\n2) 2026-11-04 call @c: cannot interrupt a paragraph\n', '-\n  2026-11-02 call @a: on the next line\n',
      '- - 2026-11-02 call @a: nested on one line\n', '- 2026-11-02 call @a: x\n  ---\n', '-     2026-11-02 call @a: code in an item\n', '> - 2026-11-02 call @a: x\n', '<!--\n- 2026-11-02 call @a: x\n-->\n', '    - 2026-11-02 call @a: x\n', '~~~\n- 2026-11-02 call @a: x\n~~~\n']) {
      assert.equal(needsFullMarkdown(body), true, body);
    }
  });
});

describe('fast path: the follow-up word before the follow-up expression', () => {
  // The expression `parseNext` used alone before the word test went in front of it (a copy: the
  // test compares the fast way with the way it replaced).
  const FULL = /(?:^|(?<=[\s.。;；,，!！?？)）]))(?:next|下一步)[ \t]*(?:[(（][ \t]*([^()（）\s]*)[ \t]*[)）])?[ \t]*[:：][ \t]*(\S.*)$/iu;
  const reference = (summary: string) => {
    const m = FULL.exec(summary);
    if (!m) return undefined;
    return { text: m[2].trim(), due: m[1] || undefined };
  };
  const piece = fc.constantFrom('next', 'Next', 'NEXT', 'nExT', 'ｎｅｘｔ', 'ne xt', '下一步', '下一', ':', '：', '(', '（', ')', '）', '2026-12-05', '12-05', ' ', '\t', '.', '。', ',', '，', 'K', 'ſ', 'call', '@a', 'x');
  it('finds the same follow-up as the full expression on generated summaries', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (summary) => {
        const got = parseNext(summary);
        const want = reference(summary);
        assert.equal(got?.text, want?.text, JSON.stringify(summary));
        assert.equal(got?.due ?? got?.badDue, want?.due, JSON.stringify(summary));
      }),
      fixed(runs(2000)),
    );
  });
});
