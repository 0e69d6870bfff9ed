import { RUSSIAN_STOPWORDS } from "./foreign-stopwords.js";
import { NAME_SPELLINGS } from "./name-spellings.js";
import { ORGANISATION_SPELLINGS, PLACE_SPELLINGS, type ForeignSpelling } from "./place-spellings.js";

/**
 * Russian and Chinese words read as the English words the engine knows: question words, trade flows, months and
 * periods, scales, names, and the everyday words of trade ("договор", "签约", "卖给") as the English concept the
 * facts state (agreement, sign, export). A fact's translations are read through the same glossary, so a fact is
 * found by the concept whichever word its translation or the question uses. Everything else a question says is
 * matched against the translations as it is written. Russian entries are whole words, stemmed when the table is built.
 */
const RU: Record<string, string> = {
  кто: "who", кем: "who", кому: "who", где: "where", куда: "where", откуда: "where", когда: "when", почему: "why", зачем: "why",
  какой: "which", какая: "which", какие: "which", каких: "which", каком: "which", какого: "which", какую: "which", что: "what", чем: "what",
  "о чем": "what", сколько: "how much", каков: "what", какова: "what", каковы: "what", скок: "how much", скока: "how much", скоко: "how much", насколько: "by how much",
  экспорт: "export", экспортировал: "export", экспортирует: "export", экспортировали: "export", экспортировать: "export", экспортирован: "export",
  экспортнул: "export", экспортнули: "export", вывоз: "export", вывозит: "export", вывезли: "export", продает: "sell", продавать: "sell",
  продажи: "sell", поставки: "export", поставляет: "export", отгрузил: "export",
  импорт: "import", импортировал: "import", импортирует: "import", ввоз: "import", ввозит: "import", закупки: "import", закупает: "import",
  покупает: "import", купили: "import",
  торговля: "trade", товарооборот: "trade", торгуют: "trade", торговый: "trade", оборот: "trade",
  январь: "january", февраль: "february", март: "march", апрель: "april", май: "may", июнь: "june", июль: "july",
  август: "august", сентябрь: "september", октябрь: "october", ноябрь: "november", декабрь: "december",
  янв: "january", фев: "february", февр: "february", мар: "march", апр: "april", июн: "june", июл: "july", авг: "august",
  сен: "september", сент: "september", окт: "october", нояб: "november", дек: "december",
  который: "",
  ушел: "leave", ушли: "leave", уехал: "leave", отправился: "leave", отбыл: "leave", выехал: "leave",
  неделе: "week", неделя: "week", прошлой: "last", прошлом: "last", прошлый: "last", году: "year", год: "year", года: "year", этом: "this",
  квартал: "quarters", первые: "first", первых: "first",
  один: "one", два: "two", три: "three", четыре: "four", пять: "five", шесть: "six", семь: "seven", восемь: "eight",
  девять: "nine", девяти: "nine", десять: "ten", двадцать: "twenty", тридцать: "thirty", сорок: "forty", пятьдесят: "fifty",
  шестьдесят: "sixty", семьдесят: "seventy", восемьдесят: "eighty", девяносто: "ninety", сто: "hundred", восемьсот: "eight hundred",
  открылись: "opened", открыли: "opened", открылось: "opened", обосновались: "established", зарегистрировались: "established", зашли: "established",
  зашло: "established", появились: "established", начали: "started", запустили: "launched", месяцев: "months", месяца: "months",
  млрд: "billion", миллиард: "billion", лярд: "billion", ярд: "billion", лям: "million", ляма: "million", млн: "million", миллион: "million", тыс: "thousand", тысяча: "thousand", тысяч: "thousand", трлн: "trillion",
  процент: "percent", доллар: "dollar", долларов: "dollar", долл: "dollar", бакс: "dollar", юань: "yuan", юаней: "yuan", рубль: "ruble", рублей: "ruble",
  компания: "company", компаний: "company", фирма: "company", фирм: "company", предприятие: "company", предприятий: "company", бизнес: "business",
  бизнесмены: "business", предприниматели: "business", корпорация: "company", производители: "company", экспортеры: "company",
  контейнер: "containers", контейнеров: "containers",
  порт: "port", провинция: "province", провинции: "province", столица: "capital", столице: "capital", город: "city",
  второй: "second", третий: "third", четвертый: "fourth", пятый: "fifth",
  крупнейший: "largest", крупный: "largest", большой: "largest", главный: "largest", самый: "", рекорд: "record", рекордный: "record",
  максимум: "highest", пик: "highest", высокий: "highest",
  вырос: "increase", выросла: "increase", рост: "increase", увеличился: "increase", выросли: "increase", прирост: "increase",
  увеличение: "increase", подрос: "increase", растет: "increase", расширение: "increase",
  упал: "decrease", падение: "decrease", снижение: "decrease",
  сократит: "reduce", снизить: "reduce", экономия: "save", сэкономить: "save", дешевле: "cheaper", расходы: "costs", затраты: "costs", издержки: "costs",
  сказал: "say", сказали: "say", заявил: "say", заявлял: "say", говорил: "say", говорит: "say", говорят: "say", отметил: "say", назвал: "called",
  пишут: "report", сообщают: "report", сообщила: "report", объявила: "announced",
  встреча: "meet", встретились: "meet", встречались: "meet", виделись: "meet", увиделись: "meet", переговоры: "meet", саммит: "summit",
  провели: "host", устроил: "host", организовал: "host", организовали: "host", принимал: "host", проходила: "held", состоялась: "held",
  участвовали: "attend", участвовал: "attend", участие: "attend", участники: "attendees", присутствовали: "attend", приехали: "attend",
  побывали: "attend", посетили: "attend", приезжал: "attend", приезжали: "attend", приедут: "attend", приезд: "attend", съехались: "attend",
  входят: "includes", входит: "includes", относятся: "includes", относится: "includes", включает: "includes", состоит: "includes",
  принадлежит: "includes",
  сфера: "industry", отрасль: "industry", область: "industry", сектор: "industry", индустрия: "industry",
  сельхоз: "agriculture", сельское: "agriculture", аграрный: "agriculture", агро: "agriculture", хозяйство: "", производство: "manufacturing",
  промышленность: "manufacturing", заводы: "manufacturing", логистика: "logistics",
  договор: "agreement", договорились: "agreement", договоренность: "agreement", контракт: "agreement", сделка: "agreement",
  меморандум: "agreement", соглашение: "agreement", подписали: "sign", заключили: "sign", подписание: "sign",
  конференция: "conference", конфа: "conference", форум: "conference", выставка: "conference",
  чиновники: "officials", власти: "government", губернатор: "government", мэр: "government", администрация: "government",
  руководители: "leaders", главы: "leaders", делегация: "delegates", делегаты: "delegates", представители: "representatives", местные: "local",
  сми: "media", госсми: "state media", телевидение: "television", тв: "television",
  перевозки: "shipping", возить: "ship", перевозить: "ship", доставка: "ship", доставлять: "ship", транспортировка: "ship",
  вез: "carrying", везти: "carrying", маршрут: "route", через: "via", поезд: "train", железная: "railway", хаб: "hub", терминал: "hub", узел: "hub",
  война: "war", вторжение: "invasion", вторглись: "invaded", конфликт: "conflict", сво: "war",
  сотрудничество: "cooperation", связи: "connectivity", связанность: "connectivity", углубляет: "deeper", углубление: "deeper", сближение: "cooperation",
  важен: "important", важна: "important", значение: "significance", стратегический: "strategic", ворота: "gateway", ключевые: "pivotal",
  цель: "why", смысл: "why", выгода: "benefit", выгоден: "benefit",
  безопасность: "security", продовольственная: "food", энергетическая: "energy", энергетика: "energy", оборонная: "defense", оборона: "defense",
  таможня: "customs", двусторонний: "bilateral",
  тонна: "tonnes", тонн: "tonnes", тонны: "tonnes", тоннах: "tonnes", следующий: "next", следующая: "next", следующее: "next",
  следующей: "next", следующего: "next", следующую: "next", ближайшая: "next", ближайшей: "next",
  евросоюз: "european union", евросоюза: "european union", евросоюзу: "european union", евросоюзе: "european union", евросоюзом: "european union",
  сша: "united states", америка: "united states", америки: "united states", америкой: "united states", америку: "united states", америке: "united states",
  заработал: "", заработали: "", выручка: "", выручил: "", выручили: "", мес: "months", возглавлял: "host", возглавил: "host",
  руководил: "host", председательствовал: "host", председательствовали: "host",
  экспортные: "export", экспортная: "export", вывозили: "export", вывезено: "export", поставлял: "export", поставляли: "export",
  импортные: "import", ввезли: "import", ввезено: "import", закупили: "import", закупал: "import", покупали: "import", купил: "import",
  торгово: "trade", товарообмен: "trade", коммерция: "trade", внешнеторговый: "trade", внешняя: "",
  увеличилась: "increase", увеличились: "increase", выросло: "increase", росла: "increase", рос: "increase", прибавил: "increase",
  прибавила: "increase", нарастил: "increase", нарастила: "increase", скачок: "increase", подскочил: "increase", подскочила: "increase",
  взлетел: "increase", взлетела: "increase", повысился: "increase", повысилась: "increase", поднялся: "increase", поднялась: "increase",
  снизился: "decrease", снизилась: "decrease", упала: "decrease", упали: "decrease", уменьшился: "decrease", уменьшилась: "decrease",
  просел: "decrease", просела: "decrease",
  выставки: "conference", ярмарка: "conference", экспо: "conference", съезд: "conference", совещание: "conference", мероприятие: "conference",
  ивент: "conference", организовывал: "host", принимала: "host", хозяева: "host", хозяев: "host", проводила: "host", провело: "host", хозяин: "host",
  подписано: "sign", подписаны: "sign", подписала: "sign", подписал: "sign", заключено: "sign", заключены: "sign", заключила: "sign",
  договоренности: "agreement", гавань: "port", эшелон: "train", жд: "railway", железнодорожный: "railway", ржд: "railway",
  грузовой: "cargo", грузовые: "cargo", товарный: "cargo", перевезти: "ship", перевозят: "ship", доставить: "ship", доставили: "ship",
  отправлены: "ship", транзит: "via", транзитом: "via", путь: "route", коридор: "route", логистический: "logistics",
  появился: "established", наибольший: "largest", максимальный: "highest", наивысший: "highest",
  сказала: "say", заявила: "say", заявили: "say", говорила: "say", отметила: "say", подчеркнул: "say", подчеркнула: "say", указал: "say",
  высказался: "say", заявление: "say", речь: "say", выступил: "say", выступление: "say", призвал: "say", пообещал: "say",
  встретился: "meet", визит: "meet", лидеры: "leaders", руководство: "leaders",
  взаимодействие: "cooperation", партнерство: "cooperation", сотрудничают: "cooperation", сотрудничать: "cooperation", связность: "connectivity",
  спецоперация: "war", противодействие: "opposition", стоимость: "costs", траты: "costs", время: "time", сроки: "time", уменьшит: "reduce",
  снизит: "reduce",
  дальний: "far", восток: "east", север: "north", юг: "south",
  наращивать: "increase", наращивает: "increase", наращивают: "increase", наращивал: "increase", наращивала: "increase", наращивание: "increase",
  трансграничный: "cross border", трансграничная: "cross border", трансграничное: "cross border", приграничный: "cross border",
  приграничная: "cross border", приграничное: "cross border", сообщение: "connectivity", сообщения: "connectivity", вопреки: "despite",
  несмотря: "despite", позиция: "", позиции: "", добивается: "push", добивался: "push", продвигает: "push", продвигал: "push",
  давление: "opposition", развивает: "increase", развивать: "increase", развитие: "increase", укрепляет: "increase", укрепление: "increase",
  усиливает: "increase", усиление: "increase", расширяет: "increase", расширять: "increase", транспорт: "shipping", транспортный: "shipping",
  провел: "host", провела: "host", проводил: "host", проводили: "host", проводит: "host", проведение: "host", устраивал: "host",
  устраивали: "host", устроили: "host", организатор: "host", организаторы: "host", организовала: "host", организует: "host",
  рынок: "sell", рынка: "sell", рынке: "sell", товар: "goods", товары: "goods", груз: "goods", грузы: "goods", продукция: "products",
  продукт: "products", отправлять: "ship", отправить: "ship", отправили: "ship", отправляет: "ship", отправка: "ship", отгрузка: "ship",
  вывозить: "ship", торговать: "trade", торговали: "trade", наторговали: "trade", наторговать: "trade", поторговали: "trade", торгует: "trade",
  сблизились: "cooperation", сближается: "cooperation", сближаются: "cooperation", сблизиться: "cooperation", дружба: "cooperation",
  роль: "role", играть: "play", играет: "play", сыграть: "play", сообщил: "report", пришли: "", пришел: "", сообщило: "report", сообщили: "report",
  сообщается: "report", сообщает: "report", добавилось: "established", добавились: "established",
  новых: "new", новые: "new", новый: "new", ящик: "containers", ящиков: "containers", коробка: "containers", коробок: "containers",
  состав: "train", составе: "train", рейс: "train", первый: "first", первом: "first", открыт: "opened", открыта: "opened", открылся: "opened",
  открытие: "opened", запуск: "launched", запустил: "launched", запущен: "launched", дв: "far east", владик: "vladivostok",
  россия: "russia", российский: "russia", россии: "russia", рф: "russia", русский: "russia", россиян: "russia", россияне: "russia",
  китай: "china", китайский: "china", китая: "china", кнр: "china", китайцы: "china", поднебесная: "china",
  украина: "ukraine", запад: "west", москва: "moscow", москве: "moscow", европа: "europe",
  ...Object.fromEntries(`в во на и из за по с со у о об от до к ко ли ну а же был была было были правда кстати ведь вообще
  разве про для под около как так там тут его ее их мне нам вам уже еще всего что-нибудь что-то верно`.split(/\s+/).filter(Boolean).map((word) => [word, ""])),
};

/** Russian phrases whose words mean something else apart, read before the words are. */
const RU_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/(?<!\p{L})(?:по сравнению|в сравнении|относительно|чем|против|к) (?:с )?(?:тем же периодом )?(?:в )?прошл\p{L}* год\p{L}*/giu, " compared with last year "],
  [/за (?:первые )?(?:9|девять) мес(?:яц\p{L}*|\.|(?!\p{L}))|за (?:первые )?(?:3|три) квартал\p{L}*/giu, " first nine months "],
  [/за (?:весь|целый|полный) год/giu, " whole year "],
  [/главн\p{L}* город\p{L}*|город\p{L}* главн\p{L}*|административн\p{L}* центр\p{L}*/giu, " capital "],
  [/северо[- ]?восто\p{L}*/giu, " northeast "],
  [/дал[ь]?н\p{L}* восто\p{L}*/giu, " far east "],
  [/электронн\p{L}* коммерц\p{L}*|(?:е|интернет|онлайн)-(?:коммерц|торгов)\p{L}*|маркетплейс\p{L}*/giu, " ecommerce "],
  [/без выхода к морю/giu, " landlocked "],
  [/перв\p{L}* полугоди\p{L}*/giu, " first half "],
  [/втор\p{L}* полугоди\p{L}*/giu, " second half "],
  [/(?<!\p{L})(?:после|с) (?:начала|старта)/giu, " since "],
  [/направлени\p{L}* (?:бизнес\p{L}*|деятельност\p{L}*|сотрудничеств\p{L}*)/giu, " industries "],
  [/(?:постав|установ|побил)\p{L}* (?:\p{L}+ )?рекорд\p{L}*|рекорд\p{L}* (?:\p{L}+ ){0,5}?(?:постав|установ|побит)\p{L}*/giu, " record "],
  [/(?:больше|более|свыше|превысил\p{L}*|превышает|выше)(?: чем)?(?: на)?(?= ~?\d)/giu, " more than "],
  [/(?:меньше|менее|ниже|не более|не больше)(?: чем)?(?: на)?(?= ~?\d)/giu, " less than "],
  [/(?:около|примерно|почти|порядка|где-то|приблизительно|чуть больше|чуть меньше)(?= ~?\d)/giu, " about "],
  [/(?<!\p{L})(?:прош(?:ла|ел|ёл|ли)|пройд[её]т|проходит)(?!\p{L})/giu, " held "],
  [/(?:по|согласно) (?:словам|данным|информации|сведениям|сообщени\p{L}*)|как (?:сообщает|пишет|пишут|сообщают)\p{L}*/giu, " according to "],
  [/по (?:величине|размеру|объему|объёму|грузообороту)/giu, " largest "],
  [/г\/г|год к году/giu, " year on year "],
  // "выступил организатором", "выступили в роли хозяев": acted as, not spoke.
  [/выступ\p{L}* (?:(?:в качестве|в роли) |(?=\p{L}+(?:ом|ем|ой|ами|ями)(?!\p{L})))/giu, " "],
];

/** Chinese words, longest first when read; digits before 月 are months, handled apart. */
const ZH: Record<string, string> = {
  多少家: "how many", 多少个: "how many", 几家: "how many", 几个: "how many", 几份: "how many", 几项: "how many", 几笔: "how many",
  好几: "several", 好几份: "several", 好几个: "several", 好几家: "several", 好几项: "several",
  吨: "tonnes", 全年: "whole year", 一整年: "whole year", 下一届: "next", 下届: "next", 下一次: "next", 下次: "next", 百分之多少: "what percent", 百分之几: "what percent",
  多少: "how much", 多少钱: "how much", 到多少: "to how much", 至多少: "to how much", 在哪: "where", 在哪儿: "where", 哪里: "where", 哪儿: "where", 哪个省: "which province",
  哪个城市: "which city", 哪座城市: "which city", 哪个港口: "which port", 哪个: "which", 哪些: "which", 哪几个: "which",
  谁: "who", 什么时候: "when", 啥时候: "when", 什么时间: "when", 几月: "when", 哪个月: "when", 何时: "when",
  为什么: "why", 为啥: "why", 为何: "why", 干嘛: "why", 什么: "what", 啥: "what", 咋: "how",
  说: "say", 宣布: "announced", 表示: "say", 讲: "say", 谈: "say", 提到: "say", 称: "say", 指出: "say", 强调: "say",
  出口: "export", 出口额: "export value", 卖: "sell", 卖给: "sell to", 卖到: "sell to", 销往: "sell to", 出售: "sell",
  进口: "import", 买: "import", 购买: "import", 采购: "import",
  贸易: "trade", 贸易额: "trade", 进出口: "trade", 双边: "bilateral", 两国: "bilateral", 双方: "bilateral",
  中美: "china united states", 中日: "china japan", 中韩: "china south korea", 中印: "china india", 中哈: "china kazakhstan",
  中蒙: "china mongolia", 中乌: "china ukraine", 中德: "china germany", 中法: "china france", 中英: "china united kingdom",
  中朝: "china north korea", 中越: "china vietnam", 美俄: "united states russia", 俄美: "russia united states",
  对俄出口: "export to russia", 对俄罗斯出口: "export to russia", 从俄罗斯进口: "import from russia", 从俄进口: "import from russia",
  自俄进口: "import from russia", 中俄: "china russia", 对俄: "to russia", 以来: "since", 俄企: "russia company", 俄罗斯: "russia", 俄: "russia",
  俄方: "russia", 俄国: "russia", 中国: "china", 中方: "china", 中企: "china company",
  省会: "capital", 首府: "capital", 首都: "capital", 省: "province", 城市: "city", 最大: "largest", 最高: "highest", 新高: "highest", 创新高: "highest",
  纪录: "record", 历史新高: "highest",
  增长: "increase", 增加: "increase", 上涨: "increase", 涨: "increase", 涨了: "increase", 提高: "increase", 提升: "increase", 增幅: "increase",
  增速: "growth", 翻倍: "increase", 咋样: "how", 怎么样: "how", 绕道: "via", 图啥: "why", 进来: "came", 加强: "increase", 同比: "year on year", 下降: "decrease", 下跌: "decrease", 减少: "decrease",
  降低: "reduce", 节省: "save", 省钱: "save", 便宜: "cheaper", 成本: "costs", 费用: "costs", 运费: "costs", 时间: "time",
  港口: "port", 港: "port", 企业: "company", 公司: "company", 厂商: "company", 集装箱: "containers",
  协议: "agreement", 合同: "agreement", 合约: "agreement", 协定: "agreement", 签: "sign", 签了: "sign", 签约: "sign", 签署: "sign", 签订: "sign",
  达成: "sign", 合作: "cooperation", 会议: "conference", 会上: "conference", 大会: "conference", 论坛: "conference", 博览会: "conference",
  展会: "conference", 峰会: "summit", 参加: "attend", 参会: "attend", 开会: "attend", 与会: "attend", 出席: "attend",
  官员: "officials", 地方: "local", 政府: "government", 领导: "leaders", 领导人: "leaders", 代表: "representatives", 代表团: "delegates",
  商界: "business", 官媒: "state media", 官方媒体: "state media", 央视: "television", 电视台: "television",
  会面: "meet", 见面: "meet", 会晤: "meet", 碰面: "meet", 碰头: "meet", 会谈: "meet",
  举办: "host", 主办: "host", 举行: "host", 召开: "host", 办: "host",
  开通: "opened", 启用: "opened", 开业: "opened", 投用: "opened", 设立: "established", 成立: "established", 落户: "established", 业务: "operations",
  班列: "train", 列车: "train", 火车: "train", 车: "train", 首趟: "first", 首列: "first", 第一: "first", 第二: "second", 第三: "third", 第四: "fourth", 第五: "fifth", 首班: "first", 新: "new", 装: "carrying",
  拉: "carrying", 载: "carrying", 货: "goods", 货物: "goods", 商品: "goods", 走: "via", 经: "via", 经由: "via", 运货: "ship", 运: "ship", 运输: "shipping", 航线: "route",
  线: "route", 路线: "route", 线路: "route", 目的: "why", 好处: "benefit", 提出: "say", 要求: "want", 希望: "want",
  举办方: "host", 主办方: "host", 组织: "host", 搞: "host", 市场: "sell", 产品: "products", 东西: "goods", 发货: "ship", 运往: "ship",
  运送: "ship", 发往: "ship", 出货: "ship", 做生意: "trade", 生意: "trade", 买卖: "trade", 交易: "trade", 往来: "trade",
  走近: "cooperation", 走得近: "cooperation", 走得更近: "cooperation", 越走越近: "cooperation", 靠拢: "cooperation", 亲近: "cooperation", 拉近: "cooperation",
  角色: "role", 作用: "role", 扮演: "play", 发挥: "play", 起到: "play", 报道: "report", 报导: "report", 消息: "report", 据: "according to",
  据报道: "according to", 根据: "according to", 新增: "established", 增加了: "increase", 新开: "opened", 箱子: "containers", 箱: "containers",
  货柜: "containers", 首发: "first", 首次: "first", 第一趟: "first", 第一列: "first", 头一趟: "first", 开行: "opened", 投入使用: "opened",
  投运: "opened", 开放: "opening up", 对外开放: "opening up", 向北开放: "opening up",
  包括: "includes", 包含: "includes", 涵盖: "includes", 有哪几个: "which", 是指: "includes", 指的是: "includes",
  到底: "", 究竟: "", 关键: "pivotal",
  开: "opened", 规模: "", 体量: "", 金额: "", 赚: "", 赚了: "", 习主席: "xi", 习总书记: "xi", 习大大: "xi", 普京总统: "putin", 提: "say", 主持: "host",
  出海口: "landlocked", 内陆: "landlocked", 运出去: "ship", 运过去: "ship", 运到: "ship",
  外销: "export", 输出: "export", 出口量: "export", 进口额: "import", 贸易往来: "trade", 经贸: "trade", 商贸: "trade", 外贸: "trade",
  进出口额: "trade", 大增: "increase", 猛增: "increase", 暴涨: "increase", 飙升: "increase", 上升: "increase", 增至: "increase",
  增加到: "increase", 翻番: "increase", 下滑: "decrease", 跌: "decrease", 商家: "company", 商户: "company", 厂家: "company",
  活动: "conference", 展览会: "conference", 交易会: "conference", 洽谈会: "conference", 研讨会: "conference", 到场: "attend", 参展: "attend",
  承办: "host", 签下: "sign", 备忘录: "agreement", 海港: "port", 码头: "port", 货运列车: "train", 货车: "train", 铁路: "railway",
  标箱: "containers", 货品: "goods", 物资: "goods", 发运: "ship", 转运: "ship", 中转: "via", 过境: "via", 通道: "route", 路径: "route",
  走廊: "route", 集散地: "hub", 节点: "hub", 启动: "opened", 开启: "opened", 运营: "operations", 入驻: "established", 进驻: "established",
  注册: "established", 开设: "established", 峰值: "highest", 讲话: "say", 发言: "say", 提及: "say", 透露: "say",
  声称: "say", 宣称: "say", 表态: "say", 呼吁: "say", 会见: "meet", 元首: "leaders", 首脑: "leaders", 协作: "cooperation",
  伙伴: "cooperation", 联通: "connectivity", 互通: "connectivity", 俄乌冲突: "war", 俄乌战争: "war", 特别军事行动: "war",
  花费: "costs", 开销: "costs", 时效: "time", 耗时: "time", 缩短: "reduce", 节约: "save", 反对: "opposition",
  枢纽: "hub", 门户: "gateway", 大门: "gateway", 冲突: "conflict", 战争: "war", 入侵: "invasion", 跨境: "cross border",
  互联互通: "connectivity", 深化: "deeper", 经济: "economic", 安全: "security", 粮食: "food", 能源: "energy", 国防: "defense",
  海关: "customs", 战略: "strategic", 成为: "become", 成了: "become",
  推: "push", 推动: "push", 推进: "push", 力推: "push", 主要: "",
  上半年: "first half", 前半年: "first half", 下半年: "second half", 后半年: "second half",
  上周: "last week", 上礼拜: "last week", 上个礼拜: "last week", 上星期: "last week", 上个星期: "last week", 礼拜: "week", 星期: "week",
  碰的头: "meet", 见的面: "meet", 时间段: "", 哪个时间段: "when", 什么时间段: "when", 数据: "figures", 出发: "leave", 开往: "leave", 驶往: "leave",
  去年: "last year", 前九个月: "first nine months", 前三季度: "first three quarters",
  亿: "billion", 万元: "yuan", 亿元: "billion yuan", 亿美元: "billion dollar", 万: "ten thousand", 美元: "dollar", 美金: "dollar", 元: "yuan",
  人民币: "yuan", 卢布: "ruble", 东北: "northeast", 远东: "far east", 欧洲: "europe",
  乌克兰: "ukraine", 西方: "west", 北京: "beijing", 莫斯科: "moscow",
  ...Object.fromEntries(`几百 上百 数百 几千 上千 数千 几十 数十 上万 大概 大约 左右 可以 能够 这个 那个 怎么 怎样 如何 是否 是不是 有没有 一下 一个 我们 你们 他们 大家 今年 现在 还是 就是 以及 或者 的话 那么 这么 请问 知道 告诉 一共 总共`.split(/\s+/).filter(Boolean).map((word) => [word, ""])),
};

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Traditional characters of the words the base and its questions use, as Simplified. */
const TRADITIONAL = "遼辽寧宁對对長长瀋沈陽阳個个會会習习說说龍龙為为麼么貿贸額额億亿參参國国時时間间區区資资協协議议業业東东鐵铁歐欧貨货運运關关進进來来與与發发開开門门戶户糧粮衛卫體体係系嗎吗這这們们裡里裏里幾几場场車车裝装樞枢紐纽羅罗烏乌蘭兰戰战爭争經经濟济興兴從从於于電电農农導导領领現现點点邊边雙双價价錢钱減减輸输線线陸陆務务統统計计數数據据報报將将應应該该積积極极護护維维帶带樣样漲涨內内鄰邻覽览廣广萬万級级産产產产簽签約约島岛灣湾設设啟启誰谁麼么嗎吗廠厂們们實实總总員员團团賣卖買买絡络網网態态愛爱響响鄉乡縣县圖图書书親亲歷历聯联門门問问題题讓让認认識识學学習习聽听寫写讀读話话說说請请謝谢還还達达過过運运邊边遠远選选鐘钟錢钱銀银錄录長长門门開开關关隊队際际險险雖虽雙双雞鸡難难電电頭头顯显風风飛飞飯饭館馆馬马體体鬥斗魚鱼鳥鸟麥麦黃黄齊齐龍龙龜龟";

export const SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  Array.from({ length: TRADITIONAL.length / 2 }, (_, i) => [TRADITIONAL[2 * i]!, TRADITIONAL[2 * i + 1]!] as const),
);

export function monthName(number: number): string | undefined {
  return MONTHS[number - 1];
}

/** Every phrase in one pass: each is a group of one expression, and the group that matched says which. */
const ANY_RU_PHRASE = new RegExp(RU_PHRASES.map(([pattern]) => `(${pattern.source})`).join("|"), "giu");

export function russianPhrasesAsEnglish(text: string): string {
  return text.replace(ANY_RU_PHRASE, (...groups: unknown[]) => RU_PHRASES[groups.slice(1, RU_PHRASES.length + 1).findIndex((group) => group !== undefined)]![1]);
}

/** Every name spelling of a language: the base's names, then places and organisations it may not know. */
function spellings(locale: "ru" | "zh"): [string, string][] {
  const others = (spelling: ForeignSpelling) => spelling[locale].map((written): [string, string] => [written, spelling.english]);
  const names = NAME_SPELLINGS.flatMap((name) => {
    const { chosen, others: rest } = name[locale === "zh" ? "zh-CN" : "ru"];
    return [chosen, ...rest].map((written): [string, string] => [written, name.english]);
  });
  return [...[...PLACE_SPELLINGS, ...ORGANISATION_SPELLINGS].flatMap(others), ...names];
}

/** The countries ICU names in a language, each with its English name as the engine's list of places has it. */
let englishCountries: ReadonlySet<string> | undefined;

/** Country names as the reading writes them in English ("russia", "china", "united states"). */
export function englishCountryNames(): ReadonlySet<string> {
  return (englishCountries ??= new Set(countryNames("zh").map(([, english]) => english)));
}

function countryNames(locale: "ru" | "zh"): [string, string][] {
  const local = new Intl.DisplayNames([locale], { type: "region" });
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const names: [string, string][] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const [name, englishName] = [local.of(code), english.of(code)];
      if (name && englishName && name !== code) names.push([name.replace(/\s*[(（].*[)）]$/u, ""), englishName.replace(/\s*\(.*\)$/, "").toLowerCase()]);
    }
  }
  return names;
}

/**
 * The forms a Russian country name takes in a sentence (Казахстан, Казахстана, Казахстане; Германия, Германии),
 * matched whole: stems of short names would catch common words (Грузия and "грузы").
 */
export function russianCountryForms(): ReadonlyMap<string, string> {
  const forms = new Map<string, string>();
  for (const [name, english] of countryNames("ru")) {
    const word = name.toLowerCase().replaceAll("ё", "е");
    if (/\s/.test(word)) continue;
    const [root, endings] = /ия$/.test(word)
      ? [word.slice(0, -2), ["ия", "ии", "ию", "ией"]]
      : /[ая]$/.test(word)
        ? [word.slice(0, -1), ["а", "ы", "и", "е", "у", "ой", "ей", "ю", "я"]]
        : /[бвгджзклмнпрстфхцчшщ]$/.test(word)
          ? [word, ["", "а", "у", "е", "ом"]]
          : [word, [""]];
    for (const ending of endings) forms.set(root + ending, english);
  }
  return forms;
}

/** The case forms of a Russian name (Шэньян, Шэньяна, Шэньяну, Шэньяне): the stemmer alone reads names unevenly. */
function nameForms(name: string): string[] {
  const root = /[ьйаяо]$/.test(name) ? name.slice(0, -1) : name;
  return [name, ...["а", "у", "е", "ом", "ем", "я", "ю", "и", "ы", "ой", "ей", "ью"].map((ending) => root + ending)];
}

/**
 * The adjective a Russian place name makes (Шэньян -> шэньянский, Цзилинь -> цзилиньский, Хабаровск -> хабаровский),
 * in the forms the stemmer may leave apart; a name ending in a vowel (Москва -> московский) changes its root and has none.
 */
function adjectiveForms(name: string): string[] {
  if (!/[бвгджзйклмнпрстфхцчшщь]$/.test(name)) return [];
  const root = name.endsWith("ск") ? name.slice(0, -2) : name.replace(/й$/, "");
  return ["ский", "ская", "ское", "ские", "ской", "ского", "ских", "скую", "ском"].map((ending) => root + ending);
}

/**
 * Russian entries by `stem` (which lowercases the word as the reader does): stopwords first, then places and organisations, then names and the glossary itself,
 * each winning over what came before. A name of several words is read by its first word in any case, the others
 * say nothing.
 */
export function russianGlossary(stem: (word: string) => string): ReadonlyMap<string, string> {
  const entries: [string, string][] = RUSSIAN_STOPWORDS.map((word) => [word, ""]);
  for (const [spelling, english] of spellings("ru")) {
    const [first = "", ...rest] = spelling.toLowerCase().split(/\s+/);
    for (const form of [...nameForms(first), ...adjectiveForms(first)]) entries.push([form, english]);
    for (const word of rest) entries.push([word, ""]);
  }
  entries.push(...Object.entries(RU));
  return new Map(entries.map(([word, english]) => [stem(word), english]));
}

const QUESTION_WORDS = new Set(["who", "where", "when", "why", "which", "what", "how much", "by how much"]);

/** Russian grammar and question words as they are written, unstemmed ("на", "где", "сколько"): no English word is one. */
export function russianFunctionWords(): string[] {
  return [...RUSSIAN_STOPWORDS, ...Object.entries(RU).filter(([, english]) => english === "" || QUESTION_WORDS.has(english)).map(([word]) => word)];
}

/** Chinese entries (Simplified): countries, places and organisations, then the base's names and the glossary, each winning over what came before. */
export function chineseGlossary(): ReadonlyMap<string, string> {
  const countries = countryNames("zh").filter(([name]) => !name.includes("中国"));
  return new Map([...countries, ...spellings("zh"), ...Object.entries(ZH)].map(([word, english]) => [toSimplified(word), english]));
}

const HAS_SIMPLIFIED = new RegExp(`[${[...SIMPLIFIED.keys()].join("")}]`, "gu");

export function toSimplified(text: string): string {
  return text.replace(HAS_SIMPLIFIED, (char) => SIMPLIFIED.get(char)!);
}
