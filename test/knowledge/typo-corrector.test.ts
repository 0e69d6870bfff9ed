import { describe, expect, it } from "vitest";
import levenshtein from "damerau-levenshtein";
import { TypoCorrector, bagDistance } from "../../src/knowledge/text/typo-corrector.js";

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

describe("the letter count that spares searches", () => {
  it("counts the letters one word has and the other lacks, whichever side has more", () => {
    expect(bagDistance("liaoning", "liaonnig")).toBe(0);
    expect(bagDistance("rusia", "russia")).toBe(1);
    expect(bagDistance("weather", "whether")).toBe(1);
    expect(bagDistance("ляонин", "ляонина")).toBe(1);
    expect(bagDistance("coal", "grain")).toBe(4);
  });

  it("is never more than the edits between two words, so no word within reach is skipped", () => {
    const words = ["liaoning", "provinces", "september", "containers", "shenyang", "vladivostok", "экспорт", "ляонин", "harbin", "imports"];
    const slips = (word: string) => [
      ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1)),
      ...Array.from(word, (_, i) => word.slice(0, i) + word[i] + word.slice(i)),
      ...Array.from(word, (_, i) => word.slice(0, i) + "x" + word.slice(i + 1)),
      ...Array.from(word.slice(1), (_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)),
    ];
    for (const word of words) {
      for (const once of slips(word)) {
        for (const twice of [once, ...slips(once)]) expect(bagDistance(word, twice)).toBeLessThanOrEqual(levenshtein(word, twice).steps);
      }
    }
  });
});
