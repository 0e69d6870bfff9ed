import { z } from "zod";

/** A figure as the text writes it, with its value in plain units ("$5.83 billion" is 5830000000 dollars). */
export const FigureSchema = z.strictObject({
  text: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
});

/** One claim the proposer read in a source: what a moderator accepts as a fact, or rejects. */
export const ProposalSchema = z.strictObject({
  /** Verbatim from the source text, byte for byte. */
  quote: z.string().min(1),
  /** The claim without its attribution; every figure in it is in the quote. */
  statement: z.string().min(1),
  /** Whom the text credits ("China's official television"), or null when it names nobody. */
  attribution: z.string().min(1).nullable(),
  figures: z.array(FigureSchema),
  /** The period as the text states it ("the first nine months", "January-September"), or null. */
  period: z.string().min(1).nullable(),
  entities: z.array(z.string().min(1)),
  topic: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  questions: z.array(z.string().min(1)),
  /** Words of the quote that look misspelt in the source ("goverment"): kept in the quote, shown to the moderator. Absent on proposals stored before it was read. */
  typos: z.array(z.string().min(1)).optional(),
  /** The fact of the base that already says this, or null. */
  coveredBy: z.string().nullable(),
});

export type Figure = z.infer<typeof FigureSchema>;
export type Proposal = z.infer<typeof ProposalSchema>;
