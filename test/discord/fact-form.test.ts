import { describe, expect, it } from "vitest";
import { factFormValues, factModal, parseFactForm, parseSourceForm } from "../../src/discord/fact-form.js";
import { Pending } from "../../src/discord/pending.js";
import { seedFact } from "../support/seed.js";

describe("the fact form", () => {
  const fact = seedFact("liaoning-exports-to-russia-value");

  it("round-trips a fact's draft through the modal's text", () => {
    const { draft, problems } = parseFactForm(factFormValues(fact));
    expect(problems).toEqual([]);
    expect(draft).toEqual({
      statement: fact.statement,
      quote: fact.quote,
      sourceId: fact.sourceId,
      attribution: fact.attribution,
      topic: fact.topic,
      keywords: fact.keywords,
      aliases: fact.aliases,
    });
  });

  it("reads keywords and aliases with or without their labels", () => {
    const values = { ...factFormValues(fact), terms: "exports, value\nRMB, CNY" };
    expect(parseFactForm(values).draft).toMatchObject({ keywords: ["exports", "value"], aliases: ["RMB", "CNY"] });
    expect(parseFactForm({ ...values, terms: "aliases: RMB\nkeywords: exports" }).draft).toMatchObject({ keywords: ["exports"], aliases: ["RMB"] });
  });

  it("names the input of each problem", () => {
    const { draft, problems } = parseFactForm({ ...factFormValues(fact), topic: " ", source: "china-russia-trade-northeast-2023", terms: "aliases: x" });
    expect(draft).toBeUndefined();
    expect(problems.map((problem) => problem.input).sort()).toEqual([
      "Keywords / aliases (two lines)",
      "Source id, then who said it (next line)",
      "Topic",
    ]);
    expect(problems.find((problem) => problem.reason.startsWith("attribution"))?.reason).toMatch(/second line/);
  });

  it("never cuts what it fills in: a quote at the schema's limit arrives whole", () => {
    const quote = "q".repeat(2000);
    const modal = factModal("admin:edit:x:1", "Edit x", { ...factFormValues(fact), quote });
    expect(JSON.stringify(modal)).toContain(quote);
  });

  it("builds a modal within Discord's limits: five labelled inputs, title at most 45", () => {
    const modal = factModal("admin:edit:x:1", `Edit ${"a-very-long-fact-id-".repeat(5)}`, factFormValues(fact));
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(5);
    expect(JSON.stringify(modal)).toContain("42.64 billion yuan");
  });
});

describe("the source form", () => {
  it("keeps unknown fields null, and checks the URL, naming its input as the form labels it", () => {
    expect(parseSourceForm({ title: " Harbin news ", publisher: "", url: "", date: "2024", text: "" }).draft).toEqual({
      title: "Harbin news",
      publisher: null,
      url: null,
      date: "2024",
      dateNote: null,
      text: null,
    });
    const badUrl = { title: "x", publisher: "", url: "not a url", date: "", text: "" };
    expect(parseSourceForm(badUrl).problems).toEqual([{ input: "URL (if known)", reason: "url: must be an http(s) URL" }]);
    expect(parseSourceForm({ ...badUrl, title: " " }, "ru").problems.map((problem) => problem.input)).toEqual(["Заголовок", "URL (если известен)"]);
  });
});

describe("Pending", () => {
  it("hands back a value until it expires", () => {
    let now = 0;
    const pending = new Pending<string>(1000, () => now);
    const key = pending.put("draft");
    expect(key.length).toBeLessThanOrEqual(10);
    expect(pending.get(key)).toBe("draft");
    now = 1000;
    expect(pending.get(key)).toBeUndefined();
  });

  it("takes a value once", () => {
    const pending = new Pending<string>(1000);
    const key = pending.put("import");
    expect(pending.take(key)).toBe("import");
    expect(pending.take(key)).toBeUndefined();
  });
});
