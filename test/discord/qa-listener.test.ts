import type { Message } from "discord.js";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createAskRecorder } from "../../src/discord/ask-recorder.js";
import { createQaListener } from "../../src/discord/qa-listener.js";
import type { Engine } from "../../src/knowledge/engine.js";
import { createBotMetrics, exposition } from "../../src/observability/metrics.js";
import { sample } from "../support/prometheus-text.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";
import { seedEngine } from "../support/seed.js";

const CHANNEL = "223456789012345678";
let nextMessageId = 323456789012345678n;

/** The few fields of a discord.js Message the listener reads, for a message in a plain text channel. */
function message(content: string): Message {
  const sent: unknown[] = [];
  return {
    id: String(nextMessageId++),
    content,
    channelId: CHANNEL,
    author: { id: "1", bot: false },
    webhookId: null,
    system: false,
    reference: null,
    mentions: { users: new Map(), repliedUser: null },
    channel: { type: 0, isThread: () => false, isSendable: () => true, send: (body: unknown) => (sent.push(body), Promise.resolve({ id: "reply" })) },
  } as unknown as Message;
}

describe("the Q&A listener", () => {
  it("asks the engine only for messages the policy takes up: a dropped message costs no engine call", async () => {
    const seed = seedEngine();
    let calls = 0;
    const engine: Engine = { ...seed, answer: (question) => (calls++, seed.answer(question)) };
    const store = openSeededStore(tempDbPath());
    const metrics = createBotMetrics({ facts: () => [], gateway: () => [] });
    const log = pino({ level: "silent" });
    const listener = createQaListener({
      engine: () => engine,
      store,
      asks: createAskRecorder({ feedback: store.feedback, log, metrics }),
      log,
      metrics,
      botUserId: () => "999999999999999999",
      settings: { channelIdsFromEnv: [CHANNEL], minConfidence: 0.8, channelCooldownSeconds: 0, helperRoleId: undefined, starterRetryDelaysMs: [] },
    });
    for (const text of ["thanks all", "Liaoning exports went up a lot", "lol", "gm everyone, good to be here"]) await listener.onMessage(message(text));
    expect(calls).toBe(0);
    await listener.onMessage(message("How much did Liaoning export to Russia?"));
    expect(calls).toBe(1);
    store.close();
  });

  it("counts the engine's verdict on each question it took up, and the store writes that failed", async () => {
    const store = openSeededStore(tempDbPath());
    const metrics = createBotMetrics({ facts: () => [], gateway: () => [] });
    const engine = seedEngine();
    const log = pino({ level: "silent" });
    const asks = createAskRecorder({ feedback: store.feedback, log, metrics });
    const listener = createQaListener({
      engine: () => engine,
      store,
      asks,
      log,
      metrics,
      botUserId: () => "999999999999999999",
      settings: { channelIdsFromEnv: [CHANNEL], minConfidence: 0.8, channelCooldownSeconds: 0, helperRoleId: undefined, starterRetryDelaysMs: [] },
    });
    const count = async (name: string, labels: Record<string, string>) => sample((await exposition(metrics.registry)).text, name, labels);

    await listener.onMessage(message("How much did Liaoning export to Russia?"));
    await listener.onMessage(message("What is the population of Mars?"));
    expect(await count("trade_facts_questions_total", { route: "channel", result: "answered" })).toBe(1);
    expect(await count("trade_facts_questions_total", { route: "channel", result: "abstained" })).toBe(1);
    expect(await count("trade_facts_store_write_errors_total", {})).toBeUndefined();

    asks.flush();
    store.feedback.recordAsks = () => {
      throw new Error("SQLITE_FULL: database or disk is full");
    };
    store.qa.recordAutoAnswer = () => {
      throw new Error("SQLITE_FULL: database or disk is full");
    };
    await listener.onMessage(message("How much did Liaoning export to Russia?"));
    asks.flush();
    expect(await count("trade_facts_store_write_errors_total", { write: "ask" })).toBe(1);
    expect(await count("trade_facts_store_write_errors_total", { write: "qa-answer" })).toBe(1);
    expect(await count("trade_facts_questions_total", { route: "channel", result: "answered" })).toBe(2);
    store.close();
  });
});
