import { ChannelType, MessageType, PermissionFlagsBits, type APIEmbed, type APIMessage } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FactStore } from "../../src/knowledge/store/fact-store.js";
import { BotProcess, stopCleanly } from "../support/bot-process.js";
import { FakeDiscord, type RecordedRequest } from "../support/fake-discord.js";
import { botUser, component, messagePayload, snowflake, user } from "../support/interactions.js";
import { seedBase } from "../support/seed.js";
import { tempDbPath } from "../support/temp-db.js";

const GUILD = snowflake();
const ASK_CHANNEL = snowflake();
const QUIET_CHANNEL = snowflake();
const OTHER_CHANNEL = snowflake();
const FORUM = snowflake();
const ALWAYS_FORUM = snowflake();
const SHADOW_CHANNEL = snowflake();
const HELPERS = snowflake();
const SOLVED_TAG = snowflake();
const DATABASE_PATH = tempDbPath();

let fake: FakeDiscord;
let bot: BotProcess;

const textChannel = (id: string) => ({ id, type: ChannelType.GuildText, name: `chan-${id.slice(-4)}`, position: 0, permission_overwrites: [], guild_id: GUILD });
const forumChannel = (id: string) => ({
  ...textChannel(id),
  type: ChannelType.GuildForum,
  available_tags: [{ id: SOLVED_TAG, name: "Solved", moderated: false, emoji_id: null, emoji_name: null }],
});

beforeAll(async () => {
  const store = FactStore.open(DATABASE_PATH, { seed: seedBase() });
  if (!store.ok) throw new Error(store.error);
  store.value.qa.setChannel(ALWAYS_FORUM, GUILD, "always", "setup");
  store.value.qa.setChannel(SHADOW_CHANNEL, GUILD, "shadow", "setup");
  store.value.close();
  fake = await FakeDiscord.start();
  bot = BotProcess.start(fake, {
    DATABASE_PATH,
    LOG_LEVEL: "debug",
    QA_CHANNEL_IDS: [ASK_CHANNEL, QUIET_CHANNEL, FORUM].join(","),
    QA_CHANNEL_COOLDOWN_SECONDS: "3600",
    QA_HELPER_ROLE_ID: HELPERS,
  });
  await bot.waitForLog((line) => line.msg === "ready");
  fake.addGuild({
    id: GUILD,
    channels: [textChannel(ASK_CHANNEL), textChannel(QUIET_CHANNEL), textChannel(OTHER_CHANNEL), textChannel(SHADOW_CHANNEL), forumChannel(FORUM), forumChannel(ALWAYS_FORUM)],
  });
});

afterEach(() => expect(fake.takeContractViolations()).toEqual([]));

afterAll(() => stopCleanly(bot, fake, DATABASE_PATH));

// ---------------------------------------------------------------- messages people post

interface Post {
  channelId: string;
  content: string;
  authorId?: string;
  mentionsBot?: boolean;
  bot?: boolean;
  replyTo?: APIMessage;
  guild?: boolean;
}

function post({ channelId, content, authorId = snowflake(), mentionsBot = false, bot: isBot = false, replyTo, guild = true }: Post): APIMessage {
  const author = isBot ? { ...user(authorId), bot: true } : user(authorId);
  const message = messagePayload({
    channel_id: channelId,
    author,
    content,
    mentions: [...(mentionsBot ? [botUser(fake.botUserId)] : []), ...(replyTo ? [replyTo.author] : [])],
    ...(replyTo ? { type: MessageType.Reply, message_reference: { message_id: replyTo.id, channel_id: channelId }, referenced_message: replyTo } : {}),
  });
  fake.postMessage({ ...message, ...(guild ? { guild_id: GUILD } : { channel_type: ChannelType.DM }) });
  return message;
}

/** The log line the bot writes for a message it considered. */
const considered = (messageId: string) => bot.waitForLog((line) => line.msg === "message considered" && line.messageId === messageId);
const replyTo = (message: APIMessage) =>
  fake.waitForRequest((request) => request.method === "POST" && (request.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === message.id);

function embedOf(request: RecordedRequest): APIEmbed {
  const embed = (request.body as { embeds?: APIEmbed[] }).embeds?.[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(request.body)}`);
  return embed;
}
const factOf = (request: RecordedRequest) => /^`(.+)`$/.exec(embedOf(request).fields?.find((field) => field.name === "Fact")?.value ?? "")?.[1];
const buttonIds = (request: RecordedRequest) =>
  ((request.body as { components?: { components: { custom_id?: string }[] }[] }).components ?? []).flatMap((row) => row.components.map((item) => item.custom_id));

function expectNoPing(request: RecordedRequest): void {
  expect((request.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false, roles: [] });
}

describe("@mentions", () => {
  it("answers a mention in a channel that is not opted in, as a reply that pings nobody, with the answer's buttons", async () => {
    const question = post({ channelId: OTHER_CHANNEL, content: `<@${fake.botUserId}> how much did liaoning export 2 russia? @everyone`, mentionsBot: true });
    const reply = await replyTo(question);
    expectNoPing(reply);
    expect(factOf(reply)).toBe("liaoning-exports-to-russia-value");
    expect(buttonIds(reply)).toEqual(["trade:vote:up:liaoning-exports-to-russia-value", "trade:vote:down:liaoning-exports-to-russia-value"]);
  });

  it("gives the honest miss to a mention it cannot answer, and help to a bare mention", async () => {
    const miss = await replyTo(post({ channelId: OTHER_CHANNEL, content: `<@${fake.botUserId}> what is the population of Liaoning?`, mentionsBot: true }));
    expect(embedOf(miss).title).toBe("No sourced answer");
    const help = await replyTo(post({ channelId: OTHER_CHANNEL, content: `<@${fake.botUserId}>`, mentionsBot: true }));
    expect((help.body as { content?: string }).content).toMatch(/mention me with your question/);
    expectNoPing(help);
  });

  it("answers a mention in a thread of a channel that is not opted in", async () => {
    const thread = snowflake();
    fake.createThread({
      id: thread,
      type: ChannelType.PublicThread,
      guild_id: GUILD,
      parent_id: OTHER_CHANNEL,
      owner_id: snowflake(),
      name: "trade chat",
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    });
    const reply = await replyTo(post({ channelId: thread, content: `<@${fake.botUserId}> which provinces are in northeast china`, mentionsBot: true }));
    expect(factOf(reply)).toBe("northeast-china-provinces");
    expect(reply.path).toBe(`/channels/${thread}/messages`);
  });

  it("answers a Russian or Chinese question in its own language, buttons included", async () => {
    const russian = await replyTo(post({ channelId: OTHER_CHANNEL, content: `<@${fake.botUserId}> сколько ляонин экспортировал в россию`, mentionsBot: true }));
    expect(embedOf(russian).title).toMatch(/^Экспорт Ляонина в Россию/);
    expect(embedOf(russian).fields?.map((field) => field.name)).toContain("Факт");
    const labels = ((russian.body as { components?: { components: { label?: string }[] }[] }).components ?? []).flatMap((row) => row.components.map((item) => item.label));
    expect(labels).toEqual(["Полезно", "Не помогло"]);
    const chinese = await replyTo(post({ channelId: OTHER_CHANNEL, content: `<@${fake.botUserId}> 东北包括哪些省`, mentionsBot: true }));
    expect(embedOf(chinese).title).toMatch(/\p{Script=Han}/u);
    expect(embedOf(chinese).fields?.[0]?.name).toBe("出自");
  });

  it("answers in a DM without a mention", async () => {
    const dm = snowflake();
    const question = post({ channelId: dm, content: "where did xi and putin meet last week", guild: false });
    const reply = await replyTo(question);
    expect(factOf(reply)).toBe("xi-putin-beijing-meeting");
  });
});

describe("an opted-in text channel", () => {
  it("answers a question it is sure of, then keeps quiet in that channel for the cooldown", async () => {
    const first = post({ channelId: ASK_CHANNEL, content: "How many containers did the train from Shenyang carry?" });
    const reply = await replyTo(first);
    expectNoPing(reply);
    expect(factOf(reply)).toBe("shenyang-freight-train-hub-opening");
    expect(buttonIds(reply)).toEqual(expect.arrayContaining(["trade:qa:human", "trade:qa:remove"]));
    expect(buttonIds(reply)).not.toContain("trade:qa:solved");
    const second = post({ channelId: ASK_CHANNEL, content: "Where did Xi and Putin meet last week?" });
    expect(await considered(second.id)).toMatchObject({ decision: "silent (cooldown)" });
  });

  it.each([
    ["a statement", { content: "Liaoning exports went up a lot this year" }, "not-a-question"],
    ["another bot", { content: "How much did Liaoning export to Russia?", bot: true }, "bot-author"],
  ])("ignores %s", async (_name, change, why) => {
    const message = post({ channelId: QUIET_CHANNEL, ...change });
    expect(await considered(message.id)).toMatchObject({ decision: "ignored", why });
    expect(fake.postedIn(QUIET_CHANNEL)).toEqual([]);
  });

  it("ignores an edit, and a message of attachments or stickers alone", async () => {
    const original = post({ channelId: QUIET_CHANNEL, content: "liaoning exports" });
    await considered(original.id);
    fake.dispatch("MESSAGE_UPDATE", { ...original, guild_id: GUILD, content: "How much did Liaoning export to Russia?", edited_timestamp: new Date().toISOString() });
    const attachments = { ...messagePayload({ channel_id: QUIET_CHANNEL, author: user(snowflake()), content: "" }), guild_id: GUILD };
    fake.postMessage({
      ...attachments,
      attachments: [{ id: snowflake(), filename: "chart.png", size: 10, url: "https://cdn.example/chart.png", proxy_url: "https://cdn.example/chart.png" }],
      sticker_items: [{ id: snowflake(), name: "wave", format_type: 1 }],
    });
    expect(await considered(attachments.id)).toMatchObject({ decision: "ignored", why: "not-a-question" });
    expect(bot.logs.filter((line) => line.messageId === original.id)).toHaveLength(1);
    expect(fake.postedIn(QUIET_CHANNEL)).toEqual([]);
  });

  it("stays out of a conversation between people, and out of channels not opted in", async () => {
    const earlier = post({ channelId: QUIET_CHANNEL, content: "anyone know about Liaoning?" });
    await considered(earlier.id);
    const reply = post({ channelId: QUIET_CHANNEL, content: "How much did Liaoning export to Russia?", replyTo: earlier });
    expect(await considered(reply.id)).toMatchObject({ decision: "ignored", why: "reply-to-person" });
    const elsewhere = post({ channelId: OTHER_CHANNEL, content: "How much did Liaoning export to Russia?" });
    expect(await considered(elsewhere.id)).toMatchObject({ decision: "ignored", why: "not-opted-in" });
  });

  it("posts nothing in a shadow channel, and counts what it would have answered", async () => {
    const message = post({ channelId: SHADOW_CHANNEL, content: "How many Russian companies set up in Liaoning between January and September?" });
    expect(await considered(message.id)).toMatchObject({ decision: "shadow (would answer with russian-companies-in-liaoning)" });
    expect(fake.postedIn(SHADOW_CHANNEL)).toEqual([]);
  });
});

describe("an opted-in forum", () => {
  const newPost = (forumId: string, title: string, body: string, ownerId = snowflake()) => {
    const id = snowflake();
    fake.putMessage({ ...messagePayload({ id, channel_id: id, author: user(ownerId) }), content: body });
    fake.createThread({
      id,
      type: ChannelType.PublicThread,
      guild_id: GUILD,
      parent_id: forumId,
      owner_id: ownerId,
      name: title,
      applied_tags: [],
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      message_count: 0,
      member_count: 1,
    });
    return id;
  };
  const forumLog = (threadId: string) => bot.waitForLog((line) => line.msg === "forum post considered" && line.channelId === threadId);

  it("answers a new post from its title and first message, with Solved among the buttons", async () => {
    const thread = newPost(FORUM, "Liaoning exports", "how much did liaoning sell to russia in the first nine months?");
    const reply = await fake.waitForRequest((request) => request.method === "POST" && request.path === `/channels/${thread}/messages`);
    expect(factOf(reply)).toBe("liaoning-exports-to-russia-value");
    expect(buttonIds(reply)).toEqual(expect.arrayContaining(["trade:qa:remove", "trade:qa:solved"]));
    expectNoPing(reply);
  });

  it("stays silent on a post it cannot answer, unless the forum says always", async () => {
    const silent = newPost(FORUM, "Population of Shenyang", "What is the population of Shenyang?");
    expect(await forumLog(silent)).toMatchObject({ decision: "silent (no-answer)" });
    expect(fake.postedIn(silent)).toEqual([]);
    const gaps = () => {
      const store = FactStore.open(DATABASE_PATH);
      if (!store.ok) throw new Error(store.error);
      try {
        return store.value.feedback.gaps(50).unanswered.map((gap) => gap.question);
      } finally {
        store.value.close();
      }
    };
    await expect.poll(gaps, { timeout: 5_000, interval: 50 }).toContain("Population of Shenyang What is the population of Shenyang?");
    const always = newPost(ALWAYS_FORUM, "Population of Shenyang", "What is the population of Shenyang?");
    const reply = await fake.waitForRequest((request) => request.method === "POST" && request.path === `/channels/${always}/messages`);
    expect(embedOf(reply).title).toBe("No sourced answer");
  });

  it("answers a post from its title when its first message cannot be fetched", async () => {
    const id = snowflake();
    fake.createThread({
      id,
      type: ChannelType.PublicThread,
      guild_id: GUILD,
      parent_id: FORUM,
      owner_id: snowflake(),
      name: "Which is the largest port in the Russian Far East?",
      applied_tags: [],
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    });
    const reply = await fake.waitForRequest((request) => request.method === "POST" && request.path === `/channels/${id}/messages`, 15_000);
    expect(factOf(reply)).toBe("vladivostok-largest-far-east-port");
    expect(fake.requests.filter((request) => request.method === "GET" && request.path === `/channels/${id}/messages/${id}`).length).toBe(3);
  });

  it("in a post, answers only follow-ups that mention it or reply to it", async () => {
    const thread = newPost(FORUM, "Liaoning exports", "how much did liaoning export to russia?");
    await forumLog(thread);
    const [answer] = fake.botMessagesIn(thread);
    if (!answer) throw new Error("no answer posted");
    const chatter = post({ channelId: thread, content: "What about Jilin, does anyone know?" });
    expect(await considered(chatter.id)).toMatchObject({ decision: "ignored", why: "follow-up-not-for-bot" });
    const followUp = post({ channelId: thread, content: "and by how much did liaoning's exports grow?", replyTo: answer });
    expect(factOf(await replyTo(followUp))).toBe("liaoning-exports-to-russia-growth");
  });

  it("lets the asker remove the answer and mark the post solved; refuses a stranger", async () => {
    const asker = snowflake();
    const thread = newPost(FORUM, "train from shenyang", "How many containers were on the train that left Shenyang?", asker);
    await bot.waitForLog((line) => line.msg === "forum post considered" && line.channelId === thread);
    const [message] = fake.botMessagesIn(thread);
    if (!message) throw new Error("no answer posted in the forum post");
    const press = (customId: string, userId: string, permissions: bigint = PermissionFlagsBits.ViewChannel) =>
      fake.interact(component(customId, { componentType: 2, message }, { guildId: GUILD, channelId: thread, userId, permissions }));

    const refused = await press("trade:qa:remove", snowflake());
    expect(refused.data?.content).toBe("Only the person who asked, or a moderator, can remove this answer.");
    const solved = await press("trade:qa:solved", asker);
    expect(solved.data?.content).toBe("Marked solved (tag “Solved”).");
    expect(fake.channel(thread)?.applied_tags).toEqual([SOLVED_TAG]);
    expect((await press("trade:qa:solved", asker)).data?.content).toBe("This post is already marked solved.");
    const byModerator = await press("trade:qa:remove", snowflake(), PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ManageMessages);
    expect(byModerator.data?.content).toMatch(/^Removed\./);
    await fake.waitForRequest((request) => request.method === "DELETE" && request.path === `/channels/${thread}/messages/${message.id}`);
    expect(fake.botMessagesIn(thread)).toEqual([]);
  });
});

describe("odd input and failures", () => {
  it("says so privately when it may not tag the post Solved, changing nothing", async () => {
    const asker = snowflake();
    const id = snowflake();
    fake.putMessage({ ...messagePayload({ id, channel_id: id, author: user(asker) }), content: "Where is the largest port in the Russian Far East?" });
    fake.createThread({ id, type: ChannelType.PublicThread, guild_id: GUILD, parent_id: FORUM, owner_id: asker, name: "ports", applied_tags: [], thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } });
    await bot.waitForLog((line) => line.msg === "forum post considered" && line.channelId === id);
    const [message] = fake.botMessagesIn(id);
    if (!message) throw new Error("no answer posted");
    fake.overrideRest("PATCH", `/channels/${id}`, () => ({ status: 403, body: { message: "Missing Permissions", code: 50013 } }));
    const reply = await fake.interact(component("trade:qa:solved", { componentType: 2, message }, { guildId: GUILD, channelId: id, userId: asker }));
    expect(reply.data?.content).toBe("I may not tag posts in this forum: a server admin can give me Manage Threads.");
    expect(fake.channel(id)?.applied_tags).toEqual([]);
  });

  it("reads only the start of a 4,000-character message full of markdown, and answers it once", async () => {
    const long = `<@${fake.botUserId}> \`\`\`js\nconsole.log(1)\n\`\`\` **how much did liaoning export to russia?** ${"<@&1> ~~x~~ ".repeat(300)}`.slice(0, 4000);
    const question = post({ channelId: OTHER_CHANNEL, content: long, mentionsBot: true });
    const reply = await replyTo(question);
    expectNoPing(reply);
    await considered(question.id);
    expect(fake.requests.filter((request) => (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id === question.id)).toHaveLength(1);
  });

  it("logs, and sends nothing, when the question is deleted before the reply or the channel refuses the bot", async () => {
    const question = messagePayload({ channel_id: OTHER_CHANNEL, author: user(snowflake()), content: `<@${fake.botUserId}> where is vladivostok`, mentions: [botUser(fake.botUserId)] });
    fake.dispatch("MESSAGE_CREATE", { ...question, guild_id: GUILD });
    expect(await bot.waitForLog((line) => line.msg === "could not answer the message" && line.messageId === question.id)).toMatchObject({ why: "the question was deleted before the reply" });

    const FORBIDDEN = snowflake();
    fake.addGuild({ id: snowflake(), channels: [{ ...textChannel(FORBIDDEN) }] });
    fake.overrideRest("POST", `/channels/${FORBIDDEN}/messages`, () => ({ status: 403, body: { message: "Missing Permissions", code: 50013 } }));
    const refused = post({ channelId: FORBIDDEN, content: `<@${fake.botUserId}> where is vladivostok`, mentionsBot: true });
    expect(await bot.waitForLog((line) => line.msg === "could not answer the message" && line.messageId === refused.id)).toMatchObject({ why: "missing permission to post there" });
  });

  it("pings the helper role, and only it, once per question on 'Ask a human'", async () => {
    const channel = snowflake();
    fake.addChannel(textChannel(channel));
    const store = FactStore.open(DATABASE_PATH);
    if (!store.ok) throw new Error(store.error);
    store.value.qa.setChannel(channel, GUILD, "answer-only", "test");
    store.value.close();
    const asked = post({ channelId: channel, content: "Which provinces are in northeast China?" });
    await replyTo(asked);
    await considered(asked.id);
    const [answer] = fake.botMessagesIn(channel);
    if (!answer) throw new Error("no answer posted");
    const press = () => fake.interact(component("trade:qa:human", { componentType: 2, message: answer }, { guildId: GUILD, channelId: channel, userId: snowflake() }));
    expect((await press()).data?.content).toBe("I asked the helpers; someone will be along.");
    const ping = fake.postedIn(channel).find((request) => (request.body as { content?: string }).content?.startsWith(`<@&${HELPERS}>`));
    expect(ping?.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: false, roles: [HELPERS] } });
    expect((await press()).data?.content).toBe("Someone already asked the helpers about this question.");
    expect(fake.postedIn(channel).filter((request) => (request.body as { content?: string }).content?.startsWith(`<@&${HELPERS}>`))).toHaveLength(1);
  });
});

describe("when Discord refuses the Message Content intent", () => {
  it("connects without it, says which switch to turn on, and still answers mentions", async () => {
    const refusing = await FakeDiscord.start({ refuseMessageContent: true });
    const limited = BotProcess.start(refusing, { QA_CHANNEL_IDS: ASK_CHANNEL });
    try {
      expect(await limited.waitForLog((line) => typeof line.msg === "string" && line.msg.startsWith("Discord refused the Message Content intent"))).toMatchObject({ level: 40 });
      await limited.waitForLog((line) => line.msg === "ready");
      refusing.addGuild({ id: GUILD, channels: [textChannel(ASK_CHANNEL)] });
      const question = messagePayload({ channel_id: ASK_CHANNEL, author: user(snowflake()), content: `<@${refusing.botUserId}> how much did liaoning export to russia`, mentions: [botUser(refusing.botUserId)] });
      refusing.postMessage({ ...question, guild_id: GUILD });
      const reply = await refusing.waitForRequest((request) => request.method === "POST" && request.path === `/channels/${ASK_CHANNEL}/messages`);
      expect((reply.body as { message_reference?: { message_id?: string } }).message_reference?.message_id).toBe(question.id);
    } finally {
      const { code } = await limited.stop();
      await refusing.stop();
      expect(code).toBe(0);
      expect(refusing.takeContractViolations()).toEqual([]);
    }
  });
});
