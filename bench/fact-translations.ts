import { placeSpelling } from "./place-names.js";
import {
  COMMODITIES_RU_ZH, CURRENCIES_RU_ZH, DEAL_KINDS_RU_ZH, FACILITIES_RU_ZH, FACILITY_VERBS_RU_ZH, INDUSTRIES_RU_ZH,
  MONTHS_RU, ORGANISATION_KINDS_RU_ZH, pastTense, QUARTERS_RU_ZH, TOTAL_VERBS_RU_ZH, UNITS_RU_ZH,
} from "./translation-vocabulary.js";

/**
 * The pieces of a generated fact in Russian and Chinese, each name with the one spelling every translation uses and
 * each figure as validate-translations.ts reads it back: a Russian decimal comma (82,3) and thousands space
 * (11 704), Chinese 亿 for billions (1843亿元 is 184.3 billion yuan) and other scales as English states them.
 */

/** A piece in both languages. */
export interface Spelled {
  ru: string;
  zh: string;
}

export function place(name: string): Spelled {
  const { ru, zh } = placeSpelling(name);
  return { ru, zh };
}

/** "Heihe Customs": the kind's Russian name before the place, its Chinese after; with the gender a Russian verb agrees with. */
export function organisation(name: string): Spelled & { gender: "m" | "f" | "n" } {
  const kind = Object.keys(ORGANISATION_KINDS_RU_ZH).find((candidate) => name.endsWith(` ${candidate}`));
  if (kind === undefined) throw new Error(`no organisation kind in "${name}"`);
  const [kindRu, gender, kindZh] = ORGANISATION_KINDS_RU_ZH[kind]!;
  const where = place(name.slice(0, -kind.length - 1));
  return { ru: `${kindRu} г. ${where.ru}`, zh: `${where.zh}${kindZh}`, gender };
}

/** A commodity as a keyword names it, as a statement speaks "of" it (Russian genitive), and in Chinese. */
export function commodity(name: string): Spelled & { ruOf: string } {
  const entry = COMMODITIES_RU_ZH[name];
  if (!entry) throw new Error(`no translation of the commodity "${name}"`);
  const [ru, ruOf, zh] = entry;
  return { ru, ruOf, zh };
}

/** "12.3" as Russian writes it: 12,3. */
export function decimalRu(figure: string): string {
  return figure.replace(".", ",");
}

/** "11,704" as Russian writes it (11 704) and Chinese (11704). */
export function count(figure: string): Spelled {
  return { ru: figure.replaceAll(",", " "), zh: figure.replaceAll(",", "") };
}

/** "184.3 billion yuan" -> 184,3 млрд юаней / 1843亿元; "12.3 thousand tonnes" -> 12,3 тыс. тонн / 12.3千吨. */
export function quantity(text: string): Spelled {
  const [, figure = "", unit = ""] = /^([\d.,]+) (.+)$/.exec(text) ?? [];
  const entry = UNITS_RU_ZH[unit];
  if (!entry) throw new Error(`no translation of the unit "${unit}"`);
  const [unitRu, unitZh, inYi] = entry;
  const figures = figure.includes(".") ? { ru: decimalRu(figure), zh: figure } : count(figure);
  if (!inYi) return { ru: `${figures.ru} ${unitRu}`, zh: `${figures.zh}${unitZh}` };
  return { ru: `${figures.ru} ${unitRu}`, zh: figure.endsWith(".0") ? `${figure}十${unitZh}` : `${tenTimes(figure)}${unitZh}` };
}

/**
 * A one-decimal figure times ten, as 亿 counts billions: "184.3" -> "1843". A whole figure ("797.0") keeps 十亿
 * instead: 7970亿 reads back as 797, which validation does not take for the 797.0 the English states.
 */
function tenTimes(figure: string): string {
  return figure.replace(".", "").replace(/^0+(?=\d)/, "");
}

/**
 * A period label of generate-facts.ts ("2019", "March 2019", "the first half of 2019", "the third quarter of 2019",
 * "January–June 2019") as an adverbial: "в марте 2019 года" / "2019年3月".
 */
export function period(label: string): Spelled {
  const year = /\d{4}$/.exec(label)?.[0] ?? "";
  const month = /^([A-Z][a-z]+) \d{4}$/.exec(label)?.[1];
  if (month !== undefined) return { ru: `в ${MONTHS_RU[month]![1]} ${year} года`, zh: `${year}年${monthNumber(month)}月` };
  const quarter = /^the (\w+) quarter/.exec(label)?.[1];
  if (quarter !== undefined) return { ru: `${quarter === "second" ? "во" : "в"} ${QUARTERS_RU_ZH[quarter]![0]} квартале ${year} года`, zh: `${year}年第${QUARTERS_RU_ZH[quarter]![1]}季度` };
  if (label.startsWith("the first half")) return { ru: `в первом полугодии ${year} года`, zh: `${year}年上半年` };
  const last = /^January–([A-Z][a-z]+) /.exec(label)?.[1];
  if (last !== undefined) return { ru: `в январе–${MONTHS_RU[last]![1]} ${year} года`, zh: `${year}年1–${monthNumber(last)}月` };
  return { ru: `в ${year} году`, zh: `${year}年` };
}

function monthNumber(month: string): number {
  return Object.keys(MONTHS_RU).indexOf(month) + 1;
}

export function industryFacility(industry: string, facility: string): Spelled {
  const [industryRu, industryZh] = INDUSTRIES_RU_ZH[industry]!;
  const [facilityRu, facilityZh] = FACILITIES_RU_ZH[facility]!;
  return { ru: `${facilityRu} (${industryRu})`, zh: `${industryZh}${facilityZh}` };
}

export function facilityVerb(verb: string, gender: "m" | "f" | "n"): Spelled {
  const [ru, zh] = FACILITY_VERBS_RU_ZH[verb]!;
  return { ru: pastTense(ru, gender), zh };
}

export function dealKind(kind: string): Spelled {
  const [ru, zh] = DEAL_KINDS_RU_ZH[kind]!;
  return { ru, zh };
}

export function totalVerb(verb: string): Spelled {
  const [ru, zh] = TOTAL_VERBS_RU_ZH[verb]!;
  return { ru, zh };
}

/** "in yuan" (в юанях / 人民币) and the currency as a keyword names it. */
export function currency(name: string): Spelled & { ruIn: string } {
  const [ruIn, ru, zh] = CURRENCIES_RU_ZH[name]!;
  return { ruIn, ru, zh };
}

export const capitalisedRu = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
