import type { FactBase } from "../schema.js";
import type { ArticleSentence } from "./article-sentences.js";
import { entitiesIn } from "./claim-details.js";

/** The kinds of thing a sentence names by kind alone ("the port handled…"): what it means is named before. */
const KINDS = ["port", "city", "province", "region", "company", "group", "bank"] as const;
type Kind = (typeof KINDS)[number];

const KIND_MENTION = new RegExp(`\\b[Tt]he (?:central )?(${KINDS.join("|")})\\b(?! of\\b)`, "g");
/** Kinds a name is written with ("Dalian port", "port of Dalian"); the others are part of the name ("Liaoning Port Group"). */
const PLACE_KINDS: ReadonlySet<Kind> = new Set(["port", "city", "province", "region"]);
const NAME_WORD = String.raw`[\p{Lu}][\p{L}’'-]+`;
const NAME = `${NAME_WORD}(?: ${NAME_WORD}){0,2}`;
/** "The port handled…", "It opened…", "Its exports…": a sentence whose subject is the one named just before. */
const PRONOUN_SUBJECT = /^(?:It|Its)\b/;
/** "bilateral trade", "the two countries", "both sides": the two countries the article names together. */
const PAIR_MENTION = /\b(?:[Bb]ilateral|[Tt]he two (?:countries|sides|nations|neighbou?rs)|[Bb]oth (?:countries|sides|nations))\b/;

let countryNames: ReadonlySet<string> | undefined;

/**
 * For each sentence, what it names only by kind or pronoun, read from the article's sentences before it (captions
 * and other page junk left out): "the port" is the last place written as "X port" or "port of X", "the bank" the
 * last name holding "Bank", "It" the first name of the sentence before, "bilateral" the last two countries named
 * together. One pass forward, keeping the last one named of each kind, so a long article costs linear time. The
 * quote never changes: these go into the proposal's entities and keywords only.
 */
export function referentsOf(sentences: readonly ArticleSentence[], base: FactBase): string[][] {
  countryNames ??= regionNames();
  const lastOfKind = new Map<Kind, string>();
  let lastPair: string[] = [];
  let previousNames: string[] = [];
  return sentences.map((sentence, index) => {
    const found = [...sentence.text.matchAll(KIND_MENTION)].map((mention) => lastOfKind.get(mention[1] as Kind)).filter((name) => name !== undefined);
    const previous = sentences[index - 1];
    if (PRONOUN_SUBJECT.test(sentence.text) && previous && sentence.paragraph - previous.paragraph <= 1 && previousNames[0] !== undefined) found.push(previousNames[0]);
    if (PAIR_MENTION.test(sentence.text)) found.push(...lastPair);
    for (const kind of KINDS) {
      const named = lastNamedIn(sentence.text, kind, base);
      if (named !== undefined) lastOfKind.set(kind, named);
    }
    previousNames = entitiesIn(sentence.text, base);
    const countries = previousNames.filter((name) => countryNames!.has(name));
    if (countries.length >= 2) lastPair = countries.slice(0, 2);
    return [...new Set(found)];
  });
}

/** The last name of a kind a sentence writes ("Dalian port", "port of Dalian", "VTB Bank"), if any. */
function lastNamedIn(text: string, kind: Kind, base: FactBase): string | undefined {
  if (!text.toLowerCase().includes(kind)) return undefined;
  const word = `[${kind[0]}${kind[0]!.toUpperCase()}]${kind.slice(1)}`;
  const patterns = PLACE_KINDS.has(kind)
    ? [new RegExp(`(${NAME}) ${word}\\b(?! ${NAME_WORD})`, "gu"), new RegExp(`\\b${word} of (${NAME})`, "gu")]
    : [new RegExp(`((?:${NAME_WORD} )*(?:\\p{Lu}\\p{L}*?)?${word}\\b(?: of ${NAME})?)`, "gu")];
  let last: { name: string; at: number } | undefined;
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const name = entitiesIn(match[1]!, base)[0];
      if (name === undefined || name.toLowerCase() === kind) continue;
      if (!last || match.index >= last.at) last = { name, at: match.index };
    }
  }
  return last?.name;
}

function regionNames(): Set<string> {
  const regions = new Intl.DisplayNames(["en"], { type: "region" });
  const names = new Set<string>();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = regions.of(code);
      if (name && name !== code) names.add(name);
    }
  }
  return names;
}
