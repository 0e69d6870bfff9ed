import { BotEnvSchema, loadDotenvFile, parseEnv } from "./config.js";
import { createLogger } from "./logger.js";
import { runBot } from "./run-bot.js";
import { isShardProcess, runShardManager } from "./shards/shard-manager.js";

loadDotenvFile();
const env = parseEnv(BotEnvSchema);
if (!env.ok) {
  process.stderr.write(`${env.error.join("\n")}\n`);
  process.exit(1);
}
const config = env.value;
const shard = isShardProcess() ? { shard: Number(process.env.SHARDS) } : {};
const log = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] }).child(shard);

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

if (config.SHARD_COUNT === 1 || isShardProcess()) await runBot(config, log);
else await runShardManager(config, log);
