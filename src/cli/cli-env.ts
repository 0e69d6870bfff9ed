import type { Logger } from "pino";
import { BaseEnvSchema, loadDotenvFile, parseEnv } from "../config.js";
import { createLogger } from "../logger.js";
import { exitWithError } from "./cli-io.js";

/** The command lines' configuration and logger; logs go to stderr so stdout stays the tool's output. */
export function cliLoggerOrExit(): Logger {
  loadDotenvFile();
  const env = parseEnv(BaseEnvSchema);
  if (!env.ok) exitWithError(env.error);
  return createLogger({ level: env.value.LOG_LEVEL, fd: 2 });
}
