import { describe, expect, it } from "vitest";
import { engineFieldWeights, MINISEARCH_FIELDS } from "../../bench/measure-minisearch.js";

describe("MiniSearch in the bench", () => {
  it("boosts fields with the weights the engine's source gives them, and fails loudly when it cannot find them", () => {
    const weights = engineFieldWeights();
    expect(Object.keys(weights).sort()).toEqual([...MINISEARCH_FIELDS].sort());
    expect(weights.statement).toBe(1);
    expect(weights.quote).toBeLessThan(weights.statement);
    expect(() => engineFieldWeights("const OTHER = {}")).toThrow(/FIELD_WEIGHTS/);
  });
});
