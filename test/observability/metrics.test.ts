import { describe, expect, it } from "vitest";
import { addReadyGauge, createBotMetrics, exposition, type GatewayShard } from "../../src/observability/metrics.js";
import type { Readiness } from "../../src/observability/readiness.js";
import { sample } from "../support/prometheus-text.js";

function metricsWith(state: { facts?: { status: "active" | "retired" }[]; gateway?: GatewayShard[] } = {}) {
  return createBotMetrics({ facts: () => state.facts ?? [], gateway: () => state.gateway ?? [] });
}

const scrape = async (metrics: { registry: Parameters<typeof exposition>[0] }) => (await exposition(metrics.registry)).text;

describe("the bot's metrics", () => {
  it("counts interactions by command and outcome, and puts each latency in its bucket", async () => {
    const metrics = metricsWith();
    metrics.interactionHandled("trade ask", "answered", 2.3);
    metrics.interactionHandled("trade ask", "answered", 40);
    metrics.interactionHandled("trade ask", "error", 1);
    const text = await scrape(metrics);
    expect(sample(text, "trade_facts_interactions_total", { command: "trade ask", outcome: "answered" })).toBe(2);
    expect(sample(text, "trade_facts_interactions_total", { command: "trade ask", outcome: "error" })).toBe(1);
    const bucket = (le: string) => sample(text, "trade_facts_interaction_duration_seconds_bucket", { command: "trade ask", outcome: "answered", le });
    expect([bucket("0.001"), bucket("0.0025"), bucket("0.025"), bucket("0.05"), bucket("3"), bucket("+Inf")]).toEqual([0, 1, 1, 2, 2, 2]);
    expect(sample(text, "trade_facts_interaction_duration_seconds_sum", { command: "trade ask", outcome: "answered" })).toBeCloseTo(0.0423, 6);
  });

  it("counts answered and abstained questions by route, failed store writes, reconnects and resumes", async () => {
    const metrics = metricsWith();
    metrics.questionAnswered("command", true);
    metrics.questionAnswered("mention", false);
    metrics.questionAnswered("mention", false);
    metrics.storeWriteFailed("ask");
    metrics.gatewayReconnecting(0);
    metrics.gatewayReconnecting(0);
    metrics.gatewayResumed(0);
    const text = await scrape(metrics);
    expect(sample(text, "trade_facts_questions_total", { route: "command", result: "answered" })).toBe(1);
    expect(sample(text, "trade_facts_questions_total", { route: "mention", result: "abstained" })).toBe(2);
    expect(sample(text, "trade_facts_questions_total", { route: "mention", result: "answered" })).toBeUndefined();
    expect(sample(text, "trade_facts_store_write_errors_total", { write: "ask" })).toBe(1);
    expect(sample(text, "trade_facts_gateway_reconnects_total", { shard: "0" })).toBe(2);
    expect(sample(text, "trade_facts_gateway_resumes_total", { shard: "0" })).toBe(1);
  });

  it("reads facts by status and each shard's gateway afresh at every scrape", async () => {
    const state: { facts: { status: "active" | "retired" }[]; gateway: GatewayShard[] } = {
      facts: [{ status: "active" }, { status: "active" }],
      gateway: [{ id: 0, status: "Ready", connected: true, pingMs: 42 }],
    };
    const metrics = metricsWith(state);
    let text = await scrape(metrics);
    expect(sample(text, "trade_facts_facts", { status: "active" })).toBe(2);
    expect(sample(text, "trade_facts_facts", { status: "retired" })).toBe(0);
    expect(sample(text, "trade_facts_gateway_status", { shard: "0", status: "Ready" })).toBe(1);
    expect(sample(text, "trade_facts_gateway_ping_seconds", { shard: "0" })).toBe(0.042);

    state.facts = [{ status: "active" }, { status: "retired" }];
    state.gateway = [{ id: 0, status: "Resuming", connected: false, pingMs: -1 }];
    text = await scrape(metrics);
    expect(sample(text, "trade_facts_facts", { status: "active" })).toBe(1);
    expect(sample(text, "trade_facts_facts", { status: "retired" })).toBe(1);
    expect(sample(text, "trade_facts_gateway_status", { shard: "0", status: "Resuming" })).toBe(1);
    expect(sample(text, "trade_facts_gateway_status", { shard: "0", status: "Ready" })).toBeUndefined();
    expect(sample(text, "trade_facts_gateway_ping_seconds", { shard: "0" })).toBeUndefined();
  });

  it("says whether the process is ready, as /readyz would", async () => {
    const metrics = metricsWith();
    let readiness: Readiness = { ready: false, reason: "shard 0 is not connected" };
    addReadyGauge(metrics.registry, () => readiness);
    expect(sample(await scrape(metrics), "trade_facts_ready")).toBe(0);
    readiness = { ready: true };
    expect(sample(await scrape(metrics), "trade_facts_ready")).toBe(1);
  });

  it("follows Prometheus naming: our prefix, _total on counters, base units", async () => {
    const metrics = metricsWith({ gateway: [{ id: 0, status: "Ready", connected: true, pingMs: 1 }] });
    addReadyGauge(metrics.registry, () => ({ ready: true }));
    const described = await metrics.registry.getMetricsAsJSON();
    expect(described.length).toBeGreaterThanOrEqual(10);
    for (const metric of described) {
      expect(metric.name).toMatch(/^trade_facts_[a-z_]+$/);
      expect(metric.name.endsWith("_total")).toBe(String(metric.type) === "counter");
      expect(metric.name).not.toMatch(/_(ms|milliseconds)$/);
    }
  });
});
