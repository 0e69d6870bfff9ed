import { canonicalWord, isContentWord, termOf, words, type AnswerType } from "./text/analyze.js";
import { periodGap, periodOf, type Period } from "./text/periods.js";

/**
 * What a question asks for beyond its topic (a figure, a speaker, a period, a place or person, a direction) and
 * what a fact states of each: a fact answers only when it states every slot the question asks.
 */

/** Answer types that only a fact stating one can answer: "how much" needs an amount, "when" a date. */
const REQUIRED_TYPES: ReadonlySet<AnswerType> = new Set(["amount", "count", "change", "date", "speaker", "reason"]);

/** Canonical words that ask the opposite of each other: a fact about exports does not answer about imports. */
const OPPOSITES: readonly (readonly [string, string])[] = [
  ["export", "import"],
  ["increase", "decrease"],
  ["largest", "smallest"],
  ["highest", "lowest"],
];

/** Trade flows: a question about exports is answered by a fact that states exports, and names whose. */
const FLOWS: ReadonlySet<string> = new Set(["export", "import"]);
/** Trade itself and its flows: the names around them say who trades with whom. */
const TRADE_TERMS: ReadonlySet<string> = new Set([...FLOWS, "trade"]);
const PARTNER_REACH = 3;
const WAR_WORDS: ReadonlySet<string> = new Set(["war", "conflict", "invasion"]);

/** Other words a statement may name a category with ("the provincial capital of Liaoning" names a province). */
const CATEGORY_FORMS: Record<string, readonly string[]> = { province: ["provincial"] };

/**
 * Words a question cannot drop on the way to an answer: flows, superlatives ("the largest port in China"), capitals
 * and units of volume ("how much in tonnes" is not answered in yuan).
 */
const MUST_STATE: readonly string[] = ["export", "import", "largest", "smallest", "highest", "lowest", "capital", "tonne", "teu", "barrel"];
/** Ordinals that, before a superlative, ask for another rank ("the second largest port" is not the largest one). */
const ORDINALS: ReadonlySet<string> = new Set(["second", "third", "fourth", "fifth", "2nd", "3rd", "4th", "5th"]);
const SUPERLATIVES: ReadonlySet<string> = new Set(["largest", "smallest", "highest", "lowest"]);

/** What people do at an event: the first of these a "who", "what" or "which" question names is what it asks about. */
const EVENT_ACTIONS: ReadonlySet<string> = new Set(["host", "sign", "attend", "meet"]);
const WHO_WHAT_WHICH = /\b(?:who|whom|what|which)\b/;

const FIGURE_PHRASE = /\b\d+(?:\.\d+)?((?: [\p{L}]+){1,3})/gu;
const NO_SPEAKER = /^the article\b/;

/** What a fact states beyond its words, read the first time a question needs it (most facts never are). */
export interface StatedSlots {
  period: Period;
  sourceYear: number | undefined;
  /** Terms of whom the fact is attributed to; empty when the article makes the claim itself. */
  speaker: ReadonlySet<string>;
  /** For each figure in the statement, the terms of the words that follow it ("800 Chinese businesses"). */
  counted: readonly ReadonlySet<string>[];
  /** Terms of the statement. */
  statement: ReadonlySet<string>;
  /** The name whose exports or imports the statement gives ("Liaoning's exports" -> liaoning). */
  actor: string | undefined;
  /** Names within reach of a trade word in the statement ("commerce between China and Russia"). */
  traders: ReadonlySet<string>;
}

export interface AskedSlots {
  answerType: AnswerType | undefined;
  period: Period;
  /** Canonical words naming whom the question asks about ("what did xi say"). */
  speaker: readonly string[];
  /** Canonical words a "how many" question counts. */
  counted: readonly string[];
  /** Canonical words of the places, people and organisations the question names. */
  names: readonly string[];
  /** Every canonical word of the question. */
  words: readonly string[];
  /** The name whose exports or imports the question asks about ("did china export" -> china). */
  actor: string | undefined;
  /** The first name after the question's trade word ("china trade with ukraine" -> ukraine). */
  partner: string | undefined;
  /** The question names the partner as one: "trade with ukraine", "exports to russia". */
  partnerNamed: boolean;
  /** The names written next to the question's trade word, on either side ("china ukraine trade", "trade between china and ukraine"). */
  traders: ReadonlySet<string>;
  /** The kind of thing a "which" question asks for, which the statement must name ("which provinces"). */
  category: string | undefined;
  /**
   * The event action a "who", "what" or "which" question asks about, which the fact must state: "who organised the
   * conference where agreements were signed" asks who hosted, not who signed.
   */
  action: string | undefined;
}

export type SlotMiss =
  | { slot: "name"; name: string }
  | { slot: "answer-type"; type: AnswerType }
  | { slot: "counted"; counted: string }
  | { slot: "period"; period: string }
  | { slot: "speaker"; speaker: string }
  | { slot: "opposite"; asked: string; stated: string }
  | { slot: "word"; word: string };

/** What a fact states; `normalised` holds its statement, attribution and period as normaliseText gives them. */
export function statedSlots(
  normalised: { statement: string; attribution: string; period: string },
  sourceDate: string | null | undefined,
  names: ReadonlySet<string>,
): StatedSlots {
  const { statement, attribution } = normalised;
  return {
    period: periodOf(`${normalised.period} . ${statement}`),
    sourceYear: yearOf(sourceDate),
    speaker: new Set(NO_SPEAKER.test(attribution) ? [] : termsOf(attribution, names)),
    counted: [...statement.matchAll(FIGURE_PHRASE)].map((match) => new Set(termsOf(match[1]!, names))),
    statement: new Set(termsOf(statement, names)),
    actor: flowActor(statement, names),
    traders: traders(statement, names),
  };
}

/** The first event action a "who", "what" or "which" question names. */
export function askedAction(normalised: string, words: readonly string[]): string | undefined {
  return WHO_WHAT_WHICH.test(normalised) ? words.find((word) => EVENT_ACTIONS.has(word)) : undefined;
}

/** Whether the question names its trade partner with a preposition: "trade with ukraine", "exports to russia". */
export function namesPartner(normalised: string, partner: string | undefined): boolean {
  return partner !== undefined && new RegExp(`\\b(?:with|to|from) (?:the )?${partner}\\b`).test(normalised);
}

/** The first name in the two words after a trade word: whom the question says is traded with. */
export function tradePartner(normalised: string, names: ReadonlySet<string>): string | undefined {
  const tokens = contentTokens(normalised);
  const at = tokens.findIndex((word) => TRADE_TERMS.has(termOf(word, names)));
  if (at < 0) return undefined;
  const partner = tokens.slice(at + 1, at + 3).findIndex((word) => names.has(word));
  // "trade since the ukraine war": a war names a time, not a partner.
  return partner < 0 || tokens[at + 2 + partner] === "war" ? undefined : tokens[at + 1 + partner];
}

/**
 * The names a question writes next to a trade word, on either side and only grammar words between: who it asks
 * trades with whom, in any word order ("china ukraine trade", "торговля Китая с Украиной"). A name before "war"
 * names a time ("trade since the ukraine war"), and words between end the run ("trade the highest since ...").
 */
export function askedTraders(normalised: string, names: ReadonlySet<string>): Set<string> {
  const tokens = contentTokens(normalised);
  const isTrader = (at: number) => names.has(tokens[at] ?? "") && !WAR_WORDS.has(tokens[at + 1] ?? "");
  const found = new Set<string>();
  tokens.forEach((word, at) => {
    if (!TRADE_TERMS.has(termOf(word, names))) return;
    for (let before = at - 1; isTrader(before); before--) found.add(tokens[before]!);
    for (let after = at + 1; isTrader(after); after++) found.add(tokens[after]!);
  });
  return found;
}

function traders(normalised: string, names: ReadonlySet<string>): Set<string> {
  const tokens = contentTokens(normalised);
  const found = new Set<string>();
  tokens.forEach((word, at) => {
    if (!TRADE_TERMS.has(termOf(word, names))) return;
    for (const near of tokens.slice(Math.max(0, at - PARTNER_REACH), at + PARTNER_REACH + 1)) if (names.has(near)) found.add(near);
  });
  return found;
}

function contentTokens(normalised: string): string[] {
  return words(normalised).map(canonicalWord).filter(isContentWord);
}

/**
 * The name written just before a trade flow: "liaoning exports", "did china export", "russia sell". Two names
 * in a row ("liaoning russia export") do not say which one trades, so they name no one.
 */
export function flowActor(normalised: string, names: ReadonlySet<string>): string | undefined {
  const tokens = contentTokens(normalised);
  const at = tokens.findIndex((word, i) => i > 0 && FLOWS.has(termOf(word, names)));
  const [before, earlier] = [tokens[at - 1], tokens[at - 2]];
  return before !== undefined && names.has(before) && !(earlier !== undefined && names.has(earlier)) ? before : undefined;
}

/**
 * The first slot the question asks that the fact does not state, or undefined when it states them all.
 * `subject` and `all` are the fact's index terms: what it is about, and every term it holds.
 */
export function missingSlot(
  asked: AskedSlots,
  answerTypes: readonly AnswerType[],
  stated: StatedSlots,
  subject: readonly string[],
  all: readonly string[],
  names: ReadonlySet<string>,
): SlotMiss | undefined {
  const term = (word: string) => termOf(word, names);
  const name = asked.names.find((word) => !subject.includes(term(word)));
  if (name !== undefined) return { slot: "name", name };
  if (asked.actor !== undefined && stated.actor !== undefined && asked.actor !== stated.actor) return { slot: "name", name: asked.actor };
  if (asked.partner !== undefined && stated.traders.size > 0 && !stated.traders.has(asked.partner)) return { slot: "name", name: asked.partner };
  const askedTerms = new Set(asked.words.map(term));
  for (const [one, other] of OPPOSITES) {
    for (const [want, have] of [[one, other], [other, one]] as const) {
      if (askedTerms.has(term(want)) && !all.includes(term(want)) && all.includes(term(have))) return { slot: "opposite", asked: want, stated: have };
    }
  }
  const category = asked.category;
  if (category !== undefined && ![category, ...(CATEGORY_FORMS[category] ?? [])].some((form) => stated.statement.has(term(form)))) {
    return { slot: "word", word: category };
  }
  const rank = asked.words.findIndex((word, i) => ORDINALS.has(word) && SUPERLATIVES.has(asked.words[i + 1] ?? ""));
  if (rank >= 0 && !stated.statement.has(term(asked.words[rank]!))) return { slot: "word", word: `${asked.words[rank]} ${asked.words[rank + 1]}` };
  if (asked.action !== undefined && !stated.statement.has(term(asked.action))) return { slot: "word", word: asked.action };
  const unstated = MUST_STATE.find((word) => askedTerms.has(term(word)) && !stated.statement.has(term(word)));
  if (unstated !== undefined) return { slot: "word", word: unstated };
  const period = periodGap(asked.period, stated.period, stated.sourceYear);
  if (period !== undefined) return { slot: "period", period };
  const type = asked.answerType;
  if (type === "speaker") {
    if (stated.speaker.size === 0) return { slot: "answer-type", type };
    const speakerNames = asked.speaker.filter((word) => names.has(word));
    const speaker = speakerNames.find((word) => !stated.speaker.has(term(word)));
    if (speaker !== undefined) return { slot: "speaker", speaker };
    if (speakerNames.length === 0 && asked.speaker.length > 0 && !asked.speaker.some((word) => stated.speaker.has(term(word)))) {
      return { slot: "speaker", speaker: asked.speaker.join(" ") };
    }
  } else if (type === "count" && asked.counted.length > 0) {
    const required = countedCore(asked.counted, names).map(term);
    if (!stated.counted.some((phrase) => required.every((word) => phrase.has(word)))) return { slot: "counted", counted: asked.counted.join(" ") };
  } else if (type !== undefined && REQUIRED_TYPES.has(type) && !answerTypes.includes(type) && !(type === "date" && hasPeriod(stated.period))) {
    return { slot: "answer-type", type };
  }
  // "trade between china and ukraine", "中国和乌克兰的贸易": every trader the question names must be one the statement names.
  const trader = stated.traders.size === 0 ? undefined : [...asked.traders].find((name) => !stated.traders.has(name));
  if (trader !== undefined) return { slot: "name", name: trader };
  // Nor are they answered by a fact that speaks of no trade (China's push for connectivity since Russia invaded
  // Ukraine), as "beyond trade, what has china pushed for with russia" may be.
  const tradeBetween = asked.partnerNamed || asked.traders.size > 1;
  if (tradeBetween && stated.traders.size === 0 && !subject.some((held) => TRADE_TERMS.has(held))) return { slot: "name", name: asked.partner ?? [...asked.traders].at(-1)! };
  return undefined;
}

/** The names that lead what is counted and the word they qualify: "russian firms set up" -> russian, firms. */
function countedCore(counted: readonly string[], names: ReadonlySet<string>): string[] {
  const leading = counted.findIndex((word) => !names.has(word));
  return leading < 0 ? [...counted] : counted.slice(0, leading + 1);
}

function hasPeriod(period: Period): boolean {
  return period.months.size > 0 || period.years.size > 0 || period.relative.size > 0;
}

function termsOf(normalised: string, names: ReadonlySet<string>): string[] {
  return words(normalised).map(canonicalWord).filter(isContentWord).map((word) => termOf(word, names));
}

function yearOf(date: string | null | undefined): number | undefined {
  const year = /\b\d{4}\b/.exec(date ?? "")?.[0];
  return year === undefined ? undefined : Number(year);
}
