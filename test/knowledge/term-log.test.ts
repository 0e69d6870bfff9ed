import { describe, expect, it } from "vitest";
import { TermLog } from "../../src/knowledge/term-log.js";

function logOf(facts: readonly (readonly [string, number])[][]): TermLog {
  const log = new TermLog(facts.length);
  for (const fact of facts) {
    for (const [term, weight] of fact) log.add(log.numberOf(term), weight);
    log.endFact();
  }
  return log;
}

describe("TermLog", () => {
  it("keeps each term once per fact, where it was first read, with the best weight it was read with", () => {
    const log = logOf([[["export", 0.3], ["liaoning", 1], ["export", 1], ["liaoning", 0.6]]]);
    expect(log.termsOf(0)).toEqual(["export", "liaoning"]);
    expect(Array.from(log.weightsOf(0))).toEqual([1, 1]);
  });

  it("numbers a term once for every fact, and keeps each fact's terms apart", () => {
    const log = logOf([[["export", 1], ["liaoning", 1]], [["russia", 0.5], ["export", 0.3]], []]);
    expect(log.termsOf(1)).toEqual(["russia", "export"]);
    expect(Array.from(log.weightsOf(1))).toEqual([0.5, Math.fround(0.3)]);
    expect(log.termNumbers(1)[1]).toBe(log.termNumbers(0)[0]);
    expect(log.termsOf(2)).toEqual([]);
    expect(log.terms).toEqual(["export", "liaoning", "russia"]);
  });

  it("finds a term among one fact's terms, and reads a term at a position, without listing them", () => {
    const log = logOf([[["export", 1], ["liaoning", 1]], [["russia", 0.5], ["export", 0.3]]]);
    log.seal();
    expect(log.positionIn(1, "export")).toBe(1);
    expect(log.positionIn(1, "russia")).toBe(0);
    expect(log.positionIn(1, "liaoning")).toBe(-1);
    expect(log.positionIn(0, "liaoning")).toBe(1);
    expect(log.termAt(1, 1)).toBe("export");
    expect(log.termAt(0, 1)).toBe("liaoning");
  });

  it("counts the distinct terms of the fact being read", () => {
    const log = new TermLog(1);
    log.add(log.numberOf("export"), 1);
    log.add(log.numberOf("export"), 0.3);
    log.add(log.numberOf("coal"), 1);
    expect(log.count).toBe(2);
  });

  it("grows past the size it was made for, and still lists every fact's terms once sealed", () => {
    const terms = (fact: number) => Array.from({ length: 60 }, (_, i) => `t${fact * 13 + i}`);
    const log = logOf(Array.from({ length: 100 }, (_, fact) => [...terms(fact), terms(fact)[0]!].map((term) => [term, 1] as const)));
    log.seal();
    expect(log.terms.length).toBeGreaterThan(1024);
    expect(log.termsOf(99)).toEqual(terms(99));
    expect(log.termsOf(0)).toEqual(terms(0));
  });
});

describe("TermLog handed between threads", () => {
  it("numbers another log's facts as if read into this one: new terms after its own, in the order first read", () => {
    const facts: (readonly [string, number])[][] = [[["export", 1], ["liaoning", 1]], [["coal", 0.6], ["export", 0.3]], [["russia", 1], ["coal", 1]]];
    const whole = logOf(facts);
    const first = logOf(facts.slice(0, 1));
    first.append(logOf(facts.slice(1)).exported());
    expect(first.terms).toEqual(whole.terms);
    for (const fact of [0, 1, 2]) {
      expect(Array.from(first.termNumbers(fact))).toEqual(Array.from(whole.termNumbers(fact)));
      expect(Array.from(first.weightsOf(fact))).toEqual(Array.from(whole.weightsOf(fact)));
    }
  });
});
