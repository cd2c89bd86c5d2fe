/**
 * A read-only Map that reads as another one with a few entries replaced, each in its place (a
 * replaced entry may take a new key), made without copying it. A quick check's people and accounts
 * are the previous check's with the edited ones swapped in: copying 10,000 people per keystroke
 * cost more than the rest of the check, and grew with the workspace.
 */

/** Swapped entries kept before the overlay is copied into a plain Map (bounds the cost of each swap). */
const MAX_SWAPPED = 64;

export class OverlayMap<K, V> extends Map<K, V> {
  private constructor(
    /** A plain Map, never an overlay. */
    private readonly base: ReadonlyMap<K, V>,
    /** Base key → the key and value in its place now. */
    private readonly swapped: ReadonlyMap<K, readonly [K, V]>,
    /** Key now → its base key, for the swapped entries. */
    private readonly origin: ReadonlyMap<K, K>,
  ) {
    super();
  }

  /**
   * `map` with the entry under each key of `changes` replaced by the key and value given, in the
   * same place. A new key must not be in `map` already (unless its entry moves away in `changes`).
   */
  static swap<K, V>(map: ReadonlyMap<K, V>, changes: ReadonlyMap<K, readonly [K, V]>): Map<K, V> {
    const previous = map instanceof OverlayMap ? (map as OverlayMap<K, V>) : undefined;
    const base = previous ? previous.base : map;
    const swapped = new Map(previous?.swapped);
    const origin = new Map(previous?.origin);
    for (const [key, entry] of changes) {
      if (!map.has(key)) throw new Error(`OverlayMap: no entry ${String(key)} to swap`);
      const from = origin.get(key) ?? key;
      origin.delete(key);
      swapped.set(from, entry);
    }
    for (const [from, [key]] of swapped) origin.set(key, from);
    const overlay = new OverlayMap(base, swapped, origin);
    // Each key once: as many entries as before (a new key must not have been taken).
    if (origin.size !== swapped.size) throw new Error('OverlayMap: a key taken twice');
    for (const [key, from] of origin) if (key !== from && base.has(key) && !swapped.has(key)) throw new Error(`OverlayMap: ${String(key)} taken twice`);
    return swapped.size > MAX_SWAPPED ? new Map(overlay) : overlay;
  }

  override get(key: K): V | undefined {
    if (this.origin.has(key)) return this.swapped.get(this.origin.get(key)!)![1];
    return this.swapped.has(key) ? undefined : this.base.get(key);
  }

  override has(key: K): boolean {
    return this.origin.has(key) || (!this.swapped.has(key) && this.base.has(key));
  }

  override get size(): number {
    return this.base.size;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const s = this.swapped.get(key);
      yield s ? [s[0], s[1]] : [key, value];
    }
  }

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  override set(): this {
    throw new Error('OverlayMap is read-only');
  }

  override delete(): boolean {
    throw new Error('OverlayMap is read-only');
  }

  override clear(): void {
    throw new Error('OverlayMap is read-only');
  }
}
