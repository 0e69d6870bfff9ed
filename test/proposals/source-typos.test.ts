import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProposals, proposalsJson } from "../../src/cli/proposal-commands.js";
import { proposeFacts } from "../../src/knowledge/proposals/propose.js";
import { ROOT } from "../support/run-cli.js";
import { seedBase } from "../support/seed.js";
import { openSeededStore } from "../support/temp-db.js";

const ARTICLES = `${ROOT}test/fixtures/articles/`;
const SEED_ARTICLE = "/work/shared/sources/china-russia-trade-article.txt";
/** Wire copy with four slips (a dropped letter in a word and in a name, two swapped letters in each) among names the base has never seen. */
const WITH_TYPOS = [
  "China-Russia trade hits record as Heilongjiang border crossings expand",
  "MOSCOW, Oct. 12 (Reuters) - Trade between Rusia and China rose 26.3% in the first nine months of the year to $176.4 bln, according to Chinese custmos data published on Thursday.",
  "The provincial goverment said Heilongjaing province handled 1,200 freight trains bound for Russia in the same period.",
  "Traders in Suifenhe and Heihe said the new bridge would carry 3 mln tonnes of cargo a year, and Sergei Ivanov of Rosneft agreed.",
  // Neither a name one letter from a word ("Moore", "more") nor a word two letters from another ("confidence", "conference") is a slip.
  "Investor confidence grew after the conference, analyst Anna Moore of Sberbank said, adding that more and more Chinese firms export to Russia.",
].join("\n");

const typosOf = (text: string) => proposeFacts({ id: "article", title: "Article", text }, seedBase()).flatMap((proposal) => proposal.typos ?? []);

describe("source typos", () => {
  it("flags misspelt words and names, keeping them in the quote as the source writes them", () => {
    const proposals = proposeFacts({ id: "article", title: "Article", text: WITH_TYPOS }, seedBase());
    expect(proposals.flatMap((proposal) => proposal.typos ?? []).sort()).toEqual(["Heilongjaing", "Rusia", "custmos", "goverment"]);
    for (const proposal of proposals) for (const typo of proposal.typos ?? []) expect(proposal.quote).toContain(typo);
  });

  it("flags nothing in articles written without slips: names, figures, acronyms and inflections are not typos", () => {
    const articles = [...readdirSync(ARTICLES).filter((file) => file.endsWith(".txt")).map((file) => `${ARTICLES}${file}`), SEED_ARTICLE];
    for (const article of articles) expect(typosOf(readFileSync(article, "utf8")), article).toEqual([]);
  });

  it("keeps the typos with the stored proposal and shows them in the text listing, not in the --json shape", () => {
    const store = openSeededStore();
    expect(store.addSource({ title: "Typos", publisher: null, url: null, date: null, dateNote: null, text: WITH_TYPOS }, "mod", { id: "typos" }).ok).toBe(true);
    const pending = store.proposals.list("typos");
    store.close();
    const trains = pending.find((proposal) => proposal.quote.includes("1,200 freight trains"))!;
    expect(trains.typos).toEqual(["goverment", "Heilongjaing"]);
    expect(formatProposals(pending, false)).toContain("(source typo? goverment, Heilongjaing)");
    for (const listed of proposalsJson(pending).proposals) expect(listed).not.toHaveProperty("typos");
  });
});
