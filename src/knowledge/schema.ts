import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty");
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits and single hyphens)")
  .max(80, "must be at most 80 characters");
const wordList = z.array(text).min(1, "must list at least one entry");

export const SourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text.nullable(),
  url: z.url().nullable(),
  date: text.nullable(),
  dateNote: text.nullable(),
  text: text.nullable(),
});

export const FactStatusSchema = z.enum(["active", "retired"]);

export const FactSchema = z.strictObject({
  id,
  statement: text,
  quote: text,
  sourceId: id,
  attribution: text,
  topic: text,
  entities: z.array(text),
  keywords: wordList,
  aliases: z.array(text),
  questions: z.array(text),
  period: text.nullable(),
  status: FactStatusSchema,
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
export type FactStatus = z.infer<typeof FactStatusSchema>;
export type FactBase = z.infer<typeof FactBaseSchema>;
