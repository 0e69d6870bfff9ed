import { describe, expect, it } from "vitest";
import { contentWords, factAnswerTypes, normaliseText, questionAnswerType } from "../../src/knowledge/text/analyze.js";

describe("normaliseText", () => {
  it("spells figures the way facts are indexed", () => {
    expect(normaliseText("$5.83bn")).toContain("5.83 billion dollar");
    expect(normaliseText("3,000 containers")).toContain("3000 containers");
    expect(normaliseText("up 82.3%")).toContain("82.3 percent");
  });

  it("drops possessives, accents, curly quotes and control characters", () => {
    expect(contentWords("Liaoning’s café\u0000exports")).toEqual(["liaoning", "cafe", "exports"]);
  });

  it("drops Discord mentions and custom emoji", () => {
    expect(contentWords("@everyone <@123456789012345678> <@&42> <#7> <:pog:99> liaoning")).toEqual(["liaoning"]);
  });

  it("joins short hyphenated prefixes and splits compounds", () => {
    expect(contentWords("e-commerce China-Europe")).toEqual(["ecommerce", "china", "europe"]);
  });
});

describe("contentWords", () => {
  it("drops stopwords and maps synonyms to one word", () => {
    expect(contentWords("How many Chinese firms inked deals?")).toEqual(["china", "company", "sign", "agreement"]);
  });

  it("returns nothing for emoji or punctuation only", () => {
    expect(contentWords("😀 🚂 ?!")).toEqual([]);
  });
});

describe("answer types", () => {
  it.each([
    ["How much did Liaoning export to Russia?", "amount"],
    ["How many containers were on the train?", "count"],
    ["By how much did exports grow?", "change"],
    ["When did the hub open?", "date"],
    ["Which city hosted the conference?", "place"],
    ["Why is the northeast important?", "reason"],
    ["Liaoning exports", undefined],
  ])("%s -> %s", (question, type) => {
    expect(questionAnswerType(normaliseText(question))).toBe(type);
  });

  it("reads what a statement can answer", () => {
    const types = factAnswerTypes(normaliseText("Liaoning's exports reached 42.64 billion yuan ($5.83 billion) in September."));
    expect(types.has("amount")).toBe(true);
    expect(types.has("date")).toBe(true);
    expect(types.has("change")).toBe(false);
  });
});
