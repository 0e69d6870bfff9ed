import { describe, expect, it } from "vitest";
import { limitViolations } from "../../src/discord/limits.js";
import { renderProposal, renderSourcePreview } from "../../src/discord/render-admin.js";
import { problemsLine } from "../../src/knowledge/validate.js";
import type { StoredProposal } from "../../src/knowledge/store/proposal-store.js";

const TEXT = `${"Lead paragraph of the article, with words. ".repeat(30)}Exports to Russia reached 39.46 billion yuan, up 61.9%, the customs office said. ${"More of the article follows here. ".repeat(30)}`;

const proposal = (fields: Partial<StoredProposal> = {}): StoredProposal => ({
  id: 7,
  sourceId: "harbin-trade",
  status: "pending",
  quote: "Exports to Russia reached 39.46 billion yuan, up 61.9%, the customs office said.",
  statement: "Exports to Russia reached 39.46 billion yuan, up 61.9%.",
  attribution: "the customs office",
  figures: [
    { text: "39.46 billion yuan", value: 39_460_000_000, unit: "yuan" },
    { text: "61.9%", value: 61.9, unit: "percent" },
  ],
  period: null,
  entities: ["Russia"],
  topic: "Trade figures",
  keywords: ["exports"],
  questions: [],
  coveredBy: null,
  factId: null,
  createdAt: "2026-11-29T10:00:00.000Z",
  decidedBy: null,
  decidedAt: null,
  reason: null,
  ...fields,
});
const source = { id: "harbin-trade", title: "Harbin trade", publisher: null, url: null, date: null, dateNote: null, text: TEXT };

describe("renderProposal", () => {
  it("shows the quote in bold inside the article around it, the figures with value and unit, and how many remain", () => {
    const embed = renderProposal(proposal(), source, { remaining: 3, scope: "source" }).embeds![0]!;
    expect(embed.description).toMatch(/^> ….*words\. \*\*Exports to Russia reached 39\.46 billion yuan, up 61\.9%, the customs office said\.\*\* More of .*…$/);
    expect(embed.description!.length).toBeLessThan(500);
    expect(embed.fields?.find((field) => field.name === "Figures")?.value).toBe("• 39.46 billion yuan = 39,460,000,000 yuan\n• 61.9% = 61.9 percent");
    expect(embed.footer?.text).toBe("Proposal 7 · 3 left to review in harbin-trade");
  });

  it("keeps the article's first and last words when the quote is near either end", () => {
    const quote = proposal().quote;
    const description = (text: string) => renderProposal(proposal(), { ...source, text }, { remaining: 0, scope: "all" }).embeds![0]!.description;
    expect(description(`Officials said: ${quote} The end.`)).toBe(`> Officials said: **${quote}** The end.`);
    expect(description(`${quote} The end.`)).toBe(`> **${quote}** The end.`);
    expect(description(`Officials said: ${quote}`)).toBe(`> Officials said: **${quote}**`);
    const cut = description(`${"word ".repeat(60)}Officials said: ${quote} The end ${"again ".repeat(60)}`)!;
    expect(cut).toMatch(/^> …word word .* Officials said: \*\*Exports .*\*\* The end again .*again…$/);
  });

  it("keeps the quote's bold closed when the quote fills the message: the context goes, then the quote's end", () => {
    const quote = `${"The *bonded* zone_cleared 1_200 *tonnes* ".repeat(60)}`.slice(0, 2000).trimEnd();
    const figures = Array.from({ length: 80 }, (_, i) => ({ text: `${i} million tonnes`, value: i * 1e6, unit: "tonnes" }));
    const typos = Array.from({ length: 100 }, (_, i) => `goverment${i}`);
    const long = proposal({ statement: "S".repeat(1000), quote, attribution: "A".repeat(300), figures, typos, topic: "T".repeat(100), period: "P".repeat(200) });
    const payload = renderProposal(long, { ...source, title: "T".repeat(3000), text: `${TEXT}${quote}${TEXT}` }, { remaining: 1, scope: "all" });
    expect(limitViolations(payload)).toEqual([]);
    const description = payload.embeds![0]!.description!;
    expect(description).toMatch(/^> \*\*The \\\*bonded\\\* zone\\_cleared /);
    expect(description).toMatch(/[^\\]…\*\*$/);
  });

  it("flags the words that look like the source's typos, and nothing when there are none", () => {
    const typos = (typoList?: string[]) =>
      renderProposal({ ...proposal(), ...(typoList ? { typos: typoList } : {}) }, source, { remaining: 0, scope: "all" }).embeds![0]!.fields?.find((field) => field.name === "Source typo?")?.value;
    expect(typos(["goverment", "Rusia"])).toMatch(/^goverment, Rusia \(kept as the source wrote it/);
    expect(typos([])).toBeUndefined();
    expect(typos()).toBeUndefined();
  });

  it("stays within Discord's limits with the longest statement and quote a fact may hold and many figures", () => {
    const quote = `${"A very long quoted sentence about trade ".repeat(49)}.`.slice(0, 2000);
    const figures = Array.from({ length: 80 }, (_, i) => ({ text: `${i} million tonnes`, value: i * 1e6, unit: "tonnes" }));
    const long = proposal({ statement: "S".repeat(1000), quote, attribution: "A".repeat(300), figures, topic: "T".repeat(100), period: "P".repeat(200) });
    const notice = `Proposal 6 was already accepted by ${"x".repeat(1900)}.`;
    expect(limitViolations(renderProposal(long, { ...source, title: "T".repeat(3000), text: `${TEXT}${quote}${TEXT}` }, { remaining: 1, scope: "all", notice }))).toEqual([]);
  });
});

describe("problemsLine", () => {
  it("puts a store's problems on one line, each with its field", () => {
    const problems = [
      { subject: "fact draft", field: "quote", reason: "not found in the source" },
      { subject: "fact draft", field: "keywords.0", reason: "too short" },
    ];
    expect(problemsLine(problems)).toBe("quote: not found in the source; keywords.0: too short");
  });
});

describe("renderSourcePreview", () => {
  it("shows title, length and first lines within Discord's limits", () => {
    const draft = { title: "T".repeat(500), publisher: "Wire", url: `https://example.com/${"a".repeat(480)}`, date: "2023-11-20", dateNote: null, text: `${"Trade rose. ".repeat(100)}\n`.repeat(100) };
    const preview = renderSourcePreview(draft, "key", false);
    expect(limitViolations(preview)).toEqual([]);
    expect(preview.embeds![0]!.fields?.find((field) => field.name === "Length")?.value).toBe("120,100 characters, 20,000 words");
  });
});
