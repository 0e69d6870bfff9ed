import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAskRecorder } from "../../src/discord/ask-recorder.js";
import type { AskRecord } from "../../src/knowledge/store/feedback-store.js";
import { createBotMetrics, exposition } from "../../src/observability/metrics.js";
import { sample } from "../support/prometheus-text.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";

const log = pino({ level: "silent" });

describe("the ask recorder", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes the questions of one interval in one batch, and nothing before it ends", () => {
    const batches: AskRecord[][] = [];
    const asks = createAskRecorder({ feedback: { recordAsks: (batch) => void batches.push([...batch]) }, log, metrics: createBotMetrics({ facts: () => [], gateway: () => [] }), flushMs: 250 });
    asks.record("How much did Liaoning export?", "liaoning-exports-to-russia-value");
    asks.record("what is the GDP of india", null);
    vi.advanceTimersByTime(249);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[{ question: "How much did Liaoning export?", factId: "liaoning-exports-to-russia-value" }, { question: "what is the GDP of india", factId: null }]]);
    vi.advanceTimersByTime(1_000);
    expect(batches).toHaveLength(1);
  });

  it("writes at once when enough wait, and on flush()", () => {
    const batches: number[] = [];
    const asks = createAskRecorder({ feedback: { recordAsks: (batch) => void batches.push(batch.length) }, log, metrics: createBotMetrics({ facts: () => [], gateway: () => [] }), flushAt: 3 });
    for (let i = 0; i < 7; i++) asks.record(`question ${i}`, null);
    expect(batches).toEqual([3, 3]);
    asks.flush();
    expect(batches).toEqual([3, 3, 1]);
    asks.flush();
    expect(batches).toEqual([3, 3, 1]);
  });

  it("counts every question in the store once flushed: asked, answered, and the gaps", () => {
    const store = openSeededStore(tempDbPath());
    const asks = createAskRecorder({ feedback: store.feedback, log, metrics: createBotMetrics({ facts: () => [], gateway: () => [] }) });
    asks.record("shenyang capital", "shenyang-capital-of-liaoning");
    asks.record("What is the GDP of India?", null);
    asks.record("what is the GDP of india", null);
    expect(store.feedback.stats().asked).toBe(0);
    asks.flush();
    expect(store.feedback.stats()).toMatchObject({ asked: 3, answered: 1 });
    expect(store.feedback.gaps().unanswered).toEqual([expect.objectContaining({ count: 2 })]);
    store.close();
  });

  it("never throws: a failed batch is counted as a store write error, and the next batch is written", async () => {
    const metrics = createBotMetrics({ facts: () => [], gateway: () => [] });
    let fail = true;
    const written: number[] = [];
    const asks = createAskRecorder({
      feedback: {
        recordAsks: (batch) => {
          if (fail) throw new Error("SQLITE_FULL: database or disk is full");
          written.push(batch.length);
        },
      },
      log,
      metrics,
    });
    asks.record("one", null);
    expect(() => asks.flush()).not.toThrow();
    expect(sample((await exposition(metrics.registry)).text, "trade_facts_store_write_errors_total", { write: "ask" })).toBe(1);
    fail = false;
    asks.record("two", null);
    asks.flush();
    expect(written).toEqual([1]);
  });
});
