import { NAME_SPELLINGS } from "./name-spellings.js";

/**
 * Russian and Chinese words read as the English words the engine's slot rules know: question words, trade flows,
 * months and periods, scales, and names. Everything else a question says is matched against the facts'
 * translations as it is written. Russian entries are whole words; they are stemmed when the table is built.
 */
const RU: Record<string, string> = {
  кто: "who", где: "where", куда: "where", когда: "when", почему: "why", зачем: "why", какой: "which", какая: "which", какие: "which",
  каких: "which", каком: "which", какого: "which", какую: "which", что: "what", чем: "what", "о чем": "what",
  экспорт: "export", экспортировал: "export", экспортирует: "export", экспортировали: "export", экспортировать: "export", экспортирован: "export",
  эскпортировал: "export", экспотр: "export", вывоз: "export", продает: "sell", продавать: "sell",
  импорт: "import", импортировал: "import", импортирует: "import", ввоз: "import",
  торговля: "trade", товарооборот: "trade", товарооборотт: "trade",
  январь: "january", февраль: "february", март: "march", апрель: "april", май: "may", июнь: "june", июль: "july",
  август: "august", сентябрь: "september", октябрь: "october", ноябрь: "november", декабрь: "december",
  неделе: "week", неделя: "week", прошлой: "last", прошлом: "last", прошлый: "last", году: "year", год: "year", года: "year",
  первые: "first", один: "one", два: "two", три: "three", четыре: "four", пять: "five", шесть: "six", семь: "seven", восемь: "eight",
  девять: "nine", девяти: "nine", десять: "ten", двадцать: "twenty", тридцать: "thirty", сорок: "forty", пятьдесят: "fifty",
  шестьдесят: "sixty", семьдесят: "seventy", восемьдесят: "eighty", девяносто: "ninety", сто: "hundred", восемьсот: "eight hundred",
  открылись: "opened", открыли: "opened", открылось: "opened", месяцев: "months", месяца: "months",
  млрд: "billion", миллиард: "billion", млн: "million", миллион: "million", тыс: "thousand", тысяча: "thousand",
  процент: "percent", доллар: "dollar", долларов: "dollar", юань: "yuan", юаней: "yuan",
  компания: "company", компаний: "company", фирма: "company", фирм: "company", предприятие: "company", предприятий: "company", бизнес: "business",
  контейнер: "containers", контейнеров: "containers",
  порт: "port", провинция: "province", провинции: "province", столица: "capital", столице: "capital",
  крупнейший: "largest", крупный: "largest", самый: "", рекорд: "record", максимум: "highest",
  вырос: "increase", выросла: "increase", рост: "increase", увеличился: "increase", выросли: "increase",
  сказал: "say", сказл: "say", заявил: "say", говорил: "say", говорит: "say",
  россия: "russia", российский: "russia", россии: "russia", рф: "russia", русский: "russia",
  китай: "china", китайский: "china", китая: "china", кнр: "china",
  украина: "ukraine", запад: "west", москва: "moscow", москве: "moscow", европа: "europe",
  ...Object.fromEntries(`в во на и из за по с со у о об от до к ко ли ну а же это был была было были правда кстати ведь вообще
  разве про для под около как так там тут его ее их мне нам вам уже еще всего что-нибудь что-то`.split(/\s+/).filter(Boolean).map((word) => [word, ""])),
};

/** Chinese words, longest first when read; digits before 月 are months, handled apart. */
const ZH: Record<string, string> = {
  多少家: "how many", 多少个: "how many", 几家: "how many", 几个: "how many", 百分之多少: "what percent", 百分之几: "what percent",
  多少: "how much", 在哪: "where", 哪里: "where", 哪儿: "where", 哪个省: "which province", 哪个: "which", 哪些: "which", 哪几个: "which",
  谁: "who", 什么时候: "when", 何时: "when", 为什么: "why", 为啥: "why", 为何: "why", 什么: "what", 说: "say", 表示: "say",
  出口: "export", 出口额: "export value", 进口: "import", 贸易: "trade", 贸易额: "trade", 进出口: "trade",
  对俄出口: "export to russia", 对俄罗斯出口: "export to russia", 从俄罗斯进口: "import from russia", 从俄进口: "import from russia",
  自俄进口: "import from russia", 中俄: "china russia", 对俄: "to russia", 以来: "since", 俄企: "russia company", 俄罗斯: "russia", 俄: "russia", 中国: "china", 中方: "china",
  省会: "capital", 首府: "capital", 省: "province", 最大: "largest", 最高: "highest", 新高: "highest",
  增长: "increase", 增加: "increase", 上涨: "increase", 增幅: "increase", 同比: "year on year",
  港口: "port", 企业: "company", 公司: "company", 集装箱: "containers",
  上周: "last week", 去年: "last year", 前九个月: "first nine months", 前三季度: "first three quarters",
  亿: "billion", 万元: "yuan", 亿元: "billion yuan", 亿美元: "billion dollar", 万: "ten thousand", 美元: "dollar", 元: "yuan", 人民币: "yuan", 东北: "northeast", 远东: "far east", 欧洲: "europe",
  乌克兰: "ukraine", 西方: "west", 北京: "beijing", 莫斯科: "moscow",
  ...Object.fromEntries(`可以 能够 这个 那个 怎么 怎样 如何 是否 是不是 有没有 一下 一个 我们 你们 他们 大家 今年 现在 还是 就是 以及 或者 的话 那么 这么 请问 知道 告诉 一共 总共`.split(/\s+/).filter(Boolean).map((word) => [word, ""])),
};

/**
 * Russian typed in Latin letters, as people without a Cyrillic keyboard write it ("skolko kompanii v Shenyane"):
 * read only when two of its words that English never uses appear in one question.
 */
export const TRANSLITERATED: ReadonlyMap<string, string> = new Map(Object.entries({
  skolko: "how much", stolica: "capital", stolitsa: "capital", eksport: "export", eksporta: "export", import: "import",
  rossiyu: "russia", rossii: "russia", rossiya: "russia", rossija: "russia", kitai: "china", kitay: "china", kitaya: "china",
  kitaiskih: "china", kitayskih: "china", kitaiskie: "china", kompanii: "company", kompaniy: "company", kompanij: "company",
  firm: "company", konferencii: "conference", konferentsii: "conference", provincii: "province", provintsii: "province",
  kakoi: "which", kakoy: "which", kakaya: "which", kakie: "which", devyat: "nine", mesyacev: "months", mesyatsev: "months",
  pervye: "first", torgovlya: "trade", tovarooborot: "trade", sentyabre: "september", sentyabr: "september", gde: "where",
  kto: "who", kogda: "when", pochemu: "why", zachem: "why", skazal: "say", bylo: "", byli: "", na: "", za: "", iz: "", ili: "",
  liaonin: "liaoning", liaonina: "liaoning", shenyan: "shenyang", shenyane: "shenyang", shenyana: "shenyang",
}));
/** Words of TRANSLITERATED that English does not use: two of them make a question transliterated Russian. */
export const TRANSLITERATION_MARKERS: ReadonlySet<string> = new Set(
  [...TRANSLITERATED.keys()].filter((word) => !["import", "firm", "na"].includes(word)),
);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Traditional characters of the words the base and its questions use, as Simplified. */
const TRADITIONAL = "遼辽寧宁對对長长瀋沈陽阳個个會会習习說说龍龙為为麼么貿贸額额億亿參参國国時时間间區区資资協协議议業业東东鐵铁歐欧貨货運运關关進进來来與与發发開开門门戶户糧粮衛卫體体係系嗎吗這这們们裡里裏里幾几場场車车裝装樞枢紐纽羅罗烏乌蘭兰戰战爭争經经濟济興兴從从於于電电農农導导領领現现點点邊边雙双價价錢钱減减輸输線线陸陆務务統统計计數数據据報报將将應应該该積积極极護护維维帶带麼么樣样漲涨內内鄰邻覽览廣广萬万級级産产產产簽签約约島岛灣湾";
export const SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  Array.from({ length: TRADITIONAL.length / 2 }, (_, i) => [TRADITIONAL[2 * i]!, TRADITIONAL[2 * i + 1]!] as const),
);

export function monthName(number: number): string | undefined {
  return MONTHS[number - 1];
}

/** Russian entries and every Russian spelling of a name, by stem. */
export function russianGlossary(stem: (word: string) => string): ReadonlyMap<string, string> {
  const entries: [string, string][] = Object.entries(RU);
  for (const name of NAME_SPELLINGS) {
    for (const spelling of [name.ru.chosen, ...name.ru.others]) {
      const words = spelling.toLowerCase().split(/\s+/);
      words.forEach((word, i) => entries.push([word, i === 0 ? name.english : ""]));
    }
  }
  return new Map(entries.map(([word, english]) => [stem(word.toLowerCase().replaceAll("ё", "е")), english]));
}

/** Chinese entries and every Chinese spelling of a name (Simplified). */
export function chineseGlossary(): ReadonlyMap<string, string> {
  const entries = new Map(Object.entries(ZH));
  for (const name of NAME_SPELLINGS) for (const spelling of [name["zh-CN"].chosen, ...name["zh-CN"].others]) entries.set(toSimplified(spelling), name.english);
  return entries;
}

export function toSimplified(text: string): string {
  return text.replace(/\p{Script=Han}/gu, (char) => SIMPLIFIED.get(char) ?? char);
}
