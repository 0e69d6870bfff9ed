import type { Random } from "./random.js";

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

function allCombinations(): string[] {
  const names: string[] = [];
  for (const start of RUSSIAN_STARTS) {
    for (const middle of RUSSIAN_MIDDLES) {
      for (const end of RUSSIAN_ENDS) names.push(start + middle + end);
    }
  }
  for (const first of CHINESE_SYLLABLES) {
    for (const second of CHINESE_SYLLABLES) {
      if (first === second) continue;
      for (const end of CHINESE_ENDS) names.push(first + second.toLowerCase() + end);
    }
  }
  return [...new Set(names)];
}

/** `size` distinct place names in a seeded order (capped at the number of combinations, about 9,000). */
export function placeNamePool(random: Random, size: number): string[] {
  return random.shuffle(allCombinations()).slice(0, size);
}
