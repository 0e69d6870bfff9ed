import { isReplyLocale, type ReplyLocale } from "../i18n/locale.js";

/**
 * The value of a fact offered by autocomplete: its id, and the language its name was shown in when that is not the
 * member's own (Russian typed in an English Discord), so that picking it answers in the language it was offered in.
 */
export function factChoiceValue(factId: string, shownIn: ReplyLocale, memberLocale: ReplyLocale): string {
  return shownIn === memberLocale ? factId : `${factId}:${shownIn}`;
}

/** A submitted fact value: a picked choice's id and language, or the text as typed (no language). */
export function readFactChoice(value: string): { id: string; locale?: ReplyLocale } {
  const text = value.trim();
  const at = text.lastIndexOf(":");
  const locale = text.slice(at + 1);
  return at > 0 && isReplyLocale(locale) ? { id: text.slice(0, at), locale } : { id: text };
}
