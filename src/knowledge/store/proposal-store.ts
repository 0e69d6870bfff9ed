import { err, ok, type Result } from "../../result.js";
import { coverFinder } from "../proposals/claim-details.js";
import { ProposalSchema, type Proposal } from "../proposals/proposal.js";
import type { Fact } from "../schema.js";
import type { Db } from "./database.js";
import type { StoreError } from "./fact-store.js";

export type ProposalStatus = "pending" | "accepted" | "rejected";

/** A proposal as kept for review: where it came from, and who decided it, when, and why. */
export interface StoredProposal extends Proposal {
  id: number;
  sourceId: string;
  status: ProposalStatus;
  /** The fact an accepted proposal became. */
  factId: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** What a moderator may change before accepting: the rest is the proposal's own. */
export type ProposalEdits = Partial<Pick<Fact, "statement" | "quote" | "attribution" | "topic" | "entities" | "keywords" | "aliases" | "questions" | "period">>;

/** The content of a new fact, as the fact store writes it (id, status and revision are its own). */
export type NewFactContent = Pick<Fact, "statement" | "quote" | "sourceId" | "attribution" | "topic" | "entities" | "keywords" | "aliases" | "questions" | "period">;

/**
 * Why a decision was refused: no such proposal, someone decided it first (their decision stands), a fact already
 * states it (accepted from a twin proposal, or added since), or the fact store refused the fact.
 */
export type ProposalError =
  | { kind: "no-proposal"; id: number }
  | { kind: "already-decided"; proposal: StoredProposal }
  | { kind: "covered"; proposal: StoredProposal; factId: string }
  | StoreError;

/** What the proposal store needs of the fact store: the facts as they are, a transaction holding the write lock, and the fact-writing path. */
export interface FactWriter {
  facts(): Fact[];
  write<T>(work: () => Result<T, ProposalError>): Result<T, ProposalError>;
  createFact(content: NewFactContent, actor: string, reason: string): Result<Fact, StoreError>;
}

/** How a fact names the article when the article credits nobody, as the curated facts do. */
export const UNNAMED_ATTRIBUTION = "The article (no source named)";

type Row = Record<string, unknown>;
const COLUMNS = "id, source_id, status, data, covered_by, fact_id, created_at, decided_by, decided_at, reason";

/**
 * Facts proposed from a source's text, kept per source until a moderator accepts or rejects each one. A decision
 * takes the write lock and checks the proposal is still pending, so two moderators never both decide one.
 */
export class ProposalStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
    private readonly facts: FactWriter,
  ) {}

  /**
   * Keeps a source's proposals, pending, in the order given (the proposer ranks checkable claims first). One that
   * does not fit the schema is left out, never stored broken, and never aborts the caller's transaction.
   */
  propose(sourceId: string, proposals: readonly Proposal[]): StoredProposal[] {
    const insert = this.db.prepare("INSERT INTO proposals (source_id, position, status, data, covered_by, created_at) VALUES (?, ?, 'pending', ?, ?, ?)");
    const now = this.clock().toISOString();
    return this.db.transaction(() => {
      const start = (this.db.prepare("SELECT COALESCE(MAX(position), -1) + 1 AS next FROM proposals WHERE source_id = ?").get(sourceId) as Row).next as number;
      const valid = proposals.flatMap((proposal) => {
        const parsed = ProposalSchema.safeParse(proposal);
        return parsed.success ? [parsed.data] : [];
      });
      const ids = valid.map(({ coveredBy, ...content }, index) => Number(insert.run(sourceId, start + index, JSON.stringify(content), coveredBy, now).lastInsertRowid));
      return ids.map((id) => this.get(id)!);
    }).immediate();
  }

  /**
   * How many proposals each source has left to review, in one query, without reading them: for counts and
   * autocomplete. A fact added by hand since a source was added is seen by `list` and `accept`, not here.
   */
  pendingCounts(): Map<string, number> {
    const rows = this.db.prepare("SELECT source_id, COUNT(*) AS n FROM proposals WHERE status = 'pending' AND covered_by IS NULL GROUP BY source_id ORDER BY source_id").all() as Row[];
    return new Map(rows.map((row) => [row.source_id as string, row.n as number]));
  }

  /**
   * Pending proposals no fact states, cover checked again against the facts as they are now; with `all`, every
   * proposal whatever its status or cover.
   */
  list(sourceId?: string, { all = false }: { all?: boolean } = {}): StoredProposal[] {
    const cover = coverOf(this.facts.facts());
    const current = this.stored(sourceId, all).map((proposal) => (proposal.status === "pending" && proposal.coveredBy === null ? { ...proposal, coveredBy: cover(proposal) } : proposal));
    return all ? current : current.filter((proposal) => proposal.coveredBy === null);
  }

  get(id: number): StoredProposal | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`).get(id) as Row | undefined;
    return row ? toProposal(row) : undefined;
  }

  /**
   * Makes the proposal a fact, as a normal revision ("created from proposal P of source S"), with a moderator's
   * edits on top; refused when someone already decided it, or when the fact store refuses the fact.
   */
  accept(id: number, actor: string, edits: ProposalEdits = {}): Result<{ proposal: StoredProposal; fact: Fact }, ProposalError> {
    return this.facts.write(() => {
      const proposal = this.undecided(id);
      if (!proposal.ok) return proposal;
      const { value } = proposal;
      const content: NewFactContent = {
        statement: value.statement,
        quote: value.quote,
        sourceId: value.sourceId,
        attribution: value.attribution ?? UNNAMED_ATTRIBUTION,
        topic: value.topic,
        entities: value.entities,
        keywords: value.keywords,
        aliases: [],
        questions: value.questions,
        period: value.period,
        ...edits,
      };
      const covering = coverOf(this.facts.facts())(content);
      if (covering !== null) {
        this.markCovered(id, covering);
        return err({ kind: "covered", proposal: this.get(id)!, factId: covering });
      }
      const fact = this.facts.createFact(content, actor, `created from proposal ${id} of source ${value.sourceId}`);
      if (!fact.ok) return fact;
      this.decide(id, "accepted", actor, null, fact.value.id);
      const coveredByNew = coverOf([fact.value]);
      for (const twin of this.stored(undefined, false)) if (coveredByNew(twin) !== null) this.markCovered(twin.id, fact.value.id);
      return ok({ proposal: this.get(id)!, fact: fact.value });
    });
  }

  reject(id: number, actor: string, reason: string | null = null): Result<StoredProposal, ProposalError> {
    return this.facts.write(() => {
      const proposal = this.undecided(id);
      if (!proposal.ok) return proposal;
      this.decide(id, "rejected", actor, reason, null);
      return ok(this.get(id)!);
    });
  }

  private undecided(id: number): Result<StoredProposal, ProposalError> {
    const proposal = this.get(id);
    if (!proposal) return err({ kind: "no-proposal", id });
    if (proposal.status !== "pending") return err({ kind: "already-decided", proposal });
    return ok(proposal);
  }

  /** Proposals as stored: pending and not marked covered, or with `all` every one. */
  private stored(sourceId: string | undefined, all: boolean): StoredProposal[] {
    const where = [sourceId === undefined ? "" : "source_id = @sourceId", all ? "" : "status = 'pending' AND covered_by IS NULL"].filter(Boolean);
    const sql = `SELECT ${COLUMNS} FROM proposals ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY source_id, position`;
    return (this.db.prepare(sql).all(sourceId === undefined ? {} : { sourceId }) as Row[]).map(toProposal);
  }

  private markCovered(id: number, factId: string): void {
    this.db.prepare("UPDATE proposals SET covered_by = ? WHERE id = ? AND status = 'pending'").run(factId, id);
  }

  private decide(id: number, status: ProposalStatus, actor: string, reason: string | null, factId: string | null): void {
    this.db
      .prepare("UPDATE proposals SET status = ?, decided_by = ?, decided_at = ?, reason = ?, fact_id = ? WHERE id = ? AND status = 'pending'")
      .run(status, actor, this.clock().toISOString(), reason, factId, id);
  }
}

/** Which of these facts states a proposal's claim, if any. */
function coverOf(facts: readonly Fact[]): (claim: Pick<Proposal, "quote" | "statement" | "entities">) => string | null {
  const find = coverFinder(facts);
  return (claim) => find(claim.quote, claim.statement, claim.entities);
}

function toProposal(row: Row): StoredProposal {
  const content = ProposalSchema.omit({ coveredBy: true }).parse(JSON.parse(row.data as string));
  return {
    id: row.id as number,
    sourceId: row.source_id as string,
    status: row.status as ProposalStatus,
    ...content,
    coveredBy: (row.covered_by as string | null) ?? null,
    factId: (row.fact_id as string | null) ?? null,
    createdAt: row.created_at as string,
    decidedBy: (row.decided_by as string | null) ?? null,
    decidedAt: (row.decided_at as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
  };
}
