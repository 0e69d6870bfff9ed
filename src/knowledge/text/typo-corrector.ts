import levenshtein from "damerau-levenshtein";

const MIN_WORD_LENGTH = 4;
/** Words of this length or more may carry two slips ("porvinnces"); shorter ones one ("Rusia"). */
const TWO_EDIT_LENGTH = 8;

export interface Correction {
  word: string;
  /** Damerau-Levenshtein distance: a swap of two neighbouring letters counts as one edit. */
  edits: number;
  similarity: number;
}

/**
 * Finds the vocabulary word a misspelt word was meant to be. Words are bucketed by first letter and length, so a
 * query only searches words that start alike and are of a similar length (slips on the first letter are rare, and
 * matching across them invents false friends: "morning" -> "liaoning"). A word is kept only within one edit (two
 * for long words), counting a swap as one edit, so "imports" never becomes "important" nor "exports". Each edit
 * changes at most two of the letters a word has, so only words whose letter sets differ by no more than that are
 * measured.
 */
export class TypoCorrector {
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
  correct(word: string): Correction[] {
    if (!isCorrectable(word)) return [];
    const maxEdits = word.length >= TWO_EDIT_LENGTH ? 2 : 1;
    const found: Correction[] = [];
    const letters = letterSet(word);
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      const bucket = this.buckets.get(`${word[0]}${length}`);
      if (!bucket) continue;
      for (let i = 0; i < bucket.words.length; i++) {
        if (differingLetters(letters, bucket.letters[i]!) > 2 * maxEdits) continue;
        const candidate = bucket.words[i]!;
        const edits = levenshtein(word, candidate).steps;
        if (edits <= maxEdits) found.push({ word: candidate, edits, similarity: 1 - edits / Math.max(word.length, candidate.length) });
      }
    }
    return found.sort((a, b) => a.edits - b.edits || b.similarity - a.similarity || a.word.localeCompare(b.word));
  }
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
  /** Each word's letter set (`letterSet`). */
  letters: Uint32Array;
}

function bucketOf(words: string[]): Bucket {
  return { words, letters: Uint32Array.from(words, letterSet) };
}

/** The letters a word has, one bit each (letters beyond a-z share the bits, which only lets more words through). */
function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) set |= 1 << (word.charCodeAt(i) % 32);
  return set >>> 0;
}

function differingLetters(a: number, b: number): number {
  let bits = (a ^ b) >>> 0;
  let count = 0;
  for (; bits !== 0; count++) bits &= bits - 1;
  return count;
}
