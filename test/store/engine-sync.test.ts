import pino from "pino";
import { describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/knowledge/engine-sync.js";
import { LiveEngine } from "../../src/knowledge/live-engine.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";

const FACT = "vladivostok-largest-far-east-port";
const silent = pino({ level: "silent" });
const topId = (engine: LiveEngine) => engine.current.answer("largest port in the Russian Far East").results[0]?.fact.id;

describe("createEngineSync", () => {
  it("applies another process's commit on the next poll, and only then", () => {
    const path = tempDbPath();
    const bot = openSeededStore(path);
    const cli = openSeededStore(path);
    const cursor = bot.changes.cursor();
    const engine = new LiveEngine(bot.snapshot());
    const sync = createEngineSync(bot, engine, silent, cursor);
    sync.poll();
    const before = engine.current;
    cli.retire(FACT, "cli", "test");
    expect(topId(engine)).toBe(FACT);
    sync.poll();
    expect(engine.current).not.toBe(before);
    expect(topId(engine)).not.toBe(FACT);
    bot.close();
    cli.close();
  });

  it("applies its own process's writes when asked, and takes in new sources", () => {
    const store = openSeededStore();
    const engine = new LiveEngine(store.snapshot());
    const sync = createEngineSync(store, engine, silent);
    store.retire(FACT, "mod", "test");
    sync.sync();
    expect(topId(engine)).not.toBe(FACT);
    const source = store.addSource({ title: "Harbin trade report", publisher: null, url: null, date: "2024", dateNote: null, text: "Harbin exported 12 tractors to Russia." }, "mod");
    expect(source.ok).toBe(true);
    sync.sync();
    expect(engine.current.base.sources.map((candidate) => candidate.id)).toContain("harbin-trade-report");
    store.close();
  });

  it("does not miss a change committed between taking the cursor and building the engine", () => {
    const store = openSeededStore();
    const cursor = store.changes.cursor();
    store.retire(FACT, "mod", "meanwhile");
    const engine = new LiveEngine(store.snapshot());
    createEngineSync(store, engine, silent, cursor).sync();
    expect(topId(engine)).not.toBe(FACT);
    store.close();
  });
});
