import { once } from "node:events";
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  GatewayOpcodes,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type APIInteraction,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type CloseEvent,
  type GatewayReadyDispatchData,
  type Interaction,
  type Message,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord, type FakeDiscordOptions } from "./fake-discord.js";
import {
  autocomplete,
  chatInput,
  component,
  FAKE_IDS,
  guildIdOnShard,
  messageContextMenu,
  messagePayload,
  modalSubmit,
  snowflake,
  user,
} from "./interactions.js";

type Handler = (interaction: Interaction) => Promise<unknown>;

let fake: FakeDiscord;
let clients: Client[];
let clientErrors: unknown[];

beforeEach(async () => {
  fake = await FakeDiscord.start();
  clients = [];
  clientErrors = [];
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.destroy()));
  await fake.stop();
  expect(fake.takeContractViolations()).toEqual([]);
  expect(clientErrors).toEqual([]);
});

/** Replaces this test's fake Discord with one started with `options`. */
async function useFake(options: FakeDiscordOptions): Promise<void> {
  await fake.stop();
  fake = await FakeDiscord.start(options);
}

function newClient(options: Partial<ClientOptions> = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl },
    // The default throttler waits 5 s between identifies, which would slow down every re-IDENTIFY test.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
    ...options,
  });
  client.on(Events.Error, (error) => clientErrors.push(error));
  clients.push(client);
  return client;
}

/** Logs a fresh client in; `handler` answers every interaction and any error it throws fails the test. */
async function loggedIn(handler?: Handler, options: Partial<ClientOptions> = {}): Promise<Client> {
  const bot = newClient(options);
  if (handler) {
    bot.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => clientErrors.push(error));
    });
  }
  const ready = once(bot, Events.ClientReady);
  await bot.login(fake.token);
  await ready;
  return bot;
}

const pong: Handler = async (interaction) => {
  if (interaction.isRepliable()) await interaction.reply({ content: "pong" });
};

const postJson = (path: string, body: unknown, method = "POST"): Promise<Response> =>
  fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bot ${fake.token}` },
    body: JSON.stringify(body),
  });

/** Logs a client in that answers `payload` with `answer`, and resolves with Discord's refusal of that answer. */
async function refusal(answer: Handler, payload: APIInteraction = chatInput("ping")): Promise<DiscordAPIError> {
  const outcomes: unknown[] = [];
  await loggedIn((interaction) =>
    answer(interaction).then(
      () => outcomes.push("Discord took it"),
      (error: unknown) => outcomes.push(error),
    ),
  );
  fake.dispatchInteraction(payload);
  await expect.poll(() => outcomes.length).toBe(1);
  expect(outcomes[0]).toBeInstanceOf(DiscordAPIError);
  return outcomes[0] as DiscordAPIError;
}

const reply = (content: Parameters<ChatInputCommandInteraction["reply"]>[0]): Handler => (interaction) =>
  (interaction as ChatInputCommandInteraction).reply(content);

/** GET /gateway/bot, as a client logging in asks it. */
async function gatewayBot(): Promise<{ url: string; shards: number }> {
  const response = await fetch(`${fake.apiUrl}/v10${Routes.gatewayBot()}`, { headers: { authorization: `Bot ${fake.token}` } });
  return (await response.json()) as { url: string; shards: number };
}

/** A bare gateway connection that sends IDENTIFY for `shard`: resolves with READY's data, or the close code. */
function identifyAs(url: string, shard: [number, number]): Promise<{ ready?: GatewayReadyDispatchData; closed?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}?v=10&encoding=json`);
    socket.on("message", (raw: Buffer) => {
      const payload = JSON.parse(raw.toString()) as { op: GatewayOpcodes; t?: string; d: unknown };
      if (payload.op === GatewayOpcodes.Hello) {
        const properties = { os: "linux", browser: "test", device: "test" };
        socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: fake.token, intents: 0, properties, shard } }));
      } else if (payload.t === "READY") {
        resolve({ ready: payload.d as GatewayReadyDispatchData });
        socket.close();
      }
    });
    socket.on("close", (code) => resolve({ closed: code }));
    socket.on("error", reject);
  });
}

/** A text channel of a guild, as GUILD_CREATE lists it. */
const textChannel = (guildId: string) => ({ id: snowflake(), type: ChannelType.GuildText, name: "general", position: 0, permission_overwrites: [], guild_id: guildId });

describe("FakeDiscord with a real discord.js client", () => {
  it("serves /gateway/bot and a gateway that gets the client ready", async () => {
    const bot = await loggedIn();

    expect(bot.user?.id).toBe(fake.botUserId);
    expect(bot.application?.id).toBe(fake.applicationId);
    expect(fake.identifies).toBe(1);
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: Routes.gatewayBot() });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bot ${fake.token}`);
    await fake.waitForReady();
  });

  it("rejects login with a wrong token at /gateway/bot", async () => {
    const bot = newClient();

    await expect(bot.login("wrong-token")).rejects.toMatchObject({ code: "TokenInvalid" });
    expect(fake.requests.map((r) => r.path)).toEqual([Routes.gatewayBot()]);
    expect(fake.identifies).toBe(0);
  });

  it("resolves interact() with the reply to that interaction", async () => {
    await loggedIn(pong);

    const payload = chatInput("ping");
    const callback = await fake.interact(payload);

    expect(callback).toEqual({ type: 4, data: expect.objectContaining({ content: "pong" }) as unknown });
    expect(fake.requestsFor(payload.token).map((r) => r.path)).toEqual([
      Routes.interactionCallback(payload.id, payload.token),
    ]);
  });

  it("builds subcommand options, member permissions and roles that discord.js reads", async () => {
    await loggedIn(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const moderator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
      // The fake's READY lists no guilds, so the member arrives raw (roles as an id array), not as a GuildMember.
      const roles = interaction.inRawGuild() ? interaction.member.roles : [];
      await interaction.reply({
        content: [
          interaction.options.getSubcommand(),
          interaction.options.getString("question", true),
          moderator,
          JSON.stringify(roles),
        ].join("|"),
        flags: MessageFlags.Ephemeral,
      });
    });

    const options = [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "oil?" }] }];
    const member = await fake.interact(chatInput("trade", options));
    const moderator = await fake.interact(
      chatInput("trade", options, { permissions: PermissionFlagsBits.ManageMessages, roles: ["42"] }),
    );

    expect(member.data).toMatchObject({ content: 'ask|oil?|false|[]', flags: 64 });
    expect(moderator.data?.content).toBe('ask|oil?|true|["42"]');
  });

  it("builds DM interactions with a user and no member", async () => {
    await loggedIn(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply(`${interaction.inGuild()}|${interaction.user.id}|${interaction.member === null}`);
    });

    const callback = await fake.interact(chatInput("ping", [], { guildId: null, userId: "777" }));

    expect(callback.data?.content).toBe("false|777|true");
  });

  it("records a deferred reply, its edit of @original and a follow-up", async () => {
    const sent: Message[] = [];
    await loggedIn(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      sent.push(await interaction.editReply("done"));
      sent.push(await interaction.followUp("more"));
    });

    const payload = chatInput("slow");
    const callback = await fake.interact(payload);
    const original = Routes.webhookMessage(fake.applicationId, payload.token, "@original");
    await fake.waitForRequest((r) => r.method === "POST" && r.path === Routes.webhook(fake.applicationId, payload.token));

    expect(callback.type).toBe(5);
    const requests = fake.requestsFor(payload.token);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${Routes.interactionCallback(payload.id, payload.token)}`,
      `PATCH ${original}`,
      `POST ${Routes.webhook(fake.applicationId, payload.token)}`,
    ]);
    expect(requests[1]?.body).toMatchObject({ content: "done" });
    expect(requests[2]?.query.get("wait")).toBe("true");
    await expect.poll(() => sent.map((m) => m.content)).toEqual(["done", "more"]);
    expect(sent[0]?.author.id).toBe(fake.botUserId);
  });

  it("answers withResponse with the created message", async () => {
    const ids: (string | undefined)[] = [];
    await loggedIn(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: "hi", withResponse: true });
      ids.push(response.resource?.message?.id, (await interaction.fetchReply()).id);
    });

    await fake.interact(chatInput("ping"));

    await expect.poll(() => ids.length).toBe(2);
    expect(ids[0]).toBeDefined();
    expect(ids[0]).toBe(ids[1]);
  });

  it("delivers autocomplete and records the choices", async () => {
    await loggedIn(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed}!`, value: typed }]);
    });

    const callback = await fake.interact(
      autocomplete("trade", [
        { name: "ask", type: 1, options: [{ name: "question", type: 3, value: "gas", focused: true }] },
      ]),
    );

    expect(callback).toEqual({ type: 8, data: { choices: [{ name: "gas!", value: "gas" }] } });
  });

  it("delivers select menus that can be updated and buttons that can be replied to", async () => {
    await loggedIn(async (interaction) => {
      if (interaction.isStringSelectMenu()) {
        await interaction.update({ content: `picked ${interaction.values.join(",")}`, components: [] });
      } else if (interaction.isButton()) {
        await interaction.reply(`pressed ${interaction.customId} on ${interaction.message.id}`);
      }
    });

    const select = await fake.interact(component("topic", { componentType: 3, values: ["oil"] }));
    const button = component("more", { componentType: 2 });
    const pressed = await fake.interact(button);

    expect(select).toMatchObject({ type: 7, data: { content: "picked oil", components: [] } });
    expect(pressed.data?.content).toBe(`pressed more on ${button.message.id}`);
  });

  it("delivers message context menus and modal submissions", async () => {
    await loggedIn(async (interaction) => {
      if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply(`${interaction.targetMessage.author.id}: ${interaction.targetMessage.content}`);
      } else if (interaction.isModalSubmit()) {
        await interaction.reply(`${interaction.customId}: ${interaction.fields.getTextInputValue("question")}`);
      }
    });

    const target = { id: "555", content: "is gas cheaper?", author: user("666") };
    const menu = await fake.interact(messageContextMenu("Ask about this", target));
    const modal = await fake.interact(modalSubmit("ask-modal", { question: "why?" }));

    expect(menu.data?.content).toBe("666: is gas cheaper?");
    expect(modal.data?.content).toBe("ask-modal: why?");
  });

  it("rejects interact() when the bot never answers", async () => {
    await loggedIn();

    await expect(fake.interact(chatInput("ignored"), 200)).rejects.toThrow(/timed out/);
  });

  it("registers global and guild commands, echoing them with ids", async () => {
    const bot = await loggedIn();
    const commands = [{ name: "trade", description: "Ask about trade" }];

    const global = await bot.application?.commands.set(commands);
    const guild = await bot.application?.commands.set(commands, FAKE_IDS.guildId);

    expect(global?.map((c) => c.name)).toEqual(["trade"]);
    expect(guild?.first()?.guildId).toBe(FAKE_IDS.guildId);
    const put = fake.requests.filter((r) => r.method === "PUT").map((r) => r.path);
    expect(put).toEqual([
      Routes.applicationCommands(fake.applicationId),
      Routes.applicationGuildCommands(fake.applicationId, FAKE_IDS.guildId),
    ]);
  });

  it("lets a test override a REST route", async () => {
    const bot = await loggedIn();
    fake.overrideRest("PUT", Routes.applicationCommands(fake.applicationId), () => ({
      status: 403,
      body: { message: "Missing Access", code: 50001 },
    }));

    const failure = bot.application?.commands.set([{ name: "trade", description: "Ask" }]);

    await expect(failure).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(failure).rejects.toMatchObject({ code: 50001, status: 403 });
  });

  it("resumes after close 4000 and keeps answering interactions", async () => {
    await loggedIn(pong);

    fake.closeGateway(4000);
    await fake.waitForReady();

    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
    expect((await fake.interact(chatInput("ping"))).data?.content).toBe("pong");
  });

  it("re-identifies after close 1000", async () => {
    await loggedIn(pong);

    fake.closeGateway(1000);
    await fake.waitForIdentifyCount(2);
    await fake.waitForReady();

    expect(fake.resumes).toBe(0);
    expect((await fake.interact(chatInput("ping"))).data?.content).toBe("pong");
  });

  it("leaves the client disconnected after close 4004", async () => {
    const bot = await loggedIn();
    const disconnected = once(bot, Events.ShardDisconnect) as Promise<[CloseEvent, number]>;

    fake.closeGateway(4004, "Authentication failed.");
    const [event] = await disconnected;

    expect(event.code).toBe(4004);
    // A negative check needs a window; the measured reconnect delay for resumable codes is ~0.5 s.
    await expect(fake.waitForReady(1_500)).rejects.toThrow(/timed out/);
    expect(fake.identifies + fake.resumes).toBe(1);
    expect(bot.isReady()).toBe(true);
  });

  it("refuses gateway connections on request, and the client retries forever", async () => {
    fake.rejectGatewayConnections = true;
    let settled = false;
    newClient()
      .login(fake.token)
      .then(
        () => (settled = true),
        () => (settled = true),
      );

    await expect.poll(() => fake.refusedGatewayConnections, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(settled).toBe(false);
    expect(fake.identifies).toBe(0);
  });

  it("answers callbacks the way Discord does for unknown or already answered interactions", async () => {
    await loggedIn();
    const payload = chatInput("ping");
    fake.dispatchInteraction(payload);

    const early = await postJson(Routes.webhook(fake.applicationId, payload.token), { content: "too early" });
    const first = await postJson(Routes.interactionCallback(payload.id, payload.token), { type: 4, data: { content: "a" } });
    const second = await postJson(Routes.interactionCallback(payload.id, payload.token), { type: 4, data: { content: "b" } });
    const unknown = await postJson(Routes.interactionCallback("1", "nope"), { type: 4, data: {} });

    expect(first.status).toBe(204);
    expect(first.headers.get("content-type")).toBeNull();
    expect([early.status, await early.json()]).toEqual([404, { message: "Unknown Webhook", code: 10015 }]);
    expect([second.status, await second.json()]).toEqual([400, { message: "Interaction has already been acknowledged.", code: 40060 }]);
    expect(await unknown.json()).toMatchObject({ code: 10062 });
    expect(fake.takeContractViolations()).toEqual([
      expect.objectContaining({ status: 400, path: Routes.interactionCallback(payload.id, payload.token), why: expect.stringContaining("a second time") as unknown }),
    ]);
  });

  it("is idempotent to stop", async () => {
    await fake.stop();
    await fake.stop();
  });
});

describe("FakeDiscord holds requests to Discord's API contract", () => {
  it("refuses a route Discord does not have with 404, and keeps the violation", async () => {
    const nowhere = await fetch(`${fake.apiUrl}/v10/nowhere`);
    const wrongMethod = await postJson(Routes.gatewayBot(), {}, "DELETE");

    expect([nowhere.status, await nowhere.json()]).toEqual([404, { message: "404: Not Found", code: 0 }]);
    expect(wrongMethod.status).toBe(404);
    expect(fake.requests.map((r) => r.path)).toEqual(["/nowhere", Routes.gatewayBot()]);
    expect(fake.takeContractViolations().map(({ method, path, status }) => `${status} ${method} ${path}`)).toEqual([
      "404 GET /nowhere",
      `404 DELETE ${Routes.gatewayBot()}`,
    ]);
  });

  it("refuses an interaction callback of type 99 with Discord's Invalid Form Body", async () => {
    const payload = chatInput("ping");
    await loggedIn();
    fake.dispatchInteraction(payload);

    const response = await postJson(Routes.interactionCallback(payload.id, payload.token), { type: 99 });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035, message: "Invalid Form Body", errors: { type: { _errors: [{ code: "BASE_TYPE_CHOICES" }] } } });
    const [violation] = fake.takeContractViolations();
    expect(violation?.why).toMatch(/^POST \/interactions\/\{interaction_id\}\/\{interaction_token\}\/callback: type: must be one of [\d, ]+$/);
    expect(violation?.why).toContain(" 4, 5,");
    expect((await postJson(Routes.interactionCallback(payload.id, payload.token), { type: 4, data: { content: "now right" } })).status).toBe(204);
  });

  it("refuses 5,000 characters of content, naming the field as Discord does", async () => {
    const error = await refusal(reply({ content: "x".repeat(5000) }));

    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(error.rawError).toMatchObject({ errors: { data: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } });
    expect(fake.takeContractViolations()).toEqual([expect.objectContaining({ why: expect.stringContaining("data.content: must NOT have more than 2000 characters") as unknown })]);
  });

  it("checks the payload_json part of a multipart upload", async () => {
    const error = await refusal(reply({ content: "x".repeat(5000), files: [{ attachment: Buffer.from("facts"), name: "facts.json" }] }));

    expect(error.status).toBe(400);
    expect(fake.requests.at(-1)?.files.map((file) => file.filename)).toEqual(["facts.json"]);
    expect(fake.takeContractViolations()).toEqual([expect.objectContaining({ why: expect.stringContaining("data.content") as unknown })]);
  });

  it("refuses 30 embeds", async () => {
    const error = await refusal(reply({ embeds: Array.from({ length: 30 }, (_, i) => ({ title: `embed ${i}` })) }));

    expect(error.rawError).toMatchObject({ errors: { data: { embeds: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } });
    fake.takeContractViolations();
  });

  it("refuses embeds of more than 6,000 characters together, each within its own limits (a published limit the spec lacks)", async () => {
    const error = await refusal(reply({ embeds: [1, 2, 3].map((n) => ({ title: `part ${n}`, description: "x".repeat(2500) })) }));

    expect(error.rawError).toMatchObject({ errors: { data: { embeds: { _errors: [{ message: "Embed size exceeds maximum size of 6000" }] } } } });
    fake.takeContractViolations();
  });

  it("refuses six action rows on a message without the Components V2 flag (a published limit the spec lacks)", async () => {
    const row = (n: number) => ({ type: 1, components: [{ type: 2, style: 1, label: `b${n}`, custom_id: `b${n}` }] });

    const error = await refusal(reply({ content: "rows", components: [1, 2, 3, 4, 5, 6].map(row) }));

    expect(error.rawError).toMatchObject({ errors: { data: { components: { _errors: [{ message: "Must be 5 or fewer in length." }] } } } });
    fake.takeContractViolations();
  });

  it("refuses a modal of six inputs (published) and a modal title of 46 characters (in the spec)", async () => {
    const input = (n: number) => ({ type: 18, label: `Input ${n}`, component: { type: 4, custom_id: `in${n}`, style: 1 } });
    const modal = (title: string, inputs: number) => (interaction: Interaction) =>
      (interaction as ChatInputCommandInteraction).showModal({ custom_id: "form", title, components: Array.from({ length: inputs }, (_, n) => input(n)) });

    const tooMany = await refusal(modal("Form", 6));
    const tooLong = await refusal(modal("t".repeat(46), 5));

    expect(tooMany.rawError).toMatchObject({ errors: { data: { components: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } });
    expect(tooLong.rawError).toMatchObject({ errors: { data: { title: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } });
    expect(fake.takeContractViolations()).toHaveLength(2);
  });

  it("refuses 80 autocomplete choices", async () => {
    const choices = Array.from({ length: 80 }, (_, n) => ({ name: `choice ${n}`, value: `c${n}` }));
    const typing = autocomplete("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: "oil", focused: true }] }]);

    const error = await refusal((interaction) => (interaction as AutocompleteInteraction).respond(choices), typing);

    expect(error.rawError).toMatchObject({ errors: { data: { choices: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } });
    fake.takeContractViolations();
  });

  it("takes a numeric string where the spec says integer (permissions), but not any string", async () => {
    const bot = await loggedIn();
    await bot.application?.commands.set([{ name: "trade", description: "Ask", defaultMemberPermissions: PermissionFlagsBits.ManageGuild }]);
    const sent = fake.requests.at(-1)?.body as { default_member_permissions: unknown }[];

    const words = await postJson(Routes.applicationCommands(fake.applicationId), [{ name: "trade", description: "Ask", default_member_permissions: "lots" }], "PUT");

    expect(sent[0]?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(words.status).toBe(400);
    expect(fake.takeContractViolations()).toEqual([expect.objectContaining({ why: expect.stringContaining("0.default_member_permissions") as unknown })]);
  });

  it("takes GUILD_MEDIA (16) as a channel type, which Discord's docs list and the spec omits, but no type past it", async () => {
    const command = (type: number) => [{ name: "qa", description: "Q&A", options: [{ type: 7, name: "channel", description: "Where", channel_types: [15, type] }] }];

    const media = await postJson(Routes.applicationCommands(fake.applicationId), command(16), "PUT");
    const unknown = await postJson(Routes.applicationCommands(fake.applicationId), command(17), "PUT");

    expect([media.status, unknown.status]).toEqual([200, 400]);
    expect(fake.takeContractViolations()).toEqual([expect.objectContaining({ why: expect.stringMatching(/0\.options\.0\.channel_types\.1: must be one of .*\b16\b/) as unknown })]);
  });

  /** A slash command of 25 subcommands of 3 options: 101 names and descriptions, each described in Russian too. */
  const wideCommand = (name: string, description: string, russian: string) => {
    const texts = { description, description_localizations: { ru: russian } };
    const options = ["oa", "ob", "oc"].map((option) => ({ type: 3, name: option, ...texts }));
    return { name, ...texts, options: Array.from({ length: 25 }, (_, n) => ({ type: 1, name: `s${String.fromCharCode(97 + n)}`, ...texts, options })) };
  };

  it("takes commands localized as Discord's docs allow (published rules the spec lacks)", async () => {
    const slash = {
      name: "trade",
      description: "Ask",
      name_localizations: { ru: "торговля", "zh-CN": "贸易", hi: "व्यापार", th: "การค้า" },
      options: [
        { type: 3, name: "question", description: "Yours", name_localizations: { ru: "вопрос", "zh-CN": "问题" } },
        { type: 3, name: "id", description: "Which", name_localizations: { ru: "id", "zh-CN": "编号" } },
      ],
    };
    const menu = { type: 3, name: "Ask trade bot", name_localizations: { ru: "Спросить бота о торговле", "zh-CN": "问贸易机器人" } };
    // Summed, the English and Russian texts would pass 8,000 characters; Discord counts each field's longest text: 5,252.
    const wide = wideCommand("wide", "d".repeat(50), "р".repeat(50));

    const taken = await postJson(Routes.applicationGuildCommands(fake.applicationId, FAKE_IDS.guildId), [slash, menu, wide], "PUT");

    expect(taken.status).toBe(200);
  });

  it("refuses a localized slash-command name with a capital or a space, an unknown locale, a repeated option name in a locale, and a command past 8,000 characters by its longest texts (published rules the spec lacks)", async () => {
    const invalidName = { code: "APPLICATION_COMMAND_INVALID_NAME" };
    const commands = [
      { name: "trade", description: "Ask", name_localizations: { ru: "Торговля" }, options: [{ type: 5, name: "private", description: "Only me", name_localizations: { "zh-CN": "仅 自己" } }] },
      { name: "help", description: "Help", name_localizations: { en: "help" } },
      {
        name: "sources",
        description: "Sources",
        options: [
          { type: 3, name: "title", description: "Title", name_localizations: { ru: "название", "zh-CN": "标题" } },
          { type: 3, name: "publisher", description: "Who", name_localizations: { ru: "название" } },
          { type: 3, name: "date", description: "When", name_localizations: { "zh-CN": "title" } },
        ],
      },
      wideCommand("wide", "d", "р".repeat(100)),
    ];

    const refused = await postJson(Routes.applicationCommands(fake.applicationId), commands, "PUT");

    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: {
        0: { name_localizations: { ru: { _errors: [invalidName] } }, options: { 0: { name_localizations: { "zh-CN": { _errors: [invalidName] } } } } },
        1: { name_localizations: { en: { _errors: [{ code: "LOCALE_UNKNOWN" }] } } },
        2: {
          options: {
            1: { name_localizations: { ru: { _errors: [{ code: "APPLICATION_COMMAND_OPTION_NAME_REPEATED" }] } } },
            2: { name_localizations: { "zh-CN": { _errors: [{ code: "APPLICATION_COMMAND_OPTION_NAME_REPEATED" }] } } },
          },
        },
        3: { _errors: [{ code: "APPLICATION_COMMAND_TOO_LARGE", message: "Command exceeds maximum size (8000)" }] },
      },
    });
    expect(fake.takeContractViolations()).toHaveLength(1);
  });

  it("refuses a callback more than 3 s after the dispatch with 10062, by the fake's clock", async () => {
    let now = 0;
    await useFake({ clock: () => now });

    const error = await refusal((interaction) => {
      now += 3_001;
      return (interaction as ChatInputCommandInteraction).reply("late");
    });

    expect(error).toMatchObject({ status: 404, code: 10062, message: "Unknown interaction" });
    expect(fake.takeContractViolations()).toEqual([expect.objectContaining({ why: expect.stringContaining("answered 3001 ms after its dispatch") as unknown })]);
  });

  it("takes a callback at exactly 3 s", async () => {
    let now = 0;
    await useFake({ clock: () => now });
    await loggedIn((interaction) => {
      now += 3_000;
      return (interaction as ChatInputCommandInteraction).reply("just in time");
    });

    expect((await fake.interact(chatInput("ping"))).data?.content).toBe("just in time");
  });
});

describe("FakeDiscord with several shards", () => {
  it("announces its shard count; READY carries the shard and only that shard's guilds", async () => {
    await useFake({ shards: 2 });
    const guilds = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
    for (const id of guilds) fake.addGuild({ id, channels: [] });
    const { url, shards } = await gatewayBot();

    const { ready } = await identifyAs(url, [1, 2]);

    expect(shards).toBe(2);
    expect(ready?.shard).toEqual([1, 2]);
    expect(ready?.guilds).toEqual([{ id: guilds[1], unavailable: true }]);
  });

  it("closes with 4010 an IDENTIFY for a shard past the count, or with a count other than announced", async () => {
    await useFake({ shards: 2 });
    const { url } = await gatewayBot();

    expect(await identifyAs(url, [2, 2])).toEqual({ closed: 4010 });
    expect(await identifyAs(url, [0, 3])).toEqual({ closed: 4010 });
    expect(await identifyAs(url, [0, 1])).toEqual({ closed: 4010 });
    expect(fake.identifies).toBe(0);
  });

  it("serves one client per shard: each caches its own guilds and answers its guilds' interactions; DMs go to shard 0", async () => {
    await useFake({ shards: 2 });
    const guilds = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
    for (const id of guilds) fake.addGuild({ id, channels: [] });
    const answerAs = (shard: number): Handler => async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply(`shard ${shard}`);
    };

    const bots = await Promise.all([0, 1].map((shard) => loggedIn(answerAs(shard), { shards: [shard], shardCount: 2 })));

    expect(fake.connectedShards()).toEqual([0, 1]);
    expect(bots.map((bot) => [...bot.guilds.cache.keys()])).toEqual([[guilds[0]], [guilds[1]]]);
    const answer = async (guildId: string | null) => (await fake.interact(chatInput("ping", [], { guildId }))).data?.content;
    expect(await answer(guilds[1]!)).toBe("shard 1");
    expect(await answer(guilds[0]!)).toBe("shard 0");
    expect(await answer(null)).toBe("shard 0");
  });

  it("sends a guild's messages only to its shard's connection", async () => {
    await useFake({ shards: 2 });
    const guilds = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
    const channels = guilds.map(textChannel);
    guilds.forEach((id, i) => fake.addGuild({ id, channels: [channels[i]!] }));
    const seen: string[][] = [[], []];
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
    const bots = await Promise.all([0, 1].map((shard) => loggedIn(undefined, { shards: [shard], shardCount: 2, intents })));
    bots.forEach((bot, shard) => bot.on(Events.MessageCreate, (message) => seen[shard]!.push(message.content)));
    const post = (i: number, content: string) =>
      fake.postMessage({ ...messagePayload({ channel_id: channels[i]!.id, author: user(snowflake()), content }), guild_id: guilds[i]! });

    post(1, "to shard 1");
    await expect.poll(() => seen[1]).toEqual(["to shard 1"]);
    post(0, "to shard 0");
    await expect.poll(() => seen[0]).toEqual(["to shard 0"]);

    expect(seen[1]).toEqual(["to shard 1"]);
  });

  it("lets one client take every shard /gateway/bot announces (shards: 'auto')", async () => {
    await useFake({ shards: 2 });

    await loggedIn(undefined, { shards: "auto" });

    expect(fake.connectedShards()).toEqual([0, 1]);
    expect(fake.identifies).toBe(2);
  });

  it("resumes one shard after close 4000 while the other keeps its session", async () => {
    await useFake({ shards: 2 });
    const guild = guildIdOnShard(1, 2);
    await Promise.all([0, 1].map((shard) => loggedIn(pong, { shards: [shard], shardCount: 2 })));

    fake.closeGateway(4000, undefined, 1);
    await fake.waitForShardReady(1);

    expect([fake.identifies, fake.resumes]).toEqual([2, 1]);
    expect((await fake.interact(chatInput("ping", [], { guildId: guild }))).data?.content).toBe("pong");
  });
});
