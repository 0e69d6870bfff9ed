import { ChannelType, type AnyThreadChannel, type Message, type SendableChannels } from "discord.js";
import type { Logger } from "pino";
import type { Answer, Engine } from "../knowledge/engine.js";
import type { FactStore } from "../knowledge/store/fact-store.js";
import type { AutoAnswer, QaMode } from "../knowledge/store/qa-store.js";
import type { BotMetrics } from "../observability/metrics.js";
import type { AskRecorder } from "./ask-recorder.js";
import { createCooldown } from "./cooldown.js";
import { decideMessage, decideReply, questionText, type QaRoute, type ReplyDecision } from "./qa-policy.js";
import { postInChannel } from "./reply.js";
import { localeFromDiscord, replyLocale } from "../i18n/locale.js";
import { renderAnswer, renderMentionHelp, withFeedbackButtons, withQaButtons } from "./render.js";

export interface QaSettings {
  /** Channels the operator opted in (answer-only); moderators' settings in the store win. */
  channelIdsFromEnv: readonly string[];
  minConfidence: number;
  channelCooldownSeconds: number;
  helperRoleId: string | undefined;
  /** Waits before each try to fetch a new forum post's first message; after the last, the title alone is asked. */
  starterRetryDelaysMs: readonly number[];
}

export interface QaListener {
  onMessage(message: Message): Promise<void>;
  onThreadCreate(thread: AnyThreadChannel, newlyCreated: boolean): Promise<void>;
}

/** Where an unasked answer goes and what it is recorded against. */
interface Target {
  channel: SendableChannels;
  replyTo?: string;
  /** The opted-in channel (a thread's parent). */
  channelId: string;
  questionId: string;
  askerId: string;
  inForum: boolean;
}

const FORUMS: ReadonlySet<ChannelType> = new Set([ChannelType.GuildForum, ChannelType.GuildMedia]);

/**
 * The glue between Discord messages and the Q&A policy: gathers the facts about a message or a new forum post,
 * asks the engine when the policy says so, posts through the one channel reply helper, and logs one line per
 * message considered. Never throws: a message it cannot handle is logged.
 */
export function createQaListener({ engine, store, asks, settings, log, metrics, botUserId }: {
  engine: () => Engine;
  store: FactStore;
  asks: AskRecorder;
  settings: QaSettings;
  log: Logger;
  metrics: BotMetrics;
  botUserId: () => string | undefined;
}): QaListener {
  const cooldown = createCooldown({ uses: 1, windowMs: settings.channelCooldownSeconds * 1000 });

  const modeOf = (channelId: string | null | undefined): QaMode | undefined => {
    if (!channelId) return undefined;
    return store.qa.modeOf(channelId) ?? (settings.channelIdsFromEnv.includes(channelId) ? "answer-only" : undefined);
  };

  async function answerInChannel(target: Target, route: QaRoute, mode: QaMode | undefined, question: string): Promise<string> {
    const answer = engine().answer(question);
    const decision = decideReply(route, mode, answer, { minConfidence: settings.minConfidence, cooldownAllows: () => cooldown.take(target.channelId).allowed });
    const top = answer.answered ? answer.results[0]?.fact : undefined;
    metrics.questionAnswered(route, top !== undefined);
    try {
      return await postOrCount(target, route, answer, decision);
    } finally {
      asks.record(question, top?.id ?? null);
    }
  }

  /** Posts the answer or the miss, or counts a shadow answer; says what it did, for the log line. */
  async function postOrCount(target: Target, route: QaRoute, answer: Answer, decision: ReplyDecision): Promise<string> {
    const top = answer.answered ? answer.results[0]?.fact : undefined;
    const recorded = { questionId: target.questionId, channelId: target.channelId, askerId: target.askerId, factId: top?.id ?? null, route };
    if (decision.post === "nothing") {
      if (decision.why !== "shadow" || !top || (route !== "forum-post" && answer.confidence < settings.minConfidence)) return `silent (${decision.why})`;
      recordAutoAnswer({ ...recorded, replyId: `shadow-${target.questionId}`, outcome: "shadow" });
      return `shadow (would answer with ${top.id})`;
    }
    const reply = await postInChannel(target.channel, payloadFor(answer, route, target.inForum), target.replyTo ? { replyTo: target.replyTo } : {});
    recordAutoAnswer({ ...recorded, replyId: reply.id, outcome: decision.post === "answer" ? "answered" : "miss" });
    return decision.post === "answer" ? `answered with ${top?.id}` : "posted the honest miss";
  }

  /** A failed write is counted, then fails the message as before (one warning line with the reason). */
  function recordAutoAnswer(answer: AutoAnswer): void {
    try {
      store.qa.recordAutoAnswer(answer);
    } catch (error) {
      metrics.storeWriteFailed("qa-answer");
      throw error;
    }
  }

  function payloadFor(answer: Answer, route: QaRoute, inForum: boolean) {
    const base = engine().base;
    const top = answer.answered ? answer.results[0]?.fact : undefined;
    const locale = replyLocale(answer.language);
    const rendered = renderAnswer(answer, base, locale);
    const withVotes = top ? withFeedbackButtons(rendered, top.id, locale) : rendered;
    if (route === "mention") return withVotes;
    return withQaButtons(withVotes, { askHuman: settings.helperRoleId !== undefined, solved: inForum }, locale);
  }

  async function onMessage(message: Message): Promise<void> {
    const botId = botUserId();
    const channel = message.channel;
    const thread = channel.isThread() ? channel : undefined;
    const qaChannelId = thread ? thread.parentId : message.channelId;
    const mode = modeOf(qaChannelId);
    const repliedTo = message.reference?.messageId ? (message.mentions.repliedUser?.id === botId ? "bot" : "person") : undefined;
    const decision = decideMessage({
      authorIsBot: message.author.bot,
      fromWebhook: message.webhookId !== null,
      isSystem: message.system,
      content: message.content,
      mentionsBot: channel.type === ChannelType.DM || (botId !== undefined && message.mentions.users.has(botId)),
      repliesTo: repliedTo,
      channelMode: mode,
      inForumPost: thread !== undefined && thread.parent !== null && FORUMS.has(thread.parent.type),
    });
    const fields = { channelId: message.channelId, messageId: message.id, qaChannelId, mode };
    try {
      if (decision.act === "ignore") {
        (decision.why === "not-opted-in" || decision.why === "bot-author" ? log.debug : log.info).call(log, { ...fields, decision: "ignored", why: decision.why }, "message considered");
        return;
      }
      if (!channel.isSendable()) {
        log.warn({ ...fields, decision: "ignored", why: "cannot-send" }, "message considered");
        return;
      }
      if (decision.act === "help") {
        await postInChannel(channel, renderMentionHelp(localeFromDiscord(message.guild?.preferredLocale) ?? "en"), { replyTo: message.id });
        log.info({ ...fields, decision: "help" }, "message considered");
        return;
      }
      const outcome = await answerInChannel(
        { channel, replyTo: message.id, channelId: qaChannelId ?? message.channelId, questionId: message.id, askerId: message.author.id, inForum: false },
        decision.route,
        decision.route === "mention" ? undefined : mode,
        decision.question,
      );
      log.info({ ...fields, route: decision.route, decision: outcome }, "message considered");
    } catch (error) {
      log.warn({ ...fields, err: error, why: describeSendError(error) }, "could not answer the message");
    }
  }

  async function starterText(thread: AnyThreadChannel): Promise<string> {
    for (const delay of [0, ...settings.starterRetryDelaysMs]) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        return (await thread.fetchStarterMessage())?.content ?? "";
      } catch {
        // Not there yet: Discord may deliver the thread before its first message; try again.
      }
    }
    return "";
  }

  async function onThreadCreate(thread: AnyThreadChannel, newlyCreated: boolean): Promise<void> {
    const forum = thread.parent;
    if (!newlyCreated || !forum || !FORUMS.has(forum.type)) return;
    const mode = modeOf(forum.id);
    const fields = { channelId: thread.id, qaChannelId: forum.id, mode };
    if (mode === undefined) {
      log.debug({ ...fields, decision: "ignored", why: "not-opted-in" }, "forum post considered");
      return;
    }
    try {
      const question = questionText(`${thread.name}\n${await starterText(thread)}`);
      const outcome = await answerInChannel({ channel: thread, channelId: forum.id, questionId: thread.id, askerId: thread.ownerId ?? "", inForum: true }, "forum-post", mode, question);
      log.info({ ...fields, route: "forum-post", decision: outcome }, "forum post considered");
    } catch (error) {
      log.warn({ ...fields, err: error, why: describeSendError(error) }, "could not answer the forum post");
    }
  }

  return { onMessage, onThreadCreate };
}

function describeSendError(error: unknown): string {
  const { status, code } = error as { status?: number; code?: number };
  if (status === 403 || code === 50013 || code === 50001) return "missing permission to post there";
  if (code === 10008 || code === 50035) return "the question was deleted before the reply";
  return "unexpected";
}
