/**
 * Countries written as capital abbreviations, spelled out so a question about them is read as naming a country the
 * base may not know: "U.S. exports to Russia" is about the United States, not "us". A dollar sign or "dollars" (however spelt) after
 * it ("US$", "US dollars") is the currency and stays; a question in capitals only is left as it is ("TELL US").
 */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:U\.S\.A\.|U\.S\.A|U\.S\.|U\.S|USA|US)(?![\w$])(?!\.?\s*dol)/g, "United States"],
  [/\b(?:U\.K\.|U\.K|UK)(?![\w£])/g, "United Kingdom"],
  [/\b(?:U\.A\.E\.|UAE)(?!\w)/g, "United Arab Emirates"],
];

/** "the eu", "EU": lowercase too, as no English word is spelt so. */
const EU = /\b(?:the )?e\.?u\.?(?![\w.])/gi;

/**
 * In lowercase chat "us" is the country only where a pronoun cannot stand: after "the" ("trade w the us"), or joined
 * to another country by a dash ("china-us trade").
 */
const LOWERCASE_US = /\b(?<=the )(?:us|u\.s\.?)(?![\w$])(?!\.?\s*dol)|\b(?:us|u\.s\.?)(?=[-–](?:china|russia)\b)|(?<=\b(?:china|russia)[-–])(?:us|u\.s\.?)\b/gi;

export function spellCountryAbbreviations(text: string): string {
  const spelled = /u/i.test(text) ? text.replace(LOWERCASE_US, "United States").replace(EU, "the European Union") : text;
  if (!/\p{Ll}/u.test(spelled) || !/U/.test(spelled)) return spelled;
  return ABBREVIATIONS.reduce((result, [abbreviation, country]) => result.replace(abbreviation, country), spelled);
}
