import { createHash } from "node:crypto";
import { z } from "zod";
import { err, ok, type Result } from "../../result.js";
import { sameContent } from "../fact-diff.js";
import { FactSchema, SourceSchema, type Fact, type FactBase, type FactTranslation, type Source, type TranslationLocale } from "../schema.js";
import { isContentWord, normaliseText, words } from "../text/analyze.js";
import { validateFactBase, type Problem } from "../validate.js";
import { proposeFacts } from "../proposals/propose.js";
import { checkArticleText } from "../source-text.js";
import { withAgreeingTranslations } from "../validate-translations.js";
import { ChangeFeed } from "./change-feed.js";
import { openDatabase, type Db, type OpenOptions } from "./database.js";
import { FactImporter, type FactChange } from "./fact-import.js";
import { FeedbackStore } from "./feedback-store.js";
import { ProposalStore, type NewFactContent } from "./proposal-store.js";
import { QaStore } from "./qa-store.js";
import { unreadableRows } from "./unreadable-rows.js";

/** What a moderator writes for a fact; the rest is kept from the fact's last revision (or left empty). */
export const FactDraftSchema = FactSchema.pick({ statement: true, quote: true, sourceId: true, attribution: true, topic: true, keywords: true, aliases: true });
export type FactDraft = z.infer<typeof FactDraftSchema>;

export const SourceDraftSchema = SourceSchema.omit({ id: true });
export type SourceDraft = z.infer<typeof SourceDraftSchema>;

export type RevisionAction = "seed" | "create" | "edit" | "retire" | "restore" | "revert" | "import";

export interface Revision {
  revision: number;
  action: RevisionAction;
  actor: string;
  reason: string | null;
  at: string;
  before: Fact | null;
  after: Fact;
}

export type StoreError =
  | { kind: "invalid"; problems: Problem[] }
  /** No such fact, or (with `revision`) no such revision of it. */
  | { kind: "not-found"; id: string; revision?: number }
  | { kind: "unchanged"; fact: Fact }
  /** Someone else changed the fact since the writer read it: what they did, so the writer can decide. */
  | { kind: "conflict"; current: Fact; since: Revision[] }
  | { kind: "stale-plan" }
  /** An import met facts changed since the file's revision of them, and the importer did not say what to do. */
  | { kind: "unresolved-conflicts"; conflicts: FactChange[] };

type Row = Record<string, unknown>;

/**
 * The durable fact base: SQLite, every change a new revision with who, when, why, before and after, in one
 * transaction with its audit row. Writes take the write lock before reading (BEGIN IMMEDIATE), so two writers
 * (two moderators, or the bot and the CLI) never both win against the same revision. Nothing is deleted.
 */
export class FactStore {
  /** Questions asked, votes, gaps and stats. */
  readonly feedback: FeedbackStore;
  /** What changed since a cursor, for keeping engines in step across processes. */
  readonly changes: ChangeFeed;
  /** Channels opted in to Q&A, and the answers given unasked. */
  readonly qa: QaStore;
  /** Whole fact base files: planned, then applied in one transaction. */
  readonly imports: FactImporter;
  /** Facts proposed from sources' texts, pending until a moderator accepts or rejects each. */
  readonly proposals: ProposalStore;

  private constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {
    const factById = (id: string) => this.fact(id);
    this.feedback = new FeedbackStore(db, clock, factById);
    this.changes = new ChangeFeed(db, factById);
    this.qa = new QaStore(db, clock);
    this.proposals = new ProposalStore(db, clock, {
      facts: () => this.facts(),
      write: (work) => this.write(work),
      createFact: (content, actor, reason) => this.commit(this.newFact(content, actor), null, "create", actor, reason),
    });
    this.imports = new FactImporter({
      facts: () => this.facts(),
      sources: () => this.sources(),
      cursor: () => this.changes.cursor(),
      now: () => this.now(),
      write: (work) => this.write(work),
      commitFact: (fact, before, action, actor, reason) => this.commit(fact, before, action, actor, reason),
      putSource: (source, actor) => this.insertSource(source, actor),
    });
  }

  /** Opens the store, creating it and adding any seed fact or source it does not hold yet (never overwriting one). */
  static open(path: string, options: { seed?: FactBase; clock?: () => Date } & OpenOptions = {}): Result<FactStore, string> {
    const db = openDatabase(path, options);
    if (!db.ok) return db;
    const store = new FactStore(db.value, options.clock ?? (() => new Date()));
    const rows = unreadableRows(db.value);
    if (rows.length > 0) {
      store.close();
      return err(`database ${path} holds rows that do not fit the schema: ${rows.slice(0, 3).join("; ")}${rows.length > 3 ? ` (and ${rows.length - 3} more)` : ""}`);
    }
    if (options.seed) store.seed(options.seed);
    return ok(store);
  }

  close(): void {
    this.db.close();
  }

  snapshot(): FactBase {
    return { sources: this.sources(), facts: this.facts() };
  }

  sources(): Source[] {
    return this.db.prepare("SELECT data FROM sources ORDER BY rowid").all().map((row) => JSON.parse((row as Row).data as string) as Source);
  }

  facts(): Fact[] {
    return this.db.prepare("SELECT data FROM facts ORDER BY rowid").all().map((row) => JSON.parse((row as Row).data as string) as Fact);
  }

  fact(id: string): Fact | undefined {
    const row = this.db.prepare("SELECT data FROM facts WHERE id = ?").get(id) as Row | undefined;
    return row ? (JSON.parse(row.data as string) as Fact) : undefined;
  }

  history(id: string): Revision[] {
    return this.db
      .prepare("SELECT revision, action, actor, reason, at, before, after FROM revisions WHERE fact_id = ? ORDER BY revision")
      .all(id)
      .map((row) => toRevision(row as Row));
  }

  create(draft: FactDraft, actor: string, reason: string | null = null): Result<Fact, StoreError> {
    return this.write(() => this.commit(this.newFact({ ...draft, entities: [], questions: [], period: null }, actor), null, "create", actor, reason));
  }

  /**
   * Applies a moderator's draft on top of the revision they started from; anything newer is a conflict. A
   * translation the new statement leaves behind (another figure, another name) is dropped, never a reason to refuse.
   */
  edit(id: string, draft: FactDraft, expectedRevision: number, actor: string, reason: string | null = null): Result<Fact, StoreError> {
    return this.write(() => this.change(id, expectedRevision, (current) => withAgreeingTranslations({ ...current, ...draft }), "edit", actor, reason));
  }

  /**
   * Sets one language's translation (null removes it) on top of the revision the moderator started from. Unlike an
   * edit, a translation that misstates the statement's figures or names is refused: it is what the moderator wrote.
   */
  translate(id: string, locale: TranslationLocale, translation: FactTranslation | null, expectedRevision: number, actor: string, reason: string): Result<Fact, StoreError> {
    return this.write(() => this.change(id, expectedRevision, (current) => withTranslation(current, locale, translation), "edit", actor, reason));
  }

  retire(id: string, actor: string, reason: string): Result<Fact, StoreError> {
    return this.write(() => this.change(id, undefined, (current) => ({ ...current, status: "retired" }), "retire", actor, reason));
  }

  restore(id: string, actor: string, reason: string | null = null): Result<Fact, StoreError> {
    return this.write(() => this.change(id, undefined, (current) => ({ ...current, status: "active" }), "restore", actor, reason));
  }

  /** Brings back the content a fact had at a revision, as a new revision; its status stays as it is. */
  revert(id: string, toRevision: number, actor: string, reason: string | null = null): Result<Fact, StoreError> {
    return this.write(() => {
      const target = this.history(id).find((revision) => revision.revision === toRevision);
      if (!target) return err({ kind: "not-found", id, revision: toRevision });
      return this.change(id, undefined, (current) => ({ ...target.after, status: current.status }), "revert", actor, reason ?? `revert to revision ${toRevision}`);
    });
  }

  /**
   * Adds a source (under the id asked for, or one made from its title) and, in the same transaction, the facts
   * proposed from its text (read them with `proposals.list(source.id, { all: true })`). A text that holds no
   * article (empty, only page junk, HTML, no sentence) is refused.
   */
  addSource(draft: SourceDraft, actor: string, { id }: { id?: string } = {}): Result<Source, StoreError> {
    return this.write(() => {
      if (id !== undefined && this.sources().some((source) => source.id === id)) {
        return err({ kind: "invalid", problems: [{ subject: `source ${id}`, field: "id", reason: `a source with the id "${id}" already exists` }] });
      }
      const source: Source = { id: id ?? this.freshSourceId(draft.title), ...draft };
      const parsed = SourceSchema.safeParse(source);
      if (!parsed.success) return err({ kind: "invalid", problems: parsed.error.issues.map((issue) => ({ subject: "source", field: issue.path.join("."), reason: issue.message })) });
      const checked = parsed.data.text === null ? undefined : checkArticleText(parsed.data.text);
      if (checked && !checked.ok) return err({ kind: "invalid", problems: [{ subject: `source ${parsed.data.id}`, field: "text", reason: checked.error }] });
      this.insertSource(parsed.data, actor);
      if (parsed.data.text !== null) this.proposals.propose(parsed.data.id, proposeFacts(parsed.data, this.snapshot()));
      return ok(parsed.data);
    });
  }

  private seed(base: FactBase): void {
    this.db.transaction(() => {
      const sources = new Set(this.sources().map((source) => source.id));
      for (const source of base.sources) if (!sources.has(source.id)) this.insertSource(source, "seed");
      for (const fact of base.facts) if (!this.fact(fact.id)) this.commit(fact, null, "seed", "seed", "curated seed");
    }).immediate();
  }

  private change(
    id: string,
    expectedRevision: number | undefined,
    apply: (current: Fact) => Fact,
    action: RevisionAction,
    actor: string,
    reason: string | null,
  ): Result<Fact, StoreError> {
    const current = this.fact(id);
    if (!current) return err({ kind: "not-found", id });
    if (expectedRevision !== undefined && current.revision !== expectedRevision) {
      return err({ kind: "conflict", current, since: this.history(id).filter((revision) => revision.revision > expectedRevision) });
    }
    const next: Fact = { ...apply(current), id, revision: current.revision + 1, updatedAt: this.now(), updatedBy: actor };
    if (sameContent(current, next)) return err({ kind: "unchanged", fact: current });
    return this.commit(next, current, action, actor, reason);
  }

  /** Validates and writes one revision of a fact with its audit row and change-log entry. */
  private commit(fact: Fact, before: Fact | null, action: RevisionAction, actor: string, reason: string | null): Result<Fact, StoreError> {
    const source = this.sources().find((candidate) => candidate.id === fact.sourceId);
    const { problems } = validateFactBase({ sources: source ? [source] : [], facts: [fact] });
    const relevant = source ? problems : problems.filter((problem) => problem.field !== "sources");
    if (!source) relevant.push({ subject: `fact ${fact.id}`, field: "sourceId", reason: `no source has the id "${fact.sourceId}"` });
    if (relevant.length > 0) return err({ kind: "invalid", problems: dedupe(relevant) });
    this.db
      .prepare(
        `INSERT INTO facts (id, data, status, revision, updated_at, updated_by) VALUES (@id, @data, @status, @revision, @updatedAt, @updatedBy)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, status = excluded.status, revision = excluded.revision,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({ id: fact.id, data: JSON.stringify(fact), status: fact.status, revision: fact.revision, updatedAt: fact.updatedAt, updatedBy: fact.updatedBy });
    this.db
      .prepare("INSERT INTO revisions (fact_id, revision, action, actor, reason, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(fact.id, fact.revision, action, actor, reason, fact.updatedAt, before ? JSON.stringify(before) : null, JSON.stringify(fact));
    this.db.prepare("INSERT INTO change_log (kind, ref) VALUES ('fact', ?)").run(fact.id);
    return ok(fact);
  }

  /** Writes a source and keeps its previous version in source_revisions: nothing is lost. */
  private insertSource(source: Source, actor: string): void {
    const before = this.db.prepare("SELECT data FROM sources WHERE id = ?").get(source.id) as Row | undefined;
    const now = this.now();
    this.db
      .prepare("INSERT INTO sources (id, data, created_at, created_by) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data")
      .run(source.id, JSON.stringify(source), now, actor);
    this.db
      .prepare("INSERT INTO source_revisions (source_id, actor, at, before, after) VALUES (?, ?, ?, ?, ?)")
      .run(source.id, actor, now, (before?.data) ?? null, JSON.stringify(source));
    this.db.prepare("INSERT INTO change_log (kind, ref) VALUES ('source', ?)").run(source.id);
  }

  private newFact(content: NewFactContent, actor: string): Fact {
    return { id: this.freshId(content.statement), ...content, status: "active", revision: 1, updatedAt: this.now(), updatedBy: actor };
  }

  private write<T, E>(work: () => Result<T, E>): Result<T, E> {
    return this.db.transaction(work).immediate();
  }

  private freshId(statement: string): string {
    return uniqueId(kebab(statement, "fact"), (id) => this.fact(id) !== undefined);
  }

  private freshSourceId(title: string): string {
    const taken = new Set(this.sources().map((source) => source.id));
    return uniqueId(kebab(title, "source"), (id) => taken.has(id));
  }

  private now(): string {
    return this.clock().toISOString();
  }

}

function withTranslation(fact: Fact, locale: TranslationLocale, translation: FactTranslation | null): Fact {
  const translations = { ...fact.translations, [locale]: translation ?? undefined };
  if (!translation) delete translations[locale];
  if (Object.keys(translations).length > 0) return { ...fact, translations };
  const untranslated = { ...fact };
  delete untranslated.translations;
  return untranslated;
}

function toRevision(row: Row): Revision {
  return {
    revision: row.revision as number,
    action: row.action as RevisionAction,
    actor: row.actor as string,
    reason: (row.reason as string | null) ?? null,
    at: row.at as string,
    before: row.before ? (JSON.parse(row.before as string) as Fact) : null,
    after: JSON.parse(row.after as string) as Fact,
  };
}

/** A kebab-case id from the first words of a text, in plain a-z and digits; a short hash when none are left. */
function kebab(text: string, fallback: string): string {
  const plain = words(normaliseText(text))
    .filter(isContentWord)
    .map((word) => word.replace(/[^a-z0-9]+/g, ""))
    .filter(Boolean);
  const id = plain.slice(0, 7).join("-").slice(0, 60).replace(/-+$/, "");
  return id || `${fallback}-${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}:${problem.reason}`;
    return !seen.has(key) && seen.add(key);
  });
}

