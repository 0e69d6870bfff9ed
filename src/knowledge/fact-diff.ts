import type { Fact } from "./schema.js";

/** The fields a moderator edits; bookkeeping (revision, updatedAt, updatedBy) is not content. */
export const CONTENT_FIELDS = ["statement", "quote", "sourceId", "attribution", "topic", "entities", "keywords", "aliases", "questions", "period", "status"] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

export interface FieldChange {
  field: ContentField;
  before: unknown;
  after: unknown;
}

/** What changed between two versions of a fact (everything, when there was no version before). */
export function diffFacts(before: Fact | null, after: Fact): FieldChange[] {
  return CONTENT_FIELDS.filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after[field])).map((field) => ({
    field,
    before: before?.[field],
    after: after[field],
  }));
}

export function sameContent(a: Fact, b: Fact): boolean {
  return diffFacts(a, b).length === 0;
}
