import { NAME_SPELLINGS } from "../src/knowledge/text/name-spellings.js";
import type { Random } from "./random.js";
import { CHINESE_SYLLABLES_RU_ZH, RUSSIAN_SYLLABLES_RU_ZH } from "./translation-vocabulary.js";

/** Invented, pronounceable place names built from Russian- and Chinese-sounding syllables. */

const RUSSIAN_STARTS = [
  "Vla", "Kra", "Bel", "Nov", "Tom", "Zab", "Ust", "Pet", "Kha", "Mur", "Sor", "Yak",
  "Bla", "Dal", "Ner", "Tyn", "Ole", "Ark", "Sve", "Kur", "Zel", "Gor", "Lug", "Ros",
];
const RUSSIAN_MIDDLES = ["", "go", "no", "di", "ra", "vo", "li", "ro", "ka", "ze", "mi", "ta"];
const RUSSIAN_ENDS = ["vsk", "grad", "ovo", "insk", "sk", "burg", "yar", "ezh", "ino", "ovka", "ansk", "evo"];

const CHINESE_SYLLABLES = [
  "Hei", "Sui", "Fen", "Man", "Zhou", "Li", "Qing", "Dong", "Xin", "Hun", "Chun", "Ji", "Lin", "Yan", "Bao",
  "Tai", "Ning", "Shan", "Jiang", "Mu", "Dan", "Hai", "Wu", "Su", "Fu", "Gu", "Yi", "Rao", "Tong", "Hua",
];
const CHINESE_ENDS = ["", "he", "kou", "zhou", "shan", "tai", "gang", "ling"];

/** A generated place name with its Russian and Chinese spellings, made from the same syllables. */
export interface PlaceName {
  english: string;
  ru: string;
  zh: string;
}

function allCombinations(): PlaceName[] {
  const names: PlaceName[] = [];
  const spelled = (parts: readonly (readonly [string, string])[], locale: 0 | 1): string => parts.map((part) => part[locale]).join("");
  for (const start of RUSSIAN_STARTS) {
    for (const middle of RUSSIAN_MIDDLES) {
      for (const end of RUSSIAN_ENDS) {
        const parts = [start, middle, end].map((part) => RUSSIAN_SYLLABLES_RU_ZH[part]!);
        names.push({ english: start + middle + end, ru: spelled(parts, 0), zh: spelled(parts, 1) });
      }
    }
  }
  for (const first of CHINESE_SYLLABLES) {
    for (const second of CHINESE_SYLLABLES) {
      if (first === second) continue;
      for (const end of CHINESE_ENDS) {
        const parts = [first, second, capitalised(end)].map((part) => CHINESE_SYLLABLES_RU_ZH[part]!);
        const ru = spelled(parts, 0);
        names.push({ english: first + second.toLowerCase() + end, ru: ru.charAt(0) + ru.slice(1).toLowerCase(), zh: spelled(parts, 1) });
      }
    }
  }
  const seen = new Set<string>();
  return names.filter(({ english }) => !seen.has(english) && seen.add(english)).map(withRealSpelling);
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A generated name that is a real place (Jilin, Zhoushan) is spelled as the fact base spells it. */
function withRealSpelling(place: PlaceName): PlaceName {
  const real = NAME_SPELLINGS.find((name) => name.english === place.english.toLowerCase());
  return real ? { english: place.english, ru: real.ru.chosen, zh: real["zh-CN"].chosen } : place;
}

let spellings: ReadonlyMap<string, PlaceName> | undefined;

/** The Russian and Chinese spelling of a generated place name: one each, used in every translation. */
export function placeSpelling(english: string): PlaceName {
  spellings ??= new Map(allCombinations().map((place) => [place.english, place]));
  const place = spellings.get(english);
  if (!place) throw new Error(`"${english}" is not a generated place name`);
  return place;
}

/** `size` distinct place names in a seeded order (capped at the number of combinations, about 9,000). */
export function placeNamePool(random: Random, size: number): string[] {
  return random.shuffle(allCombinations().map((place) => place.english)).slice(0, size);
}
