/**
 * OverlayMap (src/core/check/overlay-map.ts), the incremental checker's people and accounts: over
 * random sequences of swaps (values replaced, keys renamed, a key given back to an entry, more
 * swaps than an overlay keeps before it is copied), it reads exactly as a plain Map edited in place
 * (every method, the order included), and every earlier map stays as it was.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { OverlayMap } from '../../src/core/check/overlay-map.js';
import { params } from './helpers/generators.js';

type Entries = [string, number][];

/** Everything a reader can see of a map. */
function reading(map: Map<string, number>, probes: string[]) {
  const forEach: Entries = [];
  map.forEach((v, k, m) => {
    assert.equal(m, map);
    forEach.push([k, v]);
  });
  return {
    size: map.size,
    entries: [...map.entries()],
    spread: [...map],
    keys: [...map.keys()],
    values: [...map.values()],
    forEach,
    copied: [...new Map(map)],
    probes: probes.map((k) => [k, map.has(k), map.get(k)]),
  };
}

/** One batch of swaps: for entries picked by index, a new value and maybe a new key. */
const arbBatch = fc.array(fc.record({ at: fc.nat(), rename: fc.boolean(), back: fc.boolean() }), { minLength: 1, maxLength: 8, size: 'max' });

describe('OverlayMap reads as a Map edited in place', function () {
  this.timeout(120_000);

  it('over random sequences of swaps, earlier maps unchanged', () => {
    let copied = 0;
    fc.assert(
      fc.property(fc.nat({ max: 150 }), fc.array(arbBatch, { minLength: 1, maxLength: 40, size: 'max' }), (n, batches) => {
        const expected: Entries = Array.from({ length: n }, (_, i) => [`k${i}`, i]);
        let map: Map<string, number> = new Map(expected);
        const history: { map: Map<string, number>; seen: ReturnType<typeof reading> }[] = [];
        const gone: string[] = [];
        let fresh = 0;
        for (const batch of batches) {
          if (!expected.length) break;
          const changes = new Map<string, readonly [string, number]>();
          const taken = new Set(expected.map(([k]) => k));
          const picked = new Set<number>();
          for (const { at, rename, back } of batch) {
            const i = at % expected.length;
            if (picked.has(i)) continue;
            picked.add(i);
            const [key] = expected[i];
            // A new key: never used, or one an entry had before (now free).
            const free = gone.filter((g) => !taken.has(g));
            const to = !rename ? key : back && free.length ? free[at % free.length] : `n${fresh++}`;
            taken.add(to);
            const value = 1000 + fresh++;
            changes.set(key, [to, value]);
            expected[i] = [to, value];
            if (to !== key) gone.push(key);
          }
          map = OverlayMap.swap(map, changes);
          const probes = [...gone, 'never', ...expected.map(([k]) => k).slice(0, 5)];
          const seen = reading(map, probes);
          const plain = reading(new Map(expected), probes);
          assert.deepEqual(seen, plain);
          history.push({ map, seen });
          if (!(map instanceof OverlayMap)) copied++;
        }
        for (const h of history) assert.deepEqual(reading(h.map, h.seen.probes.map(([k]) => k as string)), h.seen);
      }),
      params(200),
    );
    // Overlays were stacked past the point where one is copied into a plain Map.
    assert.ok(copied > 10, String(copied));
  });

  it('refuses a key already taken, an entry that is not there, and writes', () => {
    const map = OverlayMap.swap(new Map([['a', 1], ['b', 2]]), new Map([['a', ['a', 3] as const]]));
    assert.throws(() => OverlayMap.swap(map, new Map([['a', ['b', 4] as const]])));
    assert.throws(() => OverlayMap.swap(map, new Map([['a', ['c', 4] as const], ['b', ['c', 5] as const]])));
    assert.throws(() => OverlayMap.swap(map, new Map([['z', ['z', 4] as const]])));
    assert.throws(() => map.set('c', 1));
    assert.throws(() => map.delete('a'));
    assert.throws(() => map.clear());
    // Two entries trading keys in one swap is fine.
    const traded = OverlayMap.swap(map, new Map([['a', ['b', 5] as const], ['b', ['a', 6] as const]]));
    assert.deepEqual([...traded], [['b', 5], ['a', 6]]);
  });
});
