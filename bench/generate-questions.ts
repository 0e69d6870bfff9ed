import type { Fact, FactBase } from "../src/knowledge/schema.js";
import { createRandom, type Random } from "./random.js";

/**
 * Deterministic question lists resembling what a Discord community asks: questions derived from the base's
 * facts (reworded, some with a typo, some as word-order-shuffled keyword queries) plus about 20% off-topic.
 */

const OFF_TOPIC_SHARE = 0.2;

const SYNONYMS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\bexports\b/i, ["shipments", "sales abroad", "outbound trade"]],
  [/\bimports\b/i, ["purchases", "inbound shipments", "imported goods"]],
  [/\bhow much\b/i, ["what amount of", "what volume of", "how much"]],
  [/\bhow many\b/i, ["what number of", "how many"]],
  [/\brose\b|\bgrew\b|\bgrow\b/i, ["increase", "go up", "rise"]],
  [/\bfell\b|\bshrink\b/i, ["decrease", "go down", "drop"]],
  [/\btrade\b/i, ["commerce", "trading", "trade"]],
  [/\bsigned\b/i, ["agreed", "concluded", "inked"]],
  [/\bopened\b|\bopen\b/i, ["launch", "set up", "start"]],
  [/\bbetween\b/i, ["between", "linking"]],
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

function reword(random: Random, fact: Fact): string {
  let text = random.chance(0.75)
    ? random.pick(fact.questions)
    : `is it true that ${lowerFirst(fact.statement.replace(/\.$/, ""))}?`;
  for (const [pattern, replacements] of SYNONYMS) {
    if (random.chance(0.6)) text = text.replace(pattern, random.pick(replacements));
  }
  const prefix = random.pick(PREFIXES);
  if (prefix) text = prefix + lowerFirst(text);
  if (random.chance(0.3)) text = text.replace(/\?$/, "");
  if (random.chance(0.3)) text = text.toLowerCase();
  return text + random.pick(SUFFIXES);
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

export function generateQuestions(base: FactBase, count: number, seed: number): string[] {
  const random = createRandom(seed);
  const facts = base.facts.filter((fact) => fact.status === "active");
  return Array.from({ length: count }, () => {
    if (facts.length === 0 || random.chance(OFF_TOPIC_SHARE)) return random.pick(OFF_TOPIC)(random);
    const fact = random.pick(facts);
    const roll = random.next();
    if (roll < 0.4) return reword(random, fact);
    if (roll < 0.65) return injectTypo(random, reword(random, fact));
    return keywordQuery(random, fact);
  });
}
