import { FILLERS } from "./chat-lexicon.js";

/** Words that carry no topic of their own: dropped from questions and facts alike. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...`a about above after again against all also am an and any are around as at be been before being below between both
  but by can could did do does doing done down during each either else ever every few for from further get gets got had
  has have having he her here hers him his how i if in into is it its itself just know let like me might more most much
  my no nor not now of off on once only or other our ours out over own per please really same she should show
  so some such tell than that the their theirs them then there these they this those through to too under until up us
  very was we were what whats when where which while who whom whose why will with would you your yours
  anyone anybody everyone everybody someone something anything thing things many happen happened
  two three four five six seven eight nine apart besides except destination destinations benefit benefits advantage advantages
  go goes going gone went come comes coming came get gets getting got stuff lot lots kind kinds sort actually`
    .split(/\s+/)
    .filter(Boolean),
  ...FILLERS,
]);

/**
 * Words inside names that are ordinary words too ("Russian Far East", "General Administration of Customs"): they
 * are matched like any word, and a question using them ("east china") does not name a place.
 */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set(
  `north south east west northeast northwest southeast southwest far eastern western northern southern central
  general administration customs ministry state media government office province city republic people president`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words people use for the same idea: each maps to one canonical word before stemming. */
const SYNONYM_GROUPS: Record<string, readonly string[]> = {
  company: ["companies", "biz", "exporters", "firm", "firms", "enterprise", "enterprises", "business", "businesses", "corporation", "corporations"],
  china: ["chinese", "sino", "prc"],
  russia: ["russian", "russians", "russias", "rus"],
  export: ["sell", "sells", "sold", "selling", "sales"],
  trade: ["commerce", "trading", "traded", "trades", "commercial"],
  agreement: ["agreements", "deal", "deals", "pact", "pacts", "contract", "contracts", "accord", "accords", "mou"],
  sign: ["signed", "signing", "signs", "ink", "inked", "inking"],
  increase: ["increased", "increases", "increasing", "grow", "grew", "grown", "growth", "growing", "rise", "rose", "risen", "rising", "jump", "jumped", "surge", "surged", "climb", "climbed", "gain", "gained"],
  largest: ["biggest", "greatest"],
  highest: ["record", "peak"],
  port: ["ports", "harbor", "harbour", "harbors", "harbours", "seaport", "seaports"],
  train: ["trains", "rail", "railway", "railways", "railroad"],
  host: ["hosted", "hosting", "hosts", "held", "hold", "holding", "organised", "organized", "organise", "organize", "organiser", "organizer", "organisers", "organizers", "organising", "organizing"],
  dollar: ["dollars", "usd"],
  yuan: ["rmb", "renminbi", "cny"],
  billion: ["bn", "bln", "billions"],
  million: ["mn", "mln", "millions"],
  trillion: ["tn", "trln", "trillions"],
  percent: ["pct", "percentage", "percents"],
  tonne: ["tonnes", "ton", "tons"],
  meter: ["meters", "metre", "metres"],
  barrel: ["barrels", "bbl"],
  ruble: ["rubles", "rouble", "roubles"],
  northeast: ["northeastern", "dongbei", "manchuria"],
  war: ["conflict", "invasion", "invade", "invaded", "invading"],
  meet: ["met", "meeting", "meetings", "summit"],
  attend: ["attended", "attending", "attends", "attendance"],
  east: ["eastern"],
  west: ["western"],
  north: ["northern"],
  south: ["southern"],
  say: ["said", "says", "stated", "declared"],
  january: ["jan"],
  february: ["feb"],
  march: ["mar"],
  april: ["apr"],
  june: ["jun"],
  july: ["jul"],
  august: ["aug"],
  september: ["sep", "sept"],
  october: ["oct"],
  november: ["nov"],
  december: ["dec"],
  value: ["worth", "valued", "values"],
  establish: ["established", "establishes", "establishing", "set", "sets", "open", "opens", "opened", "opening", "launch", "launched", "start", "started", "starts"],
  operations: ["operation", "operate", "operates", "operating", "work", "works", "working"],
  industry: ["industries", "sector", "sectors"],
  ship: ["ships", "shipped", "shipping", "send", "sends", "sending", "sent", "deliver", "delivers", "delivered", "transport", "transports", "transported", "transporting"],
  preserve: ["preserving", "preserved", "protect", "protects", "protecting", "protection", "safeguard", "safeguarding", "maintain", "maintaining"],
  headed: ["heading", "bound", "destined"],
  reduce: ["reduces", "reduced", "reducing", "cut", "cuts", "cutting", "lower", "lowers", "lowering", "save", "saves", "saving", "savings"],
  cost: ["costs", "cheap", "cheaper", "cheapest", "price", "prices", "expense", "expenses"],
  decrease: ["decreased", "decreases", "fall", "fell", "fallen", "drop", "dropped", "decline", "declined", "shrink", "shrank", "plunge", "plunged"],
  significance: ["significant", "important", "importance", "matter", "matters", "crucial", "hype", "hyped", "hyping", "buzz"],
  leave: ["left", "leaves", "leaving", "depart", "departs", "departed", "departing", "departure"],
  release: ["released", "releases", "releasing", "publish", "publishes", "published", "publishing"],
  figure: ["figures", "data", "stats", "statistics"],
  administration: ["agency", "agencies", "authority", "authorities"],
  media: ["outlet", "outlets", "press"],
};

export const SYNONYMS_OF: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SYNONYM_GROUPS));

export const SYNONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries(SYNONYM_GROUPS).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as const)),
);

const CITY_ZONE_REGIONS = new Set(["Africa", "America", "Asia", "Australia", "Europe"]);

/**
 * Provinces, regions and trade cities of China and Russia that ICU's lists miss: questions about trade between
 * the two name them most, and the base must not answer about Harbin with a fact about Shenyang.
 */
const CHINA_RUSSIA_PLACES = `anhui beijing chongqing fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang henan hubei hunan
  jiangsu jiangxi jilin liaoning inner-mongolia ningxia qinghai shaanxi shandong shanghai shanxi sichuan tianjin tibet xinjiang
  yunnan zhejiang hong-kong macau taiwan harbin changchun shenyang dalian heihe suifenhe manzhouli hunchun erenhot qingdao
  ningbo zhoushan jiaxing tianjin guangzhou shenzhen wuhan chengdu xian urumqi khorgos kashgar yiwu hangzhou nanjing xiamen
  moscow st-petersburg saint-petersburg vladivostok khabarovsk blagoveshchensk irkutsk novosibirsk yekaterinburg kazan
  krasnoyarsk chita ulan-ude nakhodka murmansk kaliningrad omsk tomsk sakhalin kamchatka primorye primorsky amur zabaykalsky
  buryatia yakutia tatarstan siberia urals`
  .split(/\s+/)
  .filter(Boolean)
  .map((name) => name.replaceAll("-", " "));

/**
 * Country and major-city names known to ICU (regions and time-zone cities), normalised.
 * A question that names one the fact base never mentions asks about something it does not cover.
 */
export function worldPlaceNames(normalise: (text: string) => string): ReadonlySet<string> {
  const regions = new Intl.DisplayNames(["en"], { type: "region" });
  const names: string[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = regions.of(code);
      if (name && name !== code) names.push(name.replace(/\s*\(.*\)$/, ""));
    }
  }
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    const [region, city, ...rest] = zone.split("/");
    if (city && rest.length === 0 && CITY_ZONE_REGIONS.has(region ?? "")) names.push(city.replaceAll("_", " "));
  }
  return new Set([...names, ...CHINA_RUSSIA_PLACES].map(normalise).filter((name) => name.length >= 4));
}
