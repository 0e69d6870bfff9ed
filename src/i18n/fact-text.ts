import type { Fact } from "../knowledge/schema.js";
import { UNNAMED_ATTRIBUTION } from "../knowledge/store/proposal-store.js";
import type { ReplyLocale } from "./locale.js";
import { stringsFor } from "./strings.js";

/** A fact's statement in the reply's language: the moderators' translation when there is one, else the English. */
export function statementIn(fact: Fact, locale: ReplyLocale): { text: string; translated: boolean } {
  const translation = locale === "en" ? undefined : fact.translations?.[locale];
  return translation ? { text: translation.statement, translated: true } : { text: fact.statement, translated: false };
}

/** Who said it, in the reply's language when the bot wrote it (the article itself, no one named); else as stored. */
export function attributionIn(fact: Fact, locale: ReplyLocale): string {
  return fact.attribution === UNNAMED_ATTRIBUTION ? stringsFor(locale).unnamedAttribution : fact.attribution;
}
