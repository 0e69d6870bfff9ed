import { describe, expect, it } from "vitest";
import { TypoCorrector } from "../../src/knowledge/text/typo-corrector.js";

const corrector = TypoCorrector.build(["liaoning", "exports", "important", "provinces", "september", "russia", "putin", "containers", "harbor"]);
const best = (word: string) => corrector.correct(word)[0]?.word;

describe("typo correction", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(corrector.correct("liaonnig")[0]).toMatchObject({ word: "liaoning", edits: 1 });
    expect(best("ptuin")).toBe("putin");
  });

  it("corrects two slips in a long word, one in a short one", () => {
    expect(corrector.correct("porvinnces")[0]).toMatchObject({ word: "provinces", edits: 2 });
    expect(best("septmebber")).toBe("september");
    expect(best("contianners")).toBe("containers");
    expect(best("rusia")).toBe("russia");
    expect(best("rsusiaa")).toBeUndefined();
  });

  it("never turns a real word into a different one more than its reach away", () => {
    expect(best("imports")).toBeUndefined();
    expect(best("harbin")).toBeUndefined();
  });

  it("leaves short words alone", () => {
    expect(corrector.correct("xii")).toEqual([]);
  });

  it("learns new words without forgetting the old", () => {
    const grown = corrector.withWords(["vladivostok"]);
    expect(grown.correct("vladivostock")[0]?.word).toBe("vladivostok");
    expect(grown.correct("liaonig")[0]?.word).toBe("liaoning");
    expect(corrector.correct("vladivostock")).toEqual([]);
  });

  it("remembers what it found for a word, and a corrector that learns words forgets it", () => {
    const own = TypoCorrector.build(["liaoning", "weather"]);
    const first = own.correct("wether");
    expect(own.correct("wether")).toBe(first);
    expect(own.correct("vladivostock")).toEqual([]);
    expect(own.withWords(["vladivostok"]).correct("vladivostock")[0]?.word).toBe("vladivostok");
  });
});
