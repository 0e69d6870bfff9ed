import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFileProblem, MAX_FACT_FILE_BYTES, parseFactBaseText, readFactBaseFile, SEED_PATH } from "../../src/knowledge/fact-base-file.js";
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

describe("reading a fact base file that is hostile or huge", () => {
  const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), "trade-facts-file-")), name);

  it("reports a 33,000-character id as a problem on its line, without building a pattern from it", () => {
    const base = seedBase();
    const longId = `x${"(a+)+".repeat(6_600)}`;
    const text = JSON.stringify({ ...base, facts: [{ ...base.facts[0]!, id: longId }] }, null, 2);
    const result = parseFactBaseText(text, "long-id.json");
    const problems = result.ok ? [] : result.error;
    expect(problems.some((problem) => problem.field === "id" && problem.line === text.split("\n").findIndex((line) => line.includes('"id": "x(a+)')) + 1)).toBe(true);
    for (const problem of problems) expect(formatFileProblem(problem)).not.toContain("\n");
  });

  it("names the line of a JSON syntax error at the end of the file, and keeps every problem on one line", () => {
    const result = parseFactBaseText('{\n  "sources": [\n', "cut.json");
    expect(result.ok ? undefined : result.error[0]?.line).toBe(3);
    expect(formatFileProblem({ file: "f.json", subject: "fact a", field: "quote", reason: "first\nsecond\r\nthird" })).toBe("f.json: fact a, quote: first second third");
  });

  it("refuses a file over the limit before reading it", () => {
    const file = tempFile("huge.json");
    writeFileSync(file, "");
    truncateSync(file, MAX_FACT_FILE_BYTES + 1);
    const result = readFactBaseFile(file);
    expect(result.ok ? "" : result.error[0]?.reason).toBe(`is ${(MAX_FACT_FILE_BYTES + 1).toLocaleString("en-US")} bytes; the limit is 64 MB`);
  });
});
