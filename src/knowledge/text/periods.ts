/**
 * Periods a text states: months, years and "last week/month/year". Questions and facts are read alike, so a
 * question about April is not answered by a fact about March, nor one about 2021 by this year's figure.
 */

export interface Period {
  /** Spans of months, "1-9" for January through September, "3-3" for March. */
  months: ReadonlySet<string>;
  years: ReadonlySet<number>;
  /** "last week", "last year", "per year"… */
  relative: ReadonlySet<string>;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBREVIATIONS: Record<string, string> = {
  jan: "january", feb: "february", mar: "march", apr: "april", jun: "june", jul: "july", aug: "august",
  sep: "september", sept: "september", oct: "october", nov: "november", dec: "december",
};
const MONTH = `(?:${[...MONTH_NAMES, ...Object.keys(MONTH_ABBREVIATIONS)].join("|")})`;
const RANGE = new RegExp(`\\b(?:between |from )?(${MONTH})\\.? ?(?:-|to|through|thru|till|until|and) ?(${MONTH})\\b`, "g");
const QUARTERS: readonly [string, string][] = [["january", "march"], ["april", "june"], ["july", "september"], ["october", "december"]];
const UNIT_AFTER_FIGURE = /^\s*(?:percent|billion|million|thousand|trillion|yuan|dollar|containers?|compan\w*|business\w*|firms?|people|tons?|tonnes?)\b/;

const RATE_UNITS: Record<string, string> = { annual: "year", monthly: "month", weekly: "week", daily: "day" };

const SINCE = new RegExp(`\\bsince (?:(?:the )?(?:start|beginning) of )?(?:${MONTH}\\b ?)?(?:\\d{4})?`, "g");
const COMPARED_WITH_LAST_YEAR = /\b(?:vs|versus|compared (?:to|with)|than|over|against|from) (?:the )?(?:same (?:period|time|months?) )?(?:of )?last (?:year|yr)\b/g;
const SPAN = new RegExp(`\\b(${MONTH}) through (${MONTH})\\b`, "g");
const SINGLE_MONTH = new RegExp(`\\b${MONTH}\\b`, "g");
const BY_MONTH = new RegExp(`(?<!${MONTH} )\\b(?:by|thru|through|till|until|up to|up till) (${MONTH})\\b`, "g");
/** Words without which a text has no period to rewrite, or states none: most texts skip those passes. */
const MAY_SPELL_PERIOD = new RegExp(`\\b(?:${MONTH}|first|second half|q[1-4]|h[12]|this|so far|to date)\\b`);
const MAY_STATE_PERIOD = new RegExp(`\\b(?:${MONTH}|year|month|week|day|annual\\w*|monthly|weekly|daily|19\\d\\d|20\\d\\d|next|upcoming)\\b`);

const fullMonth = (name: string): string => MONTH_ABBREVIATIONS[name] ?? name;

/**
 * Lowercase text with every span of months written one way, "january through september": "jan-sep",
 * "between January and September", "first nine months", "q1-q3", "thru q3"; "q3" alone is "july through september",
 * "h2" and "the second half" "july through december".
 */
export function canonicalPeriods(text: string): string {
  if (!MAY_SPELL_PERIOD.test(text)) return text;
  return text
    .replace(/\b(?:(?:the )?first (?:9|nine) months|(?:the )?first (?:3|three) quarters|(?:ytd )?(?:thru|through|till|until|up to|by) q3|q1 ?(?:-|to|through|thru) ?q3)\b/g, " january through september ")
    .replace(/\b(?:(?:the )?first (?:6|six) months|(?:the )?first half|h1)\b/g, " january through june ")
    .replace(/\b(?:(?:the )?second half|h2)\b/g, " july through december ")
    .replace(/\bq([1-4])\b/g, (_match, quarter: string) => {
      const [from, to] = QUARTERS[Number(quarter) - 1]!;
      return ` ${from} through ${to} `;
    })
    .replace(RANGE, (_match, from: string, to: string) => ` ${fullMonth(from)} through ${fullMonth(to)} `)
    .replace(BY_MONTH, (_match, to: string) => ` january through ${fullMonth(to)} `)
    .replace(/\b(?:so far )?this (?:year|month)(?: so far)?\b|\bso far\b|\bto date\b/g, " ");
}

/** The period a normalised text states. "since …" is a starting point, and "vs last year" a comparison: neither counts. */
export function periodOf(normalised: string): Period {
  if (!MAY_STATE_PERIOD.test(normalised)) return { months: new Set(), years: new Set(), relative: new Set() };
  const text = normalised.replace(SINCE, " ").replace(COMPARED_WITH_LAST_YEAR, " ").replace(/\b(?:year on year|yoy|y\/y)\b/g, " ");
  const months = new Set<string>();
  const monthNumber = (name: string) => MONTH_NAMES.indexOf(fullMonth(name)) + 1;
  for (const [, from, to] of text.matchAll(SPAN)) months.add(`${monthNumber(from!)}-${monthNumber(to!)}`);
  const single = text.replace(SPAN, " ");
  for (const match of single.matchAll(SINGLE_MONTH)) {
    const name = fullMonth(match[0]);
    const before = single.slice(Math.max(0, match.index - 8), match.index);
    if ((name === "may" || name === "march") && !/\b(?:in|of|since|from|by|until|till|to|and|through|early|late|mid) $/.test(before) && !/^ \d{4}/.test(single.slice(match.index + match[0].length))) continue;
    months.add(`${monthNumber(name)}-${monthNumber(name)}`);
  }
  const years = new Set<number>();
  for (const match of text.matchAll(/\b(?:19[5-9]\d|20[0-4]\d)\b/g)) {
    if (!UNIT_AFTER_FIGURE.test(text.slice(match.index + 4))) years.add(Number(match[0]));
  }
  const relative = new Set([...text.matchAll(/\blast (week|month|year)\b/g)].map((match) => `last ${match[1]}`));
  for (const [, unit] of text.matchAll(/\b(?:a|per|each|every) (year|month|week|day)\b/g)) relative.add(`per ${unit}`);
  for (const [, rate] of text.matchAll(/\b(annual|monthly|weekly|daily)(?:ly)?\b/g)) relative.add(`per ${RATE_UNITS[rate!]}`);
  // "the next conference", "next year": what is to come, which a fact about what happened does not state.
  if (/\b(?:next|upcoming)\b/.test(text)) relative.add("next");
  // "the total for the whole year": a year's figure, which a month's or nine months' does not give.
  if (/\b(?:whole|full|entire) year\b/.test(text)) relative.add("whole year");
  return { months, years, relative };
}

/**
 * What of the asked period the fact's period does not state, or undefined when it states all of it: each span of
 * months asked must be one the fact states (a figure for January through September is not September's), the
 * years among the fact's (or the source's year when the fact names none).
 */
export function periodGap(asked: Period, stated: Period, sourceYear: number | undefined): string | undefined {
  const span = [...asked.months].find((months) => !stated.months.has(months));
  if (span !== undefined) return describeSpan(span);
  const statedYears = stated.years.size > 0 ? stated.years : new Set(sourceYear === undefined ? [] : [sourceYear]);
  const years = [...asked.years].filter((year) => !statedYears.has(year));
  if (years.length > 0) return years.join(", ");
  return [...asked.relative].find((relative) => !stated.relative.has(relative));
}

function describeSpan(span: string): string {
  const [from, to] = span.split("-").map((month) => MONTH_NAMES[Number(month) - 1]!);
  return from === to ? from! : `${from} through ${to}`;
}
