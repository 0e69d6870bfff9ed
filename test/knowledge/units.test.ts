import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/knowledge/engine.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { factAnswerTypes, normaliseText } from "../../src/knowledge/text/analyze.js";
import { seedBase } from "../support/seed.js";

/** Facts as wire copy writes their units: abbreviated scales, measures, "per cent" spelled out. */
const UNIT_FACTS: Record<string, string> = {
  "crude-oil-supplied": "Russia supplied 86.2 mln tonnes of crude oil to Kazakhstan in 2022.",
  "gas-pipeline-volume": "The Power of Siberia pipeline carried 22.7 bcm of gas to Mongolia in 2023.",
  "oil-barrels-a-day": "Rosneft shipped 1.5 million barrels of oil a day to Tianjin.",
  "ruble-settlements": "Settlements in rubles totalled 1.2 trillion roubles at Sberbank.",
  "grain-share": "Grain exports from Omsk rose 14.5 per cent in the first half.",
  "bond-issue": "Gazprom sold bonds worth $1.2 bln to Hong Kong investors.",
};

function unitEngine() {
  const base = seedBase();
  const template = base.facts[0]!;
  const facts: Fact[] = Object.entries(UNIT_FACTS).map(([id, statement]) => ({ ...template, id, statement, quote: statement, entities: [], keywords: ["wire"], aliases: [], questions: [], period: null }));
  return buildEngine({ ...base, facts: [...base.facts, ...facts] });
}

describe("units as wire copy writes them", () => {
  it("spells abbreviated scales, bcm and 'per cent' the way facts are indexed, with single spaces", () => {
    expect(normaliseText("86.2 mln tonnes")).toBe("86.2 million tonnes");
    expect(normaliseText("$1.2 bln")).toContain("1.2 billion dollar");
    expect(normaliseText("$5.83 billion")).toContain("5.83 billion dollar");
    expect(normaliseText("1.2 trln roubles")).toBe("1.2 trillion roubles");
    expect(normaliseText("22.7 bcm of gas")).toBe("22.7 billion cubic meters of gas");
    expect(normaliseText("rose 14.5 per cent")).toBe("rose 14.5 percent");
  });

  it.each([
    ["Russia supplied 86.2 mln tonnes of crude oil.", "amount"],
    ["The port handled 285,000 TEUs.", "amount"],
    ["It shipped 1.5 million barrels a day.", "amount"],
    ["The pipeline carried 22 billion cubic metres.", "amount"],
    ["Grain exports rose 14.5 per cent.", "change"],
  ])("reads %s as stating %s", (statement, type) => {
    expect(factAnswerTypes(normaliseText(statement)).has(type as "amount" | "change")).toBe(true);
  });

  it.each([
    ["How many tonnes of crude oil did Russia supply to Kazakhstan?", "crude-oil-supplied"],
    ["How much crude oil did Russia supply to Kazakhstan in 2022?", "crude-oil-supplied"],
    ["How many cubic metres of gas did the Power of Siberia carry to Mongolia?", "gas-pipeline-volume"],
    ["How many barrels of oil a day did Rosneft ship to Tianjin?", "oil-barrels-a-day"],
    ["How much were settlements in roubles at Sberbank?", "ruble-settlements"],
    ["By how many percent did grain exports from Omsk rise?", "grain-share"],
    ["How much were the Gazprom bonds worth?", "bond-issue"],
  ])("answers %s", (question, id) => {
    const answer = unitEngine().answer(question);
    expect(answer.abstention).toBeUndefined();
    expect(answer.results[0]?.fact.id).toBe(id);
  });
});
