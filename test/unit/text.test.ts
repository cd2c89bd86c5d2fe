import assert from 'node:assert/strict';
import { decodeText, LineIndex, lineRange } from '../../src/core/parse/text.js';

describe('text: LineIndex', () => {
  for (const [name, nl] of [['LF', '\n'], ['CRLF', '\r\n'], ['lone CR', '\r']] as const) {
    describe(`with ${name} line breaks`, () => {
      const text = ['abc', 'de', '', 'fgh'].join(nl);
      const index = new LineIndex(text);
      const lineStarts = [0, 3 + nl.length, 5 + 2 * nl.length, 5 + 3 * nl.length];

      it('counts lines', () => {
        assert.equal(index.lineCount, 4);
      });

      it('maps offsets to 1-based line and column', () => {
        assert.deepEqual(index.position(0), { line: 1, column: 1 });
        assert.deepEqual(index.position(2), { line: 1, column: 3 });
        assert.deepEqual(index.position(lineStarts[1]), { line: 2, column: 1 });
        assert.deepEqual(index.position(lineStarts[1] + 1), { line: 2, column: 2 });
        assert.deepEqual(index.position(lineStarts[2]), { line: 3, column: 1 });
        assert.deepEqual(index.position(lineStarts[3] + 2), { line: 4, column: 3 });
      });

      it('places the line break itself at the end of its line', () => {
        assert.deepEqual(index.position(3), { line: 1, column: 4 });
      });

      it('round-trips positions to offsets', () => {
        for (let o = 0; o <= text.length; o++) {
          const p = index.position(o);
          // The LF of a CRLF is not a position of its own: it maps back to the CR.
          if (nl === '\r\n' && text[o] === '\n') continue;
          assert.equal(index.offset(p), o, `offset ${o} → ${p.line}:${p.column}`);
        }
      });

      it('knows where each line starts and ends (without the break)', () => {
        lineStarts.forEach((start, i) => assert.equal(index.lineStart(i + 1), start));
        assert.equal(text.slice(index.lineStart(1), index.lineEnd(1)), 'abc');
        assert.equal(text.slice(index.lineStart(2), index.lineEnd(2)), 'de');
        assert.equal(text.slice(index.lineStart(3), index.lineEnd(3)), '');
        assert.equal(text.slice(index.lineStart(4), index.lineEnd(4)), 'fgh');
      });

      it('lineRange covers a line\'s content', () => {
        assert.deepEqual(lineRange(index, 2), { start: { line: 2, column: 1 }, end: { line: 2, column: 3 } });
      });
    });
  }

  it('clamps offsets outside the text', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.position(-5), { line: 1, column: 1 });
    assert.deepEqual(index.position(999), { line: 2, column: 3 });
  });

  it('counts columns in UTF-16 code units (CJK is one column per character)', () => {
    const index = new LineIndex('name: 张伟\nstance: x');
    assert.deepEqual(index.position('name: 张伟'.length), { line: 1, column: 9 });
  });

  it('treats a CR LF pair as one line break, not two', () => {
    assert.equal(new LineIndex('a\r\nb').lineCount, 2);
    assert.equal(new LineIndex('a\r\rb').lineCount, 3);
    assert.equal(new LineIndex('a\n\rb').lineCount, 3);
  });
});

describe('text: decodeText', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('decodes UTF-8 text, including CJK', () => {
    const r = decodeText(enc('kind: person\nname: 张伟\n'));
    assert.deepEqual(r, { ok: true, text: 'kind: person\nname: 张伟\n', hadBom: false });
  });

  it('strips a UTF-8 BOM and says so', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('---\nkind: account\n')]));
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.equal(r.hadBom, true);
    assert.equal(r.text, '---\nkind: account\n');
    assert.notEqual(r.text.charCodeAt(0), 0xfeff);
  });

  it('reports invalid UTF-8 instead of replacing it', () => {
    // GBK-encoded 张伟 is not valid UTF-8.
    const r = decodeText(new Uint8Array([...enc('name: '), 0xd5, 0xc5, 0xce, 0xb0, 0x0a]));
    assert.deepEqual(r, { ok: false, reason: 'not-utf8' });
  });

  it('reports a truncated multi-byte sequence as not UTF-8', () => {
    assert.deepEqual(decodeText(new Uint8Array([0x61, 0xe5, 0xbc])), { ok: false, reason: 'not-utf8' });
  });

  it('treats a NUL byte near the start as a binary file', () => {
    assert.deepEqual(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { ok: false, reason: 'binary' });
    assert.deepEqual(decodeText(new Uint8Array([...enc('---\nkind: person\n'), 0x00])), { ok: false, reason: 'binary' });
  });

  it('decodes an empty file', () => {
    assert.deepEqual(decodeText(new Uint8Array()), { ok: true, text: '', hadBom: false });
  });
});
