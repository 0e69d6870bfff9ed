import type { Db } from "./database.js";

/** How the bot takes part in an opted-in channel (see README, "Community Q&A"). */
export const QA_MODES = ["answer-only", "always", "shadow"] as const;
export type QaMode = (typeof QA_MODES)[number];

export interface QaChannel {
  channelId: string;
  guildId: string;
  mode: QaMode;
  updatedAt: string;
  updatedBy: string;
}

export interface QaChannelChange {
  channelId: string;
  modeBefore: QaMode | null;
  modeAfter: QaMode | null;
  actor: string;
  at: string;
}

export interface AutoAnswer {
  /** The bot's reply, or for a shadow answer the question itself (nothing was posted). */
  replyId: string;
  questionId: string;
  /** The opted-in channel: a thread's parent. */
  channelId: string;
  askerId: string;
  factId: string | null;
  route: "mention" | "forum-post" | "channel";
  outcome: "answered" | "miss" | "shadow";
}

export interface QaChannelStats {
  channelId: string;
  answered: number;
  misses: number;
  shadow: number;
  helpful: number;
  notHelpful: number;
  removed: number;
  humanAsked: number;
}

type Row = Record<string, unknown>;

/** Which channels take part in Q&A and how, every change audited; and each answer the bot gave unasked. */
export class QaStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  channels(): QaChannel[] {
    return (this.db.prepare("SELECT channel_id, guild_id, mode, updated_at, updated_by FROM qa_channels ORDER BY guild_id, channel_id").all() as Row[]).map((row) => ({
      channelId: row.channel_id as string,
      guildId: row.guild_id as string,
      mode: row.mode as QaMode,
      updatedAt: row.updated_at as string,
      updatedBy: row.updated_by as string,
    }));
  }

  /** The mode of one channel, if it takes part. */
  modeOf(channelId: string): QaMode | undefined {
    return (this.db.prepare("SELECT mode FROM qa_channels WHERE channel_id = ?").get(channelId) as Row | undefined)?.mode as QaMode | undefined;
  }

  /** Opts a channel in, or changes its mode; the change is audited. */
  setChannel(channelId: string, guildId: string, mode: QaMode, actor: string): "added" | "changed" | "unchanged" {
    const at = this.clock().toISOString();
    return this.db.transaction(() => {
      const before = this.db.prepare("SELECT mode FROM qa_channels WHERE channel_id = ?").get(channelId) as Row | undefined;
      if (before?.mode === mode) return "unchanged" as const;
      this.db
        .prepare(
          `INSERT INTO qa_channels (channel_id, guild_id, mode, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (channel_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(channelId, guildId, mode, at, actor);
      this.audit(channelId, (before?.mode as QaMode | undefined) ?? null, mode, actor, at);
      return before ? ("changed" as const) : ("added" as const);
    }).immediate();
  }

  /** Opts a channel out; false when it was not opted in. The removal is audited. */
  removeChannel(channelId: string, actor: string): boolean {
    const at = this.clock().toISOString();
    return this.db.transaction(() => {
      const before = this.db.prepare("SELECT mode FROM qa_channels WHERE channel_id = ?").get(channelId) as Row | undefined;
      if (!before) return false;
      this.db.prepare("DELETE FROM qa_channels WHERE channel_id = ?").run(channelId);
      this.audit(channelId, before.mode as QaMode, null, actor, at);
      return true;
    }).immediate();
  }

  changes(limit = 20): QaChannelChange[] {
    return (this.db.prepare("SELECT channel_id, mode_before, mode_after, actor, at FROM qa_channel_changes ORDER BY id DESC LIMIT ?").all(limit) as Row[]).map((row) => ({
      channelId: row.channel_id as string,
      modeBefore: row.mode_before as QaMode | null,
      modeAfter: row.mode_after as QaMode | null,
      actor: row.actor as string,
      at: row.at as string,
    }));
  }

  recordAutoAnswer(answer: AutoAnswer): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO auto_answers (reply_id, question_id, channel_id, asker_id, fact_id, route, outcome, at)
         VALUES (@replyId, @questionId, @channelId, @askerId, @factId, @route, @outcome, @at)`,
      )
      .run({ ...answer, at: this.clock().toISOString() });
  }

  autoAnswer(replyId: string): AutoAnswer | undefined {
    const row = this.db.prepare("SELECT reply_id, question_id, channel_id, asker_id, fact_id, route, outcome FROM auto_answers WHERE reply_id = ?").get(replyId) as Row | undefined;
    if (!row) return undefined;
    return {
      replyId: row.reply_id as string,
      questionId: row.question_id as string,
      channelId: row.channel_id as string,
      askerId: row.asker_id as string,
      factId: row.fact_id as string | null,
      route: row.route as AutoAnswer["route"],
      outcome: row.outcome as AutoAnswer["outcome"],
    };
  }

  /** Counts a vote on an auto-answer for its channel's stats. */
  countVote(replyId: string, helpful: boolean): void {
    this.db.prepare(`UPDATE auto_answers SET ${helpful ? "helpful = helpful + 1" : "not_helpful = not_helpful + 1"} WHERE reply_id = ?`).run(replyId);
  }

  /** Marks an auto-answer removed; false when it already was (so it is counted once). */
  markRemoved(replyId: string, actor: string): boolean {
    return this.db.prepare("UPDATE auto_answers SET removed_by = ?, removed_at = ?, not_helpful = not_helpful + 1 WHERE reply_id = ? AND removed_at IS NULL").run(actor, this.clock().toISOString(), replyId).changes > 0;
  }

  /** Marks that a human was asked for; false when someone already had (so the role is pinged once). */
  markHumanAsked(replyId: string): boolean {
    return this.db.prepare("UPDATE auto_answers SET human_asked_at = ? WHERE reply_id = ? AND human_asked_at IS NULL").run(this.clock().toISOString(), replyId).changes > 0;
  }

  channelStats(): QaChannelStats[] {
    return (
      this.db
        .prepare(
          `SELECT channel_id,
             SUM(outcome = 'answered') AS answered, SUM(outcome = 'miss') AS misses, SUM(outcome = 'shadow') AS shadow,
             SUM(helpful) AS helpful, SUM(not_helpful) AS not_helpful, SUM(removed_at IS NOT NULL) AS removed,
             SUM(human_asked_at IS NOT NULL) AS human_asked
           FROM auto_answers WHERE route != 'mention' GROUP BY channel_id ORDER BY answered + shadow DESC`,
        )
        .all() as Row[]
    ).map((row) => ({
      channelId: row.channel_id as string,
      answered: row.answered as number,
      misses: row.misses as number,
      shadow: row.shadow as number,
      helpful: row.helpful as number,
      notHelpful: row.not_helpful as number,
      removed: row.removed as number,
      humanAsked: row.human_asked as number,
    }));
  }

  private audit(channelId: string, modeBefore: QaMode | null, modeAfter: QaMode | null, actor: string, at: string): void {
    this.db.prepare("INSERT INTO qa_channel_changes (channel_id, mode_before, mode_after, actor, at) VALUES (?, ?, ?, ?, ?)").run(channelId, modeBefore, modeAfter, actor, at);
  }
}
