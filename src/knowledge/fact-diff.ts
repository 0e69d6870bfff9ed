import { TRANSLATION_LOCALES, type Fact, type FactTranslation, type TranslationLocale } from "./schema.js";

/** The fields a moderator edits; bookkeeping (revision, updatedAt, updatedBy) is not content. */
export const CONTENT_FIELDS = ["statement", "quote", "sourceId", "attribution", "topic", "entities", "keywords", "aliases", "questions", "period", "status"] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

const TRANSLATION_FIELDS = ["statement", "keywords", "aliases", "questions"] as const satisfies readonly (keyof FactTranslation)[];
/** A field of one language's translation, as history and import previews name it: `translations.ru.statement`. */
export type TranslationField = `translations.${TranslationLocale}.${(typeof TRANSLATION_FIELDS)[number]}`;

export interface FieldChange {
  field: ContentField | TranslationField;
  before: unknown;
  after: unknown;
}

/**
 * What changed between two versions of a fact (everything, when there was no version before). Translations are
 * compared field by field; a list left empty reads as no list, so adding a translation without aliases names no
 * aliases, and removing one names what it had.
 */
export function diffFacts(before: Fact | null, after: Fact): FieldChange[] {
  const changes: FieldChange[] = CONTENT_FIELDS.filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after[field])).map((field) => ({
    field,
    before: before?.[field],
    after: after[field],
  }));
  for (const locale of TRANSLATION_LOCALES) {
    for (const field of TRANSLATION_FIELDS) {
      const was = translated(before, locale, field);
      const now = translated(after, locale, field);
      if (JSON.stringify(was) !== JSON.stringify(now)) changes.push({ field: `translations.${locale}.${field}`, before: was, after: now });
    }
  }
  return changes;
}

function translated(fact: Fact | null, locale: TranslationLocale, field: (typeof TRANSLATION_FIELDS)[number]): string | string[] | undefined {
  const value = fact?.translations?.[locale]?.[field];
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

export function sameContent(a: Fact, b: Fact): boolean {
  return diffFacts(a, b).length === 0;
}
