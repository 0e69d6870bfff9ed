import { createHash } from "node:crypto";
import { err, ok, type Result } from "../../result.js";
import { sameContent } from "../fact-diff.js";
import type { Fact, FactBase, Source } from "../schema.js";
import { claimProblems, validateFactBase, type Problem } from "../validate.js";
import type { RevisionAction, StoreError } from "./fact-store.js";

export interface ImportPlan {
  sourcesAdded: Source[];
  sourcesChanged: Source[];
  added: Fact[];
  changed: { before: Fact; after: Fact }[];
  unchanged: number;
  /** Facts in the store that the file does not mention: left as they are (nothing is ever deleted). */
  untouched: number;
  /** Identifies the store state and file the plan was made for; applying checks it. */
  fingerprint: string;
}

/** What an import needs from the fact store: what it holds, where its change log ends, and its writes. */
export interface ImportTarget {
  facts(): Fact[];
  sources(): Source[];
  cursor(): number;
  now(): string;
  /** Runs the work in one transaction that takes the write lock first. */
  write<T>(work: () => Result<T, StoreError>): Result<T, StoreError>;
  /** Validates and writes one revision of a fact with its audit row. */
  commitFact(fact: Fact, before: Fact | null, action: RevisionAction, actor: string, reason: string | null): Result<Fact, StoreError>;
  /** Writes a source, keeping its previous version. */
  putSource(source: Source, actor: string): void;
}

/** A whole fact base file brought into the store: planned first (nothing written), then applied all at once. */
export class FactImporter {
  constructor(private readonly store: ImportTarget) {}

  /** What importing this base would change; nothing is written. */
  plan(base: FactBase): Result<ImportPlan, StoreError> {
    const { base: valid, problems } = validateFactBase(base);
    if (!valid) return err({ kind: "invalid", problems });
    const sources = new Map(this.store.sources().map((source) => [source.id, source]));
    const facts = new Map(this.store.facts().map((fact) => [fact.id, fact]));
    const plan: Omit<ImportPlan, "fingerprint"> = { sourcesAdded: [], sourcesChanged: [], added: [], changed: [], unchanged: 0, untouched: 0 };
    for (const source of valid.sources) {
      const existing = sources.get(source.id);
      if (!existing) plan.sourcesAdded.push(source);
      else if (JSON.stringify(existing) !== JSON.stringify(source)) plan.sourcesChanged.push(source);
    }
    const sourceProblems = sourceChangeProblems(plan.sourcesChanged, sources, [...facts.values()], valid.facts);
    if (sourceProblems.length > 0) return err({ kind: "invalid", problems: sourceProblems });
    const imported = new Set(valid.facts.map((fact) => fact.id));
    for (const fact of valid.facts) {
      const existing = facts.get(fact.id);
      if (!existing) plan.added.push(fact);
      else if (!sameContent(existing, fact)) plan.changed.push({ before: existing, after: fact });
      else plan.unchanged++;
    }
    plan.untouched = [...facts.keys()].filter((id) => !imported.has(id)).length;
    const fingerprint = createHash("sha256").update(JSON.stringify(valid)).update(String(this.store.cursor())).digest("hex").slice(0, 16);
    return ok({ ...plan, fingerprint });
  }

  /** Applies an import in one transaction (all of it or none), only if the store is still as it was when the plan was made. */
  apply(base: FactBase, fingerprint: string, actor: string): Result<ImportPlan, StoreError> {
    try {
      return this.store.write(() => {
        const plan = this.plan(base);
        if (!plan.ok) return plan;
        if (plan.value.fingerprint !== fingerprint) return err({ kind: "stale-plan" });
        const now = this.store.now();
        for (const source of [...plan.value.sourcesAdded, ...plan.value.sourcesChanged]) this.store.putSource(source, actor);
        const writes = [
          ...plan.value.added.map((fact) => () => this.store.commitFact({ ...fact, revision: 1, updatedAt: now, updatedBy: actor }, null, "import", actor, "import")),
          ...plan.value.changed.map(({ before, after }) => () => this.store.commitFact({ ...after, revision: before.revision + 1, updatedAt: now, updatedBy: actor }, before, "import", actor, "import")),
        ];
        for (const write of writes) {
          const written = write();
          if (!written.ok) throw new RolledBack(written.error);
        }
        return ok(plan.value);
      });
    } catch (error) {
      if (error instanceof RolledBack) return err(error.reason);
      throw error;
    }
  }
}

/**
 * A source's text never changes once facts can quote it (register the corrected article as a new source);
 * and a stored fact that the import leaves as it is must still hold against the source's new version.
 */
function sourceChangeProblems(changed: readonly Source[], stored: ReadonlyMap<string, Source>, storedFacts: readonly Fact[], importedFacts: readonly Fact[]): Problem[] {
  if (changed.length === 0) return [];
  const imported = new Set(importedFacts.map((fact) => fact.id));
  const kept = storedFacts.filter((fact) => !imported.has(fact.id));
  return changed.flatMap((source) => {
    const before = stored.get(source.id);
    if (before?.text && source.text !== before.text) {
      return [{ subject: `source ${source.id}`, field: "text", reason: "differs from the stored text; a source's text never changes: register the corrected article as a new source" }];
    }
    return kept
      .filter((fact) => fact.sourceId === source.id)
      .flatMap((fact) => claimProblems(`fact ${fact.id}`, fact, source));
  });
}

/** Thrown inside the transaction to roll all of it back, carrying the reason out. */
class RolledBack extends Error {
  constructor(readonly reason: StoreError) {
    super("rolled back");
  }
}
