import { describe, expect, it } from "vitest";
import { generateFactBase } from "../../bench/generate-facts.js";
import { generateForeignQuestions } from "../../bench/generate-foreign-questions.js";
import { seedBase } from "../support/seed.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

describe("the bench's mixed-language question stream", () => {
  const questions = generateForeignQuestions(generateFactBase(2_000, 20_240_601), 900, 11);

  it("takes Russian, Chinese and mixed questions in turn, each written in its scripts", () => {
    expect(questions.map((question) => question.language).slice(0, 6)).toEqual(["ru", "zh", "mixed", "ru", "zh", "mixed"]);
    for (const { text, language, offTopic } of questions) {
      if (language === "ru") expect(CYRILLIC.test(text) && !HAN.test(text), text).toBe(true);
      if (language === "zh") expect(HAN.test(text) && !CYRILLIC.test(text), text).toBe(true);
      if (language === "mixed" && !offTopic) expect(LATIN.test(text) && (CYRILLIC.test(text) || HAN.test(text)), text).toBe(true);
    }
  });

  it("is about a fifth off-topic in each language", () => {
    for (const language of ["ru", "zh", "mixed"]) {
      const of = questions.filter((question) => question.language === language);
      const share = of.filter((question) => question.offTopic).length / of.length;
      expect(share, language).toBeGreaterThan(0.12);
      expect(share, language).toBeLessThan(0.28);
    }
  });

  it("never asks a fact's own example questions, in any language", () => {
    const base = seedBase();
    const examples = new Set(base.facts.flatMap((fact) => [...fact.questions, ...Object.values(fact.translations ?? {}).flatMap((translation) => translation?.questions ?? [])]));
    expect(examples.size).toBeGreaterThan(50);
    const asked = generateForeignQuestions(base, 600, 3).map((question) => question.text.replace(/^(?:кстати, |слушайте, |а |подскажите, |@bot |请问|想问下，|大家好，)/u, ""));
    expect(asked.filter((text) => [...examples].some((example) => text.startsWith(example.replace(/[?？]$/u, ""))))).toEqual([]);
  });

  it("is the same stream for the same seed", () => {
    expect(generateForeignQuestions(seedBase(), 30, 5)).toEqual(generateForeignQuestions(seedBase(), 30, 5));
  });
});
