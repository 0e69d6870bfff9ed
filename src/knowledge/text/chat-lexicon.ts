/**
 * How people write in chat: spellings and abbreviations mapped to the word they stand for, and fillers that
 * carry no question of their own. Curated by hand; tested in test/knowledge/chat-lexicon.test.ts.
 */

/** Chat spelling -> the standard word (which may itself be a stopword, as "what" is). */
export const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    wat: "what", wut: "what", wht: "what", wats: "whats", wuts: "whats", whatre: "what", y: "why", hw: "how",
    u: "you", ya: "you", yu: "you", r: "are", ur: "your", n: "and", nd: "and", b4: "before",
    bc: "because", bcs: "because", bcz: "because", cuz: "because", cos: "because", coz: "because", becuz: "because",
    abt: "about", bout: "about", thru: "through", tho: "though", altho: "although", w: "with", wo: "without",
    yr: "year", yrs: "years", mo: "month", mos: "months", mth: "month", mths: "months", wk: "week", wks: "weeks",
    govt: "government", gov: "government", govts: "governments", ppl: "people", peeps: "people",
    smth: "something", sth: "something", smthn: "something", co: "company", corp: "company",
    conf: "conference", confs: "conferences", info: "information", approx: "about", prov: "province",
    msg: "message", pic: "picture", num: "number", nums: "numbers", dept: "department", intl: "international",
    econ: "economic", econs: "economic",
    im: "i", ive: "i", dont: "do", doesnt: "does", didnt: "did", wasnt: "was", isnt: "is", cant: "can", wont: "will",
    hows: "how", whos: "who", wheres: "where", whens: "when", whys: "why",
    goin: "going", doin: "doing", sayin: "saying", talkin: "talking", comin: "coming", gettin: "getting",
    shippin: "shipping", lookin: "looking", askin: "asking", tryin: "trying", tradin: "trading",
  }),
);

/** Words that fill a chat line without asking anything: dropped like stopwords. */
export const FILLERS: readonly string[] = `lol lmao lmfao rofl haha hahaha ngl tbh idk idc btw fr frfr rn nah naw yeah yea yep yup
  nope ok okay kk hey hi hello yo sup hiya guys bro bruh dude fam folks pls plz please thanks thank thx ty tysm um uh
  hmm hm tho though just anyway anyways basically literally kinda sorta wanna gonna gotta lemme gimme yall huh lmk
  imo imho omg wow whoa cool nice quick question questions curious wondering wonder asking friend somebody someone
  actually really still even tell show explain bot mean guess think right exactly approximately roughly ytd currently
  because though although anyhow whatever
  recently lately nowadays anymore ever again also okay sure alright maybe perhaps probably wait oh ah ahh ohh hmmm
  one ones together people person belong belongs belonged whole bother keep keeps everyone everybody`
  .split(/\s+/)
  .filter(Boolean);

/** "2" and "4" written for "to" and "for" ("sell 2 russia"), unless a unit or a scale follows the figure. */
const TO_FOR = /\b([24])\s+(?!(?:billion|million|thousand|hundred|trillion|percent|yuan|dollar|dollars|months?|years?|weeks?|days?|quarters?|times)\b)(?=[a-z])/g;

/** Chat phrases whose words mean something else apart. */
const PHRASES: readonly [RegExp, string][] = [
  [/\b(?:such a |so )?big deal\b/g, "important"],
  [/\b(russian|chinese|foreign|many|\d+) cos\b/g, "$1 companies"],
  [/\bset up shop\b/g, "set up"],
  [/\b(?:took|take|takes|taking) part\b|\b(?:showed|show|shows|turned|turn|turns) up\b/g, "attended"],
  [/\bhit (?:a )?(?:peak|record|high)\b/g, "highest"],
  [/\bby sea\b/g, "shipping"],
  [/\b(?:(?:own |direct )?(?:access|outlet|way out) to the (?:sea|ocean)|(?:own |direct )?sea access)\b/g, "landlocked"],
  [/\bwhat(?:s| is) the point\b/g, "why"],
  [/\bcount(?:s|ed)? as\b/g, "are"],
  [/\b(?:kick(?:s|ed|ing)? off|broke out|breaks out|break out)\b/g, "started"],
  [/\b(?:after|since) (?:the )?(?:start|beginning|outbreak) of\b/g, "since"],
  [/\b(?:after|since) (?:the )?(war|conflict|invasion) (?:started|began|broke out)\b/g, "since the $1"],
  [/\b(?:grow|grew|grown|growing|get|gets|got|getting|draw|drew|drawn)(?: much| even| any)? closer\b|\bcloser ties\b/g, "cooperation"],
];

/** Rewrites each chat spelling in lowercase text to the word it stands for. */
export function rewriteChat(text: string): string {
  return PHRASES.reduce((rewritten, [pattern, replacement]) => rewritten.replace(pattern, replacement), text)
    .replace(TO_FOR, (_match, digit: string) => (digit === "2" ? "to " : "for "))
    .replace(/\bw\/o\b/g, "without")
    .replace(/\bw\//g, "with ")
    .replace(/[\p{L}\p{N}]+/gu, (word) => CHAT_SPELLINGS.get(word) ?? word);
}
