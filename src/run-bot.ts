import { resolve } from "node:path";
import type { Logger } from "pino";
import { DEFAULT_DATABASE_PATH, type BotConfig } from "./config.js";
import { COMMANDS } from "./commands/index.js";
import { startBot, type RunningBot } from "./discord/bot.js";
import { createCooldown } from "./discord/cooldown.js";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "./knowledge/fact-base-file.js";
import { createEngineSync } from "./knowledge/engine-sync.js";
import { LiveEngine } from "./knowledge/live-engine.js";
import { FactStore } from "./knowledge/store/fact-store.js";
import { startHealthServer } from "./observability/http-server.js";
import { addReadyGauge, collectProcessMetrics, createBotMetrics, exposition, METRICS_OP } from "./observability/metrics.js";
import { judgeReadiness } from "./observability/readiness.js";
import { connectToManager, managerAskCooldown } from "./shards/manager-link.js";
import { isShardProcess } from "./shards/shard-manager.js";

/**
 * Runs the bot in this process: one connection to Discord, or, under the shard manager, the shards it was given.
 * Ends the process non-zero with one fatal log line when it cannot start or loses the connection for good.
 */
export async function runBot(config: BotConfig, log: Logger): Promise<void> {
  const fail = (reason: string): never => {
    log.fatal(reason);
    process.exit(1);
  };

  const shardProcess = isShardProcess();
  const live: { engine?: LiveEngine; bot?: RunningBot } = {};
  const metrics = createBotMetrics({ facts: () => live.engine?.current.base.facts ?? [], gateway: () => live.bot?.gateway() ?? [] });
  collectProcessMetrics(metrics.registry, shardProcess ? { process: `shard-${process.env.SHARDS}` } : {});
  /** Under the shard manager, the manager serves HTTP for every shard; otherwise bind before touching any data. */
  if (config.HTTP_PORT !== undefined && !shardProcess) {
    const ready = () => judgeReadiness({ engineLoaded: live.engine !== undefined, shardCount: 1, shards: live.bot?.gateway() ?? [] });
    addReadyGauge(metrics.registry, ready);
    const served = await startHealthServer({ host: config.HTTP_HOST, port: config.HTTP_PORT, log, providers: { ready, metrics: () => exposition(metrics.registry) } });
    if (!served.ok) return fail(served.error);
  }

  const seed = readFactBaseFile(config.FACTS_FILE ?? SEED_PATH);
  if (!seed.ok) {
    for (const problem of seed.error) log.fatal(formatFileProblem(problem));
    process.exit(1);
  }
  const opened = FactStore.open(resolve(config.DATABASE_PATH), { seed: seed.value, mayCreateDirectory: config.DATABASE_PATH === DEFAULT_DATABASE_PATH });
  if (!opened.ok) return fail(opened.error);
  const store = opened.value;
  const cursor = store.changes.cursor();
  const engine = new LiveEngine(store.snapshot());
  live.engine = engine;
  const engineSync = createEngineSync(store, engine, log, cursor);
  setInterval(() => {
    try {
      engineSync.poll();
    } catch (error) {
      log.error({ err: error }, "could not read the fact base's changes; will try again");
    }
  }, config.STORE_POLL_SECONDS * 1000).unref();

  const askCooldown = shardProcess
    ? managerAskCooldown(connectToManager({ [METRICS_OP]: () => metrics.registry.getMetricsAsJSON() }))
    : createCooldown({ uses: config.ASK_COOLDOWN_USES, windowMs: config.ASK_COOLDOWN_SECONDS * 1000 });
  const bot = await startBot({ config, log, engine, store, engineSync, commands: COMMANDS, askCooldown, metrics, onFatal: fail }).catch((error: unknown) =>
    fail((error as Error).message),
  );
  live.bot = bot;

  let stopping = false;
  const stop = (reason: Record<string, string>) => {
    if (stopping) return;
    stopping = true;
    log.info(reason, "shutting down: finishing replies in flight");
    void bot.stop(config.SHUTDOWN_GRACE_SECONDS * 1000).then(() => {
      store.close();
      log.info("stopped");
      process.exit(0);
    });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop({ signal }));
  /** A shard whose manager is gone (killed, crashed) stops instead of running on unsupervised. */
  if (process.send) process.on("disconnect", () => stop({ signal: "manager gone" }));
}
