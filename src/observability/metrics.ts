import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Outcome } from "../discord/command-contract.js";
import type { QaRoute } from "../discord/qa-policy.js";
import type { Fact } from "../knowledge/schema.js";
import type { Readiness } from "./readiness.js";

/** The op a shard answers with its registry as JSON, for the manager to merge. */
export const METRICS_OP = "metrics";

/** How an interaction ended: a command's outcome, or an autocomplete that offered choices. */
export type InteractionOutcome = Outcome | "suggested";
/** Where a question came from: a command (`/trade ask`, "Ask trade bot") or a message the Q&A listener took up. */
export type QuestionRoute = "command" | QaRoute;
/** Writes that fail without failing the reply: a question counted for stats and gaps, an unasked answer recorded. */
export type StoreWrite = "ask" | "qa-answer";

/** One gateway connection as discord.js sees it, read on each scrape. */
export interface GatewayShard {
  id: number;
  /** discord.js's status name: Ready, Connecting, Resuming, … */
  status: string;
  connected: boolean;
  /** The last heartbeat's round trip; negative before the first one. */
  pingMs: number;
}

export interface MetricSources {
  /** The facts the bot answers from, retired ones included. */
  facts(): readonly Pick<Fact, "status">[];
  gateway(): readonly GatewayShard[];
}

/** The hooks the glue calls; each is a counter or histogram update, never I/O. */
export interface BotMetrics {
  readonly registry: Registry;
  interactionHandled(command: string, outcome: InteractionOutcome, latencyMs: number): void;
  questionAnswered(route: QuestionRoute, answered: boolean): void;
  storeWriteFailed(write: StoreWrite): void;
  gatewayReconnecting(shardId: number): void;
  gatewayResumed(shardId: number): void;
}

/** From 1 ms (an answer from memory) to Discord's 3 s deadline for the first reply. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3];

/**
 * The bot's metrics in a registry of their own: counters and a histogram the glue updates, and gauges read from
 * `sources` at each scrape. Merged across shards by summing, except facts by status (every shard reads the same
 * store, so the largest count stands).
 */
export function createBotMetrics(sources: MetricSources): BotMetrics {
  const registry = new Registry();
  const registers = [registry];
  const interactions = new Counter({
    name: "trade_facts_interactions_total",
    help: "Interactions handled, by command and outcome (autocomplete: suggested)",
    labelNames: ["command", "outcome"],
    registers,
  });
  const latency = new Histogram({
    name: "trade_facts_interaction_duration_seconds",
    help: "Time from receiving an interaction to having answered it",
    labelNames: ["command", "outcome"],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers,
  });
  const questions = new Counter({
    name: "trade_facts_questions_total",
    help: "Questions put to the engine, by route, and whether it answered or abstained",
    labelNames: ["route", "result"],
    registers,
  });
  const writeErrors = new Counter({
    name: "trade_facts_store_write_errors_total",
    help: "Writes to the store that failed without failing the reply",
    labelNames: ["write"],
    registers,
  });
  const reconnects = new Counter({
    name: "trade_facts_gateway_reconnects_total",
    help: "Gateway connections lost and being reconnected, by shard",
    labelNames: ["shard"],
    registers,
  });
  const resumes = new Counter({
    name: "trade_facts_gateway_resumes_total",
    help: "Gateway connections resumed after a loss, by shard (reconnects minus resumes had to start a new session)",
    labelNames: ["shard"],
    registers,
  });
  new Gauge({
    name: "trade_facts_facts",
    help: "Facts in the fact base, by status",
    labelNames: ["status"],
    aggregator: "max",
    registers,
    collect() {
      this.reset();
      const counts = new Map<string, number>([["active", 0], ["retired", 0]]);
      for (const fact of sources.facts()) counts.set(fact.status, (counts.get(fact.status) ?? 0) + 1);
      for (const [status, count] of counts) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "trade_facts_gateway_status",
    help: "The gateway connection's status per shard (1 for the current one)",
    labelNames: ["shard", "status"],
    registers,
    collect() {
      this.reset();
      for (const shard of sources.gateway()) this.set({ shard: shard.id, status: shard.status }, 1);
    },
  });
  new Gauge({
    name: "trade_facts_gateway_ping_seconds",
    help: "The last gateway heartbeat's round trip per shard",
    labelNames: ["shard"],
    registers,
    collect() {
      this.reset();
      for (const shard of sources.gateway()) if (shard.pingMs >= 0) this.set({ shard: shard.id }, shard.pingMs / 1000);
    },
  });

  return {
    registry,
    interactionHandled(command, outcome, latencyMs) {
      interactions.inc({ command, outcome });
      latency.observe({ command, outcome }, latencyMs / 1000);
    },
    questionAnswered(route, answered) {
      questions.inc({ route, result: answered ? "answered" : "abstained" });
    },
    storeWriteFailed(write) {
      writeErrors.inc({ write });
    },
    gatewayReconnecting(shardId) {
      reconnects.inc({ shard: shardId });
    },
    gatewayResumed(shardId) {
      resumes.inc({ shard: shardId });
    },
  };
}

/**
 * `trade_facts_ready`: 1 when the process serving HTTP would answer /readyz with 200, so an alert needs no probe.
 * Only the process that serves HTTP has it (one process, or the shard manager).
 */
export function addReadyGauge(registry: Registry, ready: () => Readiness): void {
  new Gauge({
    name: "trade_facts_ready",
    help: "1 when every shard is connected and the engine is loaded, else 0",
    registers: [registry],
    collect() {
      this.set(ready().ready ? 1 : 0);
    },
  });
}

/** Node's and the process's own metrics (memory, CPU, event loop lag, GC); `labels` tell processes apart under a manager. */
export function collectProcessMetrics(registry: Registry, labels: Record<string, string> = {}): void {
  collectDefaultMetrics({ register: registry, labels });
}

/** The registry in Prometheus text format, as /metrics serves it. */
export async function exposition(registry: Registry): Promise<{ contentType: string; text: string }> {
  return { contentType: registry.contentType, text: await registry.metrics() };
}
