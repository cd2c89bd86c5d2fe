/**
 * The JSON outputs written in pieces (src/cli/formatters/json-pieces.ts) are the same characters
 * as JSON.stringify(value, null, 2) of the whole value, whichever arrays are written element by
 * element, at any depth.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonPieces, streamed } from '../../src/cli/formatters/json-pieces.js';

/** `value` with some of its arrays (chosen by `pick`) given as streamed elements instead. */
function withStreamed(value: unknown, pick: () => boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => withStreamed(v, pick));
    return pick() ? streamed(items, (x) => x) : items;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withStreamed(v, pick)]));
  return value;
}

describe('JSON written in pieces', () => {
  it('is JSON.stringify(value, null, 2), whichever arrays are streamed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (value, choices) => {
        let i = 0;
        const pick = () => choices[i++ % choices.length];
        assert.equal([...jsonPieces(withStreamed(value, pick))].join(''), JSON.stringify(value, null, 2));
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes null for it in an array', () => {
    const value = { a: undefined, b: [1, undefined, () => 1], c: streamed([undefined, 'x', { d: undefined, e: streamed([], (x) => x) }], (x) => x), f: {} };
    assert.equal([...jsonPieces(value)].join(''), JSON.stringify({ a: undefined, b: [1, undefined, () => 1], c: [undefined, 'x', { d: undefined, e: [] }], f: {} }, null, 2));
  });

  it('makes each element only when it writes it', () => {
    const made: number[] = [];
    const pieces = jsonPieces({ items: streamed([1, 2, 3], (n) => (made.push(n), { n })) });
    pieces.next();
    assert.deepEqual(made, []);
    pieces.next();
    pieces.next();
    assert.deepEqual(made, [1]);
  });
});
