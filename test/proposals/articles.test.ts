import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/knowledge/engine.js";
import { proposeFacts } from "../../src/knowledge/proposals/propose.js";
import { validateFactBase } from "../../src/knowledge/validate.js";
import { ROOT } from "../support/run-cli.js";
import { seedBase } from "../support/seed.js";
import { openSeededStore } from "../support/temp-db.js";

interface Expected {
  /** Text each sentence stating a figure holds: every one must be proposed. */
  figureSentences: string[];
  /** A figure as the text writes it -> its value in plain units and its unit, as some proposal must read it. */
  figures: Record<string, [number, string]>;
  /** Text of page junk lines: none may be proposed. */
  junk: string[];
  /** Start of a sentence -> whom it credits (the proposal's attribution must hold it). */
  attributions: Record<string, string>;
  /** A plain question about an accepted figure -> the figure the answer's quote must hold. */
  questions: Record<string, string>;
}

const DIR = `${ROOT}test/fixtures/articles/`;
const EXPECTED = JSON.parse(readFileSync(`${DIR}expected.json`, "utf8")) as Record<string, Expected>;
const SEED_ARTICLE = "/work/shared/sources/china-russia-trade-article.txt";
const plain = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();

describe.each(Object.entries(EXPECTED))("%s", (file, expected) => {
  const text = readFileSync(`${DIR}${file}`, "utf8");
  const proposals = proposeFacts({ id: "article", title: "Article", text }, seedBase());

  it("quotes every proposal byte for byte from the text", () => {
    expect(proposals.length).toBeGreaterThan(0);
    for (const proposal of proposals) expect(text.includes(proposal.quote), proposal.quote).toBe(true);
  });

  it("proposes every sentence that states a figure, and nothing from page junk", () => {
    for (const figure of expected.figureSentences) expect(proposals.some((proposal) => proposal.quote.includes(figure) && proposal.figures.length > 0), figure).toBe(true);
    for (const junk of expected.junk) expect(proposals.filter((proposal) => proposal.quote.includes(junk)).map((proposal) => proposal.quote), junk).toEqual([]);
  });

  it("reads each figure's value and unit", () => {
    for (const [text, [value, unit]] of Object.entries(expected.figures)) {
      const read = proposals.flatMap((proposal) => proposal.figures).find((figure) => figure.text === text);
      expect(read, text).toMatchObject({ unit });
      expect(Math.abs(read!.value - value), text).toBeLessThanOrEqual(value * 1e-12);
    }
  });

  it("gets the attribution right for at least 90% of the sentences that have one", () => {
    const entries = Object.entries(expected.attributions);
    const right = entries.filter(([start, who]) => {
      const proposal = proposals.find((candidate) => candidate.quote.startsWith(start));
      return proposal?.attribution ? plain(proposal.attribution).includes(plain(who)) || plain(who).includes(plain(proposal.attribution)) : false;
    });
    expect(right.length / entries.length).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps every figure of a statement in its quote, and ranks claims with amounts first", () => {
    const ranks = proposals.map((proposal) => (proposal.statement.endsWith("?") ? 2 : proposal.figures.some((figure) => figure.unit !== "year" && figure.unit !== "rank") ? 0 : 1));
    expect(ranks).toEqual([...ranks].sort());
  });

  it("accepting every uncovered proposal yields a valid base that answers a plain question about each figure", () => {
    const store = openSeededStore();
    expect(store.addSource({ title: file, publisher: null, url: null, date: null, dateNote: null, text }, "mod", { id: "article" }).ok).toBe(true);
    for (const proposal of store.proposals.list("article")) {
      const accepted = store.proposals.accept(proposal.id, "mod");
      expect(accepted.ok, JSON.stringify(accepted.ok || accepted.error)).toBe(true);
    }
    const base = store.snapshot();
    store.close();
    expect(validateFactBase(base).problems).toEqual([]);
    const engine = buildEngine(base);
    const unanswered = Object.entries(expected.questions).filter(([question, figure]) => {
      const answer = engine.answer(question);
      return !(answer.answered && answer.results[0]!.fact.quote.includes(figure));
    });
    expect(unanswered.map(([question]) => question)).toEqual([]);
  });
});

describe("the seed article, added again as a new source", () => {
  const text = readFileSync(SEED_ARTICLE, "utf8");
  const base = seedBase();
  const proposals = proposeFacts({ id: "again", title: "Again", text }, base);

  it("quotes every proposal byte for byte, curly quotation marks and apostrophes included", () => {
    expect(proposals.some((proposal) => /[’“”]/.test(proposal.quote))).toBe(true);
    for (const proposal of proposals) expect(text.includes(proposal.quote), proposal.quote).toBe(true);
  });

  it("proposes every curated fact's figures, each marked covered by a curated fact, one that states the figure", () => {
    for (const fact of base.facts) {
      for (const figure of fact.statement.match(/\d[\d,]*(?:\.\d+)?/g) ?? []) {
        const holding = proposals.filter((proposal) => proposal.quote.includes(figure));
        expect(holding.length, `${fact.id} ${figure}`).toBeGreaterThan(0);
        expect(holding.every((proposal) => proposal.coveredBy !== null && base.facts.some((candidate) => candidate.id === proposal.coveredBy)), `${fact.id} ${figure}`).toBe(true);
        const coverers = holding.map((proposal) => base.facts.find((candidate) => candidate.id === proposal.coveredBy)!);
        expect(coverers.some((coverer) => `${coverer.statement} ${coverer.quote}`.includes(figure)), `${fact.id} ${figure}`).toBe(true);
      }
    }
    expect(proposals.some((proposal) => proposal.quote.includes("Comment Template"))).toBe(false);
  });

  it("marks a reworded claim covered by the fact with the same figures and names, and not a claim about other names", () => {
    const reworded = proposeFacts(
      { id: "reworded", title: "Reworded", text: "Liaoning shipped goods worth 42.64 billion yuan ($5.83 billion) to Russia in the first nine months, officials said.\nJilin shipped goods worth 42.64 billion yuan ($5.83 billion) to Mongolia in the first nine months, officials said." },
      base,
    );
    expect(reworded.map((proposal) => proposal.coveredBy)).toEqual(["liaoning-exports-to-russia-value", null]);
  });
});
