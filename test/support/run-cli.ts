import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the command-line tools the way `npm run` does, from the repository root. */
export function runCli(script: "ask" | "facts" | "eval", args: readonly string[], input?: string): CliRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
