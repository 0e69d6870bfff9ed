import { isIP } from "node:net";
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { err, ok, type Result } from "./result.js";

/** Where the database goes unless DATABASE_PATH says otherwise; the only directory the bot creates itself. */
export const DEFAULT_DATABASE_PATH = "./data/trade-facts.db";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** What every entry point reads from the environment. */
export const BaseEnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  FACTS_FILE: z.string().optional(),
});

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");
const positiveInt = z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").positive("must be greater than 0");
const nonNegativeInt = z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more");
const PORT_RANGE = "must be a port number from 0 to 65535 (0: any free port)";
const port = z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(0, PORT_RANGE).max(65535, PORT_RANGE);

/** A comma-separated list of Discord ids ("" for none). */
const idList = z
  .string()
  .default("")
  .transform((text) => text.split(",").map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(snowflake, { error: "must be Discord ids separated by commas" }));

/** What the bot and deploy-commands read from the environment. */
export const BotEnvSchema = BaseEnvSchema.extend({
  DISCORD_TOKEN: z.string({ error: "is not set" }).regex(/^\S+$/, "must be the bot token, with no spaces"),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_API_URL: z.url({ error: "must be a URL such as https://discord.com/api" }).optional(),
  DEV_GUILD_ID: snowflake.optional(),
  ASK_COOLDOWN_USES: positiveInt.default(3),
  ASK_COOLDOWN_SECONDS: nonNegativeInt.default(10),
  LOGIN_TIMEOUT_SECONDS: positiveInt.default(30),
  SHUTDOWN_GRACE_SECONDS: positiveInt.default(10),
  ADMIN_GUILD_IDS: idList,
  MOD_ROLE_IDS: idList,
  STORE_POLL_SECONDS: positiveInt.default(2),
  QA_CHANNEL_IDS: idList,
  QA_MIN_CONFIDENCE: z.coerce.number({ error: "must be a number from 0 to 1" }).min(0, "must be a number from 0 to 1").max(1, "must be a number from 0 to 1").default(0.8),
  QA_CHANNEL_COOLDOWN_SECONDS: nonNegativeInt.default(60),
  QA_HELPER_ROLE_ID: snowflake.optional(),
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d*)$/, "must be auto or a whole number greater than 0")
    .optional()
    .transform((count): "auto" | number => (count === undefined ? 1 : count === "auto" ? "auto" : Number(count))),
  QA_SOLVED_TAG: z.string().trim().min(1).max(20, "must be at most 20 characters (Discord's limit for a tag)").default("Solved"),
  HTTP_PORT: port.optional(),
  HTTP_HOST: z.string().regex(/^\S+$/, "must be an address or host name, with no spaces").default("127.0.0.1"),
  /** For tests only: private addresses `/trade-admin sources add url:` may fetch from, each maybe named (`news.test=127.0.0.1`). */
  ALLOW_PRIVATE_SOURCE_URLS: z
    .string()
    .default("")
    .transform((text) => text.split(",").map((entry) => entry.trim()).filter(Boolean))
    .pipe(
      z.array(
        z.string().refine((entry) => isIP(entry.slice(entry.indexOf("=") + 1)) !== 0),
        { error: "must be IP addresses, or host=address pairs, separated by commas (for tests only)" },
      ),
    ),
});
export type BotConfig = z.infer<typeof BotEnvSchema>;

/** Reads `.env` (if any) into the environment; variables already set win. */
export function loadDotenvFile(path?: string): void {
  loadDotenv({ quiet: true, ...(path ? { path } : {}) });
}

/**
 * Validates the environment against a schema. Each error is one line naming the variable and how to fix it.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): Result<z.infer<S>, string[]> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(cleaned, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues.map((issue) => {
      const name = issue.path.length > 0 ? String(issue.path[0]) : "environment";
      const problem = issue.code === "invalid_type" && issue.input === undefined ? "is not set" : issue.message;
      return `${name} ${problem} (set it in .env; see .env.example)`;
    }),
  );
}
