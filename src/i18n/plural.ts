const rules = new Map<string, Intl.PluralRules>();

/** The form of a word for a count, by the language's plural rules (Russian: 1 секунду, 2 секунды, 5 секунд). */
export function plural(locale: string, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}
