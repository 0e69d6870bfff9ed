import { FactIndex, type IndexedFact } from "./fact-index.js";
import { canonicalWord, contentWords, normaliseText, questionAnswerType, words, type AnswerType } from "./text/analyze.js";
import { worldPlaceNames } from "./text/lexicon.js";
import { truncate } from "../truncate.js";
import { mergeFacts } from "./merge-facts.js";
import type { Fact, FactBase } from "./schema.js";

/** Share of the question's weight the best fact must cover before the engine answers. */
const MIN_COVERAGE = 0.5;
const CANDIDATES = 30;
const RESULTS = 5;
const MAX_QUERY_WORDS = 24;
const TYPE_BONUS = 0.12;
const FOCUS_BONUS = 0.1;
const MISSING_NAME_FACTOR = 0.5;
const ANSWER_WORDS = new Set(["billion", "million", "thousand", "trillion", "yuan", "dollar", "percent"]);

export interface ScoredFact {
  fact: Fact;
  score: number;
}

export interface Answer {
  query: string;
  answered: boolean;
  confidence: number;
  results: ScoredFact[];
}

export interface Suggestion {
  name: string;
  value: string;
}

export interface Engine {
  readonly base: FactBase;
  answer(question: string): Answer;
  suggest(partial: string): Suggestion[];
  /** A new engine with these facts added, replaced (same id) or retired; this one is left untouched. */
  withFacts(changed: readonly Fact[]): Engine;
}

interface QueryTerm {
  term: string | undefined;
  weight: number;
  quality: number;
  isName: boolean;
}

interface Query {
  terms: QueryTerm[];
  answerType: AnswerType | undefined;
  namesUnknownPlace: boolean;
  totalWeight: number;
}

let worldPlaces: ReadonlySet<string> | undefined;

export function buildEngine(base: FactBase): Engine {
  return engineOver(FactIndex.build(base), base);
}

function engineOver(index: FactIndex, base: FactBase): Engine {
  return {
    base,
    answer: (question) => answerQuestion(index, question),
    suggest: (partial) => suggestFacts(index, partial),
    withFacts: (changed) => engineOver(index.withFacts(changed), { sources: base.sources, facts: mergeFacts(base.facts, changed) }),
  };
}

function answerQuestion(index: FactIndex, question: string): Answer {
  const query = analyseQuery(index, question);
  const ranked = rank(index, query);
  const top = ranked[0];
  const answered =
    top !== undefined &&
    !query.namesUnknownPlace &&
    top.coverage >= MIN_COVERAGE &&
    !top.missesName;
  return {
    query: question,
    answered,
    confidence: round(top ? Math.min(1, top.score) : 0),
    results: ranked.slice(0, RESULTS).map(({ doc, score }) => ({ fact: doc.fact, score: round(score) })),
  };
}

function analyseQuery(index: FactIndex, question: string, prefixLast = false): Query {
  const normalised = normaliseText(question);
  const all = contentWords(question);
  const unique = [...new Set(all)].slice(0, MAX_QUERY_WORDS);
  const activeCount = Math.max(1, index.activeCount);
  const unknownWeight = Math.log(1 + (2 * activeCount));
  const terms = unique.map((word, position): QueryTerm => {
    const isLast = position === unique.length - 1;
    const resolved = prefixLast && isLast ? resolvePrefix(index, word) : resolveWord(index, word);
    const weight = resolved ? Math.log(1 + activeCount / index.documentFrequency(resolved.term)) : unknownWeight;
    return { term: resolved?.term, weight, quality: resolved?.quality ?? 0, isName: index.names.has(resolved?.word ?? word) };
  });
  worldPlaces ??= worldPlaceNames(normaliseText);
  const knownWords = new Set(unique.filter((word) => index.vocabulary.has(word)));
  const capitalised = capitalisedWords(question);
  const unknownName = unique.some((word, i) => terms[i]?.term === undefined && capitalised.has(word));
  return {
    terms,
    answerType: questionAnswerType(normalised),
    namesUnknownPlace: unknownName || phrases(words(normalised)).some((phrase) => worldPlaces!.has(phrase) && !knownWords.has(phrase)),
    totalWeight: terms.reduce((sum, term) => sum + term.weight, 0),
  };
}

/**
 * Words written with a capital inside a sentence (not its first word): names. One the fact base does not know
 * ("How much did Harbin export?", "What did Medvedev say?") is something it has no fact about.
 */
function capitalisedWords(question: string): Set<string> {
  const names = new Set<string>();
  for (const sentence of question.split(/[.!?]\s+/)) {
    const tokens = sentence.trim().split(/\s+/).slice(1);
    for (const token of tokens) {
      if (/^\p{Lu}\p{Ll}/u.test(token)) for (const word of words(normaliseText(token))) names.add(canonicalWord(word));
    }
  }
  return names;
}

function resolveWord(index: FactIndex, word: string): { term: string; word: string; quality: number } | undefined {
  const term = index.termFor(word);
  if (term) return { term, word, quality: 1 };
  for (const correction of index.corrector.correct(word)) {
    const corrected = index.knownTerm(correction.word);
    if (corrected) return { term: corrected, word: canonicalWord(correction.word), quality: 0.9 * correction.similarity };
  }
  return undefined;
}

function resolvePrefix(index: FactIndex, prefix: string): { term: string; word: string; quality: number } | undefined {
  const exact = resolveWord(index, prefix);
  if (exact || prefix.length < 2) return exact;
  for (const word of index.vocabulary.keys()) {
    if (word.startsWith(prefix)) {
      const term = index.knownTerm(word);
      if (term) return { term, word: canonicalWord(word), quality: prefix.length / word.length };
    }
  }
  return undefined;
}

interface Ranked {
  doc: IndexedFact;
  coverage: number;
  score: number;
  missesName: boolean;
}

function rank(index: FactIndex, query: Query): Ranked[] {
  if (query.totalWeight === 0) return [];
  const scores = new Map<number, number>();
  for (const { term, weight, quality } of query.terms) {
    const posting = term === undefined ? undefined : index.postings.get(term);
    if (!posting) continue;
    const contribution = weight * quality;
    for (let i = 0; i < posting.docs.length; i++) {
      const docIndex = posting.docs[i]!;
      scores.set(docIndex, (scores.get(docIndex) ?? 0) + contribution * posting.weights[i]!);
    }
  }
  const candidates = topEntries(scores, CANDIDATES);
  return candidates
    .map(([docIndex, mass]): Ranked => {
      const doc = index.docs[docIndex]!;
      const coverage = mass / query.totalWeight;
      const missesName = query.terms.some((term) => term.isName && (term.term === undefined || !doc.subjectTerms.has(term.term)));
      const typeBonus = query.answerType && doc.answerTypes.has(query.answerType) ? TYPE_BONUS : 0;
      const score = (coverage + typeBonus + FOCUS_BONUS * focus(index, doc, query)) * (missesName ? MISSING_NAME_FACTOR : 1);
      return { doc, coverage, score, missesName };
    })
    .sort((a, b) => b.score - a.score || a.doc.fact.id.localeCompare(b.doc.fact.id));
}

/**
 * Share of the fact statement's weight that the question asks about: prefers facts about just this.
 * Figures and units are what a question asks for, not what it names, so they do not count.
 */
function focus(index: FactIndex, doc: IndexedFact, query: Query): number {
  const asked = new Set(query.terms.map((term) => term.term));
  const activeCount = Math.max(1, index.activeCount);
  let total = 0;
  let hit = 0;
  for (const term of doc.statementTerms) {
    if (isAnswerWord(term)) continue;
    const weight = Math.log(1 + activeCount / Math.max(1, index.documentFrequency(term)));
    total += weight;
    if (asked.has(term)) hit += weight;
  }
  return total === 0 ? 0 : hit / total;
}

function isAnswerWord(term: string): boolean {
  return /\d/.test(term) || ANSWER_WORDS.has(term);
}

function topEntries(scores: ReadonlyMap<number, number>, count: number): [number, number][] {
  const top: [number, number][] = [];
  for (const entry of scores) {
    if (top.length < count) {
      top.push(entry);
      if (top.length === count) top.sort((a, b) => b[1] - a[1]);
    } else if (entry[1] > top[count - 1]![1]) {
      top[count - 1] = entry;
      for (let i = count - 1; i > 0 && top[i]![1] > top[i - 1]![1]; i--) [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
    }
  }
  return top;
}

function phrases(tokens: readonly string[]): string[] {
  return tokens.flatMap((_, i) => [1, 2, 3].map((length) => tokens.slice(i, i + length).join(" ")));
}

function suggestFacts(index: FactIndex, partial: string): Suggestion[] {
  const text = partial.trim();
  const active = index.docs.filter((doc) => doc.fact.status === "active");
  if (!text) return active.slice(0, 25).map(({ fact }) => suggestionFor(fact));
  const byId = active.filter(({ fact }) => fact.id.startsWith(text.toLowerCase()));
  const query = analyseQuery(index, text, !/\s$/.test(partial));
  const ranked = rank(index, query).map(({ doc }) => doc);
  const seen = new Set<string>();
  return [...byId, ...ranked]
    .filter(({ fact }) => !seen.has(fact.id) && seen.add(fact.id))
    .slice(0, 25)
    .map(({ fact }) => suggestionFor(fact));
}

function suggestionFor(fact: Fact): Suggestion {
  return { name: truncate(fact.statement, 100), value: fact.id };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
