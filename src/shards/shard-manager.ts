import { resolve } from "node:path";
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from "discord.js";
import type { Logger } from "pino";
import type { BotConfig } from "../config.js";
import { describeLoginError } from "../discord/bot.js";
import { createCooldown } from "../discord/cooldown.js";
import { startHealthServer } from "../observability/http-server.js";
import { shardManagerProviders } from "../observability/shard-metrics.js";
import { createIpcPeer, type IpcPeer } from "./ipc.js";
import { COOLDOWN_TAKE, serveAskCooldown } from "./manager-link.js";

/** Discord lets one IDENTIFY per 5 s through each concurrency bucket; discord.js waits this long between shards. */
const IDENTIFY_SPACING_MS = 5_500;
const RESPAWN_DELAY_MS = 1_000;
/** A shard that dies this often within the window is crash-looping: the manager stops rather than spin. */
const CRASH_LOOP = { deaths: 5, windowMs: 60_000 };
/** Beyond the shards' own grace for replies in flight, how long the manager waits before it kills them. */
const STOP_SLACK_MS = 5_000;

/** True in a process the shard manager forked. */
export function isShardProcess(): boolean {
  return process.env.SHARDING_MANAGER === "true" && typeof process.send === "function";
}

export interface ShardStatus {
  id: number;
  /** The shard's process is running and its client has said ready (and not disconnected since). */
  ready: boolean;
}

export interface RunningManager {
  shards(): ShardStatus[];
  /** One line to each shard: asks every shard and returns their answers in shard order, each settled on its own. */
  askEveryShard(op: string, timeoutMs?: number): Promise<({ id: number } & PromiseSettledResult<unknown>)[]>;
}

/**
 * Runs one process per shard under discord.js's ShardingManager (SHARD_COUNT=N, or `auto` for Discord's
 * recommended count). A shard that dies is respawned; SIGTERM or SIGINT stops every shard gracefully, then the
 * manager. A shard that cannot start, or that keeps dying, stops everything with one fatal line and exit 1.
 */
export async function runShardManager(config: BotConfig, log: Logger): Promise<RunningManager> {
  const fail = (reason: string): never => {
    log.fatal(reason);
    process.exit(1);
  };
  const gateway = await fetchGatewayBot(config).catch((error: unknown) => fail(describeLoginError(error, config.DISCORD_API_URL ?? "https://discord.com/api")));
  const count = config.SHARD_COUNT === "auto" ? gateway.shards : config.SHARD_COUNT;
  const manager = new ShardingManager(resolve(process.argv[1] ?? "dist/index.js"), {
    totalShards: count,
    token: config.DISCORD_TOKEN,
    mode: "process",
    respawn: false,
    execArgv: process.execArgv,
  });
  const askCooldown = createCooldown({ uses: config.ASK_COOLDOWN_USES, windowMs: config.ASK_COOLDOWN_SECONDS * 1000 });
  const peers = new Map<number, IpcPeer>();
  const deaths = new Map<number, number[]>();
  let started = false;
  let stopping = false;

  const respawn = (shard: Shard, exitCode: number | null) => {
    const now = Date.now();
    const recent = [...(deaths.get(shard.id) ?? []), now].filter((time) => now - time < CRASH_LOOP.windowMs);
    deaths.set(shard.id, recent);
    if (recent.length >= CRASH_LOOP.deaths) {
      log.fatal({ shardId: shard.id }, `shard ${shard.id} died ${recent.length} times within ${CRASH_LOOP.windowMs / 1000} s; stopping every shard`);
      void stopAll(1);
      return;
    }
    log.warn({ shardId: shard.id, exitCode }, `shard ${shard.id} died; respawning`);
    setTimeout(() => {
      if (stopping) return;
      shard.spawn(config.LOGIN_TIMEOUT_SECONDS * 1000).catch((error: unknown) => log.error({ err: error, shardId: shard.id }, "respawned shard did not become ready"));
    }, RESPAWN_DELAY_MS);
  };

  manager.on("shardCreate", (shard) => {
    const peer = createIpcPeer({ send: (message) => shard.send(message), handlers: { [COOLDOWN_TAKE]: serveAskCooldown(askCooldown) } });
    peers.set(shard.id, peer);
    shard.on("message", (message) => peer.receive(message));
    shard.on("ready", () => log.info({ shardId: shard.id }, "shard ready"));
    shard.on("death", (child) => {
      if (stopping || !started) return;
      respawn(shard, "exitCode" in child ? child.exitCode : null);
    });
  });

  const stopShard = (shard: Shard) =>
    new Promise<void>((done) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return done();
      const killer = setTimeout(() => child.kill("SIGKILL"), config.SHUTDOWN_GRACE_SECONDS * 1000 + STOP_SLACK_MS);
      child.once("exit", () => {
        clearTimeout(killer);
        done();
      });
      child.kill("SIGTERM");
    });

  const stopAll = async (exitCode: number) => {
    stopping = true;
    await Promise.all([...manager.shards.values()].map(stopShard));
    log.info("stopped");
    process.exit(exitCode);
  };

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      log.info({ signal, shards: manager.shards.size }, "shutting down: stopping every shard");
      void stopAll(0);
    });
  }

  const running: RunningManager = {
    shards: () => [...manager.shards.values()].map((shard) => ({ id: shard.id, ready: shard.ready && shard.process?.exitCode === null })),
    askEveryShard: (op, timeoutMs) =>
      Promise.all(
        [...peers.entries()].sort(([a], [b]) => a - b).map(async ([id, peer]) => {
          const [answer] = await Promise.allSettled([peer.request(op, undefined, timeoutMs)]);
          return { id, ...answer };
        }),
      ),
  };
  if (config.HTTP_PORT !== undefined) {
    const served = await startHealthServer({ host: config.HTTP_HOST, port: config.HTTP_PORT, log, providers: shardManagerProviders({ shardCount: count, fleet: running }) });
    if (!served.ok) return fail(served.error);
  }

  log.info({ shards: count, recommended: gateway.shards }, "starting shards");
  const delay = gateway.session_start_limit.max_concurrency >= count ? 0 : IDENTIFY_SPACING_MS;
  try {
    await manager.spawn({ amount: count, delay, timeout: config.LOGIN_TIMEOUT_SECONDS * 1000 });
  } catch (error) {
    if (!stopping) {
      log.fatal({ err: error }, "a shard could not start; stopping every shard");
      await stopAll(1);
    }
  }
  started = true;
  log.info({ shards: count }, "ready");

  return running;
}

async function fetchGatewayBot(config: BotConfig): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}
