import { describe, expect, it } from "vitest";
import { coverFinder } from "../../src/knowledge/proposals/claim-details.js";
import { figuresMissingFromQuote } from "../../src/knowledge/validate.js";
import { seedBase } from "../support/seed.js";

const liaoning = seedBase().facts.find((fact) => fact.id === "liaoning-exports-to-russia-value")!;

describe("one reading of a text's numbers, for cover and for the quote check", () => {
  it("a comma groups thousands only before three digits, in both", () => {
    const fact = { ...liaoning, statement: "Liaoning shipped 1200 tonnes to Russia.", quote: "Liaoning shipped 1,200 tonnes to Russia by rail." };
    expect(coverFinder([fact])("Liaoning shipped 1,200 tonnes to Russia.", "Liaoning shipped 1,200 tonnes to Russia.", ["Liaoning"])).toBe(fact.id);
    expect(figuresMissingFromQuote("Liaoning shipped 1,200 tonnes.", "Liaoning shipped 1200 tonnes.")).toEqual([]);
    const listed = { ...liaoning, statement: "Liaoning shipped 34 trains to Russia.", quote: "Liaoning shipped 34 trains to Russia." };
    expect(coverFinder([listed])("Liaoning shipped 3,4 trains to Russia.", "Liaoning shipped 3,4 trains to Russia.", ["Liaoning"])).toBeNull();
    expect(figuresMissingFromQuote("Liaoning shipped 3,4 trains.", "Liaoning shipped 34 trains.")).toEqual(["3,4"]);
  });
});
