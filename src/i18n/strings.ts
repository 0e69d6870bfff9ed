import { en, type Strings } from "./catalogue/en.js";
import { ru } from "./catalogue/ru.js";
import { zhCN } from "./catalogue/zh-CN.js";
import type { ReplyLocale } from "./locale.js";

export type { Strings };

const TRANSLATIONS: Record<Exclude<ReplyLocale, "en">, Partial<Strings>> = { ru, "zh-CN": zhCN };
const merged = new Map<ReplyLocale, Strings>();

/** The strings of one language; any it lacks are English. */
export function stringsFor(locale: ReplyLocale): Strings {
  if (locale === "en") return en;
  let strings = merged.get(locale);
  if (!strings) {
    strings = withEnglishFallback(TRANSLATIONS[locale]);
    merged.set(locale, strings);
  }
  return strings;
}

/** A language's strings, with English for any it lacks. */
export function withEnglishFallback(translation: Partial<Strings>): Strings {
  return { ...en, ...translation };
}

/** The keys a language has no string for (they show in English). */
export function missingStrings(locale: Exclude<ReplyLocale, "en">): string[] {
  return Object.keys(en).filter((key) => !(key in TRANSLATIONS[locale]));
}
