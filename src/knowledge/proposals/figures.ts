import type { Figure } from "./proposal.js";

const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, trln: 1e12,
};
const CURRENCY_SIGNS: Record<string, string> = { $: "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "¥": "yuan", "￥": "yuan", "₽": "rubles" };
const CURRENCY_WORDS: Record<string, string> = {
  yuan: "yuan", rmb: "yuan", renminbi: "yuan", dollar: "dollars", dollars: "dollars", usd: "dollars", euro: "euros", euros: "euros",
  ruble: "rubles", rubles: "rubles", rouble: "rubles", roubles: "rubles", rbls: "rubles",
};
const PERCENT_WORDS = /^(?:%|\s?percent(?:age points?)?|\s?per cent|\s?pct|\s?percentage points?)/i;
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
/** What a count counts, after up to two words: "40 Russian companies", "65 new shipping routes", "3 mln tonnes". */
const COUNTED = /^\s((?:[\p{L}-]+ ){0,2}?)((?!(?:this|was|has|its|his|less|plus|across|thus|always|perhaps|whereas)\b)[a-z-]{3,}s|tonnes?|tons?|TEUs?|barrels?|people|personnel|staff|cattle|equipment|cargo|feet|meters|metres|kilometers|kilometres)\b/u;

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const FIGURE = new RegExp(
  String.raw`(?:(?<sign>US\$|[$€£¥￥₽])\s?)?(?<number>${NUMBER})(?:\s?(?<scale>thousand|million|billion|trillion|mln|mn|bln|bn|trln|tn|k|m|b)\b)?`,
  "gu",
);

/**
 * The figures of a sentence, each with its value in plain units and its unit: "42.64 billion yuan" (42640000000
 * yuan), "$5.83 billion" (dollars), "82.3%" (percent), "3 mln tonnes", "38 bcm" (38000000000 cubic metres), "1,200 freight trains" (trains), "in 2022"
 * (year). Dates ("Oct. 12", "Dec. 5, 2023") and "No. 1" are read as what they are, not amounts.
 */
export function figuresIn(sentence: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of sentence.matchAll(FIGURE)) {
    const { sign, number, scale } = match.groups as { sign?: string; number: string; scale?: string };
    const at = match.index;
    const before = sentence.slice(0, at);
    let end = at + match[0].length;
    const after = sentence.slice(end);
    if (/[\p{L}\d.]$/u.test(before) && !sign) continue;
    const value = Number(number.replaceAll(",", "")) * (scale ? SCALES[scale.toLowerCase()]! : 1);
    if (new RegExp(`\\b(?:${MONTHS})\\.? $`).test(before) || new RegExp(`^(?:${MONTHS})\\b`).test(after.trimStart()) && !scale && !sign) {
      if (/^\d{4}$/.test(number)) figures.push({ text: number, value, unit: "year" });
      continue;
    }
    if (/\bNo\. ?$/.test(before)) {
      figures.push({ text: sentence.slice(before.lastIndexOf("No"), end), value, unit: "rank" });
      continue;
    }
    let unit: string | undefined = sign ? CURRENCY_SIGNS[sign] : undefined;
    const percent = PERCENT_WORDS.exec(after);
    if (!unit && percent) {
      unit = /point/i.test(percent[0]) ? "percentage points" : "percent";
      end += percent[0].length;
    }
    if (!unit) {
      const currency = /^\s?([A-Za-z]+)\b/.exec(after);
      const word = currency?.[1]?.toLowerCase();
      if (word && CURRENCY_WORDS[word]) {
        unit = CURRENCY_WORDS[word];
        end += currency![0].length;
      }
    }
    if (!unit && !scale && /^(?:19|20)\d\d$/.test(number)) {
      figures.push({ text: number, value, unit: "year" });
      continue;
    }
    const bcm = unit ? null : /^\s?bcm\b/.exec(after);
    if (bcm) {
      figures.push({ text: sentence.slice(at, end + bcm[0].length).trim(), value: value * 1e9, unit: "cubic metres" });
      continue;
    }
    if (!unit) {
      const noun = COUNTED.exec(after);
      if (noun) {
        unit = /\b(?:square|cubic)\s$/.test(noun[1]!) ? `${/(square|cubic)\s$/.exec(noun[1]!)![1]} ${noun[2]}` : noun[2]!;
        end += noun[0].length;
      }
    }
    figures.push({ text: sentence.slice(at, end).trim(), value, unit: unit ?? "number" });
  }
  return figures;
}

/** A figure that says how much or how many (not a year, a date or a rank). */
export function isAmount(figure: Figure): boolean {
  return figure.unit !== "year" && figure.unit !== "rank";
}
