import { describe, expect, it } from "vitest";
import { contentWords, normaliseQuestion, questionAnswerType } from "../../src/knowledge/text/analyze.js";
import { numberWordsAsFigures } from "../../src/knowledge/text/number-words.js";

describe("chat spellings and fillers", () => {
  it.each([
    ["wat was china russia trade in septmber", ["china", "russia", "trade", "septmber"]],
    ["did liaoning sell more 2 russia this yr or nah", ["liaoning", "export", "russia"]],
    ["so like how many r there tho lol ngl", []],
    ["how many chinese co's showed up 2 the shenyang conf", ["china", "company", "attend", "shenyang", "conference"]],
    ["is it cos its cheaper", ["cost"]],
    ["how many russian cos set up shop", ["russia", "company", "establish"]],
    ["does jilin have its own access to the sea", ["jilin", "landlocked"]],
    ["why would jilin even bother, whats the point", ["jilin"]],
    ["so which provinces count as the northeast", ["provinces", "northeast"]],
    ["did china and russia grow closer after the war started", ["china", "russia", "cooperation", "since", "war"]],
    ["closer ties since the start of the invasion", ["cooperation", "since", "war"]],
    ["since the ukraine war kicked off", ["since", "ukraine", "war", "establish"]],
    ["why does everyone keep hyping northeast china", ["significance", "northeast", "china"]],
    ["what has china been doing w russia econ-wise", ["china", "russia", "economic", "wise"]],
  ])("%s -> %j", (question, words) => {
    expect(contentWords(question)).toEqual(words);
  });

  it("reads 'what's the point' as why, and leaves coastlines and moving closer alone", () => {
    expect(questionAnswerType(normaliseQuestion("whats the point of jilin shipping thru russia"))).toBe("reason");
    expect(contentWords("how long is russia's coastline")).not.toContain("landlocked");
    expect(contentWords("are chinese firms moving closer to the border")).not.toContain("cooperation");
  });

  it("reads 2 and 4 as to and for only when no unit follows", () => {
    expect(normaliseQuestion("sell 2 russia 4 q3")).toMatch(/^sell to russia for /);
    expect(normaliseQuestion("2 billion dollars")).toBe("2 billion dollars");
  });

  it("keeps the question word chat spelling hides", () => {
    expect(questionAnswerType(normaliseQuestion("y is the northeast such a big deal"))).toBe("reason");
    expect(questionAnswerType(normaliseQuestion("wat did xi say abt heilongjiang"))).toBe("speaker");
    expect(questionAnswerType(normaliseQuestion("liaoning exports growth %"))).toBe("change");
  });
});

describe("number words", () => {
  it.each([
    ["eight hundred chinese businesses", "800 chinese businesses"],
    ["forty russian companies", "40 russian companies"],
    ["fifty-five containers", "55 containers"],
    ["twenty one billion", "21 billion"],
    ["two thousand and twenty two", "2022"],
    ["one of the provinces", "one of the provinces"],
    ["which two ports", "which two ports"],
    ["rock and roll", "rock and roll"],
  ])("%s -> %s", (text, figures) => {
    expect(numberWordsAsFigures(text)).toBe(figures);
  });
});

describe("figures, units and periods", () => {
  it.each([
    ["$21bn", "21 billion dollar"],
    ["42.64 bn rmb", "42.64 billion"],
    ["82.3 % up", "82.3 percent"],
    ["jan-sep", "january through september"],
    ["first 9 months", "january through september"],
    ["the first nine months", "january through september"],
    ["ytd thru q3", "january through september"],
    ["q3", "july through september"],
    ["between January and September", "january through september"],
    ["by sept", "january through september"],
  ])("%s -> %s", (text, expected) => {
    expect(normaliseQuestion(text)).toContain(expected);
  });

  it("reads usd, rmb and pct as the units the facts use", () => {
    expect(contentWords("usd rmb pct")).toEqual(["dollar", "yuan", "percent"]);
  });
});
