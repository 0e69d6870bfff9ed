import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFactBaseText, readFactBaseFile, SEED_PATH } from "../../src/knowledge/fact-base-file.js";
import { figuresMissingFromQuote, quoteAppearsIn, validateFactBase } from "../../src/knowledge/validate.js";
import { seedBase } from "../support/seed.js";

const BROKEN = new URL("../fixtures/broken-facts.json", import.meta.url).pathname;

describe("the shipped fact base", () => {
  it("passes every check", () => {
    const result = readFactBaseFile(SEED_PATH);
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it("quotes only the article, without its trailing page junk", () => {
    const base = seedBase();
    const source = base.sources[0]!;
    expect(source.text).not.toContain("Comment Template");
    expect(source.url).toBeNull();
    expect(source.publisher).toBeNull();
    expect(source.date).toBe("2023");
    expect(source.dateNote).toMatch(/inferred/i);
    for (const fact of base.facts) expect(quoteAppearsIn(fact.quote, source.text!), fact.id).toBe(true);
  });

  it("holds one fact per claim, with unique ids", () => {
    const ids = seedBase().facts.map((fact) => fact.id);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(ids.length).toBeLessThanOrEqual(25);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("validateFactBase on broken fixtures", () => {
  const result = readFactBaseFile(BROKEN);
  const problems = result.ok ? [] : result.error;
  const find = (subject: string, field: string) => problems.find((p) => p.subject === subject && p.field === field);

  it("rejects the file", () => {
    expect(result.ok).toBe(false);
  });

  it.each([
    ["fact misquoted-fact", "quote", /word for word/],
    ["fact invented-figure", "statement", /90 not in the quote/],
    ["fact good-fact", "id", /duplicate id/],
    ["fact empty-topic", "topic", /must not be empty/],
    ["fact Not Kebab", "id", /kebab-case/],
    ["fact orphan-fact", "sourceId", /no source/],
  ])("reports %s, field %s", (subject, field, reason) => {
    const problem = find(subject, field);
    expect(problem?.reason).toMatch(reason);
    expect(problem?.line).toBeGreaterThan(1);
  });

  it("finds nothing wrong with the good fact", () => {
    expect(problems.filter((p) => p.subject === "fact good-fact" && p.field !== "id")).toEqual([]);
  });

  it("names the line of a JSON syntax error", () => {
    const text = readFileSync(BROKEN, "utf8").replace('"title": "A tiny test article",', '"title": "A tiny test article",,');
    const parsed = parseFactBaseText(text, "broken.json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error[0]).toMatchObject({ file: "broken.json", line: 5, field: "(JSON)" });
  });

  it("rejects a base with no sources or no facts list", () => {
    expect(validateFactBase({ sources: [] }).problems.map((p) => p.field).sort()).toEqual(["facts", "sources"]);
  });
});

describe("quote and figure checks", () => {
  it("treats curly and straight quotes and runs of whitespace alike", () => {
    expect(quoteAppearsIn("Liaoning's exports  to\nRussia", "Liaoning’s exports to Russia rose")).toBe(true);
    expect(quoteAppearsIn("Liaoning's imports", "Liaoning’s exports to Russia rose")).toBe(false);
  });

  it("finds statement figures missing from the quote", () => {
    expect(figuresMissingFromQuote("rose 82.3% to $5.83 billion in 2023", "rose 82.3% to 5.83 billion")).toEqual(["2023"]);
    expect(figuresMissingFromQuote("3,000 containers", "3000 containers")).toEqual([]);
  });
});
