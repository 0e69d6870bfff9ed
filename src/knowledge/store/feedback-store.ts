import { createHmac } from "node:crypto";
import type { Fact } from "../schema.js";
import { DISCORD_MARKUP, normaliseQuestion, words } from "../text/analyze.js";
import type { Db } from "./database.js";

export interface Gaps {
  unanswered: { question: string; count: number; firstSeen: string; lastSeen: string }[];
  downvoted: { fact: Fact; helpful: number; notHelpful: number }[];
}

export interface Stats {
  asked: number;
  answered: number;
  helpful: number;
  notHelpful: number;
  topFacts: { fact: Fact; answers: number }[];
}

/** One question asked, and the fact that answered it (null: no answer). */
export interface AskRecord {
  question: string;
  factId: string | null;
}

type Row = Record<string, unknown>;

/** What people asked and how they judged the answers: counts, unanswered questions, votes. Never who asked. */
export class FeedbackStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
    private readonly factById: (id: string) => Fact | undefined,
  ) {}

  /**
   * Counts questions, in one transaction; an unanswered one is kept (normalised, with counts and dates, never who
   * asked) for `gaps`. The bot batches them (see `ask-recorder.ts`): one fully synced write per ask capped a
   * process at about 200 asks a second.
   */
  recordAsks(asks: readonly AskRecord[]): void {
    const now = this.clock().toISOString();
    const bump = this.db.prepare("INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value");
    const used = this.db.prepare("INSERT INTO fact_usage (fact_id, answers) VALUES (?, 1) ON CONFLICT (fact_id) DO UPDATE SET answers = answers + 1");
    const missed = this.db.prepare(
      `INSERT INTO unanswered (normalised, example, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (normalised) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen`,
    );
    this.db.transaction(() => {
      const answered = asks.filter((ask) => ask.factId !== null).length;
      bump.run("asked", asks.length);
      if (answered > 0) bump.run("answered", answered);
      for (const { question, factId } of asks) {
        if (factId !== null) {
          used.run(factId);
          continue;
        }
        const normalised = words(normaliseQuestion(question)).join(" ");
        if (normalised) missed.run(normalised, question.replace(DISCORD_MARKUP, " ").replace(/\s+/g, " ").trim().slice(0, 300), now, now);
      }
    }).immediate();
  }

  /**
   * One vote per user per fact: voting again replaces the vote. Users are kept only as a keyed hash (the key never
   * leaves the database). Under the write lock from the start: it reads before it writes, and another shard's
   * commit in between would fail a deferred transaction with SQLITE_BUSY.
   */
  vote(factId: string, userId: string, helpful: boolean): "recorded" | "changed" | "unchanged" {
    const key = (this.db.prepare("SELECT value FROM meta WHERE key = 'voter-key'").get() as Row).value as string;
    const voter = createHmac("sha256", key).update(userId).digest("hex");
    return this.db.transaction(() => {
      const previous = this.db.prepare("SELECT helpful FROM feedback WHERE fact_id = ? AND voter = ?").get(factId, voter) as Row | undefined;
      if (previous && Boolean(previous.helpful) === helpful) return "unchanged" as const;
      this.db
        .prepare("INSERT INTO feedback (fact_id, voter, helpful, at) VALUES (?, ?, ?, ?) ON CONFLICT (fact_id, voter) DO UPDATE SET helpful = excluded.helpful, at = excluded.at")
        .run(factId, voter, helpful ? 1 : 0, this.clock().toISOString());
      return previous ? ("changed" as const) : ("recorded" as const);
    }).immediate();
  }

  gaps(limit = 10): Gaps {
    const unanswered = this.db
      .prepare("SELECT example, count, first_seen, last_seen FROM unanswered ORDER BY count DESC, last_seen DESC LIMIT ?")
      .all(limit)
      .map((row) => {
        const { example, count, first_seen, last_seen } = row as Row;
        return { question: example as string, count: count as number, firstSeen: first_seen as string, lastSeen: last_seen as string };
      });
    const downvoted = this.db
      .prepare(
        `SELECT fact_id, SUM(helpful) AS up, SUM(1 - helpful) AS down FROM feedback GROUP BY fact_id
         HAVING down > 0 ORDER BY down - up DESC, down DESC LIMIT ?`,
      )
      .all(limit)
      .flatMap((row) => {
        const { fact_id, up, down } = row as Row;
        const fact = this.factById(fact_id as string);
        return fact ? [{ fact, helpful: up as number, notHelpful: down as number }] : [];
      });
    return { unanswered, downvoted };
  }

  stats(limit = 5): Stats {
    const counter = (name: string) => ((this.db.prepare("SELECT value FROM counters WHERE name = ?").get(name) as Row | undefined)?.value as number | undefined) ?? 0;
    const votes = this.db.prepare("SELECT COALESCE(SUM(helpful), 0) AS up, COALESCE(SUM(1 - helpful), 0) AS down FROM feedback").get() as Row;
    const topFacts = this.db
      .prepare("SELECT fact_id, answers FROM fact_usage ORDER BY answers DESC LIMIT ?")
      .all(limit)
      .flatMap((row) => {
        const fact = this.factById((row as Row).fact_id as string);
        return fact ? [{ fact, answers: (row as Row).answers as number }] : [];
      });
    return { asked: counter("asked"), answered: counter("answered"), helpful: votes.up as number, notHelpful: votes.down as number, topFacts };
  }

}
