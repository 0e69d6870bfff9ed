/** Who a sentence credits for its claim, and where the claim itself is in the sentence. */
export interface Attributed {
  attribution: string | null;
  /** The claim, the attribution left out: a slice of the sentence. */
  claim: string;
  /** "the data showed": the credit is the source named before ("Chinese customs data"). */
  refersBack: boolean;
}

const VERB = String.raw`(?:said|says|reported|reports|announced|announces|told [\p{L} '’-]{1,60}?|stated|added|noted|estimated|estimates|forecast|showed|shows|wrote|quoted [\p{L} ]{1,30}?|cited [\p{L} ]{1,30}?)`;
const WHEN = String.raw`(?: (?:on|in|earlier|last|this|late|early) [\p{L}\d ,.]{1,40}?| in a (?:statement|report|note|briefing)[\p{L} ]*?)?`;
/** Whoever is credited: a few words without a comma or a quotation mark. */
const CREDITED = String.raw`[^,;:"“”]{1,80}?`;
const ACCORDING_FIRST = /^According to ([^,]{3,160}), (.+)$/su;
const ACCORDING_LAST = /^(.+?),? according to ([^,]{3,160}?)[.!]?$/su;
const SAID_AFTER = new RegExp(String.raw`^(.+?)(?:,?[”"’]+\s*|,\s+)[”"]?\s*(${CREDITED})(?:, [^,]{2,80},)?${WHEN} ${VERB}${WHEN}[.!]?$`, "u");
const SAID_BY = new RegExp(String.raw`^(.+?)(?:,?[”"’]+\s*|,\s+)[”"]?\s*${VERB} (${CREDITED})(?:,[^,]*,?)?(?: (?:at|in|on) [^,]*)?[.!]?$`, "u");
const SAID_FIRST = new RegExp(String.raw`^((?:(?:In|On|At|Last|Earlier) [\p{L}\d ]{1,30}, )?)([\p{Lu}]${CREDITED})${WHEN} ${VERB}${WHEN}(?: that|:)? (.+)$`, "su");

/** Credits that name no one by themselves: "the data showed", "he said" take the credit given before. */
const REFERS_BACK = /^(?:(?:the|this|that|these) (?:data|figures|report|statement|numbers|survey)|he|she|they|it)$/i;

/**
 * The attribution a sentence gives: "According to X, …", "…, according to X", "X said (on Monday) (that) …",
 * "…, X said.", "…,” said X, his title." The claim is what is left; a sentence crediting nobody is all claim.
 */
export function attribute(sentence: string): Attributed {
  const first = ACCORDING_FIRST.exec(sentence);
  if (first) return credited(cleanSource(first[1]!), first[2]!);
  const last = ACCORDING_LAST.exec(sentence);
  if (last) return credited(cleanSource(last[2]!), last[1]!);
  const by = SAID_BY.exec(sentence);
  if (by && by[1]!.length > 15) return credited(cleanSource(by[2]!), by[1]!);
  const after = SAID_AFTER.exec(sentence);
  if (after && after[1]!.length > 15 && wordCount(after[2]!) <= 10) return credited(cleanSource(after[2]!), after[1]!);
  const before = SAID_FIRST.exec(sentence);
  if (before && wordCount(before[2]!) <= 10 && before[3]!.length > 15 && !/^(?:This|That|There|We|I)$/.test(before[2]!)) {
    return credited(cleanSource(before[2]!), `${before[1]!}${before[3]!}`);
  }
  return { attribution: null, claim: sentence, refersBack: false };
}

function credited(source: string, claim: string): Attributed {
  return { attribution: source, claim: claim.trim(), refersBack: REFERS_BACK.test(source) };
}

/** "a Monday report from China’s official television" -> "China’s official television"; "Chinese customs data published on Thursday" -> "Chinese customs data". */
function cleanSource(raw: string): string {
  return raw
    .trim()
    .replace(/^(?:an? |the )?(?:[\p{L}]+ )?(?:report|statement|figures|data|estimates?|survey|analysis|note|briefing)(?: (?:released|published|issued|compiled))? (?:from|by|of) /iu, "")
    .replace(/ (?:published|released|issued)\b.*$/i, "")
    .replace(/ (?:earlier|late|early|last|this) (?:this )?(?:week|month|year)$/i, "")
    .replace(/ on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i, "")
    .replace(/,.*$/s, "")
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A transcript's speaker label as a name: "SILUANOV" -> "Siluanov". */
export function speakerName(label: string): string {
  return label === label.toUpperCase() ? label.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase()) : label;
}
