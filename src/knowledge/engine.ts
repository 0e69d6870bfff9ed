import type { Abstention } from "./abstention.js";
import { FactIndex, isSubjectTerm, statedSlotsOf, subjectTerms, type IndexedFact } from "./fact-index.js";
import { mergeFacts } from "./merge-facts.js";
import { readQuestion, type Language, type Question } from "./question.js";
import type { Fact, FactBase } from "./schema.js";
import { missingSlot } from "./slots.js";
import { canonicalWord, isContentWord, normaliseText, questionOpening, termOf, words } from "./text/analyze.js";
import { truncate } from "../truncate.js";

/** Share of the question's weight the best fact must cover before the engine answers. */
const MIN_COVERAGE = 0.5;
const CANDIDATES = 30;
const RESULTS = 5;
/**
 * How many facts after the best one may answer instead when the best misses a slot, and how close they must score.
 * A runner-up must itself cover enough of the question and state every slot it asks.
 */
const RUNNERS_UP = 2;
const RUNNER_UP_SHARE = 0.75;
const TYPE_BONUS = 0.12;
const FOCUS_BONUS = 0.1;
const ENTITY_FOCUS_BONUS = 0.05;
const MISSING_NAME_FACTOR = 0.5;
/** Within this share of the best score, facts match a question about equally well. */
const NEAR_TIE = 0.9;
const ANSWER_WORDS = new Set(["billion", "million", "thousand", "trillion", "yuan", "dollar", "percent"]);
const DIGIT = /\d/;

export interface ScoredFact {
  fact: Fact;
  score: number;
}

export interface Answer {
  query: string;
  answered: boolean;
  confidence: number;
  /** The answer first when answered; otherwise the closest facts, for "did you mean". */
  results: ScoredFact[];
  language: Language;
  /** Why there is no answer; absent when answered. */
  abstention?: Abstention;
}

export interface Suggestion {
  name: string;
  value: string;
}

export interface Engine {
  readonly base: FactBase;
  answer(question: string): Answer;
  /** Facts for autocomplete, named by `label` (the statement unless given). */
  suggest(partial: string, label?: (fact: Fact) => string): Suggestion[];
  /** A new engine with these facts added, replaced (same id) or retired; this one is left untouched. */
  withFacts(changed: readonly Fact[]): Engine;
}

export function buildEngine(base: FactBase): Engine {
  return engineOver(FactIndex.build(base), base);
}

function engineOver(index: FactIndex, base: FactBase): Engine {
  return {
    base,
    answer: (question) => answerQuestion(index, question),
    suggest: (partial, label = (fact) => fact.statement) => suggestFacts(index, partial, label),
    withFacts: (changed) => engineOver(index.withFacts(changed), { sources: base.sources, facts: mergeFacts(base.facts, changed) }),
  };
}

function answerQuestion(index: FactIndex, text: string): Answer {
  const question = readQuestion(index, text);
  const ranked = rank(index, question);
  const { chosen, abstention } = decide(index, question, ranked);
  const ordered = chosen ? [chosen, ...ranked.filter((candidate) => candidate !== chosen)] : ranked;
  const top = ordered[0];
  return {
    query: text,
    answered: chosen !== undefined,
    confidence: round(top ? Math.min(1, top.score) : 0),
    results: ordered.slice(0, RESULTS).map(({ doc, score }) => ({ fact: doc.fact, score: round(score) })),
    language: question.language,
    ...(abstention ? { abstention } : {}),
  };
}

/**
 * The fact that answers, or why none does. The best-ranked fact that covers enough of the question and states
 * every slot it asks answers; a close runner-up may answer when the best misses a slot ("how much" picks the
 * amount over the growth rate).
 */
function decide(index: FactIndex, question: Question, ranked: readonly Ranked[]): { chosen?: Ranked; abstention?: Abstention } {
  if (question.terms.length === 0) return { abstention: { reason: "nothing-asked" } };
  if (question.unknownName !== undefined) return { abstention: { reason: "unknown-name", name: question.unknownName } };
  const top = ranked[0];
  if (!top || top.coverage < MIN_COVERAGE || !sharesTopic(question, top.doc)) {
    return { abstention: { reason: "no-match", unplaced: question.terms.filter((term) => term.term === undefined).map((term) => term.word) } };
  }
  const check = ({ doc }: Ranked) => missingSlot(question.asked, doc.answerTypes, statedSlotsOf(doc, index.names), subjectTerms(doc), doc.terms, index.names);
  const miss = check(top);
  if (!miss) return { chosen: top };
  const runnerUp = ranked
    .slice(1, RUNNERS_UP + 1)
    .find((candidate) => candidate.coverage >= MIN_COVERAGE && candidate.score >= RUNNER_UP_SHARE * top.score && !check(candidate));
  if (runnerUp) return { chosen: runnerUp };
  return { abstention: { reason: "slot", factId: top.doc.fact.id, miss } };
}

interface Ranked {
  doc: IndexedFact;
  coverage: number;
  score: number;
  missesName: boolean;
}

function rank(index: FactIndex, query: Question): Ranked[] {
  if (query.totalWeight === 0) return [];
  const board = index.scoreBoard();
  for (const { term, weight, quality } of query.terms) {
    const posting = term === undefined ? undefined : index.postings.get(term);
    if (!posting) continue;
    const contribution = weight * quality;
    for (let i = 0; i < posting.docs.length; i++) board.add(posting.docs[i]!, contribution * posting.weights[i]!);
  }
  const candidates = board.takeTop(CANDIDATES);
  const asked = new Set(query.terms.map((term) => term.term));
  const ranked = candidates
    .map(([docIndex, mass]): Ranked => {
      const doc = index.docs[docIndex]!;
      const coverage = mass / query.totalWeight;
      const missesName = query.terms.some((term) => term.isName && (term.term === undefined || !isSubjectTerm(doc, term.term)));
      const type = query.asked.answerType;
      const typeBonus = type && doc.answerTypes.includes(type) ? TYPE_BONUS : 0;
      const focused = FOCUS_BONUS * focus(index, doc, asked) + ENTITY_FOCUS_BONUS * entityFocus(index, doc, asked);
      const score = (coverage + typeBonus + focused) * (missesName ? MISSING_NAME_FACTOR : 1);
      return { doc, coverage, score, missesName };
    })
    .sort((a, b) => b.score - a.score || a.doc.fact.id.localeCompare(b.doc.fact.id));
  return askedLikeAnExample(index, query, ranked);
}

/**
 * Of facts that match a question about equally well (and cover enough of it to answer), the one with an example
 * question asked the same way first: opening with the same question word, holding every word the question asks
 * about and naming nothing it does not (a name of the same entity, Jinping for Xi, is not something else).
 * "can jilin ship thru vladivostok" is the route fact's "Can Jilin ship goods through Vladivostok?", not the savings
 * fact's "Why does Jilin ship through Vladivostok?"; "who from russia attended" is not "Who attended the
 * China–Russia conference?".
 */
function askedLikeAnExample(index: FactIndex, query: Question, ranked: Ranked[]): Ranked[] {
  const top = ranked[0];
  if (!top || query.opening === undefined || !(ranked[1] && ranked[1].score >= NEAR_TIE * top.score)) return ranked;
  const asked = new Set(query.terms.flatMap(({ term }) => (term === undefined ? [] : [term])));
  const askedLikeThis = (doc: IndexedFact) => (example: Example) =>
    example.opening === query.opening &&
    [...asked].every((term) => example.terms.has(term)) &&
    [...example.terms].every((term) => asked.has(term) || !index.names.has(term) || entityTermsOf(index, doc).some((entity) => entity.includes(term) && entity.some((part) => asked.has(part))));
  const phrased = ranked
    .filter((candidate) => candidate.score >= NEAR_TIE * top.score && candidate.coverage >= MIN_COVERAGE)
    .find(({ doc }) => examplesOf(index, doc).some(askedLikeThis(doc)));
  return !phrased || phrased === top ? ranked : [phrased, ...ranked.filter((candidate) => candidate !== phrased)];
}

interface Example {
  opening: string | undefined;
  terms: ReadonlySet<string>;
}

const examplesCache = new WeakMap<IndexedFact, readonly Example[]>();

function examplesOf(index: FactIndex, doc: IndexedFact): readonly Example[] {
  let examples = examplesCache.get(doc);
  if (!examples) {
    examples = doc.fact.questions.map((question) => {
      const read = words(normaliseText(question));
      return { opening: questionOpening(read), terms: new Set(indexTerms(index, read)) };
    });
    examplesCache.set(doc, examples);
  }
  return examples;
}

/**
 * Share of the fact statement's weight that the question asks about: prefers facts about just this.
 * Figures and units are what a question asks for, not what it names, so they do not count.
 */
function focus(index: FactIndex, doc: IndexedFact, asked: ReadonlySet<string | undefined>): number {
  const activeCount = Math.max(1, index.activeCount);
  let total = 0;
  let hit = 0;
  for (let at = 0; at < doc.statementCount; at++) {
    const term = doc.termAt(at);
    if (isAnswerWord(term)) continue;
    const weight = Math.log(1 + activeCount / Math.max(1, index.documentFrequency(term)));
    total += weight;
    if (asked.has(term)) hit += weight;
  }
  return total === 0 ? 0 : hit / total;
}

/**
 * Whether the fact holds a word of the question besides figures and units: a question that shares only "dollar"
 * and "yuan" with a fact ("how many yuan is a dollar") asks about something else.
 */
function sharesTopic(question: Question, doc: IndexedFact): boolean {
  return question.terms.some(({ term }) => term !== undefined && !isAnswerWord(term) && doc.positionOf(term) >= 0);
}

const entityTermsCache = new WeakMap<IndexedFact, readonly (readonly string[])[]>();

/**
 * Share of the fact's entities (places, people, organisations) that the question names: of two facts that match
 * alike, the one about just what is asked. "Who from Russia attended?" is about the Russian attendees, not the
 * Chinese and Russian businesses that signed agreements there.
 */
function entityFocus(index: FactIndex, doc: IndexedFact, asked: ReadonlySet<string | undefined>): number {
  const entities = entityTermsOf(index, doc);
  if (entities.length === 0) return 0;
  let named = 0;
  for (const terms of entities) if (terms.some((term) => asked.has(term))) named++;
  return named / entities.length;
}

/** Each entity's index terms, by index: facts name the same entities over and over. */
const entityTermsByIndex = new WeakMap<FactIndex, Map<string, readonly string[]>>();

/** The index terms of each of the fact's entities ("Xi Jinping" -> xi, jinping). */
function entityTermsOf(index: FactIndex, doc: IndexedFact): readonly (readonly string[])[] {
  let entities = entityTermsCache.get(doc);
  if (!entities) {
    let known = entityTermsByIndex.get(index);
    if (!known) entityTermsByIndex.set(index, (known = new Map<string, readonly string[]>()));
    entities = doc.fact.entities.map((entity) => {
      let terms = known.get(entity);
      if (!terms) known.set(entity, (terms = indexTerms(index, words(normaliseText(entity)))));
      return terms;
    });
    entityTermsCache.set(doc, entities);
  }
  return entities;
}

/** The index terms of a text's words, as the index reads its facts. */
function indexTerms(index: FactIndex, read: readonly string[]): string[] {
  return read.map(canonicalWord).filter(isContentWord).map((word) => termOf(word, index.names));
}

function isAnswerWord(term: string): boolean {
  return DIGIT.test(term) || ANSWER_WORDS.has(term);
}

function suggestFacts(index: FactIndex, partial: string, label: (fact: Fact) => string): Suggestion[] {
  const text = partial.trim();
  const active = index.docs.filter((doc) => doc.fact.status === "active");
  const suggestion = ({ fact }: IndexedFact): Suggestion => ({ name: truncate(label(fact), 100), value: fact.id });
  if (!text) return active.slice(0, 25).map(suggestion);
  const byId = active.filter(({ fact }) => fact.id.startsWith(text.toLowerCase()));
  const query = readQuestion(index, text, !/\s$/.test(partial));
  const ranked = rank(index, query).map(({ doc }) => doc);
  const seen = new Set<string>();
  return [...byId, ...ranked]
    .filter(({ fact }) => !seen.has(fact.id) && seen.add(fact.id))
    .slice(0, 25)
    .map(suggestion);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
