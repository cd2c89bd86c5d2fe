/**
 * The one order of names and ids in every list Keyplan shows (the Portfolio view, reports, the
 * overdue list's ties, the matrix's legends, exports, the diff): natural (客户15 before 客户113,
 * `acme-2` before `acme-10`) and, for Chinese, by pinyin where the platform's ICU has Chinese
 * collation (Node and VS Code ship full ICU; otherwise the English collation, still natural).
 * Ties are broken by code points, so the order never depends on the input's order.
 */
let collator: Intl.Collator | undefined;

/** Natural, pinyin-aware order of two names or ids. */
export function compareNames(a: string, b: string): number {
  // Made on first use: loading ICU's Chinese collation takes about 6 ms, a tenth of a small
  // workspace's `keyplan check`, which sorts no names.
  collator ??= new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true, sensitivity: 'variant' });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A comparator by a name taken from each item. */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareNames(name(a), name(b));
}
