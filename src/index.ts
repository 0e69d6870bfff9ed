import { BotEnvSchema, loadDotenvFile, parseEnv } from "./config.js";
import { startBot } from "./discord/bot.js";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "./knowledge/fact-base-file.js";
import { LiveEngine } from "./knowledge/live-engine.js";
import { createLogger } from "./logger.js";

loadDotenvFile();
const env = parseEnv(BotEnvSchema);
if (!env.ok) {
  process.stderr.write(`${env.error.join("\n")}\n`);
  process.exit(1);
}
const config = env.value;
const log = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });

const base = readFactBaseFile(config.FACTS_FILE ?? SEED_PATH);
if (!base.ok) {
  for (const problem of base.error) log.fatal(formatFileProblem(problem));
  process.exit(1);
}

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

const fail = (reason: string): never => {
  log.fatal(reason);
  process.exit(1);
};

const bot = await startBot({ config, log, engine: new LiveEngine(base.value), onFatal: fail }).catch((error: unknown) =>
  fail((error as Error).message),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing replies in flight");
    void bot.stop(config.SHUTDOWN_GRACE_SECONDS * 1000).then(() => {
      log.info("stopped");
      process.exit(0);
    });
  });
}
