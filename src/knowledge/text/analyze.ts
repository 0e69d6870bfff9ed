import { stemmer } from "stemmer";
import { rewriteChat } from "./chat-lexicon.js";
import { STOPWORDS, SYNONYMS, SYNONYMS_OF } from "./lexicon.js";
import { numberWordsAsFigures } from "./number-words.js";
import { canonicalPeriods } from "./periods.js";

/** What kind of answer a question asks for, read from its wording before stopwords go. */
export type AnswerType = "amount" | "count" | "change" | "date" | "place" | "reason" | "speaker";

/** No question needs more: the engine reads this much of any text, so a huge one costs no more than this. */
export const MAX_QUESTION_CHARS = 1_000;

/** Mentions (users, roles, channels, @everyone) and custom emoji: never part of a question's meaning. */
export const DISCORD_MARKUP = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b/g;

/** Latin letters that Unicode decomposition leaves as they are. */
const LATIN_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", þ: "th" };

const MONEY_SUFFIXES: Record<string, string> = {
  bn: "billion", bln: "billion", b: "billion", m: "million", mn: "million", mln: "million", k: "thousand", tn: "trillion", trln: "trillion",
  thousand: "thousand", million: "million", billion: "billion", trillion: "trillion",
};

/**
 * Lowercase, accent-free text without Discord mentions or custom emoji, with figures and periods spelled the way
 * the fact base is indexed: "$5.83bn" -> "5.83 billion dollar", "3,000" -> "3000", "82.3%" -> "82.3 percent",
 * "eight hundred" -> "800", "jan-sep" -> "january through september".
 */
export function normaliseText(raw: string): string {
  return spellFiguresAndPeriods(plainLowercase(raw));
}

/** A question as normaliseText reads it, with chat spellings written out first: "wat r u" -> "what are you". */
export function normaliseQuestion(raw: string): string {
  return spellFiguresAndPeriods(rewriteChat(plainLowercase(raw)));
}

/** Punctuation Unicode offers in several forms, each written the one ASCII way. */
const PUNCTUATION: Record<string, string> = { "‘": "'", "’": "'", "‛": "'", "′": "'", "`": "'", "“": '"', "”": '"', "„": '"', "″": '"', "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-" };

function plainLowercase(raw: string): string {
  let text = raw.slice(0, MAX_QUESTION_CHARS);
  if (/[<@]/.test(text)) text = text.replace(DISCORD_MARKUP, " ");
  if (/[^\x20-\x7e]/.test(text)) {
    text = text.replace(/[‘’‛′`“”„″‐‑‒–—―]/g, (mark) => PUNCTUATION[mark] ?? mark);
    if (/[^\x20-\x7e]/.test(text)) {
      text = text
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .replace(/[ßæœøłđþ]/gi, (letter) => LATIN_LETTERS[letter.toLowerCase()] ?? letter)
        .replace(/[\p{Cc}\p{Cf}]+/gu, " ");
    }
  }
  text = text.toLowerCase();
  if (text.includes(",")) text = text.replace(/(\d),(?=\d{3}\b)/g, "$1");
  return text.includes("'") ? text.replace(/'s\b|(?<=s)'(?=\s|$)/g, "") : text;
}

function spellFiguresAndPeriods(lowercase: string): string {
  let text = numberWordsAsFigures(lowercase);
  if (text.includes("$")) {
    text = text.replace(/(?:us)?\$\s?(\d+(?:\.\d+)?)\s?(bn|bln|b|mn|mln|m|k|tn|trln|thousand|million|billion|trillion)?\b/g, (_m, n: string, suffix?: string) => ` ${n}${suffix ? ` ${MONEY_SUFFIXES[suffix]}` : ""} dollar `);
  }
  if (/[¥￥]/.test(text)) text = text.replace(/[¥￥]\s?(\d+(?:\.\d+)?)/g, " $1 yuan ");
  if (/\d\s?(?:bn|bln|mn|mln|tn|trln)\b/.test(text)) text = text.replace(/(\d+(?:\.\d+)?)\s?(bn|bln|mn|mln|tn|trln)\b/g, (_m, n: string, suffix: string) => `${n} ${MONEY_SUFFIXES[suffix]}`);
  if (text.includes("bcm")) text = text.replace(/(\d)\s?bcm\b/g, "$1 billion cubic meters");
  if (text.includes("%")) text = text.replace(/(\d+(?:\.\d+)?)\s?%/g, " $1 percent ");
  if (text.includes("per cent")) text = text.replace(/\bper cent\b/g, "percent");
  text = canonicalPeriods(text);
  return text.includes("-") ? text.replace(/\b([\p{L}\p{N}]{1,2})-(?=[\p{L}])/gu, "$1") : text;
}

/** The words and figures of normalised text, in order ("42.64" stays one figure). */
export function words(normalised: string): string[] {
  const pattern = /^\p{ASCII}*$/u.test(normalised) ? /\d+(?:\.\d+)+|[a-z0-9]+/g : /\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu;
  return normalised.match(pattern) ?? [];
}

export function canonicalWord(word: string): string {
  return SYNONYMS.get(word) ?? word;
}

export function synonymsOf(canonical: string): readonly string[] {
  return SYNONYMS_OF.get(canonical) ?? [];
}

export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word));
}

/**
 * The index term of a canonical word: stemmed, except names (a stemmer turns "liaoning" into "liaon")
 * and figures, which must match exactly.
 */
export function termOf(word: string, names: ReadonlySet<string>): string {
  if (names.has(word) || /\d/.test(word)) return word;
  return stemmer(word);
}

/** The content words of a question, canonical and in order, duplicates kept. */
export function contentWords(raw: string): string[] {
  return words(normaliseQuestion(raw)).map(canonicalWord).filter(isContentWord);
}

const SAY = "(?:say|said|says|announce|announced|report|reported|claim|claimed|state|stated|tell|told|declare|declared|call|called|want|wanted)";
/** "What did Xi say", "what has the customs office announced": the words between name the speaker asked about. */
const SPEAKER_ASKED = new RegExp(`\\b(?:what|how|did|does|has|have|do)\\b(?: (?:did|does|has|have|do))? ((?:(?!(?:did|does|has|have|do) )[\\p{L}\\p{N}]+ ){1,4}?)${SAY}\\b`, "u");

const ANSWER_TYPE_PATTERNS: readonly [AnswerType, RegExp][] = [
  ["speaker", new RegExp(`\\bwho (?:${SAY}|released|published)\\b|\\baccording to (?:whom|who)\\b|\\b(?:whose|which|what) (?:source|report|figures|data)\\b|\\bsource (?:of|for)\\b|${SPEAKER_ASKED.source}`, "u")],
  ["change", /\b(by how much|what percent(age)?|how fast|growth rate|(?<!\d )percent|how much (did|does|has|have)? ?.*\b(grow|grew|rise|rose|increase|increased|jump|jumped|change|changed)\b)|(?<![\d ])\s*%/],
  ["amount", /\bhow much\b|\bwhat (was|is|were) the (value|amount|total)\b|\bworth\b/],
  ["count", /\bhow many\b|\bnumber of\b/],
  ["date", /\bwhen\b|\bwhat (year|month|date|day)\b|\bsince when\b/],
  ["place", /\bwhere\b|\b(which|what) (?:[a-z]+ )?(city|cities|province|provinces|port|ports|country|countries|place|places|region|regions|destination|destinations)\b/],
  ["reason", /\bwhy\b|\bwhat for\b|\bpurpose\b|\breason\b|\b(?:benefit|advantage)s?\b/],
];

export function questionAnswerType(normalised: string): AnswerType | undefined {
  return ANSWER_TYPE_PATTERNS.find(([, pattern]) => pattern.test(normalised))?.[0];
}

/** The words naming whom a question asks about ("what did xi say" -> ["xi"]), if it names anyone. */
export function askedSpeaker(normalised: string): string[] {
  const span = SPEAKER_ASKED.exec(normalised)?.[1] ?? "";
  return words(span).map(canonicalWord).filter(isContentWord);
}

const QUESTION_WORDS = new Set(["what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "will", "would", "should", "is", "are", "was", "were", "do", "does", "did", "has", "have"]);
const HOW_WHAT = new Set(["much", "many", "long", "far", "big", "large", "often"]);

/** The first question word of a question, wherever it stands ("so can …" -> "can"; "why", "how much"). */
export function questionOpening(words: readonly string[]): string | undefined {
  const at = words.findIndex((word) => QUESTION_WORDS.has(word));
  if (at < 0) return undefined;
  const next = words[at + 1];
  return words[at] === "how" && next !== undefined && HOW_WHAT.has(next) ? `how ${next}` : words[at];
}

/** Kinds of thing a "which …" question asks for that a fact names as such ("the provinces of …", "the port of …"). */
const CATEGORY_ASKED = /\b(?:which|what) (?:[a-z]+ )?(provinces?|ports?|industry|industries|sectors?|companies|company|firms?|businesses|products|goods|commodities)\b/;

/** The kind of thing a "which" question asks for ("which chinese provinces border russia" -> "province"), if one a fact must name. */
export function askedCategory(normalised: string): string | undefined {
  const word = CATEGORY_ASKED.exec(normalised)?.[1];
  return word === undefined ? undefined : canonicalWord(word);
}

/** The words a "how many" question counts ("how many russian firms set up" -> ["russia", "company", "set"]). */
export function countedWords(normalised: string): string[] {
  const after = /\bhow many ((?:[\p{L}\p{N}]+ ?){1,3})/u.exec(normalised)?.[1] ?? "";
  const counted: string[] = [];
  for (const word of words(after).map(canonicalWord)) {
    if (!isContentWord(word)) break;
    counted.push(word);
  }
  return counted;
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const FACT_TYPE_PATTERNS: readonly [AnswerType, RegExp][] = [
  ["amount", /\d(?:\.\d+)? (?:(?:billion|million|thousand|trillion) )?(?:yuan|dollar|euro|ruble|rouble|tonne|ton|barrel|teu|cubic met(?:er|re))s?\b/],
  ["change", /\d(?:\.\d+)? percent\b|\b(increase|decrease|grew|rose|fell|up|down) by\b/],
  ["count", /\b(nearly |about |around |over |more than )?\d+ (?!percent|billion|million|yuan|dollar)[a-z]+/],
  ["date", new RegExp(`\\b(${MONTHS}|\\d{4}|last (week|month|year)|since)\\b`)],
  ["place", /\b(in|at|to|from|via|using|capital|ports?|provinces?|city|cities|located|includes?)\b/],
  ["reason", /\b(because|so that|in order to|would (reduce|cut|help)|significance|strategic|pushed for|aim(s|ing)? to)\b/],
];

/** The kinds of question a fact's statement, normalised, can answer. */
export function factAnswerTypes(normalisedStatement: string): Set<AnswerType> {
  return new Set(FACT_TYPE_PATTERNS.filter(([, pattern]) => pattern.test(normalisedStatement)).map(([type]) => type));
}
