/**
 * Russian typed in Latin letters, as people without a Cyrillic keyboard write it ("skolko kompanii v Shenyane"),
 * back in Cyrillic. Informal transliteration has no single scheme (kh or h, ts or c, ii or iy), so each letter
 * group is read the way chat writes it most; the stemmer and typo correction absorb what remains.
 */

const LETTERS: Readonly<Record<string, string>> = {
  shch: "щ", sch: "щ", zh: "ж", kh: "х", ch: "ч", sh: "ш", ts: "ц", tz: "ц",
  ya: "я", ja: "я", yu: "ю", ju: "ю", yo: "ё", jo: "ё", ye: "е", ia: "я", iu: "ю",
  a: "а", b: "б", v: "в", w: "в", g: "г", d: "д", e: "е", z: "з", i: "и", j: "й", k: "к", q: "к", l: "л", m: "м", n: "н",
  o: "о", p: "п", r: "р", s: "с", t: "т", u: "у", f: "ф", h: "х", c: "ц", x: "кс", y: "ы", "'": "ь",
};
/** Letter groups, longest first: "shch" before "sh" before "s". */
const GROUP = new RegExp(Object.keys(LETTERS).sort((a, b) => b.length - a.length).join("|"), "g");

/** One Latin word in Cyrillic letters, lowercase: "rossiiskih" -> "российских", "eksport" -> "экспорт". */
export function cyrillicOf(latin: string): string {
  const word = latin.toLowerCase();
  const cyrillic = word.replace(GROUP, (group, at: number) => (at === 0 && group === "e" ? "э" : LETTERS[group]!));
  return cyrillic
    .replace(/([иы])и(?=[^аеёиоуыэюя]|$)/g, "$1й")
    .replace(/ыы/g, "ый")
    .replace(/([аеёиоуыэюя])ы/g, "$1й")
    .replace(/([аеоуэюя])и(?=ск|$)/g, "$1й")
    .replace(/еиш/g, "ейш");
}

