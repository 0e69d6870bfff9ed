import { stemmer as russianStem } from "@orama/stemmers/russian";
import { shiftDecimal } from "./decimal-shift.js";
import { chineseGlossary, monthName, russianGlossary, toSimplified, TRANSLITERATED, TRANSLITERATION_MARKERS } from "./glossary.js";

/**
 * Russian and Chinese text as the English engine reads it: glossary words (question words, flows, months, scales,
 * names) as English, other Russian words as their Snowball stems, other Chinese words as the words of a
 * dictionary match (the base's phrases), or of Intl.Segmenter where none matches. Latin text is returned as it
 * is, unless it is transliterated Russian.
 */

const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Han}]/u;
const TOKEN = /\p{Script=Han}+|[\p{Script=Cyrillic}]+(?:-[\p{Script=Cyrillic}]+)*|[^\p{Script=Han}\p{Script=Cyrillic}]+/gu;
const LONGEST_PHRASE = 8;
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTH = new RegExp(`^(?:${MONTHS})$`);
/** с января по сентябрь, между январем и сентябрем: a span of months. */
const MONTH_SPAN = new RegExp(`\\b(?:since )?(${MONTHS}) (${MONTHS})\\b`, "g");
/** Nouns a "how many" counts: сколько компаний, 多少企业. */
const COUNTABLE = new Set(["company", "business", "containers"]);

let russian: ReadonlyMap<string, string> | undefined;
let chinese: ReadonlyMap<string, string> | undefined;
let segmenter: Intl.Segmenter | undefined;

export function hasForeignScript(text: string): boolean {
  return FOREIGN.test(text);
}

/** The Chinese phrases of a text that a dictionary match should keep whole (its Han runs of 2 to 8 characters). */
export function chinesePhrases(text: string): string[] {
  return (toSimplified(text).match(/\p{Script=Han}{2,8}/gu) ?? []).filter((phrase) => phrase.length <= LONGEST_PHRASE);
}

export function foreignAsEnglish(text: string, phrases: ReadonlySet<string>): string {
  if (!FOREIGN.test(text)) return transliteratedAsEnglish(text);
  russian ??= russianGlossary(russianStem);
  chinese ??= chineseGlossary();
  const tokens: { word: string; english: string | undefined }[] = [];
  for (const run of spellChineseFigures(toSimplified(text)).match(TOKEN) ?? []) {
    if (/\p{Script=Han}/u.test(run)) {
      for (const word of segmentChinese(run, phrases)) tokens.push({ word, english: chinese.get(word) });
    } else if (/\p{Script=Cyrillic}/u.test(run)) {
      const word = russianStem(run.toLowerCase().replaceAll("ё", "е"));
      tokens.push({ word, english: russian.get(word) });
    } else if (run.trim()) {
      tokens.push({ word: run, english: run });
    }
  }
  const read = tokens.map(({ word, english }, i) => {
    if (word === "с" && MONTH.test(tokens[i + 1]?.english ?? "")) return "since";
    if (english !== "how much" && word !== "скольк") return english ?? word;
    const before = tokens[i - 1]?.word;
    if (before === "на") return "by how much";
    return howMuchOrMany(tokens.slice(i + 1, i + 3).map((token) => token.english ?? ""));
  });
  const joined = ` ${read.join(" ")} `
    .replace(/\s+/g, " ")
    .replace(MONTH_SPAN, "$1 through $2");
  return /\bincrease\b/.test(joined) ? joined.replace(/(?<!by )\bhow much\b/, "by how much") : joined;
}

/** Russian in Latin letters read as English words; any other Latin text as it is. */
function transliteratedAsEnglish(text: string): string {
  const latin = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (latin.filter((word) => TRANSLITERATION_MARKERS.has(word)).length < 2) return text;
  const read = latin.map((word) => TRANSLITERATED.get(word) ?? word);
  return read.map((word, i) => (word === "how much" ? howMuchOrMany(read.slice(i + 1, i + 3)) : word)).join(" ");
}

/** "сколько" asks how many when one of the next two words is a thing counted (компаний), else how much. */
function howMuchOrMany(next: readonly string[]): string {
  return next.some((gloss) => COUNTABLE.has(gloss)) ? "how many" : "how much";
}

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_NUMBER = /[零一二两三四五六七八九十百千]+(?=[个家月年趟列%])/gu;

/** Chinese figures written the English way: 四十家 -> 40家, 426.4亿 -> 42.64 billion, 1到9月 -> january through september. */
function spellChineseFigures(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  return text
    .replace(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*以来/g, "以来 $2月 $1")
    .replace(CHINESE_NUMBER, (numeral) => String(chineseNumber(numeral)))
    .replace(/(\d+(?:\.\d+)?)\s*亿/g, (_match, value: string) => ` ${shiftDecimal(value, -1)} billion `)
    .replace(/(\d+(?:\.\d+)?)\s*万(?![亿元])/g, (_match, value: string) => ` ${shiftDecimal(value, 4)} `)
    .replace(/(\d{1,2})\s*(?:到|至|-|~)\s*(\d{1,2})\s*月/g, (match, from: string, to: string) => monthSpan(match, Number(from), Number(to)))
    .replace(/(\d{4})\s*年/g, " $1 ")
    .replace(/(\d{1,2})\s*月份?/g, (match, month: string) => ` ${monthName(Number(month)) ?? match} `)
    .replace(/前\s*9\s*个?月/g, " first nine months ")
    .replace(/百分之\s*(\d+(?:\.\d+)?)/g, " $1 percent ");
}

function monthSpan(match: string, from: number, to: number): string {
  const [first, last] = [monthName(from), monthName(to)];
  return first && last ? ` ${first} through ${last} ` : match;
}

function chineseNumber(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const char of numeral) {
    const scale = char === "十" ? 10 : char === "百" ? 100 : char === "千" ? 1000 : 0;
    if (scale === 0) digit = DIGITS[char] ?? 0;
    else {
      total += (digit || 1) * scale;
      digit = 0;
    }
  }
  return total + digit;
}

/** The longest known phrase at each point; the characters between phrases go to Intl.Segmenter. */
function segmentChinese(run: string, phrases: ReadonlySet<string>): string[] {
  const words: string[] = [];
  let unknown = "";
  for (let at = 0; at < run.length; ) {
    let length = Math.min(LONGEST_PHRASE, run.length - at);
    while (length > 1 && !isPhrase(run.slice(at, at + length), phrases)) length--;
    if (length > 1 || chinese!.has(run[at]!)) {
      if (unknown) words.push(...segmentWords(unknown));
      unknown = "";
      words.push(...glossaryWords(run.slice(at, at + length)));
    } else {
      unknown += run[at];
    }
    at += length;
  }
  if (unknown) words.push(...segmentWords(unknown));
  return words;
}

/** A phrase of the base made only of glossary words is read as those words: 中国企业 -> 中国 企业 (china company). */
function glossaryWords(phrase: string): string[] {
  if (chinese!.has(phrase)) return [phrase];
  const parts: string[] = [];
  for (let at = 0; at < phrase.length; ) {
    let length = phrase.length - at;
    while (length > 0 && !chinese!.has(phrase.slice(at, at + length))) length--;
    if (length === 0) return [phrase];
    parts.push(phrase.slice(at, at + length));
    at += length;
  }
  return parts;
}

function isPhrase(candidate: string, phrases: ReadonlySet<string>): boolean {
  return phrases.has(candidate) || chinese!.has(candidate);
}

function segmentWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
}
