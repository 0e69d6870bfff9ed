import Fuse from "fuse.js";

const MAX_SCORE = 0.3;
/** A slip on the first letter is rarer than one later on: such a match must be much closer. */
const MAX_SCORE_OTHER_FIRST_LETTER = 0.15;
const MIN_WORD_LENGTH = 4;

export interface Correction {
  word: string;
  similarity: number;
}

/**
 * Finds the vocabulary word a misspelt word was meant to be. Fuse.js does the fuzzy matching;
 * words are bucketed by length so a query only searches words of a similar length.
 */
export class TypoCorrector {
  private constructor(private readonly buckets: ReadonlyMap<number, Bucket>) {}

  static build(vocabulary: Iterable<string>): TypoCorrector {
    const byLength = new Map<number, string[]>();
    for (const word of vocabulary) {
      if (!isCorrectable(word)) continue;
      const bucket = byLength.get(word.length) ?? [];
      bucket.push(word);
      byLength.set(word.length, bucket);
    }
    return new TypoCorrector(new Map([...byLength].map(([length, bucket]) => [length, bucketOf(bucket)])));
  }

  /** A corrector that also knows these words; buckets they do not touch are shared with this one. */
  withWords(words: Iterable<string>): TypoCorrector {
    const added = new Map<number, string[]>();
    for (const word of words) {
      if (!isCorrectable(word)) continue;
      const list = added.get(word.length) ?? [];
      list.push(word);
      added.set(word.length, list);
    }
    if (added.size === 0) return this;
    const buckets = new Map(this.buckets);
    for (const [length, list] of added) {
      const existing = buckets.get(length)?.words ?? [];
      const known = new Set(existing);
      const fresh = [...new Set(list)].filter((word) => !known.has(word));
      if (fresh.length > 0) buckets.set(length, bucketOf([...existing, ...fresh]));
    }
    return new TypoCorrector(buckets);
  }

  /** Closest known words, best first, each with a similarity in (0, 1]. */
  correct(word: string): Correction[] {
    if (!isCorrectable(word)) return [];
    const slack = word.length >= 7 ? 2 : 1;
    const found: Correction[] = [];
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      for (const hit of this.buckets.get(length)?.fuse.search(word, { limit: 3 }) ?? []) {
        const score = hit.score ?? 1;
        if (hit.item[0] !== word[0] && score > MAX_SCORE_OTHER_FIRST_LETTER) continue;
        found.push({ word: hit.item, similarity: 1 - score });
      }
    }
    const lengthGap = (candidate: string) => Math.abs(candidate.length - word.length);
    return found.sort((a, b) => b.similarity - a.similarity || lengthGap(a.word) - lengthGap(b.word));
  }
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
