import { describe, expect, it } from "vitest";
import { FactIndex } from "../../src/knowledge/fact-index.js";
import { foreignAsEnglish } from "../../src/knowledge/text/foreign.js";
import { seedBase, seedEngine } from "../support/seed.js";

const engine = seedEngine();
const phrases = FactIndex.build(seedBase()).phrases;
const answerId = (question: string) => {
  const answer = engine.answer(question);
  return answer.answered ? answer.results[0]?.fact.id : undefined;
};

describe("reading Russian and Chinese", () => {
  it("reads Russian word forms through the stemmer: Ляонин, Ляонина, Ляонину; экспорт, экспорта", () => {
    for (const question of ["Сколько Ляонин экспортировал в Россию?", "каков объём экспорта Ляонина в Россию", "какой экспорт у Ляонину в Россию в юанях"]) {
      expect(answerId(question), question).toBe("liaoning-exports-to-russia-value");
    }
  });

  it("reads Chinese words the segmenter alone splits (习近平, 海参崴, the base's 中欧班列) and Traditional characters", () => {
    expect(foreignAsEnglish("沈阳中欧班列新枢纽", phrases).split(" ")).toContain("中欧班列");
    expect(foreignAsEnglish("习近平说了什么", phrases)).toContain("xi");
    expect(foreignAsEnglish("吉林的货走海参崴", phrases)).toContain("vladivostok");
    expect(answerId("瀋陽是哪個省的省會")).toBe("shenyang-capital-of-liaoning");
  });

  it("understands figures written with 亿, 万, млрд and Chinese numerals", () => {
    expect(foreignAsEnglish("出口额是426.4亿元吗", phrases)).toContain("42.64 billion");
    expect(foreignAsEnglish("有四十家俄企", phrases)).toContain("40");
    expect(foreignAsEnglish("1到9月", phrases)).toContain("january through september");
    expect(answerId("辽宁对俄出口额是426.4亿元吗")).toBe("liaoning-exports-to-russia-value");
    expect(answerId("кстати сколько млрд долларов экспорт ляонина в рф")).toBe("liaoning-exports-to-russia-value");
  });

  it("asks how many when сколько or 多少 counts something, how much otherwise", () => {
    expect(foreignAsEnglish("сколько российских компаний", phrases)).toContain("how many");
    expect(foreignAsEnglish("сколько ляонин экспортировал", phrases)).toContain("how much");
    expect(foreignAsEnglish("有多少家中国企业", phrases)).toContain("how many");
  });

  it("reads Russian typed in Latin letters only when it is plainly Russian", () => {
    expect(answerId("Shenyan stolica kakoi provincii")).toBe("shenyang-capital-of-liaoning");
    expect(foreignAsEnglish("How much did Liaoning export?", phrases)).toBe("How much did Liaoning export?");
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
