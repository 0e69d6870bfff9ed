import { describe, expect, it } from "vitest";
import { judgeReadiness } from "../../src/observability/readiness.js";

describe("judgeReadiness", () => {
  it("is ready only with the engine loaded and every shard connected", () => {
    const connected = [{ id: 0, connected: true }, { id: 1, connected: true }];
    expect(judgeReadiness({ engineLoaded: true, shardCount: 2, shards: connected })).toEqual({ ready: true });
    expect(judgeReadiness({ engineLoaded: false, shardCount: 2, shards: connected })).toEqual({ ready: false, reason: "the engine is not loaded yet" });
  });

  it("names the first shard that is not connected, or not there at all", () => {
    expect(judgeReadiness({ engineLoaded: true, shardCount: 2, shards: [{ id: 0, connected: true }, { id: 1, connected: false }] })).toEqual({
      ready: false,
      reason: "shard 1 is not connected",
    });
    expect(judgeReadiness({ engineLoaded: true, shardCount: 2, shards: [{ id: 1, connected: true }] })).toEqual({ ready: false, reason: "shard 0 is not connected" });
    expect(judgeReadiness({ engineLoaded: true, shardCount: 1, shards: [] })).toEqual({ ready: false, reason: "shard 0 is not connected" });
  });
});
