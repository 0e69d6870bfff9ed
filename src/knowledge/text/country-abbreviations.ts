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

export function spellCountryAbbreviations(text: string): string {
  if (!/\p{Ll}/u.test(text) || !/U/.test(text)) return text;
  return ABBREVIATIONS.reduce((spelled, [abbreviation, country]) => spelled.replace(abbreviation, country), text);
}
