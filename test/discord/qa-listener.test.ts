import type { Message } from "discord.js";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createQaListener } from "../../src/discord/qa-listener.js";
import type { Engine } from "../../src/knowledge/engine.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";
import { seedEngine } from "../support/seed.js";

const CHANNEL = "223456789012345678";

/** The few fields of a discord.js Message the listener reads, for a message in a plain text channel. */
function message(content: string): Message {
  const sent: unknown[] = [];
  return {
    id: String(Date.now()),
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
    const listener = createQaListener({
      engine: () => engine,
      store,
      log: pino({ level: "silent" }),
      botUserId: () => "999999999999999999",
      settings: { channelIdsFromEnv: [CHANNEL], minConfidence: 0.8, channelCooldownSeconds: 0, helperRoleId: undefined, starterRetryDelaysMs: [] },
    });
    for (const text of ["thanks all", "Liaoning exports went up a lot", "lol", "gm everyone, good to be here"]) await listener.onMessage(message(text));
    expect(calls).toBe(0);
    await listener.onMessage(message("How much did Liaoning export to Russia?"));
    expect(calls).toBe(1);
    store.close();
  });
});
