import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/knowledge/schema.js";
import { shiftDecimal } from "../../src/knowledge/text/decimal-shift.js";
import { translatedFigures } from "../../src/knowledge/validate-translations.js";
import { validateFactBase } from "../../src/knowledge/validate.js";
import { seedBase } from "../support/seed.js";

const EXPORTS = "Liaoning's exports to Russia reached 42.64 billion yuan ($5.83 billion) in the first nine months.";
const RU = { statement: "Экспорт Ляонина в Россию за первые девять месяцев достиг 42,64 млрд юаней (5,83 млрд долларов).", keywords: ["экспорт"], aliases: [], questions: [] };
const ZH = { statement: "辽宁前九个月对俄出口额达426.4亿元（58.3亿美元）。", keywords: ["出口"], aliases: [], questions: [] };

function problemsWith(translations: Fact["translations"]) {
  const base = seedBase();
  const fact = base.facts.find((candidate) => candidate.id === "liaoning-exports-to-russia-value")!;
  const facts = base.facts.map((candidate) => (candidate === fact ? { ...fact, statement: EXPORTS, translations } : candidate));
  return validateFactBase({ ...base, facts }).problems;
}

describe("translation validation", () => {
  it("accepts figures written the locale's way: 426.4亿 is 42.64 billion, 82,3 is 82.3", () => {
    expect(problemsWith({ ru: RU, "zh-CN": ZH })).toEqual([]);
    expect(translatedFigures("增长82.3%，达1.5万家", "zh-CN")).toEqual(new Set(["15000", "82.3"]));
  });

  it("names the figure a translation changed", () => {
    const problems = problemsWith({ "zh-CN": { ...ZH, statement: ZH.statement.replace("426.4亿", "42.6亿") } });
    expect(problems).toEqual([{ subject: "fact liaoning-exports-to-russia-value", field: "translations.zh-CN.statement", reason: "figure 42.64 of the statement not in the translation" }]);
  });

  it("holds names to the base's spelling, other spellings belong in aliases", () => {
    const traditional = problemsWith({ "zh-CN": { ...ZH, statement: ZH.statement.replace("辽宁", "遼寧") } });
    expect(traditional.map((problem) => problem.reason)).toEqual(['writes "遼寧": the base spells liaoning "辽宁" (list "遼寧" in aliases)']);
    const missing = problemsWith({ ru: { ...RU, statement: RU.statement.replace("Ляонина", "провинции") } });
    expect(missing.map((problem) => problem.reason)).toEqual(['does not name liaoning as "Ляонин"']);
  });

  it("rejects a translation that is not a statement with keywords, as a schema problem", () => {
    const problems = problemsWith({ ru: { ...RU, keywords: [] } });
    expect(problems.map((problem) => problem.field)).toContain("translations.ru.keywords");
  });

  it("shifts a decimal figure without float error", () => {
    expect(["426.4", "58.3", "1.5", "3"].map((value) => shiftDecimal(value, -1))).toEqual(["42.64", "5.83", "0.15", "0.3"]);
    expect(shiftDecimal("1.5", 4)).toBe("15000");
  });
});
