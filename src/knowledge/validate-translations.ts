import type { Fact, FactTranslation, TranslationLocale } from "./schema.js";
import { shiftDecimal } from "./text/decimal-shift.js";
import { NAME_SPELLINGS } from "./text/name-spellings.js";
import { numeralsIn, type Problem } from "./validate.js";

/** What is wrong with a fact's translations: a figure of the English statement missing or changed, a name spelt another way. */
export function translationProblems(subject: string, fact: Pick<Fact, "statement" | "translations">): Problem[] {
  const figures = [...new Set(numeralsIn(fact.statement))];
  const englishLower = fact.statement.toLowerCase();
  return Object.entries(fact.translations ?? {}).flatMap(([locale, translation]) => {
    if (!translation) return [];
    const field = `translations.${locale}.statement`;
    const problems: Problem[] = [];
    const stated = translatedFigures(translation.statement, locale as TranslationLocale);
    const missing = figures.filter((figure) => !stated.has(figure));
    if (missing.length > 0) problems.push({ subject, field, reason: `figure${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of the statement not in the translation` });
    problems.push(...nameProblems(subject, field, englishLower, translation, locale as TranslationLocale));
    return problems;
  });
}

/**
 * The fact with only the translations that still say what its English statement says. A moderator's edit of the
 * statement must never be refused for a translation they cannot see in the form: a translation it leaves behind
 * is dropped (the revision keeps it), and the fact answers in English in that language until it is translated again.
 */
export function withAgreeingTranslations(fact: Fact): Fact {
  if (!fact.translations) return fact;
  const kept = Object.fromEntries(
    Object.entries(fact.translations).filter(([locale, translation]) => translation && translationProblems("", { statement: fact.statement, translations: { [locale]: translation } }).length === 0),
  );
  if (Object.keys(kept).length > 0) return { ...fact, translations: kept };
  const untranslated = { ...fact };
  delete untranslated.translations;
  return untranslated;
}

/**
 * The figures of a translated statement as the English one writes them: Chinese 426.4亿 is 42.64 (billion) and
 * 1万 is 10000; a Russian decimal comma (82,3) is a point.
 */
export function translatedFigures(statement: string, locale: TranslationLocale): Set<string> {
  if (locale === "ru") return new Set(numeralsIn(statement.replace(/(\d),(\d{1,2})(?!\d)/g, "$1.$2").replace(/(\d)[\s\u00a0](?=\d{3}\b)/g, "$1")));
  const figures = new Set<string>();
  const plain = statement.replace(/(\d+(?:\.\d+)?)\s*(万亿|亿|万)/g, (_match, value: string, scale: string) => {
    if (scale === "万亿") figures.add(value);
    else if (scale === "亿") figures.add(shiftDecimal(value, -1)).add(shiftDecimal(value, 2));
    else figures.add(shiftDecimal(value, 4));
    return " ";
  });
  for (const figure of numeralsIn(plain)) figures.add(figure);
  return figures;
}

/** Each name of the English statement written with the base's chosen spelling, never another. */
function nameProblems(subject: string, field: string, englishLower: string, translation: FactTranslation, locale: TranslationLocale): Problem[] {
  const text = translation.statement.toLowerCase();
  const problems: Problem[] = [];
  for (const name of NAME_SPELLINGS) {
    const { chosen, others } = name[locale];
    const other = others.find((spelling) => containsWord(text, spelling.toLowerCase()));
    if (other !== undefined) {
      problems.push({ subject, field, reason: `writes "${other}": the base spells ${name.english} "${chosen}" (list "${other}" in aliases)` });
    } else if (new RegExp(`\\b${name.english}\\b`).test(englishLower) && !text.includes(stemOfName(chosen.toLowerCase()))) {
      problems.push({ subject, field, reason: `does not name ${name.english} as "${chosen}"` });
    }
  }
  return problems;
}

/** A Russian name declines (Цзилинь, Цзилиня): its soft sign or й ending may change. */
function stemOfName(name: string): string {
  return name.replace(/[ьй]$/u, "");
}

function containsWord(text: string, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return text.includes(word);
  return new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "u").test(text);
}
