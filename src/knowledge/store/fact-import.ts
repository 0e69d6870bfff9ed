import { createHash } from "node:crypto";
import { err, ok, type Result } from "../../result.js";
import { sameContent } from "../fact-diff.js";
import type { Fact, FactBase, Source } from "../schema.js";
import { claimProblems, validateFactBase, type Problem } from "../validate.js";
import type { RevisionAction, StoreError } from "./fact-store.js";

/** A fact as the store holds it (before) and as the file has it (after). */
export interface FactChange {
  before: Fact;
  after: Fact;
}

export interface ImportPlan {
  sourcesAdded: Source[];
  sourcesChanged: Source[];
  added: Fact[];
  changed: FactChange[];
  /**
   * Facts changed in the store after the revision the file has of them (exported, then edited here): writing
   * the file's version would undo that change, so they are written only when the importer says so.
   */
  conflicts: FactChange[];
  unchanged: number;
  /** Facts in the store that the file does not mention: left as they are (nothing is ever deleted). */
  untouched: number;
  /** Identifies the store state and file the plan was made for; applying checks it. */
  fingerprint: string;
}

/** What to do with conflicts: leave them as the store has them, or write the file's version over them. */
export type ConflictChoice = "skip" | "overwrite";

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
    const plan: Omit<ImportPlan, "fingerprint"> = { sourcesAdded: [], sourcesChanged: [], added: [], changed: [], conflicts: [], unchanged: 0, untouched: 0 };
    for (const source of valid.sources) {
      const existing = sources.get(source.id);
      if (!existing) plan.sourcesAdded.push(source);
      else if (JSON.stringify(existing) !== JSON.stringify(source)) plan.sourcesChanged.push(source);
    }
    for (const fact of valid.facts) {
      const existing = facts.get(fact.id);
      if (!existing) plan.added.push(fact);
      else if (sameContent(existing, fact)) plan.unchanged++;
      else if (existing.revision > fact.revision) plan.conflicts.push({ before: existing, after: fact });
      else plan.changed.push({ before: existing, after: fact });
    }
    const written = new Set([...plan.added, ...plan.changed.map((change) => change.after)].map((fact) => fact.id));
    const kept = [...facts.values()].filter((fact) => !written.has(fact.id));
    const sourceProblems = sourceChangeProblems(plan.sourcesChanged, sources, kept);
    if (sourceProblems.length > 0) return err({ kind: "invalid", problems: sourceProblems });
    const imported = new Set(valid.facts.map((fact) => fact.id));
    plan.untouched = [...facts.keys()].filter((id) => !imported.has(id)).length;
    const fingerprint = createHash("sha256").update(JSON.stringify(valid)).update(String(this.store.cursor())).digest("hex").slice(0, 16);
    return ok({ ...plan, fingerprint });
  }

  /**
   * Applies an import in one transaction (all of it or none), only if the store is still as it was when the plan
   * was made. A plan with conflicts writes nothing unless the importer chose what to do with them.
   */
  apply(base: FactBase, fingerprint: string, actor: string, onConflict?: ConflictChoice): Result<ImportPlan, StoreError> {
    try {
      return this.store.write(() => {
        const plan = this.plan(base);
        if (!plan.ok) return plan;
        if (plan.value.fingerprint !== fingerprint) return err({ kind: "stale-plan" });
        const { conflicts } = plan.value;
        if (conflicts.length > 0 && !onConflict) return err({ kind: "unresolved-conflicts", conflicts });
        const now = this.store.now();
        for (const source of [...plan.value.sourcesAdded, ...plan.value.sourcesChanged]) this.store.putSource(source, actor);
        const replace = ({ before, after }: FactChange, reason: string) => () =>
          this.store.commitFact({ ...after, revision: before.revision + 1, updatedAt: now, updatedBy: actor }, before, "import", actor, reason);
        const writes = [
          ...plan.value.added.map((fact) => () => this.store.commitFact({ ...fact, revision: 1, updatedAt: now, updatedBy: actor }, null, "import", actor, "import")),
          ...plan.value.changed.map((change) => replace(change, "import")),
          ...(onConflict === "overwrite" ? conflicts.map((change) => replace(change, `import over r${change.before.revision} (the file had r${change.after.revision})`)) : []),
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
 * and a stored fact the import may leave as it is (a conflict among them) must still hold against the source's
 * new version.
 */
function sourceChangeProblems(changed: readonly Source[], stored: ReadonlyMap<string, Source>, kept: readonly Fact[]): Problem[] {
  if (changed.length === 0) return [];
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
