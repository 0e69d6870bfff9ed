import type { FactBase } from "../schema.js";
import { articleSentences, type ArticleSentence } from "./article-sentences.js";
import { attribute, speakerName, type Attributed } from "./attribution.js";
import { coverFinder, entitiesIn, keywordsOf, questionsFor, statedPeriod, topicOf } from "./claim-details.js";
import { figuresIn, isAmount } from "./figures.js";
import type { Proposal } from "./proposal.js";
import { quotableClause } from "./quote-clause.js";
import { referentsOf } from "./referents.js";
import { typoChecker } from "./source-typos.js";

/** What the proposer reads of a source. */
export interface ProposalSource {
  id: string;
  title: string;
  text: string | null;
}

/** The longest statement a fact may hold (the schema's limit). */
const MAX_STATEMENT = 1000;
const MAX_ENTITIES = 8;

/**
 * Proposed facts from a source's text, one a sentence that makes a claim, page junk left out: the verbatim quote,
 * the attribution, the claim in plain words, its figures, period, names, a topic, keywords and questions. Claims
 * with an amount come first, questions and claims without a checkable figure last. A proposal whose claim a fact
 * of the base already makes is marked covered by that fact. A sentence without a word to ask by ("It was not.") is
 * no claim and is left out.
 */
export function proposeFacts(source: ProposalSource, base: FactBase): Proposal[] {
  if (!source.text) return [];
  const sentences = articleSentences(source.text, source.title);
  const credits = creditsOf(sentences);
  const referents = referentsOf(sentences, base);
  const context = { typosIn: typoChecker(source.text, base), coverIn: coverFinder(base.facts) };
  const proposals = sentences.flatMap((sentence, index) => proposal(sentence, credits[index]!, { ...context, referents: referents[index]! }, base) ?? []);
  const rank = (item: Proposal) => (item.statement.endsWith("?") ? 2 : item.figures.some(isAmount) ? 0 : 1);
  return proposals
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** What the sentences around a sentence tell about it: the names it means without writing them, its source's typos, and the facts that may state it. */
interface SentenceContext {
  referents: readonly string[];
  typosIn: (quote: string) => string[];
  coverIn: ReturnType<typeof coverFinder>;
}

/** A sentence's proposal, quoting the clause that holds the claim when the sentence is too long to quote whole; none when nothing fits a fact. */
function proposal(sentence: ArticleSentence, credit: Attributed, { referents, typosIn, coverIn }: SentenceContext, base: FactBase): Proposal | undefined {
  const quote = quotableClause(sentence.text);
  if (quote === undefined) return undefined;
  const figures = figuresIn(quote);
  const statement = statementOf(quote === sentence.text ? credit.claim : quote, quote);
  const named = entitiesIn(quote, base);
  if (keywordsOf(statement, named, figures).length === 0) return undefined;
  const period = statedPeriod(quote);
  const entities = [...new Set([...named, ...referents])].slice(0, MAX_ENTITIES);
  return {
    quote,
    statement,
    attribution: credit.attribution,
    figures,
    period,
    entities,
    topic: topicOf(statement, figures, base),
    keywords: keywordsOf(statement, entities, figures),
    questions: questionsFor(statement, figures, period, credit.attribution, entities),
    typos: typosIn(quote),
    coveredBy: coverIn(quote, statement, entities),
  };
}

/**
 * Who each sentence credits: its own attribution; else the one a quotation spanning sentences gives at its end or
 * start; else its paragraph's speaker label. "The data showed" and "he said" take the last credit named before.
 */
function creditsOf(sentences: readonly ArticleSentence[]): Attributed[] {
  const credits = sentences.map((sentence) => attribute(sentence.text));
  let lastNamed: { attribution: string; paragraph: number } | undefined;
  credits.forEach((credit, index) => {
    const sentence = sentences[index]!;
    if (credit.refersBack && lastNamed && sentence.paragraph - lastNamed.paragraph <= 1) credits[index] = { ...credit, attribution: lastNamed.attribution, refersBack: false };
    else if (credit.attribution && !credit.refersBack) lastNamed = { attribution: credit.attribution, paragraph: sentence.paragraph };
  });
  for (const group of quotationGroups(sentences)) {
    const credited = group.map((index) => credits[index]!.attribution).find((attribution) => attribution !== null);
    if (credited) for (const index of group) if (credits[index]!.attribution === null) credits[index] = { ...credits[index]!, attribution: credited };
  }
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    const continuesQuotation = previous?.paragraph === sentence.paragraph && /^[“"]/.test(sentence.text) && /[“”"]/.test(previous.text);
    if (credits[index]!.attribution === null && continuesQuotation) credits[index] = { ...credits[index]!, attribution: credits[index - 1]!.attribution };
    if (credits[index]!.attribution === null && sentence.speaker) credits[index] = { ...credits[index]!, attribution: speakerName(sentence.speaker) };
  });
  return credits;
}

/** Runs of sentences of one paragraph joined by a quotation left open at the end of one and closed in a later one. */
function quotationGroups(sentences: readonly ArticleSentence[]): number[][] {
  const groups: number[][] = [];
  let open = false;
  let current: number[] = [];
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    if (previous && previous.paragraph !== sentence.paragraph) open = false;
    if (open) current.push(index);
    else current = [index];
    open = endsInsideQuotation(sentence.text, open);
    if (!open && current.length > 1) groups.push(current);
  });
  return groups;
}

function endsInsideQuotation(text: string, openAtStart: boolean): boolean {
  let open = openAtStart;
  for (const mark of text.match(/[“”"]/g) ?? []) open = mark === "“" ? true : mark === "”" ? false : !open;
  return open;
}

/** The claim as a sentence of its own: quotation marks around it dropped, a capital first, a full stop last. */
function statementOf(claim: string, sentence: string): string {
  let text = claim.trim().replace(/^[“"]/, "").replace(/[,;:]?[”"]?$/, "").trim();
  if (text.length < 12) text = sentence;
  text = text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
  if (!/[.!?]$/.test(text)) text = `${text}.`;
  return text.length > MAX_STATEMENT ? `${text.slice(0, MAX_STATEMENT - 1).replace(/\s+\S*$/, "")}…` : text;
}
