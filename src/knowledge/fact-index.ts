import { canonicalWord, isContentWord, normaliseText, termOf, words, type AnswerType } from "./text/analyze.js";
import { ScoreBoard } from "./score-board.js";
import { statedSlots, type StatedSlots } from "./slots.js";
import { GENERIC_NAME_WORDS } from "./text/lexicon.js";
import { TypoCorrector } from "./text/typo-corrector.js";
import { mergeFacts } from "./merge-facts.js";
import { LayeredMap } from "./layered-map.js";
import { TermLog } from "./term-log.js";
import type { Fact, FactBase, Source } from "./schema.js";
import { chinesePhrases } from "./text/foreign.js";
import { readFacts, type ReadOptions } from "./parallel-reading.js";
import { factTexts, readFact, readingContext, translations, type ChangingMap, type FactReading, type ReadingContext } from "./fact-reading.js";

/**
 * One fact as the index holds it: its terms stay numbers in the index's term log, and a question looks them up
 * there. Keeping each candidate's list of terms made every question leave garbage that young-generation
 * collections copied twice before it settled.
 */
export class IndexedFact {
  /** How many of `terms` come from the statement. */
  readonly statementCount: number;
  /** How many of `terms` name what the fact itself is about (statement, entities, aliases), as opposed to its context. */
  readonly subjectCount: number;
  readonly answerTypes: readonly AnswerType[];

  constructor(
    readonly fact: Fact,
    private readonly log: TermLog,
    private readonly number: number,
    reading: FactReading,
    /** The date of the fact's source, as the source gives it. */
    readonly sourceDate: string | null | undefined,
  ) {
    ({ statementCount: this.statementCount, subjectCount: this.subjectCount, answerTypes: this.answerTypes } = reading);
  }

  /** The fact's index terms, each once: its statement's first, then the rest of what it is about, then its context. */
  get terms(): readonly string[] {
    return this.log.termsOf(this.number);
  }

  /** Where the term stands in `terms`, or -1. */
  positionOf(term: string): number {
    return this.log.positionIn(this.number, term);
  }

  /** The term at a position of `terms`. */
  termAt(position: number): string {
    return this.log.termAt(this.number, position);
  }
}

/** Whether the term is one of what the fact itself is about, without making the list of those terms. */
export function isSubjectTerm(doc: IndexedFact, term: string): boolean {
  const at = doc.positionOf(term);
  return at >= 0 && at < doc.subjectCount;
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

  static build(base: FactBase, reading?: ReadOptions): FactIndex {
    const sources = new Map(base.sources.map((source) => [source.id, source]));
    const names = nameWords(base.facts);
    const phrases = chinesePhrasesOf(base.facts);
    const vocabulary = new Map<string, string>();
    const context = readingContext(names, vocabulary, phrases, base.facts.length);
    const { readings } = readFacts(base.facts, (fact) => factTexts(fact, sources.get(fact.sourceId)), context, reading);
    const docs = base.facts.map((fact, number) => new IndexedFact(fact, context.log, number, readings[number]!, sources.get(fact.sourceId)?.date));
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
    const context = readingContext(names, vocabulary, this.phrases, changed.length);
    changed.forEach((fact, logged) => {
      const existing = docById.get(fact.id);
      const docIndex = existing ?? docs.length;
      const before = existing === undefined ? undefined : docs[existing];
      if (before?.fact.status === "active") {
        activeCount--;
        for (const term of before.terms) removeFromPosting(postings, term, docIndex);
      }
      const doc = indexFact(fact, logged, this.sources, context);
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

/** The Chinese phrases of the translations' keywords and aliases, each distinct text read once (most repeat across facts). */
function chinesePhrasesOf(facts: readonly Fact[]): Set<string> {
  const texts = new Set<string>();
  for (const fact of facts) {
    for (const translation of translations(fact)) for (const text of [...translation.keywords, ...translation.aliases]) texts.add(text);
  }
  return new Set([...texts].flatMap(chinesePhrases));
}

function indexFact(fact: Fact, number: number, sources: ReadonlyMap<string, Source>, context: ReadingContext): IndexedFact {
  const source = sources.get(fact.sourceId);
  return new IndexedFact(fact, context.log, number, readFact(factTexts(fact, source), context), source?.date);
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
