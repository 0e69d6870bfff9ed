import { describe, expect, it } from "vitest";
import { generateFactBase } from "../../bench/generate-facts.js";
import { placeSpelling } from "../../bench/place-names.js";
import { validateFactBase } from "../../src/knowledge/validate.js";

const base = generateFactBase(3_000, 20_240_601);

describe("generated facts for the bench", () => {
  it("carry Russian and Chinese translations that pass the fact base's validation: every figure kept, names spelled the base's way", () => {
    expect(base.facts.every((fact) => fact.translations?.ru && fact.translations["zh-CN"])).toBe(true);
    expect(validateFactBase(base).problems).toEqual([]);
  });

  it("write figures as each language does: a Russian decimal comma and thousands space, Chinese 亿 for billions", () => {
    const turnover = base.facts.find((fact) => /^Trade between .* billion yuan/.test(fact.statement) && !/\.0 billion/.test(fact.statement))!;
    const figure = /(\d+\.\d) billion yuan/.exec(turnover.statement)![1]!;
    expect(turnover.translations!.ru!.statement).toContain(`${figure.replace(".", ",")} млрд юаней`);
    expect(turnover.translations!["zh-CN"]!.statement).toContain(`${figure.replace(".", "")}亿元`);
    const trains = base.facts.find((fact) => /^\d{1,2},\d{3} freight trains/.test(fact.statement))!;
    const count = /^([\d,]+)/.exec(trains.statement)![1]!;
    expect(trains.translations!.ru!.statement).toContain(count.replace(",", " "));
    expect(trains.translations!["zh-CN"]!.statement).toContain(count.replace(",", ""));
  });

  it("spell each place one way in each language, the same in every fact, no two places alike", () => {
    const places = new Set(base.facts.flatMap((fact) => fact.entities.filter((entity) => !entity.includes(" "))));
    const spellings = [...places].map(placeSpelling);
    expect(new Set(spellings.map((place) => place.ru)).size).toBe(places.size);
    expect(new Set(spellings.map((place) => place.zh)).size).toBe(places.size);
    for (const fact of base.facts.slice(0, 500)) {
      for (const place of fact.entities.filter((entity) => places.has(entity) && new RegExp(`\\b${entity}\\b`).test(fact.statement))) {
        expect(fact.translations!.ru!.statement, fact.id).toContain(placeSpelling(place).ru);
        expect(fact.translations!["zh-CN"]!.statement, fact.id).toContain(placeSpelling(place).zh);
      }
      for (const [i, keyword] of fact.keywords.entries()) {
        if (!places.has(keyword)) continue;
        expect(fact.translations!.ru!.keywords[i]).toBe(placeSpelling(keyword).ru);
        expect(fact.translations!["zh-CN"]!.keywords[i]).toBe(placeSpelling(keyword).zh);
      }
    }
  });

  it("write every name in the translation's own script: no English left in a Russian or Chinese statement", () => {
    for (const fact of base.facts) {
      expect(fact.translations!.ru!.statement, fact.id).not.toMatch(/[A-Za-z]/);
      expect(fact.translations!["zh-CN"]!.statement.replace("LED", ""), fact.id).not.toMatch(/[A-Za-z]/);
    }
  });

  it("spell a generated name that is a real place as the base spells it", () => {
    expect(placeSpelling("Jilin")).toEqual({ english: "Jilin", ru: "Цзилинь", zh: "吉林" });
    expect(placeSpelling("Zhoushan")).toEqual({ english: "Zhoushan", ru: "Чжоушань", zh: "舟山" });
  });
});
