import { canonicalWord, factAnswerTypes, synonymsOf, isContentWord, normaliseText, termOf, words, type AnswerType } from "./text/analyze.js";
import { TermLog } from "./term-log.js";
import type { Fact, FactTranslation, Source } from "./schema.js";
import { foreignRuns, hasForeignScript, untranslatedWords } from "./text/foreign.js";

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

const REPEATED_FIELDS: ReadonlySet<Field> = new Set(["keywords", "aliases", "entities", "period", "topic", "attribution", "sourceTitle", "sourceDate", "translatedKeywords", "translatedAliases"]);

/** The fields of a fact in the order they are indexed: what it is about first, so those terms lead its term list. */
const FIELD_ORDER: readonly Field[] = [
  "statement", "entities", "aliases", "keywords", "questions", "period", "topic", "quote", "attribution", "sourceTitle", "sourceDate",
  "translatedStatement", "translatedKeywords", "translatedAliases", "translatedQuestions",
];

/** A fact's texts as indexing reads them: for each field of `FIELD_ORDER`, its texts. */
export type FactTexts = readonly (readonly string[])[];

export const FIELD_COUNT = FIELD_ORDER.length;

/** Whether the field at this place of `FactTexts` holds texts that facts repeat (keywords, entities, topic…). */
export function isRepeatedField(at: number): boolean {
  return REPEATED_FIELDS.has(FIELD_ORDER[at]!);
}

/** A map as indexing changes it: a new Map when building, a layer over the old one when changing facts. */
export interface ChangingMap<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
  delete(key: K): boolean;
}

/** What reading facts shares across them: names, the growing vocabulary, and texts and words already read. */
export interface ReadingContext {
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

export function readingContext(names: ReadonlySet<string>, vocabulary: ChangingMap<string, string>, phrases: ReadonlySet<string>, facts: number): ReadingContext {
  return { names, vocabulary, log: new TermLog(facts), repeatedTexts: new Map(), repeatedTranslations: new Map(), foreignRuns: new Map(), scratch: [], surfaces: new Map(), foreign: [], phrases };
}

const NONE: readonly string[] = [];

export function translations(fact: Fact): FactTranslation[] {
  return Object.values(fact.translations ?? {}).filter((translation) => translation !== undefined);
}

/** A fact's texts, field by field in `FIELD_ORDER`. */
export function factTexts(fact: Fact, source: Source | undefined): FactTexts {
  const translated = fact.translations ? translations(fact) : [];
  return FIELD_ORDER.map((field) => fieldTexts(fact, source, translated, field));
}

function fieldTexts(fact: Fact, source: Source | undefined, translated: readonly FactTranslation[], field: Field): readonly string[] {
  switch (field) {
    case "statement": return [fact.statement];
    case "entities": return fact.entities;
    case "aliases": return fact.aliases;
    case "keywords": return fact.keywords;
    case "questions": return fact.questions;
    case "period": return fact.period === null ? NONE : [fact.period];
    case "topic": return [fact.topic];
    case "quote": return [fact.quote];
    case "attribution": return [fact.attribution];
    case "sourceTitle": return source ? [source.title] : NONE;
    case "sourceDate": return source?.date ? [source.date] : NONE;
    case "translatedStatement": return translated.map((translation) => translation.statement);
    case "translatedKeywords": return translated.flatMap((translation) => translation.keywords);
    case "translatedAliases": return translated.flatMap((translation) => translation.aliases);
    case "translatedQuestions": return translated.flatMap((translation) => translation.questions);
  }
}

/** What reading a fact learns beyond its terms. */
export interface FactReading {
  /** How many of the fact's terms come from the statement. */
  statementCount: number;
  /** How many of its terms name what the fact itself is about (statement, entities, aliases), as opposed to its context. */
  subjectCount: number;
  answerTypes: readonly AnswerType[];
}

/** Reads one fact's texts into the context's log as the next fact, each term with the weight of its best field. */
export function readFact(texts: FactTexts, context: ReadingContext): FactReading {
  const { log } = context;
  let statementCount = 0;
  let subjectCount = 0;
  let statement = "";
  for (let at = 0; at < FIELD_ORDER.length; at++) {
    const field = FIELD_ORDER[at]!;
    const weight = FIELD_WEIGHTS[field];
    const repeated = REPEATED_FIELDS.has(field);
    for (const text of texts[at]!) {
      let terms: readonly number[];
      if (field === "statement") terms = analyse((statement = normaliseText(text)), context);
      else terms = TRANSLATED_FIELDS.has(field) ? readTranslated(text, repeated, context) : readField(text, repeated, context);
      for (const term of terms) log.add(term, weight);
    }
    if (field === "statement") statementCount = log.count;
    if (SUBJECT_FIELDS.has(field)) subjectCount = log.count;
  }
  log.endFact();
  return { statementCount, subjectCount, answerTypes: sharedAnswerTypes(factAnswerTypes(statement)) };
}

const answerTypeLists = new Map<string, readonly AnswerType[]>();

/** The few distinct lists of answer types, shared by every fact with the same list. */
export function sharedAnswerTypes(types: Iterable<AnswerType>): readonly AnswerType[] {
  const list = [...types];
  const key = list.join(",");
  let shared = answerTypeLists.get(key);
  if (!shared) answerTypeLists.set(key, (shared = list));
  return shared;
}

/** The term numbers of a field's text; a repeated field's text is read once and kept. */
function readField(text: string, repeated: boolean, context: ReadingContext): readonly number[] {
  if (!repeated) return analyse(normaliseText(text), context);
  let terms = context.repeatedTexts.get(text);
  if (!terms) context.repeatedTexts.set(text, (terms = [...analyse(normaliseText(text), context)]));
  return terms;
}

/** The Russian and Chinese terms of a translated text, read as questions are. */
function readTranslated(text: string, repeated: boolean, context: ReadingContext): readonly number[] {
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
function analyse(normalised: string, context: ReadingContext): number[] {
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
function termOfSurface(surface: string, context: ReadingContext): number {
  const word = canonicalWord(surface);
  if (!isContentWord(word)) return -1;
  const term = termOf(word, context.names);
  learnSurface(context.vocabulary, surface, term);
  const number = context.log.numberOf(term);
  context.foreign[number] ??= hasForeignScript(term);
  return number;
}

/** Records a surface word, and each synonym of it, as standing for its index term, unless the word is known already. */
export function learnSurface(vocabulary: ChangingMap<string, string>, surface: string, term: string): void {
  if (vocabulary.has(surface)) return;
  vocabulary.set(surface, term);
  for (const synonym of synonymsOf(canonicalWord(surface))) vocabulary.set(synonym, term);
}
