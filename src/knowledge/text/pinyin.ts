import { pinyin } from "pinyin-pro";
import { CHINESE_STOPWORDS } from "./foreign-stopwords.js";

/**
 * Chinese typed in toneless pinyin, as people without a Chinese keyboard write it ("shenyang shi liaoning de
 * shenghui ma"), back in characters: each word, or two or three written apart ("sheng hui"), that spells a word of
 * the glossary or the grammar list (pinyin-pro gives their readings). Homophones read as the glossary's word first,
 * then the grammar's.
 */

const LONGEST_JOIN = 3;
let spelled: ReadonlyMap<string, string> | undefined;

/** The text in characters where it is plainly pinyin: at least two words spell Chinese ones and outnumber the English. */
export function pinyinAsChinese(text: string, chineseWords: () => Iterable<string>, isEnglishOrKnown: (word: string) => boolean): string | undefined {
  const latin = (text.match(/[A-Za-z]+/g) ?? []).map((word) => word.toLowerCase());
  const unknown = latin.filter((word) => !isEnglishOrKnown(word));
  if (unknown.length < 2 || 2 * unknown.length <= latin.length) return undefined;
  spelled ??= pinyinSpellings([...chineseWords(), ...CHINESE_STOPWORDS]);
  const read: string[] = [];
  let chinese = 0;
  for (let at = 0; at < latin.length; ) {
    const length = [LONGEST_JOIN, 2, 1].find((size) => at + size <= latin.length && !latin.slice(at, at + size).some(isEnglishOrKnown) && spelled!.has(latin.slice(at, at + size).join("")));
    if (length === undefined) {
      read.push(` ${latin[at]!} `);
      at += 1;
      continue;
    }
    read.push(spelled.get(latin.slice(at, at + length).join(""))!);
    chinese += length;
    at += length;
  }
  return chinese >= 2 && chinese > latin.length - chinese ? read.join("") : undefined;
}

let homophones: ReadonlyMap<string, string> | undefined;

/**
 * The glossary word of two or more characters that reads as these characters do, toneless: a pinyin keyboard's
 * slip (包阔 for 包括, 书纽 for 枢纽).
 */
export function homophoneOf(characters: string, chineseWords: () => Iterable<string>): string | undefined {
  homophones ??= pinyinSpellings([...chineseWords()].filter((word) => word.length > 1));
  const [reading] = readings(characters);
  return reading === undefined ? undefined : homophones.get(reading);
}

function pinyinSpellings(words: readonly string[]): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const word of words) {
    if (!/^\p{Script=Han}+$/u.test(word)) continue;
    for (const key of readings(word)) if (!spellings.has(key)) spellings.set(key, word);
  }
  return spellings;
}

/** A word's toneless readings: every reading of a single character (了 is le and liao), the reading in context of a longer word. */
function readings(word: string): string[] {
  const options = { toneType: "none", v: true, nonZh: "removed" } as const;
  if (word.length === 1) return [...new Set(pinyin(word, { ...options, multiple: true, type: "array" }))];
  return [pinyin(word, { ...options, separator: "" })];
}
