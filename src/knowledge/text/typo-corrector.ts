import levenshtein from "damerau-levenshtein";
import Fuse from "fuse.js";

/** Loose enough for fuse.js to offer two slips in a long word; the edit distance then decides. */
const MAX_SCORE = 0.45;
const MIN_WORD_LENGTH = 4;
/** Words of this length or more may carry two slips ("porvinnces"); shorter ones one ("Rusia"). */
const TWO_EDIT_LENGTH = 8;
/** Corrections kept per corrector: chat repeats its unknown words ("weather", "tomorrow"), and a search allocates. */
const REMEMBERED = 5_000;

export interface Correction {
  word: string;
  /** Damerau-Levenshtein distance: a swap of two neighbouring letters counts as one edit. */
  edits: number;
  similarity: number;
}

/**
 * Finds the vocabulary word a misspelt word was meant to be. Fuse.js finds candidates; words are bucketed by
 * first letter and length, so a query only searches words that start alike and are of a similar length
 * (slips on the first letter are rare, and matching across them invents false friends: "morning" ->
 * "liaoning"), and only buckets holding a word within reach by letter count. A candidate is kept only within one
 * edit (two for long words), counting a swap as one edit, so "imports" never becomes "important" nor "exports".
 */
export class TypoCorrector {
  readonly #remembered = new Map<string, readonly Correction[]>();

  private constructor(private readonly buckets: ReadonlyMap<string, Bucket>) {}

  static build(vocabulary: Iterable<string>): TypoCorrector {
    return new TypoCorrector(new Map([...groupByBucket(vocabulary)].map(([key, bucket]) => [key, bucketOf(bucket)])));
  }

  /** A corrector that also knows these words; buckets they do not touch are shared with this one. */
  withWords(words: Iterable<string>): TypoCorrector {
    const added = groupByBucket(words);
    if (added.size === 0) return this;
    const buckets = new Map(this.buckets);
    for (const [key, list] of added) {
      const existing = buckets.get(key)?.words ?? [];
      const known = new Set(existing);
      const fresh = [...new Set(list)].filter((word) => !known.has(word));
      if (fresh.length > 0) buckets.set(key, bucketOf([...existing, ...fresh]));
    }
    return new TypoCorrector(buckets);
  }

  /** Known words within reach, fewest edits first, then most alike. */
  correct(word: string): readonly Correction[] {
    let corrections = this.#remembered.get(word);
    if (!corrections) {
      if (this.#remembered.size === REMEMBERED) this.#remembered.clear();
      this.#remembered.set(word, (corrections = this.#search(word)));
    }
    return corrections;
  }

  #search(word: string): Correction[] {
    if (!isCorrectable(word)) return [];
    const maxEdits = word.length >= TWO_EDIT_LENGTH ? 2 : 1;
    const found: Correction[] = [];
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      const bucket = this.buckets.get(`${word[0]}${length}`);
      if (!bucket || !bucket.words.some((known) => bagDistance(word, known) <= maxEdits)) continue;
      for (const hit of bucket.fuse.search(word, { limit: 5 })) {
        const edits = levenshtein(word, hit.item).steps;
        if (edits <= maxEdits) found.push({ word: hit.item, edits, similarity: 1 - edits / Math.max(word.length, hit.item.length) });
      }
    }
    return found.sort((a, b) => a.edits - b.edits || b.similarity - a.similarity || a.word.localeCompare(b.word));
  }
}

const BINS = 32;
const bag = new Int32Array(BINS);

/**
 * How many letters one word has that the other lacks, counted with repeats, whichever side has more: no edit
 * changes it by more than one (a swap not at all), so words further apart than this many edits cannot be. Letters
 * share a bin by their last five bits (a-z each its own, Cyrillic letters likewise), which only lowers the count.
 * Cheap and without garbage, it spares a fuse.js search of a bucket that holds nothing within reach: most unknown
 * words in chat ("weather", "tomorrow") are not slips at all.
 */
export function bagDistance(a: string, b: string): number {
  bag.fill(0);
  for (let i = 0; i < a.length; i++) bag[a.charCodeAt(i) & (BINS - 1)]!++;
  for (let i = 0; i < b.length; i++) bag[b.charCodeAt(i) & (BINS - 1)]!--;
  let extra = 0;
  let missing = 0;
  for (let bin = 0; bin < BINS; bin++) {
    const count = bag[bin]!;
    if (count > 0) extra += count;
    else missing -= count;
  }
  return Math.max(extra, missing);
}

function groupByBucket(words: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    if (!isCorrectable(word)) continue;
    const group = groups.get(bucketKey(word)) ?? [];
    group.push(word);
    groups.set(bucketKey(word), group);
  }
  return groups;
}

function bucketKey(word: string): string {
  return `${word[0]}${word.length}`;
}

function isCorrectable(word: string): boolean {
  return word.length >= MIN_WORD_LENGTH && /^\p{L}+$/u.test(word);
}

interface Bucket {
  words: readonly string[];
  fuse: Fuse<string>;
}

function bucketOf(words: string[]): Bucket {
  return { words, fuse: new Fuse(words, { includeScore: true, threshold: MAX_SCORE, ignoreLocation: true, isCaseSensitive: true }) };
}
