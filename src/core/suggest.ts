/** "Did you mean …?" suggestions. */

/** No suggestion is ever further than this many edits away. */
const MAX_EDITS = 3;
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours:
 * `Caoch` → `Coach` is 1), computed only as far as `limit`: any larger distance is returned as
 * `limit + 1`. Only the band of cells within `limit` of the diagonal is filled, so the work is
 * O(length × limit) whatever the input: two 10,000-character ids cost microseconds, not gigabytes.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  const width = b.length + 1;
  // Three rolling rows (the swap looks two rows back), reused between calls; cells outside the band
  // stay `over`.
  if (rows[0].length < width) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  let [before, previous, current] = rows;
  before.fill(over, 0, width);
  previous.fill(over, 0, width);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(over, Math.max(0, from - 1), Math.min(width, to + 2));
    current[0] = i <= limit ? i : over;
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = Math.min(d, over);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], over);
}

/** The closest candidate within a typo's distance (about a third of the word), or undefined. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  return suggester(candidates)(value);
}

/**
 * `closest` against one set of candidates, prepared once: for thousands of unknown values against
 * thousands of ids (20,000 unknown @mentions in a log), most candidates are ruled out by a
 * constant-time lower bound before any distance is computed.
 */
export function suggester(candidates: Iterable<string>): (value: string) => string | undefined {
  const list = [...candidates].map((c) => ({ c, lc: c.toLowerCase(), mask: 0 }));
  for (const e of list) e.mask = charMask(e.lc);
  const names = list.map((e) => e.c);
  const memo = new Map<string, string | undefined>();
  // A bound on the distances computed in all: past it (a million, about a second), values get only
  // the cheap suggestions (same letters in another case, a unique shared start). A suggestion is
  // help, never a verdict, so this bounds the time without changing any finding.
  let budget = MAX_DISTANCES;
  return (value) => {
    const v = value.toLowerCase();
    if (memo.has(v)) return memo.get(v);
    const found = suggest(v);
    if (memo.size < 10_000) memo.set(v, found);
    return found;
  };
  function suggest(v: string): string | undefined {
    const mv = charMask(v);
    let best: string | undefined;
    let bestScore = Infinity;
    for (const { c, lc, mask } of budget > 0 ? list : []) {
      if (lc === v) return c;
      // One- and two-letter values (`tier: D`) are one edit from everything: only a case difference counts.
      const longest = Math.max(v.length, lc.length);
      const limit = longest <= 2 ? 0 : Math.max(1, Math.min(MAX_EDITS, Math.floor(longest / 3)));
      if (Math.abs(v.length - lc.length) > limit) continue;
      // Every kind of character one string has and the other lacks costs at least one edit.
      if (popcount(mv & ~mask) > limit || popcount(mask & ~mv) > limit) continue;
      if (budget <= 0) continue;
      budget--;
      const d = editDistanceWithin(v, lc, limit);
      const prefix = lc.startsWith(v) && v.length >= 3 ? 0.5 : 0;
      const score = d - prefix;
      if (d <= limit && score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (budget <= 0) best ??= list.find((e) => e.lc === v)?.c;
    return best ?? uniquePrefixMatch(v, names);
  }
}

/** How many edit distances one suggester computes at most. */
export const MAX_DISTANCES = 1_000_000;

/** Which of 32 classes of characters a string holds (letters one class each; others share classes). */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    m |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** `suportive` → `supporter`: when no candidate is close, one that alone shares a 3+ letter start. */
function uniquePrefixMatch(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestLength = 2;
  let tie = false;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let n = 0;
    while (n < lc.length && n < value.length && lc[n] === value[n]) n++;
    if (n > bestLength) {
      best = c;
      bestLength = n;
      tie = false;
    } else if (n === bestLength && best) tie = true;
  }
  return tie ? undefined : best;
}
