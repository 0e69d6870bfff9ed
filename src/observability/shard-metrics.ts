import { AggregatorRegistry, Gauge, Registry } from "prom-client";
import { z } from "zod";
import type { HealthProviders } from "./http-server.js";
import { addReadyGauge, collectProcessMetrics, METRICS_OP } from "./metrics.js";
import { judgeReadiness } from "./readiness.js";

/** What the manager knows of its shards: whether each is ready, and a way to ask all of them at once. */
export interface ShardFleet {
  shards(): readonly { id: number; ready: boolean }[];
  /** One answer per shard it could ask, each settled on its own: a shard that is slow or gone fails alone. */
  askEveryShard(op: string, timeoutMs?: number): Promise<readonly ({ id: number } & PromiseSettledResult<unknown>)[]>;
}

/** Long enough for a busy shard, well inside Prometheus's default 10 s scrape timeout. */
export const SHARD_METRICS_TIMEOUT_MS = 2_000;

/** A shard's `registry.getMetricsAsJSON()` as it arrives over IPC (NaN, e.g. event loop lag before any sample, arrives as null through JSON). */
const ShardMetricsSchema = z.array(
  z.object({
    name: z.string(),
    help: z.string(),
    type: z.string(),
    aggregator: z.enum(["omit", "sum", "first", "min", "max", "average"]),
    values: z.array(
      z.object({
        value: z.union([z.number(), z.nan(), z.null()]).transform((value) => value ?? Number.NaN),
        labels: z.record(z.string(), z.union([z.string(), z.number()])),
        metricName: z.string().optional(),
      }),
    ),
  }),
);

/**
 * /readyz and /metrics for the shard manager: ready when every shard is, and one exposition merging every shard's
 * registry (counters and histograms summed) with the manager's own process metrics (labelled process="manager").
 * A shard that does not answer in time, or answers garbage, is left out and `trade_facts_shard_reported` says so.
 */
export function shardManagerProviders({ shardCount, fleet, timeoutMs = SHARD_METRICS_TIMEOUT_MS }: {
  shardCount: number;
  fleet: ShardFleet;
  timeoutMs?: number;
}): HealthProviders {
  /** A shard logs in only once its engine is loaded, so a ready shard has one. */
  const ready = () => judgeReadiness({ engineLoaded: true, shardCount, shards: fleet.shards().map(({ id, ready }) => ({ id, connected: ready })) });
  const registry = new Registry();
  collectProcessMetrics(registry, { process: "manager" });
  addReadyGauge(registry, ready);
  const reported = new Gauge({
    name: "trade_facts_shard_reported",
    help: "1 when the shard answered the last scrape with its metrics, 0 when it did not (slow, restarting or gone)",
    labelNames: ["shard"],
    registers: [registry],
  });

  return {
    ready,
    async metrics() {
      const answers = await fleet.askEveryShard(METRICS_OP, timeoutMs);
      const shardMetrics = [];
      for (let id = 0; id < shardCount; id++) {
        const answer = answers.find((candidate) => candidate.id === id);
        const parsed = answer?.status === "fulfilled" ? ShardMetricsSchema.safeParse(answer.value) : undefined;
        reported.set({ shard: id }, parsed?.success ? 1 : 0);
        if (parsed?.success) shardMetrics.push(parsed.data);
      }
      const merged = AggregatorRegistry.aggregate([...shardMetrics, await registry.getMetricsAsJSON()]);
      return { contentType: registry.contentType, text: await merged.metrics() };
    },
  };
}
