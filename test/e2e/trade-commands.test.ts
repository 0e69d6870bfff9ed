import { ComponentType, Locale, MessageFlags, type APIApplicationCommandInteractionDataBasicOption, type APIStringSelectComponent } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BOT_TOKEN, BotProcess } from "../support/bot-process.js";
import { FakeDiscord, type InteractionCallback } from "../support/fake-discord.js";
import { autocomplete, chatInput, component, messageContextMenu, messagePayload, snowflake, user } from "../support/interactions.js";

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: BOT_TOKEN });
  bot = BotProcess.start(fake);
  await bot.waitForLog((line) => line.msg === "ready");
});

afterEach(() => expect(fake.takeContractViolations()).toEqual([]));

afterAll(async () => {
  const { code } = await bot.stop();
  await fake.stop();
  expect(code).toBe(0);
  expect(bot.output.join("\n")).not.toContain(BOT_TOKEN);
});

const ask = (question: string, extra: APIApplicationCommandInteractionDataBasicOption[] = [], ctx = {}) =>
  fake.interact(chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }, ...extra] }], ctx));

function embedOf(reply: InteractionCallback) {
  const embed = reply.data?.embeds?.[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(reply)}`);
  return embed;
}

const isEphemeral = (reply: InteractionCallback) => ((reply.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

describe("/trade ask", () => {
  it("answers publicly with the statement, quote, attribution, source, fact id and confidence", async () => {
    const reply = await ask("How much did Liaoning export to Russia?");
    expect(reply.type).toBe(4);
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(reply);
    expect(embed.title).toContain("42.64 billion yuan");
    expect(embed.description).toMatch(/^> Liaoning’s exports/);
    expect(embed.fields?.map((field) => field.name)).toEqual(["Said by", "Source", "Fact", "Confidence"]);
    expect(embed.fields?.[2]?.value).toBe("`liaoning-exports-to-russia-value`");
  });

  it("answers only to the asker with private:true", async () => {
    const reply = await ask("Which provinces are in northeast China?", [{ name: "private", type: 5, value: true }]);
    expect(isEphemeral(reply)).toBe(true);
    expect(embedOf(reply).title).toContain("Heilongjiang");
  });

  it("logs one line per interaction with command, outcome and latency", async () => {
    const payload = chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "shenyang capital" }] }]);
    await fake.interact(payload);
    const line = await bot.waitForLog((log) => log.msg === "interaction" && log.interactionId === payload.id);
    expect(line).toMatchObject({ command: "trade", subcommand: "ask", outcome: "answered" });
    expect(typeof line.latencyMs).toBe("number");
  });

  it("says honestly when it has no answer, offering the closest facts; the asker's pick turns the message into the answer", async () => {
    const asker = snowflake();
    const payload = chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "What did Putin say about Heilongjiang?" }] }], { userId: asker });
    const miss = await fake.interact(payload);
    expect(embedOf(miss).title).toBe("No sourced answer");
    const row = miss.data?.components?.[0];
    const select = (row && "components" in row ? row.components[0] : undefined) as APIStringSelectComponent;
    expect(select.options.map((option) => option.value)).toContain("xi-heilongjiang-pivotal-entryway");
    await bot.waitForLog((log) => log.interactionId === payload.id && log.outcome === "abstained");

    const message = messagePayload({
      components: miss.data?.components as never,
      embeds: miss.data?.embeds ?? [],
      interaction_metadata: { id: payload.id, type: 2, user: user(asker), authorizing_integration_owners: {} },
    });
    const picked = await fake.interact(component(select.custom_id, { componentType: ComponentType.StringSelect, values: ["xi-heilongjiang-pivotal-entryway"], message }, { userId: asker }));
    expect(picked.type).toBe(7);
    expect(embedOf(picked).title).toContain("pivotal");
    const buttons = picked.data?.components?.[0];
    expect(buttons && "components" in buttons ? buttons.components.map((button) => ("custom_id" in button ? button.custom_id : "")) : []).toEqual([
      "trade:vote:up:xi-heilongjiang-pivotal-entryway",
      "trade:vote:down:xi-heilongjiang-pivotal-entryway",
    ]);

    const bystander = await fake.interact(component(select.custom_id, { componentType: ComponentType.StringSelect, values: ["xi-heilongjiang-pivotal-entryway"], message }, { userId: snowflake() }));
    expect(bystander.type).toBe(4);
    expect(isEphemeral(bystander)).toBe(true);
  });

  it("answers a Russian question in Russian, whatever the asker's Discord language: the translation, then the source's words verbatim", async () => {
    const embed = embedOf(await ask("сколько ляонин экспортировал в россию", [], { locale: Locale.EnglishUS }));
    expect(embed.title).toBe("Экспорт Ляонина в Россию за первые девять месяцев достиг 42,64 млрд юаней (5,83 млрд долларов).");
    expect(embed.description).toBe("**Слова источника (оригинал)**\n> Liaoning’s exports to Russia increased by 82.3% in the first nine months compared to last year, reaching 42.64 billion yuan ($5.83 billion).");
    expect(embed.fields?.map((field) => field.name)).toEqual(["Кто сказал", "Источник", "Факт", "Уверенность"]);
  });

  it("answers an English question in the asker's Discord language, and a pick from its menu stays in it", async () => {
    const asker = snowflake();
    expect(embedOf(await ask("How much did Liaoning export to Russia?", [], { locale: Locale.ChineseCN })).title).toBe("前九个月，辽宁对俄罗斯出口额达426.4亿元（58.3亿美元）。");
    const payload = chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "What did Putin say about Heilongjiang?" }] }], { userId: asker, locale: Locale.ChineseCN });
    const miss = await fake.interact(payload);
    expect(embedOf(miss).title).toBe("未找到有来源的答案");
    const row = miss.data?.components?.[0];
    const select = (row && "components" in row ? row.components[0] : undefined) as APIStringSelectComponent;
    const message = messagePayload({
      components: miss.data?.components as never,
      embeds: miss.data?.embeds ?? [],
      interaction_metadata: { id: payload.id, type: 2, user: user(asker), authorizing_integration_owners: {} },
    });
    const picked = await fake.interact(component(select.custom_id, { componentType: ComponentType.StringSelect, values: ["xi-heilongjiang-pivotal-entryway"], message }, { userId: asker }));
    expect(embedOf(picked).fields?.[0]?.name).toBe("出自");
    const buttons = picked.data?.components?.[0];
    expect(buttons && "components" in buttons ? buttons.components.map((button) => ("label" in button ? button.label : "")) : []).toEqual(["有帮助", "没帮助"]);
  });

  it("treats a fact id picked from autocomplete as that fact", async () => {
    const reply = await ask("vladivostok-largest-far-east-port");
    expect(embedOf(reply).title).toBe("Vladivostok is the largest port in the Russian Far East.");
  });

  it("never pings: @everyone, role and user mentions in a question come back inert", async () => {
    const question = "@everyone @here <@&1100000000000000009> <@1100000000000000005> how much did liaoning export";
    const reply = await ask(question);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(reply).author?.name).toContain("@everyone");
  });

  it.each([
    ["6,000 characters", "liaoning exports ".repeat(400)],
    ["control characters", "\u0000\u0007\u001b[2J how much did liaoning export"],
    ["emoji only", "🚂🇨🇳🇷🇺"],
    ["markdown and code fences", "```js\nprocess.exit()``` **liaoning** _exports_ ||spoiler||"],
  ])("replies within Discord's limits to %s", async (_name, question) => {
    const reply = await ask(question);
    expect(reply.type).toBe(4);
    expect(fake.takeContractViolations()).toEqual([]);
    expect(embedOf(reply).title).toBeDefined();
  });
});

describe("/trade fact, topics, sources, help", () => {
  it("shows one fact by id", async () => {
    const reply = await fake.interact(chatInput("trade", [{ name: "fact", type: 1, options: [{ name: "id", type: 3, value: "northeast-china-provinces" }] }]));
    expect(embedOf(reply).title).toContain("Liaoning, Heilongjiang and Jilin");
    expect(embedOf(reply).fields?.map((field) => field.name)).toEqual(["Said by", "Source", "Fact"]);
  });

  it("refuses an unknown id privately, suggesting near ones", async () => {
    const reply = await fake.interact(chatInput("trade", [{ name: "fact", type: 1, options: [{ name: "id", type: 3, value: "vladivostok-port" }] }]));
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.data?.content).toMatch(/There is no fact `vladivostok-port`\. Did you mean `vladivostok/);
  });

  it("lists topics, then the facts of one topic, and refuses an unknown topic privately", async () => {
    const all = await fake.interact(chatInput("trade", [{ name: "topics", type: 1 }]));
    expect(embedOf(all).fields?.map((field) => field.name.replace(/ \(\d+\)$/, ""))).toEqual([
      "Business and investment",
      "Diplomacy and policy",
      "Logistics and transport",
      "Regional geography",
      "Trade figures",
    ]);
    const one = await fake.interact(chatInput("trade", [{ name: "topics", type: 1, options: [{ name: "topic", type: 3, value: "trade figures" }] }]));
    expect(embedOf(one).title).toBe("Trade figures");
    expect(embedOf(one).description).toContain("`liaoning-exports-to-russia-value`");
    const unknown = await fake.interact(chatInput("trade", [{ name: "topics", type: 1, options: [{ name: "topic", type: 3, value: "cooking" }] }]));
    expect(isEphemeral(unknown)).toBe(true);
  });

  it("lists the sources with their metadata and fact counts", async () => {
    const reply = await fake.interact(chatInput("trade", [{ name: "sources", type: 1 }]));
    const embed = embedOf(reply);
    expect(embed.title).toMatch(/China–Russia trade/);
    expect(embed.fields?.find((field) => field.name === "Facts")?.value).toBe("21");
    expect(embed.fields?.find((field) => field.name === "Date")?.value).toBe("2023");
  });

  it("explains itself privately", async () => {
    const reply = await fake.interact(chatInput("trade", [{ name: "help", type: 1 }]));
    expect(isEphemeral(reply)).toBe(true);
    expect(embedOf(reply).description).toMatch(/21 curated facts/);
  });

  it("explains itself in the member's Discord language", async () => {
    const reply = await fake.interact(chatInput("trade", [{ name: "help", type: 1 }], { locale: Locale.Russian }));
    expect(embedOf(reply).title).toBe("Факты о торговле: как спрашивать");
  });
});

describe("autocomplete", () => {
  it("suggests facts for a partial question, at most 25, names within 100 characters, fact ids as values", async () => {
    const reply = await fake.interact(autocomplete("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "how much did liaon", focused: true }] }]));
    expect(reply.type).toBe(8);
    const choices = reply.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choices.slice(0, 3).map((choice) => choice.value)).toContain("liaoning-exports-to-russia-value");
  });

  it("names the suggestions in the language being typed, and a pick answers in that language", async () => {
    const typed = (locale: Locale) => fake.interact(autocomplete("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "сколько ляонин экспортир", focused: true }] }], { locale }));
    const top = (await typed(Locale.EnglishUS)).data?.choices?.find((choice) => String(choice.value).startsWith("liaoning-exports-to-russia-value"));
    expect(top?.name).toMatch(/^Экспорт Ляонина в Россию/);
    expect(top?.value).toBe("liaoning-exports-to-russia-value:ru");
    const picked = await ask(String(top?.value));
    expect(embedOf(picked).title).toMatch(/^Экспорт Ляонина в Россию/);
    expect(embedOf(picked).fields?.[0]?.name).toBe("Кто сказал");
    const fact = await fake.interact(chatInput("trade", [{ name: "fact", type: 1, options: [{ name: "id", type: 3, value: String(top?.value) }] }]));
    expect(embedOf(fact).title).toMatch(/^Экспорт Ляонина в Россию/);
    expect((await typed(Locale.Russian)).data?.choices?.map((choice) => choice.value)).toContain("liaoning-exports-to-russia-value");
  });

  it("suggests fact ids and topics", async () => {
    const ids = await fake.interact(autocomplete("trade", [{ name: "fact", type: 1, options: [{ name: "id", type: 3, value: "jilin", focused: true }] }]));
    expect(ids.data?.choices?.[0]?.value).toMatch(/^jilin-/);
    const topics = await fake.interact(autocomplete("trade", [{ name: "topics", type: 1, options: [{ name: "topic", type: 3, value: "tra", focused: true }] }]));
    expect(topics.data?.choices?.map((choice) => choice.value)).toEqual(["Trade figures", "Logistics and transport"]);
  });
});

describe("the Ask trade bot message command", () => {
  it("answers the message's text publicly, pointing at the message", async () => {
    const target = { id: snowflake(), content: "how many containers left shenyang on the train?", author: user(snowflake()) };
    const reply = await fake.interact(messageContextMenu("Ask trade bot", target));
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.data?.content).toContain(`/${target.id}`);
    expect(reply.data?.content).toContain(`<@${target.author.id}>`);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(reply).title).toContain("55 containers");
  });

  it("refuses a message without text privately", async () => {
    const reply = await fake.interact(messageContextMenu("Ask trade bot", { id: snowflake(), content: "", author: user(snowflake()) }));
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.data?.content).toMatch(/no text/);
  });
});

describe("failures", () => {
  it("turns a handler that throws into a private 'something went wrong (ref …)', logged with the same ref", async () => {
    const payload = chatInput("trade", [{ name: "fact", type: 1 }]);
    const reply = await fake.interact(payload);
    expect(isEphemeral(reply)).toBe(true);
    const ref = /\(ref ([0-9a-f]{8})\)/.exec(reply.data?.content ?? "")?.[1];
    expect(ref).toBeDefined();
    const logged = await bot.waitForLog((line) => line.msg === "interaction failed" && line.ref === ref);
    expect(logged).toMatchObject({ level: 50, interactionId: payload.id, command: "trade" });
    await bot.waitForLog((line) => line.msg === "interaction" && line.interactionId === payload.id && line.outcome === "error");
    expect((await ask("shenyang capital")).type).toBe(4);
  });

  it("refuses an unknown command privately", async () => {
    const reply = await fake.interact(chatInput("frobnicate", []));
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.data?.content).toMatch(/don't know that command/);
  });
});
