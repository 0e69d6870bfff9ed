import { stemmer } from "stemmer";
import type { FactBase } from "../schema.js";
import { TypoCorrector } from "../text/typo-corrector.js";

/** Shorter words have too many real neighbours one letter away ("form", "from") to call either a typo. */
const MIN_TYPO_LENGTH = 5;
/** "trade" and "trader", "tonne" and "tonnes": a word and its longer form, not a slip. */
const MAX_SUFFIX = 3;

/**
 * Words of a quote that look misspelt in the source ("goverment", "Rusia"), kept as the source writes them so a
 * moderator sees them: a word the fact base never uses and the article uses once, one edit away from a word the
 * base uses or the article uses more than once. Acronyms, words with digits, and inflections of a known word are
 * never flagged, nor is a name unless the base or article spells a name one letter apart.
 */
export function typoChecker(articleText: string, base: FactBase): (quote: string) => string[] {
  const baseWords = new Set(base.facts.flatMap((fact) => lettersOf(`${fact.statement} ${fact.quote} ${fact.entities.join(" ")} ${fact.keywords.join(" ")}`)));
  const counts = new Map<string, number>();
  for (const word of lettersOf(articleText)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const established = new Set([...baseWords, ...[...counts].filter(([, count]) => count > 1).map(([word]) => word)]);
  const names = new Set([...base.facts.flatMap((fact) => lettersOf(fact.entities.join(" "))), ...lettersOf((articleText.match(/\p{Lu}\p{Ll}+/gu) ?? []).join(" "))]);
  const corrector = TypoCorrector.build(established);
  const isTypo = (surface: string) => {
    const word = surface.toLowerCase();
    if (word.length < MIN_TYPO_LENGTH || established.has(word) || /\p{Lu}/u.test(surface.slice(1))) return false;
    const isName = /^\p{Lu}/u.test(surface);
    return corrector.correct(word).some((correction) => correction.edits === 1 && !isInflection(word, correction.word) && (!isName || names.has(correction.word)));
  };
  return (quote) => [...new Set((quote.match(/(?<![\p{L}\p{N}’'-])\p{L}+(?![\p{L}\p{N}’'-])/gu) ?? []).filter(isTypo))];
}

function lettersOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= MIN_TYPO_LENGTH - 1);
}

function isInflection(word: string, known: string): boolean {
  const [shorter, longer] = word.length <= known.length ? [word, known] : [known, word];
  return stemmer(word) === stemmer(known) || (longer.startsWith(shorter) && longer.length - shorter.length <= MAX_SUFFIX);
}
