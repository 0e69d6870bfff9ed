import { describe, expect, it } from "vitest";
import { collectProcessMetrics, createBotMetrics, METRICS_OP, type BotMetrics } from "../../src/observability/metrics.js";
import { shardManagerProviders, type ShardFleet } from "../../src/observability/shard-metrics.js";
import { createIpcPeer, type Handler } from "../../src/shards/ipc.js";
import { sample } from "../support/prometheus-text.js";

/** One shard's metrics as its process holds them: the same store (two facts), its own gateway connection. */
function shardMetrics(id: number): BotMetrics {
  const metrics = createBotMetrics({
    facts: () => [{ status: "active" }, { status: "retired" }],
    gateway: () => [{ id, status: "Ready", connected: true, pingMs: 20 + id }],
  });
  collectProcessMetrics(metrics.registry, { process: `shard-${id}` });
  return metrics;
}

/** What crosses the IPC channel: the registry as JSON, through JSON. */
const overIpc = async (metrics: BotMetrics): Promise<unknown> => JSON.parse(JSON.stringify(await metrics.registry.getMetricsAsJSON())) as unknown;

describe("the shard manager's /metrics and /readyz", () => {
  it("merges two shards' registries: counters summed, per-shard gauges kept apart, shared facts counted once", async () => {
    const [zero, one] = [shardMetrics(0), shardMetrics(1)];
    zero.interactionHandled("trade ask", "answered", 3);
    one.interactionHandled("trade ask", "answered", 30);
    one.interactionHandled("trade ask", "answered", 300);
    one.gatewayReconnecting(1);
    const fleet: ShardFleet = {
      shards: () => [{ id: 0, ready: true }, { id: 1, ready: true }],
      askEveryShard: async (op) => {
        expect(op).toBe(METRICS_OP);
        return [
          { id: 0, status: "fulfilled", value: await overIpc(zero) },
          { id: 1, status: "fulfilled", value: await overIpc(one) },
        ];
      },
    };
    const providers = shardManagerProviders({ shardCount: 2, fleet });
    expect(providers.ready()).toEqual({ ready: true });
    const { contentType, text } = await providers.metrics();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, "trade_facts_interactions_total", { command: "trade ask", outcome: "answered" })).toBe(3);
    expect(sample(text, "trade_facts_interaction_duration_seconds_count", { command: "trade ask", outcome: "answered" })).toBe(3);
    expect(sample(text, "trade_facts_interaction_duration_seconds_bucket", { command: "trade ask", outcome: "answered", le: "0.025" })).toBe(1);
    expect(sample(text, "trade_facts_gateway_reconnects_total", { shard: "1" })).toBe(1);
    expect(sample(text, "trade_facts_gateway_ping_seconds", { shard: "0" })).toBe(0.02);
    expect(sample(text, "trade_facts_gateway_ping_seconds", { shard: "1" })).toBe(0.021);
    expect(sample(text, "trade_facts_facts", { status: "active" })).toBe(1);
    expect(sample(text, "trade_facts_shard_reported", { shard: "0" })).toBe(1);
    expect(sample(text, "trade_facts_shard_reported", { shard: "1" })).toBe(1);
    expect(sample(text, "trade_facts_ready")).toBe(1);
    for (const process of ["manager", "shard-0", "shard-1"]) expect(sample(text, "nodejs_heap_size_used_bytes", { process })).toBeGreaterThan(0);
    expect(text.match(/^# TYPE trade_facts_interactions_total /gm)).toHaveLength(1);
  });

  it("answers with the shards that reported when one fails or answers garbage, and says which did not", async () => {
    const zero = shardMetrics(0);
    zero.interactionHandled("trade fact", "answered", 1);
    const fleet: ShardFleet = {
      shards: () => [{ id: 0, ready: true }, { id: 1, ready: false }, { id: 2, ready: true }],
      askEveryShard: async () => [
        { id: 0, status: "fulfilled", value: await overIpc(zero) },
        { id: 1, status: "rejected", reason: new Error("no answer to metrics within 2000 ms") },
        { id: 2, status: "fulfilled", value: { not: "metrics" } },
      ],
    };
    const providers = shardManagerProviders({ shardCount: 3, fleet });
    expect(providers.ready()).toEqual({ ready: false, reason: "shard 1 is not connected" });
    const { text } = await providers.metrics();
    expect(sample(text, "trade_facts_interactions_total", { command: "trade fact", outcome: "answered" })).toBe(1);
    expect([0, 1, 2].map((shard) => sample(text, "trade_facts_shard_reported", { shard: String(shard) }))).toEqual([1, 0, 0]);
    expect(sample(text, "trade_facts_ready")).toBe(0);
  });

  it("does not hang the scrape on a shard that never answers over IPC", async () => {
    const handlers: Handler[] = [() => shardMetrics(0).registry.getMetricsAsJSON(), () => new Promise(() => undefined)];
    /** Manager and shard ends of an in-memory IPC channel per shard, delivering each message on a later turn. */
    const peers = handlers.map((handler) => {
      const ends: { manager?: ReturnType<typeof createIpcPeer>; shard?: ReturnType<typeof createIpcPeer> } = {};
      ends.manager = createIpcPeer({ send: (message) => void setImmediate(() => ends.shard?.receive(message)), handlers: {} });
      ends.shard = createIpcPeer({ send: (message) => void setImmediate(() => ends.manager?.receive(message)), handlers: { [METRICS_OP]: handler } });
      return ends.manager;
    });
    const fleet: ShardFleet = {
      shards: () => [{ id: 0, ready: true }, { id: 1, ready: true }],
      askEveryShard: (op, timeoutMs) =>
        Promise.all(peers.map(async (peer, id) => ({ id, ...(await Promise.allSettled([peer.request(op, undefined, timeoutMs)]))[0] }))),
    };
    const { text } = await shardManagerProviders({ shardCount: 2, fleet, timeoutMs: 200 }).metrics();
    expect(sample(text, "trade_facts_shard_reported", { shard: "0" })).toBe(1);
    expect(sample(text, "trade_facts_shard_reported", { shard: "1" })).toBe(0);
    expect(sample(text, "trade_facts_gateway_status", { shard: "0", status: "Ready" })).toBe(1);
  });
});
