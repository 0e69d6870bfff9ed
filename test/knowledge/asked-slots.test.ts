import { describe, expect, it } from "vitest";
import type { Abstention } from "../../src/knowledge/abstention.js";
import { askedTraders } from "../../src/knowledge/slots.js";
import { MAX_QUESTION_CHARS } from "../../src/knowledge/text/analyze.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { seedEngine, seedFact } from "../support/seed.js";

const engine = seedEngine();
const answerId = (question: string) => {
  const answer = engine.answer(question);
  return answer.answered ? answer.results[0]?.fact.id : undefined;
};
const abstention = (question: string): Abstention | undefined => {
  const answer = engine.answer(question);
  expect(answer.answered, question).toBe(false);
  return answer.abstention;
};

describe("chat, typos and names", () => {
  it.each([
    ["wat was china russia trade in septmber", "china-russia-trade-september-value"],
    ["how many russian firms set up shop in liaoning this yr", "russian-companies-in-liaoning"],
    ["did liaoning sell more 2 russia this yr or nah", "liaoning-exports-to-russia-value"],
    ["How much did Liaonnig export to Rusia?", "liaoning-exports-to-russia-value"],
    ["How many Chinesse businesses came?", "chinese-businesses-at-conference"],
    ["Where did Xi and Puttin meet?", "xi-putin-beijing-meeting"],
    ["Which porvinnces are in north east China?", "northeast-china-provinces"],
    ["is china pushing crossborder connectivity w russia", "china-push-for-connectivity-with-russia"],
    ["was it like eight hundred chinese businesses at that thing", "chinese-businesses-at-conference"],
    ["how many bn rmb did liaoning sell 2 russia ytd thru q3", "liaoning-exports-to-russia-value"],
  ])("%s -> %s", (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  it("picks the fact that states what is asked: an amount over a growth rate, and the other way round", () => {
    expect(answerId("how much did liaoning export 2 russia")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("liaoning exports 2 russia up by wat %")).toBe("liaoning-exports-to-russia-growth");
  });

  it("abstains on a capitalised name nothing known is close to, and says which", () => {
    expect(abstention("How much did Harbin export to Russia?")).toEqual({ reason: "unknown-name", name: "harbin" });
  });

  it("answers to a transliteration a moderator lists as an alias", () => {
    const fact: Fact = { ...seedFact("vladivostok-largest-far-east-port"), aliases: ["Haishenwai", "Wladiwostok"], revision: 2 };
    const question = "Is Wladiwostok the largest port in the Russian Far East?";
    expect(engine.answer(question)).toMatchObject({ answered: false, abstention: { reason: "unknown-name", name: "wladiwostok" } });
    const answer = engine.withFacts([fact]).answer(question);
    expect(answer.answered).toBe(true);
    expect(answer.results[0]?.fact.id).toBe(fact.id);
  });
});

describe("the asked slot", () => {
  it.each([
    ["How much did Jilin export to Russia?", "word"],
    ["liaoning imports from russia how much", undefined],
    ["what did putin say at the conference", "answer-type"],
    ["What did Putin say in September?", undefined],
    ["What did Putin say about Heilongjiang in September?", "name"],
    ["how many containers left shenyang in april", undefined],
    ["How many Russian businesses attended the Shenyang conference?", "counted"],
    ["What were Liaoning's exports to Russia in 2021?", "period"],
    ["What was the total China–Russia trade for the whole of last year?", "period"],
    ["How much did China trade with Ukraine in September?", "name"],
    ["how much did china export 2 russia in sept", "name"],
    ["What is the largest port in China?", "word"],
    ["how many containers a yr does the shenyang freight hub handle", "period"],
    ["Why is Vladivostok the largest port in the Russian Far East?", "answer-type"],
    ["when's the next china russia regional conference gonna be", "period"],
    ["когда следующая конференция в шэньяне", undefined],
    ["下一届中俄地区会议啥时候在开", "period"],
    ["how much tonnes did liaoning export to russia", "word"],
    ["сколько тонн экспортировал ляонин в россию", "word"],
    ["辽宁前九个月对俄出口了多少吨货", "word"],
    ["会上一共签了几份协议", "counted"],
    ["so whats the total china russia trade for the whole yr", "period"],
    ["中俄全年贸易额多少", "period"],
    ["what products were in those 55 containers", "word"],
  ])("%s: abstains (%s)", (question, slot) => {
    const why = abstention(question);
    if (slot !== undefined) expect(why).toMatchObject({ reason: "slot", miss: { slot } });
  });

  it("still answers when the fact states the slot", () => {
    expect(answerId("What did Xi Jinping say in September?")).toMatch(/^xi-heilongjiang/);
    expect(answerId("how many containers left shenyang in march")).toBe("shenyang-freight-train-hub-opening");
    expect(answerId("Who reported the September trade figures?")).toMatch(/^china-russia-trade/);
    expect(answerId("what did chinese customs announce about jilin")).toBe("jilin-vladivostok-shipping-route");
    expect(answerId("why does jilin ship cargo via vladivostok")).toBe("jilin-route-cuts-cost-and-time");
  });
});

describe("language and length", () => {
  it("reads Russian, Chinese and mixed questions, and tells which language each is in", () => {
    for (const [question, language] of [["Сколько Ляонин экспортировал в Россию?", "ru"], ["辽宁对俄罗斯出口多少", "zh"], ["Liaoning экспорт в Россию?", "ru"], ["辽宁 exports 多少", "zh"]] as const) {
      const answer = engine.answer(question);
      expect(answer, question).toMatchObject({ answered: true, language });
      expect(answer.results[0]?.fact.id, question).toMatch(/^liaoning-exports-to-russia/);
    }
    expect(abstention("Сколько Хэйлунцзян экспортировал в Россию?")).toMatchObject({ reason: "slot", miss: { slot: "word", word: "export" } });
  });

  it("reads no further than MAX_QUESTION_CHARS, however long the question", () => {
    const question = "How much did Liaoning export to Russia?";
    const padded = `${question}${" ".repeat(MAX_QUESTION_CHARS)}`;
    for (const tail of ["x".repeat(3_000_000), " Harbin".repeat(400_000)]) {
      const answer = engine.answer(padded + tail);
      expect(answer.answered).toBe(true);
      expect(answer.results.map((r) => r.fact.id)).toEqual(engine.answer(question).results.map((r) => r.fact.id));
    }
  });
});

describe("the partner a trade question names", () => {
  it("takes a name before 'war' for a time, not whom China trades with", () => {
    expect(answerId("was sept the highest china russia trade since the ukraine war started")).toBe("china-russia-trade-highest-since-feb-2022");
    expect(abstention("How much does China trade with Ukraine?")).toMatchObject({ reason: "slot", miss: { slot: "name", name: "ukraine" } });
  });
});

describe("the traders a question names around its trade word", () => {
  const names = new Set(["china", "russia", "ukraine", "liaoning"]);

  it("reads the names on either side of the trade word, whatever the word order", () => {
    expect([...askedTraders("trade between china and ukraine", names)]).toEqual(["china", "ukraine"]);
    expect([...askedTraders("china ukraine trade volume", names)]).toEqual(["ukraine", "china"]);
    expect([...askedTraders("how much did liaoning export to russia", names)]).toEqual(["liaoning", "russia"]);
  });

  it("stops at the first other word, and takes a name before 'war' for a time", () => {
    expect([...askedTraders("is china russia trade the highest since the ukraine war started", names)]).toEqual(["russia", "china"]);
    expect([...askedTraders("china russia trade since the ukraine conflict", names)]).toEqual(["russia", "china"]);
    expect([...askedTraders("what did ukraine say about trade", names)]).toEqual([]);
  });

  it.each([
    "trade between china and ukraine",
    "China Ukraine trade volume",
    "какой товарооборот между Китаем и Украиной",
    "торговля Китая с Украиной",
    "中国和乌克兰的贸易",
    "乌克兰和中国贸易额",
  ])("a fact about China–Russia trade does not answer %s", (question) => {
    expect(abstention(question), question).toMatchObject({ reason: "slot", miss: { slot: "name" } });
  });

  it.each([
    ["trade between russia and china in september", "china-russia-trade-september-value"],
    ["товарооборот России и Китая в сентябре", "china-russia-trade-september-value"],
    ["俄罗斯和中国的贸易额九月是多少", "china-russia-trade-september-value"],
    ["中俄两国九月贸易额", "china-russia-trade-september-value"],
    ["liaoning russia exports how much", "liaoning-exports-to-russia-value"],
  ])("the same traders in another order still answer: %s", (question, id) => {
    expect(answerId(question)).toBe(id);
  });
});

describe("a partner the question names with a preposition", () => {
  it("is not answered by a fact that speaks of no trade, though it names the country", () => {
    for (const question of ["china trade with ukraine", "what is china trade with ukraine", "hows chinas trade with ukraine going"]) {
      expect(abstention(question), question).toMatchObject({ reason: "slot", miss: { slot: "name", name: "ukraine" } });
    }
    expect(answerId("Beyond trade, what has China been pushing for with Russia since the invasion of Ukraine?")).toBe("china-push-for-connectivity-with-russia");
  });
});
