/**
 * Property-based tests of the editor features and the log reader: on any buffer and at any
 * cursor position, completion, hover, definition lookup and quick fixes never throw and only
 * return ranges inside the buffer; the fast line-based log reader agrees with the CommonMark one.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkWorkspace } from '../../src/core/check/pipeline.js';
import { completionsAt } from '../../src/core/language/completion.js';
import { cursorContext } from '../../src/core/language/context.js';
import { hoverAt } from '../../src/core/language/hover.js';
import { languageModel } from '../../src/core/language/model.js';
import { quickFixes } from '../../src/core/language/quick-fixes.js';
import { symbolAt } from '../../src/core/language/references.js';
import { needsFullMarkdown, parseByLines, parseInteractionLog, parseWithRemark } from '../../src/core/parse/interaction-log.js';
import { record } from './helpers/figures.js';
import { anyText, AS_OF, arbWorkspace, findingProblems, params, soup, soupDocument, sourcesOf, workspaceFiles } from './helpers/generators.js';
import { rangeOffsets } from './helpers/language.js';

describe('fuzz: editor features on any buffer, at any position', function () {
  this.timeout(600_000);

  it('completion, hover, symbol lookup and cursor context never throw; ranges stay in the buffer', () => {
    let n = 0;
    fc.assert(fc.property(arbWorkspace, fc.oneof(soupDocument, anyText), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (w, buffer, cursors) => {
      const files = workspaceFiles(w);
      const path = `accounts/${w.account.id}/people/edited.md`;
      files[path] = buffer;
      const result = checkWorkspace(sourcesOf(files), { asOf: AS_OF });
      const model = languageModel(result);
      for (const c of cursors) {
        const offset = buffer.length ? c % (buffer.length + 1) : 0;
        cursorContext(buffer, offset);
        const symbol = symbolAt(buffer, offset, model);
        if (symbol) assert.ok(symbol.start >= 0 && symbol.start <= symbol.end && symbol.end <= buffer.length);
        const hover = hoverAt(buffer, offset, model);
        if (hover) {
          assert.ok(hover.start >= 0 && hover.start <= hover.end && hover.end <= buffer.length);
          assert.equal(typeof hover.markdown, 'string');
        }
        for (const item of completionsAt(buffer, offset, model)) {
          assert.ok(item.start >= 0 && item.start <= item.end && item.end <= buffer.length, JSON.stringify(item));
        }
      }
      n++;
    }), params(400));
    record('fuzz.language-features', n);
  });

  it('quick fixes for every finding of a damaged workspace never throw and edit inside their file', () => {
    let n = 0;
    fc.assert(fc.property(arbWorkspace, soupDocument, (w, damaged) => {
      const files = workspaceFiles(w);
      files[`accounts/${w.account.id}/people/${w.people[0].id}.md`] = damaged;
      const result = checkWorkspace(sourcesOf(files), { asOf: AS_OF });
      assert.deepEqual(findingProblems(sourcesOf(files), result.diagnostics), []);
      const model = languageModel(result);
      for (const d of result.diagnostics) {
        const text = files[d.file] ?? '';
        for (const fix of quickFixes(d, text, model)) {
          for (const e of fix.edits) {
            assert.equal(e.file, d.file);
            const [start, end] = rangeOffsets(text, e.range);
            assert.ok(start <= end);
          }
        }
      }
      n++;
    }), params(300));
    record('fuzz.quick-fixes', n);
  });
});

describe('fuzz: the two interaction-log readers agree', function () {
  this.timeout(600_000);

  it('whichever reader a body gets, it reads exactly what CommonMark reads', () => {
    const line = fc.oneof(
      fc.constantFrom('- 2026-10-01 call @zhang-wei: ok', '* 2026-10-02 visit @a @b：中文冒号', '+ 2026-1-3 call @x: bad date', '1. 2026-10-04 email @x: numbered', '2) 2026-10-05 email @x: paren',
        '- 2026-10-06 meeting: no mention', '- 2026-10-07 @x: no channel', '-  2026-10-08 call @x: two spaces', '- not an entry', '## 2026-10', '', '   - 2026-10-09 call @x: indented 3', 'text line',
        '- 2026-10-10 call @x: trailing   ', '- 2026/10/11 call @x: slashes', '- 2026-10-12 call @x @y, @z: list', '- - 2026-10-13 call @x: nested', '-',
        '  2026-10-14 call @x: next line', '1. * 2026-10-15 call @x: deep', '\u2028- 2026-10-16 call @x: line separator', '  ---', '===', '```', '> - 2026-10-17 call @x: quoted',
        '    - 2026-10-18 call @x: code', '\t- 2026-10-19 call @x: tab', '<div>', '</div>', '5. 2026-10-20 call @x: five', '<!--', '-->', '<script>', '</script>', '<?php', '?>',
        '``` a`b', '````', '~~~~ x', '  ```', '# 2026-10', 'Paragraph text', '1) 2026-10-21 call @x: one paren', '<span>', '<![CDATA[', ']]>'),
      soup,
    );
    let n = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
      const body = lines.join(eol);
      const commonMark = parseWithRemark(body);
      assert.deepEqual(parseInteractionLog(body), commonMark, JSON.stringify(body));
      if (!needsFullMarkdown(body)) assert.deepEqual(parseByLines(body), commonMark, JSON.stringify(body));
      n++;
    }), params(800));
    record('fuzz.log-readers', n);
  });
});
