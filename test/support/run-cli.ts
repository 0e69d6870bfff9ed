import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh directory under the system's temporary directory, for a test's own database and files. */
export function freshTempDir(prefix = "trade-facts-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Runs one of the command-line tools the way `npm run` does, from the repository root. Unless `env` names a
 * DATABASE_PATH, the run gets a fresh database of its own in a temporary directory (removed afterwards),
 * so no test ever writes the repository's ./data.
 */
export function runCli(script: "ask" | "facts" | "eval", args: readonly string[], input?: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const scratch = env.DATABASE_PATH === undefined ? freshTempDir() : undefined;
  try {
    const result = spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      input,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", ...(scratch ? { DATABASE_PATH: join(scratch, "trade-facts.db") } : {}), ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
