import { contentWords } from "../text/analyze.js";
import type { Fact, FactBase } from "../schema.js";
import { normaliseForQuote, numeralsIn } from "../validate.js";
import { isAmount } from "./figures.js";
import type { Figure } from "./proposal.js";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
const ORDINAL = "(?:first|second|third|fourth|last|past|two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2})";
const PERIODS: readonly RegExp[] = [
  new RegExp(`\\b(?:the )?${ORDINAL} (?:${ORDINAL} )?(?:months|quarters?|half|weeks)(?: of (?:the year|this year|last year|\\d{4}))?`, "i"),
  new RegExp(`\\bbetween ${MONTH} and ${MONTH}(?:,? \\d{4})?`),
  new RegExp(`\\bfrom ${MONTH} to ${MONTH}(?:,? \\d{4})?`),
  new RegExp(`\\b${MONTH}[-–]${MONTH}(?:,? \\d{4})?`),
  new RegExp(`\\b(?:[Ii]n|[Dd]uring|[Ff]or|[Bb]y|[Ss]ince) (?:the )?(${MONTH}(?:,? \\d{4})?|\\d{4}|(?:first|second|third|fourth) quarter(?: of \\d{4})?)`),
  /\b(?:last|this) (?:year|month|week)\b/,
];

/** The period a sentence states, as it states it: "the first nine months", "between January and September", "2022". */
export function statedPeriod(text: string): string | null {
  for (const pattern of PERIODS) {
    const match = pattern.exec(text);
    if (match) return (match[1] ?? match[0]).trim();
  }
  return null;
}

const DEMONYMS: Record<string, string> = { Chinese: "China", Russian: "Russia", Mongolian: "Mongolia", Kazakh: "Kazakhstan", European: "Europe", American: "United States", Ukrainian: "Ukraine" };
const NOT_NAMES = new Set(
  `The A An In On At According After Before Following Since During Last This That These Those It Its He She They We I Our Their His Her But And Or Nearly Some More Most Trade Bilateral Container Analysts Sanctions Border Below Two Photo How What Why When Where Which Who No
  January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday`.split(/\s+/),
);
const NAME = /(?:[\p{Lu}][\p{L}’'-]*\.?)(?: (?:of|the|de|and)? ?[\p{Lu}][\p{L}’'-]*)*/gu;

/** Places, people and organisations a sentence names, spelled as the base spells them where it knows them. */
export function entitiesIn(text: string, base: FactBase): string[] {
  const known = new Map(base.facts.flatMap((fact) => fact.entities).map((entity) => [entity.toLowerCase(), entity]));
  const found: string[] = [];
  for (const match of text.matchAll(NAME)) {
    for (const part of match[0].replace(/[’']s$/, "").replace(/\.$/, "").split(/ and /)) {
      const words = part.split(" ");
      while (words.length > 0 && (NOT_NAMES.has(words[0]!) || /^(?:of|the|de|and)$/.test(words[0]!))) words.shift();
      while (words.length > 0 && NOT_NAMES.has(words.at(-1)!)) words.pop();
      if (words.length === 0) continue;
      const name = words.join(" ").replace(/ (?:of|the|de|and)$/, "");
      const plain = DEMONYMS[name] ?? name;
      if (plain.length < 2 || /^[A-Z]{1,2}$/.test(plain)) continue;
      found.push(known.get(plain.toLowerCase()) ?? plain);
    }
  }
  return [...new Set(found)].slice(0, 8);
}

/** The base's topic whose facts share most words with the claim; "Trade figures" for money when none does. */
export function topicOf(claim: string, figures: readonly Figure[], base: FactBase): string {
  const words = new Set(contentWords(claim));
  const scores = new Map<string, number>();
  for (const fact of base.facts) {
    const factWords = new Set(contentWords(`${fact.statement} ${fact.keywords.join(" ")}`));
    const shared = [...words].filter((word) => factWords.has(word) && !/^\d/.test(word)).length;
    scores.set(fact.topic, (scores.get(fact.topic) ?? 0) + shared / Math.sqrt(factWords.size || 1));
  }
  const [best] = [...scores].sort((a, b) => b[1] - a[1]);
  if (best && best[1] >= 0.5) return best[0];
  return figures.some((figure) => ["dollars", "yuan", "rubles", "euros", "percent"].includes(figure.unit)) ? "Trade figures" : "General";
}

/** Words people would ask with: the names, the units, the claim's own content words. */
export function keywordsOf(claim: string, entities: readonly string[], figures: readonly Figure[]): string[] {
  const words = claim
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^\p{L}-]+/u)
    .filter((word) => word.length > 3 && contentWords(word).length > 0);
  const units = figures.filter(isAmount).map((figure) => figure.unit.toLowerCase()).filter((unit) => unit !== "number");
  const keywords = [...new Set([...entities.map((entity) => entity.toLowerCase()), ...units, ...words])].filter((word) => word.length <= 100);
  return keywords.slice(0, 12);
}

const TREND = /\b(rose|increased|grew|jumped|surged|climbed|fell|dropped|declined|decreased|slumped|reached|totalled|totaled|hit|exceeded|stood|was|were|handled|supplied|opened|established|attended|carried|shipped|exported|imported)\b/;
const BASE_FORM: Record<string, string> = {
  rose: "rise", increased: "increase", grew: "grow", jumped: "jump", surged: "surge", climbed: "climb", fell: "fall", dropped: "drop", declined: "decline",
  decreased: "decrease", slumped: "slump", reached: "reach", totalled: "total", totaled: "total", hit: "hit", exceeded: "exceed",
  handled: "handle", supplied: "supply", opened: "open", established: "establish", attended: "attend", carried: "carry", shipped: "ship",
  exported: "export", imported: "import",
};

/** One or two questions a member would ask of this claim, in plain words. */
export function questionsFor(statement: string, figures: readonly Figure[], period: string | null, attribution: string | null, entities: readonly string[]): string[] {
  const questions: string[] = [];
  const amounts = figures.filter(isAmount);
  const body = statement.replace(/[.!?]+$/, "");
  const trend = TREND.exec(body);
  const subject = trend ? body.slice(0, trend.index).trim().replace(/^(?:In|On|During) [^,]+, /, "") : "";
  const when = period ? ` ${/^(?:the|between|from|last|this)\b/i.test(period) ? "in " : "in "}${period}`.replace(/ in (between|from)/, " $1") : "";
  const first = amounts[0];
  const countedAt = first ? body.indexOf(first.text) : -1;
  if (first && countedAt >= 0 && countedAt <= 12 && !["number", "percent", "dollars", "yuan", "rubles", "euros"].includes(first.unit)) {
    const counted = first.text.replace(/^[\d.,]+\s*(?:(?:thousand|million|billion|mln|bln)\s+)?/, "");
    const rest = body.slice(countedAt + first.text.length).split(/, /)[0]!.trim();
    questions.push(`How many ${counted}${rest ? ` ${rest}` : ""}?`);
  } else if (first && subject && !subject.includes(first.text) && wordsIn(subject) <= 14) {
    const verb = trend![1]!;
    const lower = lowerFirst(subject);
    if (first.unit === "percent" && BASE_FORM[verb]) questions.push(`By how much did ${lower} ${BASE_FORM[verb]}${when}?`);
    else if (["dollars", "yuan", "rubles", "euros"].includes(first.unit)) questions.push(`How much ${/s$/.test(lower.split(" ")[0] ?? "") ? "were" : "was"} ${lower}${when}?`);
    else if (first.unit !== "percent" && BASE_FORM[verb]) questions.push(`How many ${first.unit} did ${lower} ${BASE_FORM[verb]}${when}?`);
  }
  const about = entities.filter((entity) => !attribution?.includes(entity)).slice(0, 2);
  if (attribution) questions.push(`What did ${attribution} say${about.length > 0 ? ` about ${about.join(" and ")}` : ""}?`);
  if (questions.length === 0 && about.length > 0) questions.push(`What does the article say about ${about.join(" and ")}?`);
  return questions.slice(0, 2).filter((question) => question.length <= 300);
}

function wordsIn(text: string): number {
  return text.split(/\s+/).length;
}

function lowerFirst(text: string): string {
  return /^(?:The|A|An|This|These|Its|Their|Container|Trade|Exports|Imports)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * Finds the fact that already says what a claim says: the same quote, or the same figures about the same names.
 * Each fact is read once, for any number of claims.
 */
export function coverFinder(facts: readonly Fact[]): (quote: string, statement: string, entities: readonly string[]) => string | null {
  const read = facts.map((fact) => ({
    id: fact.id,
    quote: normaliseForQuote(fact.quote),
    words: contentWords(fact.statement),
    stated: numbersIn(fact.statement),
    quoted: numbersIn(`${fact.statement} ${fact.quote}`),
    entities: fact.entities.map((entity) => entity.toLowerCase()),
  }));
  return (quote, statement, entities) => {
    const plainQuote = normaliseForQuote(quote);
    const claimWords = new Set(contentWords(statement));
    const overlap = (fact: (typeof read)[number]) => fact.words.filter((word) => claimWords.has(word)).length;
    const best = (candidates: typeof read) => (candidates.length > 0 ? [...candidates].sort((a, b) => overlap(b) - overlap(a))[0]!.id : null);
    const numbers = numbersIn(statement);
    const sameQuote = read.filter((fact) => fact.quote === plainQuote);
    const withinQuote = read.filter((fact) => plainQuote.includes(fact.quote) && [...numbers].every((number) => fact.quoted.has(number)));
    const quoted = best(sameQuote.length > 0 ? sameQuote : withinQuote);
    if (quoted !== null || numbers.size === 0) return quoted;
    const names = new Set(entities.map((entity) => entity.toLowerCase()));
    return best(read.filter((fact) => fact.stated.size === numbers.size && [...numbers].every((number) => fact.stated.has(number)) && fact.entities.some((entity) => names.has(entity))));
  };
}

/** The numbers of a text, years left out (a claim's year is its period, not its figure). */
function numbersIn(text: string): Set<string> {
  return new Set(numeralsIn(text).filter((figure) => !/^(?:19|20)\d\d$/.test(figure)));
}
