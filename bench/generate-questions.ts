import type { Fact, FactBase } from "../src/knowledge/schema.js";
import { createRandom, type Random } from "./random.js";

/**
 * Deterministic question lists resembling what a Discord community asks: about 20% off-topic; the rest about
 * the base's facts, most of them written from the fact's statement, keywords and entities in other words
 * (templates such as "how much did X export", "what about <entity> <keyword>", the statement turned into a
 * question), some as keyword queries, and only a few (about 12% of on-topic questions, under a quarter of the
 * reworded ones) starting from the fact's own example questions, which the engine indexes. About 30% of
 * on-topic questions carry a typo.
 */

/** Where a generated question came from. */
export type QuestionOrigin = "off-topic" | "example" | "template" | "keywords";

export interface GeneratedQuestion {
  text: string;
  origin: QuestionOrigin;
  /** Whether a typo was put into it. */
  typo: boolean;
}

const OFF_TOPIC_SHARE = 0.2;
/** Of on-topic questions: reworded from one of the fact's example questions… */
const EXAMPLE_SHARE = 0.12;
/** …built from the statement, keywords and entities by a template (the rest are keyword queries). */
const TEMPLATE_SHARE = 0.53;
const TYPO_SHARE = 0.3;

const SYNONYMS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\bexports\b/i, ["shipments", "sales abroad", "outbound trade"]],
  [/\bimports\b/i, ["purchases", "inbound shipments", "imported goods"]],
  [/(?<!\bby )\bhow much\b(?! (?:did|does|do|was|is|were)\b)/i, ["what amount of", "what volume of", "how much"]],
  [/\bhow many\b/i, ["what number of", "how many"]],
  [/\brose\b|\bgrew\b|\bgrow\b/i, ["increase", "go up", "rise"]],
  [/\bfell\b|\bshrink\b/i, ["decrease", "go down", "drop"]],
  [/\btrade\b/i, ["commerce", "trading", "trade"]],
  [/\bsigned\b/i, ["agreed", "concluded", "inked"]],
  [/\bopened\b|\bopen\b/i, ["launch", "set up", "start"]],
  [/\bbetween\b/i, ["between", "linking"]],
  [/\bworth\b/i, ["worth", "valued at"]],
  [/\bfigures\b/i, ["numbers", "stats", "data"]],
];
const PREFIXES = ["", "", "", "hey, ", "quick question: ", "does anyone know ", "can you tell me ", "@bot ", "so "];
const SUFFIXES = ["", "", "", " thanks", " pls", "??", " (asking for a friend)"];

const CITIES = ["Paris", "Tokyo", "Berlin", "Lima", "Nairobi", "Toronto", "Sydney", "Madrid", "Cairo", "Oslo"];
const DISHES = ["pancakes", "borscht", "dumplings", "risotto", "ramen", "lasagna", "pelmeni", "banana bread"];
const EVENTS = ["world cup", "champions league final", "Eurovision", "Tour de France", "NBA finals", "last F1 race"];
const RECOMMENDABLES = ["anime", "sci-fi novel", "podcast", "mechanical keyboard", "board game", "python course"];
const ACCOUNTS = ["router", "iPhone", "Discord", "Steam", "email", "Netflix"];
const PHRASES = ["good morning", "thank you", "friendship", "where is the station", "I love cats"];
const LANGUAGES = ["French", "Spanish", "Japanese", "German", "Italian"];
const CHATTER = [
  "good morning everyone", "lol", "is the bot alive?", "who made you?", "tell me a joke", "gm",
  "what's your favourite colour", "how old are you", "!help", "anyone playing tonight?", "brb",
];

const OFF_TOPIC: ReadonlyArray<(random: Random) => string> = [
  (random) => `what's the weather like in ${random.pick(CITIES)} tomorrow?`,
  (random) => `how do I cook ${random.pick(DISHES)}?`,
  (random) => `who won the ${random.pick(EVENTS)}?`,
  (random) => `can you recommend a good ${random.pick(RECOMMENDABLES)}`,
  (random) => `what time is it in ${random.pick(CITIES)}`,
  (random) => `how do i reset my ${random.pick(ACCOUNTS)} password`,
  (random) => `translate "${random.pick(PHRASES)}" into ${random.pick(LANGUAGES)}`,
  (random) => `what's ${random.int(2, 99)} times ${random.int(2, 99)}?`,
  (random) => random.pick(CHATTER),
];

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** What a template needs from a fact, read from its statement, keywords, aliases, entities and period. */
interface FactParts {
  /** The name the statement is about (the entity it mentions first), and a second one if there is one. */
  subject: string;
  other: string | undefined;
  /** Keywords and aliases that are not names or years: what is traded, built, counted. */
  topics: string[];
  flow: "export" | "import" | "trade" | undefined;
  measure: "change" | "value" | "volume" | "count" | undefined;
  /** What a count counts ("containers", "freight trains"), when the statement counts something. */
  counted: string | undefined;
  /** " in 2019", " in the first half of 2021", " last week", or "" when the fact has no period. */
  period: string;
  /** The statement up to its figure ("Trade between A and B totalled"), when a figure follows a verb. */
  stem: string | undefined;
}

const FIGURE_VERB =
  /^(.+?\b(?:reached|totalled|totaled|exceeded|hit|amounted to|handled|imported|exported|rose|grew|climbed|increased|surged|jumped|expanded|fell|declined|dropped|slipped|decreased|contracted)(?: by| to)?)\s+(?:nearly |about |over |more than )?\$?\d/i;
const COUNTED = /\b\d[\d,.]*\s+((?:[A-Za-z-]+\s+)?(?:containers|TEU|trains|companies|businesses|firms|jobs|vehicles|flights))\b/;

function partsOf(fact: Fact): FactParts {
  const statement = fact.statement;
  const lower = statement.toLowerCase();
  const at = (name: string): number => {
    const index = lower.indexOf(name.toLowerCase());
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const entities = [...fact.entities].sort((a, b) => at(a) - at(b));
  const names = new Set(fact.entities.map((entity) => entity.toLowerCase()));
  const isNameOrYear = (term: string): boolean =>
    names.has(term.toLowerCase()) || /^\d+$/.test(term) || [...names].some((name) => term.toLowerCase().includes(name));
  /** Single past-tense verbs ("signed", "launched") are keywords but say nothing asked about. */
  const isVerb = (term: string): boolean => /^[a-z]{3,}ed$/.test(term);
  const topics = [...fact.keywords, ...fact.aliases].filter((term) => !isNameOrYear(term) && !isVerb(term) && term.toLowerCase() !== "how many");
  const period = fact.period ? (/^(?:last|since|from|in|during)\b/i.test(fact.period) ? ` ${fact.period}` : ` in ${fact.period}`) : "";
  return {
    subject: entities[0] ?? fact.keywords[0] ?? fact.topic,
    other: entities[1],
    topics: topics.length > 0 ? topics : [fact.topic],
    flow: /\bexport/i.test(statement) ? "export" : /\bimport/i.test(statement) ? "import" : /\b(?:trade|commerce)\b/i.test(statement) ? "trade" : undefined,
    measure: /\bpercent\b|%/i.test(statement)
      ? "change"
      : /\b(?:yuan|dollars|rubles|euros)\b|\$\s?\d/i.test(statement)
        ? "value"
        : /\btonnes\b/i.test(statement)
          ? "volume"
          : COUNTED.test(statement) ? "count" : undefined,
    counted: COUNTED.exec(statement)?.[1],
    period,
    stem: FIGURE_VERB.exec(statement)?.[1],
  };
}

type Template = (random: Random, parts: FactParts) => string | undefined;

/** Questions written from a fact's parts, in other words than its statement and its example questions. */
const TEMPLATES: readonly Template[] = [
  (random, { subject, other, topics, flow, period }) => {
    if (flow === undefined) return undefined;
    if (flow === "trade") return `how much did ${subject} trade${other ? ` with ${other}` : ""}${period}?`;
    const what = random.chance(0.5) ? `${random.pick(topics)} ` : "";
    const partner = other && random.chance(0.5) ? ` ${flow === "export" ? "to" : "from"} ${other}` : "";
    return `how much ${what}did ${subject} ${flow}${partner}${period}?`;
  },
  (random, { subject, topics }) => `what about ${subject} ${random.pick(topics)}?`,
  (random, { subject, topics, measure, counted, other, period }) => {
    const topic = random.pick(topics);
    switch (measure) {
      case "change":
        return `by how much did ${subject}'s ${topic} ${random.pick(["change", "go up or down", "move"])}${period}?`;
      case "value":
        return `what was ${subject}'s ${topic} worth${period}?`;
      case "volume":
        return `how many tonnes of ${topic} for ${subject}${period}?`;
      case "count":
        return counted ? `how many ${counted} ${other ? `between ${subject} and ${other}` : `in ${subject}`}${period}?` : undefined;
      default:
        return undefined;
    }
  },
  (random, { subject, topics, period }) => `any figures on ${random.pick(topics)} for ${subject}${period}?`,
  (random, { subject, topics }) => `what's the latest on ${random.pick(topics)} in ${subject}`,
  (random, { subject, other, topics }) => `tell me about ${subject} and ${other ?? random.pick(topics)}`,
  (random, { subject, topics, period }) => `${subject} ${random.pick(topics)}: what happened${period}?`,
  (random, { stem, period }) => (stem ? `${lowerFirst(stem)} how much${random.chance(0.5) ? "" : period}?` : undefined),
  (random, { subject, topics, flow }) =>
    flow === "export" || flow === "import" ? `is ${subject} ${flow}ing more ${random.pick(topics)}?` : undefined,
  (random, { subject, topics }) => `what do we know about ${subject}'s ${random.pick(topics)}`,
];

/** Synonyms, a chat opener or closer, sometimes no question mark or no capitals. */
function restyle(random: Random, question: string): string {
  let text = question;
  for (const [pattern, replacements] of SYNONYMS) {
    if (random.chance(0.6)) text = text.replace(pattern, random.pick(replacements));
  }
  const prefix = random.pick(PREFIXES);
  if (prefix) text = prefix + lowerFirst(text);
  if (random.chance(0.3)) text = text.replace(/\?$/, "");
  if (random.chance(0.3)) text = text.toLowerCase();
  return text + random.pick(SUFFIXES);
}

function fromTemplate(random: Random, fact: Fact): string {
  const parts = partsOf(fact);
  for (const template of random.shuffle(TEMPLATES)) {
    const question = template(random, parts);
    if (question !== undefined) return restyle(random, question);
  }
  throw new Error("no template applies"); // unreachable: several templates always apply
}

/** Swaps, drops, doubles or replaces one letter inside one word of five letters or more. */
function injectTypo(random: Random, text: string): string {
  const words = text.split(" ");
  const candidates = words.flatMap((word, index) => (/^[A-Za-z]{5,}$/.test(word) ? [index] : []));
  if (candidates.length === 0) return text;
  const index = random.pick(candidates);
  const word = words[index] ?? "";
  const at = random.int(1, word.length - 2);
  const [before, letter, next, after] = [word.slice(0, at), word.charAt(at), word.charAt(at + 1), word.slice(at + 2)];
  words[index] = random.pick([
    () => before + next + letter + after,
    () => before + next + after,
    () => before + letter + letter + next + after,
    () => before + String.fromCharCode(97 + random.int(0, 25)) + next + after,
  ])();
  return words.join(" ");
}

function keywordQuery(random: Random, fact: Fact): string {
  const terms = random.shuffle([...new Set([...fact.keywords, ...fact.entities])]).slice(0, random.int(2, 4));
  const query = terms.join(" ");
  return random.chance(0.7) ? query.toLowerCase() : query;
}

function onTopic(random: Random, fact: Fact): GeneratedQuestion {
  const roll = random.next();
  const origin: QuestionOrigin = roll < EXAMPLE_SHARE ? "example" : roll < EXAMPLE_SHARE + TEMPLATE_SHARE ? "template" : "keywords";
  const text =
    origin === "example" ? restyle(random, random.pick(fact.questions)) : origin === "template" ? fromTemplate(random, fact) : keywordQuery(random, fact);
  const typo = random.chance(TYPO_SHARE);
  const withTypo = typo ? injectTypo(random, text) : text;
  return { text: withTypo, origin, typo: typo && withTypo !== text };
}

export function generateTaggedQuestions(base: FactBase, count: number, seed: number): GeneratedQuestion[] {
  const random = createRandom(seed);
  const facts = base.facts.filter((fact) => fact.status === "active");
  return Array.from({ length: count }, () => {
    if (facts.length === 0 || random.chance(OFF_TOPIC_SHARE)) return { text: random.pick(OFF_TOPIC)(random), origin: "off-topic", typo: false };
    return onTopic(random, random.pick(facts));
  });
}

export function generateQuestions(base: FactBase, count: number, seed: number): string[] {
  return generateTaggedQuestions(base, count, seed).map((question) => question.text);
}

/** "300 questions: 60 off-topic, 36 from example questions (…% of reworded), …": what a list is made of. */
export function describeQuestionMix(questions: readonly GeneratedQuestion[]): string {
  const countOf = (origin: QuestionOrigin): number => questions.filter((question) => question.origin === origin).length;
  const [example, template] = [countOf("example"), countOf("template")];
  const reworded = example + template;
  const share = reworded === 0 ? 0 : Math.round((100 * example) / reworded);
  return `${questions.length} questions: ${countOf("off-topic")} off-topic, ${template} from templates over statement/keywords/entities, ` +
    `${example} from the facts' example questions (${share}% of reworded ones), ${countOf("keywords")} keyword queries; ` +
    `${questions.filter((question) => question.typo).length} with a typo`;
}
