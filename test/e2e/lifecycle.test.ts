import { afterEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, BotProcess } from "../support/bot-process.js";
import { FakeDiscord } from "../support/fake-discord.js";
import { chatInput } from "../support/interactions.js";
import { ROOT } from "../support/run-cli.js";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tempDbPath } from "../support/temp-db.js";

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.stop();
  const violations = fake?.takeContractViolations() ?? [];
  bot = undefined;
  fake = undefined;
  expect(violations).toEqual([]);
});

async function startReady(env: Record<string, string> = {}): Promise<{ fake: FakeDiscord; bot: BotProcess }> {
  fake = await FakeDiscord.start({ token: BOT_TOKEN });
  bot = BotProcess.start(fake, env);
  await bot.waitForLog((line) => line.msg === "ready");
  return { fake, bot };
}

const ask = (question: string, userId?: string) =>
  chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] }], userId ? { userId } : {});

describe("running", () => {
  it("limits how fast one user asks, with a friendly private message, while others still get answers", async () => {
    const { fake } = await startReady({ ASK_COOLDOWN_USES: "2", ASK_COOLDOWN_SECONDS: "600" });
    const userId = "1100000000000000777";
    expect((await fake.interact(ask("shenyang capital", userId))).data?.embeds).toHaveLength(1);
    expect((await fake.interact(ask("vladivostok port", userId))).data?.embeds).toHaveLength(1);
    const refused = await fake.interact(ask("jilin zhejiang", userId));
    expect(refused.data?.flags).toBe(64);
    expect(refused.data?.content).toMatch(/Try again in \d+ seconds/);
    expect((await fake.interact(ask("jilin zhejiang", "1100000000000000778"))).data?.embeds).toHaveLength(1);
  });

  it("rides out a resumable drop (close 4000) and still answers", async () => {
    const { fake, bot } = await startReady();
    fake.closeGateway(4000);
    await bot.waitForLog((line) => line.msg === "gateway connection resumed");
    expect(fake.resumes).toBe(1);
    expect((await fake.interact(ask("shenyang capital"))).type).toBe(4);
  });

  it("ends with a clear log line and a non-zero exit on a fatal close (4004)", async () => {
    const { fake, bot } = await startReady();
    fake.closeGateway(4004);
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.logs.find((line) => line.level === 60)?.msg).toMatch(/code 4004: authentication failed/);
  });

  it("finishes a reply in flight on SIGTERM, then exits 0, logging the stop as one", async () => {
    const { fake, bot } = await startReady();
    const release = fake.hold("POST", /^\/interactions\/\d+\/[^/]+\/callback$/);
    const reply = fake.interact(ask("How much did Liaoning export to Russia?"));
    await fake.waitForRequest((request) => request.method === "POST" && request.path.endsWith("/callback"));
    bot.child.kill("SIGTERM");
    expect(await bot.waitForLog((line) => line.msg === "waiting for replies in flight")).toMatchObject({ inFlight: 1 });
    release();
    expect((await reply).type).toBe(4);
    expect((await bot.exited).code).toBe(0);
    const messages = bot.logs.map((line) => line.msg);
    const stop = messages.indexOf("shutting down: finishing replies in flight");
    expect(messages.slice(stop)).toEqual(["shutting down: finishing replies in flight", "waiting for replies in flight", "interaction", "stopped"]);
  });
});

describe("failing to start", () => {
  it("exits 1 with a clear message when Discord refuses the token", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    bot = BotProcess.start(fake, { DISCORD_TOKEN: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.wrong-token-value" });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.logs.at(-1)?.msg).toMatch(/Discord refused the token: check DISCORD_TOKEN/);
    expect(bot.output.join("\n")).not.toContain("wrong-token-value");
  });

  it("exits 1 within the login timeout when the gateway never answers", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    fake.rejectGatewayConnections = true;
    bot = BotProcess.start(fake, { LOGIN_TIMEOUT_SECONDS: "2" });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.logs.at(-1)?.msg).toMatch(/did not answer within 2 s/);
  });

  it("exits 1 when Discord's API cannot be reached", async () => {
    bot = BotProcess.start(undefined, { DISCORD_API_URL: "http://127.0.0.1:9/api" });
    expect((await bot.exited).code).toBe(1);
    expect(bot.logs.at(-1)?.msg).toMatch(/cannot reach Discord's API at http:\/\/127\.0\.0\.1:9\/api/);
  });

  it("names each bad variable, one line each, and exits 1", async () => {
    bot = BotProcess.start(undefined, { DISCORD_CLIENT_ID: "not-an-id", ASK_COOLDOWN_USES: "lots" });
    expect((await bot.exited).code).toBe(1);
    expect(bot.output).toEqual([
      "DISCORD_CLIENT_ID must be a Discord id (17 to 20 digits) (set it in .env; see .env.example)",
      "ASK_COOLDOWN_USES must be a whole number (set it in .env; see .env.example)",
    ]);
  });

  it("refuses a corrupt database, naming its path, exits 1 and leaves the file as it was", async () => {
    const path = tempDbPath();
    writeFileSync(path, Buffer.alloc(8192, 0xab));
    const before = readFileSync(path);
    bot = BotProcess.start(undefined, { DATABASE_PATH: path });
    expect((await bot.exited).code).toBe(1);
    expect(bot.logs.at(-1)?.msg).toContain(`database ${path} cannot be used`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("names the file and line of a corrupt fact file, and exits 1", async () => {
    bot = BotProcess.start(undefined, { FACTS_FILE: "test/fixtures/broken-facts.json" });
    expect((await bot.exited).code).toBe(1);
    expect(bot.logs.map((line) => line.msg)).toContain(
      "test/fixtures/broken-facts.json:39: fact misquoted-fact, quote: not found word for word in the text of source tiny-source",
    );
  });
});

describe("npm run deploy-commands", () => {
  /** Runs asynchronously: the fake Discord lives in this process and must keep answering. */
  const deploy = (env: Record<string, string>, args: string[] = []) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", "src/deploy-commands.ts", ...args],
        { cwd: ROOT, env: { PATH: process.env.PATH, DISCORD_TOKEN: BOT_TOKEN, DISCORD_CLIENT_ID: fake!.applicationId, DISCORD_API_URL: fake!.apiUrl, ...env } },
        (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
      );
    });

  it("registers every command in one bulk PUT to the dev guild and clears the global ones", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    const guildId = "1100000000000000003";
    const result = await deploy({ DEV_GUILD_ID: guildId });
    expect(result.status).toBe(0);
    const puts = fake.requests.filter((request) => request.method === "PUT");
    expect(puts.map((request) => request.path)).toEqual([
      `/applications/${fake.applicationId}/guilds/${guildId}/commands`,
      `/applications/${fake.applicationId}/commands`,
    ]);
    const [trade, menu] = puts[0]!.body as { name: string; type: number; options?: { name: string }[] }[];
    expect(trade).toMatchObject({ name: "trade", type: 1, integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(trade?.options?.map((option) => option.name)).toEqual(["ask", "fact", "topics", "sources", "help"]);
    expect(menu).toMatchObject({ name: "Ask trade bot", type: 3 });
    expect(puts[1]!.body).toEqual([]);
    expect(result.stdout).toContain("Registered trade, Ask trade bot (guild");
  });

  it("goes global with --global and clears the dev guild", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    expect((await deploy({ DEV_GUILD_ID: "1100000000000000003" }, ["--global"])).status).toBe(0);
    const puts = fake.requests.filter((request) => request.method === "PUT");
    expect(puts.map((request) => (request.body as unknown[]).length)).toEqual([2, 0]);
    expect(puts[0]!.path).toBe(`/applications/${fake.applicationId}/commands`);
  });

  it("registers /trade-admin in each admin server only", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    const adminGuild = "1100000000000000031";
    expect((await deploy({ ADMIN_GUILD_IDS: adminGuild })).status).toBe(0);
    const puts = fake.requests.filter((request) => request.method === "PUT");
    expect(puts.map((request) => [request.path, (request.body as { name: string }[]).map((command) => command.name)])).toEqual([
      [`/applications/${fake.applicationId}/commands`, ["trade", "Ask trade bot"]],
      [`/applications/${fake.applicationId}/guilds/${adminGuild}/commands`, ["trade-admin"]],
    ]);
  });

  it("says the token was refused, exit 1", async () => {
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    const result = await deploy({ DISCORD_TOKEN: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.wrong" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Discord refused the token/);
  });
});
