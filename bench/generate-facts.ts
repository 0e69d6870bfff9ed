import type { Fact, FactBase, FactTranslation, Source } from "../src/knowledge/schema.js";
import {
  capitalisedRu, commodity as commodityIn, count as countIn, currency as currencyIn, dealKind, decimalRu, facilityVerb, industryFacility,
  organisation as organisationIn, period as periodIn, place as placeIn, quantity, totalVerb, type Spelled,
} from "./fact-translations.js";
import { placeNamePool } from "./place-names.js";
import { createRandom, type Random } from "./random.js";
import {
  COMMODITIES_BY_TOPIC, COMMODITY_ALIASES, DEAL_KINDS, FACILITIES, FALL_VERBS, INDUSTRIES, MONTHS,
  ORGANISATION_KINDS, PUBLISHERS, RISE_VERBS, TOTAL_VERBS, VALUE_UNITS, VOLUME_UNITS,
} from "./trade-vocabulary.js";
import { CARGO_KEYWORDS_RU_ZH, COMMODITY_ALIASES_RU_ZH } from "./translation-vocabulary.js";

/**
 * Deterministic synthetic fact bases that look like curated China–Russia trade facts, for benchmarking. Each fact
 * carries Russian and Chinese translations of its statement, keywords and aliases, made from the same parts (no
 * random draw of their own, so the English facts are the same with or without them).
 */

const PLACE_COUNT = 8_000;
const ORGANISATION_COUNT = 2_000;
const UPDATED_FROM = Date.UTC(2024, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

const COMMODITIES = Object.entries(COMMODITIES_BY_TOPIC).flatMap(([topic, goods]) =>
  goods.map((commodity) => ({ commodity, topic })),
);

interface World {
  random: Random;
  places: string[];
  organisations: string[];
}

/** What a fact template produces; `generateFactBase` adds the bookkeeping fields. */
interface Draft {
  slug: string;
  statement: string;
  quote: string;
  topic: string;
  entities: string[];
  keywords: string[];
  aliases: Alias[];
  questions: string[];
  period: string | null;
  /** The statement, and each keyword at the same position as the English one, in Russian and Chinese. */
  translated: { statement: Spelled; keywords: Spelled[] };
}

/** An English alias with its Russian and Chinese. */
interface Alias extends Spelled {
  en: string;
}

const same = (text: string): Spelled => ({ ru: text, zh: text });

interface Period {
  label: string;
  /** The label as an adverbial, e.g. "in March 2023". */
  phrase: string;
  year: number;
}

function pickPeriod(random: Random): Period {
  const year = random.int(2015, 2025);
  const label = random.pick([
    () => `${year}`,
    () => `${random.pick(MONTHS)} ${year}`,
    () => `the first half of ${year}`,
    () => `the ${random.pick(["first", "second", "third", "fourth"])} quarter of ${year}`,
    () => `January–${MONTHS[random.int(1, 11)] ?? "December"} ${year}`,
  ])();
  return { label, phrase: `in ${label}`, year };
}

const decimal = (random: Random, min: number, max: number): string => (random.int(min * 10, max * 10) / 10).toFixed(1);
const count = (random: Random, min: number, max: number): string => random.int(min, max).toLocaleString("en-US");

/** Two different entries of `items` (which must hold at least two distinct values). */
function pickTwo(random: Random, items: readonly string[]): [string, string] {
  const first = random.pick(items);
  let second = random.pick(items);
  while (second === first) second = random.pick(items);
  return [first, second];
}

const PLACE_KINDS: Readonly<Record<string, Spelled>> = { region: { ru: "регион", zh: "地区" }, city: { ru: "город", zh: "市" }, district: { ru: "район", zh: "区" } };

function aliasesFor(random: Random, commodity: string, place: string, commodityWords: Spelled = commodityIn(commodity)): Alias[] {
  const aliases: Alias[] = [];
  const commodityAlias = COMMODITY_ALIASES[commodity];
  const [aliasRu = "", aliasZh = ""] = COMMODITY_ALIASES_RU_ZH[commodity] ?? [];
  if (commodityAlias) aliases.push({ en: commodityAlias, ru: aliasRu, zh: aliasZh });
  const where = placeIn(place);
  if (random.chance(0.3)) {
    const kind = random.pick(["region", "city", "district"]);
    aliases.push({ en: `${place} ${kind}`, ru: `${where.ru} (${PLACE_KINDS[kind]!.ru})`, zh: `${where.zh}${PLACE_KINDS[kind]!.zh}` });
  }
  if (random.chance(0.2)) aliases.push({ en: `${place.toLowerCase()} ${commodity}`, ru: `${where.ru}: ${commodityWords.ru}`, zh: `${where.zh}${commodityWords.zh}` });
  return aliases;
}

function tradeChange(world: World): Draft {
  const { random } = world;
  const { commodity, topic } = random.pick(COMMODITIES);
  const [home, partner] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const rising = random.chance(0.6);
  const verb = random.pick(rising ? RISE_VERBS : FALL_VERBS);
  const percent = decimal(random, 0.5, 99);
  const value = `${decimal(random, 1, 999)} ${random.pick(VALUE_UNITS)}`;
  const period = pickPeriod(random);
  const exports = random.chance(0.5);
  const flow = exports ? "exports" : "imports";
  const statement = exports
    ? `${home}'s ${commodity} exports to ${partner} ${verb} ${percent} percent ${period.phrase}.`
    : `${home}'s imports of ${commodity} from ${partner} ${verb} ${percent} percent ${period.phrase}.`;
  const route = exports ? `exports from ${home} to ${partner}` : `imports into ${home} from ${partner}`;
  const [goods, from, to, when] = [commodityIn(commodity), placeIn(home), placeIn(partner), periodIn(period.label)];
  const change = rising ? { ru: "вырос", zh: "增长" } : { ru: "сократился", zh: "下降" };
  return {
    slug: `${home} ${commodity} ${flow}`,
    statement,
    quote: `According to ${organisation}, ${commodity} ${route} ${verb} ${percent} percent year on year ${period.phrase}, to ${value}.`,
    topic,
    entities: [home, partner, organisation],
    keywords: [commodity, flow, home, partner, String(period.year), rising ? "growth" : "decline"],
    aliases: aliasesFor(random, commodity, home),
    questions: [
      `How much ${commodity} did ${home} ${exports ? `export to ${partner}` : `import from ${partner}`} ${period.phrase}?`,
      `Did ${home}'s ${commodity} ${flow} ${rising ? "grow" : "shrink"} ${period.phrase}?`,
      `What happened to ${commodity} trade between ${home} and ${partner}?`,
    ],
    period: period.label,
    translated: {
      statement: exports
        ? { ru: `Экспорт ${goods.ruOf} из г. ${from.ru} в г. ${to.ru} ${change.ru} на ${decimalRu(percent)}% ${when.ru}.`, zh: `${when.zh}，${from.zh}对${to.zh}的${goods.zh}出口${change.zh}${percent}%。` }
        : { ru: `Импорт ${goods.ruOf} в г. ${from.ru} из г. ${to.ru} ${change.ru} на ${decimalRu(percent)}% ${when.ru}.`, zh: `${when.zh}，${from.zh}自${to.zh}进口${goods.zh}${change.zh}${percent}%。` },
      keywords: [goods, exports ? { ru: "экспорт", zh: "出口" } : { ru: "импорт", zh: "进口" }, from, to, same(String(period.year)), rising ? { ru: "рост", zh: "增长" } : { ru: "снижение", zh: "下降" }],
    },
  };
}

function importVolume(world: World): Draft {
  const { random } = world;
  const { commodity, topic } = random.pick(COMMODITIES);
  const [place, gateway] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const volume = `${decimal(random, 1, 950)} ${random.pick(VOLUME_UNITS)}`;
  const period = pickPeriod(random);
  const [goods, where, through, when, amount] = [commodityIn(commodity), placeIn(place), placeIn(gateway), periodIn(period.label), quantity(volume)];
  return {
    slug: `${place} ${commodity} import volume`,
    statement: `${place} imported ${volume} of ${commodity} ${period.phrase}.`,
    quote: `${place} imported ${volume} of ${commodity} ${period.phrase}, ${organisation} said, with most of the cargo arriving through ${gateway}.`,
    topic,
    entities: [place, gateway, organisation],
    keywords: [commodity, "imports", "volume", place, gateway, String(period.year)],
    aliases: aliasesFor(random, commodity, place),
    questions: [
      `How much ${commodity} did ${place} import ${period.phrase}?`,
      `What volume of ${commodity} went to ${place} ${period.phrase}?`,
      `Where does ${place} get its ${commodity} from?`,
    ],
    period: period.label,
    translated: {
      statement: { ru: `${capitalisedRu(when.ru)} г. ${where.ru} импортировал ${amount.ru} ${goods.ruOf}.`, zh: `${where.zh}${when.zh}进口${goods.zh}${amount.zh}。` },
      keywords: [goods, { ru: "импорт", zh: "进口" }, { ru: "объём", zh: "进口量" }, where, through, same(String(period.year))],
    },
  };
}

function supplyDeal(world: World): Draft {
  const { random } = world;
  const { commodity } = random.pick(COMMODITIES);
  const [seller, buyer] = pickTwo(random, world.organisations);
  const place = random.pick(world.places);
  const kind = random.pick(DEAL_KINDS);
  const value = `${decimal(random, 1, 999)} ${random.pick(VALUE_UNITS)}`;
  const year = random.int(2015, 2025);
  const years = random.int(2, 25);
  const [goods, supplier, where, deal, worth] = [commodityIn(commodity), organisationIn(seller), placeIn(place), dealKind(kind), quantity(value)];
  return {
    slug: `${seller} ${commodity} ${kind}`,
    statement: `${seller} signed a ${value} ${kind} to supply ${commodity} to ${place}.`,
    quote: `On ${random.int(1, 28)} ${random.pick(MONTHS)} ${year}, ${seller} signed a ${value} ${kind} with ${buyer} to supply ${commodity} to buyers in ${place} over ${years} years.`,
    topic: "investment",
    entities: [seller, buyer, place],
    keywords: [commodity, kind, "deal", seller, place, String(year)],
    aliases: aliasesFor(random, commodity, place),
    questions: [
      `What deals has ${seller} signed?`,
      `Who supplies ${commodity} to ${place}?`,
      `How big is the ${commodity} ${kind} between ${seller} and ${buyer}?`,
    ],
    period: random.chance(0.5) ? String(year) : null,
    translated: {
      statement: {
        ru: `${supplier.ru} подписал${{ m: "", f: "а", n: "о" }[supplier.gender]} ${deal.ru} на ${worth.ru}: поставки ${goods.ruOf} в г. ${where.ru}.`,
        zh: `${supplier.zh}签署价值${worth.zh}的${deal.zh}，向${where.zh}供应${goods.zh}。`,
      },
      keywords: [goods, deal, { ru: "сделка", zh: "交易" }, supplier, where, same(String(year))],
    },
  };
}

function facilityOpening(world: World): Draft {
  const { random } = world;
  const organisation = random.pick(world.organisations);
  const place = random.pick(world.places);
  const [industry, kind] = [random.pick(INDUSTRIES), random.pick(FACILITIES)];
  const facility = `${industry} ${kind}`;
  const verb = random.pick(["opened", "launched", "completed", "began building"]);
  const when = `${random.pick(MONTHS)} ${random.int(2015, 2025)}`;
  const investment = `${decimal(random, 1, 999)} ${random.pick(VALUE_UNITS)}`;
  const jobs = count(random, 20, 5_000);
  const [owner, where, site, month] = [organisationIn(organisation), placeIn(place), industryFacility(industry, kind), periodIn(when)];
  const did = facilityVerb(verb, owner.gender);
  return {
    slug: `${organisation} ${facility} ${place}`,
    statement: `${organisation} ${verb} a ${facility} in ${place} in ${when}.`,
    quote: `${organisation} ${verb} a ${facility} in ${place} in ${when}, investing ${investment} and creating ${jobs} jobs.`,
    topic: "investment",
    entities: [organisation, place],
    keywords: [facility, verb, "investment", organisation, place],
    aliases: aliasesFor(random, facility, place, site),
    questions: [
      `When did ${organisation} open its ${facility} in ${place}?`,
      `What did ${organisation} build in ${place}?`,
      `Is there a ${facility} in ${place}?`,
    ],
    period: when,
    translated: {
      statement: { ru: `${owner.ru} ${did.ru} ${site.ru} в г. ${where.ru} ${month.ru}.`, zh: `${owner.zh}于${month.zh}在${where.zh}${did.zh}${site.zh}。` },
      keywords: [site, did, { ru: "инвестиции", zh: "投资" }, owner, where],
    },
  };
}

function crossingThroughput(world: World): Draft {
  const { random } = world;
  const [near, far] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const unit = random.pick(["containers", "TEU", "tonnes of cargo"]);
  const cargo = `${count(random, 1_000, 900_000)} ${unit}`;
  const rising = random.chance(0.6);
  const percent = decimal(random, 0.5, 80);
  const period = pickPeriod(random);
  const crossing = `${near}–${far} border crossing`;
  const [here, there, when, handled] = [placeIn(near), placeIn(far), periodIn(period.label), quantity(cargo)];
  const [unitRu, unitZh] = CARGO_KEYWORDS_RU_ZH[unit]!;
  return {
    slug: `${near} ${far} crossing throughput`,
    statement: `The ${crossing} handled ${cargo} ${period.phrase}.`,
    quote: `Freight traffic through the ${crossing} ${random.pick(TOTAL_VERBS)} ${cargo} ${period.phrase}, ${rising ? "up" : "down"} ${percent} percent on a year earlier, ${organisation} reported.`,
    topic: "logistics",
    entities: [near, far, organisation],
    keywords: ["border crossing", unit, "freight", near, far, String(period.year)],
    aliases: random.chance(0.5)
      ? [
        { en: `${near} checkpoint`, ru: `КПП ${here.ru}`, zh: `${here.zh}检查站` },
        { en: `${near}-${far} port of entry`, ru: `пункт пропуска ${here.ru}–${there.ru}`, zh: `${here.zh}—${there.zh}口岸` },
      ]
      : [],
    questions: [
      `How many containers went through the ${crossing} ${period.phrase}?`,
      `How busy is the ${near} border crossing?`,
      `What was freight traffic between ${near} and ${far} ${period.phrase}?`,
    ],
    period: period.label,
    translated: {
      statement: { ru: `Пограничный переход ${here.ru}–${there.ru} ${when.ru} обработал ${handled.ru}.`, zh: `${here.zh}—${there.zh}口岸${when.zh}过货${handled.zh}。` },
      keywords: [{ ru: "пограничный переход", zh: "口岸" }, { ru: unitRu, zh: unitZh }, { ru: "грузы", zh: "货运" }, here, there, same(String(period.year))],
    },
  };
}

function tradeTurnover(world: World): Draft {
  const { random } = world;
  const [first, second] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const verb = random.pick(TOTAL_VERBS);
  const value = `${decimal(random, 1, 999)} ${random.pick(VALUE_UNITS)}`;
  const period = pickPeriod(random);
  const [leading, runnerUp] = [random.pick(COMMODITIES).commodity, random.pick(COMMODITIES).commodity];
  const [one, other, when, total, reached] = [placeIn(first), placeIn(second), periodIn(period.label), quantity(value), totalVerb(verb)];
  return {
    slug: `${first} ${second} trade turnover`,
    statement: `Trade between ${first} and ${second} ${verb} ${value} ${period.phrase}.`,
    quote: `Bilateral trade turnover between ${first} and ${second} ${verb} ${value} ${period.phrase}, ${organisation} said, driven by ${leading} and ${runnerUp}.`,
    topic: "border-trade",
    entities: [first, second, organisation],
    keywords: ["trade turnover", "bilateral trade", first, second, leading, String(period.year)],
    aliases: random.chance(0.4) ? [{ en: `${first}-${second} trade`, ru: `торговля ${one.ru}–${other.ru}`, zh: `${one.zh}—${other.zh}贸易` }] : [],
    questions: [
      `How much trade was there between ${first} and ${second} ${period.phrase}?`,
      `What is the trade volume of ${first} with ${second}?`,
      `What does ${first} trade with ${second}?`,
    ],
    period: period.label,
    translated: {
      statement: { ru: `Товарооборот между г. ${one.ru} и г. ${other.ru} ${when.ru} ${reached.ru} ${total.ru}.`, zh: `${when.zh}，${one.zh}与${other.zh}贸易额${reached.zh}${total.zh}。` },
      keywords: [{ ru: "товарооборот", zh: "贸易额" }, { ru: "двусторонняя торговля", zh: "双边贸易" }, one, other, commodityIn(leading), same(String(period.year))],
    },
  };
}

function currencySettlement(world: World): Draft {
  const { random } = world;
  const [first, second] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const currency = random.pick(["yuan", "rubles", "national currencies"]);
  const [share, earlierShare] = [decimal(random, 10, 99), decimal(random, 5, 95)];
  const period = pickPeriod(random);
  const [one, other, when, money] = [placeIn(first), placeIn(second), periodIn(period.label), currencyIn(currency)];
  return {
    slug: `${first} ${second} ${currency} settlement`,
    statement: `${share} percent of trade between ${first} and ${second} was settled in ${currency} ${period.phrase}.`,
    quote: `${organisation} estimated that ${share} percent of payments for trade between ${first} and ${second} were settled in ${currency} ${period.phrase}, compared with ${earlierShare} percent a year earlier.`,
    topic: "finance",
    entities: [first, second, organisation],
    keywords: ["settlement", "payments", currency, first, second, String(period.year)],
    aliases: random.chance(0.5)
      ? [{ en: `${currency} payments`, ru: `платежи ${money.ruIn}`, zh: `${money.zh}结算` }, { en: "de-dollarisation", ru: "дедолларизация", zh: "去美元化" }]
      : [],
    questions: [
      `What share of ${first}-${second} trade is paid in ${currency}?`,
      `How is trade between ${first} and ${second} settled?`,
    ],
    period: period.label,
    translated: {
      statement: {
        ru: `${capitalisedRu(when.ru)} ${decimalRu(share)}% расчётов по торговле между г. ${one.ru} и г. ${other.ru} проводились ${money.ruIn}.`,
        zh: `${when.zh}，${one.zh}与${other.zh}之间${share}%的贸易以${money.zh}结算。`,
      },
      keywords: [{ ru: "расчёты", zh: "结算" }, { ru: "платежи", zh: "支付" }, money, one, other, same(String(period.year))],
    },
  };
}

function railFreight(world: World): Draft {
  const { random } = world;
  const [origin, destination] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const trains = count(random, 50, 20_000);
  const period = pickPeriod(random);
  const [main, secondary] = [random.pick(COMMODITIES).commodity, random.pick(COMMODITIES).commodity];
  const [from, to, when, ran] = [placeIn(origin), placeIn(destination), periodIn(period.label), countIn(trains)];
  return {
    slug: `${origin} ${destination} freight trains`,
    statement: `${trains} freight trains ran between ${origin} and ${destination} ${period.phrase}.`,
    quote: `${trains} freight trains ran between ${origin} and ${destination} ${period.phrase}, carrying mainly ${main} and ${secondary}, according to ${organisation}.`,
    topic: "logistics",
    entities: [origin, destination, organisation],
    keywords: ["freight trains", "rail", origin, destination, main, String(period.year)],
    aliases: random.chance(0.3)
      ? [{ en: `${origin}-${destination} rail corridor`, ru: `железнодорожный коридор ${from.ru}–${to.ru}`, zh: `${from.zh}—${to.zh}铁路通道` }]
      : [],
    questions: [
      `How many freight trains ran between ${origin} and ${destination} ${period.phrase}?`,
      `Is there a rail link from ${origin} to ${destination}?`,
      `What do trains from ${origin} carry?`,
    ],
    period: period.label,
    translated: {
      statement: { ru: `${capitalisedRu(when.ru)} между г. ${from.ru} и г. ${to.ru} прошло ${ran.ru} грузовых поездов.`, zh: `${when.zh}，${from.zh}与${to.zh}之间开行货运列车${ran.zh}列。` },
      keywords: [{ ru: "грузовые поезда", zh: "货运列车" }, { ru: "железная дорога", zh: "铁路" }, from, to, commodityIn(main), same(String(period.year))],
    },
  };
}

const TEMPLATES = [
  tradeChange, tradeChange, importVolume, supplyDeal, facilityOpening,
  crossingThroughput, tradeTurnover, currencySettlement, railFreight,
];

function toKebab(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function syntheticSource(publisher: string, index: number): Source {
  const id = `bench-source-${index + 1}`;
  return {
    id,
    title: `Synthetic trade bulletin no. ${index + 1}`,
    publisher,
    url: `https://example.org/bench/${id}`,
    date: `2024-${String(index + 1).padStart(2, "0")}-15`,
    dateNote: "synthetic source generated for the benchmark",
    text: null,
  };
}

/** The Russian or Chinese of a draft: its statement, as many keywords as the English keeps, the same aliases. */
function translation(draft: Draft, keywordCount: number, aliases: readonly Alias[], locale: keyof Spelled): FactTranslation {
  return {
    statement: draft.translated.statement[locale],
    keywords: [...new Set(draft.translated.keywords.map((keyword) => keyword[locale]))].slice(0, keywordCount),
    aliases: aliases.map((alias) => alias[locale]),
    questions: [],
  };
}

/**
 * A fact base of `factCount` generated facts, each as the store hands it to the engine: parsed from its JSON row.
 * Built by concatenation, its texts would be ropes the first reading must flatten, a copy no fact loaded from
 * SQLite or a facts file costs (a second at 100k facts).
 */
export function generateFactBase(factCount: number, seed: number): FactBase {
  const random = createRandom(seed);
  const places = placeNamePool(random, PLACE_COUNT);
  const organisations = places
    .slice(0, ORGANISATION_COUNT)
    .map((place) => `${place} ${random.pick(ORGANISATION_KINDS)}`);
  const world: World = { random, places, organisations };
  const sources = PUBLISHERS.map(syntheticSource);

  const facts = Array.from({ length: factCount }, (_, index): Fact => {
    const draft = random.pick(TEMPLATES)(world);
    const source = random.pick(sources);
    const keywords = [...new Set(draft.keywords)].slice(0, random.int(3, 8));
    const aliases = draft.aliases.slice(0, 3);
    const fact: Fact = {
      id: `${toKebab(draft.slug).slice(0, 60).replace(/-+$/, "")}-${index.toString(36)}`,
      statement: draft.statement,
      quote: draft.quote,
      sourceId: source.id,
      attribution: `${source.publisher ?? "Unknown publisher"}, ${source.title} (${source.date ?? "undated"})`,
      topic: draft.topic,
      entities: [...new Set(draft.entities)],
      keywords,
      aliases: aliases.map((alias) => alias.en),
      questions: draft.questions.slice(0, random.int(1, draft.questions.length)),
      translations: { ru: translation(draft, keywords.length, aliases, "ru"), "zh-CN": translation(draft, keywords.length, aliases, "zh") },
      period: draft.period,
      status: "active",
      revision: 1,
      updatedAt: new Date(UPDATED_FROM + Math.floor(random.next() * YEAR_MS)).toISOString(),
      updatedBy: "bench",
    };
    return JSON.parse(JSON.stringify(fact)) as Fact;
  });
  return { sources, facts };
}
