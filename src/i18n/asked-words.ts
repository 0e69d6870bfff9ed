import { NAME_SPELLINGS } from "../knowledge/text/name-spellings.js";
import { ORGANISATION_SPELLINGS, PLACE_SPELLINGS } from "../knowledge/text/place-spellings.js";
import type { ReplyLocale } from "./locale.js";

/** How a word is written in the question: the engine's own word, or the asker's word for it; undefined when they wrote neither. */
export type AskedWord = (word: string) => string | undefined;

const HAN = /\p{Script=Han}/u;
/** A Russian name's last vowel, й or ь changes with its case (Москва, Москве), so it is matched without it. */
const RUSSIAN_ENDING = /[аеёиоуыэюяйь]$/iu;

let spellings: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * The asker's own words for the words the engine names an abstention by, for a reply in their language. The engine
 * reads Russian and Chinese as English and Russian words by their stems (москве is moscow, приготовить is приготов):
 * a Russian or Chinese reply shows a word as the question wrote it, or not at all. An English reply shows the engine's
 * words, which are English.
 */
export function askedWords(question: string, locale: ReplyLocale): AskedWord {
  if (locale === "en") return (word) => word;
  const tokens = question.replace(/\p{Script=Han}/gu, " ").match(/[\p{L}\p{N}]+/gu) ?? [];
  const written = (form: string): string | undefined => {
    if (HAN.test(form)) return question.includes(form) ? form : undefined;
    const parts = form.split(/[\s-]+/).map((part) => tokens.find((token) => fold(token).startsWith(fold(part))));
    return parts.every((part) => part !== undefined) ? parts.join(" ") : undefined;
  };
  const asked = (word: string): string | undefined => {
    const found = written(word) ?? spellingsOf(word).map(written).find((form) => form !== undefined);
    if (found !== undefined || !word.includes(" ")) return found;
    const parts = word.split(" ").map(asked);
    return parts.every((part) => part !== undefined) ? parts.join(" ") : undefined;
  };
  return asked;
}

/** Lowercase, without accents: й and ё read as the и and е the engine reads them as. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** How Russian and Chinese write a name the engine knows by its English (liaoning: Ляонин, Ляонинь, 辽宁, 遼寧…). */
function spellingsOf(english: string): readonly string[] {
  if (!spellings) {
    const byName = new Map<string, string[]>();
    const names = [
      ...NAME_SPELLINGS.map(({ english: name, ru, "zh-CN": zh }) => ({ name, ru: [ru.chosen, ...ru.others], zh: [zh.chosen, ...zh.others] })),
      ...[...PLACE_SPELLINGS, ...ORGANISATION_SPELLINGS].map(({ english: name, ru, zh }) => ({ name, ru, zh })),
    ];
    for (const { name, ru, zh } of names) byName.set(name, [...(byName.get(name) ?? []), ...ru.map((spelling) => spelling.replace(RUSSIAN_ENDING, "")), ...zh]);
    spellings = byName;
  }
  return spellings.get(english) ?? [];
}
