import { describe, expect, it } from "vitest";
import { decideMessage, decideReply, questionText, readsAsQuestion, type MessageFacts } from "../../src/discord/qa-policy.js";

const person: MessageFacts = {
  authorIsBot: false,
  fromWebhook: false,
  isSystem: false,
  content: "How much did Liaoning export to Russia?",
  mentionsBot: false,
  repliesTo: undefined,
  channelMode: "answer-only",
  inForumPost: false,
};

describe("which messages the bot takes up", () => {
  it("asks the engine for a question in an opted-in channel", () => {
    expect(decideMessage(person)).toEqual({ act: "ask", route: "channel", question: "How much did Liaoning export to Russia?" });
  });

  it.each([
    [{ authorIsBot: true }, "bot-author"],
    [{ fromWebhook: true, authorIsBot: true }, "webhook"],
    [{ isSystem: true }, "system"],
    [{ channelMode: undefined }, "not-opted-in"],
    [{ repliesTo: "person" as const }, "reply-to-person"],
    [{ inForumPost: true }, "follow-up-not-for-bot"],
    [{ content: "thanks everyone, that helps" }, "not-a-question"],
    [{ content: "liaoning?" }, "not-a-question"],
  ])("ignores %j (%s)", (change, why) => {
    expect(decideMessage({ ...person, ...change })).toEqual({ act: "ignore", why });
  });

  it("answers a mention or a reply to the bot anywhere, without the mentions, and helps on a bare mention", () => {
    const mention = { ...person, channelMode: undefined, mentionsBot: true, content: "<@123456789012345678> liaoning exports <@&42> pls" };
    expect(decideMessage(mention)).toEqual({ act: "ask", route: "mention", question: "liaoning exports pls" });
    expect(decideMessage({ ...person, inForumPost: true, repliesTo: "bot", content: "and in dollars?" })).toMatchObject({ act: "ask", route: "mention" });
    expect(decideMessage({ ...mention, content: "<@123456789012345678>  " })).toEqual({ act: "help" });
  });

  it("reads a question by its mark or its first word, in three words or more", () => {
    expect(readsAsQuestion("what about liaoning")).toBe(true);
    expect(readsAsQuestion("liaoning exports in dollars?")).toBe(true);
    expect(readsAsQuestion("Liaoning exports were huge")).toBe(false);
    expect(readsAsQuestion("why though")).toBe(false);
    expect(questionText("@everyone  <#7> hi\n\nthere")).toBe("hi there");
  });
});

describe("whether to post", () => {
  const allow = () => true;
  const options = { minConfidence: 0.8, cooldownAllows: allow };
  const sure = { answered: true, confidence: 0.95 };
  const unsure = { answered: true, confidence: 0.6 };
  const none = { answered: false, confidence: 0.3 };

  it("always replies to a mention, with the answer or the honest miss", () => {
    expect(decideReply("mention", undefined, unsure, options)).toEqual({ post: "answer" });
    expect(decideReply("mention", undefined, none, options)).toEqual({ post: "miss" });
  });

  it("answers a channel question only above the stricter confidence, once per cooldown", () => {
    expect(decideReply("channel", "answer-only", sure, options)).toEqual({ post: "answer" });
    expect(decideReply("channel", "answer-only", unsure, options)).toEqual({ post: "nothing", why: "low-confidence" });
    expect(decideReply("channel", "answer-only", none, options)).toEqual({ post: "nothing", why: "no-answer" });
    expect(decideReply("channel", "answer-only", sure, { ...options, cooldownAllows: () => false })).toEqual({ post: "nothing", why: "cooldown" });
  });

  it("answers a forum post the engine answers, posts the miss only when the forum says always, and nothing in shadow", () => {
    expect(decideReply("forum-post", "answer-only", unsure, options)).toEqual({ post: "answer" });
    expect(decideReply("forum-post", "answer-only", none, options)).toEqual({ post: "nothing", why: "no-answer" });
    expect(decideReply("forum-post", "always", none, options)).toEqual({ post: "miss" });
    expect(decideReply("forum-post", "shadow", sure, options)).toEqual({ post: "nothing", why: "shadow" });
  });

  it("does not spend the channel cooldown on a question it stays silent on", () => {
    let taken = 0;
    decideReply("channel", "answer-only", none, { minConfidence: 0.8, cooldownAllows: () => (taken++, true) });
    expect(taken).toBe(0);
  });
});
