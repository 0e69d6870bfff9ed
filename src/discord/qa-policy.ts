import type { QaMode } from "../knowledge/store/qa-store.js";
import { DISCORD_MARKUP } from "../knowledge/text/analyze.js";

/**
 * When the bot speaks without a slash command: on an @mention anywhere, on a new post in an opted-in forum, and
 * on questions in an opted-in text channel. Pure: the glue gathers the facts about a message, this decides.
 */

export type QaRoute = "mention" | "forum-post" | "channel";

export interface MessageFacts {
  authorIsBot: boolean;
  fromWebhook: boolean;
  /** A system message (join, pin, boost…), not something a person wrote. */
  isSystem: boolean;
  content: string;
  mentionsBot: boolean;
  /** Whose message this one replies to, if it is a reply. */
  repliesTo: "bot" | "person" | undefined;
  /** The Q&A mode of the channel (of the parent channel, for a thread); undefined when not opted in. */
  channelMode: QaMode | undefined;
  /** The message is inside a forum or media post (a thread whose parent is a forum). */
  inForumPost: boolean;
}

export type Ignored = "bot-author" | "webhook" | "system" | "not-opted-in" | "follow-up-not-for-bot" | "reply-to-person" | "not-a-question";

export type MessageDecision = { act: "ignore"; why: Ignored } | { act: "help" } | { act: "ask"; route: QaRoute; question: string };

const QUESTION_WORDS = new Set(
  "what whats how who whose whom where when why which is are was were do does did can could will would should has have any anyone anybody".split(" "),
);
const MIN_QUESTION_WORDS = 3;

/** The text a person asked: mentions of anyone and custom emoji taken out, spaces folded. */
export function questionText(content: string): string {
  return content.replace(DISCORD_MARKUP, " ").replace(/\s+/g, " ").trim();
}

/** A question mark, or a question word first, in at least three words. */
export function readsAsQuestion(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length < MIN_QUESTION_WORDS) return false;
  return text.includes("?") || QUESTION_WORDS.has(words[0]!.replace(/'/g, ""));
}

/** What to do with a message: ignore it (and why), answer a bare mention with help, or ask the engine. */
export function decideMessage(message: MessageFacts): MessageDecision {
  if (message.fromWebhook) return { act: "ignore", why: "webhook" };
  if (message.authorIsBot) return { act: "ignore", why: "bot-author" };
  if (message.isSystem) return { act: "ignore", why: "system" };
  const question = questionText(message.content);
  if (message.mentionsBot || message.repliesTo === "bot") return question ? { act: "ask", route: "mention", question } : { act: "help" };
  if (message.channelMode === undefined) return { act: "ignore", why: "not-opted-in" };
  if (message.inForumPost) return { act: "ignore", why: "follow-up-not-for-bot" };
  if (message.repliesTo === "person") return { act: "ignore", why: "reply-to-person" };
  if (!readsAsQuestion(question)) return { act: "ignore", why: "not-a-question" };
  return { act: "ask", route: "channel", question };
}

export type Silence = "no-answer" | "low-confidence" | "shadow" | "cooldown";
export type ReplyDecision = { post: "answer" } | { post: "miss" } | { post: "nothing"; why: Silence };

/**
 * Whether to post once the engine has answered. A mention always gets a reply; a forum post or a channel
 * question gets the answer when the engine answers (a channel question only above `minConfidence`, and once per
 * channel cooldown), the honest miss only in an `always` channel, and nothing at all in a `shadow` one.
 */
export function decideReply(
  route: QaRoute,
  mode: QaMode | undefined,
  answer: { answered: boolean; confidence: number },
  { minConfidence, cooldownAllows }: { minConfidence: number; cooldownAllows: () => boolean },
): ReplyDecision {
  if (route === "mention") return { post: answer.answered ? "answer" : "miss" };
  const answers = answer.answered && (route === "forum-post" || answer.confidence >= minConfidence);
  if (mode === "shadow") return { post: "nothing", why: "shadow" };
  if (!answers && mode !== "always") return { post: "nothing", why: answer.answered ? "low-confidence" : "no-answer" };
  if (route === "channel" && !cooldownAllows()) return { post: "nothing", why: "cooldown" };
  return { post: answers ? "answer" : "miss" };
}
