/**
 * The parsers keep one copy of each short repeated text (src/core/parse/intern.ts): the text is
 * unchanged, the table is bounded, and it never keeps alive the file a text was cut from.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { intern, internedCount } from '../../src/core/parse/intern.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('intern', () => {
  // First: the table must not be full yet.
  it('does not keep alive the long text a short one was cut from', () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 5; i++) {
      // 4 MB each, and 20 characters cut from each: in V8 a cut of 13+ characters is a view into the whole.
      const big = `${String(i).repeat(4_000_000)}:${Math.random()}-someone-mentioned-here`;
      assert.equal(intern(big.slice(big.indexOf('-someone') + 1, big.indexOf('-someone') + 21)), 'someone-mentioned-he');
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(grown < 4_000_000, `the heap grew by ${grown} bytes after the long texts were dropped`);
  });

  it('gives back the same text, short or long', () => {
    for (const text of ['', 'email', '拜访', 'zhang-wei-12-3', 'x'.repeat(24), 'y'.repeat(25), 'executive-exchange']) {
      assert.equal(intern(text), text);
      assert.equal(intern(`${text}`), text);
    }
  });

  it('keeps at most 32,768 texts and still answers once full', () => {
    for (let i = 0; i < 40_000; i++) assert.equal(intern(`t${i}`), `t${i}`);
    assert.ok(internedCount() <= 32_768, `${internedCount()} texts kept`);
    assert.equal(intern('t39999'), 't39999');
  });

});
