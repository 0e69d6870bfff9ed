import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ChannelType,
  ComponentType,
  Locale,
  MessageFlags,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { slashCommand } from "../../src/i18n/slash.js";
import type { Fact, FactBase } from "../../src/knowledge/schema.js";
import { FactStore } from "../../src/knowledge/store/fact-store.js";
import { BOT_TOKEN, BotProcess, stopCleanly } from "../support/bot-process.js";
import { FakeDiscord, type InteractionCallback } from "../support/fake-discord.js";
import { autocomplete, chatInput, component, FAKE_IDS, modalSubmit, snowflake, type InteractionContext } from "../support/interactions.js";
import { freshTempDir, ROOT, runCli } from "../support/run-cli.js";
import { tempDbPath } from "../support/temp-db.js";

/** What an ordinary member may do; moderators have Manage Server on top. */
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.UseApplicationCommands;
const MODERATOR = MEMBER | PermissionFlagsBits.ManageGuild;
const MOD_ROLE = snowflake();
const SEED_SOURCE = "china-russia-trade-northeast-2023";
const EPHEMERAL = MessageFlags.Ephemeral;

const DATABASE_PATH = tempDbPath();
let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: BOT_TOKEN });
  bot = BotProcess.start(fake, { ADMIN_GUILD_IDS: FAKE_IDS.guildId, MOD_ROLE_IDS: MOD_ROLE, DATABASE_PATH, STORE_POLL_SECONDS: "1" });
  await bot.waitForLog((line) => line.msg === "ready");
});

afterEach(() => expect(fake.takeContractViolations()).toEqual([]));

afterAll(() => stopCleanly(bot, fake, DATABASE_PATH));

// ---------------------------------------------------------------- who is asking

/** A moderator of the admin guild, by Manage Server; each test names its own so votes and actors stay apart. */
const moderator = (userId = snowflake()): InteractionContext => ({ guildId: FAKE_IDS.guildId, userId, permissions: MODERATOR });
const member = (extra: InteractionContext = {}): InteractionContext => ({ guildId: FAKE_IDS.guildId, userId: snowflake(), permissions: MEMBER, ...extra });

// ---------------------------------------------------------------- interactions

type Option = APIApplicationCommandInteractionDataBasicOption;

const adminPayload = (sub: string, options: Option[] = [], ctx: InteractionContext = moderator()) =>
  chatInput("trade-admin", [{ name: sub, type: 1, options }], ctx);
const admin = (sub: string, options: Option[] = [], ctx: InteractionContext = moderator()) => fake.interact(adminPayload(sub, options, ctx));
const str = (name: string, value: string): Option => ({ name, type: 3, value });
const int = (name: string, value: number): Option => ({ name, type: 4, value });

/** Asks, and waits for the bot to finish with the question (it is counted after the reply is sent). */
async function ask(question: string, ctx: InteractionContext = { userId: snowflake() }): Promise<InteractionCallback> {
  const payload = chatInput("trade", [{ name: "ask", type: 1, options: [str("question", question)] }], ctx);
  const reply = await fake.interact(payload);
  await bot.waitForLog((line) => line.msg === "interaction" && line.interactionId === payload.id);
  return reply;
}
const showFact = (id: string) => fake.interact(chatInput("trade", [{ name: "fact", type: 1, options: [str("id", id)] }]));
const press = (customId: string, ctx: InteractionContext) => fake.interact(component(customId, { componentType: ComponentType.Button }, ctx));

/** `/trade-admin import file:<attachment>`, the attachment served by the fake Discord like Discord's CDN would. */
function importPayload(fileName: string, content: string, ctx: InteractionContext): { payload: APIChatInputApplicationCommandInteraction; filePath: string } {
  const id = snowflake();
  const filePath = `/attachments/${id}/${fileName}`;
  const url = fake.serveFile(filePath, content, "application/json");
  const payload = chatInput("trade-admin", [{ name: "import", type: 1, options: [{ name: "file", type: 11, value: id }] }], ctx);
  const attachment = { id, filename: fileName, size: Buffer.byteLength(content), url, proxy_url: url, content_type: "application/json" };
  return { payload: { ...payload, data: { ...payload.data, resolved: { attachments: { [id]: attachment } } } }, filePath };
}

// ---------------------------------------------------------------- reading replies

const isEphemeral = (reply: InteractionCallback) => ((reply.data?.flags ?? 0) & EPHEMERAL) !== 0;

/** A private plain-text reply that pings nobody. */
function expectPrivateNotice(reply: InteractionCallback, content: RegExp | string): void {
  expect(reply.type).toBe(4);
  expect(reply.data?.flags).toBe(EPHEMERAL);
  expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
  if (typeof content === "string") expect(reply.data?.content).toContain(content);
  else expect(reply.data?.content).toMatch(content);
}

/** The embed of a callback, or of the body that edited a deferred reply. */
function embedOf(reply: InteractionCallback | MessageEdit, index = 0): APIEmbed {
  const embeds = "type" in reply ? reply.data?.embeds : reply.embeds;
  const embed = embeds?.[index];
  if (!embed) throw new Error(`no embed ${index} in ${JSON.stringify(reply)}`);
  return embed;
}

const field = (embed: APIEmbed, name: string) => embed.fields?.find((candidate) => candidate.name === name)?.value;

/** The fact an answer came from, or undefined for "No sourced answer". */
function answeredBy(reply: InteractionCallback): string | undefined {
  const embed = embedOf(reply);
  if (embed.title === "No sourced answer") return undefined;
  return /^`(.+)`$/.exec(field(embed, "Fact") ?? "")?.[1];
}

/** The custom ids of the buttons and selects under a message. */
function componentIds(components: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const { custom_id: id, components: children, component: child } = node as { custom_id?: unknown; components?: unknown; component?: unknown };
    if (typeof id === "string") ids.push(id);
    walk(children);
    walk(child);
  };
  walk(components);
  return ids;
}

/** A modal's inputs (inside label components), by custom id, with the values they open with. */
function modalInputs(reply: InteractionCallback): Map<string, string | undefined> {
  expect(reply.type).toBe(9);
  const inputs = new Map<string, string | undefined>();
  for (const top of reply.data?.components ?? []) {
    const inner = ("component" in top ? [top.component] : "components" in top ? top.components : []) as { custom_id?: string; value?: string }[];
    for (const input of inner) if (input.custom_id) inputs.set(input.custom_id, input.value);
  }
  return inputs;
}

/** Each button under a message: its custom id without the key, and its label. */
function buttons(message: { components?: unknown[] }): [string, string][] {
  const rows = (message.components ?? []) as { components: { custom_id: string; label: string }[] }[];
  return rows.flatMap((row) => row.components.map((button): [string, string] => [button.custom_id.replace(/[^:]+$/, ""), button.label]));
}

const reopenButton = (reply: InteractionCallback) => {
  const id = componentIds(reply.data?.components).find((candidate) => candidate.startsWith("admin:draft:"));
  if (!id) throw new Error(`no reopen button in ${JSON.stringify(reply)}`);
  return id;
};

interface MessageEdit {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  allowed_mentions?: unknown;
}

/** The PATCH of @original that finishes a deferred reply. */
async function deferredEdit(token: string): Promise<MessageEdit> {
  const edit = await fake.waitForRequest((request) => request.method === "PATCH" && request.path.split("/").includes(token));
  expect(decodeURIComponent(edit.path)).toMatch(/\/messages\/@original$/);
  return edit.body as MessageEdit;
}

// ---------------------------------------------------------------- the database, seen from outside the bot

const cli = (...args: string[]) => runCli("facts", args, undefined, { DATABASE_PATH });

/** The whole fact base as the facts CLI reads it from the bot's database file. */
function exported(): FactBase {
  const run = cli("export");
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as FactBase;
}

function storedFact(id: string): Fact | undefined {
  return exported().facts.find((fact) => fact.id === id);
}

function seedSource(base = exported()) {
  const source = base.sources.find((candidate) => candidate.id === SEED_SOURCE);
  if (!source) throw new Error("the seed source is gone");
  return source;
}

// ---------------------------------------------------------------- the fact form

interface FactForm {
  statement: string;
  quote: string;
  source: string;
  topic: string;
  terms: string;
}

const form = (fields: Partial<FactForm> = {}): Record<string, string> => ({
  statement: "Vladivostok is the biggest harbour on Russia's Pacific coast.",
  quote: "Vladivostok, the largest port in the Russian Far East",
  source: `${SEED_SOURCE}\nThe article (no source named)`,
  topic: "Logistics and transport",
  terms: "keywords: harbour, pacific coast, seaport\naliases: Golden Horn Bay",
  ...fields,
});

/** The form as the edit command fills it in for `fact`, with a new statement. */
const editedValues = (fact: Fact, statement: string): Record<string, string> => ({
  statement,
  quote: fact.quote,
  source: `${fact.sourceId}\n${fact.attribution}`,
  topic: fact.topic,
  terms: `keywords: ${fact.keywords.join(", ")}\naliases: ${fact.aliases.join(", ")}`,
});

const FORM_LABELS = {
  statement: "Statement (one sentence that answers)",
  quote: "Quote, word for word from the source",
  source: "Source id, then who said it (next line)",
  topic: "Topic",
  terms: "Keywords / aliases (two lines)",
};

// ================================================================= tests

describe("who may moderate", () => {
  it("refuses /trade-admin from another guild, even with Manage Server, privately and in the log", async () => {
    const payload = adminPayload("stats", [], { guildId: snowflake(), permissions: MODERATOR });
    const reply = await fake.interact(payload);
    expectPrivateNotice(reply, "Moderator commands work only in the bot's admin server.");
    expect(reply.data?.embeds ?? []).toEqual([]);
    const logged = await bot.waitForLog((line) => line.msg === "moderation refused" && line.interactionId === payload.id);
    expect(logged.level).toBe(40);
    await bot.waitForLog((line) => line.msg === "interaction" && line.interactionId === payload.id && line.outcome === "refused");
  });

  it.each([
    ["a member without Manage Server or a moderator role", () => member()],
    ["a member with another role", () => member({ roles: [snowflake()] })],
  ])("refuses %s, changing nothing", async (_who, who) => {
    const before = exported();
    const payload = adminPayload("retire", [str("id", "shenyang-capital-of-liaoning"), str("reason", "not allowed")], who());
    const reply = await fake.interact(payload);
    expectPrivateNotice(reply, "Only moderators (Manage Server, or a moderator role) can change the fact base.");
    expect((await bot.waitForLog((line) => line.msg === "moderation refused" && line.interactionId === payload.id)).level).toBe(40);
    expect(exported()).toEqual(before);
    expect(answeredBy(await ask("What is the capital of Liaoning?"))).toBe("shenyang-capital-of-liaoning");
  });

  it("accepts a member with a moderator role (MOD_ROLE_IDS) without Manage Server", async () => {
    const payload = adminPayload("stats", [], member({ roles: [snowflake(), MOD_ROLE] }));
    const reply = await fake.interact(payload);
    expect(reply.type).toBe(4);
    expect(isEphemeral(reply)).toBe(true);
    expect(embedOf(reply).title).toBe("Usage");
    await bot.waitForLog((line) => line.msg === "interaction" && line.interactionId === payload.id && line.outcome === "answered");
    expect(bot.logs.some((line) => line.msg === "moderation refused" && line.interactionId === payload.id)).toBe(false);
  });

  it.each([
    ["a member without Manage Server or a moderator role", () => member()],
    ["a member with another role", () => member({ roles: [snowflake()] })],
    ["a member with Manage Server in another guild", (): InteractionContext => ({ guildId: snowflake(), userId: snowflake(), permissions: MODERATOR })],
  ])("offers %s no fact ids or statements in /trade-admin autocomplete", async (_who, who) => {
    const typing = (sub: string, ctx: InteractionContext) =>
      fake.interact(autocomplete("trade-admin", [{ name: sub, type: 1, options: [{ name: "id", type: 3, value: "", focused: true }] }], ctx));
    for (const sub of ["edit", "retire", "history"]) {
      const refused = await typing(sub, who());
      expect(refused.type).toBe(8);
      expect(refused.data?.choices).toEqual([]);
    }
    const offered = await typing("edit", moderator());
    expect(offered.data?.choices?.length).toBeGreaterThan(0);
  });

  it("refuses a fact form submitted by a non-moderator, changing nothing", async () => {
    const before = exported();
    const statement = "Vladivostok is a harbour that a non-moderator tried to add.";
    const payload = modalSubmit("admin:add", form({ statement }), member());
    const reply = await fake.interact(payload);
    expectPrivateNotice(reply, "Only moderators (Manage Server, or a moderator role) can change the fact base.");
    expect((await bot.waitForLog((line) => line.msg === "moderation refused" && line.interactionId === payload.id)).level).toBe(40);
    const after = exported();
    expect(after).toEqual(before);
    expect(after.facts.some((fact) => fact.statement === statement)).toBe(false);
  });
});

describe("/trade-admin add", () => {
  it("opens the five-input form with the seed source filled in", async () => {
    const reply = await admin("add");
    expect(reply.type).toBe(9);
    expect(reply.data?.custom_id).toBe("admin:add");
    expect(reply.data?.components).toHaveLength(5);
    expect(reply.data?.components?.every((top) => top.type === ComponentType.Label)).toBe(true);
    const inputs = modalInputs(reply);
    expect([...inputs.keys()]).toEqual(["statement", "quote", "source", "topic", "terms"]);
    expect(inputs.get("source")).toBe(`${SEED_SOURCE}\n`);
    expect(inputs.get("statement")).toBeUndefined();
  });

  it("adds a fact whose quote is in the article, and /trade ask answers with it", async () => {
    const question = "Which is the biggest harbour on the Pacific coast of Russia?";
    expect(answeredBy(await ask(question)) ?? "").not.toMatch(/biggest-harbour/);

    const reply = await fake.interact(modalSubmit("admin:add", form(), moderator()));
    expect(reply.type).toBe(4);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    const id = /^Added `([a-z0-9-]+)` \(revision 1, active\)/.exec(reply.data?.content ?? "")?.[1];
    expect(id, reply.data?.content).toBeDefined();
    expect(embedOf(reply).title).toBe("Vladivostok is the biggest harbour on Russia's Pacific coast.");

    expect(answeredBy(await ask(question))).toBe(id);
    expect(storedFact(id!)).toMatchObject({ status: "active", revision: 1, keywords: ["harbour", "pacific coast", "seaport"], aliases: ["Golden Horn Bay"] });
  });

  it("refuses a quote that is not in the article, naming the input, echoing the draft and offering to reopen it", async () => {
    const before = exported();
    const values = form({ statement: "Vladivostok is the largest city on the Moon.", quote: "Vladivostok, the largest city on the Moon" });
    const reply = await fake.interact(modalSubmit("admin:add", values, moderator()));
    expectPrivateNotice(reply, "**Not saved: fix these and submit again.**");
    expect(reply.data?.content).toContain(`**${FORM_LABELS.quote}**`);
    expect(reply.data?.content).toContain(`not found word for word in the text of source ${SEED_SOURCE}`);
    const draft = embedOf(reply);
    expect(draft.title).toBe("Your draft (in full in draft.txt)");
    expect(field(draft, FORM_LABELS.quote)).toContain("Vladivostok, the largest city on the Moon");
    expect(reopenButton(reply)).toMatch(/^admin:draft:/);
    expect(exported()).toEqual(before);
  });

  it("refuses an empty topic, naming the input, and the reopen button brings the form back with the draft", async () => {
    const before = exported();
    const ctx = moderator();
    const values = form({ statement: "Vladivostok is a harbour with no topic.", topic: "   " });
    const reply = await fake.interact(modalSubmit("admin:add", values, ctx));
    expectPrivateNotice(reply, "**Not saved: fix these and submit again.**");
    expect(reply.data?.content).toContain(`**${FORM_LABELS.topic}**`);
    expect(field(embedOf(reply), FORM_LABELS.topic)).toBe("(empty)");
    expect(field(embedOf(reply), FORM_LABELS.statement)).toContain("Vladivostok is a harbour with no topic.");
    expect(exported()).toEqual(before);

    const reopened = await press(reopenButton(reply), ctx);
    expect(reopened.type).toBe(9);
    expect(reopened.data?.custom_id).toBe("admin:add");
    const inputs = modalInputs(reopened);
    expect(inputs.get("statement")).toBe(values.statement);
    expect(inputs.get("quote")).toBe(values.quote);
    expect(inputs.get("source")).toBe(values.source);
    expect(inputs.get("terms")).toBe(values.terms);
    expect(inputs.get("topic")?.trim() ?? "").toBe("");
  });

  it("reports every problem of a draft at once (empty topic and a quote not in the article)", async () => {
    const values = form({ statement: "Vladivostok is the largest city on Venus.", quote: "the largest city on Venus", topic: "" });
    const reply = await fake.interact(modalSubmit("admin:add", values, moderator()));
    expect(reply.data?.content).toContain(`**${FORM_LABELS.topic}**`);
    expect(reply.data?.content).toContain(`**${FORM_LABELS.quote}**`);
  });
});

describe("/trade-admin edit", () => {
  it("opens the form filled in with the fact at its revision, and saves the edit as revision 2", async () => {
    const id = "russian-companies-in-liaoning";
    const fact = storedFact(id)!;
    const ctx = moderator();
    const opened = await admin("edit", [str("id", id)], ctx);
    expect(opened.data?.custom_id).toBe(`admin:edit:${id}:1`);
    expect(Object.fromEntries(modalInputs(opened))).toEqual(editedValues(fact, fact.statement));

    const statement = "From January to September, 40 Russian companies set up operations in Liaoning.";
    const saved = await fake.interact(modalSubmit(`admin:edit:${id}:1`, editedValues(fact, statement), ctx));
    expect(saved.type).toBe(4);
    expect(isEphemeral(saved)).toBe(true);
    expect(saved.data?.content).toMatch(new RegExp(`^Saved \`${id}\` \\(revision 2, active\\)`));
    expect(embedOf(saved).title).toBe(statement);
    expect(storedFact(id)).toMatchObject({ statement, revision: 2 });
    expect(embedOf(await showFact(id)).title).toBe(statement);
  });

  it("refuses a stale edit with what changed and the draft; reopened, it applies on top of the new revision", async () => {
    const id = "chinese-businesses-at-conference";
    const fact = storedFact(id)!;
    const [a, b] = [moderator(), moderator()];
    const openedA = await admin("edit", [str("id", id)], a);
    const openedB = await admin("edit", [str("id", id)], b);
    expect(openedA.data?.custom_id).toBe(`admin:edit:${id}:1`);
    expect(openedB.data?.custom_id).toBe(`admin:edit:${id}:1`);

    const statementA = "Almost 800 Chinese businesses hoping to sell in Russia came to the Shenyang conference.";
    const savedA = await fake.interact(modalSubmit(`admin:edit:${id}:1`, editedValues(fact, statementA), a));
    expect(savedA.data?.content).toMatch(/^Saved `chinese-businesses-at-conference` \(revision 2, active\)/);

    const statementB = "Nearly 800 Chinese firms that want to sell their products in Russia attended the Shenyang conference.";
    const draftB = editedValues(fact, statementB);
    const conflict = await fake.interact(modalSubmit(`admin:edit:${id}:1`, draftB, b));
    expectPrivateNotice(conflict, `changed since you opened it** (now revision 2)`);
    expect(conflict.data?.content).toContain(`r2 edit by user-${a.userId!.slice(-4)} (${a.userId})`);
    expect(field(embedOf(conflict), FORM_LABELS.statement)).toContain(statementB);
    expect(storedFact(id)).toMatchObject({ statement: statementA, revision: 2 });

    const reopened = await press(reopenButton(conflict), b);
    expect(reopened.type).toBe(9);
    expect(reopened.data?.custom_id).toBe(`admin:edit:${id}:2`);
    expect(modalInputs(reopened).get("statement")).toBe(statementB);

    const savedB = await fake.interact(modalSubmit(reopened.data!.custom_id!, draftB, b));
    expect(savedB.data?.content).toMatch(/^Saved `chinese-businesses-at-conference` \(revision 3, active\)/);
    expect(storedFact(id)).toMatchObject({ statement: statementB, revision: 3 });
  });
});

describe("retire, restore, history, revert", () => {
  it("retires a fact so it stops answering, restores it, and the history says who did what and why", async () => {
    const id = "shenyang-freight-train-hub-opening";
    const question = "How many containers were on the first train from the new Shenyang cargo hub?";
    const ctx = moderator();
    expect(answeredBy(await ask(question))).toBe(id);

    const retired = await admin("retire", [str("id", id), str("reason", "the hub figures are being rechecked")], ctx);
    expectPrivateNotice(retired, `Retired \`${id}\` (revision 2, retired). It no longer answers questions.`);
    expect(answeredBy(await ask(question))).not.toBe(id);
    expect(field(embedOf(await showFact(id)), "Status")).toBe("Retired: no longer used to answer questions");
    expect(storedFact(id)?.status).toBe("retired");

    const restored = await admin("restore", [str("id", id), str("reason", "figures confirmed")], ctx);
    expectPrivateNotice(restored, `Restored \`${id}\` (revision 3, active)`);
    expect(answeredBy(await ask(question))).toBe(id);
    expect(field(embedOf(await showFact(id)), "Status")).toBeUndefined();

    const history = await admin("history", [str("id", id)], ctx);
    expect(history.type).toBe(4);
    expect(isEphemeral(history)).toBe(true);
    const embed = embedOf(history);
    expect(embed.title).toBe(`History of ${id}`);
    const actor = `user-${ctx.userId!.slice(-4)} (${ctx.userId})`;
    expect(embed.fields?.map((entry) => entry.name.split(" · ").slice(0, 3).join(" · "))).toEqual([
      "r1 · seed · seed",
      `r2 · retire · ${actor}`,
      `r3 · restore · ${actor}`,
    ]);
    expect(embed.fields?.[1]?.value).toContain("“the hub figures are being rechecked” — status: active → retired");
    expect(embed.fields?.[2]?.value).toContain("“figures confirmed” — status: retired → active");
  });

  it("reverts a fact's content to an earlier revision, as a new revision", async () => {
    const id = "jilin-route-cuts-cost-and-time";
    const original = storedFact(id)!;
    const ctx = moderator();
    const statement = "Routing Jilin cargo for eastern China through Vladivostok cuts costs and travel time.";
    const saved = await fake.interact(modalSubmit(`admin:edit:${id}:1`, editedValues(original, statement), ctx));
    expect(saved.data?.content).toMatch(/revision 2, active/);
    expect(embedOf(await showFact(id)).title).toBe(statement);

    const reverted = await admin("revert", [str("id", id), int("revision", 1)], ctx);
    expectPrivateNotice(reverted, `Reverted \`${id}\` (revision 3, active)`);
    expect(embedOf(await showFact(id)).title).toBe(original.statement);
    expect(storedFact(id)).toMatchObject({ statement: original.statement, revision: 3, status: "active" });

    const history = embedOf(await admin("history", [str("id", id)], ctx));
    expect(history.fields?.[2]?.name).toMatch(/^r3 · revert · /);
    expect(history.fields?.[2]?.value).toContain("“revert to revision 1”");

    const unknown = await admin("revert", [str("id", id), int("revision", 9)], ctx);
    expectPrivateNotice(unknown, `There is no ${id} revision 9.`);
  });

  it("says so privately when the fact does not exist", async () => {
    const reply = await admin("retire", [str("id", "no-such-fact"), str("reason", "gone")]);
    expectPrivateNotice(reply, "There is no fact `no-such-fact`.");
  });
});

describe("gaps and stats", () => {
  it("lists the most asked unanswered questions with their counts, and the down-voted facts", async () => {
    const question = "How many penguins live in Antarctica?";
    for (let i = 0; i < 2; i++) expect(embedOf(await ask(question)).title).toBe("No sourced answer");
    const downVoted = "china-push-for-connectivity-with-russia";
    const answer = await ask("Has China deepened economic ties with Russia since the Ukraine invasion?");
    expect(answeredBy(answer)).toBe(downVoted);
    const voteDown = componentIds(answer.data?.components).find((id) => id.startsWith("trade:vote:down:"));
    expect(voteDown).toBe(`trade:vote:down:${downVoted}`);
    expectPrivateNotice(await press(voteDown!, { userId: snowflake() }), "Thanks: you marked this answer not helpful.");

    const reply = await admin("gaps");
    expect(reply.type).toBe(4);
    expect(isEphemeral(reply)).toBe(true);
    const [unanswered, downvoted] = [embedOf(reply, 0), embedOf(reply, 1)];
    expect(unanswered.title).toBe("Most asked, not answered");
    expect(unanswered.description).toContain(`**2×** ${question} _(last `);
    expect(downvoted.title).toBe("Most down-voted answers");
    expect(downvoted.description).toContain(`\`${downVoted}\` 👎 1 · 👍 0`);
  });

  it("counts questions asked and answered", async () => {
    const before = readStats(await admin("stats"));
    expect(answeredBy(await ask("What is the largest port in the Russian Far East?"))).toBe("vladivostok-largest-far-east-port");
    expect(answeredBy(await ask("What colour are Siberian tigers?"))).toBeUndefined();
    const reply = await admin("stats");
    expect(isEphemeral(reply)).toBe(true);
    const after = readStats(reply);
    expect(after.asked - before.asked).toBe(2);
    expect(after.answered - before.answered).toBe(1);
    expect(field(embedOf(reply), "Answered")).toBe(`${after.answered} (${Math.round((after.answered / after.asked) * 100)}%)`);
    expect(field(embedOf(reply), "Most used facts")).toMatch(/^• `[a-z0-9-]+` ×\d+/);
  });
});

function readStats(reply: InteractionCallback): { asked: number; answered: number; up: number; down: number } {
  const embed = embedOf(reply);
  expect(embed.title).toBe("Usage");
  const feedback = /^👍 (\d+) · 👎 (\d+)$/.exec(field(embed, "Feedback") ?? "");
  return {
    asked: Number(field(embed, "Questions asked")),
    answered: Number(/^(\d+) /.exec(field(embed, "Answered") ?? "")?.[1]),
    up: Number(feedback?.[1]),
    down: Number(feedback?.[2]),
  };
}

describe("feedback on answers", () => {
  it("keeps one vote per user per fact: thanks, already, changed", async () => {
    const factId = "northeast-china-provinces";
    const voter = { userId: snowflake() };
    const answer = await ask("Which provinces make up northeast China?");
    expect(answeredBy(answer)).toBe(factId);
    const [up, down] = componentIds(answer.data?.components);
    expect([up, down]).toEqual([`trade:vote:up:${factId}`, `trade:vote:down:${factId}`]);
    const before = readStats(await admin("stats"));

    expectPrivateNotice(await press(up!, voter), "Thanks: you marked this answer helpful.");
    expect(readStats(await admin("stats"))).toMatchObject({ up: before.up + 1, down: before.down });
    expectPrivateNotice(await press(up!, voter), "You already marked this answer helpful.");
    expect(readStats(await admin("stats"))).toMatchObject({ up: before.up + 1, down: before.down });
    expectPrivateNotice(await press(down!, voter), "Changed your vote: not helpful.");
    expect(readStats(await admin("stats"))).toMatchObject({ up: before.up, down: before.down + 1 });
  });
});

describe("/trade-admin export", () => {
  it("replies privately with the whole fact base as a JSON file", async () => {
    const payload = adminPayload("export");
    const since = fake.requests.length;
    fake.dispatchInteraction(payload);
    const callback = await fake.waitForRequest((request) => request.method === "POST" && request.path === `/interactions/${payload.id}/${payload.token}/callback`, 10_000, since);
    expect(String(callback.headers["content-type"])).toMatch(/^multipart\/form-data/);
    const json = callback.body as { type: number; data: Record<string, unknown> };
    expect(json.type).toBe(4);
    expect(json.data).toMatchObject({ content: "The whole fact base, in the seed's format.", flags: EPHEMERAL, allowed_mentions: { parse: [] } });
    const file = callback.files[0];
    expect(file?.filename).toMatch(/^trade-facts-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file?.text).toBe(cli("export").stdout);
    const base = JSON.parse(file!.text) as FactBase;
    expect(base.sources.map((source) => source.id)).toContain(SEED_SOURCE);
    expect(base.facts.length).toBeGreaterThanOrEqual(21);
  });
});

describe("/trade-admin import", () => {
  const zhoushan = (): Fact => ({
    id: "zhoushan-jiaxing-in-zhejiang",
    statement: "Zhoushan and Jiaxing are in the eastern Chinese province of Zhejiang.",
    quote: "Zhoushan and Jiaxing in the eastern Chinese province of Zhejiang",
    sourceId: SEED_SOURCE,
    attribution: "The article (no source named)",
    topic: "Regional geography",
    entities: ["Zhoushan", "Jiaxing", "Zhejiang"],
    keywords: ["zhoushan", "jiaxing", "zhejiang", "province"],
    aliases: ["Zhejiang ports"],
    questions: ["Which province are Zhoushan and Jiaxing in?"],
    period: null,
    status: "active",
    revision: 1,
    updatedAt: "2024-01-01T00:00:00.000Z",
    updatedBy: "test",
  });

  async function preview(fileName: string, content: string, ctx: InteractionContext) {
    const { payload, filePath } = importPayload(fileName, content, ctx);
    const deferred = await fake.interact(payload);
    expect(deferred.type).toBe(5);
    expect(deferred.data?.flags).toBe(EPHEMERAL);
    const edit = await deferredEdit(payload.token);
    expect(fake.requests.filter((request) => request.method === "GET" && request.path === filePath)).toHaveLength(1);
    return edit;
  }

  it("previews without changing anything, then applies on Apply; the bot answers from the imported facts", async () => {
    const base = exported();
    const changedId = "russian-attendees-at-conference";
    const changed = { ...base.facts.find((fact) => fact.id === changedId)!, statement: "Russian local government leaders and business representatives came to the Shenyang conference too." };
    const file = `${JSON.stringify({ sources: [seedSource(base)], facts: [zhoushan(), changed] }, null, 2)}\n`;
    const question = "Which province are Zhoushan and Jiaxing in?";
    expect(answeredBy(await ask(question))).not.toBe("zhoushan-jiaxing-in-zhejiang");
    const ctx = moderator();

    const edit = await preview("import.json", file, ctx);
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(edit.content).toBe("**Dry run: nothing has changed yet.** Apply it?");
    const embed = embedOf(edit);
    expect(embed.title).toBe("Import preview");
    expect(field(embed, "Facts added (1)")).toBe("`zhoushan-jiaxing-in-zhejiang`");
    expect(field(embed, "Facts changed (1)")).toBe(`\`${changedId}\` (statement)`);
    expect(field(embed, "Sources added or changed (0)")).toBe("none");
    const [apply, cancel] = componentIds(edit.components);
    expect(apply).toMatch(/^admin:import-confirm:/);
    expect(cancel).toMatch(/^admin:import-cancel:/);

    expect(exported()).toEqual(base);
    expectPrivateNotice(await showFact("zhoushan-jiaxing-in-zhejiang"), "There is no fact `zhoushan-jiaxing-in-zhejiang`.");

    const applied = await press(apply!, ctx);
    expect(applied.type).toBe(7);
    expect(applied.data?.content).toBe("Imported: 1 fact added, 1 changed, 0 sources added or changed.");
    expect(applied.data?.components).toEqual([]);
    expect(applied.data?.embeds).toEqual([]);

    expect(answeredBy(await ask(question))).toBe("zhoushan-jiaxing-in-zhejiang");
    expect(embedOf(await showFact(changedId)).title).toBe(changed.statement);
    expect(storedFact(changedId)).toMatchObject({ statement: changed.statement, revision: 2 });
    expect(storedFact("zhoushan-jiaxing-in-zhejiang")).toMatchObject({ revision: 1, updatedBy: `user-${ctx.userId!.slice(-4)} (${ctx.userId})` });

    const again = await press(apply!, ctx);
    expectPrivateNotice(again, "That import preview has expired. Run the import again.");
  });

  it("lists a fact changed here since the file's revision as a conflict, applied only by a button that says what becomes of it", async () => {
    const hub = "northeast-china-trade-hub";
    const host = "xi-putin-shenyang-conference";
    const old = exported();
    const hubBefore = old.facts.find((fact) => fact.id === hub)!;
    const file = JSON.stringify({ sources: [seedSource(old)], facts: [hubBefore, { ...old.facts.find((fact) => fact.id === host)!, topic: "Regional geography" }] });
    const editor = moderator();
    const statement = "Northeast China has become a hub of bilateral China–Russia trade and commerce.";
    const saved = await fake.interact(modalSubmit(`admin:edit:${hub}:${hubBefore.revision}`, editedValues(hubBefore, statement), editor));
    expect(saved.data?.content).toMatch(new RegExp(`^Saved \`${hub}\` \\(revision ${hubBefore.revision + 1}, active\\)`));
    const beforeImport = exported();
    const ctx = moderator();

    const edit = await preview("old-export.json", file, ctx);
    expect(edit.content).toMatch(/^\*\*Dry run: nothing has changed yet\.\*\* Some facts were changed here after your file's revision of them/);
    const embed = embedOf(edit);
    expect(field(embed, "Facts changed (1)")).toBe(`\`${host}\` (topic)`);
    expect(field(embed, "Conflicts: changed here since your file (1)")).toMatch(
      new RegExp(`^\`${hub}\`: your file r${hubBefore.revision}, here r${hubBefore.revision + 1} by user-${editor.userId!.slice(-4)} \\(${editor.userId}\\) at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(statement\\)$`),
    );
    expect(buttons(edit)).toEqual([
      ["admin:import-skip:", "Apply, skip 1 conflict"],
      ["admin:import-overwrite:", "Apply and overwrite 1 conflict"],
      ["admin:import-cancel:", "Cancel"],
    ]);
    expect(exported()).toEqual(beforeImport);

    const [skip] = componentIds(edit.components);
    const skipped = await press(skip!, ctx);
    expect(skipped.type).toBe(7);
    expect(skipped.data?.content).toBe("Imported: 0 facts added, 1 changed, 0 sources added or changed. Skipped 1 conflict: left as it is.");
    expect(storedFact(hub)).toMatchObject({ statement, revision: hubBefore.revision + 1 });
    expect(storedFact(host)).toMatchObject({ topic: "Regional geography" });

    const again = await preview("old-export.json", file, ctx);
    expect(buttons(again)).toEqual([
      ["admin:import-overwrite:", "Apply and overwrite 1 conflict"],
      ["admin:import-cancel:", "Cancel"],
    ]);
    const [overwrite] = componentIds(again.components);
    const overwritten = await press(overwrite!, ctx);
    expect(overwritten.data?.content).toBe("Imported: 0 facts added, 0 changed, 0 sources added or changed. Overwrote 1 conflict with the file's version.");
    expect(storedFact(hub)).toMatchObject({ statement: hubBefore.statement, revision: hubBefore.revision + 2 });
    expect(embedOf(await showFact(hub)).title).toBe(hubBefore.statement);
  });

  it("changes nothing when cancelled", async () => {
    const base = exported();
    const id = "conference-agreement-industries";
    const changed = { ...base.facts.find((fact) => fact.id === id)!, topic: "Trade figures" };
    const ctx = moderator();
    const edit = await preview("cancel-me.json", JSON.stringify({ sources: [seedSource(base)], facts: [changed] }), ctx);
    const cancel = componentIds(edit.components).find((customId) => customId.startsWith("admin:import-cancel:"));
    const cancelled = await press(cancel!, ctx);
    expect(cancelled.type).toBe(7);
    expect(cancelled.data?.content).toBe("Import cancelled: nothing changed.");
    expect(cancelled.data?.components).toEqual([]);
    expect(exported()).toEqual(base);
    expect(storedFact(id)).toMatchObject({ topic: "Business and investment", revision: 1 });

    const apply = componentIds(edit.components).find((customId) => customId.startsWith("admin:import-confirm:"));
    expectPrivateNotice(await press(apply!, ctx), "That import preview has expired.");
    expect(exported()).toEqual(base);
  });

  it("refuses the preview's buttons, and a draft's reopen button, to anyone who is not a moderator", async () => {
    const base = exported();
    const id = "conference-agreement-industries";
    const changed = { ...base.facts.find((fact) => fact.id === id)!, topic: "Trade figures" };
    const edit = await preview("outsider.json", JSON.stringify({ sources: [seedSource(base)], facts: [changed] }), moderator());
    const apply = componentIds(edit.components).find((customId) => customId.startsWith("admin:import-confirm:"));
    const outsider = member();
    const refused = await press(apply!, outsider);
    expectPrivateNotice(refused, /^Only moderators/);
    expect(exported()).toEqual(base);

    const draft = await fake.interact(modalSubmit("admin:add", form({ statement: "A draft with no topic.", topic: " " }), moderator()));
    const reopen = componentIds(draft.data?.components).find((customId) => customId.startsWith("admin:draft:"));
    const reopened = await press(reopen!, outsider);
    expect(reopened.type).toBe(4);
    expectPrivateNotice(reopened, /^Only moderators/);
  });

  it("refuses a broken file with its problems, line by line, changing nothing", async () => {
    const base = exported();
    const broken = readFileSync(join(ROOT, "test/fixtures/broken-facts.json"), "utf8");
    const edit = await preview("broken-facts.json", broken, moderator());
    const content = edit.content ?? "";
    expect(content).toMatch(/^\*\*Not imported: broken-facts\.json has \d+ problems\.\*\* Nothing changed\./);
    expect(content).toContain("• line 39: fact misquoted-fact, quote: not found word for word in the text of source tiny-source");
    expect(content).toContain("fact good-fact, id: duplicate id");
    expect(content).toContain("fact invented-figure, statement: figure 90 not in the quote");
    expect(content).toContain("fact orphan-fact, sourceId: no source has the id \"no-such-source\"");
    expect(edit.components).toEqual([]);
    expect(exported()).toEqual(base);
    expectPrivateNotice(await showFact("good-fact"), "There is no fact `good-fact`.");
  });

  it("refuses a file that is not JSON", async () => {
    const edit = await preview("notes.json", "{ this is not json", moderator());
    expect(edit.content).toMatch(/^\*\*Not imported: notes\.json has 1 problem\.\*\* Nothing changed\.\n• line 1: file, \(JSON\): not valid JSON/);
  });
});

describe("/trade-admin sources add", () => {
  it("registers a source from the form; facts citing it must quote its text", async () => {
    const ctx = moderator();
    const opened = await fake.interact(chatInput("trade-admin", [{ name: "sources", type: 2, options: [{ name: "add", type: 1 }] }], ctx));
    expect(opened.type).toBe(9);
    expect(opened.data?.custom_id).toBe("admin:source-add");
    expect([...modalInputs(opened).keys()]).toEqual(["title", "publisher", "url", "date", "text"]);

    const text = "The Harbin trade fair drew 1,200 exhibitors from Russia and China. Organisers said deals worth 3 billion yuan were signed.";
    const registered = await fake.interact(
      modalSubmit("admin:source-add", { title: "Harbin trade fair report", publisher: "Test Wire", url: "https://example.com/harbin-fair", date: "2024", text }, ctx),
    );
    expectPrivateNotice(
      registered,
      /^Registered source `([a-z0-9-]+)`: Harbin trade fair report \(with its text: quotes from it are checked\)\. 2 facts proposed from it: review them with `\/trade-admin review source:\1`\.$/,
    );
    const sourceId = /`([a-z0-9-]+)`/.exec(registered.data?.content ?? "")![1]!;
    expect(exported().sources.find((source) => source.id === sourceId)).toMatchObject({ title: "Harbin trade fair report", publisher: "Test Wire", text });

    const misquoted = await fake.interact(
      modalSubmit(
        "admin:add",
        form({ statement: "Deals worth 5 billion yuan were signed at the Harbin trade fair.", quote: "deals worth 5 billion yuan were signed", source: `${sourceId}\nOrganisers`, topic: "Business and investment", terms: "keywords: harbin, trade fair, deals" }),
        ctx,
      ),
    );
    expectPrivateNotice(misquoted, `**${FORM_LABELS.quote}**`);
    expect(misquoted.data?.content).toContain(`not found word for word in the text of source ${sourceId}`);
    expect(exported().facts.some((fact) => fact.sourceId === sourceId)).toBe(false);

    const quoted = await fake.interact(
      modalSubmit(
        "admin:add",
        form({ statement: "The Harbin trade fair drew 1,200 exhibitors from Russia and China.", quote: "The Harbin trade fair drew 1,200 exhibitors from Russia and China.", source: `${sourceId}\nThe report`, topic: "Business and investment", terms: "keywords: harbin, trade fair, exhibitors" }),
        ctx,
      ),
    );
    expect(quoted.data?.content).toMatch(/^Added `[a-z0-9-]+` \(revision 1, active\)/);
    expect(answeredBy(await ask("How many exhibitors came to the Harbin trade fair?"))).toBe(/`([a-z0-9-]+)`/.exec(quoted.data?.content ?? "")?.[1]);
  });

  it("refuses a source without a title, registering nothing", async () => {
    const before = exported();
    const reply = await fake.interact(modalSubmit("admin:source-add", { title: "  ", publisher: "", url: "", date: "", text: "" }, moderator()));
    expectPrivateNotice(reply, /^\*\*Not saved: fix these and submit again\.\*\*\n• \*\*Title\*\* — title: /);
    expect(exported()).toEqual(before);
  });
});

describe("another process writing the same database", () => {
  it("is seen by the running bot within a few seconds (facts import from the CLI retiring a fact)", async () => {
    const id = "xi-heilongjiang-security-role";
    const question = "What did Xi say Heilongjiang should do for national security?";
    expect(answeredBy(await ask(question))).toBe(id);

    const base = exported();
    const retired = { ...base.facts.find((fact) => fact.id === id)!, status: "retired" as const };
    const scratch = freshTempDir();
    const file = join(scratch, "retire.json");
    writeFileSync(file, JSON.stringify({ sources: [seedSource(base)], facts: [retired] }, null, 2));
    const run = runCli("facts", ["import", file], undefined, { DATABASE_PATH });
    rmSync(scratch, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("imported: 0 facts added, 1 changed");

    await bot.waitForLog((line) => line.msg === "fact base changed: engine updated" && Array.isArray(line.facts) && line.facts.includes(id), 15_000);
    expect(answeredBy(await ask(question))).not.toBe(id);
    expect(field(embedOf(await showFact(id)), "Status")).toBe("Retired: no longer used to answer questions");
  });
});

describe("/trade-admin qa", () => {
  const FORUM = snowflake();
  const qaPayload = (sub: string, options: Option[], ctx: InteractionContext = moderator()) => {
    const payload = chatInput("trade-admin", [{ name: "qa", type: 2, options: [{ name: sub, type: 1, options }] }], ctx);
    const channel = { id: FORUM, type: ChannelType.GuildForum, name: "ask-about-trade", permissions: "0" };
    return { ...payload, data: { ...payload.data, resolved: { channels: { [FORUM]: channel } } } } as APIChatInputApplicationCommandInteraction;
  };
  const qa = (sub: string, options: Option[] = [], ctx?: InteractionContext) => fake.interact(qaPayload(sub, options, ctx));
  const channelOption = { name: "channel", type: 7, value: FORUM } as Option;
  const openStore = () => {
    const store = FactStore.open(DATABASE_PATH);
    if (!store.ok) throw new Error(store.error);
    return store.value;
  };

  it("opts a forum in, changes its mode, lists it with who changed what, and opts it out: each change audited", async () => {
    const mod = snowflake();
    expectPrivateNotice(await qa("add", [channelOption, str("mode", "shadow")], moderator(mod)), `<#${FORUM}> now takes part in Q&A (shadow).`);
    expectPrivateNotice(await qa("add", [channelOption], moderator(mod)), `<#${FORUM}> now answers in answer-only mode.`);
    const list = embedOf(await qa("list"));
    expect(list.description).toContain(`<#${FORUM}>: answer-only (set by user-${mod.slice(-4)} (${mod})`);
    expect(field(list, "Latest changes")).toMatch(new RegExp(`<#${FORUM}> · shadow → answer-only · user-${mod.slice(-4)}`));
    expectPrivateNotice(await qa("remove", [channelOption]), `<#${FORUM}> no longer takes part in Q&A.`);
    expectPrivateNotice(await qa("remove", [channelOption]), `<#${FORUM}> was not taking part in Q&A.`);
    const store = openStore();
    expect(store.qa.channels().some((channel) => channel.channelId === FORUM)).toBe(false);
    expect(store.qa.changes().filter((change) => change.channelId === FORUM).map((change) => [change.modeBefore, change.modeAfter])).toEqual([
      ["answer-only", null],
      ["shadow", "answer-only"],
      [null, "shadow"],
    ]);
    store.close();
  });

  it("refuses a member, changing nothing", async () => {
    expectPrivateNotice(await qa("add", [channelOption], member()), /moderator|Manage Server/i);
    const store = openStore();
    expect(store.qa.channels().some((channel) => channel.channelId === FORUM)).toBe(false);
    store.close();
  });

  it("shows answers given in Q&A channels per channel in stats", async () => {
    const store = openStore();
    store.qa.recordAutoAnswer({ replyId: snowflake(), questionId: snowflake(), channelId: FORUM, askerId: snowflake(), factId: null, route: "forum-post", outcome: "shadow" });
    store.close();
    expect(field(embedOf(await admin("stats")), "Answers in Q&A channels")).toContain(`<#${FORUM}>: 0 answered, 1 would have been (shadow)`);
  });
});

describe("in the moderator's Discord language", () => {
  const russian = (ctx: InteractionContext): InteractionContext => ({ ...ctx, locale: Locale.Russian });

  it("answers a moderator with a Russian Discord client in Russian: history, forms, notices and refusals; the fact's own words stay as they are", async () => {
    const id = "shenyang-capital-of-liaoning";
    const history = await admin("history", [str("id", id)], russian(moderator()));
    expect(isEphemeral(history)).toBe(true);
    expect(history.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(history);
    expect(embed.title).toBe(`История факта ${id}`);
    expect(embed.fields?.[0]?.name).toMatch(/^r1 · начальная загрузка · seed · /);
    expect(embed.footer?.text).toBe(`Вернуть содержание редакции: ${slashCommand("trade-admin revert", "ru")}`);

    const form = await admin("edit", [str("id", id)], russian(moderator()));
    expect(form.data?.title).toBe(`Правка: ${id}`);
    const labels = (form.data?.components ?? []).map((top) => ("label" in top ? top.label : undefined));
    expect(labels).toEqual(["Утверждение (одно предложение-ответ)", "Цитата, дословно из источника", "ID источника, на второй строке — кто сказал", "Тема", "Ключевые слова / синонимы (две строки)"]);
    expect(modalInputs(form).get("statement")).toBe(storedFact(id)!.statement);

    expectPrivateNotice(await admin("retire", [str("id", "no-such-fact"), str("reason", "нет")], russian(moderator())), "Факта `no-such-fact` нет.");
    expectPrivateNotice(await admin("stats", [], russian(member())), "Менять базу фактов могут только модераторы (право «Управлять сервером» или роль модератора).");
    expectPrivateNotice(await fake.interact(chatInput("frobnicate", [], russian(moderator()))), `Такой команды у меня больше нет. Попробуйте \`${slashCommand("trade help", "ru")}\`.`);
    expectPrivateNotice(await press("gone:button", russian(moderator())), "Эта кнопка или форма больше не работает. Начните заново.");
    expect(embedOf(await admin("stats")).title).toBe("Usage");
  });
});
