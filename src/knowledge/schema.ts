import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty");
/** Limits that also fit Discord's modal inputs, so a fact can always be edited in the form without a cut. */
const bounded = (max: number) => text.max(max, `must be at most ${max} characters`);
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits and single hyphens)")
  .max(80, "must be at most 80 characters");
const term = bounded(100);
const wordList = z.array(term).min(1, "must list at least one entry");

export const SourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text.nullable(),
  url: z.httpUrl({ error: "must be an http(s) URL" }).nullable(),
  date: text.nullable(),
  dateNote: text.nullable(),
  text: text.nullable(),
});

/** Locales a fact may be translated into; the quote is never translated: it stays the source's words. */
export const TRANSLATION_LOCALES = ["ru", "zh-CN"] as const;

export const FactTranslationSchema = z.strictObject({
  statement: bounded(1000),
  keywords: wordList,
  aliases: z.array(term),
  questions: z.array(bounded(300)),
});

export const FactSchema = z.strictObject({
  id,
  statement: bounded(1000),
  quote: bounded(2000),
  sourceId: id,
  attribution: bounded(300),
  topic: bounded(100),
  entities: z.array(term),
  keywords: wordList,
  aliases: z.array(term),
  questions: z.array(bounded(300)),
  translations: z.strictObject({ ru: FactTranslationSchema.optional(), "zh-CN": FactTranslationSchema.optional() }).optional(),
  period: text.nullable(),
  status: z.enum(["active", "retired"]),
  revision: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
  updatedBy: text,
});

export const FactBaseSchema = z.strictObject({
  sources: z.array(SourceSchema).min(1, "must list at least one source"),
  facts: z.array(FactSchema),
});

export type Source = z.infer<typeof SourceSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type FactTranslation = z.infer<typeof FactTranslationSchema>;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];
export type FactBase = z.infer<typeof FactBaseSchema>;
