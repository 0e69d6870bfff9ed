/** Layers a read may have to look through before they are folded into one Map. */
const MAX_LAYERS = 4;

/**
 * A map made of another one with changes on top, without copying it: an index changed by a few facts shares its
 * words and postings with the index it was made from (copying them took most of a swap-in at 10,000 facts). Reads
 * and iteration give what a copy changed alike would give, in the same order; once more than MAX_LAYERS lie below,
 * `settled` folds them into one Map, so that a read never looks through many.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly #below: ReadonlyMap<K, V>;
  readonly #layers: number;
  /** Values of keys the map below holds, changed here (they keep their place). */
  readonly #replaced = new Map<K, V>();
  /** Keys of the map below deleted here. */
  readonly #removed = new Set<K>();
  /** Keys set here that the map below does not hold, or that were deleted and set again (they go last, as in a Map). */
  readonly #appended = new Map<K, V>();

  constructor(below: ReadonlyMap<K, V>) {
    this.#below = below;
    this.#layers = below instanceof LayeredMap ? below.#layers + 1 : 1;
  }

  set(key: K, value: V): this {
    if (this.#appended.has(key) || this.#removed.has(key) || !this.#below.has(key)) this.#appended.set(key, value);
    else this.#replaced.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (this.#appended.delete(key)) return true;
    if (this.#removed.has(key) || !this.#below.has(key)) return false;
    this.#removed.add(key);
    this.#replaced.delete(key);
    return true;
  }

  get(key: K): V | undefined {
    if (this.#appended.has(key)) return this.#appended.get(key);
    if (this.#removed.has(key)) return undefined;
    return this.#replaced.has(key) ? this.#replaced.get(key) : this.#below.get(key);
  }

  has(key: K): boolean {
    return this.#appended.has(key) || (!this.#removed.has(key) && this.#below.has(key));
  }

  /** A key of the map below set again after its deletion is both removed (from its place) and appended (last). */
  get size(): number {
    return this.#below.size - this.#removed.size + this.#appended.size;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.#below) {
      if (this.#removed.has(key)) continue;
      yield [key, this.#replaced.has(key) ? this.#replaced.get(key)! : value];
    }
    yield* this.#appended;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /** The keys set here that the map below does not hold, in the order they were set. */
  addedKeys(): K[] {
    return [...this.#appended.keys()].filter((key) => !this.#removed.has(key));
  }

  /** This map, folded into one Map when too many layers lie below it. */
  settled(): ReadonlyMap<K, V> {
    return this.#layers > MAX_LAYERS ? new Map(this) : this;
  }
}
