import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { err, ok, type Result } from "./result.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** What every entry point reads from the environment. */
export const BaseEnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

/** Reads `.env` (if any) into the environment; variables already set win. */
export function loadDotenvFile(path?: string): void {
  loadDotenv({ quiet: true, ...(path ? { path } : {}) });
}

/**
 * Validates the environment against a schema. Each error is one line naming the variable and how to fix it.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): Result<z.infer<S>, string[]> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      const problem = issue.code === "invalid_type" && issue.input === undefined ? "is not set" : issue.message;
      return `${name} ${problem} (set it in .env; see .env.example)`;
    }),
  );
}
