/** "Did you mean …?" suggestions. */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours (`Caoch` → `Coach` is 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** The closest candidate within a typo's distance (about a third of the word), or undefined. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === v) return c;
    const d = editDistance(v, lc);
    // One- and two-letter values (`tier: D`) are one edit from everything: only a case difference counts.
    const longest = Math.max(v.length, lc.length);
    const limit = longest <= 2 ? 0 : Math.max(1, Math.min(3, Math.floor(longest / 3)));
    const prefix = lc.startsWith(v) && v.length >= 3 ? 0.5 : 0;
    const score = d - prefix;
    if (d <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best ?? uniquePrefixMatch(v, candidates);
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
