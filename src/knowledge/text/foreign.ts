import { stemmer as russianStem } from "@orama/stemmers/russian";
import * as opencc from "opencc-js/t2cn";
import { CHAT_SPELLINGS } from "./chat-lexicon.js";
import { shiftDecimal } from "./decimal-shift.js";
import { CHINESE_STOPWORDS } from "./foreign-stopwords.js";
import { chineseGlossary, englishCountryNames, monthName, russianCountryForms, russianGlossary, russianFunctionWords, russianPhrasesAsEnglish, toSimplified } from "./glossary.js";
import { STOPWORDS } from "./lexicon.js";
import { NAME_SPELLINGS } from "./name-spellings.js";
import { homophoneOf, pinyinAsChinese } from "./pinyin.js";
import { PLACE_SPELLINGS, RUSSIAN_PLACE_SPELLINGS } from "./place-spellings.js";
import { cyrillicOf } from "./transliteration.js";
import { TypoCorrector } from "./typo-corrector.js";

/**
 * Russian and Chinese text as the English engine reads it: glossary words (question words, flows, months, scales,
 * names, everyday trade words) as English, other Russian words as their Snowball stems, other Chinese words as the
 * words of a dictionary match (the base's phrases), or of Intl.Segmenter where none matches. Latin text is
 * returned as it is, unless it is transliterated Russian.
 */

export interface ForeignName {
  /** The name as the read text holds it (a Russian stem, Chinese characters). */
  read: string;
  /** The name as the question wrote it. */
  written: string;
}

export interface ForeignReading {
  text: string;
  /**
   * Words written as names that no glossary knows: a capitalised Russian word inside a sentence, Chinese characters
   * no dictionary groups into a word ("绥芬河"), a Chinese word before 市, 省, 港 or 公司. Unknown to the fact base too,
   * they name something it has no fact about.
   */
  names: ForeignName[];
  /** The Cyrillic or Chinese a Latin question was read as ("skolko" -> сколько, pinyin -> 汉字), whose language it is. */
  readAs?: string;
}

/** What the fact base holds, asked while a question is read. */
export interface Vocabulary {
  /** It holds the word as the read text has it (a Russian stem, a Latin word): the word is neither corrected nor transliterated. */
  has(word: string): boolean;
  /** It holds a name one slip from the word ("shenyane" -> shenyang): a Latin name in transliterated Russian stays Latin. */
  nearName(word: string): boolean;
}

const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Han}]/u;
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const TOKEN = /\p{Script=Han}+|[\p{Script=Cyrillic}]+(?:-[\p{Script=Cyrillic}]+)*|[^\p{Script=Han}\p{Script=Cyrillic}]+/gu;
const LONGEST_PHRASE = 8;
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
/** What "с" starts when it means since: a month (с января) or a year (с 2022). */
const SINCE = new RegExp(`^(?:${MONTHS}|\\d{4})$`);
/** Words of a time, which Chinese puts between the speaker and the verb (习近平九月说). */
const TIME_WORD = new RegExp(`^(?:${MONTHS}|last week|last year|\\d{4})$`);
/** с января по сентябрь, между январем и сентябрем: a span of months. */
const MONTH_SPAN = new RegExp(`\\b(?:since )?(${MONTHS}) (${MONTHS})\\b`, "g");
/**
 * A figure a question compares with ("больше 40 млрд", "超过400亿", "около 1 тыс."), with its scale: a bound the
 * answer's figure is checked against, not a figure the fact must state unless the base holds it.
 */
const BOUND = /\b(more than|less than|about) ~?(\d+(?:\.\d+)?)(?: (hundred|thousand|million|billion|trillion)\b)?/g;
/** Case endings of Russian adjectives and nouns as chat writes them in Latin letters ("krupneishii", "Dalnego"), which English words hardly have. */
const LATIN_RUSSIAN_ENDING = /(?:ogo|ego|omu|emu|ykh|ikh|yi|ii|oi|aya|yaya|uyu|yu|ye)$/;
/** A figure and a bit more, as Russian chat says it: "40 с лишним млрд". */
const MORE_THAN_RU = /(\d+(?:\.\d+)?) с (?:лишним|хвостиком|копейками)/giu;
/** The places and names Russian and Chinese write, as English writes them, known to the fact base or not. */
const PLACES: ReadonlySet<string> = new Set([...PLACE_SPELLINGS, ...NAME_SPELLINGS].map(({ english }) => english));
const RUSSIAN_PLACES: ReadonlySet<string> = new Set(RUSSIAN_PLACE_SPELLINGS.map(({ english }) => english));
/** "или" as the reader holds it, stemmed. */
const OR = russianTerm("или");
/** Nouns a "how many" counts: сколько компаний, 多少企业, and the English ones transliterated Russian keeps (skolko firm). */
const COUNTABLE = new Set(["company", "business", "containers", "companies", "businesses", "firm", "firms"]);
/** Russian stems shorter than this are never corrected to a glossary word: "порт" is not a slip of "торг". */
const MIN_CORRECTED_STEM = 5;
/**
 * Characters Chinese writes foreign names with (the common ones of the transliteration tables): single characters
 * the segmenter leaves, mostly of these, spell a name (伊尔库茨克, 叶卡捷琳堡).
 */
const TRANSLITERATION_CHARACTERS = new Set(
  "阿埃艾安奥巴拜班邦贝本比彼毕波伯博布查达戴丹德迪蒂丁杜多厄恩尔法范菲费芬丰弗福夫盖冈戈格根古圭哈海汉豪赫亨胡华霍基吉加贾杰捷金喀卡凯堪坎考柯科克肯库夸拉莱兰朗劳勒雷里利莉列林琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米密明摩莫墨姆穆纳娜奈南内尼涅宁纽努诺欧帕潘佩皮普齐奇恰乔切萨塞桑瑟森沙舍圣什施斯索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因尤约扎泽詹兹茨楚佐堡",
);
/** Aspect particles a verb carries (办的, 签了): the verb is read without them. */
const PARTICLE = /^(.+)[的了过着]$/u;
/** Words after which a Chinese word names a place or an organisation: 牡丹江市, 某某公司. */
const NAME_SUFFIXES = new Set(["省", "市", "县", "州", "港", "岛", "区", "口岸", "公司", "集团", "银行", "大学"]);

interface Token {
  word: string;
  english: string | undefined;
  name?: ForeignName;
}

let russian: ReadonlyMap<string, string> | undefined;
let russianCountries: ReadonlyMap<string, string> | undefined;
let plainFunctionWords: ReadonlySet<string> | undefined;
let russianCorrector: TypoCorrector | undefined;
let chinese: ReadonlyMap<string, string> | undefined;
let segmenter: Intl.Segmenter | undefined;
let traditionalToSimplified: ((text: string) => string) | undefined;
/** opencc-js's declarations import "./core" without an extension, which NodeNext cannot resolve: its one function, typed here. */
const { Converter } = opencc as unknown as { Converter: (options: { from: "tw"; to: "cn" }) => (text: string) => string };

export function hasForeignScript(text: string): boolean {
  return FOREIGN.test(text);
}

/** The Chinese phrases of a text that a dictionary match should keep whole (its Han runs of 2 to 8 characters). */
export function chinesePhrases(text: string): string[] {
  return (toSimplified(text).match(/\p{Script=Han}{2,8}/gu) ?? []).filter((phrase) => phrase.length <= LONGEST_PHRASE);
}

/**
 * The Cyrillic words and Han runs of a fact's translated text, its figures spelled as a question's are: each read
 * alone by `untranslatedWords`, so an index reads each distinct one once.
 */
export function foreignRuns(text: string): string[] {
  if (!FOREIGN.test(text)) return [];
  russian ??= russianGlossary(russianTerm);
  return (spellForeignFigures(toSimplified(text)).match(TOKEN) ?? []).filter((run) => FOREIGN.test(run));
}

/**
 * The words of one run of a translation (`foreignRuns`) that its reading leaves Russian or Chinese: Russian stems
 * and Chinese words no glossary reads as English. The index takes only these from a translation (the English ones
 * come from the fact itself), so they are found without assembling the English reading.
 */
export function untranslatedWords(run: string, phrases: ReadonlySet<string>): string[] {
  russian ??= russianGlossary(russianTerm);
  chinese ??= chineseGlossary();
  const tokens = HAN.test(run) ? readChinese(run, phrases) : readRussianRun(run, false, undefined);
  return tokens.flatMap(({ word, english }) => (english === undefined ? [word] : []));
}

/**
 * A question as the English engine reads it. With the fact base's vocabulary, a Russian word it does not hold is
 * corrected to the glossary word one slip away ("экспотр"), and Latin text that is plainly Russian is read as Russian.
 */
export function readForeign(text: string, phrases: ReadonlySet<string>, vocabulary?: Vocabulary): ForeignReading {
  if (!FOREIGN.test(text)) return (vocabulary && (transliteratedRussian(text, phrases, vocabulary) ?? transliteratedChinese(text, phrases, vocabulary))) || { text, names: [] };
  russian ??= russianGlossary(russianTerm);
  chinese ??= chineseGlossary();
  const tokens: Token[] = [];
  let sentenceStart = true;
  const simplified = toSimplified(vocabulary ? simplifiedQuestion(text) : text);
  for (const run of spellForeignFigures(simplified).match(TOKEN) ?? []) {
    if (HAN.test(run)) tokens.push(...(vocabulary ? withHomophonesCorrected(readChinese(run, phrases), vocabulary) : readChinese(run, phrases)));
    else if (CYRILLIC.test(run)) tokens.push(...readRussianRun(run, sentenceStart, vocabulary));
    else {
      if (run.trim()) tokens.push({ word: run, english: run });
      sentenceStart = /[.!?]\s*$/.test(run) || (sentenceStart && !/[\p{L}\p{N}]/u.test(run));
      continue;
    }
    sentenceStart = false;
  }
  if (vocabulary) dropUnknownAlternative(tokens, vocabulary);
  const aboutMeeting = tokens.some((token) => token.english === "conference");
  const read = tokens.map(({ word, english }, i) => {
    if (word === "с" && SINCE.test((tokens[i + 1]?.english ?? "").trim())) return "since";
    // 会议在哪开的: a meeting is held (开会), where a hub or a train line is opened.
    if (aboutMeeting && word.startsWith("开") && english === "opened") return "host";
    if (english !== "how much") return english ?? word;
    const before = tokens[i - 1]?.word;
    if (before === "на") return "by how much";
    // "компании … сколько их": how many of the things named before.
    if (tokens[i + 1]?.word === "их") {
      const named = tokens.slice(0, i).findLast((token) => COUNTABLE.has(token.english ?? ""));
      return named === undefined ? english : `how many ${named.english}`;
    }
    return howMuchOrMany(tokens.slice(i + 1, i + 3).map((token) => token.english ?? ""));
  });
  const spoken = ` ${speakerBeforeVerb(vocabulary ? namedCountFirst(read, vocabulary) : read).join(" ")} `
    .replace(/\s+/g, " ")
    .replace(MONTH_SPAN, "$1 through $2");
  const joined = vocabulary ? spoken.replace(BOUND, (bound, comparison: string, figure: string, scale: string | undefined) => (vocabulary.has(figure) ? bound : ` ${comparison} ${askedFigure(scale)} `)) : spoken;
  return {
    text: /\bincrease\b/.test(joined) ? joined.replace(/(?<!by |to )\bhow much\b/, "by how much") : joined,
    names: tokens.flatMap((token) => (token.name ? [token.name] : [])),
  };
}

/**
 * "Владивосток или Находка больше?": of two places compared by size, a Russian one the fact base does not know is
 * left out, so the question is answered by the fact that says which is largest instead of abstaining on the other
 * name. A Chinese one (Далянь) is not: the base's largest port is the Russian Far East's.
 * Not when another word is unknown too ("где больше населения"): the size may not be what is compared.
 */
function dropUnknownAlternative(tokens: Token[], vocabulary: Vocabulary): void {
  if (!tokens.some((token) => token.english === "largest")) return;
  if (tokens.some((token) => token.english === undefined && /\p{L}/u.test(token.word) && !vocabulary.has(token.word))) return;
  const said = (token: Token) => (token.english ?? token.word).trim() !== "" && /\p{L}/u.test(token.english ?? token.word);
  tokens.forEach((token, at) => {
    if (token.word !== OR) return;
    const before = tokens.slice(0, at).findLast(said);
    const after = tokens.slice(at + 1).find(said);
    const known = (place: Token | undefined) => place?.english !== undefined && PLACES.has(place.english) && vocabulary.has(place.english);
    const unknown = (place: Token | undefined) => place?.english !== undefined && RUSSIAN_PLACES.has(place.english) && !vocabulary.has(place.english);
    for (const [one, other] of [[before, after], [after, before]] as const) if (known(one) && unknown(other)) other!.english = "";
  });
}

/**
 * A question about what someone said, in the English order the speaker slot reads ("what putin say"): Russian puts
 * the speaker after the verb ("что сказал Путин на …"), Chinese asks at the end ("普京在会上讲了什么"), where the
 * speaker is the words the question starts with.
 */
function speakerBeforeVerb(read: readonly string[]): readonly string[] {
  const say = read.indexOf("say");
  const what = read.indexOf("what");
  if (say < 0 || what < 0) return read;
  const asked = read.slice(what + 1, say).every((word) => word === "");
  if (what < say && asked) {
    const end = runEnd(read, say + 1);
    return [...read.slice(0, say), ...read.slice(say + 1, end), "say", ...read.slice(end)];
  }
  if (what < say) return read;
  const start = read.findIndex((word) => word !== "");
  const end = Math.min(runEnd(read, start), say);
  const speaker = read.slice(0, end).findLastIndex((word, i) => i >= start && !TIME_WORD.test(word.trim()));
  if (speaker < 0) return read;
  return ["what", read[speaker]!, "say", ...read.slice(0, speaker), ...read.slice(speaker + 1, say), ...read.slice(say + 1)];
}

/**
 * A count asked the Chinese way, the country that qualifies what is counted before "how many", in the English order
 * the count slot reads: 俄罗斯去了多少家企业 (russia … how many company) and 俄罗斯企业有多少家 (russia company … how many)
 * ask "how many russia company", so a fact counting Chinese companies does not answer them.
 */
function namedCountFirst(read: readonly string[], vocabulary: Vocabulary): readonly string[] {
  const at = read.indexOf("how many");
  if (at < 0) return read;
  const said = read.flatMap((word, i) => (word.trim() === "" || i === at ? [] : [i]));
  const before = said.filter((i) => i < at);
  const after = said.find((i) => i > at);
  const isName = (i: number | undefined) => i !== undefined && englishCountryNames().has(read[i]!.trim()) && vocabulary.has(read[i]!.trim());
  const isCounted = (i: number | undefined) => i !== undefined && COUNTABLE.has(read[i]!.trim());
  const [last, beforeLast] = [before.at(-1), before.at(-2)];
  if (isCounted(after) && isName(last)) return [...read.slice(0, last), ...read.slice(last! + 1, at + 1), read[last!]!, ...read.slice(at + 1)];
  if (after === undefined && isCounted(last) && isName(beforeLast)) return [...read.slice(0, beforeLast), "how many", ...read.slice(beforeLast, at), ...read.slice(at + 1)];
  return read;
}

/** Where a run of words that are not grammar words ends. */
function runEnd(read: readonly string[], start: number): number {
  const end = read.findIndex((word, i) => i >= start && word === "");
  return end < 0 ? read.length : end;
}

/**
 * A question in Traditional characters (Taiwan's variants too) in Simplified ones, by OpenCC, the standard
 * converter: 遼寧對俄羅斯出口 -> 辽宁对俄罗斯出口. The base's translations are Simplified already.
 */
function simplifiedQuestion(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  const convert = (traditionalToSimplified ??= Converter({ from: "tw", to: "cn" }));
  return convert(text);
}

/** A Russian word, or the parts of a hyphenated one the glossary and the base do not know whole ("Китай-Европа"). */
function readRussianRun(run: string, sentenceStart: boolean, vocabulary: Vocabulary | undefined): Token[] {
  const whole = readRussian(run, sentenceStart, vocabulary);
  if (!run.includes("-") || whole.english !== undefined || vocabulary?.has(whole.word) !== false) return [whole];
  return run.split("-").map((part, i) => readRussian(part, sentenceStart && i === 0, vocabulary));
}

function readRussian(run: string, sentenceStart: boolean, vocabulary: Vocabulary | undefined): Token {
  const lower = run.toLowerCase().replaceAll("ё", "е");
  const word = russianTerm(lower);
  russianCountries ??= russianCountryForms();
  let english = russian!.get(word) ?? russianCountries.get(lower);
  if (english === undefined && vocabulary && !vocabulary.has(word)) english = correctedRussian(word);
  const name = english === undefined && !sentenceStart && /^\p{Lu}/u.test(run) ? { read: word, written: run } : undefined;
  return { word, english, ...(name ? { name } : {}) };
}

/** The glossary word a Russian stem is one slip from (two in a long one), if any. */
function correctedRussian(stem: string): string | undefined {
  if (stem.length < MIN_CORRECTED_STEM) return undefined;
  russianCorrector ??= TypoCorrector.build([...russian!].filter(([entry, english]) => english !== "" && entry.length >= MIN_CORRECTED_STEM).map(([entry]) => entry));
  const correction = russianCorrector.correct(stem)[0];
  return correction === undefined ? undefined : russian!.get(correction.word);
}

/**
 * Russian typed in Latin letters, read as Russian: when one of its words is a Russian grammar or question word
 * as it is written ("gde", "skolko", "na") or two end as Russian cases do ("krupneishii", "Dalnego", "Lyaonina"), and at least
 * two are words of the glossary once written in Cyrillic and stemmed ("kompanii"), outnumbering the English function words.
 * Words the fact base knows as they are ("Putin", "export") or names one slip from one it knows ("Shenyane") stay Latin.
 */
function transliteratedRussian(text: string, phrases: ReadonlySet<string>, vocabulary: Vocabulary): ForeignReading | undefined {
  const latin = (text.match(/[A-Za-z']+/g) ?? []).map((word) => word.toLowerCase());
  const others = latin.filter((word) => word.length > 1 && !isEnglishWord(word));
  const english = latin.length - others.length;
  if (others.length < 2 || others.length <= english) return undefined;
  plainFunctionWords ??= new Set(russianFunctionWords().map(withoutSigns));
  russian ??= russianGlossary(russianTerm);
  if (!latin.some((word) => plainFunctionWords!.has(cyrillicOf(word))) && others.filter((word) => LATIN_RUSSIAN_ENDING.test(word) || inflectedGlossaryWord(word)).length < 2) return undefined;
  const russianEvidence = others.filter((word) => russian!.has(russianTerm(cyrillicWord(word))) && !vocabulary.has(word));
  if (russianEvidence.length < 2 || russianEvidence.length <= english) return undefined;
  const cyrillic = text.replace(/[A-Za-z']+/g, (word) => {
    const lower = word.toLowerCase();
    const letters = cyrillicWord(word);
    if (vocabulary.has(lower) || (!russian!.has(russianTerm(letters)) && /^[A-Z]/.test(word) && vocabulary.nearName(lower))) return word;
    return /^[A-Z]/.test(word) ? letters.charAt(0).toUpperCase() + letters.slice(1) : letters;
  });
  return { ...readForeign(cyrillic, phrases, vocabulary), readAs: cyrillic };
}

/** A Latin word that is a glossary word with a case ending once in Cyrillic: "Lyaonina" (Ляонина), "glavnyi". */
function inflectedGlossaryWord(latin: string): boolean {
  const letters = cyrillicWord(latin);
  const stem = russianTerm(letters);
  return russian!.has(stem) && stem !== withoutSigns(letters);
}

/**
 * Two or three characters the segmenter left single and that no glossary and no fact knows, read as the glossary
 * word they sound like: "东北包阔哪几个省份" asks what the northeast includes (包括). A word the segmenter knows
 * (意愿, 背景) is a word, not a slip, and no place or country is guessed from a sound.
 */
function withHomophonesCorrected(tokens: readonly Token[], vocabulary: Vocabulary): Token[] {
  const unknown = (token: Token | undefined) => token !== undefined && token.word.length === 1 && token.english === undefined && token.name === undefined && !vocabulary.has(token.word);
  const corrected: Token[] = [];
  for (let at = 0; at < tokens.length; ) {
    const slip = [3, 2].flatMap((count) => {
      const characters = tokens.slice(at, at + count);
      const word = characters.length === count && characters.every(unknown) ? homophoneOf(characters.map((token) => token.word).join(""), homophoneTargets) : undefined;
      return word === undefined ? [] : [{ word, count }];
    })[0];
    if (slip === undefined) corrected.push(tokens[at++]!);
    else {
      corrected.push({ word: slip.word, english: chineseEnglish(slip.word) });
      at += slip.count;
    }
  }
  return corrected;
}

/** The glossary's Chinese words that read as English words (not its grammar words). */
function readableWords(): string[] {
  return [...chinese!].filter(([, english]) => english !== "").map(([word]) => word);
}

/** The glossary words a slip may have meant: no places and no countries. */
function homophoneTargets(): string[] {
  const countries = englishCountryNames();
  return readableWords().filter((word) => {
    const english = chinese!.get(word)!;
    return !countries.has(english) && !PLACES.has(english);
  });
}

/** Chinese typed in pinyin, read as Chinese; words the fact base knows as they are ("shenyang") stay Latin. */
function transliteratedChinese(text: string, phrases: ReadonlySet<string>, vocabulary: Vocabulary): ForeignReading | undefined {
  chinese ??= chineseGlossary();
  const characters = pinyinAsChinese(text, readableWords, (word) => isEnglishWord(word) || vocabulary.has(word));
  return characters === undefined ? undefined : { ...readForeign(characters, phrases, vocabulary), readAs: characters };
}

/** A Latin word in Cyrillic, with the final soft sign chat leaves out where the glossary needs it ("devyat" -> девять). */
function cyrillicWord(latin: string): string {
  const letters = cyrillicOf(latin);
  return russian!.has(russianTerm(letters)) || !russian!.has(russianTerm(`${letters}ь`)) ? letters : `${letters}ь`;
}

/**
 * A Russian word as it is looked up and indexed: its stem, ё as е, without the soft and hard signs that
 * transliteration and hurried typing leave out ("skolko" and "сколько" are one word), as normalisation already
 * reads й as и.
 */
function russianTerm(word: string): string {
  return withoutSigns(russianStem(word.toLowerCase().replaceAll("ё", "е")));
}

function withoutSigns(word: string): string {
  return word.replace(/[ьъ]/g, "");
}

function isEnglishWord(word: string): boolean {
  return STOPWORDS.has(word) || CHAT_SPELLINGS.has(word);
}

/** What a bound asks in place of its figure: an amount of money (40 billion), else a count (700 companies). */
function askedFigure(scale: string | undefined): string {
  return scale === "million" || scale === "billion" || scale === "trillion" ? `how much ${scale}` : "how many";
}

/** "сколько" asks how many when one of the next two words is a thing counted (компаний), else how much. */
function howMuchOrMany(next: readonly string[]): string {
  return next.some((gloss) => COUNTABLE.has(gloss.trim())) ? "how many" : "how much";
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/**
 * A Chinese numeral, with its decimals (八十二点三): a figure before a unit or a scale (四百多亿), the first month of a
 * span (一到九月, not the 一 of 统一到九月), or after 百分之.
 */
const NUMERAL = "[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?";
const CHINESE_NUMBER = new RegExp(
  `(?<!第|百分之)${NUMERAL}(?=[个家月年趟列%亿万元]|[多余来][亿万])|(?<![^\\P{Script=Han}年从自由在的])${NUMERAL}(?=\\s*[到至]\\s*${NUMERAL}\\s*月)|(?<=百分之)${NUMERAL}`,
  "gu",
);
/** Compared with last year (比去年, 与去年同期相比): a comparison, not the period asked. */
const COMPARED_WITH_LAST_YEAR = /(?:比|较|相较|相比|对比)于?去年(?:同期)?|(?:与|和|跟|同)去年(?:同期)?(?:相比|比较?)|去年同期/g;

/**
 * Figures written the English way: 四十家 -> 40家, 426.4亿 -> 42.64 billion, 1到9月 -> january through september,
 * 42,64 -> 42.64 (a Russian decimal comma); Russian phrases whose words mean something else apart.
 */
function spellForeignFigures(text: string): string {
  const russianText = /\p{Script=Cyrillic}/u.test(text) ? russianPhrasesAsEnglish(text.replace(/(\d),(\d{1,2})(?!\d)/g, "$1.$2").replace(MORE_THAN_RU, " more than $1")) : text;
  if (!/\p{Script=Han}/u.test(russianText)) return russianText;
  return CHINESE_FIGURES.reduce((spelled, [needle, rewrite]) => (needle === undefined || spelled.includes(needle) ? rewrite(spelled) : spelled), russianText);
}

/**
 * The rewrites of Chinese figures and periods, in order, each with a text every match of it holds: a text without
 * that text is not scanned for it.
 */
const CHINESE_FIGURES: readonly (readonly [string | undefined, (text: string) => string])[] = [
  ["去年", (text) => text.replace(COMPARED_WITH_LAST_YEAR, " compared with last year ")],
  ["第", (text) => text.replace(/第[一1](?![0-9〇一二三四五六七八九十百千])/g, "第一").replace(/第一大/g, "最大").replace(/第([二三四五])大/g, " 第$1 最大 ")],
  ["以来", (text) => text.replace(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*以来/g, "以来 $2月 $1").replace(/(\d{4})\s*年\s*以来/g, "以来 $1年")],
  [undefined, (text) => text.replace(CHINESE_NUMBER, (numeral, at: number, whole: string) => {
    const value = chineseNumber(numeral);
    return value < 10 && whole[at + numeral.length] === "个" ? numeral : String(value);
  })],
  ["亿", (text) => text.replace(/(\d+(?:\.\d+)?)\s*(多|余|来)?\s*个?亿/g, (_match, value: string, more?: string) => ` ${more ? "more than " : ""}${shiftDecimal(value, -1)} billion `)],
  ["万", (text) => text.replace(/(\d+(?:\.\d+)?)\s*(多|余|来)?\s*万(?![亿元])/g, (_match, value: string, more?: string) => ` ${more ? "more than " : ""}${shiftDecimal(value, 4)} `)],
  [
    undefined,
    (text) =>
      text
        .replace(/(?:超过|超出|多于|高于|大于|以上)(?=\s*\d)/g, " more than ")
        .replace(/(?:不到|少于|低于|小于|不足)(?=\s*\d)/g, " less than ")
        .replace(/(?:大概|大约|约|将近|接近|差不多|近)(?=\s*\d)/g, " about "),
  ],
  ["哪", (text) => text.replace(/哪[一二两三四五六七八九十几]+[位个家座条项]/g, "哪些")],
  ["月", (text) => text.replace(/(\d{1,2})\s*(?:到|至|-|~)\s*(\d{1,2})\s*月/g, (match, from: string, to: string) => monthSpan(match, Number(from), Number(to)))],
  ["年", (text) => text.replace(/(\d{4})\s*年/g, " $1 ")],
  ["月", (text) => text.replace(/(\d{1,2})\s*月份?/g, (match, month: string) => ` ${monthName(Number(month)) ?? match} `)],
  ["前", (text) => text.replace(/前\s*9\s*个?月/g, " first nine months ")],
  ["百分之", (text) => text.replace(/百分之\s*(\d+(?:\.\d+)?)/g, " $1 percent ")],
];

function monthSpan(match: string, from: number, to: number): string {
  const [first, last] = [monthName(from), monthName(to)];
  return first && last ? ` ${first} through ${last} ` : match;
}

function chineseNumber(numeral: string): number {
  const [whole = "", decimals] = numeral.split("点");
  return decimals === undefined ? chineseInteger(whole) : Number(`${chineseInteger(whole)}.${[...decimals].map((char) => DIGITS[char] ?? 0).join("")}`);
}

function chineseInteger(numeral: string): number {
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

/**
 * The words of a Chinese run: the longest phrase of the base or glossary at each point, Intl.Segmenter's words
 * between them. Characters the segmenter leaves single, that are neither glossary nor grammar words, are one
 * word together: a name no dictionary knows (绥芬河, 伊尔库茨克).
 */
function readChinese(run: string, phrases: ReadonlySet<string>): Token[] {
  const words: string[] = [];
  let between = "";
  let starts: ReadonlySet<number> | undefined;
  /** A glossary word found after unmatched characters must start a word there as the segmenter reads the run: 认为什么 holds no 为什么. */
  const startsWord = (at: number, phrase: string) => !between || phrases.has(phrase) || (starts ??= wordStarts(run)).has(at);
  const lengths = phraseLengthsOf(phrases);
  for (let at = 0; at < run.length; ) {
    const starting = lengths.get(run.slice(at, at + 2)) ?? 0;
    let length = Math.min(LONGEST_PHRASE, run.length - at);
    while (length > 1 && !((starting >> length) & 1 && isPhrase(run.slice(at, at + length), phrases))) length--;
    if (length > 1 && startsWord(at, run.slice(at, at + length))) {
      words.push(...segmentWords(between), ...glossaryWords(run.slice(at, at + length)));
      between = "";
    } else {
      between += run[at];
      length = 1;
    }
    at += length;
  }
  words.push(...segmentWords(between));
  return withNames(joinUnknownCharacters(words.flatMap(glossaryCharacters)));
}

/**
 * Characters the segmenter leaves single that are neither glossary nor grammar words, joined into one word when
 * they spell a foreign name (mostly transliteration characters); other single characters stay apart.
 */
function joinUnknownCharacters(words: readonly string[]): { word: string; joined: boolean }[] {
  const joined: { word: string; joined: boolean }[] = [];
  let pending = "";
  const flush = () => {
    const spelled = [...pending].filter((char) => TRANSLITERATION_CHARACTERS.has(char)).length;
    if (pending.length > 1 && 3 * spelled >= 2 * pending.length) joined.push({ word: pending, joined: true });
    else joined.push(...[...pending].map((char) => ({ word: char, joined: false })));
    pending = "";
  };
  for (const word of words) {
    if (word.length === 1 && !chinese!.has(word) && (!CHINESE_STOPWORDS.has(word) || TRANSLITERATION_CHARACTERS.has(word))) {
      pending += word;
      continue;
    }
    flush();
    joined.push({ word, joined: false });
  }
  flush();
  return joined;
}

/** Each word with its English reading; an unknown word is a name when it spells one or comes before 市, 省, 公司… */
function withNames(words: readonly { word: string; joined: boolean }[]): Token[] {
  return words.map(({ word, joined }, i) => {
    const english = chineseEnglish(word);
    const suffix = words[i + 1]?.word ?? "";
    const named = english === undefined && word.length > 1 && (joined || NAME_SUFFIXES.has(suffix));
    return { word, english, ...(named ? { name: { read: word, written: NAME_SUFFIXES.has(suffix) ? word + suffix : word } } : {}) };
  });
}

function chineseEnglish(word: string): string | undefined {
  const english = chinese!.get(word) ?? (CHINESE_STOPWORDS.has(word) ? "" : undefined);
  if (english !== undefined) return english;
  const verb = PARTICLE.exec(word)?.[1];
  return verb === undefined ? undefined : chineseEnglish(verb);
}

/** A word neither the glossary nor the grammar list knows, made of characters they both know, is read by its characters: 大港 -> 大 港. */
function glossaryCharacters(word: string): string[] {
  if (word.length < 2 || chineseEnglish(word) !== undefined) return [word];
  const characters = [...word];
  return characters.every((char) => chineseEnglish(char) !== undefined) ? characters : [word];
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

const phraseLengths = new WeakMap<ReadonlySet<string>, ReadonlyMap<string, number>>();

/**
 * By first two characters, the lengths of the phrases and glossary words starting with them (bit n set for length
 * n): a run is matched only against lengths some phrase has.
 */
function phraseLengthsOf(phrases: ReadonlySet<string>): ReadonlyMap<string, number> {
  let lengths = phraseLengths.get(phrases);
  if (!lengths) {
    const byStart = new Map<string, number>();
    for (const phrase of [...phrases, ...chinese!.keys()]) {
      if (phrase.length > 1 && phrase.length <= LONGEST_PHRASE) byStart.set(phrase.slice(0, 2), (byStart.get(phrase.slice(0, 2)) ?? 0) | (1 << phrase.length));
    }
    phraseLengths.set(phrases, (lengths = byStart));
  }
  return lengths;
}

function isPhrase(candidate: string, phrases: ReadonlySet<string>): boolean {
  return phrases.has(candidate) || chinese!.has(candidate);
}

/** The segmenter's words of the texts between phrases, which repeat (与, 之间, 的): kept, up to a bound a stream of questions cannot outgrow. */
const segmented = new Map<string, readonly string[]>();
const SEGMENTED_LIMIT = 10_000;

function segmentWords(text: string): readonly string[] {
  if (!text) return [];
  let words = segmented.get(text);
  if (!words) {
    segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
    if (segmented.size >= SEGMENTED_LIMIT) segmented.clear();
    segmented.set(text, (words = [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment)));
  }
  return words;
}

/** Where the segmenter starts a word in a text. */
function wordStarts(text: string): Set<number> {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return new Set(Array.from(segmenter.segment(text), (segment) => segment.index));
}
