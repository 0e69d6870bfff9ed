import { canonicalWord, synonymsOf, isContentWord, normaliseText, termOf, words } from "./text/analyze.js";
import { statedSlots, type StatedSlots } from "./slots.js";
import { GENERIC_NAME_WORDS } from "./text/lexicon.js";
import { TypoCorrector } from "./text/typo-corrector.js";
import { mergeFacts } from "./merge-facts.js";
import type { Fact, FactBase, Source } from "./schema.js";

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
} as const;

const SUBJECT_FIELDS: ReadonlySet<keyof typeof FIELD_WEIGHTS> = new Set(["statement", "entities", "aliases"]);

export interface IndexedFact {
  fact: Fact;
  /** Index term -> weight of the best field it appears in. */
  terms: ReadonlyMap<string, number>;
  statementTerms: readonly string[];
  /** Terms of what the fact itself is about (statement, entities, aliases), as opposed to its context. */
  subjectTerms: ReadonlySet<string>;
  slots: StatedSlots;
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
  ) {}

  static build(base: FactBase): FactIndex {
    const sources = new Map(base.sources.map((source) => [source.id, source]));
    const names = nameWords(base.facts);
    const vocabulary = new Map<string, string>();
    const docs = base.facts.map((fact) => indexFact(fact, sources, names, vocabulary));
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    docs.forEach((doc, docIndex) => {
      if (doc.fact.status !== "active") return;
      for (const [term, weight] of doc.terms) {
        const list = lists.get(term) ?? { docs: [], weights: [] };
        list.docs.push(docIndex);
        list.weights.push(weight);
        lists.set(term, list);
      }
    });
    const postings = new Map<string, Posting>();
    for (const [term, list] of lists) {
      postings.set(term, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) });
    }
    return new FactIndex(
      docs,
      new Map(docs.map((doc, docIndex) => [doc.fact.id, docIndex])),
      postings,
      names,
      vocabulary,
      TypoCorrector.build(vocabulary.keys()),
      sources,
      docs.filter((doc) => doc.fact.status === "active").length,
    );
  }

  /** This index with the given facts added, replaced (same id) or retired. */
  withFacts(changed: readonly Fact[]): FactIndex {
    const newNames = nameWords(changed);
    if ([...newNames].some((word) => !this.names.has(word) && termOf(word, new Set()) !== word)) {
      return FactIndex.build({ sources: [...this.sources.values()], facts: mergeFacts(this.docs.map((doc) => doc.fact), changed) });
    }
    const names = union(this.names, newNames);
    const vocabulary = new Map(this.vocabulary);
    const docs = [...this.docs];
    const docById = new Map(this.docById);
    const postings = new Map(this.postings);
    let activeCount = this.activeCount;
    for (const fact of changed) {
      const existing = docById.get(fact.id);
      const docIndex = existing ?? docs.length;
      const before = existing === undefined ? undefined : docs[existing];
      if (before?.fact.status === "active") {
        activeCount--;
        for (const term of before.terms.keys()) removeFromPosting(postings, term, docIndex);
      }
      const doc = indexFact(fact, this.sources, names, vocabulary);
      docs[docIndex] = doc;
      docById.set(fact.id, docIndex);
      if (fact.status === "active") {
        activeCount++;
        for (const [term, weight] of doc.terms) addToPosting(postings, term, docIndex, weight);
      }
    }
    const newWords = [...vocabulary.keys()].filter((word) => !this.vocabulary.has(word));
    return new FactIndex(docs, docById, postings, names, vocabulary, this.corrector.withWords(newWords), this.sources, activeCount);
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

function indexFact(fact: Fact, sources: ReadonlyMap<string, Source>, names: ReadonlySet<string>, vocabulary: Map<string, string>): IndexedFact {
  const source = sources.get(fact.sourceId);
  const fields: [keyof typeof FIELD_WEIGHTS, string][] = [
    ["statement", fact.statement],
    ["keywords", fact.keywords.join(" ; ")],
    ["aliases", fact.aliases.join(" ; ")],
    ["entities", fact.entities.join(" ; ")],
    ["questions", fact.questions.join(" ; ")],
    ["period", fact.period ?? ""],
    ["topic", fact.topic],
    ["quote", fact.quote],
    ["attribution", fact.attribution],
    ["sourceTitle", source?.title ?? ""],
    ["sourceDate", source?.date ?? ""],
  ];
  const terms = new Map<string, number>();
  let statementTerms: string[] = [];
  const subjectTerms = new Set<string>();
  for (const [field, text] of fields) {
    const fieldTerms = analyse(text, names, vocabulary);
    if (field === "statement") statementTerms = [...new Set(fieldTerms)];
    if (SUBJECT_FIELDS.has(field)) for (const term of fieldTerms) subjectTerms.add(term);
    for (const term of fieldTerms) terms.set(term, Math.max(terms.get(term) ?? 0, FIELD_WEIGHTS[field]));
  }
  return { fact, terms, statementTerms, subjectTerms, slots: statedSlots(fact, source, names) };
}

/** The index terms of a text; records each surface word (and each synonym of it) in the vocabulary. */
function analyse(text: string, names: ReadonlySet<string>, vocabulary: Map<string, string>): string[] {
  const terms: string[] = [];
  for (const surface of words(normaliseText(text))) {
    const word = canonicalWord(surface);
    if (!isContentWord(word)) continue;
    const term = termOf(word, names);
    terms.push(term);
    if (!vocabulary.has(surface)) {
      vocabulary.set(surface, term);
      for (const synonym of synonymsOf(word)) vocabulary.set(synonym, term);
    }
  }
  return terms;
}

function nameWords(facts: readonly Fact[]): Set<string> {
  const isNameWord = (word: string) => isContentWord(word) && !GENERIC_NAME_WORDS.has(word);
  return new Set(facts.flatMap((fact) => fact.entities.flatMap((entity) => words(normaliseText(entity)).map(canonicalWord).filter(isNameWord))));
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return [...b].every((item) => a.has(item)) ? a : new Set([...a, ...b]);
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
