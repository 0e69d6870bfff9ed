import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, BotProcess, stopCleanly } from "../support/bot-process.js";
import { FakeDiscord } from "../support/fake-discord.js";
import { chatInput } from "../support/interactions.js";
import { sample } from "../support/prometheus-text.js";
import { tempDbPath } from "../support/temp-db.js";

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  const violations = fake?.takeContractViolations() ?? [];
  await fake?.stop();
  bot = undefined;
  fake = undefined;
  expect(violations).toEqual([]);
});

const ask = (question: string) => chatInput("trade", [{ name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] }]);

/** Polls until `check` returns a value (not undefined), at most `timeoutMs`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const readiness = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
};
const metricsText = async (url: string) => (await fetch(`${url}/metrics`)).text();

describe("health and metrics (HTTP_PORT)", () => {
  it("is alive, ready once connected, counts an answered /trade ask, turns 503 when the gateway drops and recovers", async () => {
    const databasePath = tempDbPath();
    fake = await FakeDiscord.start({ token: BOT_TOKEN });
    bot = BotProcess.start(fake, { HTTP_PORT: "0", DATABASE_PATH: databasePath });
    const url = String((await bot.waitForLog((line) => line.msg === "health and metrics listening")).url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await waitFor("/readyz 200", async () => ((await readiness(url)).status === 200 ? true : undefined));
    expect(await readiness(url)).toEqual({ status: 200, body: { ready: true } });

    const release = fake.hold("POST", /\/callback$/);
    const answered = fake.interact(ask("How much did Liaoning export to Russia?"));
    await fake.waitForRequest((request) => request.path.endsWith("/callback"));
    /** The reply cannot finish before this, so its latency is at least 100 ms. */
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    expect((await answered).data?.embeds).toHaveLength(1);
    const text = await waitFor("the ask in /metrics", async () => {
      const scraped = await metricsText(url);
      return sample(scraped, "trade_facts_interactions_total", { command: "trade ask", outcome: "answered" }) === 1 ? scraped : undefined;
    });
    expect(sample(text, "trade_facts_interaction_duration_seconds_count", { command: "trade ask", outcome: "answered" })).toBe(1);
    expect(sample(text, "trade_facts_interaction_duration_seconds_sum", { command: "trade ask", outcome: "answered" })).toBeGreaterThanOrEqual(0.1);
    expect(sample(text, "trade_facts_interaction_duration_seconds_bucket", { command: "trade ask", outcome: "answered", le: "0.05" })).toBe(0);
    expect(sample(text, "trade_facts_questions_total", { route: "command", result: "answered" })).toBe(1);
    expect(sample(text, "trade_facts_interactions_total", { command: "trade ask", outcome: "abstained" })).toBeUndefined();
    expect(sample(text, "trade_facts_facts", { status: "active" })).toBeGreaterThan(0);
    expect(sample(text, "trade_facts_gateway_status", { shard: "0", status: "Ready" })).toBe(1);
    expect(sample(text, "trade_facts_ready")).toBe(1);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).not.toContain(BOT_TOKEN);

    await fake.interact(ask("What is the population of Mars?"));
    const abstained = await waitFor("the abstained ask in /metrics", async () => {
      const scraped = await metricsText(url);
      return sample(scraped, "trade_facts_interactions_total", { command: "trade ask", outcome: "abstained" }) === 1 ? scraped : undefined;
    });
    expect(sample(abstained, "trade_facts_questions_total", { route: "command", result: "abstained" })).toBe(1);
    expect(sample(abstained, "trade_facts_interactions_total", { command: "trade ask", outcome: "answered" })).toBe(1);

    expect((await fake.interact(chatInput("trade-admin", [{ name: "qa", type: 2, options: [{ name: "list", type: 1 }] }]))).data?.flags).toBe(64);
    await waitFor("the refused /trade-admin qa list in /metrics", async () =>
      sample(await metricsText(url), "trade_facts_interactions_total", { command: "trade-admin qa list", outcome: "refused" }) === 1 ? true : undefined,
    );

    fake.rejectGatewayConnections = true;
    fake.closeGateway(4000);
    const down = await waitFor("/readyz 503", async () => {
      const answer = await readiness(url);
      return answer.status === 503 ? answer : undefined;
    });
    expect(down.body).toEqual({ ready: false, reason: "shard 0 is not connected" });
    const dropped = await metricsText(url);
    expect(sample(dropped, "trade_facts_ready")).toBe(0);
    expect(sample(dropped, "trade_facts_gateway_reconnects_total", { shard: "0" })).toBe(1);
    expect(sample(dropped, "trade_facts_gateway_status", { shard: "0", status: "Ready" })).toBeUndefined();

    fake.rejectGatewayConnections = false;
    await waitFor("/readyz 200 again", async () => ((await readiness(url)).status === 200 ? true : undefined), 30_000);
    expect(sample(await metricsText(url), "trade_facts_gateway_resumes_total", { shard: "0" })).toBe(1);
    expect((await fake.interact(ask("shenyang capital"))).type).toBe(4);

    await stopCleanly(bot, fake, databasePath);
  });

  it.each([
    ["one process", {}],
    ["the shard manager, before it starts any shard", { SHARD_COUNT: "2" }],
  ])("stops at once naming HTTP_PORT when the port is taken, before touching the database: %s", async (_, env) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    const databasePath = tempDbPath();
    try {
      fake = await FakeDiscord.start({ token: BOT_TOKEN });
      bot = BotProcess.start(fake, { ...env, HTTP_PORT: String(port), DATABASE_PATH: databasePath });
      expect((await bot.exited).code).toBe(1);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    expect(bot.logs.filter((line) => line.level === 60).map((line) => line.msg)).toEqual([
      `HTTP_PORT ${port} is already in use on 127.0.0.1: choose another port (0 picks a free one)`,
    ]);
    expect(bot.logs.map((line) => line.msg)).not.toContain("starting shards");
    expect(existsSync(databasePath)).toBe(false);
    expect(fake.identifies).toBe(0);
    rmSync(dirname(databasePath), { recursive: true, force: true });
  });
});
