import { canonicalWord, factAnswerTypes, synonymsOf, isContentWord, normaliseText, termOf, words, type AnswerType } from "./text/analyze.js";
import { ScoreBoard } from "./score-board.js";
import { statedSlots, type StatedSlots } from "./slots.js";
import { GENERIC_NAME_WORDS } from "./text/lexicon.js";
import { TypoCorrector } from "./text/typo-corrector.js";
import { mergeFacts } from "./merge-facts.js";
import { LayeredMap } from "./layered-map.js";
import { TermLog } from "./term-log.js";
import type { Fact, FactBase, FactTranslation, Source } from "./schema.js";
import { chinesePhrases, foreignRuns, hasForeignScript, untranslatedWords } from "./text/foreign.js";

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

/**
 * One fact as the index holds it: its terms stay numbers in the index's term log until a question first needs them
 * as a list (most facts never are a candidate).
 */
export class IndexedFact {
  #terms: readonly string[] | undefined;

  constructor(
    readonly fact: Fact,
    private readonly log: TermLog,
    private readonly number: number,
    /** How many of `terms` come from the statement. */
    readonly statementCount: number,
    /** How many of `terms` name what the fact itself is about (statement, entities, aliases), as opposed to its context. */
    readonly subjectCount: number,
    readonly answerTypes: readonly AnswerType[],
    /** The date of the fact's source, as the source gives it. */
    readonly sourceDate: string | null | undefined,
  ) {}

  /** The fact's index terms, each once: its statement's first, then the rest of what it is about, then its context. */
  get terms(): readonly string[] {
    return (this.#terms ??= this.log.termsOf(this.number));
  }
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
    const context = indexContext(names, vocabulary, phrases, base.facts.length);
    const docs = base.facts.map((fact) => indexFact(fact, sources, context));
    const postings = buildPostings(docs, context.log);
    context.log.seal();
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
    const vocabulary = new LayeredMap(this.vocabulary);
    const docs = [...this.docs];
    const docById = new LayeredMap(this.docById);
    const postings = new LayeredMap(this.postings);
    let activeCount = this.activeCount;
    const context = indexContext(names, vocabulary, this.phrases, changed.length);
    changed.forEach((fact, logged) => {
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
        const weights = context.log.weightsOf(logged);
        doc.terms.forEach((term, i) => addToPosting(postings, term, docIndex, weights[i]!));
      }
    });
    context.log.seal();
    const corrector = this.corrector.withWords(vocabulary.addedKeys());
    return new FactIndex(docs, docById.settled(), postings.settled(), names, vocabulary.settled(), corrector, this.sources, activeCount, this.phrases);
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

/** A map as indexing changes it: a new Map when building, a layer over the old one when changing facts. */
interface ChangingMap<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
  delete(key: K): boolean;
}

/** What indexing facts shares across them: names, the growing vocabulary, and texts and words already read. */
interface IndexContext {
  names: ReadonlySet<string>;
  vocabulary: ChangingMap<string, string>;
  log: TermLog;
  /** Term numbers of the texts facts repeat (keywords, entities, topic, attribution, source…), by text. */
  repeatedTexts: Map<string, readonly number[]>;
  /** The same for the repeated texts of translations, read as Russian and Chinese. */
  repeatedTranslations: Map<string, readonly number[]>;
  /** The term numbers of the text read last, when it is not kept. */
  scratch: number[];
  /** Surface word -> the number of its index term, or -1 for a stopword: each word is read once. */
  surfaces: Map<string, number>;
  /** The term numbers of the untranslated words of each Cyrillic word and Han run of the translations read so far. */
  foreignRuns: Map<string, readonly number[]>;
  /** By term number: whether the term is Russian or Chinese, the only terms indexed from translations. */
  foreign: boolean[];
  phrases: ReadonlySet<string>;
}

const REPEATED_FIELDS: ReadonlySet<Field> = new Set(["keywords", "aliases", "entities", "period", "topic", "attribution", "sourceTitle", "sourceDate", "translatedKeywords", "translatedAliases"]);

function indexContext(names: ReadonlySet<string>, vocabulary: ChangingMap<string, string>, phrases: ReadonlySet<string>, facts: number): IndexContext {
  return { names, vocabulary, log: new TermLog(facts), repeatedTexts: new Map(), repeatedTranslations: new Map(), foreignRuns: new Map(), scratch: [], surfaces: new Map(), foreign: [], phrases };
}

/** The fields of a fact in the order they are indexed: what it is about first, so those terms lead its term list. */
const FIELD_ORDER: readonly Field[] = [
  "statement", "entities", "aliases", "keywords", "questions", "period", "topic", "quote", "attribution", "sourceTitle", "sourceDate",
  "translatedStatement", "translatedKeywords", "translatedAliases", "translatedQuestions",
];

function fieldTexts(fact: Fact, source: Source | undefined, translated: readonly FactTranslation[], field: Field): readonly string[] {
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
    case "translatedStatement": return translated.map((translation) => translation.statement);
    case "translatedKeywords": return translated.flatMap((translation) => translation.keywords);
    case "translatedAliases": return translated.flatMap((translation) => translation.aliases);
    case "translatedQuestions": return translated.flatMap((translation) => translation.questions);
  }
}

function translations(fact: Fact): FactTranslation[] {
  return Object.values(fact.translations ?? {}).filter((translation) => translation !== undefined);
}

/** The Chinese phrases of the translations' keywords and aliases, each distinct text read once (most repeat across facts). */
function chinesePhrasesOf(facts: readonly Fact[]): Set<string> {
  const texts = new Set<string>();
  for (const fact of facts) {
    for (const translation of translations(fact)) for (const text of [...translation.keywords, ...translation.aliases]) texts.add(text);
  }
  return new Set([...texts].flatMap(chinesePhrases));
}

function indexFact(fact: Fact, sources: ReadonlyMap<string, Source>, context: IndexContext): IndexedFact {
  const source = sources.get(fact.sourceId);
  const translated = translations(fact);
  const { log } = context;
  let statementCount = 0;
  let subjectCount = 0;
  let statement = "";
  for (const field of FIELD_ORDER) {
    const weight = FIELD_WEIGHTS[field];
    const repeated = REPEATED_FIELDS.has(field);
    for (const text of fieldTexts(fact, source, translated, field)) {
      let terms: readonly number[];
      if (field === "statement") terms = analyse((statement = normaliseText(text)), context);
      else terms = TRANSLATED_FIELDS.has(field) ? readTranslated(text, repeated, context) : readField(text, repeated, context);
      for (const term of terms) log.add(term, weight);
    }
    if (field === "statement") statementCount = log.count;
    if (SUBJECT_FIELDS.has(field)) subjectCount = log.count;
  }
  return new IndexedFact(fact, log, log.endFact(), statementCount, subjectCount, sharedAnswerTypes(factAnswerTypes(statement)), source?.date);
}

const answerTypeLists = new Map<string, readonly AnswerType[]>();

/** The few distinct lists of answer types, shared by every fact with the same list. */
function sharedAnswerTypes(types: ReadonlySet<AnswerType>): readonly AnswerType[] {
  const key = [...types].join(",");
  let shared = answerTypeLists.get(key);
  if (!shared) answerTypeLists.set(key, (shared = [...types]));
  return shared;
}

/** The term numbers of a field's text; a repeated field's text is read once and kept. */
function readField(text: string, repeated: boolean, context: IndexContext): readonly number[] {
  if (!repeated) return analyse(normaliseText(text), context);
  let terms = context.repeatedTexts.get(text);
  if (!terms) context.repeatedTexts.set(text, (terms = [...analyse(normaliseText(text), context)]));
  return terms;
}

/** The Russian and Chinese terms of a translated text, read as questions are. */
function readTranslated(text: string, repeated: boolean, context: IndexContext): readonly number[] {
  const known = repeated ? context.repeatedTranslations.get(text) : undefined;
  if (known) return known;
  const terms: number[] = [];
  for (const run of foreignRuns(text)) {
    let numbers = context.foreignRuns.get(run);
    if (!numbers) {
      numbers = untranslatedWords(run, context.phrases).flatMap((word) => analyse(normaliseText(word), context).filter((term) => context.foreign[term]));
      context.foreignRuns.set(run, numbers);
    }
    for (const number of numbers) terms.push(number);
  }
  if (repeated) context.repeatedTranslations.set(text, terms);
  return terms;
}

/**
 * The term numbers of a normalised text, in a list reused by the next text read; records each surface word (and
 * each synonym of it) in the vocabulary.
 */
function analyse(normalised: string, context: IndexContext): number[] {
  const terms = context.scratch;
  terms.length = 0;
  for (const surface of words(normalised)) {
    let term = context.surfaces.get(surface);
    if (term === undefined) {
      term = termOfSurface(surface, context);
      context.surfaces.set(surface, term);
    }
    if (term >= 0) terms.push(term);
  }
  return terms;
}

/** The number of a surface word's index term (-1 for a stopword), seen for the first time: it joins the vocabulary. */
function termOfSurface(surface: string, context: IndexContext): number {
  const word = canonicalWord(surface);
  if (!isContentWord(word)) return -1;
  const term = termOf(word, context.names);
  if (!context.vocabulary.has(surface)) {
    context.vocabulary.set(surface, term);
    for (const synonym of synonymsOf(word)) context.vocabulary.set(synonym, term);
  }
  const number = context.log.numberOf(term);
  context.foreign[number] ??= hasForeignScript(term);
  return number;
}

function nameWords(facts: readonly Fact[]): Set<string> {
  const isNameWord = (word: string) => isContentWord(word) && !GENERIC_NAME_WORDS.has(word);
  const entities = new Set<string>();
  for (const fact of facts) for (const entity of fact.entities) entities.add(entity);
  return new Set([...entities].flatMap((entity) => words(normaliseText(entity)).map(canonicalWord).filter(isNameWord)));
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return [...b].every((item) => a.has(item)) ? a : new Set([...a, ...b]);
}

/**
 * Term -> the active facts holding it: counted first, then filled into two arrays shared by every list (each list a
 * view of its part), so a build allocates two buffers instead of two per term.
 */
function buildPostings(docs: readonly IndexedFact[], log: TermLog): Map<string, Posting> {
  const active = docs.map((doc) => doc.fact.status === "active");
  const sizes = new Int32Array(log.terms.length);
  for (let doc = 0; doc < docs.length; doc++) {
    if (active[doc]) for (const term of log.termNumbers(doc)) sizes[term]!++;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let term = 0; term < sizes.length; term++) starts[term + 1] = starts[term]! + sizes[term]!;
  const [allDocs, allWeights] = [new Int32Array(starts[sizes.length]!), new Float32Array(starts[sizes.length]!)];
  const next = starts.slice(0, sizes.length);
  for (let doc = 0; doc < docs.length; doc++) {
    if (!active[doc]) continue;
    const [terms, weights] = [log.termNumbers(doc), log.weightsOf(doc)];
    for (let i = 0; i < terms.length; i++) {
      const at = next[terms[i]!]!++;
      allDocs[at] = doc;
      allWeights[at] = weights[i]!;
    }
  }
  const postings = new Map<string, Posting>();
  for (let term = 0; term < sizes.length; term++) {
    const [start, end] = [starts[term]!, starts[term + 1]!];
    if (end > start) postings.set(log.terms[term]!, { docs: allDocs.subarray(start, end), weights: allWeights.subarray(start, end) });
  }
  return postings;
}

function removeFromPosting(postings: ChangingMap<string, Posting>, term: string, docIndex: number): void {
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

function addToPosting(postings: ChangingMap<string, Posting>, term: string, docIndex: number, weight: number): void {
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
