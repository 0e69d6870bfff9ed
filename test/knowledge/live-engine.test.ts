import { describe, expect, it } from "vitest";
import { LiveEngine } from "../../src/knowledge/live-engine.js";
import { seedBase, seedFact } from "../support/seed.js";

describe("LiveEngine", () => {
  it("swaps in an engine with the change", () => {
    const live = new LiveEngine(seedBase());
    const before = live.current;
    const fact = seedFact("vladivostok-largest-far-east-port");
    const result = live.update([{ ...fact, status: "retired", revision: 2 }]);
    expect(result.ok).toBe(true);
    expect(live.current).not.toBe(before);
    expect(live.current.answer("largest port in the Russian Far East").results.map((r) => r.fact.id)).not.toContain(fact.id);
  });

  it("keeps the old engine serving when a change is invalid", () => {
    const live = new LiveEngine(seedBase());
    const before = live.current;
    const fact = seedFact("vladivostok-largest-far-east-port");
    const result = live.update([{ ...fact, quote: "Vladivostok is a lovely city." }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]).toMatchObject({ subject: `fact ${fact.id}`, field: "quote" });
    expect(live.current).toBe(before);
    expect(live.current.answer("largest port in the Russian Far East").results[0]?.fact.id).toBe(fact.id);
  });

  it("keeps the old engine serving when a whole new base does not validate", () => {
    const live = new LiveEngine(seedBase());
    const before = live.current;
    const result = live.replace({ sources: [], facts: "not a list" });
    expect(result.ok).toBe(false);
    expect(live.current).toBe(before);
  });

  it("keeps the old engine serving when building the new one throws", () => {
    const live = new LiveEngine(seedBase());
    const before = live.current;
    const base = seedBase();
    const trap = { ...base.facts[0]!, id: "trap-fact" };
    Object.defineProperty(trap, "entities", { enumerable: true, get: () => { throw new Error("disk on fire"); } });
    const result = live.update([trap]);
    expect(result.ok).toBe(false);
    expect(live.current).toBe(before);
  });
});
