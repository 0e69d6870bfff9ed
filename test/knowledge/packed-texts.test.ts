import { describe, expect, it } from "vitest";
import { FIELD_COUNT, type FactTexts } from "../../src/knowledge/fact-reading.js";
import { packTexts, unpackTexts } from "../../src/knowledge/packed-texts.js";

function fact(statement: string, keywords: string[], questions: string[] = []): FactTexts {
  return Array.from({ length: FIELD_COUNT }, (_, at) => (at === 0 ? [statement] : at === 3 ? keywords : at === 4 ? questions : []));
}

describe("packed texts", () => {
  it("unpack to each fact's texts, field by field, in any script, empty ones and surrogate pairs included", () => {
    const facts = [
      fact("Liaoning's exports to Russia rose 7.3% 📈", ["Liaoning", "", "exports"], ["How much did Liaoning export?"]),
      fact("Экспорт Ляонина в Россию вырос на 7,3%", ["Ляонин", "экспорт"]),
      fact("辽宁对俄出口增长7.3%", ["辽宁", "Liaoning"], ["辽宁出口多少？", ""]),
      fact("", []),
    ];
    expect([...unpackTexts(packTexts(facts, (texts) => texts))]).toEqual(facts);
  });

  it("hold a text that facts repeat once", () => {
    const facts = Array.from({ length: 50 }, (_, n) => fact(`statement ${n}`, ["Liaoning", "trade"]));
    const packed = packTexts(facts, (texts) => texts);
    expect(packed.lengths.length).toBe(52);
    expect(packed.texts.length).toBe(150);
  });
});
