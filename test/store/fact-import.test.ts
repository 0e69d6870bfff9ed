import { describe, expect, it } from "vitest";
import type { Fact, FactBase } from "../../src/knowledge/schema.js";
import type { FactStore } from "../../src/knowledge/store/fact-store.js";
import { openSeededStore } from "../support/temp-db.js";

const EDITED_HERE = "vladivostok-largest-far-east-port";
const EDITED_IN_FILE = "northeast-china-trade-hub";
const AT = new Date("2026-12-01T09:30:00.000Z");

/** A base with one fact replaced by a changed copy. */
function withFact(base: FactBase, id: string, change: Partial<Fact>): FactBase {
  return { ...base, facts: base.facts.map((fact) => (fact.id === id ? { ...fact, ...change } : fact)) };
}

/** Another moderator's edit in the store, after the export was taken. */
function editHere(store: FactStore, id: string, topic: string, actor = "ana"): Fact {
  const fact = store.fact(id)!;
  const { statement, quote, sourceId, attribution, keywords, aliases } = fact;
  const edited = store.edit(id, { statement, quote, sourceId, attribution, topic, keywords, aliases }, fact.revision, actor, "better topic");
  if (!edited.ok) throw new Error(JSON.stringify(edited.error));
  return edited.value;
}

/** The store exported, one fact then edited in the store, and the old export with another fact edited in it. */
function oldExportAfterAnEdit() {
  const store = openSeededStore(undefined, () => AT);
  const exported = store.snapshot();
  const edited = editHere(store, EDITED_HERE, "Ports");
  const file = withFact(exported, EDITED_IN_FILE, { topic: "Trade hubs" });
  return { store, exported, edited, file };
}

function plan(store: FactStore, file: FactBase) {
  const planned = store.imports.plan(file);
  if (!planned.ok) throw new Error(JSON.stringify(planned.error));
  return planned.value;
}

describe("an import never silently undoes a newer edit", () => {
  it("plans a fact changed in the store after the file's revision as a conflict, with both versions", () => {
    const { store, exported, edited, file } = oldExportAfterAnEdit();
    const planned = plan(store, file);
    expect(planned.changed.map(({ after }) => after.id)).toEqual([EDITED_IN_FILE]);
    expect(planned.conflicts).toHaveLength(1);
    const [conflict] = planned.conflicts;
    expect(conflict?.before).toEqual(edited);
    expect(conflict?.before).toMatchObject({ revision: 2, topic: "Ports", updatedBy: "ana", updatedAt: AT.toISOString() });
    expect(conflict?.after).toEqual(exported.facts.find((fact) => fact.id === EDITED_HERE));
    expect(planned.unchanged).toBe(exported.facts.length - 2);
    store.close();
  });

  it("writes nothing when the importer did not say what to do with the conflicts", () => {
    const { store, file } = oldExportAfterAnEdit();
    const before = store.snapshot();
    const result = store.imports.apply(file, plan(store, file).fingerprint, "mod-b");
    expect(result).toMatchObject({ ok: false, error: { kind: "unresolved-conflicts", conflicts: [{ before: { id: EDITED_HERE, revision: 2 }, after: { revision: 1 } }] } });
    expect(store.snapshot()).toEqual(before);
    expect(store.history(EDITED_IN_FILE)).toHaveLength(1);
    store.close();
  });

  it("skipping the conflicts imports the rest and leaves the newer edit as it is", () => {
    const { store, edited, file } = oldExportAfterAnEdit();
    const result = store.imports.apply(file, plan(store, file).fingerprint, "mod-b", "skip");
    expect(result.ok).toBe(true);
    expect(store.fact(EDITED_IN_FILE)).toMatchObject({ topic: "Trade hubs", revision: 2, updatedBy: "mod-b" });
    expect(store.fact(EDITED_HERE)).toEqual(edited);
    expect(store.history(EDITED_HERE)).toHaveLength(2);
    store.close();
  });

  it("overwriting the conflicts writes the file's version as a new revision that says what it overwrote", () => {
    const { store, exported, file } = oldExportAfterAnEdit();
    const result = store.imports.apply(file, plan(store, file).fingerprint, "mod-b", "overwrite");
    expect(result.ok).toBe(true);
    const original = exported.facts.find((fact) => fact.id === EDITED_HERE)!;
    expect(store.fact(EDITED_HERE)).toMatchObject({ topic: original.topic, revision: 3, updatedBy: "mod-b" });
    expect(store.history(EDITED_HERE).at(-1)).toMatchObject({ action: "import", actor: "mod-b", reason: "import over r2 (the file had r1)", before: { topic: "Ports" } });
    expect(store.fact(EDITED_IN_FILE)).toMatchObject({ topic: "Trade hubs", revision: 2 });
    store.close();
  });

  it("is no conflict when the file already holds the store's newest content, or is at the store's revision", () => {
    const store = openSeededStore();
    editHere(store, EDITED_HERE, "Ports");
    const exported = store.snapshot();
    const sameContentOlderRevision = withFact(exported, EDITED_HERE, { revision: 1 });
    expect(plan(store, sameContentOlderRevision)).toMatchObject({ conflicts: [], changed: [], unchanged: exported.facts.length });
    const editedAtTheStoresRevision = withFact(exported, EDITED_HERE, { topic: "Harbours" });
    const planned = plan(store, editedAtTheStoresRevision);
    expect(planned.conflicts).toEqual([]);
    expect(planned.changed.map(({ after }) => [after.id, after.topic])).toEqual([[EDITED_HERE, "Harbours"]]);
    store.close();
  });

  it("adds a fact the store does not hold whatever revision the file gives it", () => {
    const store = openSeededStore();
    const base = store.snapshot();
    const template = base.facts.find((fact) => fact.id === EDITED_HERE)!;
    const handWritten = { ...template, id: "vladivostok-port-again", revision: 7 };
    const file = { ...base, facts: [...base.facts, handWritten] };
    const planned = plan(store, file);
    expect(planned).toMatchObject({ conflicts: [], added: [{ id: "vladivostok-port-again" }] });
    expect(store.imports.apply(file, planned.fingerprint, "mod-b").ok).toBe(true);
    expect(store.fact("vladivostok-port-again")).toMatchObject({ revision: 1 });
    store.close();
  });

  it("refuses a plan made before the conflicting edit: the fingerprint no longer matches", () => {
    const store = openSeededStore();
    const exported = store.snapshot();
    const file = withFact(exported, EDITED_IN_FILE, { topic: "Trade hubs" });
    const planned = plan(store, file);
    expect(planned.conflicts).toEqual([]);
    editHere(store, EDITED_IN_FILE, "Hubs");
    expect(store.imports.apply(file, planned.fingerprint, "mod-b", "overwrite")).toMatchObject({ ok: false, error: { kind: "stale-plan" } });
    expect(store.fact(EDITED_IN_FILE)).toMatchObject({ topic: "Hubs", revision: 2 });
    store.close();
  });
});

describe("translations in an import", () => {
  it("count as a change: a store without a fact's translation gets it from the file (a database from before translations, the seed)", () => {
    const store = openSeededStore();
    const id = "liaoning-exports-to-russia-value";
    const translated = store.fact(id)!;
    const removed = store.translate(id, "ru", null, translated.revision, "mod-a", "translation ru");
    if (!removed.ok) throw new Error(JSON.stringify(removed.error));
    const planned = plan(store, { ...store.snapshot(), facts: [{ ...removed.value, translations: translated.translations }] });
    expect(planned.unchanged).toBe(0);
    expect(planned.changed.map(({ after }) => after.id)).toEqual([id]);
    const applied = store.imports.apply({ ...store.snapshot(), facts: [{ ...removed.value, translations: translated.translations }] }, planned.fingerprint, "mod-a");
    expect(applied.ok).toBe(true);
    expect(store.fact(id)?.translations).toEqual(translated.translations);
    store.close();
  });
});
