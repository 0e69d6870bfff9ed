import type { Fact, FactBase, Source } from "../src/knowledge/schema.js";
import { placeNamePool } from "./place-names.js";
import { createRandom, type Random } from "./random.js";
import {
  COMMODITIES_BY_TOPIC, COMMODITY_ALIASES, DEAL_KINDS, FACILITIES, FALL_VERBS, INDUSTRIES, MONTHS,
  ORGANISATION_KINDS, PUBLISHERS, RISE_VERBS, TOTAL_VERBS, VALUE_UNITS, VOLUME_UNITS,
} from "./trade-vocabulary.js";

/** Deterministic synthetic fact bases that look like curated China–Russia trade facts, for benchmarking. */

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
  aliases: string[];
  questions: string[];
  period: string | null;
}

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

function aliasesFor(random: Random, commodity: string, place: string): string[] {
  const aliases: string[] = [];
  const commodityAlias = COMMODITY_ALIASES[commodity];
  if (commodityAlias) aliases.push(commodityAlias);
  if (random.chance(0.3)) aliases.push(`${place} ${random.pick(["region", "city", "district"])}`);
  if (random.chance(0.2)) aliases.push(`${place.toLowerCase()} ${commodity}`);
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
  };
}

function importVolume(world: World): Draft {
  const { random } = world;
  const { commodity, topic } = random.pick(COMMODITIES);
  const [place, gateway] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const volume = `${decimal(random, 1, 950)} ${random.pick(VOLUME_UNITS)}`;
  const period = pickPeriod(random);
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
  };
}

function facilityOpening(world: World): Draft {
  const { random } = world;
  const organisation = random.pick(world.organisations);
  const place = random.pick(world.places);
  const facility = `${random.pick(INDUSTRIES)} ${random.pick(FACILITIES)}`;
  const verb = random.pick(["opened", "launched", "completed", "began building"]);
  const when = `${random.pick(MONTHS)} ${random.int(2015, 2025)}`;
  const investment = `${decimal(random, 1, 999)} ${random.pick(VALUE_UNITS)}`;
  const jobs = count(random, 20, 5_000);
  return {
    slug: `${organisation} ${facility} ${place}`,
    statement: `${organisation} ${verb} a ${facility} in ${place} in ${when}.`,
    quote: `${organisation} ${verb} a ${facility} in ${place} in ${when}, investing ${investment} and creating ${jobs} jobs.`,
    topic: "investment",
    entities: [organisation, place],
    keywords: [facility, verb, "investment", organisation, place],
    aliases: aliasesFor(random, facility, place),
    questions: [
      `When did ${organisation} open its ${facility} in ${place}?`,
      `What did ${organisation} build in ${place}?`,
      `Is there a ${facility} in ${place}?`,
    ],
    period: when,
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
  return {
    slug: `${near} ${far} crossing throughput`,
    statement: `The ${crossing} handled ${cargo} ${period.phrase}.`,
    quote: `Freight traffic through the ${crossing} ${random.pick(TOTAL_VERBS)} ${cargo} ${period.phrase}, ${rising ? "up" : "down"} ${percent} percent on a year earlier, ${organisation} reported.`,
    topic: "logistics",
    entities: [near, far, organisation],
    keywords: ["border crossing", unit, "freight", near, far, String(period.year)],
    aliases: random.chance(0.5) ? [`${near} checkpoint`, `${near}-${far} port of entry`] : [],
    questions: [
      `How many containers went through the ${crossing} ${period.phrase}?`,
      `How busy is the ${near} border crossing?`,
      `What was freight traffic between ${near} and ${far} ${period.phrase}?`,
    ],
    period: period.label,
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
  return {
    slug: `${first} ${second} trade turnover`,
    statement: `Trade between ${first} and ${second} ${verb} ${value} ${period.phrase}.`,
    quote: `Bilateral trade turnover between ${first} and ${second} ${verb} ${value} ${period.phrase}, ${organisation} said, driven by ${leading} and ${runnerUp}.`,
    topic: "border-trade",
    entities: [first, second, organisation],
    keywords: ["trade turnover", "bilateral trade", first, second, leading, String(period.year)],
    aliases: random.chance(0.4) ? [`${first}-${second} trade`] : [],
    questions: [
      `How much trade was there between ${first} and ${second} ${period.phrase}?`,
      `What is the trade volume of ${first} with ${second}?`,
      `What does ${first} trade with ${second}?`,
    ],
    period: period.label,
  };
}

function currencySettlement(world: World): Draft {
  const { random } = world;
  const [first, second] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const currency = random.pick(["yuan", "rubles", "national currencies"]);
  const [share, earlierShare] = [decimal(random, 10, 99), decimal(random, 5, 95)];
  const period = pickPeriod(random);
  return {
    slug: `${first} ${second} ${currency} settlement`,
    statement: `${share} percent of trade between ${first} and ${second} was settled in ${currency} ${period.phrase}.`,
    quote: `${organisation} estimated that ${share} percent of payments for trade between ${first} and ${second} were settled in ${currency} ${period.phrase}, compared with ${earlierShare} percent a year earlier.`,
    topic: "finance",
    entities: [first, second, organisation],
    keywords: ["settlement", "payments", currency, first, second, String(period.year)],
    aliases: random.chance(0.5) ? [`${currency} payments`, "de-dollarisation"] : [],
    questions: [
      `What share of ${first}-${second} trade is paid in ${currency}?`,
      `How is trade between ${first} and ${second} settled?`,
    ],
    period: period.label,
  };
}

function railFreight(world: World): Draft {
  const { random } = world;
  const [origin, destination] = pickTwo(random, world.places);
  const organisation = random.pick(world.organisations);
  const trains = count(random, 50, 20_000);
  const period = pickPeriod(random);
  const [main, secondary] = [random.pick(COMMODITIES).commodity, random.pick(COMMODITIES).commodity];
  return {
    slug: `${origin} ${destination} freight trains`,
    statement: `${trains} freight trains ran between ${origin} and ${destination} ${period.phrase}.`,
    quote: `${trains} freight trains ran between ${origin} and ${destination} ${period.phrase}, carrying mainly ${main} and ${secondary}, according to ${organisation}.`,
    topic: "logistics",
    entities: [origin, destination, organisation],
    keywords: ["freight trains", "rail", origin, destination, main, String(period.year)],
    aliases: random.chance(0.3) ? [`${origin}-${destination} rail corridor`] : [],
    questions: [
      `How many freight trains ran between ${origin} and ${destination} ${period.phrase}?`,
      `Is there a rail link from ${origin} to ${destination}?`,
      `What do trains from ${origin} carry?`,
    ],
    period: period.label,
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
    return {
      id: `${toKebab(draft.slug).slice(0, 60).replace(/-+$/, "")}-${index.toString(36)}`,
      statement: draft.statement,
      quote: draft.quote,
      sourceId: source.id,
      attribution: `${source.publisher ?? "Unknown publisher"}, ${source.title} (${source.date ?? "undated"})`,
      topic: draft.topic,
      entities: [...new Set(draft.entities)],
      keywords,
      aliases: draft.aliases.slice(0, 3),
      questions: draft.questions.slice(0, random.int(1, draft.questions.length)),
      period: draft.period,
      status: "active",
      revision: 1,
      updatedAt: new Date(UPDATED_FROM + Math.floor(random.next() * YEAR_MS)).toISOString(),
      updatedBy: "bench",
    };
  });
  return { sources, facts };
}
