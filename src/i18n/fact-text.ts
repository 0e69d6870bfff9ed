import type { Fact } from "../knowledge/schema.js";
import type { ReplyLocale } from "./locale.js";

/** A fact's statement in the reply's language: the moderators' translation when there is one, else the English. */
export function statementIn(fact: Fact, locale: ReplyLocale): { text: string; translated: boolean } {
  const translation = locale === "en" ? undefined : fact.translations?.[locale];
  return translation ? { text: translation.statement, translated: true } : { text: fact.statement, translated: false };
}
