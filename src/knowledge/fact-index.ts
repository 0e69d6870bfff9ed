import { canonicalWord, factAnswerTypes, synonymsOf, isContentWord, normaliseText, termOf, words, type AnswerType } from "./text/analyze.js";
import { ScoreBoard } from "./score-board.js";
import { statedSlots, type StatedSlots } from "./slots.js";
import { GENERIC_NAME_WORDS } from "./text/lexicon.js";
import { TypoCorrector } from "./text/typo-corrector.js";
import { mergeFacts } from "./merge-facts.js";
import type { Fact, FactBase, FactTranslation, Source } from "./schema.js";
import { chinesePhrases, foreignAsEnglish, hasForeignScript } from "./text/foreign.js";

/** How much a word counts when found in each part of a fact. */
const FIELD_WEIGHTS = {
  statement: 1,
  keywords: 1,
  aliases: 1,
  entities: 1,
  questions: 0.6,
  period: 0.8,
  topic: 0.6,
  quote: 0.3,
  attribution: 0.5,
  sourceTitle: 0.3,
  sourceDate: 0.3,
  translatedStatement: 1,
  translatedKeywords: 1,
  translatedAliases: 1,
  translatedQuestions: 0.6,
} as const;

type Field = keyof typeof FIELD_WEIGHTS;
/** Fields read from a fact's translations: only their Russian and Chinese terms are indexed, the English ones come from the fact itself. */
const TRANSLATED_FIELDS: ReadonlySet<Field> = new Set(["translatedStatement", "translatedKeywords", "translatedAliases", "translatedQuestions"]);

const SUBJECT_FIELDS: ReadonlySet<Field> = new Set(["statement", "entities", "aliases"]);

/** One fact as the index holds it: plain arrays, which take a fraction of the memory of a Map or Set each. */
export interface IndexedFact {
  fact: Fact;
  /** The fact's index terms, each once: its statement's first, then the rest of what it is about, then its context. */
  terms: readonly string[];
  /** At the same position as its term, the weight of the best field the term appears in. */
  weights: Float32Array;
  /** How many of `terms` come from the statement. */
  statementCount: number;
  /** How many of `terms` name what the fact itself is about (statement, entities, aliases), as opposed to its context. */
  subjectCount: number;
  answerTypes: readonly AnswerType[];
  /** The date of the fact's source, as the source gives it. */
  sourceDate: string | null | undefined;
}

export function statementTerms(doc: IndexedFact): readonly string[] {
  return doc.terms.slice(0, doc.statementCount);
}

export function subjectTerms(doc: IndexedFact): readonly string[] {
  return doc.terms.slice(0, doc.subjectCount);
}

const statedCache = new WeakMap<IndexedFact, StatedSlots>();

/** What the fact states of each slot, read the first time a question needs it and kept (most facts never are). */
export function statedSlotsOf(doc: IndexedFact, names: ReadonlySet<string>): StatedSlots {
  let stated = statedCache.get(doc);
  if (!stated) {
    const { statement, attribution, period } = doc.fact;
    stated = statedSlots({ statement: normaliseText(statement), attribution: normaliseText(attribution), period: normaliseText(period ?? "") }, doc.sourceDate, names);
    statedCache.set(doc, stated);
  }
  return stated;
}

export interface Posting {
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * The inverted index over the active facts: term -> the facts holding it, with the field weight.
 * Immutable: `withFacts` returns a new index that shares whatever the change did not touch.
 */
export class FactIndex {
  private board: ScoreBoard | undefined;

  private constructor(
    readonly docs: readonly IndexedFact[],
    readonly docById: ReadonlyMap<string, number>,
    readonly postings: ReadonlyMap<string, Posting>,
    /** Words that name places, people and organisations: never stemmed. */
    readonly names: ReadonlySet<string>,
    /** Every surface word seen, with its index term, for typo correction and prefixes. */
    readonly vocabulary: ReadonlyMap<string, string>,
    readonly corrector: TypoCorrector,
    readonly sources: ReadonlyMap<string, Source>,
    readonly activeCount: number,
    /** Chinese phrases of the translations' keywords and aliases, kept whole when a Chinese text is read. */
    readonly phrases: ReadonlySet<string>,
  ) {}

  static build(base: FactBase): FactIndex {
    const sources = new Map(base.sources.map((source) => [source.id, source]));
    const names = nameWords(base.facts);
    const phrases = chinesePhrasesOf(base.facts);
    const vocabulary = new Map<string, string>();
    const context = indexContext(names, vocabulary, phrases);
    const docs = base.facts.map((fact) => indexFact(fact, sources, context));
    const postings = buildPostings(docs);
    return new FactIndex(
      docs,
      new Map(docs.map((doc, docIndex) => [doc.fact.id, docIndex])),
      postings,
      names,
      vocabulary,
      TypoCorrector.build(vocabulary.keys()),
      sources,
      docs.filter((doc) => doc.fact.status === "active").length,
      phrases,
    );
  }

  /** This index with the given facts added, replaced (same id) or retired. */
  withFacts(changed: readonly Fact[]): FactIndex {
    const newNames = nameWords(changed);
    const newPhrases = [...chinesePhrasesOf(changed)].some((phrase) => !this.phrases.has(phrase));
    if (newPhrases || [...newNames].some((word) => !this.names.has(word) && termOf(word, new Set()) !== word)) {
      return FactIndex.build({ sources: [...this.sources.values()], facts: mergeFacts(this.docs.map((doc) => doc.fact), changed) });
    }
    const names = union(this.names, newNames);
    const vocabulary = new Map(this.vocabulary);
    const docs = [...this.docs];
    const docById = new Map(this.docById);
    const postings = new Map(this.postings);
    let activeCount = this.activeCount;
    const context = indexContext(names, vocabulary, this.phrases);
    for (const fact of changed) {
      const existing = docById.get(fact.id);
      const docIndex = existing ?? docs.length;
      const before = existing === undefined ? undefined : docs[existing];
      if (before?.fact.status === "active") {
        activeCount--;
        for (const term of before.terms) removeFromPosting(postings, term, docIndex);
      }
      const doc = indexFact(fact, this.sources, context);
      docs[docIndex] = doc;
      docById.set(fact.id, docIndex);
      if (fact.status === "active") {
        activeCount++;
        doc.terms.forEach((term, i) => addToPosting(postings, term, docIndex, doc.weights[i]!));
      }
    }
    const newWords = [...vocabulary.keys()].filter((word) => !this.vocabulary.has(word));
    return new FactIndex(docs, docById, postings, names, vocabulary, this.corrector.withWords(newWords), this.sources, activeCount, this.phrases);
  }

  /** The score accumulator for one query over this index's facts, made on first use. */
  scoreBoard(): ScoreBoard {
    return (this.board ??= new ScoreBoard(this.docs.length));
  }

  /** The index term a question word stands for, if any fact holds it. */
  termFor(word: string): string | undefined {
    const term = termOf(word, this.names);
    return this.postings.has(term) ? term : undefined;
  }

  /** The index term of a vocabulary word, if an active fact still holds it. */
  knownTerm(surfaceWord: string): string | undefined {
    const term = this.vocabulary.get(surfaceWord);
    return term !== undefined && this.postings.has(term) ? term : undefined;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }
}

/** What indexing facts shares across them: names, the growing vocabulary, and texts and words already read. */
interface IndexContext {
  names: ReadonlySet<string>;
  vocabulary: Map<string, string>;
  /** Normalised texts and their terms, of the fields facts repeat (keywords, entities, topic, attribution, source…). */
  repeatedTexts: Map<string, { normalised: string; terms: string[] }>;
  /** Surface word -> its index term, or null for a stopword: each word is read once. */
  terms: Map<string, string | null>;
  answerTypes: Map<string, readonly AnswerType[]>;
  phrases: ReadonlySet<string>;
}

const REPEATED_FIELDS: ReadonlySet<Field> = new Set(["keywords", "aliases", "entities", "period", "topic", "attribution", "sourceTitle", "sourceDate", "translatedKeywords", "translatedAliases"]);

function indexContext(names: ReadonlySet<string>, vocabulary: Map<string, string>, phrases: ReadonlySet<string>): IndexContext {
  return { names, vocabulary, repeatedTexts: new Map(), terms: new Map(), answerTypes: new Map(), phrases };
}

/** The fields of a fact in the order they are indexed: what it is about first, so those terms lead its term list. */
const FIELD_ORDER: readonly Field[] = [
  "statement", "entities", "aliases", "keywords", "questions", "period", "topic", "quote", "attribution", "sourceTitle", "sourceDate",
  "translatedStatement", "translatedKeywords", "translatedAliases", "translatedQuestions",
];

function fieldTexts(fact: Fact, source: Source | undefined, field: Field): readonly string[] {
  switch (field) {
    case "statement": return [fact.statement];
    case "entities": return fact.entities;
    case "aliases": return fact.aliases;
    case "keywords": return fact.keywords;
    case "questions": return fact.questions;
    case "period": return fact.period === null ? [] : [fact.period];
    case "topic": return [fact.topic];
    case "quote": return [fact.quote];
    case "attribution": return [fact.attribution];
    case "sourceTitle": return source ? [source.title] : [];
    case "sourceDate": return source?.date ? [source.date] : [];
    case "translatedStatement": return translations(fact).map((translation) => translation.statement);
    case "translatedKeywords": return translations(fact).flatMap((translation) => translation.keywords);
    case "translatedAliases": return translations(fact).flatMap((translation) => translation.aliases);
    case "translatedQuestions": return translations(fact).flatMap((translation) => translation.questions);
  }
}

function translations(fact: Fact): FactTranslation[] {
  return Object.values(fact.translations ?? {}).filter((translation) => translation !== undefined);
}

function chinesePhrasesOf(facts: readonly Fact[]): Set<string> {
  return new Set(facts.flatMap((fact) => translations(fact).flatMap((translation) => [...translation.keywords, ...translation.aliases].flatMap(chinesePhrases))));
}

function indexFact(fact: Fact, sources: ReadonlyMap<string, Source>, context: IndexContext): IndexedFact {
  const source = sources.get(fact.sourceId);
  const terms = new Map<string, number>();
  let statementCount = 0;
  let subjectCount = 0;
  let statement = "";
  for (const field of FIELD_ORDER) {
    const weight = FIELD_WEIGHTS[field];
    for (const text of fieldTexts(fact, source, field)) {
      const read = TRANSLATED_FIELDS.has(field) ? readTranslated(text, REPEATED_FIELDS.has(field), context) : readField(text, REPEATED_FIELDS.has(field), context);
      if (field === "statement") statement = read.normalised;
      for (const term of read.terms) {
        const before = terms.get(term);
        if (before === undefined || before < weight) terms.set(term, weight);
      }
    }
    if (field === "statement") statementCount = terms.size;
    if (SUBJECT_FIELDS.has(field)) subjectCount = terms.size;
  }
  return {
    fact,
    terms: [...terms.keys()],
    weights: Float32Array.from(terms.values()),
    statementCount,
    subjectCount,
    answerTypes: sharedAnswerTypes(factAnswerTypes(statement), context),
    sourceDate: source?.date,
  };
}

/** The few distinct lists of answer types, shared by every fact with the same list. */
function sharedAnswerTypes(types: ReadonlySet<AnswerType>, context: IndexContext): readonly AnswerType[] {
  const key = [...types].join(",");
  let shared = context.answerTypes.get(key);
  if (!shared) context.answerTypes.set(key, (shared = [...types]));
  return shared;
}

function readField(text: string, repeated: boolean, context: IndexContext): { normalised: string; terms: string[] } {
  const known = repeated ? context.repeatedTexts.get(text) : undefined;
  if (known) return known;
  const normalised = normaliseText(text);
  const read = { normalised, terms: analyse(normalised, context) };
  if (repeated) context.repeatedTexts.set(text, read);
  return read;
}

/** The Russian and Chinese terms of a translated text, read as questions are. */
function readTranslated(text: string, repeated: boolean, context: IndexContext): { normalised: string; terms: string[] } {
  const key = `translated:${text}`;
  const known = repeated ? context.repeatedTexts.get(key) : undefined;
  if (known) return known;
  const normalised = normaliseText(foreignAsEnglish(text, context.phrases));
  const read = { normalised, terms: analyse(normalised, context).filter(hasForeignScript) };
  if (repeated) context.repeatedTexts.set(key, read);
  return read;
}

/** The index terms of a normalised text; records each surface word (and each synonym of it) in the vocabulary. */
function analyse(normalised: string, context: IndexContext): string[] {
  const terms: string[] = [];
  for (const surface of words(normalised)) {
    let term = context.terms.get(surface);
    if (term === undefined) {
      term = termOfSurface(surface, context);
      context.terms.set(surface, term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** A surface word's index term (null for a stopword), seen for the first time: it joins the vocabulary. */
function termOfSurface(surface: string, context: IndexContext): string | null {
  const word = canonicalWord(surface);
  if (!isContentWord(word)) return null;
  const term = termOf(word, context.names);
  if (!context.vocabulary.has(surface)) {
    context.vocabulary.set(surface, term);
    for (const synonym of synonymsOf(word)) context.vocabulary.set(synonym, term);
  }
  return term;
}

function nameWords(facts: readonly Fact[]): Set<string> {
  const isNameWord = (word: string) => isContentWord(word) && !GENERIC_NAME_WORDS.has(word);
  const entities = new Set(facts.flatMap((fact) => fact.entities));
  return new Set([...entities].flatMap((entity) => words(normaliseText(entity)).map(canonicalWord).filter(isNameWord)));
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return [...b].every((item) => a.has(item)) ? a : new Set([...a, ...b]);
}

/** Term -> the active facts holding it: counted first, so each list is allocated once at its size. */
function buildPostings(docs: readonly IndexedFact[]): Map<string, Posting> {
  const sizes = new Map<string, number>();
  for (const doc of docs) {
    if (doc.fact.status === "active") for (const term of doc.terms) sizes.set(term, (sizes.get(term) ?? 0) + 1);
  }
  const postings = new Map<string, Posting & { filled: number }>();
  for (const [term, size] of sizes) postings.set(term, { docs: new Int32Array(size), weights: new Float32Array(size), filled: 0 });
  docs.forEach((doc, docIndex) => {
    if (doc.fact.status !== "active") return;
    doc.terms.forEach((term, i) => {
      const posting = postings.get(term)!;
      posting.docs[posting.filled] = docIndex;
      posting.weights[posting.filled++] = doc.weights[i]!;
    });
  });
  return postings;
}

function removeFromPosting(postings: Map<string, Posting>, term: string, docIndex: number): void {
  const posting = postings.get(term);
  if (!posting) return;
  const at = posting.docs.indexOf(docIndex);
  if (at < 0) return;
  if (posting.docs.length === 1) {
    postings.delete(term);
    return;
  }
  const docs = new Int32Array(posting.docs.length - 1);
  const weights = new Float32Array(posting.weights.length - 1);
  docs.set(posting.docs.subarray(0, at));
  docs.set(posting.docs.subarray(at + 1), at);
  weights.set(posting.weights.subarray(0, at));
  weights.set(posting.weights.subarray(at + 1), at);
  postings.set(term, { docs, weights });
}

function addToPosting(postings: Map<string, Posting>, term: string, docIndex: number, weight: number): void {
  const posting = postings.get(term);
  const size = posting?.docs.length ?? 0;
  const docs = new Int32Array(size + 1);
  const weights = new Float32Array(size + 1);
  if (posting) {
    docs.set(posting.docs);
    weights.set(posting.weights);
  }
  docs[size] = docIndex;
  weights[size] = weight;
  postings.set(term, { docs, weights });
}
