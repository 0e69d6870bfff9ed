import { describe, expect, it } from "vitest";
import { FactIndex } from "../../src/knowledge/fact-index.js";
import { foreignRuns, readForeign, untranslatedWords } from "../../src/knowledge/text/foreign.js";
import { cyrillicOf } from "../../src/knowledge/text/transliteration.js";
import { seedBase, seedEngine } from "../support/seed.js";

const engine = seedEngine();
const phrases = FactIndex.build(seedBase()).phrases;
const answerId = (question: string) => {
  const answer = engine.answer(question);
  return answer.answered ? answer.results[0]?.fact.id : undefined;
};
const foreignAsEnglish = (text: string, within = phrases) => readForeign(text, within).text;
const unknownName = (question: string) => {
  const { abstention } = engine.answer(question);
  return abstention?.reason === "unknown-name" ? abstention.name : undefined;
};

describe("reading Russian and Chinese", () => {
  it("reads Russian word forms through the stemmer: Ляонин, Ляонина, Ляонину; экспорт, экспорта", () => {
    for (const question of ["Сколько Ляонин экспортировал в Россию?", "каков объём экспорта Ляонина в Россию", "какой экспорт у Ляонину в Россию в юанях"]) {
      expect(answerId(question), question).toBe("liaoning-exports-to-russia-value");
    }
  });

  it("reads Chinese words the segmenter alone splits (习近平, 海参崴, the base's 中欧班列) and Traditional characters", () => {
    expect(foreignAsEnglish("沈阳中欧班列新枢纽").split(" ")).toContain("中欧班列");
    expect(foreignAsEnglish("习近平说了什么")).toContain("xi");
    expect(foreignAsEnglish("吉林的货走海参崴")).toContain("vladivostok");
    expect(answerId("瀋陽是哪個省的省會")).toBe("shenyang-capital-of-liaoning");
  });

  it("understands figures written with 亿, 万, млрд and Chinese numerals", () => {
    expect(foreignAsEnglish("出口额是426.4亿元吗")).toContain("42.64 billion");
    expect(foreignAsEnglish("有四十家俄企")).toContain("40");
    expect(foreignAsEnglish("1到9月")).toContain("january through september");
    expect(foreignAsEnglish("一到九月")).toContain("january through september");
    expect(foreignAsEnglish("出口有四百多亿元")).toContain("more than 40 billion");
    expect(foreignAsEnglish("统一到九月")).not.toContain("january");
    expect(foreignAsEnglish("二十多家")).not.toMatch(/\b20\b/);
    expect(foreignAsEnglish("с янв по сент")).toContain("january through september");
    expect(answerId("но сколько экспортировал ляонин в россию"), "но is but, not ноя(брь)").toBe("liaoning-exports-to-russia-value");
    expect(foreignAsEnglish("增长百分之八十二点三")).toContain("82.3 percent");
    expect(foreignAsEnglish("四百二十六点四亿元")).toContain("42.64 billion");
    expect(answerId("辽宁对俄出口额是426.4亿元吗")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("кстати сколько млрд долларов экспорт ляонина в рф")).toBe("liaoning-exports-to-russia-value");
  });

  it("asks how many when сколько or 多少 counts something, how much otherwise", () => {
    expect(foreignAsEnglish("сколько российских компаний")).toContain("how many");
    expect(foreignAsEnglish("сколько ляонин экспортировал")).toContain("how much");
    expect(foreignAsEnglish("有多少家中国企业")).toContain("how many");
  });

  it("reads Russian typed in Latin letters only when it is plainly Russian", () => {
    expect(answerId("Shenyan stolica kakoi provincii")).toBe("shenyang-capital-of-liaoning");
    expect(answerId("Vladivostok krupneishii port Dalnego Vostoka?")).toBe("vladivostok-largest-far-east-port");
    expect(foreignAsEnglish("How much did Liaoning export?")).toBe("How much did Liaoning export?");
  });

  it("reads speech verbs in Russian and Chinese word order as the speaker asked, as 'what did Putin say' is", () => {
    expect(foreignAsEnglish("что сказал путин на конференции")).toContain("what putin say");
    expect(foreignAsEnglish("普京在沈阳会议上讲了什么")).toContain("what putin say");
    for (const question of ["что сказал путин на конференции в шэньяне", "что заявил Путин в Шэньяне", "普京在沈阳会议上讲了什么", "普京对中俄合作表示了什么"]) {
      expect(engine.answer(question).abstention, question).toMatchObject({ reason: "slot", miss: { slot: "answer-type", type: "speaker" } });
    }
    expect(answerId("что заявил Си про Хэйлунцзян")).toBe("xi-heilongjiang-pivotal-entryway");
    expect(answerId("习近平说黑龙江要发挥什么作用")).toMatch(/^xi-heilongjiang-/);
  });

  it("reads a figure compared with (больше 40 млрд, 超过200亿, около 1 тыс.) as a bound: the fact's figure answers it", () => {
    expect(answerId("экспорт ляонина в рф больше 40 млрд юаней?")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("экспорт ляонина в россию вырос больше чем на 80%?")).toBe("liaoning-exports-to-russia-growth");
    expect(answerId("около 1 тыс. китайских компаний приехали на выставку в шэньян?")).toBe("chinese-businesses-at-conference");
    expect(answerId("九月中俄贸易额超过200亿美元了吗")).toBe("china-russia-trade-september-value");
    expect(answerId("辽宁对俄出口超过400亿元吗")).toBe("liaoning-exports-to-russia-value");
    expect(engine.answer("辽宁从俄进口超过400亿吗").answered).toBe(false);
    expect(foreignAsEnglish("辽宁对俄出口400多亿吗")).toContain("more than 40 billion");
    expect(foreignAsEnglish("40 с лишним лярдов")).toContain("more than 40 billion");
  });

  it("reads the everyday words of trade chat and news, regional abbreviations and a count split by a measure word", () => {
    expect(answerId("сколько наторговали китай и россия в сентябре")).toBe("china-russia-trade-september-value");
    expect(answerId("самый большой порт на ДВ какой")).toBe("vladivostok-largest-far-east-port");
    expect(answerId("цзилинь может возить товары через владик?")).toBe("jilin-vladivostok-shipping-route");
    expect(answerId("сколько ящиков было в первом составе в россию из шэньяна")).toBe("shenyang-freight-train-hub-opening");
    expect(answerId("中俄9月做了多少生意")).toBe("china-russia-trade-september-value");
    expect(answerId("辽宁新增了多少家俄企")).toBe("russian-companies-in-liaoning");
    expect(foreignAsEnglish("哪两位领导人")).toContain("which leaders");
    expect(foreignAsEnglish("российские компании в Ляонине, сколько их")).toContain("how many company");
    expect(answerId("какой рекорд товарооборота кнр и рф поставили в сентябре")).toMatch(/^china-russia-trade-/);
    expect(answerId("кто из россии приезжал на форум в шэньян")).toBe("russian-attendees-at-conference");
    expect(answerId("dongbei baokuo naxie sheng")).toBe("northeast-china-provinces");
    expect(foreignAsEnglish("торговля с 2022 года")).toContain("since 2022");
    expect(foreignAsEnglish("2022年以来最高")).toContain("since 2022");
    expect(answerId("ляонин сколько продал в россию за 9 мес")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("沈阳的物流枢纽几月开的")).toBe("shenyang-freight-train-hub-opening");
    expect(answerId("习主席对黑龙江提了什么要求")).toMatch(/^xi-heilongjiang-/);
    expect(answerId("насколько взлетел экспорт ляонина в россию")).toBe("liaoning-exports-to-russia-growth");
    expect(answerId("中俄经贸9月飙升到多少")).toBe("china-russia-trade-september-value");
    expect(foreignAsEnglish("где прошла конференция на прошлой неделе")).toContain("where held conference last week");
  });

  it("reads the Russian compass words, alone and in a compound with a slip (северо-вотсок is northeast)", () => {
    expect(foreignAsEnglish("на севере")).toContain("north");
    expect(answerId("Из каких провинций состоит северо-вотсок Китая?")).toBe("northeast-china-provinces");
  });

  it("takes a Latin-letter Russian or pinyin question for Russian or Chinese, so the reply is in that language", () => {
    expect(engine.answer("skolko liaonin eksportiroval v rossiyu").language).toBe("ru");
    expect(engine.answer("liaoning dui eluosi chukou duoshao").language).toBe("zh");
    expect(engine.answer("how much did liaoning export to russia").language).toBe("en");
  });

  it("reads Chinese typed in pinyin as Chinese, words the base knows as they are", () => {
    expect(answerId("shenyang shi liaoning de shenghui ma")).toBe("shenyang-capital-of-liaoning");
    expect(answerId("liaoning dui eluosi chukou duoshao")).toBe("liaoning-exports-to-russia-value");
    expect(engine.answer("putin shuo le shenme").abstention).toMatchObject({ reason: "slot", miss: { slot: "answer-type", type: "speaker" } });
    expect(foreignAsEnglish("Where is Shenyang?")).toBe("Where is Shenyang?");
  });

  it("refuses near misses and off-topic questions in both languages", () => {
    for (const question of ["импорт Ляонина из России за девять месяцев", "товарооборот китая и россии в августе", "какая столица у провинции Цзилинь", "辽宁从俄罗斯进口了多少", "中俄8月贸易额多少", "普京对黑龙江说了什么", "как приготовить борщ", "饺子怎么包", "какая погода завтра в москве"]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
  });

  it("indexes a moderator's new translated keywords and Chinese phrases when facts change", () => {
    const index = FactIndex.build(seedBase());
    const fact = seedBase().facts.find((candidate) => candidate.id === "russian-companies-in-liaoning")!;
    const { ru, "zh-CN": zh } = fact.translations!;
    const changed = { ...fact, translations: { ru: { ...ru!, keywords: [...ru!.keywords, "закрепились"] }, "zh-CN": { ...zh!, keywords: [...zh!.keywords, "扎根辽宁"] } } };
    const next = index.withFacts([changed]);
    expect(index.documentFrequency("закреп")).toBe(0);
    expect(next.documentFrequency("закреп")).toBe(1);
    expect(foreignAsEnglish("俄企扎根辽宁", next.phrases).split(" ")).toContain("扎根辽宁");
  });
});

describe("names the base does not know, in Russian and Chinese", () => {
  it.each([
    ["сколько харбин экспортировал в россию", "harbin"],
    ["какой экспорт у даляня в рф", "dalian"],
    ["экспорт ляонина в казахстан за девять месяцев", "kazakhstan"],
    ["что газпром подписал на конференции", "gazprom"],
    ["大连对俄罗斯出口增长了多少", "dalian"],
    ["日本对俄出口多少", "japan"],
    ["华为在沈阳会议上签了什么协议", "huawei"],
  ])("a place, country or company of its lists: %s", (question, name) => {
    expect(unknownName(question)).toBe(name);
  });

  it("a capitalised Russian word inside a sentence that nothing known is close to", () => {
    expect(unknownName("сколько контейнеров отправили в Кяхту")).toBe("Кяхту");
    expect(unknownName("что подписал Сибнефтегаз на конференции в Шэньяне")).toBe("Сибнефтегаз");
    expect(unknownName("Кяхта экспорт в Россию")).toBeUndefined();
    expect(answerId("когда открылся хаб для поездов Китай-Европа в Шэньяне")).toBe("shenyang-freight-train-hub-opening");
  });

  it("Chinese characters that spell a foreign name, and a word before 市, 省 or 公司", () => {
    expect(unknownName("彼尔姆的中欧班列枢纽什么时候开通")).toBe("彼尔姆");
    expect(unknownName("鸡西市对俄出口多少")).toBe("鸡西市");
    expect(answerId("吉林的货走海参崴能省钱省时间吗")).toBe("jilin-route-cuts-cost-and-time");
  });
});

describe("everyday words, chat and typos in Russian and Chinese", () => {
  it.each([
    ["какие договоры заключили китайские и российские фирмы", "conference-cooperation-agreements"],
    ["короче скок ляонин экспортнул в рф", "liaoning-exports-to-russia-value"],
    ["сколько ляонин экспотр в россию", "liaoning-exports-to-russia-value"],
    ["辽宁卖给俄罗斯的东西总共多少钱", "liaoning-exports-to-russia-value"],
    ["习近平跟普京上周在哪碰的面", "xi-putin-beijing-meeting"],
    ["Какова цель нового маршрута через Владивосток?", "jilin-route-cuts-cost-and-time"],
    ["习近平对黑龙江提出了什么要求", "xi-heilongjiang-pivotal-entryway"],
    ["了宁对俄出口增速咋样，翻倍了没", "liaoning-exports-to-russia-growth"],
    ["吉林的货绕道俄罗斯港口去华东图啥，有啥好处", "jilin-route-cuts-cost-and-time"],
    ["遼寧今年進來了多少家俄羅斯企業？", "russian-companies-in-liaoning"],
    ["中俄企业在东北的会议上签了好几份合作协议，是真的吗？", "conference-cooperation-agreements"],
    ["东北到底是指哪几个省啊", "northeast-china-provinces"],
    ["为啥现在东北对中俄贸易这么关键", "northeast-china-trade-hub"],
  ])("%s -> %s", (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  it("reads growth compared with last year as a comparison, not as the period asked", () => {
    expect(answerId("рост экспорта ляонина в рф по сравнению с прошлым годом")).toBe("liaoning-exports-to-russia-growth");
    expect(answerId("辽宁对俄出口较去年同期增长多少")).toBe("liaoning-exports-to-russia-growth");
    expect(answerId("экспорт ляонина в рф насколько процентов подрос к прошлому году?")).toBe("liaoning-exports-to-russia-growth");
  });

  it("counts a Chinese character it cannot read as half a word it does not know, so a question about something else is refused", () => {
    for (const question of ["比特币还能涨吗", "怎么学俄语", "美元兑人民币汇率多少"]) expect(engine.answer(question).answered, question).toBe(false);
  });

  it("reads a question in Traditional characters through OpenCC", () => {
    expect(answerId("中俄貿易九月創新高了嗎")).toBe("china-russia-trade-highest-since-feb-2022");
    expect(answerId("遼寧對俄羅斯出口總額達到多少億元")).toBe("liaoning-exports-to-russia-value");
  });

  it("reads a glossary phrase only where a word starts: 认为什么 asks what, not why", () => {
    expect(foreignAsEnglish("他们认为什么重要")).not.toContain("why");
    expect(foreignAsEnglish("为什么")).toContain("why");
  });
});

describe("round 3 of Russian reading", () => {
  it("reads the adjective of a place name as the place, derived from its spellings: шэньянский, цзилиньский, хабаровский", () => {
    expect(foreignAsEnglish("ляонинские компании на шэньянской конференции")).toBe(" liaoning company shenyang conference ");
    expect(foreignAsEnglish("цзилиньский груз через владивостокский порт")).toContain("jilin goods via vladivostok port");
    expect(answerId("сколько российских компаний открылось в ляонинской провинции")).toBe("russian-companies-in-liaoning");
    expect(unknownName("сколько составил хабаровский экспорт в Россию")).toBe("khabarovsk");
  });

  it("reads туда, сюда, наоборот and всё-таки as asking nothing", () => {
    expect(foreignAsEnglish("наоборот, туда и сюда всё-таки").trim()).toBe(",");
    expect(answerId("а туда вообще сколько компаний из России пришло, в Ляонин?")).toBe("russian-companies-in-liaoning");
  });

  it("reads policy news: наращивать, трансграничное сообщение, вопреки, and сообщение as a report after по", () => {
    expect(answerId("Китай наращивает трансграничное сообщение с Россией?")).toBe("china-push-for-connectivity-with-russia");
    expect(answerId("Китай наращивал сотрудничество с Россией вопреки Западу?")).toBe("china-push-for-connectivity-with-russia");
    expect(foreignAsEnglish("по сообщению СМИ").trim()).toBe("according to media");
    expect(answerId("Китай расширяет связи с Россией несмотря на давление Запада?")).toBe("china-push-for-connectivity-with-russia");
    expect(answerId("развитие транспортного сообщения между Китаем и Россией")).toBe("china-push-for-connectivity-with-russia");
  });

  it("reads с января alone as this year so far, not as a period the facts must state", () => {
    expect(answerId("сколько Ляонин экспортировал в Россию с января?")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("How much did Liaoning export to Russia since January?")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("How much did Liaoning export to Russia in January?")).toBeUndefined();
  });

  it("leaves out a Russian place the base does not know when it is compared by size with one it knows, not a Chinese one", () => {
    expect(answerId("Владивосток или Находка больше?")).toBe("vladivostok-largest-far-east-port");
    expect(answerId("какой порт крупнее: Находка или Владивосток?")).toBe("vladivostok-largest-far-east-port");
    expect(unknownName("Находка или Владивосток, где больше населения?")).toBe("nakhodka");
    expect(unknownName("Находка больше?")).toBe("nakhodka");
    expect(unknownName("Владивосток или Далянь больше?")).toBe("dalian");
  });

  it("answers who organised the conference only with the fact saying who held it, in Russian and English", () => {
    for (const question of ["кто выступил организатором конференции в Шэньяне", "кто был организатором конференции", "who was the organiser of the conference?", "who organised the conference"]) {
      expect(answerId(question), question).toBe("xi-putin-shenyang-conference");
    }
    for (const question of ["кто организатор конференции, на которой подписали соглашения", "who was the organiser of the conference where agreements were signed", "What was signed at the Shenyang conference?"]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
  });
});

describe("Russian typed in Latin letters", () => {
  it("writes chat transliteration back in Cyrillic", () => {
    expect(["skolko", "rossiiskih", "eksport", "Shenyane", "kakoy", "proshloi", "vstrechalis"].map(cyrillicOf)).toEqual([
      "сколко", "российских", "экспорт", "шеняне", "какой", "прошлой", "встречалис",
    ]);
  });

  it("reads it as Russian, the soft signs chat leaves out included, and keeps the names the base knows", () => {
    expect(answerId("skolko rossiiskih kompanii otkrylos v Liaonine")).toBe("russian-companies-in-liaoning");
    expect(answerId("gde vstrechalis Si i Putin na proshloi nedele")).toBe("xi-putin-beijing-meeting");
    expect(answerId("Vladivostok samyi bolshoi port na Dalnem Vostoke?")).toBe("vladivostok-largest-far-east-port");
    expect(unknownName("skolko eksportiroval Harbin v Rossiyu")).toBe("harbin");
  });

  it("reads it as Russian when a known name carries a case ending, with no grammar word: 'glavnyi gorod' is the capital", () => {
    expect(answerId("Shenyan glavnyi gorod Lyaonina?")).toBe("shenyang-capital-of-liaoning");
    expect(answerId("Lyaonine kompanii rossiiskie")).toBe("russian-companies-in-liaoning");
  });

  it("reads a one-letter preposition (v) as Russian, главный город in either order as the capital, and counts English nouns it keeps", () => {
    expect(answerId("Lyaonin eksport v Rossiyu")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("kakoi gorod glavnyi v Lyaonine")).toBe("shenyang-capital-of-liaoning");
    expect(answerId("skolko rossiiskih firm v Lyaonine")).toBe("russian-companies-in-liaoning");
    expect(cyrillicOf("krupneishii")).toBe("крупнейший");
    expect(answerId("vladivostokskii port krupneishii?")).toBe("vladivostok-largest-far-east-port");
  });

});

describe("counts and halves of the year", () => {
  it("reads the country before a Chinese count as what is counted: how many Russian companies, not how many companies", () => {
    for (const question of ["俄罗斯去了多少家企业参会", "参会的俄罗斯企业有多少家"]) expect(engine.answer(question).abstention, question).toMatchObject({ reason: "slot" });
    expect(answerId("中国去了多少家企业参会")).toBe("chinese-businesses-at-conference");
    expect(answerId("辽宁有多少家俄罗斯企业")).toBe("russian-companies-in-liaoning");
  });

  it("reads 上半年 and первое полугодие as January through June, a period the nine-month figure does not state", () => {
    expect(foreignAsEnglish("辽宁上半年对俄出口多少")).toContain("first half");
    expect(foreignAsEnglish("в первом полугодии")).toContain("first half");
    for (const question of ["辽宁上半年对俄出口多少", "экспорт ляонина в первом полугодии", "liaoning exports to russia in h1"]) {
      expect(engine.answer(question).abstention, question).toMatchObject({ reason: "slot" });
    }
  });
});

describe("Chinese verbs that depend on what they are said of", () => {
  it("reads 开 of a meeting as held, of a hub or a line as opened", () => {
    expect(answerId("这个中俄地方会议在哪个城市开的")).toBe("xi-putin-shenyang-conference");
    expect(answerId("中欧班列枢纽啥时候开的")).toBe("shenyang-freight-train-hub-opening");
  });
});

describe("Russian phrases", () => {
  it("reads направления бизнеса (lines of business) as industries, not as a direction", () => {
    expect(answerId("по каким направлениям бизнеса подписаны соглашения")).toBe("conference-agreement-industries");
    expect(foreignAsEnglish("направления сотрудничества")).toContain("industries");
    expect(foreignAsEnglish("в каком направлении")).not.toContain("industries");
  });

  it("reads после начала (after the start of) as since, a point in time and not something that started", () => {
    expect(foreignAsEnglish("после начала сво")).toContain("since");
    expect(foreignAsEnglish("интерес начала проявлять")).not.toContain("since");
    expect(answerId("кнр и рф сблизились после начала сво?")).toBe("china-push-for-connectivity-with-russia");
  });
});

describe("Chinese slips, and translations as the index reads them", () => {
  it("reads characters no glossary or fact knows that sound like a glossary word as that word, a pinyin keyboard's slip", () => {
    expect(answerId("东北包阔哪几个省份？")).toBe("northeast-china-provinces");
    expect(answerId("东北为什么成了中俄双边贸易的书纽？")).toBe("northeast-china-trade-hub");
    expect(unknownName("大连港出口多少")).toBe("dalian");
    for (const question of ["俄罗斯有合作意愿吗", "这次会议的背景是什么", "中俄贸易有什么事件", "管道运了多少"]) {
      expect(answerId(question), `${question}: a word the segmenter knows is no slip`).toBeUndefined();
    }
  });

  it("indexes of each translation the words its reading leaves Russian or Chinese, found without assembling the reading", () => {
    const texts = seedBase().facts.flatMap((fact) => Object.values(fact.translations ?? {}).flatMap((translation) => [translation.statement, ...translation.questions]));
    for (const text of texts) {
      const read = foreignAsEnglish(text).split(" ").filter((word) => /[\p{Script=Cyrillic}\p{Script=Han}]/u.test(word));
      expect(foreignRuns(text).flatMap((run) => untranslatedWords(run, phrases)), text).toEqual(read);
    }
    expect(texts.length).toBeGreaterThan(80);
  });
});
