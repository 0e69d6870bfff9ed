import {
  ComponentType,
  Locale,
  MessageFlags,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIEmbed,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Fact, FactBase, FactTranslation } from "../../src/knowledge/schema.js";
import { BOT_TOKEN, BotProcess, stopCleanly } from "../support/bot-process.js";
import { FakeDiscord, type InteractionCallback } from "../support/fake-discord.js";
import { autocomplete, chatInput, component, FAKE_IDS, modalSubmit, snowflake, type InteractionContext } from "../support/interactions.js";
import { runCli } from "../support/run-cli.js";
import { tempDbPath } from "../support/temp-db.js";

/** `/trade-admin translate` (issue 11) through the real bot against the fake Discord: the form, saving, refusals, removal. */

const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.UseApplicationCommands;
const MODERATOR = MEMBER | PermissionFlagsBits.ManageGuild;
const SEED_SOURCE = "china-russia-trade-northeast-2023";
const NOT_SAVED = "**Not saved: fix these and submit again.**";

const DATABASE_PATH = tempDbPath();
let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: BOT_TOKEN });
  bot = BotProcess.start(fake, { ADMIN_GUILD_IDS: FAKE_IDS.guildId, DATABASE_PATH });
  await bot.waitForLog((line) => line.msg === "ready");
});

afterEach(() => expect(fake.takeContractViolations()).toEqual([]));

afterAll(() => stopCleanly(bot, fake, DATABASE_PATH));

// ---------------------------------------------------------------- who, and what they send

const moderator = (extra: InteractionContext = {}): InteractionContext => ({ guildId: FAKE_IDS.guildId, userId: snowflake(), permissions: MODERATOR, ...extra });
const member = (): InteractionContext => ({ guildId: FAKE_IDS.guildId, userId: snowflake(), permissions: MEMBER });
const actorOf = (ctx: InteractionContext) => `user-${ctx.userId!.slice(-4)} (${ctx.userId})`;

type Option = APIApplicationCommandInteractionDataBasicOption;
const str = (name: string, value: string): Option => ({ name, type: 3, value });
const admin = (sub: string, options: Option[], ctx: InteractionContext) => fake.interact(chatInput("trade-admin", [{ name: sub, type: 1, options }], ctx));
const translate = (id: string, locale: string, ctx: InteractionContext) => admin("translate", [str("id", id), str("locale", locale)], ctx);
const press = (customId: string, ctx: InteractionContext) => fake.interact(component(customId, { componentType: ComponentType.Button }, ctx));

async function ask(question: string): Promise<InteractionCallback> {
  const payload = chatInput("trade", [{ name: "ask", type: 1, options: [str("question", question)] }], { userId: snowflake() });
  const reply = await fake.interact(payload);
  await bot.waitForLog((line) => line.msg === "interaction" && line.interactionId === payload.id);
  return reply;
}

/** The form as a moderator fills it in for `translation`. */
const formOf = (translation: FactTranslation, reason = ""): Record<string, string> => ({
  statement: translation.statement,
  terms: `keywords: ${translation.keywords.join(", ")}\naliases: ${translation.aliases.join(", ")}`,
  questions: translation.questions.join("\n"),
  reason,
});

// ---------------------------------------------------------------- reading replies

function expectPrivateNotice(reply: InteractionCallback, content: string): void {
  expect(reply.type).toBe(4);
  expect(reply.data?.flags).toBe(MessageFlags.Ephemeral);
  expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
  expect(reply.data?.content).toContain(content);
}

function embedOf(reply: InteractionCallback): APIEmbed {
  const embed = reply.data?.embeds?.[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(reply)}`);
  return embed;
}

/** The fact an answer came from (its id is in the Fact field in every language), or undefined for no answer. */
function answeredBy(reply: InteractionCallback): string | undefined {
  const embed = embedOf(reply);
  return embed.fields?.map((entry) => /^`([a-z0-9-]+)`$/.exec(entry.value)?.[1]).find(Boolean);
}

interface ModalParts {
  customId: string;
  title: string;
  text: string[];
  inputs: Map<string, { value?: string; placeholder?: string }>;
}

function modalOf(reply: InteractionCallback): ModalParts {
  expect(reply.type).toBe(9);
  const parts: ModalParts = { customId: reply.data?.custom_id ?? "", title: reply.data?.title ?? "", text: [], inputs: new Map() };
  for (const top of reply.data?.components ?? []) {
    if (top.type === ComponentType.TextDisplay) parts.text.push(top.content);
    if (top.type === ComponentType.Label && top.component.type === ComponentType.TextInput) {
      const { custom_id: id, value, placeholder } = top.component;
      parts.inputs.set(id, { ...(value ? { value } : {}), ...(placeholder ? { placeholder } : {}) });
    }
  }
  return parts;
}

function buttonsOf(reply: InteractionCallback): { customId: string; label: string }[] {
  const rows = (reply.data?.components ?? []) as { components?: { custom_id?: string; label?: string }[] }[];
  return rows.flatMap((row) => row.components ?? []).map((button) => ({ customId: button.custom_id ?? "", label: button.label ?? "" }));
}

const button = (reply: InteractionCallback, label: string) => {
  const found = buttonsOf(reply).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(reply)}`);
  return found.customId;
};

// ---------------------------------------------------------------- the database, read by the facts CLI

function exported(): FactBase {
  const run = runCli("facts", ["export"], undefined, { DATABASE_PATH });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as FactBase;
}

const storedFact = (id: string): Fact => {
  const fact = exported().facts.find((candidate) => candidate.id === id);
  if (!fact) throw new Error(`no fact ${id}`);
  return fact;
};

// ================================================================= tests

describe("/trade-admin translate", () => {
  it("opens the fact form for that language, in the moderator's: the English statement on top, the translation filled in", async () => {
    const id = "liaoning-exports-to-russia-value";
    const fact = storedFact(id);
    const opened = modalOf(await translate(id, "zh-CN", moderator({ locale: Locale.Russian })));
    expect(opened.customId).toBe(`admin:tr:zh:${id}:${fact.revision}`);
    expect(opened.title).toBe(`Перевод на китайский: ${id}`.slice(0, 44) + "…");
    expect(opened.text).toEqual([`**Английский оригинал:** ${fact.statement}`]);
    expect(Object.fromEntries([...opened.inputs].map(([input, { value }]) => [input, value]))).toEqual({ ...formOf(fact.translations!["zh-CN"]!), reason: undefined });
    expect(opened.inputs.get("statement")?.placeholder).toBe(fact.statement);
  });

  it("saves a new fact's Russian translation as a revision; /trade ask in Russian then answers with it, and history shows it", async () => {
    const ctx = moderator();
    const added = await fake.interact(
      modalSubmit(
        "admin:add",
        {
          statement: "Vladivostok is the biggest harbour on Russia's Pacific coast.",
          quote: "Vladivostok, the largest port in the Russian Far East",
          source: `${SEED_SOURCE}\nThe article (no source named)`,
          topic: "Logistics and transport",
          terms: "keywords: harbour, pacific coast, seaport\naliases: Golden Horn Bay",
        },
        ctx,
      ),
    );
    const id = /^Added `([a-z0-9-]+)`/.exec(added.data?.content ?? "")?.[1];
    if (!id) throw new Error(`not added: ${JSON.stringify(added.data)}`);
    const question = "Какая самая большая гавань на тихоокеанском побережье России?";
    expect(answeredBy(await ask(question))).not.toBe(id);

    const opened = modalOf(await translate(id, "ru", ctx));
    expect(opened.customId).toBe(`admin:tr:ru:${id}:1`);
    expect(opened.text).toEqual(["**English:** Vladivostok is the biggest harbour on Russia's Pacific coast."]);
    expect([...opened.inputs.values()].map((input) => input.value)).toEqual([undefined, undefined, undefined, undefined]);

    const ru: FactTranslation = {
      statement: "Владивосток — самая большая гавань на тихоокеанском побережье России.",
      keywords: ["гавань", "тихоокеанское побережье", "морской порт"],
      aliases: ["бухта Золотой Рог"],
      questions: ["Какая самая большая гавань на тихоокеанском побережье России?"],
    };
    const saved = await fake.interact(modalSubmit(opened.customId, formOf(ru), ctx));
    expectPrivateNotice(saved, `Saved the Russian translation of \`${id}\` (revision 2). Questions in Russian are answered with it from now on.`);
    expect(embedOf(saved).title).toBe(ru.statement);
    expect(storedFact(id)).toMatchObject({ revision: 2, translations: { ru } });

    const answer = await ask(question);
    expect(answeredBy(answer)).toBe(id);
    expect(embedOf(answer).title).toBe(ru.statement);

    const history = embedOf(await admin("history", [str("id", id)], ctx));
    expect(history.fields?.[1]?.name).toMatch(new RegExp(`^r2 · .+ · ${actorOf(ctx).replace(/[()]/g, "\\$&")} · `));
    expect(history.fields?.[1]?.value).toMatch(/^“translation ru” — translations\.ru\.statement: ∅ → Владивосток — самая большая гавань/);
  });

  it("refuses a figure that is not the English one, or a name spelled another way, naming the problem; nothing is stored and the draft reopens", async () => {
    const id = "liaoning-exports-to-russia-growth";
    const fact = storedFact(id);
    const before = exported();
    const ctx = moderator();
    const opened = modalOf(await translate(id, "ru", ctx));
    const wrongFigure = formOf({ ...fact.translations!.ru!, statement: fact.translations!.ru!.statement.replace("82,3", "83,2") });
    const refused = await fake.interact(modalSubmit(opened.customId, wrongFigure, ctx));
    expectPrivateNotice(refused, NOT_SAVED);
    expect(refused.data?.content).toContain("statement: figure 82.3 of the statement not in the translation");

    const otherSpelling = formOf({ ...fact.translations!.ru!, statement: fact.translations!.ru!.statement.replace("Экспорт Ляонина", "Экспорт провинции Ляонинь") });
    const misspelt = await fake.interact(modalSubmit(opened.customId, otherSpelling, ctx));
    expectPrivateNotice(misspelt, NOT_SAVED);
    expect(misspelt.data?.content).toContain('writes "Ляонинь": the base spells liaoning "Ляонин" (list "Ляонинь" in aliases)');
    expect(exported()).toEqual(before);

    const reopened = modalOf(await press(button(misspelt, "Reopen my draft"), ctx));
    expect(reopened.customId).toBe(opened.customId);
    expect(reopened.inputs.get("statement")?.value).toBe(otherSpelling.statement);
    expect(reopened.inputs.get("terms")?.value).toBe(otherSpelling.terms);
  });

  it("hands a form opened before someone else's edit back to reopen on top of it", async () => {
    const id = "russian-companies-in-liaoning";
    const fact = storedFact(id);
    const [a, b] = [moderator(), moderator()];
    const openedA = modalOf(await translate(id, "ru", a));
    const openedB = modalOf(await translate(id, "ru", b));
    const translationA = { ...fact.translations!.ru!, questions: ["Сколько российских компаний пришло в Ляонин?"] };
    expectPrivateNotice(await fake.interact(modalSubmit(openedA.customId, formOf(translationA), a)), "(revision 2)");

    const translationB = { ...fact.translations!.ru!, aliases: ["Ляонинь"] };
    const stale = await fake.interact(modalSubmit(openedB.customId, formOf(translationB), b));
    expectPrivateNotice(stale, NOT_SAVED);
    expect(stale.data?.content).toContain(`${id} changed since you opened the form (now revision 2, by ${actorOf(a)} at `);
    expect(storedFact(id).translations?.ru).toEqual(translationA);

    const reopened = modalOf(await press(button(stale, "Reopen my draft"), b));
    expect(reopened.customId).toBe(`admin:tr:ru:${id}:2`);
    expectPrivateNotice(await fake.interact(modalSubmit(reopened.customId, formOf(translationB, "Ляонинь as an alias"), b)), "(revision 3)");
    expect(storedFact(id)).toMatchObject({ revision: 3, translations: { ru: translationB } });
  });

  it("removes a translation after a confirmation, as a revision; Russian questions then get the English statement", async () => {
    const id = "shenyang-capital-of-liaoning";
    const question = "Какой город — административный центр провинции Ляонин?";
    const fact = storedFact(id);
    expect(embedOf(await ask(question)).title).toBe(fact.translations?.ru?.statement);
    const ctx = moderator();
    const opened = modalOf(await translate(id, "ru", ctx));
    const emptied = { ...formOf(fact.translations!.ru!), statement: " " };

    const confirm = await fake.interact(modalSubmit(opened.customId, emptied, ctx));
    expectPrivateNotice(confirm, `Remove the Russian translation of \`${id}\`?`);
    expect(buttonsOf(confirm).map((entry) => entry.label)).toEqual(["Remove translation", "Keep it"]);
    const kept = await press(button(confirm, "Keep it"), ctx);
    expect(kept.type).toBe(7);
    expect(kept.data?.content).toBe(`Kept the Russian translation of \`${id}\`: nothing changed.`);
    expect(storedFact(id)).toEqual(fact);

    const again = await fake.interact(modalSubmit(opened.customId, emptied, ctx));
    const removed = await press(button(again, "Remove translation"), ctx);
    expect(removed.type).toBe(7);
    expect(removed.data?.content).toBe(
      `Removed the Russian translation of \`${id}\` (revision 2). Questions in Russian are answered with the English statement until someone translates it again.`,
    );
    expect(removed.data?.components).toEqual([]);
    const stored = storedFact(id);
    expect(stored.revision).toBe(2);
    expect(stored.translations).toEqual({ "zh-CN": fact.translations?.["zh-CN"] });
    const answer = embedOf(await ask(question));
    expect(answer.title).toBe(fact.statement);
    expect(answer.footer?.text).toContain("Перевода пока нет");

    expectPrivateNotice(await press(button(again, "Remove translation"), ctx), "That confirmation has expired");
    expectPrivateNotice(await fake.interact(modalSubmit(`admin:tr:ru:${id}:2`, emptied, ctx)), `\`${id}\` has no Russian translation to remove`);
    const history = embedOf(await admin("history", [str("id", id)], ctx));
    expect(history.fields?.[1]?.value).toMatch(/^“translation ru” — translations\.ru\.statement: Шэньян — административный центр .+ → ∅/);
  });

  it("is for moderators only: the command, the form and autocomplete refuse anyone else, changing nothing", async () => {
    const id = "northeast-china-provinces";
    const before = exported();
    const outsider = member();
    expectPrivateNotice(await translate(id, "ru", outsider), "Only moderators (Manage Server, or a moderator role) can change the fact base.");
    const fact = storedFact(id);
    const submitted = await fake.interact(modalSubmit(`admin:tr:ru:${id}:${fact.revision}`, formOf({ ...fact.translations!.ru!, questions: ["Какие провинции на северо-востоке?"] }), outsider));
    expectPrivateNotice(submitted, "Only moderators (Manage Server, or a moderator role) can change the fact base.");
    expect(exported()).toEqual(before);

    const typing = (ctx: InteractionContext) =>
      fake.interact(autocomplete("trade-admin", [{ name: "translate", type: 1, options: [{ name: "id", type: 3, value: "liaoning", focused: true }] }], ctx));
    expect((await typing(outsider)).data?.choices).toEqual([]);
    const offered = (await typing(moderator())).data?.choices?.map((choice) => choice.value);
    expect(offered).toContain("liaoning-exports-to-russia-value");
  });

  it("says so when the fact or the language does not exist", async () => {
    expectPrivateNotice(await translate("no-such-fact", "ru", moderator()), "There is no fact `no-such-fact`.");
    expectPrivateNotice(await translate("northeast-china-provinces", "de", moderator()), "I cannot translate into `de`: pick ru (Russian) or zh-CN (Chinese).");
  });
});
