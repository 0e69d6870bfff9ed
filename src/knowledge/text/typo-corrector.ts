import Fuse from "fuse.js";

const MAX_SCORE = 0.3;
const MIN_WORD_LENGTH = 4;

export interface Correction {
  word: string;
  similarity: number;
}

/**
 * Finds the vocabulary word a misspelt word was meant to be. Fuse.js does the fuzzy matching; words are
 * bucketed by first letter and length, so a query only searches words that start alike and are of a
 * similar length (slips on the first letter are rare, and matching across them invents false friends:
 * "morning" -> "liaoning").
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

  /** Closest known words, best first, each with a similarity in (0, 1]. */
  correct(word: string): Correction[] {
    if (!isCorrectable(word)) return [];
    const slack = word.length >= 7 ? 2 : 1;
    const found: Correction[] = [];
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      for (const hit of this.buckets.get(`${word[0]}${length}`)?.fuse.search(word, { limit: 3 }) ?? []) {
        found.push({ word: hit.item, similarity: 1 - (hit.score ?? 1) });
      }
    }
    const lengthGap = (candidate: string) => Math.abs(candidate.length - word.length);
    return found.sort((a, b) => b.similarity - a.similarity || lengthGap(a.word) - lengthGap(b.word));
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
  fuse: Fuse<string>;
}

function bucketOf(words: string[]): Bucket {
  return { words, fuse: new Fuse(words, { includeScore: true, threshold: MAX_SCORE, ignoreLocation: true, isCaseSensitive: true }) };
}
