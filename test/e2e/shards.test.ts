import { PermissionFlagsBits, type APIInteraction } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FactStore } from "../../src/knowledge/store/fact-store.js";
import { BOT_TOKEN, BotProcess, stopCleanly, type LogLine } from "../support/bot-process.js";
import { FakeDiscord, type InteractionCallback } from "../support/fake-discord.js";
import { chatInput, guildIdOnShard, modalSubmit, snowflake, type InteractionContext } from "../support/interactions.js";
import { tempDbPath } from "../support/temp-db.js";

/**
 * SHARD_COUNT=auto against a fake Discord that recommends 2 shards: the manager forks one process per shard,
 * each answering its own guilds from the one SQLite file.
 */
const SHARDS = 2;
const GUILD = [guildIdOnShard(0, SHARDS), guildIdOnShard(1, SHARDS)] as const;
const MODERATOR = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
const DATABASE_PATH = tempDbPath();
const QUESTION = "How many Russian companies set up operations in Liaoning?";
const FACT_ID = "russian-companies-in-liaoning";

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: BOT_TOKEN, shards: SHARDS });
  bot = BotProcess.start(fake, {
    SHARD_COUNT: "auto",
    ADMIN_GUILD_IDS: GUILD[0],
    DATABASE_PATH,
    STORE_POLL_SECONDS: "1",
    ASK_COOLDOWN_USES: "2",
    ASK_COOLDOWN_SECONDS: "600",
    HTTP_PORT: "0",
  });
  await bot.waitForLog((line) => line.msg === "ready" && line.shard === undefined, 60_000);
  // A shard tells the manager it is ready before it logs so itself: the manager's line can come first.
  for (const shard of [0, 1]) await bot.waitForLog((line) => line.msg === "ready" && line.shard === shard);
}, 90_000);

afterEach(() => expect(fake.takeContractViolations()).toEqual([]));

afterAll(async () => {
  await stopCleanly(bot, fake, DATABASE_PATH);
  const stopped = bot.logs.filter((line) => line.msg === "stopped").map((line) => line.shard ?? "manager");
  expect(stopped.sort()).toEqual([0, 1, "manager"]);
}, 60_000);

const onShard = (shard: 0 | 1, extra: InteractionContext = {}): InteractionContext => ({ guildId: GUILD[shard], userId: snowflake(), ...extra });
const askPayload = (question: string, ctx: InteractionContext) =>
  chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] }], ctx);
const answeredBy = (reply: InteractionCallback) => reply.data?.embeds?.[0]?.fields?.find((field) => field.name === "Fact")?.value.replace(/`/g, "");
const shardOf = (line: LogLine) => line.shard as number | undefined;
const healthUrl = async () => String((await bot.waitForLog((line) => line.msg === "health and metrics listening")).url);
const readiness = async () => {
  const response = await fetch(`${await healthUrl()}/readyz`);
  return { status: response.status, body: (await response.json()) as { ready: boolean; reason?: string } };
};
/** The value of one sample in the manager's merged /metrics, e.g. `trade_facts_shard_reported{shard="1"}`. */
const sample = async (series: string) => {
  const text = await (await fetch(`${await healthUrl()}/metrics`)).text();
  const line = text.split("\n").find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};
const handledOn = (payload: APIInteraction) => bot.waitForLog((line) => line.msg === "interaction" && line.interactionId === payload.id).then(shardOf);

describe("two shards under the manager", () => {
  it("starts Discord's recommended count, each shard with its own gateway connection", () => {
    expect(bot.logs.find((line) => line.msg === "starting shards")).toMatchObject({ shards: 2, recommended: 2 });
    expect(fake.connectedShards()).toEqual([0, 1]);
    expect(new Set(bot.logs.filter((line) => line.msg === "ready" && line.shard !== undefined).map((line) => line.pid)).size).toBe(2);
  });

  it("answers each guild from the shard that guild belongs to", async () => {
    for (const shard of [0, 1] as const) {
      const payload = askPayload(QUESTION, onShard(shard));
      expect(answeredBy(await fake.interact(payload))).toBe(FACT_ID);
      expect(await handledOn(payload)).toBe(shard);
    }
  });

  it("answers on shard 1 with an edit a moderator saved through shard 0", async () => {
    const moderator = onShard(0, { permissions: MODERATOR });
    const form = await fake.interact(chatInput("trade-admin", [{ name: "edit", type: 1, options: [{ name: "id", type: 3, value: FACT_ID }] }], moderator));
    expect(form.type).toBe(9);
    const values = new Map<string, string>();
    for (const top of form.data?.components ?? []) {
      for (const input of ("component" in top ? [top.component] : "components" in top ? top.components : []) as { custom_id?: string; value?: string }[]) {
        if (input.custom_id) values.set(input.custom_id, input.value ?? "");
      }
    }
    const statement = "From January to September, 40 Russian companies set up operations in Liaoning, as edited through the first shard.";
    values.set("statement", statement);
    const saved = await fake.interact(modalSubmit(form.data!.custom_id!, Object.fromEntries(values), moderator));
    expect(saved.data?.content).toMatch(/^Saved/);

    const answeredOnShard1 = async () => (await fake.interact(askPayload(QUESTION, onShard(1)))).data?.embeds?.[0]?.title;
    await expect.poll(answeredOnShard1, { timeout: 15_000, interval: 200 }).toBe(statement);
  });

  it("serves one /readyz and one /metrics from the manager, merging both shards' counts", async () => {
    expect(bot.logs.filter((line) => line.msg === "health and metrics listening")).toHaveLength(1);
    expect(await readiness()).toEqual({ status: 200, body: { ready: true } });
    const answered = 'trade_facts_interactions_total{command="trade ask",outcome="answered"}';
    const before = (await sample(answered)) ?? 0;
    for (const shard of [0, 1] as const) {
      const payload = askPayload(QUESTION, onShard(shard));
      await fake.interact(payload);
      await handledOn(payload);
    }
    expect(await sample(answered)).toBe(before + 2);
    expect(await sample('trade_facts_shard_reported{shard="0"}')).toBe(1);
    expect(await sample('trade_facts_shard_reported{shard="1"}')).toBe(1);
  });

  it("counts each question once, whichever shard took it", async () => {
    const asked = () => {
      const store = FactStore.open(DATABASE_PATH);
      if (!store.ok) throw new Error(store.error);
      try {
        return store.value.feedback.stats().asked;
      } finally {
        store.value.close();
      }
    };
    const payloads = [askPayload("shenyang capital", onShard(0)), askPayload("vladivostok port", onShard(1)), askPayload("jilin zhejiang", onShard(1))];
    for (const payload of payloads) {
      await fake.interact(payload);
      await handledOn(payload);
    }
    const handledAsks = bot.logs.filter((line) => line.msg === "interaction" && line.subcommand === "ask" && (line.outcome === "answered" || line.outcome === "abstained"));
    expect(new Set(handledAsks.map((line) => line.shard))).toEqual(new Set([0, 1]));
    expect(new Set(handledAsks.map((line) => line.interactionId)).size).toBe(handledAsks.length);
    await expect.poll(asked, { timeout: 5_000, interval: 50 }).toBe(handledAsks.length);
  });

  it("holds the ask cooldown for a user across shards", async () => {
    const userId = snowflake();
    expect((await fake.interact(askPayload("shenyang capital", onShard(0, { userId })))).data?.embeds).toHaveLength(1);
    expect((await fake.interact(askPayload("vladivostok port", onShard(1, { userId })))).data?.embeds).toHaveLength(1);
    const refused = await fake.interact(askPayload("jilin zhejiang", onShard(0, { userId })));
    expect(refused.data?.flags).toBe(64);
    expect(refused.data?.content).toMatch(/Try again in \d+ seconds/);
  });

  it("respawns a shard that dies while the other keeps answering", async () => {
    const victim = bot.logs.find((line) => line.msg === "ready" && line.shard === 1)!.pid as number;
    const readiesBefore = bot.logs.filter((line) => line.msg === "shard ready" && line.shardId === 1).length;
    process.kill(victim, "SIGKILL");
    await bot.waitForLog((line) => line.msg === "shard 1 died; respawning");
    expect(await readiness()).toEqual({ status: 503, body: { ready: false, reason: expect.stringContaining("shard 1") as string } });
    expect(answeredBy(await fake.interact(askPayload(QUESTION, onShard(0))))).toBe(FACT_ID);
    await expect.poll(() => bot.logs.filter((line) => line.msg === "shard ready" && line.shardId === 1).length, { timeout: 30_000, interval: 100 }).toBe(readiesBefore + 1);
    await fake.waitForShardReady(1);
    expect(answeredBy(await fake.interact(askPayload(QUESTION, onShard(1))))).toBe(FACT_ID);
    expect((await readiness()).status).toBe(200);
  });

  it("refuses a wrong token before forking any shard, in one line, exit 1", async () => {
    const refused = BotProcess.start(fake, { SHARD_COUNT: "2", DISCORD_TOKEN: "wrong.token.value" });
    expect((await refused.exited).code).toBe(1);
    expect(refused.logs.filter((line) => line.level === 60).map((line) => line.msg)).toEqual([expect.stringMatching(/^Discord refused the token/)]);
    expect(refused.logs.some((line) => line.shard !== undefined)).toBe(false);
  });

  it("never registers commands: deploy-commands does that, once", () => {
    expect(fake.requests.filter((request) => request.method === "PUT" && request.path.endsWith("/commands"))).toEqual([]);
  });
});
