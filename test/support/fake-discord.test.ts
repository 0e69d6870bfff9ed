import { once } from "node:events";
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type CloseEvent,
  type Interaction,
  type Message,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "./fake-discord.js";
import {
  autocomplete,
  chatInput,
  component,
  FAKE_IDS,
  messageContextMenu,
  modalSubmit,
  user,
} from "./interactions.js";

type Handler = (interaction: Interaction) => Promise<unknown>;

let fake: FakeDiscord;
let client: Client | undefined;
let clientErrors: unknown[];

beforeEach(async () => {
  fake = await FakeDiscord.start();
  clientErrors = [];
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.stop();
  expect(clientErrors).toEqual([]);
});

function newClient(): Client {
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl },
    // The default throttler waits 5 s between identifies, which would slow down every re-IDENTIFY test.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
  });
  client.on(Events.Error, (error) => clientErrors.push(error));
  return client;
}

/** Logs a fresh client in; `handler` answers every interaction and any error it throws fails the test. */
async function loggedIn(handler?: Handler): Promise<Client> {
  const bot = newClient();
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
    const post = (path: string, body: object): Promise<Response> =>
      fetch(`${fake.apiUrl}/v10${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    const early = await post(Routes.webhook(fake.applicationId, payload.token), { content: "too early" });
    const first = await post(Routes.interactionCallback(payload.id, payload.token), { type: 4, data: { content: "a" } });
    const second = await post(Routes.interactionCallback(payload.id, payload.token), { type: 4, data: { content: "b" } });
    const unknown = await post(Routes.interactionCallback("1", "nope"), { type: 4, data: {} });

    expect(first.status).toBe(204);
    expect(first.headers.get("content-type")).toBeNull();
    expect([early.status, await early.json()]).toEqual([404, { message: "Unknown Webhook", code: 10015 }]);
    expect(await second.json()).toMatchObject({ code: 40060 });
    expect(await unknown.json()).toMatchObject({ code: 10062 });
    expect((await fetch(`${fake.apiUrl}/v10/nowhere`)).status).toBe(404);
    expect(fake.requests.at(-1)?.path).toBe("/nowhere");
  });

  it("is idempotent to stop", async () => {
    await fake.stop();
    await fake.stop();
  });
});
