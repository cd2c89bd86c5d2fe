/** "Did you mean …?" suggestions. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
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
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(v.length, lc.length) / 3)));
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
