import { resolve } from "node:path";
import { BotEnvSchema, DEFAULT_DATABASE_PATH, loadDotenvFile, parseEnv } from "./config.js";
import { COMMANDS } from "./commands/index.js";
import { startBot } from "./discord/bot.js";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "./knowledge/fact-base-file.js";
import { createEngineSync } from "./knowledge/engine-sync.js";
import { LiveEngine } from "./knowledge/live-engine.js";
import { FactStore } from "./knowledge/store/fact-store.js";
import { createLogger } from "./logger.js";

loadDotenvFile();
const env = parseEnv(BotEnvSchema);
if (!env.ok) {
  process.stderr.write(`${env.error.join("\n")}\n`);
  process.exit(1);
}
const config = env.value;
const log = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });

const seed = readFactBaseFile(config.FACTS_FILE ?? SEED_PATH);
if (!seed.ok) {
  for (const problem of seed.error) log.fatal(formatFileProblem(problem));
  process.exit(1);
}
const opened = FactStore.open(resolve(config.DATABASE_PATH), { seed: seed.value, mayCreateDirectory: config.DATABASE_PATH === DEFAULT_DATABASE_PATH });
if (!opened.ok) {
  log.fatal(opened.error);
  process.exit(1);
}
const store = opened.value;
const cursor = store.changes.cursor();
const engine = new LiveEngine(store.snapshot());
const engineSync = createEngineSync(store, engine, log, cursor);
setInterval(() => {
  try {
    engineSync.poll();
  } catch (error) {
    log.error({ err: error }, "could not read the fact base's changes; will try again");
  }
}, config.STORE_POLL_SECONDS * 1000).unref();

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

const fail = (reason: string): never => {
  log.fatal(reason);
  process.exit(1);
};

const bot = await startBot({ config, log, engine, store, engineSync, commands: COMMANDS, onFatal: fail }).catch((error: unknown) =>
  fail((error as Error).message),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing replies in flight");
    void bot.stop(config.SHUTDOWN_GRACE_SECONDS * 1000).then(() => {
      store.close();
      log.info("stopped");
      process.exit(0);
    });
  });
}
