import type { Fact } from "../knowledge/schema.js";
import { UNNAMED_ATTRIBUTION } from "../knowledge/store/proposal-store.js";
import type { ReplyLocale } from "./locale.js";
import { stringsFor } from "./strings.js";

/** A fact's statement in the reply's language: the moderators' translation when there is one, else the English. */
export function statementIn(fact: Fact, locale: ReplyLocale): string {
  return (locale === "en" ? undefined : fact.translations?.[locale]?.statement) ?? fact.statement;
}

/**
 * What a reply in Russian or Chinese says of a fact's words: the label of its quote (the source's own words) and
 * whether the statement above it is the moderators' translation or still English. An English reply says neither.
 */
export function translationLabels(fact: Fact, locale: ReplyLocale): { quote: string; statement: string } | undefined {
  if (locale === "en") return undefined;
  const s = stringsFor(locale);
  return { quote: s.sourceWords, statement: fact.translations?.[locale] ? s.statementTranslated : s.statementUntranslated };
}

/** Who said it, in the reply's language when the bot wrote it (the article itself, no one named); else as stored. */
export function attributionIn(fact: Fact, locale: ReplyLocale): string {
  return fact.attribution === UNNAMED_ATTRIBUTION ? stringsFor(locale).unnamedAttribution : fact.attribution;
}
