import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { diffFacts } from "../../src/knowledge/fact-diff.js";
import { openDatabase } from "../../src/knowledge/store/database.js";
import { FactStore, type FactDraft } from "../../src/knowledge/store/fact-store.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { seedBase } from "../support/seed.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";

const FACT = "vladivostok-largest-far-east-port";

function draftOf(fact: Fact, changes: Partial<FactDraft> = {}): FactDraft {
  const { statement, quote, sourceId, attribution, topic, keywords, aliases } = fact;
  return { statement, quote, sourceId, attribution, topic, keywords, aliases, ...changes };
}

describe("opening and seeding", () => {
  it("creates the file, seeds it once, and never overwrites a moderator's edit", () => {
    const path = tempDbPath();
    const store = openSeededStore(path);
    expect(store.facts()).toHaveLength(seedBase().facts.length);
    const fact = store.fact(FACT)!;
    expect(store.edit(FACT, draftOf(fact, { topic: "Ports" }), fact.revision, "mod-a", "better topic").ok).toBe(true);
    store.close();

    const reopened = openSeededStore(path);
    expect(reopened.facts()).toHaveLength(seedBase().facts.length);
    expect(reopened.fact(FACT)?.topic).toBe("Ports");
    reopened.close();
  });

  it("adds seed facts it does not hold yet", () => {
    const path = tempDbPath();
    const base = seedBase();
    const first = FactStore.open(path, { seed: { sources: base.sources, facts: base.facts.slice(0, 5) } });
    if (!first.ok) throw new Error(first.error);
    first.value.close();
    const again = openSeededStore(path);
    expect(again.facts()).toHaveLength(base.facts.length);
    again.close();
  });

  it("refuses a file that is not a database, naming it and leaving it untouched", () => {
    const path = tempDbPath();
    writeFileSync(path, "this is not a database\n".repeat(100));
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    const result = FactStore.open(path, { seed: seedBase() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^database ${path} cannot be used: .*not a database`));
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});

describe("revisions", () => {
  it("records every change with who, when, why, before and after", () => {
    const store = openSeededStore(undefined, () => new Date("2026-11-29T12:00:00.000Z"));
    const fact = store.fact(FACT)!;
    const edited = store.edit(FACT, draftOf(fact, { keywords: ["vladivostok", "port", "haishenwai"] }), 1, "mod-a", "alias");
    expect(edited).toMatchObject({ ok: true, value: { revision: 2, updatedBy: "mod-a", updatedAt: "2026-11-29T12:00:00.000Z" } });
    expect(store.retire(FACT, "mod-b", "duplicate").ok).toBe(true);
    expect(store.restore(FACT, "mod-a").ok).toBe(true);
    const history = store.history(FACT);
    expect(history.map((revision) => [revision.revision, revision.action, revision.actor, revision.reason])).toEqual([
      [1, "seed", "seed", "curated seed"],
      [2, "edit", "mod-a", "alias"],
      [3, "retire", "mod-b", "duplicate"],
      [4, "restore", "mod-a", null],
    ]);
    expect(history[1]?.before?.keywords).toEqual(fact.keywords);
    expect(history[1]?.after.keywords).toEqual(["vladivostok", "port", "haishenwai"]);
    expect(history[2]?.after.status).toBe("retired");
    store.close();
  });

  it("reverts content to an earlier revision as a new revision, keeping the status", () => {
    const store = openSeededStore();
    const fact = store.fact(FACT)!;
    store.edit(FACT, draftOf(fact, { topic: "Ports" }), 1, "mod-a");
    store.retire(FACT, "mod-a", "testing");
    const reverted = store.revert(FACT, 1, "mod-b");
    expect(reverted).toMatchObject({ ok: true, value: { revision: 4, topic: fact.topic, status: "retired" } });
    expect(store.history(FACT).at(-1)).toMatchObject({ action: "revert", reason: "revert to revision 1" });
    expect(store.revert(FACT, 99, "mod-b")).toMatchObject({ ok: false, error: { kind: "not-found" } });
    store.close();
  });

  it("refuses an invalid draft per field and changes nothing", () => {
    const store = openSeededStore();
    const fact = store.fact(FACT)!;
    const result = store.edit(FACT, draftOf(fact, { quote: "Vladivostok is a lovely city.", statement: "It handles 99 ships." }), 1, "mod-a");
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === "invalid") expect(result.error.problems.map((problem) => problem.field).sort()).toEqual(["quote", "statement"]);
    expect(store.fact(FACT)).toEqual(fact);
    expect(store.history(FACT)).toHaveLength(1);
    store.close();
  });

  it("drops the translations an edited statement leaves behind, instead of refusing the moderator's edit", () => {
    const store = openSeededStore();
    const id = "liaoning-exports-to-russia-value";
    const fact = store.fact(id)!;
    expect(Object.keys(fact.translations ?? {}).sort()).toEqual(["ru", "zh-CN"]);
    const sameFigures = store.edit(id, draftOf(fact, { statement: `${fact.statement.replace(/\.$/, "")}, the article said.` }), 1, "mod-a");
    expect(sameFigures.ok && Object.keys(sameFigures.value.translations ?? {}).sort()).toEqual(["ru", "zh-CN"]);
    const statement = "Liaoning's exports to Russia rose 82.3% in the first nine months.";
    const edited = store.edit(id, draftOf(store.fact(id)!, { statement }), 2, "mod-a");
    expect(edited).toMatchObject({ ok: true, value: { statement, revision: 3 } });
    expect(edited.ok && edited.value.translations).toBeUndefined();
    expect(store.history(id).at(-1)?.before?.translations).toEqual(fact.translations);
    store.close();
  });

  it("refuses a change that changes nothing", () => {
    const store = openSeededStore();
    expect(store.edit(FACT, draftOf(store.fact(FACT)!), 1, "mod-a")).toMatchObject({ ok: false, error: { kind: "unchanged" } });
    store.close();
  });

  it("creates a fact with an id from its statement, unique", () => {
    const store = openSeededStore();
    const base = store.fact(FACT)!;
    const draft = draftOf(base, { statement: "Vladivostok is the largest port in the Russian Far East, again." });
    const first = store.create(draft, "mod-a");
    const second = store.create(draft, "mod-a");
    expect(first).toMatchObject({ ok: true, value: { id: "vladivostok-largest-port-russian-far-east", revision: 1, status: "active" } });
    expect(second).toMatchObject({ ok: true, value: { id: "vladivostok-largest-port-russian-far-east-2" } });
    store.close();
  });
});

describe("two moderators editing one fact", () => {
  it("lets exactly one win; the other gets the conflict with what changed", () => {
    const path = tempDbPath();
    const a = openSeededStore(path);
    const b = openSeededStore(path);
    const fact = a.fact(FACT)!;
    const first = a.edit(FACT, draftOf(fact, { topic: "Ports" }), fact.revision, "mod-a");
    const second = b.edit(FACT, draftOf(fact, { topic: "Harbours" }), fact.revision, "mod-b");
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { kind: "conflict", current: { topic: "Ports", revision: 2 } } });
    if (!second.ok && second.error.kind === "conflict") expect(second.error.since.map((revision) => revision.actor)).toEqual(["mod-a"]);
    expect(b.fact(FACT)?.topic).toBe("Ports");
    a.close();
    b.close();
  });
});

describe("import", () => {
  it("plans, then applies in one go only if nothing changed in between", () => {
    const store = openSeededStore();
    const base = store.snapshot();
    const fact = base.facts.find((candidate) => candidate.id === FACT)!;
    const edited = { ...base, facts: base.facts.map((candidate) => (candidate.id === FACT ? { ...fact, topic: "Ports" } : candidate)) };
    const plan = store.imports.plan(edited);
    expect(plan).toMatchObject({ ok: true, value: { added: [], unchanged: base.facts.length - 1, untouched: 0 } });
    if (!plan.ok) return;
    expect(plan.value.changed.map((change) => change.after.id)).toEqual([FACT]);
    expect(store.fact(FACT)?.topic).toBe(fact.topic);

    const other = store.snapshot().facts.find((candidate) => candidate.id !== FACT)!;
    store.retire(other.id, "mod-b", "meanwhile");
    expect(store.imports.apply(edited, plan.value.fingerprint, "mod-a")).toMatchObject({ ok: false, error: { kind: "stale-plan" } });
    const fresh = store.imports.plan(edited);
    if (!fresh.ok) throw new Error("plan failed");
    expect(fresh.value.conflicts.map((conflict) => conflict.before.id)).toEqual([other.id]);
    expect(store.imports.apply(edited, fresh.value.fingerprint, "mod-a", "skip").ok).toBe(true);
    expect(store.fact(FACT)).toMatchObject({ topic: "Ports", revision: 2, updatedBy: "mod-a" });
    expect(store.fact(other.id)?.status).toBe("retired");
    expect(store.history(FACT).at(-1)?.action).toBe("import");
    store.close();
  });

  it("changes nothing when the file is invalid", () => {
    const store = openSeededStore();
    const before = JSON.stringify(store.snapshot());
    const base = store.snapshot();
    const broken = { ...base, facts: [...base.facts, { ...base.facts[0]!, id: "new-fact", quote: "not in the article" }] };
    expect(store.imports.plan(broken)).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(store.imports.apply(broken, "anything", "mod-a")).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(JSON.stringify(store.snapshot())).toBe(before);
    store.close();
  });
});

describe("signals from the community", () => {
  it("keeps one vote per user per fact; voting again updates it", () => {
    const store = openSeededStore();
    expect(store.feedback.vote(FACT, "user-1", false)).toBe("recorded");
    expect(store.feedback.vote(FACT, "user-1", false)).toBe("unchanged");
    expect(store.feedback.vote(FACT, "user-1", true)).toBe("changed");
    expect(store.feedback.vote(FACT, "user-2", false)).toBe("recorded");
    expect(store.feedback.stats()).toMatchObject({ helpful: 1, notHelpful: 1 });
    expect(store.feedback.gaps().downvoted).toEqual([{ fact: store.fact(FACT), helpful: 1, notHelpful: 1 }]);
    store.close();
  });

  it("counts questions and keeps unanswered ones normalised, with counts and dates, without users", () => {
    let now = new Date("2026-11-01T00:00:00.000Z");
    const store = openSeededStore(undefined, () => now);
    store.feedback.recordAsks([{ question: "What is the GDP of India?", factId: null }]);
    now = new Date("2026-11-02T00:00:00.000Z");
    store.feedback.recordAsks([{ question: "what is the GDP of india", factId: null }]);
    store.feedback.recordAsks([{ question: "shenyang capital", factId: "shenyang-capital-of-liaoning" }]);
    store.feedback.recordAsks([{ question: "   ", factId: null }]);
    expect(store.feedback.gaps().unanswered).toEqual([
      { question: "What is the GDP of India?", count: 2, firstSeen: "2026-11-01T00:00:00.000Z", lastSeen: "2026-11-02T00:00:00.000Z" },
    ]);
    const stats = store.feedback.stats();
    expect(stats).toMatchObject({ asked: 4, answered: 1 });
    expect(stats.topFacts.map((entry) => [entry.fact.id, entry.answers])).toEqual([["shenyang-capital-of-liaoning", 1]]);
    store.close();
  });
});

describe("changes from another process", () => {
  it("are listed after the cursor, with the facts as they are now", () => {
    const path = tempDbPath();
    const bot = openSeededStore(path);
    const cli = openSeededStore(path);
    const cursor = bot.changes.cursor();
    const version = bot.changes.dataVersion();
    cli.retire(FACT, "cli", "gone");
    expect(bot.changes.dataVersion()).not.toBe(version);
    const changes = bot.changes.since(cursor);
    expect(changes.facts.map((fact) => [fact.id, fact.status])).toEqual([[FACT, "retired"]]);
    expect(changes.sourcesChanged).toBe(false);
    expect(bot.changes.since(changes.cursor).facts).toEqual([]);
    bot.close();
    cli.close();
  });
});

describe("sources stay trustworthy", () => {
  it("refuses an import that changes a source's text, and changes nothing", () => {
    const store = openSeededStore();
    const base = store.snapshot();
    const cut = { ...base, sources: base.sources.map((source) => ({ ...source, text: source.text!.split("\n")[0]! })), facts: [] };
    const plan = store.imports.plan(cut);
    expect(plan).toMatchObject({ ok: false, error: { kind: "invalid", problems: [{ subject: `source ${base.sources[0]!.id}`, field: "text" }] } });
    expect(JSON.stringify(store.snapshot())).toBe(JSON.stringify(base));
    store.close();
  });

  it("checks the stored facts of a source that gains its text", () => {
    const store = openSeededStore();
    const source = store.addSource({ title: "Harbin report", publisher: null, url: null, date: null, dateNote: null, text: null }, "mod");
    if (!source.ok) throw new Error("source not added");
    const fact = store.fact(FACT)!;
    const created = store.create(draftOf(fact, { sourceId: source.value.id, quote: "Harbin grew.", statement: "Harbin grew." }), "mod");
    expect(created.ok).toBe(true);
    const withText = { sources: [{ ...source.value, text: "Harbin shrank." }], facts: [] };
    expect(store.imports.plan(withText)).toMatchObject({ ok: false, error: { kind: "invalid", problems: [{ field: "quote" }] } });
    store.close();
  });

  it("keeps every version of a source's metadata", () => {
    const path = tempDbPath();
    const store = openSeededStore(path);
    const base = store.snapshot();
    const renamed = { sources: [{ ...base.sources[0]!, publisher: "Some Daily" }], facts: [] };
    const plan = store.imports.plan(renamed);
    if (!plan.ok) throw new Error("plan failed");
    expect(store.imports.apply(renamed, plan.value.fingerprint, "mod").ok).toBe(true);
    store.close();
    const raw = new Database(path);
    const rows = raw.prepare("SELECT before, after FROM source_revisions ORDER BY id").all() as { before: string | null; after: string }[];
    raw.close();
    expect(rows.map((row) => [row.before && (JSON.parse(row.before) as { publisher: unknown }).publisher, (JSON.parse(row.after) as { publisher: unknown }).publisher])).toEqual([
      [null, null],
      [null, "Some Daily"],
    ]);
  });

  it("refuses a URL that is not http(s)", () => {
    const store = openSeededStore();
    for (const url of ["javascript:alert(1)", "ftp://example.com/a", "file:///etc/passwd"]) {
      expect(store.addSource({ title: "Bad link", publisher: null, url, date: null, dateNote: null, text: null }, "mod").ok, url).toBe(false);
    }
    store.close();
  });
});

describe("translations", () => {
  const ID = "liaoning-exports-to-russia-value";
  const RU = {
    statement: "За первые девять месяцев Ляонин экспортировал в Россию товаров на 42,64 млрд юаней (5,83 млрд долларов).",
    keywords: ["экспорт", "Ляонин"],
    aliases: [],
    questions: ["Сколько Ляонин продал России?"],
  };

  it("saves one language's translation as a revision, leaving the other as it was, and history names what changed", () => {
    const store = openSeededStore();
    const fact = store.fact(ID)!;
    const saved = store.translate(ID, "ru", RU, 1, "mod-a", "translation ru");
    expect(saved).toMatchObject({ ok: true, value: { revision: 2, updatedBy: "mod-a", translations: { ru: RU, "zh-CN": fact.translations?.["zh-CN"] } } });
    const revision = store.history(ID).at(-1)!;
    expect(revision).toMatchObject({ revision: 2, action: "edit", actor: "mod-a", reason: "translation ru" });
    expect(diffFacts(revision.before, revision.after)).toEqual([
      { field: "translations.ru.statement", before: fact.translations?.ru?.statement, after: RU.statement },
      { field: "translations.ru.keywords", before: fact.translations?.ru?.keywords, after: RU.keywords },
      { field: "translations.ru.aliases", before: fact.translations?.ru?.aliases, after: undefined },
      { field: "translations.ru.questions", before: fact.translations?.ru?.questions, after: RU.questions },
    ]);
    store.close();
  });

  it("refuses a translation that misstates a figure or spells a name another way, changing nothing", () => {
    const store = openSeededStore();
    const fact = store.fact(ID)!;
    const figure = store.translate(ID, "ru", { ...RU, statement: RU.statement.replace("42,64", "42,46") }, 1, "mod-a", "translation ru");
    expect(figure).toMatchObject({ ok: false, error: { kind: "invalid", problems: [{ field: "translations.ru.statement", reason: "figure 42.64 of the statement not in the translation" }] } });
    const name = store.translate(ID, "ru", { ...RU, statement: RU.statement.replace("Ляонин ", "Ляонинь ") }, 1, "mod-a", "translation ru");
    expect(name.ok === false && name.error.kind === "invalid" && name.error.problems.map((problem) => problem.reason)).toEqual([
      'writes "Ляонинь": the base spells liaoning "Ляонин" (list "Ляонинь" in aliases)',
    ]);
    expect(store.fact(ID)).toEqual(fact);
    expect(store.history(ID)).toHaveLength(1);
    store.close();
  });

  it("removes a translation as a revision, and the fact loses its translations once none is left", () => {
    const store = openSeededStore();
    const fact = store.fact(ID)!;
    const withoutRussian = store.translate(ID, "ru", null, 1, "mod-a", "translation ru");
    expect(withoutRussian.ok && withoutRussian.value.translations).toEqual({ "zh-CN": fact.translations?.["zh-CN"] });
    const untranslated = store.translate(ID, "zh-CN", null, 2, "mod-a", "not checked");
    expect(untranslated.ok && "translations" in untranslated.value).toBe(false);
    expect(store.history(ID).at(-1)?.before?.translations).toEqual({ "zh-CN": fact.translations?.["zh-CN"] });
    expect(store.translate(ID, "zh-CN", null, 3, "mod-a", "again")).toMatchObject({ ok: false, error: { kind: "unchanged" } });
    store.close();
  });

  it("refuses a translation made on a revision someone changed since, with what they did", () => {
    const store = openSeededStore();
    const fact = store.fact(ID)!;
    expect(store.edit(ID, draftOf(fact, { topic: "Exports" }), 1, "mod-b").ok).toBe(true);
    const stale = store.translate(ID, "ru", RU, 1, "mod-a", "translation ru");
    expect(stale).toMatchObject({ ok: false, error: { kind: "conflict", current: { revision: 2 }, since: [{ revision: 2, actor: "mod-b" }] } });
    expect(store.fact(ID)?.translations?.ru).toEqual(fact.translations?.ru);
    store.close();
  });
});

describe("ids and privacy", () => {
  it("makes plain a-z ids from statements in other scripts", () => {
    const store = openSeededStore();
    const source = store.addSource({ title: "Новости Хабаровска", publisher: null, url: null, date: null, dateNote: null, text: null }, "mod");
    expect(source.ok && source.value.id).toMatch(/^source-[0-9a-f]{8}$/);
    const fact = store.fact(FACT)!;
    const created = store.create(draftOf(fact, { statement: "Straße Харбин 沈阳 is the largest port in the Russian Far East." }), "mod");
    expect(created).toMatchObject({ ok: true, value: { id: "strasse-largest-port-russian-far-east" } });
    store.close();
  });

  it("keeps no mention or user id in the unanswered questions", () => {
    const store = openSeededStore();
    store.feedback.recordAsks([{ question: "<@123456789012345678> what is the GDP of India @everyone", factId: null }]);
    expect(store.feedback.gaps().unanswered[0]?.question).toBe("what is the GDP of India");
    store.close();
  });

  it("runs in WAL mode with full sync, so a committed write survives a crash", () => {
    const db = openDatabase(tempDbPath());
    if (!db.ok) throw new Error(db.error);
    expect(db.value.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.value.pragma("synchronous", { simple: true })).toBe(2);
    db.value.close();
  });
});
