import type { FactIndex } from "./fact-index.js";
import type { AskedSlots } from "./slots.js";
import { askedAction, askedTraders, flowActor, namesPartner, tradePartner } from "./slots.js";
import { askedCategory, askedSpeaker, canonicalWord, countedWords, isContentWord, MAX_QUESTION_CHARS, normaliseQuestion, normaliseText, questionAnswerType, questionOpening, words } from "./text/analyze.js";
import { spellCountryAbbreviations } from "./text/country-abbreviations.js";
import { readForeign } from "./text/foreign.js";
import { worldPlaceNames } from "./text/lexicon.js";
import { ORGANISATION_SPELLINGS, PLACE_SPELLINGS } from "./text/place-spellings.js";
import { canonicalPeriods, periodOf } from "./text/periods.js";

const MAX_QUERY_WORDS = 24;
/** A joined or split word must be this long to be read as two words written apart or together. */
const MIN_COMPOUND_LENGTH = 6;
const MIN_SPLIT_PART = 3;

export type Language = "en" | "ru" | "zh";

export interface QueryTerm {
  /** The canonical word as the question wrote it (before any typo correction). */
  word: string;
  term: string | undefined;
  weight: number;
  quality: number;
  isName: boolean;
}

export interface Question {
  language: Language;
  terms: QueryTerm[];
  totalWeight: number;
  /** A name the fact base knows nothing close to: a capitalised unknown word, or a place it never mentions. */
  unknownName: string | undefined;
  asked: AskedSlots;
  /** How the question opens ("can", "why", "how much"), when it asks with a question word. */
  opening: string | undefined;
}

interface Resolved {
  term: string;
  /** The canonical vocabulary word the question word was read as. */
  word: string;
  quality: number;
  edits: number;
}

let worldPlaces: ReadonlySet<string> | undefined;

/** Reads at most MAX_QUESTION_CHARS of a question: its language, weighted terms, the names it uses and the slots it asks. */
export function readQuestion(index: FactIndex, raw: string, prefixLast = false): Question {
  const original = raw.slice(0, MAX_QUESTION_CHARS);
  const foreign = readForeign(original, index.phrases, {
    has: (word) => words(normaliseText(word)).every((part) => index.termFor(canonicalWord(part)) !== undefined),
    nearName: (word) => index.names.has(resolveWord(index, canonicalWord(word))?.word ?? ""),
  });
  const text = spellCountryAbbreviations(foreign.text);
  const normalised = normaliseQuestion(text);
  const tokens = words(normalised);
  const halves = new Set<string>();
  const surface = splitJoinedWords(joinSplitWords(tokens, index), index, halves);
  const unique = [...new Set(surface.map(canonicalWord).filter((word) => isContentWord(word) || isHanCharacter(word)))].slice(0, MAX_QUERY_WORDS);
  const capitalised = capitalisedWords(text);
  const activeCount = Math.max(1, index.activeCount);
  const unknownWeight = Math.log(1 + 2 * activeCount);
  let unknownName: string | undefined;
  const resolvedWords: string[] = [];
  const terms = unique.map((word, position): QueryTerm => {
    const isLast = position === unique.length - 1;
    const resolved = prefixLast && isLast ? resolvePrefix(index, word) : resolveWord(index, word);
    if (!resolved && capitalised.has(word)) unknownName ??= word;
    resolvedWords.push(resolved?.word ?? word);
    const share = halves.has(word) || isHanCharacter(word) ? 0.5 : 1;
    const weight = share * (resolved ? Math.log(1 + activeCount / index.documentFrequency(resolved.term)) : unknownWeight);
    return { word, term: resolved?.term, weight, quality: resolved?.quality ?? 0, isName: index.names.has(resolved?.word ?? word) };
  });
  unknownName ??= foreign.names.find(({ read }) => words(normaliseText(read)).some((word) => !resolveWord(index, canonicalWord(word))))?.written;
  worldPlaces ??= new Set([...worldPlaceNames(normaliseText), ...[...PLACE_SPELLINGS, ...ORGANISATION_SPELLINGS].map(({ english }) => english)]);
  const knownWords = new Set(unique.filter((word) => index.vocabulary.has(word)));
  const corrected = new Map(unique.map((word, i) => [word, resolvedWords[i]!]));
  const correctedText = canonicalPeriods(tokens.map((word) => corrected.get(word) ?? word).join(" "));
  const resolvedText = resolvedWords.join(" ");
  unknownName ??= phrases(tokens).find((phrase) => worldPlaces!.has(phrase) && !knownWords.has(phrase));
  const partner = tradePartner(resolvedText, index.names);
  return {
    language: languageOf(foreign.readAs ?? original),
    terms,
    totalWeight: terms.reduce((sum, term) => sum + term.weight, 0),
    unknownName,
    opening: questionOpening(tokens),
    asked: {
      answerType: questionAnswerType(normalised),
      period: periodOf(correctedText),
      speaker: askedSpeaker(normalised).map((word) => resolvedWords[unique.indexOf(word)] ?? word),
      counted: countedWords(normalised).map((word) => resolvedWords[unique.indexOf(word)] ?? word),
      names: resolvedWords.filter((word, i) => terms[i]?.isName && terms[i]?.term !== undefined),
      words: resolvedWords,
      actor: flowActor(resolvedText, index.names),
      partner,
      partnerNamed: namesPartner(normalised, partner),
      traders: askedTraders(resolvedText, index.names),
      category: askedCategory(correctedText),
      action: askedAction(normalised, resolvedWords),
    },
  };
}

/**
 * A Chinese character the glossary does not read and that is no grammar word: half of a word the fact base does
 * not know ("比特币" is left as 特 and 币), where a single letter is no word at all.
 */
function isHanCharacter(word: string): boolean {
  return /^\p{Script=Han}$/u.test(word);
}

/** The question's language: Russian or Chinese when their letters outweigh the Latin ones. */
export function languageOf(text: string): Language {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const latin = count(/\p{Script=Latin}/gu);
  if (count(/\p{Script=Cyrillic}/gu) > latin) return "ru";
  if (2 * count(/\p{Script=Han}/gu) > latin) return "zh";
  return "en";
}

/** "north east" -> "northeast", "e commerce" -> "ecommerce": two words the base writes as one. */
function joinSplitWords(tokens: readonly string[], index: FactIndex): string[] {
  const joined: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = `${tokens[i]}${tokens[i + 1] ?? ""}`;
    if (i + 1 < tokens.length && pair.length >= MIN_COMPOUND_LENGTH && index.vocabulary.has(pair)) {
      joined.push(pair);
      i++;
    } else {
      joined.push(tokens[i]!);
    }
  }
  return joined;
}

/**
 * "crossborder" -> "cross border": one unknown word that is two known ones written together. The two halves go
 * into `halves`: together they weigh what one word does.
 */
function splitJoinedWords(tokens: readonly string[], index: FactIndex, halves: Set<string>): string[] {
  return tokens.flatMap((token) => {
    if (token.length < 2 * MIN_SPLIT_PART || index.vocabulary.has(token) || index.termFor(canonicalWord(token))) return [token];
    for (let at = MIN_SPLIT_PART; at <= token.length - MIN_SPLIT_PART; at++) {
      const [head, tail] = [token.slice(0, at), token.slice(at)];
      if (index.vocabulary.has(head) && index.vocabulary.has(tail)) {
        halves.add(canonicalWord(head)).add(canonicalWord(tail));
        return [head, tail];
      }
    }
    return [token];
  });
}

/**
 * Words written with a capital inside a sentence (not its first word): names. One the fact base does not know
 * ("How much did Harbin export?", "What did Medvedev say?") is something it has no fact about.
 */
function capitalisedWords(text: string): Set<string> {
  const names = new Set<string>();
  for (const sentence of text.split(/[.!?]\s+/)) {
    const tokens = sentence.trim().split(/\s+/).slice(1);
    for (const token of tokens) {
      if (/^\p{Lu}\p{Ll}/u.test(token)) for (const word of words(normaliseText(token))) names.add(canonicalWord(word));
    }
  }
  return names;
}

function resolveWord(index: FactIndex, word: string): Resolved | undefined {
  const term = index.termFor(word);
  if (term) return { term, word, quality: 1, edits: 0 };
  for (const correction of index.corrector.correct(word)) {
    const corrected = index.knownTerm(correction.word);
    if (corrected) return { term: corrected, word: canonicalWord(correction.word), quality: 0.9 * correction.similarity, edits: correction.edits };
  }
  return undefined;
}

function resolvePrefix(index: FactIndex, prefix: string): Resolved | undefined {
  const exact = resolveWord(index, prefix);
  if (exact || prefix.length < 2) return exact;
  for (const word of index.vocabulary.keys()) {
    if (word.startsWith(prefix)) {
      const term = index.knownTerm(word);
      if (term) return { term, word: canonicalWord(word), quality: prefix.length / word.length, edits: 0 };
    }
  }
  return undefined;
}

function phrases(tokens: readonly string[]): string[] {
  return tokens.flatMap((_, i) => [1, 2, 3].map((length) => tokens.slice(i, i + length).join(" ")));
}
