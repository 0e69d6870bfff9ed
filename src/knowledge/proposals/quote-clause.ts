import { FactSchema } from "../schema.js";
import { figuresIn, isAmount } from "./figures.js";

/** The longest quote a fact may hold (the schema's limit). */
const MAX_QUOTE = FactSchema.shape.quote.maxLength ?? 2000;
/** Where a long sentence may be cut: after a semicolon or colon, then after a comma, or around a dash. */
const CUTS = [/(?<=[;:])\s+/g, /(?<=,)\s+|\s+[—–]\s+/g] as const;
const MIN_CLAUSE_WORDS = 4;

/**
 * What of a sentence a fact can quote: the sentence itself when it fits, else the clause that holds the claim (the
 * first holding an amount, else the first with a figure, else the first), verbatim. Undefined when no clause fits.
 */
export function quotableClause(sentence: string): string | undefined {
  if (sentence.length <= MAX_QUOTE) return sentence;
  const clauses = CUTS.reduce<string[]>((pieces, cut) => pieces.flatMap((piece) => (piece.length > MAX_QUOTE ? piece.split(cut) : [piece])), [sentence])
    .map((clause) => clause.trim().replace(/[;:,]$/, ""))
    .filter((clause) => clause.length <= MAX_QUOTE && clause.split(/\s+/).length >= MIN_CLAUSE_WORDS);
  const held = (test: (clause: string) => boolean) => clauses.find(test);
  return held((clause) => figuresIn(clause).some(isAmount)) ?? held((clause) => figuresIn(clause).length > 0) ?? clauses[0];
}
