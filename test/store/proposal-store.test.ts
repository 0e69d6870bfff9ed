import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/run-cli.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";
import { ProposalSchema } from "../../src/knowledge/proposals/proposal.js";
import { validateFactBase } from "../../src/knowledge/validate.js";

const ARTICLE = readFileSync(`${ROOT}test/fixtures/articles/reuters-harbin-trade.txt`, "utf8");
const draft = (text: string | null) => ({ title: "Harbin trade", publisher: "Reuters", url: null, date: "2023-10-12", dateNote: null, text });

describe("proposals kept per source", () => {
  it("adding a source stores its proposals, pending, in the same transaction; a refused text stores nothing", () => {
    const path = tempDbPath();
    const store = openSeededStore(path);
    const added = store.addSource(draft(ARTICLE), "mod", { id: "reuters-harbin" });
    expect(added.ok).toBe(true);
    const proposals = store.proposals.list("reuters-harbin", { all: true });
    expect(proposals.length).toBeGreaterThan(5);
    expect(proposals.every((proposal) => proposal.status === "pending" && proposal.sourceId === "reuters-harbin")).toBe(true);
    expect(store.proposals.list("reuters-harbin")).toEqual(proposals.filter((proposal) => proposal.coveredBy === null));

    const before = new Database(path, { readonly: true });
    const count = () => (before.prepare("SELECT (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM proposals) AS n").get() as { n: number }).n;
    const rows = count();
    for (const text of ["", "Comment Template\nShare\nBy Anna Petrova", "<html><body><p>Trade rose.</p></body></html>", "word ".repeat(3000)]) {
      const refused = store.addSource(draft(text), "mod");
      expect(refused.ok, JSON.stringify(text.slice(0, 40))).toBe(false);
    }
    expect(store.addSource(draft(ARTICLE), "mod", { id: "reuters-harbin" }).ok).toBe(false);
    expect(count()).toBe(rows);
    before.close();
    store.close();
  });

  it("a sentence without a word to ask by (\"It was not.\", \"Q: Why?\") never aborts adding a source", () => {
    const store = openSeededStore();
    const text = `${ARTICLE}\nIt was not.\nThat is all.\nQ: Why?\n`;
    const added = store.addSource(draft(text), "mod", { id: "short-lines" });
    expect(added.ok && added.value.id).toBe("short-lines");
    const proposals = store.proposals.list("short-lines", { all: true });
    expect(proposals.length).toBeGreaterThan(5);
    expect(proposals.map((proposal) => proposal.quote)).not.toContain("It was not.");
    expect(proposals.every((proposal) => proposal.keywords.length > 0)).toBe(true);
    const content = ProposalSchema.parse(Object.fromEntries(Object.entries(proposals[0]!).filter(([key]) => key in ProposalSchema.shape)));
    expect(store.proposals.propose("short-lines", [{ ...content, keywords: [] }, content])).toHaveLength(1);
    store.close();
  });

  it("a sentence longer than a quote may be is cut to the clause that holds the claim, verbatim, and can be accepted", () => {
    const store = openSeededStore();
    const filler = Array.from({ length: 16 }, () => "officials in the border districts described the season as busy but orderly").join("; ");
    const claim = "Harbin's exports to Russia rose 12.5% to 3.2 billion yuan in the first half";
    const sentence = `${filler}; ${claim}; ${filler}.`;
    expect(sentence.length).toBeGreaterThan(2000);
    expect(store.addSource(draft(`${ARTICLE}\n${sentence}\n`), "mod", { id: "long-sentence" }).ok).toBe(true);
    const proposals = store.proposals.list("long-sentence", { all: true });
    expect(proposals.every((proposal) => proposal.quote.length <= 2000)).toBe(true);
    const cut = proposals.find((proposal) => proposal.quote.includes("3.2 billion yuan"));
    expect(cut?.quote).toBe(claim);
    expect(cut?.figures.map((figure) => figure.text)).toEqual(["12.5%", "3.2 billion yuan"]);
    const accepted = store.proposals.accept(cut!.id, "ana");
    expect(accepted.ok && accepted.value.fact.quote).toBe(claim);
    store.close();
  });

  it("accepting makes a valid fact as a normal revision; a second decision is refused", () => {
    const store = openSeededStore();
    expect(store.addSource(draft(ARTICLE), "mod", { id: "reuters-harbin" }).ok).toBe(true);
    const [first, second] = store.proposals.list("reuters-harbin");
    const accepted = store.proposals.accept(first!.id, "ana");
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    const { fact, proposal } = accepted.value;
    expect(proposal).toMatchObject({ status: "accepted", decidedBy: "ana", factId: fact.id });
    expect(store.history(fact.id)[0]).toMatchObject({ action: "create", actor: "ana", reason: `created from proposal ${first!.id} of source reuters-harbin` });
    expect(validateFactBase(store.snapshot()).problems).toEqual([]);

    const again = store.proposals.accept(first!.id, "bo");
    expect(again.ok || again.error.kind).toBe("already-decided");
    const rejectLate = store.proposals.reject(first!.id, "bo", "dup");
    expect(rejectLate.ok || rejectLate.error.kind).toBe("already-decided");

    const rejected = store.proposals.reject(second!.id, "bo", "not news");
    expect(rejected.ok && rejected.value).toMatchObject({ status: "rejected", decidedBy: "bo", reason: "not news" });
    expect(store.proposals.list("reuters-harbin").map((item) => item.id)).not.toContain(second!.id);
    const missing = store.proposals.accept(999_999, "ana");
    expect(missing.ok || missing.error.kind).toBe("no-proposal");
    store.close();
  });

  it("a claim a fact now states is not accepted twice: the same sentence repeated, or the same article under another id", () => {
    const store = openSeededStore();
    expect(store.addSource(draft(ARTICLE), "mod", { id: "first" }).ok).toBe(true);
    const sentence = store.proposals.list("first")[0]!.quote;
    expect(store.addSource(draft(`${ARTICLE}\n${sentence}\n`), "mod", { id: "repeats" }).ok).toBe(true);
    const twins = store.proposals.list("repeats").filter((proposal) => proposal.quote === sentence);
    expect(twins).toHaveLength(2);
    const accepted = store.proposals.accept(twins[0]!.id, "ana");
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    const factId = accepted.value.fact.id;
    expect(store.proposals.pendingCounts()).toEqual(new Map(["first", "repeats"].map((source) => [source, store.proposals.list(source).length])));
    for (const source of ["repeats", "first"]) {
      expect(store.proposals.list(source).map((proposal) => proposal.quote), source).not.toContain(sentence);
      const twin = store.proposals.list(source, { all: true }).find((proposal) => proposal.quote === sentence && proposal.status === "pending")!;
      expect(twin.coveredBy, source).toBe(factId);
      const again = store.proposals.accept(twin.id, "bo");
      expect(again.ok || again.error, source).toMatchObject({ kind: "covered", factId });
      expect(store.proposals.get(twin.id)?.status).toBe("pending");
    }
    expect(store.facts().filter((fact) => fact.quote === sentence)).toHaveLength(1);
    store.close();
  });

  it("a claim a fact added since states is left out of the pending ones and refused at accept", () => {
    const store = openSeededStore();
    expect(store.addSource(draft(ARTICLE), "mod", { id: "reuters-harbin" }).ok).toBe(true);
    const [first] = store.proposals.list("reuters-harbin");
    const made = store.create({ statement: first!.statement, quote: first!.quote, sourceId: "reuters-harbin", attribution: "Reuters", topic: first!.topic, keywords: first!.keywords, aliases: [] }, "ana");
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(store.proposals.list("reuters-harbin").map((proposal) => proposal.id)).not.toContain(first!.id);
    const refused = store.proposals.accept(first!.id, "bo");
    expect(refused.ok || refused.error).toMatchObject({ kind: "covered", factId: made.value.id });
    expect(store.facts().filter((fact) => fact.quote === first!.quote)).toHaveLength(1);
    store.close();
  });

  it("an edit that breaks the fact is refused and leaves the proposal pending", () => {
    const store = openSeededStore();
    expect(store.addSource(draft(ARTICLE), "mod", { id: "reuters-harbin" }).ok).toBe(true);
    const [first] = store.proposals.list("reuters-harbin");
    const refused = store.proposals.accept(first!.id, "ana", { quote: "A quote this article never had." });
    expect(refused.ok || refused.error.kind).toBe("invalid");
    expect(store.proposals.get(first!.id)?.status).toBe("pending");
    store.close();
  });

  it("two connections deciding one proposal at once: exactly one wins", () => {
    const path = tempDbPath();
    const a = openSeededStore(path);
    const b = openSeededStore(path);
    expect(a.addSource(draft(ARTICLE), "mod", { id: "reuters-harbin" }).ok).toBe(true);
    const [first] = b.proposals.list("reuters-harbin");
    const results = [a.proposals.accept(first!.id, "ana"), b.proposals.reject(first!.id, "bo")];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(a.facts().filter((fact) => fact.sourceId === "reuters-harbin")).toHaveLength(1);
    a.close();
    b.close();
  });
});
